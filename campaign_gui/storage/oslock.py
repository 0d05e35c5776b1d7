"""Exclusive, non-blocking OS file locks (fcntl on POSIX, msvcrt on Windows), released when the handle closes
or the process dies. Used by the data-directory lock (upload.locking) and the scratch folders (reading.scratch)."""

from __future__ import annotations

import sys
from typing import IO

if sys.platform == "win32":  # pragma: no cover - exercised on Windows CI only
    import msvcrt

    def lock_file(handle: IO[str]) -> None:
        """An exclusive OS lock on ``handle``, released when it is closed or the process ends; OSError when
        another process holds it (never waits)."""
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def unlock_file(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

    def lock_fd(fd: int) -> None:
        raise OSError("folders cannot be locked on Windows")
else:
    import fcntl

    def lock_file(handle: IO[str]) -> None:
        """An exclusive OS lock on ``handle``, released when it is closed or the process ends; OSError when
        another process holds it (never waits)."""
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def unlock_file(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

    def lock_fd(fd: int) -> None:
        """An exclusive OS lock on an open descriptor (a folder's too), released when it is closed; OSError
        when another holds it (never waits)."""
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

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
else:
    import fcntl

    def lock_file(handle: IO[str]) -> None:
        """An exclusive OS lock on ``handle``, released when it is closed or the process ends; OSError when
        another process holds it (never waits)."""
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def unlock_file(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)

"""An exclusive per-data-directory lock (``journal.lock``): one importer or app writes the journal."""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType
from typing import IO

from campaign_gui.storage.oslock import lock_file, unlock_file

LOCK_NAME = "journal.lock"


class DataDirLocked(Exception):
    """Another Campaign Manager process holds the data directory; ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DataDirLock:
    """Hold ``data_dir/journal.lock`` with an OS lock (fcntl/msvcrt), released on exit or process death."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / LOCK_NAME
        self._file: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._file is not None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # kept open while the lock is held
        try:
            lock_file(handle)
        except OSError:
            try:
                handle.seek(0)
                holder = handle.read().strip()[:40]
            except OSError:  # Windows: the holder's locked byte cannot be read
                holder = ""
            handle.close()
            who = f" (process {holder})" if holder else ""
            raise DataDirLocked(
                f"Another Campaign Manager import or window is using this data directory{who}. "
                "Wait for it to finish, or use another --data-dir.") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._file = handle

    def release(self) -> None:
        if self._file is None:
            return
        try:
            self._file.seek(0)
            self._file.truncate()
            self._file.flush()
            unlock_file(self._file)
        finally:
            self._file.close()
            self._file = None

    def __enter__(self) -> DataDirLock:
        self.acquire()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()

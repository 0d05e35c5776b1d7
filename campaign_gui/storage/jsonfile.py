"""Small JSON documents in the data directory: atomic replace on write, a kept copy when damaged."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from campaign_gui.storage.oslock import lock_fd, lock_file

LOCK_WAIT_SECONDS = 10.0


class StorageFileError(Exception):
    """A data file cannot be read or written; ``message`` is for the user and names the file."""

    def __init__(self, message: str, *, path: Path, backup: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.backup = backup


def read_json_object(path: Path, what: str) -> dict[str, Any] | None:
    """The JSON object in ``path``, or None when the file does not exist.

    A file that is not a JSON object is copied to ``<name>.bak`` (the original stays in place, so
    nothing is lost) and ``StorageFileError`` says so; ``what`` names the file for the user.
    """
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StorageFileError(f"Cannot read the {what} file {path}: {exc.strerror or exc}.", path=path) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        data = None
    if isinstance(data, dict):
        return data
    backup = path.with_name(path.name + ".bak")
    try:
        shutil.copyfile(path, backup)
    except OSError:
        backup_note = "a copy could not be kept"
        kept: Path | None = None
    else:
        backup_note = f"a copy was kept as {backup}"
        kept = backup
    raise StorageFileError(
        f"The {what} file {path} is damaged and cannot be read ({backup_note}). "
        f"Restore it from a backup, or move it away to start with an empty one.",
        path=path, backup=kept)


@contextlib.contextmanager
def locked(path: Path, what: str) -> Iterator[None]:
    """Hold an OS lock for a read-modify-write of ``path`` (waits up to ``LOCK_WAIT_SECONDS``).

    Two processes (the window and ``accounts add``, or two ``accounts add``) then never both read the old
    file and each write it without the other's change. On POSIX the lock is taken on the folder itself
    (no lock file left beside the data); on Windows on a ``.<name>.lock`` file.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            fd = os.open(path.parent, os.O_RDONLY)
            take: Callable[[], None] = lambda: lock_fd(fd)  # noqa: E731
            release: Callable[[], None] = lambda: os.close(fd)  # noqa: E731
        else:  # pragma: no cover - Windows
            handle = open(path.with_name(f".{path.name}.lock"), "a+", encoding="utf-8")
            take, release = (lambda: lock_file(handle)), handle.close
    except OSError as exc:
        raise StorageFileError(f"Cannot write the {what} file {path}: {exc.strerror or exc}.", path=path) from None
    try:
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while True:
            try:
                take()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise StorageFileError(
                        f"The {what} file {path} stays locked by another Campaign Manager; close it and try "
                        "again.", path=path) from None
                time.sleep(0.01)
        yield
    finally:
        release()  # closing releases the lock


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    """Write ``data`` to ``path`` via a temporary file and ``os.replace``: readers see old or new, never half."""
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise StorageFileError(f"Cannot write {path}: {exc.strerror or exc}.", path=path) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable where the platform allows it (not on Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

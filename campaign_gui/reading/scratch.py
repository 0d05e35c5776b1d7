"""Where temporary spreadsheet parts go, and the removal of those a killed process left behind.

A big .xlsx is cut into part packages (hundreds of MB for a million rows) that are removed as soon as
they are parsed. A process killed meanwhile (kill -9, a crash, power loss) cannot remove them, and on
Windows nothing empties %TEMP% on its own. So each process writes its parts into its own directory,
``campaign-gui-scratch-<pid>-*`` in the temporary folder, holding an OS lock on ``owner.lock`` inside
for as long as it lives (the lock goes with the process, however it ends). Before a process makes its
own directory it removes every other one whose lock it can take: their owners are gone. A live
process's directory is never touched, whatever its pid, and a reused pid cannot hold a dead one's lock.
"""

from __future__ import annotations

import atexit
import logging
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import IO

from campaign_gui.storage.oslock import lock_file, unlock_file

logger = logging.getLogger(__name__)

PREFIX = "campaign-gui-scratch-"
OWNER = "owner.lock"
YOUNG_SECONDS = 60.0  # a directory without its lock file yet may be a process starting: left alone this long

_guard = threading.Lock()
_mine: dict[Path, tuple[Path, IO[str]]] = {}  # temporary folder → this process's directory in it, its lock


def scratch_dir() -> str:
    """This process's directory for temporary parts, in the current temporary folder (made on first use,
    after removing the directories of processes that died)."""
    with _guard:
        base = Path(tempfile.gettempdir())
        mine = _mine.get(base)
        if mine is not None and mine[0].is_dir():
            return str(mine[0])
        sweep(base)
        path = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=base))
        handle = open(path / OWNER, "a+", encoding="ascii")
        try:
            lock_file(handle)
        except OSError:  # a file system without locks: parts still go here, and are removed as they are used
            logger.info("no lock for the scratch directory %s", path)
        handle.write(str(os.getpid()))
        handle.flush()
        if mine is not None:  # removed from under us: let its handle go
            mine[1].close()
        _mine[base] = (path, handle)
        return str(path)


def sweep_temp() -> int:
    """``sweep`` the current temporary folder (at start-up: what a killed process left goes at once)."""
    with _guard:
        return sweep(Path(tempfile.gettempdir()))


def sweep(base: Path) -> int:
    """Remove the scratch directories in ``base`` whose owner process has ended; returns how many."""
    removed = 0
    try:
        entries = [e for e in os.scandir(base) if e.name.startswith(PREFIX) and e.is_dir(follow_symlinks=False)]
    except OSError:
        return 0
    for entry in entries:
        path = Path(entry.path)
        if any(path == mine[0] for mine in _mine.values()):
            continue
        if _abandoned(path):
            removed += 1
    if removed:
        logger.info("removed %d scratch folder(s) left by ended processes in %s", removed, base)
    return removed


def _abandoned(path: Path) -> bool:
    """Remove ``path`` if no live process holds its lock; True when it was removed."""
    if not _owner_gone(path):
        return False
    shutil.rmtree(path, ignore_errors=True)
    return not path.exists()


def _owner_gone(path: Path) -> bool:
    try:
        handle = open(path / OWNER, "r+", encoding="ascii")
    except FileNotFoundError:  # no lock file (yet): a process starting, unless the folder is old
        try:
            return time.time() - path.stat().st_mtime >= YOUNG_SECONDS
        except OSError:
            return False
    except OSError:
        return False
    with handle:  # closed before the folder is removed (Windows cannot remove an open file)
        try:
            lock_file(handle)
        except OSError:
            return False  # its owner lives
        unlock_file(handle)
        return True


@atexit.register
def _release() -> None:
    """At exit: drop this process's directories (parts are removed by their users; whatever is left goes too)."""
    with _guard:
        while _mine:
            _base, (path, handle) = _mine.popitem()
            try:
                unlock_file(handle)
            except OSError:
                pass
            handle.close()
            shutil.rmtree(path, ignore_errors=True)

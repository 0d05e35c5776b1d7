"""The data directory: platform default, ``--data-dir`` or ``CAMPAIGN_GUI_DATA_DIR``; private (0700) on POSIX."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import platformdirs

from campaign_gui.storage.jsonfile import StorageFileError

ENV_VAR = "CAMPAIGN_GUI_DATA_DIR"


class DataDirError(StorageFileError):
    """The data directory cannot be used (a file of that name, no permission); ``message`` says what to do."""


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Resolve and create the data directory (override, then the env var, then the platform's).

    The journal, logs and reports in it hold phones and names: on POSIX it is made 0700 (only its owner
    may enter it). DataDirError when the path names a file or cannot be created.
    """
    chosen = override or os.environ.get(ENV_VAR)
    path = Path(chosen) if chosen else Path(platformdirs.user_data_dir("campaign-gui", "CampaignManager"))
    if path.exists() and not path.is_dir():
        raise DataDirError(f"The data directory {path} is a file, not a folder. Give --data-dir (or "
                           f"{ENV_VAR}) a folder; it is created if it does not exist.", path=path)
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        _make_private(path)
    except OSError as exc:
        raise DataDirError(f"Cannot use the data directory {path}: {exc.strerror or exc}. Give --data-dir (or "
                           f"{ENV_VAR}) a folder you can write to.", path=path) from None
    return path


def _make_private(path: Path) -> None:
    """0700 on POSIX when the folder is ours and open to others (a folder made before, or under a wide umask)."""
    if os.name != "posix":
        return
    info = path.stat()
    if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) & 0o077:
        path.chmod(stat.S_IMODE(info.st_mode) & 0o700 | 0o700)


def private_dir(path: Path) -> Path:
    """Create a folder inside the data directory (logs, reports) that only its owner may enter."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    _make_private(path)
    return path

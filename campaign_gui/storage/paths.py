"""The data directory: platform default, ``--data-dir`` or ``CAMPAIGN_GUI_DATA_DIR``."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_VAR = "CAMPAIGN_GUI_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Resolve and create the data directory (override, then the env var, then the platform's)."""
    chosen = override or os.environ.get(ENV_VAR)
    path = Path(chosen) if chosen else Path(platformdirs.user_data_dir("campaign-gui", "CampaignManager"))
    path.mkdir(parents=True, exist_ok=True)
    return path

"""User settings (language, page size, pacing overrides…) as JSON key/values in ``settings.json``."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from campaign_gui.storage.jsonfile import StorageFileError, locked, read_json_object, write_json_atomic

FILE_NAME = "settings.json"

__all__ = ["FILE_NAME", "Settings", "StorageFileError"]


class Settings:
    """Key/value settings in ``data_dir/settings.json``; values are anything JSON can hold.

    Every read goes to the file (it is small), every write re-reads it and replaces it atomically,
    so the window and the command line never undo each other's other settings.
    """

    def __init__(self, data_dir: Path) -> None:
        self._path = Path(data_dir) / FILE_NAME

    @property
    def path(self) -> Path:
        return self._path

    def __repr__(self) -> str:
        return f"Settings({str(self._path)!r})"

    def get(self, key: str, default: Any = None) -> Any:
        """The stored value, or ``default`` when the key is not set."""
        return self.as_dict().get(key, default)

    def get_int(self, key: str, default: int) -> int:
        """An integer setting; ``default`` when unset or not an integer (a hand-edited file)."""
        value = self.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else default

    def get_float(self, key: str, default: float) -> float:
        value = self.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        return default

    def get_str(self, key: str, default: str) -> str:
        value = self.get(key)
        return value if isinstance(value, str) else default

    def set(self, key: str, value: Any) -> None:
        """Store one value (must be JSON-serialisable: TypeError otherwise, nothing written)."""
        self.update({key: value})

    def update(self, values: Mapping[str, Any]) -> None:
        """Store several values in one write."""
        json.dumps(dict(values))  # fail before touching the file
        with locked(self._path, "settings"):  # another process's change in between is kept, not undone
            data = self.as_dict()
            data.update(values)
            write_json_atomic(self._path, data)

    def remove(self, key: str) -> None:
        """Unset a key (back to the caller's default); nothing happens if it is not set."""
        with locked(self._path, "settings"):
            data = self.as_dict()
            if key in data:
                del data[key]
                write_json_atomic(self._path, data)

    def as_dict(self) -> dict[str, Any]:
        """A copy of every stored setting. StorageFileError when the file is damaged."""
        return read_json_object(self._path, "settings") or {}

"""Settings: JSON key/values, atomic writes, damaged files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from campaign_gui.storage.settings import FILE_NAME, Settings, StorageFileError


def test_values_round_trip_and_persist(tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    assert settings.get("language") is None
    assert settings.get("language", "en") == "en"
    settings.set("language", "vi")
    settings.update({"page_size": 200, "pacing": {"stringee": 0.25}})
    again = Settings(tmp_path)
    assert again.get("language") == "vi"
    assert again.as_dict() == {"language": "vi", "page_size": 200, "pacing": {"stringee": 0.25}}
    assert json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))["page_size"] == 200


def test_remove_and_copies(tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    settings.set("page_size", 50)
    copy = settings.as_dict()
    copy["page_size"] = 1
    assert settings.get("page_size") == 50
    settings.remove("page_size")
    settings.remove("never-set")
    assert settings.get("page_size", 100) == 100


def test_typed_getters_fall_back_on_wrong_types(tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    settings.update({"page_size": "many", "flag": True, "pace": 1, "name": 3})
    assert settings.get_int("page_size", 100) == 100
    assert settings.get_int("flag", 7) == 7  # a bool is not an int here
    assert settings.get_float("pace", 0.2) == 1.0
    assert settings.get_str("name", "x") == "x"
    settings.set("page_size", 250)
    assert settings.get_int("page_size", 100) == 250


def test_unserialisable_value_writes_nothing(tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    settings.set("language", "en")
    before = settings.path.read_bytes()
    with pytest.raises(TypeError):
        settings.set("bad", object())
    assert settings.path.read_bytes() == before


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(tmp_path)
    settings.set("language", "en")
    before = settings.path.read_bytes()

    def failing_replace(src: object, dst: object) -> None:
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(StorageFileError, match="Permission denied"):
        settings.set("language", "vi")
    monkeypatch.undo()
    assert settings.path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [FILE_NAME]


def test_damaged_file(tmp_path: Path) -> None:
    settings = Settings(tmp_path)
    settings.path.write_text('{"language": "vi",', encoding="utf-8")
    with pytest.raises(StorageFileError) as info:
        settings.get("language")
    assert "settings" in info.value.message and str(settings.path) in info.value.message
    assert (tmp_path / (FILE_NAME + ".bak")).read_text(encoding="utf-8") == '{"language": "vi",'


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    """Four processes each set 40 keys of their own at the same time: the locked read-modify-write keeps all."""
    import subprocess
    import sys

    script = ("import sys; from pathlib import Path; from campaign_gui.storage.settings import Settings\n"
              "s = Settings(Path(sys.argv[1]))\n"
              "for i in range(40): s.set(f'{sys.argv[2]}-{i}', i)\n")
    procs = [subprocess.Popen([sys.executable, "-c", script, str(tmp_path), f"writer{w}"]) for w in range(4)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    assert Settings(tmp_path).as_dict() == {f"writer{w}-{i}": i for w in range(4) for i in range(40)}
    assert [p.name for p in tmp_path.iterdir()] == [FILE_NAME]

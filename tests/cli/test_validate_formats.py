"""``campaign-gui validate`` on every file class of issue 14 items 1-5: read, or refused by name (exit 2)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

_READING = str(Path(__file__).resolve().parents[1] / "reading")
if _READING not in sys.path:  # the file builders live with the reading tests
    sys.path.insert(0, _READING)

import format_files  # noqa: E402

from campaign_gui.cli import main  # noqa: E402

READABLE = ["xls named .xlsx", "ods named .xlsx", "xlsx named .ods", "workbook at the root", "backslashes, UTF-16",
            "ods without mimetype", "flat ods", "xml spreadsheet 2003", "biff5 mac roman", "short csv with a NUL"]


@pytest.mark.parametrize("name", READABLE)
def test_validate_reads_it(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    path = format_files.readable(tmp_path)[name]
    code = main(["validate", str(path), "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    data = json.loads(out.out)
    assert data["rows"] == 2 and data["valid"] + data["fixed"] == 2, data
    assert data["mapping"]["phone"] in ("Số điện thoại", "Phone")


def test_validate_names_what_it_cannot_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = format_files.refused(tmp_path)
    assert len(files) >= 14
    for name, (path, needle) in files.items():
        assert main(["validate", str(path)]) == 2, name
        err = capsys.readouterr().err
        assert needle in err and "Traceback" not in err, (name, err)
        assert len(err.strip().splitlines()) == 1, (name, err)

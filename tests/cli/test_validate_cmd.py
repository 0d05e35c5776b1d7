"""``campaign-gui validate``: JSON and human output, --map/--sheet/--header-row/--country, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from campaign_gui.cli import main

ROWS = [["Báo cáo"], [], ["STT", "Số điện thoại", "Họ và tên", "Liên hệ"],
        [1, "0901234567", "Nguyễn Văn An", "an@example.vn"], [2, 912345678, "Trần Bình", "b@x.vn"],
        [3, "abc", "Lê C", "c@x.vn"], [4, "+84 90 123 4567", "Dup", ""], [5, "01662345678", "Old", ""]]


@pytest.fixture
def book(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Khách"
    for r in ROWS:
        ws.append(r)
    other = wb.create_sheet("BY")
    other.append(["Телефон", "ФИО"])
    other.append(["+375291234567", "Иванов"])
    other.append(["80291234568", "Петров"])
    p = tmp_path / "book.xlsx"
    wb.save(p)
    return p


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    code = main(["validate", *args, "--json"])
    out = capsys.readouterr()
    assert code == 0, out.err
    data: dict[str, object] = json.loads(out.out)
    return data


def test_json_summary(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, str(book))
    for key in ("rows", "valid", "fixed", "invalid", "duplicates", "blank", "header_row", "sheet", "columns",
                "mapping", "reasons"):
        assert key in data
    assert (data["rows"], data["valid"], data["fixed"], data["invalid"], data["duplicates"]) == (5, 1, 1, 2, 1)
    assert data["header_row"] == 3 and data["sheet"] == "Khách"
    assert data["columns"] == ["STT", "Số điện thoại", "Họ và tên", "Liên hệ"]
    assert data["mapping"] == {"phone": "Số điện thoại", "name": "Họ và tên", "email": "Liên hệ"}
    assert data["reasons"] == {"not_a_number": 1, "old_prefix": 1}
    assert data["invalid_rows"][0]["row"] == 6  # type: ignore[index]


def test_human_summary(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(book)]) == 0
    out = capsys.readouterr().out
    assert "valid 1  fixed 1  invalid 2  duplicates 1" in out
    assert "row 6: 'abc'" in out and "Vietnamese synonym 'Số điện thoại'" in out
    assert "suggested fix" in out


@pytest.mark.parametrize("column", ["B", "2", "Số điện thoại", "số điện thoại"])
def test_map_by_letter_number_or_header(book: Path, capsys: pytest.CaptureFixture[str], column: str) -> None:
    data = _json(capsys, str(book), "--map", f"phone={column}", "--map", "name=C")
    assert data["mapping"]["phone"] == "Số điện thoại"  # type: ignore[index]
    assert data["valid"] == 1


def test_sheet_header_row_and_country(book: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, str(book), "--sheet", "BY", "--country", "by", "--header-row", "1")
    assert (data["sheet"], data["rows"], data["valid"], data["invalid"]) == ("BY", 2, 2, 0)
    data = _json(capsys, str(book), "--sheet", "2", "--country", "BY")
    assert data["sheet"] == "BY"


def test_csv_with_encoding_override(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "ru.csv"
    p.write_bytes("Телефон;ФИО\n+375291234567;Иванов\n".encode("cp1251"))
    data = _json(capsys, str(p), "--country", "BY", "--encoding", "cp1251")
    assert data["columns"] == ["Телефон", "ФИО"] and data["valid"] == 1


@pytest.mark.parametrize("args, needle", [
    (["{missing}"], "File not found"),
    (["{empty}"], "empty"),
    (["{book}", "--sheet", "Nope"], "There is no sheet 'Nope'"),
    (["{nophone}"], "No phone column"),
    (["{book}", "--map", "phone=Q9"], "There is no column"),
    (["{book}", "--country", "XX"], "region"),
])
def test_bad_input_exit_2_one_line(tmp_path: Path, book: Path, capsys: pytest.CaptureFixture[str],
                                   args: list[str], needle: str) -> None:
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "nophone.csv").write_text("Name,City\nA,HN\nB,HCM\nC,DN\n", encoding="utf-8")
    paths = {"missing": tmp_path / "missing.xlsx", "empty": tmp_path / "empty.csv", "book": book,
             "nophone": tmp_path / "nophone.csv"}
    code = main(["validate", *(a.format(**paths) for a in args)])
    err = capsys.readouterr().err
    assert code == 2
    assert needle in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_password_protected_file_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import struct

    # an OLE2 container holding EncryptionInfo/EncryptedPackage, as Excel writes encrypted workbooks
    names = ["EncryptionInfo", "EncryptedPackage"]
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 0x28, 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([0xFFFFFFFF] * 108))
    fat = [0xFFFFFFFD, 0xFFFFFFFE] + [0xFFFFFFFF] * 126
    entries = b""
    for i, name in enumerate(["Root Entry", *names, ""]):
        raw = (name.encode("utf-16-le") + b"\0\0") if name else b""
        entries += raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), 5 if i == 0 else (2 if name else 0), 1)
        entries += struct.pack("<III", 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF) + b"\0" * 36 + struct.pack("<IQ", 0, 0)
    p = tmp_path / "locked.xlsx"
    p.write_bytes(bytes(header) + struct.pack("<128I", *fat) + entries)
    assert main(["validate", str(p)]) == 2
    assert "password-protected" in capsys.readouterr().err


def test_progress_on_a_terminal_ends_its_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """``read N rows…`` is rewritten in place; at the end it gives the total and a newline, so the summary does
    not run on after it."""
    import sys

    p = tmp_path / "many.csv"
    p.write_text("Phone,Name\n" + "".join(f"09{i:08d},An {i}\n" for i in range(12_000)), encoding="utf-8")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["validate", str(p)]) == 0
    err = capsys.readouterr().err
    assert err.startswith("\rread 10,000 rows…") and err.endswith("\rread 12,000 rows.\n")

"""`campaign-gui validate` on the files of issue 14 (items 6-10): the right sheet, rows, column and reasons."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter

from campaign_gui.cli import main

INSTRUCTIONS = [
    ["HƯỚNG DẪN NHẬP DANH SÁCH KHÁCH HÀNG"],
    ["Điền danh sách vào sheet 'Danh sách': mỗi dòng một khách hàng, cột Số điện thoại ghi đủ 10 chữ số, "
     "không có dấu cách. Không sửa dòng tiêu đề."],
    ["Số điện thoại", "Ví dụ: 0901234567"],
    ["Ví dụ", "0901234567"],
]
CONTACTS = [["STT", "Họ và tên", "Số điện thoại"]] + [
    [i + 1, f"Khách {i + 1}", f"09{12345600 + i:08d}"] for i in range(45)]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any] | None, str]:
    code = main(["validate", *args, "--json"])
    out = capsys.readouterr()
    return code, (json.loads(out.out) if out.out.strip() else None), out.err


def workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    for name, rows in sheets.items():
        ws = wb.add_worksheet(name)
        for r, row in enumerate(rows):
            ws.write_row(r, 0, row)
    wb.close()
    return path


def test_instructions_first_then_contacts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = workbook(tmp_path / "template.xlsx", {"Hướng dẫn": INSTRUCTIONS, "Danh sách": CONTACTS})
    code, data, err = run(capsys, str(path))
    assert code == 0, err
    assert data is not None
    assert (data["sheet"], data["rows"], data["valid"], data["invalid"]) == ("Danh sách", 45, 45, 0)
    assert "Read sheet 'Danh sách': the first sheet 'Hướng dẫn' holds no contact list." in data["warnings"]
    code, data, err = run(capsys, str(path), "--sheet", "1")  # asked for by name: read as asked, no contact in it
    assert code == 0 and data is not None
    assert (data["sheet"], data["valid"] + data["fixed"], data["warnings"]) == ("Hướng dẫn", 0, [])


def test_two_contact_sheets_after_instructions_ask_the_user(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = workbook(tmp_path / "two.xlsx", {"Hướng dẫn": INSTRUCTIONS, "Tháng 4": CONTACTS, "Tháng 5": CONTACTS})
    code, data, err = run(capsys, str(path))
    assert code == 2 and data is None
    assert err.startswith("error: Several sheets hold phone numbers ('Tháng 4' (45), 'Tháng 5' (45)")
    assert "--sheet" in err and "Traceback" not in err
    code, data, err = run(capsys, str(path), "--sheet", "Tháng 5")
    assert code == 0 and data is not None and data["sheet"] == "Tháng 5"


def test_first_sheet_with_contacts_is_kept(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = workbook(tmp_path / "both.xlsx", {"A": CONTACTS[:10], "B": CONTACTS})
    code, data, err = run(capsys, str(path))
    assert code == 0 and data is not None and (data["sheet"], data["rows"]) == ("A", 9)


def test_numbered_template_rows_without_contacts_are_blank(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Số điện thoại", "Ghi chú"])
    for i in range(200):
        filled = i < 45
        ws.append([i + 1, f"Khách {i}" if filled else None, f"09{22345600 + i:08d}" if filled else None,
                   None if filled else ""])
        ws.cell(row=i + 2, column=4).number_format = "@"  # formatting only
    path = tmp_path / "stt.xlsx"
    wb.save(path)
    code, data, err = run(capsys, str(path))
    assert code == 0, err
    assert data is not None
    assert (data["rows"], data["valid"], data["invalid"], data["blank"]) == (45, 45, 0, 155)


def test_numbered_rows_without_a_header_are_blank_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows: list[list[Any]] = [[i + 1, f"Khách {i}", f"09{32345600 + i:08d}"] for i in range(5)]
    rows += [[i + 6] for i in range(20)]
    path = workbook(tmp_path / "noheader.xlsx", {"S": rows})
    code, data, err = run(capsys, str(path), "--header-row", "0")
    assert code == 0, err
    assert data is not None and (data["rows"], data["valid"], data["blank"]) == (5, 5, 20)


def test_labels_win_over_a_repeated_banner_and_ids_are_not_phones(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    rows: list[list[Any]] = [["blah blah", "blah blah", "blah blah"], ["number", "number as text", "notes"]]
    rows += [[n, str(n), "blah blah"] for n in (2147483647, 4294967295, 2147483648, 9999999999, 1234567890, -1, 0)]
    path = workbook(tmp_path / "numbers.xlsx", {"S": rows})
    code, data, err = run(capsys, str(path))
    assert code == 2 and data is None
    assert "No phone column was found" in err
    code, data, err = run(capsys, str(path), "--map", "phone=A")
    assert code == 0 and data is not None
    assert (data["header_row"], data["columns"]) == (2, ["number", "number as text", "notes"])


def test_id_column_is_not_sniffed_but_the_phones_beside_it_are(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    rows: list[list[Any]] = [["ma", "khach", "lien he"]]
    rows += [[901234500 + 3 * i, f"Khách {i}", f"09{42345600 + 7919 * i:08d}"] for i in range(20)]
    path = workbook(tmp_path / "ids.xlsx", {"S": rows})
    code, data, err = run(capsys, str(path))
    assert code == 0, err
    assert data is not None and data["mapping"]["phone"] == "lien he"


def test_numbers_among_other_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cells = ["0901234567 - 0912345678", "0943300083/0995559862", "Zalo: 0355036104", "0399135022 chị Lan",
             "ĐT: 059.987.3689", "+84991571696 ext 12", "0971234567\n0981234567", "0961234567"]
    rows: list[list[Any]] = [["Tên", "SĐT", "Nhóm"]] + [[f"Khách {i}", c, "A"] for i, c in enumerate(cells)]
    path = workbook(tmp_path / "multi.xlsx", {"S": rows})
    code, data, err = run(capsys, str(path))
    assert code == 0, err
    assert data is not None
    assert data["reasons"] == {"several_numbers": 3, "text_around": 4}
    assert (data["valid"], data["suggestions"], data["multi_number_rows"]) == (1, 7, 3)
    messages = {r["phone"]: (r["message"], r["suggestion"]) for r in data["invalid_rows"]}
    assert messages["0901234567 - 0912345678"] == (
        "Two phone numbers in one cell: +84901234567 and +84912345678.", "+84901234567")
    assert messages["Zalo: 0355036104"] == (
        "Other text around the phone number: +84355036104 was found in the cell.", "+84355036104")
    code, data, err = run(capsys, str(path), "--split-numbers")
    assert code == 0, err
    assert data is not None
    assert (data["rows"], data["valid"], data["fixed"], data["invalid"]) == (11, 1, 6, 4)
    assert data["reasons"] == {"text_around": 4}


def test_russian_numbers_under_a_vietnamese_account(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows: list[list[Any]] = [["Телефон", "ФИО"]] + [[f"8 985 {100 + i:03d}-75-{i % 100:02d}", "Иван"]
                                                     for i in range(402)]
    path = workbook(tmp_path / "ru.xlsx", {"S": rows})
    code, data, err = run(capsys, str(path))
    assert code == 0, err
    assert data is not None
    assert data["reasons"] == {"other_country": 402}
    assert data["country_hint"] == "RU"
    hint = "Most phone numbers look like numbers of Russia (RU), not of Vietnam (VN): choose country RU."
    assert data["warnings"].count(hint) == 1
    assert all("15" not in r["message"] for r in data["invalid_rows"])
    code, data, err = run(capsys, str(path), "--country", "RU")
    assert code == 0 and data is not None and (data["valid"], data["country_hint"]) == (402, None)
    main(["validate", str(path)])
    human = capsys.readouterr().out
    assert human.count("choose country RU") == 1  # said once, not once per row

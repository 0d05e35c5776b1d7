"""The wizard on the files of issue 14 (items 6, 9, 10): the contacts' sheet, multi-number cells, another country."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from pytestqt.qtbot import QtBot
from qt_support import add_account
from test_import_helpers import close_service, make_service

from campaign_gui.domain.phones import REASONS, normalize_phone
from campaign_gui.reading.country import country_message, row_message
from campaign_gui.reading.sheet_choice import SheetChoice, SheetScore, ask_message
from campaign_gui.services import texts
from campaign_gui.services.container import AppServices
from campaign_gui.services.import_service import ImportService, RowStatus
from campaign_gui.ui.import_wizard.draft import ImportDraft
from campaign_gui.ui.import_wizard.review_page import ReviewPage
from campaign_gui.ui.import_wizard.wizard import ImportWizard

INSTRUCTIONS = [["HƯỚNG DẪN"], ["Điền danh sách vào sheet sau, cột Số điện thoại ghi đủ 10 chữ số."],
                ["Số điện thoại", "Ví dụ: 0901234567"], ["Ví dụ", "0901234567"]]
CONTACTS = [["STT", "Họ và tên", "Số điện thoại"]] + [[i + 1, f"Khách {i}", f"09{52345600 + i:08d}"] for i in range(45)]


@pytest.fixture
def service(services: AppServices) -> Iterator[ImportService]:
    built = make_service(services)
    yield built
    close_service(built)


def workbook(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    wb = xlsxwriter.Workbook(str(path))
    for name, rows in sheets.items():
        ws = wb.add_worksheet(name)
        for r, row in enumerate(rows):
            ws.write_row(r, 0, row)
    wb.close()
    return path


def test_the_contacts_sheet_is_selected_after_instructions(services: AppServices, service: ImportService,
                                                          sandbox: Any, qtbot: QtBot, tmp_path: Path) -> None:
    account = add_account(services, sandbox, "stringee")
    path = workbook(tmp_path / "mau.xlsx", {"Hướng dẫn": INSTRUCTIONS, "Danh sách": CONTACTS})
    wizard = ImportWizard(service, str(path), account_id=account.id)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    qtbot.waitUntil(page.isComplete, timeout=20_000)
    assert page._selected_sheet() == 1
    assert "Sheet “Danh sách” is selected: the first sheet “Hướng dẫn” holds no contact list." in page.message.text()


def test_several_contact_sheets_wait_for_the_user(services: AppServices, service: ImportService, sandbox: Any,
                                                 qtbot: QtBot, tmp_path: Path) -> None:
    account = add_account(services, sandbox, "stringee")
    path = workbook(tmp_path / "hai.xlsx", {"Hướng dẫn": INSTRUCTIONS, "T4": CONTACTS, "T5": CONTACTS})
    wizard = ImportWizard(service, str(path), account_id=account.id)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    qtbot.waitUntil(lambda: page.sheets.rowCount() == 3, timeout=20_000)
    assert "choose the sheet to read" in page.message.text() and "“T4”, “T5”" in page.message.text()
    assert page._selected_sheet() is None and not page.isComplete()
    page.sheets.selectRow(2)
    assert page.isComplete() and page._selected_sheet() == 2


def review(service: ImportService, qtbot: QtBot, path: Path) -> tuple[ReviewPage, ImportDraft]:
    draft = ImportDraft(path=str(path), header_row=1, region="VN")
    page = ReviewPage(service, draft)
    qtbot.addWidget(page)
    page.initializePage()
    qtbot.waitUntil(lambda: draft.result is not None and not page.progress.isVisible(), timeout=20_000)
    return page, draft


def test_multi_number_cells_split_and_suggestions_one_by_one(service: ImportService, qtbot: QtBot,
                                                             tmp_path: Path) -> None:
    rows = [["Tên", "SĐT", "Nhóm"], ["An", "0901234567 - 0912345678", "A"], ["Bình", "Zalo: 0355036104", "B"],
            ["Chi", "0943300083/0995559862", "C"], ["Dũng", "0961234567", "D"]]
    page, draft = review(service, qtbot, workbook(tmp_path / "nhieu.xlsx", {"S": rows}))
    assert draft.result is not None and draft.result.invalid == 3
    assert not page.split.isHidden() and not page.accept_selected.isHidden()
    assert "several numbers in one cell: 2" in page.counts.text()
    problem = page.model.data(page.model.index(0, 2))
    assert "Two phone numbers in one cell: +84901234567 and +84912345678." in problem
    page.table.selectRow(1)  # accept Bình's suggestion alone
    with qtbot.waitSignal(service.computed, timeout=10_000):
        page.accept_selected.click()
    assert draft.result.status(1) == RowStatus.FIXED and draft.result.invalid == 2
    with qtbot.waitSignal(service.computed, timeout=10_000):
        page.split.setChecked(True)
    split = draft.result
    assert (split.rows, split.invalid, split.fixed, split.valid) == (6, 0, 5, 1)
    added = [split.record(i) for i in (4, 5)]
    assert [(r.phone, r.name, r.extra) for r in added] == [("+84912345678", "An", {}), ("+84995559862", "Chi", {})]
    page.split.setChecked(False)  # back to the cells as they were
    assert draft.result is not None and draft.result.rows == 4 and draft.result.invalid == 2


def test_another_countrys_numbers_are_said_once_and_checked_again(service: ImportService, qtbot: QtBot,
                                                                  tmp_path: Path) -> None:
    rows = [["Телефон", "ФИО"]] + [[f"8 985 {100 + i:03d}-75-{i:02d}", "Иван"] for i in range(40)]
    page, draft = review(service, qtbot, workbook(tmp_path / "ru.xlsx", {"S": rows}))
    assert not page.banner.isHidden() and "(RU), not of VN" in page.banner.text()
    assert page.use_country.text() == "Check again as RU"
    page.use_country.click()
    qtbot.waitUntil(lambda: draft.result is not None and not page.progress.isVisible(), timeout=20_000)
    assert draft.region == "RU" and draft.result is not None and draft.result.valid == 40
    assert page.banner.isHidden()


def test_a_numbered_template_reviews_as_its_contacts(service: ImportService, qtbot: QtBot, tmp_path: Path) -> None:
    rows: list[list[Any]] = [["STT", "Họ và tên", "Số điện thoại"]]
    rows += [[i + 1, f"Khách {i}", f"09{62345600 + i:08d}"] if i < 45 else [i + 1] for i in range(200)]
    page, draft = review(service, qtbot, workbook(tmp_path / "stt.xlsx", {"S": rows}))
    assert draft.result is not None and (draft.result.rows, draft.result.invalid, draft.result.blank) == (45, 0, 155)
    assert "45 data rows (155 blank rows skipped)" in page.status.text()


def test_new_reasons_and_notes_in_vietnamese(vietnamese: None) -> None:
    for cell in ("0901234567 - 0912345678", "Zalo: 0355036104", "0901234567, 0912345678; 0355036104",
                 "8 985 998-75-99"):
        result = normalize_phone(cell, "VN")
        assert texts.phone_message_text(result.message, result.reason) != result.message, cell
        assert texts.phone_reason_text(result.reason) != REASONS[result.reason], cell
    assert texts.phone_message_text("Two phone numbers in one cell: +84901234567 and +84912345678.") == (
        "Hai số điện thoại trong một ô: +84901234567 và +84912345678.")
    assert texts.warning_text(country_message("RU", "VN")) == (
        "Phần lớn số điện thoại trông như số của Nga (RU), không phải của Việt Nam (VN): hãy chọn quốc gia RU.")
    assert texts.phone_message_text(row_message("RU", "VN")) == (
        "Không phải số hợp lệ của VN; là số hợp lệ của Nga (RU): hãy chọn quốc gia RU.")
    note = SheetChoice(1, (SheetScore(0, "Hướng dẫn", 1), SheetScore(1, "DS", 45)), skipped="Hướng dẫn").note()
    assert note is not None
    assert texts.warning_text(note) == "Đã đọc trang tính 'DS': trang đầu tiên 'Hướng dẫn' không có danh sách liên hệ."
    ask = ask_message(SheetChoice(None, (), skipped="G", contenders=(SheetScore(1, "A", 9), SheetScore(2, "B", 8))))
    assert texts.input_error_text("choose_sheet", ask).startswith("Nhiều trang tính có số điện thoại ('A' (9), 'B' (8)")

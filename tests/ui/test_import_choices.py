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

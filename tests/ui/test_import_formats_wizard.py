"""The wizard on files of issue 14 items 1-5, in Vietnamese: a workbook whose extension lies or that is laid out
unusually opens on its sheets; a format it cannot read is named on the file page, in the user's language."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from qt_support import add_account
from test_import_helpers import close_service, make_service

_READING = str(Path(__file__).resolve().parents[1] / "reading")
if _READING not in sys.path:  # the file builders live with the reading tests
    sys.path.insert(0, _READING)

import format_files  # noqa: E402

from campaign_gui.services.container import AppServices  # noqa: E402
from campaign_gui.services.import_service import ImportService  # noqa: E402
from campaign_gui.ui.import_wizard.wizard import ImportWizard  # noqa: E402


@pytest.fixture
def service(services: AppServices) -> Iterator[ImportService]:
    built = make_service(services)
    yield built
    close_service(built)


def _wizard(qtbot: QtBot, service: ImportService, account_id: str, path: Path) -> ImportWizard:
    wizard = ImportWizard(service, str(path), account_id=account_id)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_wizard_opens_lying_and_unusual_workbooks(vietnamese: None, services: AppServices, service: ImportService,
                                                  sandbox: Any, qtbot: QtBot, tmp_path: Path) -> None:
    account = add_account(services, sandbox, "stringee")
    files = format_files.readable(tmp_path)
    for name in ("ods named .xlsx", "backslashes, UTF-16", "xml spreadsheet 2003"):
        wizard = _wizard(qtbot, service, account.id, files[name])
        page = wizard.file_page
        qtbot.waitUntil(page.isComplete, timeout=20_000)
        assert page.sheets.rowCount() >= 1 and "trang tính" in page.message.text(), (name, page.message.text())
        assert page.sheets.item(0, 0).text() == ("Danh bạ" if name == "xml spreadsheet 2003" else
                                                 "Khách" if name.startswith("ods") else "S"), name
        wizard.close()


def test_wizard_names_what_it_cannot_read_in_vietnamese(vietnamese: None, services: AppServices,
                                                        service: ImportService, sandbox: Any, qtbot: QtBot,
                                                        tmp_path: Path) -> None:
    account = add_account(services, sandbox, "stringee")
    files = format_files.refused(tmp_path)
    expected = {"sylk.csv": "Đây là tệp SYLK", "xor.xls": "bảo vệ bằng mật khẩu", "excel4.xls": "Excel rất cũ",
                "mac-ce.xls": "Mac Central European (10029)", "numbers.xlsx": "Apple Numbers"}
    for name, needle in expected.items():
        wizard = _wizard(qtbot, service, account.id, files[name][0])
        page = wizard.file_page
        qtbot.waitUntil(lambda page=page: page.message.text() != "", timeout=20_000)
        assert needle in page.message.text(), (name, page.message.text())
        assert not page.isComplete() and page.sheets.rowCount() == 0
        wizard.close()

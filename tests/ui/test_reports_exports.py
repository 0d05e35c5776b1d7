"""Reports and exports in the user's terms: the report's default name and folder, translated export headers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QStandardPaths
from pytestqt.qtbot import QtBot
from qt_support import add_account
from test_import_helpers import close_service, contacts_xlsx, make_service
from test_import_results import finished_job

from campaign_gui.domain.models import Contact
from campaign_gui.services.container import AppServices
from campaign_gui.services.export import write_contacts_xlsx
from campaign_gui.services.import_service import ImportService
from campaign_gui.ui.i18n import LanguageManager
from campaign_gui.ui.import_wizard.results_view import ResultsView


@pytest.fixture
def service(services: AppServices) -> Iterator[ImportService]:
    built = make_service(services)
    yield built
    close_service(built)


def test_the_report_is_named_after_the_source_in_documents(services: AppServices, service: ImportService,
                                                           sandbox: Any, qtbot: QtBot, tmp_path: Path) -> None:
    account = add_account(services, sandbox, "stringee")
    job = finished_job(service, qtbot, account, contacts_xlsx(tmp_path / "Khách tháng 4.xlsx", n=5, bad=1),
                       {"campaign": "CA100002"})
    view = ResultsView(service)
    qtbot.addWidget(view)
    view.show_job(job)
    qtbot.waitUntil(lambda: view.summary is not None, timeout=10_000)
    path = view.default_report_path()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert path.name == f"Khách tháng 4 – not added – {date.today().isoformat()}.xlsx"
    assert str(path.parent) == (documents or str(Path.home()))


def rows_of(path: Path) -> list[tuple[Any, ...]]:
    return list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))


def test_contact_export_headers_are_labels_in_the_users_language(qapp: Any, tmp_path: Path) -> None:
    contact = Contact(phone="+84901234567", name="Lý Thị Hoa", id="88001", status="pending",
                      extra={"customerId": 55001, "callStatus": "CALLING"})
    write_contacts_xlsx(tmp_path / "en.xlsx", [contact])
    assert rows_of(tmp_path / "en.xlsx")[0] == ("Phone", "Name", "Email", "Status", "ID", "Customer ID",
                                                "Call result")
    languages = LanguageManager()
    try:
        languages.apply("vi")
        write_contacts_xlsx(tmp_path / "vi.xlsx", [contact])
    finally:
        languages.apply("en")
    header, row = rows_of(tmp_path / "vi.xlsx")[:2]
    assert header[:2] == ("Điện thoại", "Tên") and "customerId" not in header and "Mã khách hàng" in header
    assert row[3] == "đang chờ"

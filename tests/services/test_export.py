"""Export every page of a list to .xlsx; cancel leaves no file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
from pytestqt.qtbot import QtBot
from qt_support import add_account

from campaign_gui.domain.models import Contact
from campaign_gui.providers.base import ContactScope
from campaign_gui.services.contacts import ContactView
from campaign_gui.services.container import AppServices
from campaign_gui.services.export import ExportService, write_contacts_xlsx


def test_exports_all_pages(services: AppServices, sandbox: Any, qtbot: QtBot, tmp_path: Path) -> None:
    account = add_account(services, sandbox, "alohub")
    view = ContactView(account, ContactScope(campaign_id="1042", list_id="501"))
    export = ExportService(services.contacts, page_size=40)
    progress: list[tuple[int, int]] = []
    export.progress.connect(lambda done, total: progress.append((done, total)))
    target = tmp_path / "out.xlsx"
    with qtbot.waitSignal(export.finished, timeout=20_000) as blocker:
        export.start(view, target)
    path, rows = blocker.args
    sheet = openpyxl.load_workbook(path, read_only=True).active
    values = list(sheet.values)
    assert values[0][:2] == ("Phone", "Name")  # labels, not field keys (issue 15)
    assert len(values) - 1 == rows == progress[-1][1]
    assert len(progress) >= 3  # several pages


def test_cancel_leaves_no_file(services: AppServices, sandbox: Any, qtbot: QtBot, tmp_path: Path) -> None:
    account = add_account(services, sandbox, "alohub")
    sandbox.control.fault(provider="alohub", path="contact-lists/501/contacts", action="stall", seconds=30, times=1)
    export = ExportService(services.contacts)
    target = tmp_path / "cancelled.xlsx"
    export.start(ContactView(account, ContactScope(campaign_id="1042", list_id="501")), target)
    qtbot.waitUntil(lambda: sandbox.control.requests("alohub")["count"] >= 1, timeout=5_000)
    with qtbot.waitSignal(export.cancelled, timeout=5_000):
        export.cancel()
    assert not target.exists()


def test_cells_are_text_never_formulas(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    write_contacts_xlsx(path, [Contact(phone="+84901234567", name="=HYPERLINK(\"x\")", extra={"tags": ["a", "b"]})])
    sheet = openpyxl.load_workbook(path).active
    assert sheet["B2"].data_type == "s" and sheet["B2"].value.startswith("=")
    assert sheet["F2"].value == "a, b"

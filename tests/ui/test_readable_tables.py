"""Human-readable tables: per-provider columns with words, one phone format, named campaigns and targets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import test_import_drop
import test_main_window
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from qt_support import add_account, show_all_contacts
from test_import_helpers import contacts_xlsx

from campaign_gui.services.container import AppServices
from campaign_gui.services.import_service import ImportService, InvalidPolicy, ValidationRequest
from campaign_gui.ui.i18n import LanguageManager
from campaign_gui.ui.import_drop import ImportSupport
from campaign_gui.ui.main_window import MainWindow

window = test_main_window.window  # the window on demo data (fixture)
pytestmark = [pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")]


def headers(win: MainWindow) -> list[str]:
    model = win.pane.model
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def column(win: MainWindow, title: str) -> int:
    return headers(win).index(title)


def test_alohub_columns_are_words_not_a_details_dump(window: MainWindow, qtbot: QtBot) -> None:
    shown = headers(window)
    assert "Details" not in shown and "Customer ID" in shown and "Call result" in shown
    assert window.pane.table.isColumnHidden(column(window, "Email"))  # Alohub never fills it
    model = window.pane.model
    call = column(window, "Call result")
    results = {model.index(r, call).data() for r in range(model.rowCount())}
    assert results & {"in a call", "answered", "no answer", "busy", "call failed"}
    assert not results & {"CALLING", "ANSWERED", "NO_ANSWER", "BUSY", "FAILED"}
    phones = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert all(re.fullmatch(r"0\d{3} \d{3} \d{3}", p) for p in phones), phones[:5]
    languages = LanguageManager()
    try:
        languages.apply("vi")
        qtbot.waitUntil(lambda: "Call result" not in headers(window), timeout=5_000)
        assert not {model.index(r, call).data() for r in range(model.rowCount())} & {"in a call", "answered"}
    finally:
        languages.apply("en")


def test_cellcast_phones_in_the_australian_format_with_lists_and_tags(window: MainWindow, qtbot: QtBot) -> None:
    show_all_contacts(window, qtbot, "Cellcast")  # "All contacts"
    contacts = window.pane.model
    phones = [contacts.index(r, 0).data() for r in range(contacts.rowCount())]
    assert all(re.fullmatch(r"04\d\d \d{3} \d{3}", p) for p in phones), phones[:5]
    assert {"Lists", "Tags"} <= set(headers(window)) and not window.pane.table.isColumnHidden(2)


def test_dynmsg_campaigns_are_named_by_date_and_sender(window: MainWindow, qtbot: QtBot) -> None:
    model = window.tree.tree_model
    dm = next(model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == "Dynamic Messaging")
    account = model.index(0, 0, dm)
    with qtbot.waitSignal(model.childrenArrived, timeout=10_000):
        window.tree.expand(account)
    labels = [model.index(r, 0, account).data() for r in range(model.rowCount(account))]
    assert len(labels) > 20 and len(set(labels)) == len(labels)  # no two alike
    assert all(re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d · \S", label) for label in labels), labels[:3]
    assert all(re.search(r" — \d+$", label) for label in labels)  # the recipient count


@pytest.fixture
def opened(services: AppServices, tmp_path: Path, qtbot: QtBot) -> Iterator[tuple[MainWindow, ImportSupport,
                                                                                    ImportService]]:
    win, support, service = test_import_drop.make_window(services, tmp_path, qtbot)
    yield win, support, service
    service.shutdown()
    service.jobs.close()


def test_the_imports_panel_names_the_target(opened: Any, services: AppServices, sandbox: Any, qtbot: QtBot,
                                            tmp_path: Path) -> None:
    win, support, service = opened
    account = add_account(services, sandbox, "alohub")
    with qtbot.waitSignal(win.pane.model.firstPageShown, timeout=15_000):
        win.populate()
    path = contacts_xlsx(tmp_path / "a.xlsx", "alohub", n=3)
    with qtbot.waitSignal(service.validationFinished, timeout=30_000) as got:
        service.validate(ValidationRequest(str(path), 0, None, None, "VN"))
    with qtbot.waitSignal(service.jobs.jobFinished, timeout=60_000):
        service.jobs.start(account, {"campaign": "1042", "list": "501"}, got.args[1], str(path), InvalidPolicy.DROP)
    support.panel.refresh()
    item = support.panel.tree.topLevelItem(0)
    assert item.text(2) == "Chiến dịch tháng 4 › Danh sách tháng 4"
    assert "campaign=1042" in item.toolTip(2)

"""Finding a contact: no diacritics or case, a phone in any format, "no match" said, local sort everywhere."""

from __future__ import annotations

from typing import Any

import pytest
import test_main_window
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot
from qt_support import show_all_contacts

from campaign_gui.domain.search import Needle, fold
from campaign_gui.ui.i18n import LanguageManager
from campaign_gui.ui.main_window import MainWindow

window = test_main_window.window  # the window on demo data (fixture)
open_dynmsg_campaign = test_main_window.open_dynmsg_campaign
pytestmark = [pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


def shown(window: MainWindow) -> list[Any]:
    proxy = window.pane.proxy
    return [proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(proxy.rowCount(QModelIndex()))]


def search(window: MainWindow, qtbot: QtBot, text: str) -> None:
    pane = window.pane
    pane.search.setText(text)
    qtbot.waitUntil(lambda: not pane._debounce.isActive() and pane.proxy.needle_text == fold(text), timeout=5_000)


def test_folding_and_phone_needles() -> None:
    assert fold("  Lý  Thị HOA ") == "ly thi hoa" and fold("ĐẶNG Đức") == "dang duc"
    assert Needle.of("+84 885 476 875", "VN").matches("0885476875", (), "VN")
    assert Needle.of("0885 476 875", "VN").matches("84885476875", (), "VN")
    assert Needle.of("885-476", "VN").matches("+84885476875", (), "VN")
    assert Needle.of("0472 534 401", "AU").matches("472534401", (), "AU")
    assert not Needle.of("+84 885 476 876", "VN").matches("0885476875", (), "VN")
    assert Needle.of("ly thi", "VN").matches("", ("Lý Thị Hoa",), "VN")
    assert not Needle.of("ly thi", "VN").matches("0885476875", ("Lê Thu Hà",), "VN")


def test_search_ignores_diacritics_and_case(window: MainWindow, qtbot: QtBot) -> None:
    model = window.pane.model
    target = next(model.contact(r) for r in range(model.rowCount()) if fold(model.contact(r).name) !=
                  model.contact(r).name.lower())
    typed = fold(target.name).upper()  # "LY THI HOA" for "Lý Thị Hoa"
    search(window, qtbot, typed)
    found = shown(window)
    assert target in found
    assert all(fold(c.name) == fold(target.name) or fold(target.name) in fold(c.name) for c in found)


def test_search_finds_a_phone_in_any_format(window: MainWindow, qtbot: QtBot) -> None:
    model = window.pane.model
    target = model.contact(7)
    digits = "".join(c for c in target.phone if c.isdigit())
    national = digits[2:] if digits.startswith("84") else digits.lstrip("0")
    for typed in (f"+84 {national[:3]} {national[3:6]} {national[6:]}", "0" + national, f"({national[:3]}) "
                  f"{national[3:]}"):
        search(window, qtbot, typed)
        assert [c.id for c in shown(window)] == [target.id], typed
        assert window.pane.stack.currentWidget() is window.pane.table


def test_an_empty_result_says_no_contact_matches(window: MainWindow, qtbot: QtBot) -> None:
    pane = window.pane
    search(window, qtbot, "Zzyzx Nobody")
    qtbot.waitUntil(lambda: pane.stack.currentWidget() is pane.no_match, timeout=10_000)
    assert "No contact matches \u201cZzyzx Nobody\u201d." in pane.no_match.text()
    assert pane.no_match.isVisible() and not pane.table.isVisible()
    pane.search.clear()
    qtbot.waitUntil(lambda: pane.stack.currentWidget() is pane.table, timeout=5_000)
    assert pane.proxy.rowCount(QModelIndex()) == pane.model.rowCount()


def test_a_server_search_without_result_says_so(window: MainWindow, qtbot: QtBot) -> None:
    open_dynmsg_campaign(window, qtbot)
    pane = window.pane
    with qtbot.waitSignal(pane.model.firstPageShown, timeout=10_000):
        pane.search.setText("Zzyzx")
    qtbot.waitUntil(lambda: pane.stack.currentWidget() is pane.no_match, timeout=10_000)
    assert pane.model.view is not None and pane.model.view.scope.search == "Zzyzx"  # Sieve, on the server
    assert pane.no_match.text() == "No contact matches \u201cZzyzx\u201d."


def test_loaded_rows_sort_locally_on_alohub(window: MainWindow, sandbox: Any, qtbot: QtBot) -> None:
    pane = window.pane
    header = pane.table.horizontalHeader()
    assert header.isSortIndicatorShown()
    before = sandbox.control.requests("alohub")["count"]
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    names = [c.name for c in shown(window)]
    assert names == sorted(names, key=lambda n: (fold(n), n)) and len(names) == pane.model.rowCount()
    header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    phones = ["".join(ch for ch in c.phone if ch.isdigit()).removeprefix("84").lstrip("0") for c in shown(window)]
    assert phones == sorted(phones, reverse=True)
    assert sandbox.control.requests("alohub")["count"] == before  # sorted here, not asked again
    assert "cannot sort" not in window.statusBar().currentMessage()


def test_cellcast_sorts_loaded_rows_too(window: MainWindow, qtbot: QtBot) -> None:
    show_all_contacts(window, qtbot, "Cellcast")  # "All contacts"
    window.pane.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    names = [c.name for c in shown(window)]
    assert len(names) > 1 and names == sorted(names, key=lambda n: (fold(n), n), reverse=True)


def test_no_match_is_said_in_vietnamese_and_follows_a_live_switch(window: MainWindow, qtbot: QtBot) -> None:
    pane = window.pane
    search(window, qtbot, "Zzyzx")
    qtbot.waitUntil(lambda: pane.stack.currentWidget() is pane.no_match, timeout=10_000)
    languages = LanguageManager()
    try:
        languages.apply("vi")
        qtbot.waitUntil(lambda: pane.no_match.text() == "Không có liên hệ nào khớp với \u201cZzyzx\u201d.",
                        timeout=5_000)
    finally:
        languages.apply("en")
    qtbot.waitUntil(lambda: pane.no_match.text() == "No contact matches \u201cZzyzx\u201d.", timeout=5_000)

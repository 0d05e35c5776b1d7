"""Demo mode says so: a banner with "Add your account", About, and every demo provider showing data."""

from __future__ import annotations

from typing import Any

import pytest
import test_main_window
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from campaign_gui.services.browse import NodeKind
from campaign_gui.ui.i18n import LanguageManager
from campaign_gui.ui.main_window import MainWindow

window = test_main_window.window  # the window on demo data (fixture)
pytestmark = [pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


def account_index(win: MainWindow, provider: str) -> QModelIndex:
    model = win.tree.tree_model
    group = next(model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == provider)
    return model.index(0, 0, group)


def open_account(win: MainWindow, qtbot: QtBot, provider: str) -> list[Any]:
    model = win.tree.tree_model
    account = account_index(win, provider)
    if model.rowCount(account) == 0:
        with qtbot.waitSignal(model.childrenArrived, timeout=10_000):
            win.tree.expand(account)
    return [model.node(model.index(r, 0, account)) for r in range(model.rowCount(account))]


def test_the_banner_says_demo_and_offers_a_real_account(window: MainWindow, qtbot: QtBot) -> None:
    banner = window.demo_banner
    assert banner.isVisible()
    assert "Demo:" in banner.text.text() and "reset at every start" in banner.text.text()
    assert banner.button.text() == "Add your account…"
    banner.button.click()
    dialog = window._account_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    assert dialog._account is None  # a new account, not a demo one
    dialog.reject()


def test_about_says_demo(window: MainWindow, qtbot: QtBot) -> None:
    window.about_action.trigger()
    box: QMessageBox = window._box
    qtbot.waitUntil(box.isVisible, timeout=5_000)
    assert "Demo mode" in box.text() and "reset at every start" in box.text()
    box.close()


def test_stringee_demo_shows_its_campaigns(window: MainWindow, qtbot: QtBot) -> None:
    nodes = open_account(window, qtbot, "Stringee")
    campaigns = [n for n in nodes if n.kind is NodeKind.CAMPAIGN]
    assert [n.id for n in campaigns] == ["CA100001", "CA100002", "CA100003"]
    assert campaigns[0].name == "Chiến dịch chăm sóc tháng 11"


def test_smsby_demo_shows_lists_and_says_in_one_line_that_contacts_cannot_be_read(window: MainWindow,
                                                                                  qtbot: QtBot) -> None:
    lists = [n for n in open_account(window, qtbot, "SMS.by") if n.kind is NodeKind.LIST]
    assert lists
    window.tree.select_node(lists[0])
    pane = window.pane
    qtbot.waitUntil(pane.hint.isVisible, timeout=5_000)
    assert "\n" not in pane.hint.text() and "SMS.by" in pane.hint.text()
    assert not pane.banner.isVisible()  # not an error


def test_the_banner_goes_with_the_last_demo_account_and_speaks_vietnamese(window: MainWindow, qtbot: QtBot) -> None:
    languages = LanguageManager()
    try:
        languages.apply("vi")
        qtbot.waitUntil(lambda: "Demo:" not in window.demo_banner.text.text(), timeout=5_000)
        assert window.demo_banner.button.text() != "Add your account…"
    finally:
        languages.apply("en")
    for account in list(window.services.accounts.accounts()):
        window.services.accounts.remove(account.id)
    qtbot.waitUntil(lambda: not window.demo_banner.isVisible(), timeout=5_000)

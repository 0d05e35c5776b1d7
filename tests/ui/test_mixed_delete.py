"""Alohub deletes only pending contacts: a mixed selection deletes the pending ones and names what it keeps."""

from __future__ import annotations

from typing import Any

import pytest
import test_main_window
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from campaign_gui.domain.search import display_phone
from campaign_gui.ui.main_window import MainWindow

window = test_main_window.window  # the window on demo data (fixture)
pytestmark = [pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


def select(win: MainWindow, statuses: list[str]) -> list[Any]:
    model, table = win.pane.model, win.pane.table
    chosen: list[Any] = []
    table.clearSelection()
    for status in statuses:
        row = next(r for r in range(model.rowCount())
                   if model.contact(r).status == status and model.contact(r) not in chosen)
        chosen.append(model.contact(row))
        table.selectionModel().select(win.pane.proxy.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                                      | QItemSelectionModel.SelectionFlag.Rows)
    return chosen


def test_the_rule_is_written_beside_the_button(window: MainWindow) -> None:
    rule = window.contact_actions.delete_rule
    assert rule.isVisible() and "only pending" in rule.text()
    actions = window.toolbar.actions()
    beside = actions[actions.index(window.contact_actions.delete) + 1]
    assert window.toolbar.widgetForAction(beside) is rule and beside.isVisible()


def test_a_mixed_selection_deletes_the_pending_and_keeps_the_rest(window: MainWindow, sandbox: Any,
                                                                  qtbot: QtBot) -> None:
    pending_a, pending_b, processed = select(window, ["pending", "pending", "processed"])
    delete = window.contact_actions.delete
    assert delete.isEnabled() and "2 pending" in delete.toolTip()
    window.pane.table.setFocus()
    qtbot.keyClick(window.pane.table, Qt.Key.Key_Delete)  # the Delete key works
    box: QMessageBox = window.contact_actions._box
    qtbot.waitUntil(box.isVisible, timeout=5_000)
    assert box.objectName() == "deleteBox"
    text = box.text()
    assert "Delete the 2 pending contacts:" in text and "Keep the 1 in a call or already processed" in text
    for contact in (pending_a, pending_b, processed):
        assert display_phone(contact.phone, "VN") in text and contact.name in text
    assert box.button(QMessageBox.StandardButton.Yes).text() == "Delete the 2 pending"
    with qtbot.waitSignal(window.services.contacts.actionFinished, timeout=10_000) as done:
        box.button(QMessageBox.StandardButton.Yes).click()
    assert done.args == ["delete", True, "2"]
    qtbot.waitUntil(lambda: window.pane.model.total == 148, timeout=10_000)
    model = window.pane.model
    while model.canFetchMore():
        with qtbot.waitSignal(model.pageAppended, timeout=10_000):
            model.fetchMore()
    ids = {model.contact(r).id for r in range(model.rowCount())}
    assert processed.id in ids and pending_a.id not in ids and pending_b.id not in ids


def test_only_kept_contacts_leave_delete_disabled_with_the_reason(window: MainWindow) -> None:
    select(window, ["processed", "in call"] if any(window.pane.model.contact(r).status == "in call"
                                                    for r in range(window.pane.model.rowCount()))
           else ["processed"])
    delete = window.contact_actions.delete
    assert not delete.isEnabled() and "only pending" in delete.toolTip()

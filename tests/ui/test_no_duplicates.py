"""Adding a contact by hand whose number is already there warns first and can be cancelled."""

from __future__ import annotations

from typing import Any

import pytest
import test_main_window
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from campaign_gui.domain.phones import phone_key
from campaign_gui.ui.main_window import MainWindow

window = test_main_window.window  # the window on demo data (fixture)
pytestmark = [pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


def type_contact(win: MainWindow, phone: str) -> None:
    win.contact_actions.add.trigger()
    dialog = win.contact_actions._dialog
    dialog.phone.setText(phone)
    dialog.name.setText("Bản sao")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def national(e164: str) -> str:
    return "0" + e164[3:]


def test_a_loaded_number_warns_and_cancel_adds_nothing(window: MainWindow, sandbox: Any, qtbot: QtBot) -> None:
    existing = window.pane.model.contact(2)
    e164 = phone_key(existing.phone, "VN")
    assert e164 is not None
    before = sandbox.control.requests("alohub")["count"]
    type_contact(window, national(e164))
    box: QMessageBox = window.contact_actions._box
    qtbot.waitUntil(box.isVisible, timeout=5_000)
    assert box.objectName() == "duplicateContact" and existing.name in box.text() and e164 in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert sandbox.control.requests("alohub")["count"] == before  # nothing sent
    assert "Not added" in window.statusBar().currentMessage()

    type_contact(window, national(e164))
    box = window.contact_actions._box
    qtbot.waitUntil(box.isVisible, timeout=5_000)
    with qtbot.waitSignal(window.services.contacts.actionFinished, timeout=10_000) as added:
        box.button(QMessageBox.StandardButton.Yes).click()  # "Add anyway": the user's choice
    assert added.args[:2] == ["add", True]


def test_a_new_number_is_added_without_a_question(window: MainWindow, sandbox: Any, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.services.contacts.actionFinished, timeout=10_000) as added:
        type_contact(window, "0901 234 599")
    assert added.args[:2] == ["add", True]
    assert sandbox.control.ledger("alohub") == {"+84901234599": 1}


def test_a_number_beyond_the_loaded_rows_is_looked_up(window: MainWindow, sandbox: Any, qtbot: QtBot) -> None:
    model = window.pane.model
    while model.canFetchMore():
        with qtbot.waitSignal(model.pageAppended, timeout=10_000):
            model.fetchMore()
    everyone = [phone_key(model.contact(r).phone, "VN") for r in range(model.rowCount())]
    with qtbot.waitSignal(model.firstPageShown, timeout=10_000):
        window.pane.reload()
    assert model.total == 150 and model.rowCount() == 50 and model.canFetchMore()
    loaded = {phone_key(model.contact(r).phone, "VN") for r in range(model.rowCount())}
    far = next(p for p in reversed(everyone) if p not in loaded)  # only the provider knows it now
    assert far is not None
    with qtbot.waitSignal(window.services.contacts.phoneLookedUp, timeout=10_000) as looked:
        type_contact(window, national(far))
    assert looked.args[0] == far and looked.args[1] is not None
    box: QMessageBox = window.contact_actions._box
    qtbot.waitUntil(box.isVisible, timeout=5_000)
    assert box.objectName() == "duplicateContact"
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert sandbox.control.ledger("alohub") == {}  # nothing inserted

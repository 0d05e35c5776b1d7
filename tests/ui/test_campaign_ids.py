"""'Add campaign by id' refuses an id the provider would refuse, before it is kept (Stringee: CA…)."""

from __future__ import annotations

import pytest
import test_main_window
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from campaign_gui.ui.main_window import MainWindow

window = test_main_window.window  # the window on demo data (fixture)
pytestmark = [pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


def test_a_stringee_id_that_cannot_be_one_is_refused_with_a_reason(window: MainWindow, qtbot: QtBot) -> None:
    account = next(a for a in window.services.accounts.accounts() if a.provider.value == "stringee")
    window.tree.rememberRequested.emit(account.id)
    dialog = window._dialog
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.checked_later.isVisibleTo(dialog) and "first batch" in dialog.checked_later.text()
    dialog.ident.setText("NOPE-123")
    assert not ok.isEnabled()
    assert dialog.problem.isVisibleTo(dialog) and "NOPE-123" in dialog.problem.text() and "CA" in dialog.problem.text()
    dialog.buttons.accepted.emit()  # Enter in the dialog: still nothing kept
    assert all(i["id"] != "NOPE-123" for i in window.services.accounts.store.remembered(account.id, "campaign"))
    dialog.ident.setText("CA7HIODJ")
    assert ok.isEnabled() and not dialog.problem.isVisibleTo(dialog)
    dialog.name.setText("Chiến dịch Tết")
    ok.click()
    node = window.tree.current_node()
    assert node is not None and node.id == "CA7HIODJ" and node.name == "Chiến dịch Tết"

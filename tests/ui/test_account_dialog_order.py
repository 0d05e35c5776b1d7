"""The account dialog as a dashboard user expects: field order, required marks, where the key is, one
sentence once, and a save right after a failed test asks first."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QMessageBox
from pytestqt.qtbot import QtBot
from test_account_dialog import fill_alohub

from campaign_gui.services.container import AppServices
from campaign_gui.ui.account_dialog import AccountDialog, once_each

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


def labels(dialog: AccountDialog) -> list[str]:
    out = []
    for row in range(dialog.form.rowCount()):
        item = dialog.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        widget = item.widget() if item is not None else None
        out.append(widget.text() if isinstance(widget, QLabel) else "")
    return out


def test_stringee_asks_for_the_key_sid_then_its_secret_both_marked(services: AppServices, qtbot: QtBot) -> None:
    dialog = AccountDialog(services.accounts)
    qtbot.addWidget(dialog)
    dialog.provider.setCurrentIndex(dialog.provider.findData("stringee"))
    shown = labels(dialog)
    sid = next(i for i, t in enumerate(shown) if "SID" in t)
    secret = next(i for i, t in enumerate(shown) if "secret" in t.lower())
    assert sid < secret, shown
    assert shown[sid].endswith("*:") and shown[secret].endswith("*:")
    assert dialog.required_note.text() == "* required"
    assert "Stringee dashboard" in dialog.key_help.text() and "SID" in dialog.key_help.text()


@pytest.mark.parametrize("provider", ["stringee", "smsby", "alohub", "cellcast", "dynmsg"])
def test_every_provider_says_where_its_dashboard_shows_the_key(services: AppServices, qtbot: QtBot,
                                                               provider: str) -> None:
    dialog = AccountDialog(services.accounts)
    qtbot.addWidget(dialog)
    dialog.provider.setCurrentIndex(dialog.provider.findData(provider))
    help_text = dialog.key_help.text()
    assert help_text.endswith(".") and "\n" not in help_text and len(help_text) < 130  # one line
    shown = labels(dialog)
    assert shown[0].startswith("Provider") and shown[1].startswith("Account name")
    assert shown[-1].endswith("*:")  # the secret, last and required


def test_editing_does_not_mark_the_stored_key_required(services: AppServices, sandbox: Any, qtbot: QtBot) -> None:
    from qt_support import add_account

    account = add_account(services, sandbox, "cellcast")
    dialog = AccountDialog(services.accounts, account)
    qtbot.addWidget(dialog)
    assert not labels(dialog)[-1].endswith("*:")


def test_a_sentence_is_said_once() -> None:
    assert once_each("Wrong key. Wrong key. Re-enter the key.") == "Wrong key. Re-enter the key."
    assert once_each("The provider refused the key. the provider refused the key") == "The provider refused the key."


def test_a_failed_test_makes_save_ask_first(services: AppServices, sandbox: Any, qtbot: QtBot) -> None:
    dialog = AccountDialog(services.accounts)
    qtbot.addWidget(dialog)
    fill_alohub(dialog, sandbox)
    dialog.secret.setText("sk_live_not_the_key")
    with qtbot.waitSignal(services.accounts.testFinished, timeout=10_000):
        dialog.test_button.click()
    status = dialog.status.text()
    sentences = [s.strip().casefold() for s in status.removeprefix("Connection failed:").split(". ") if s.strip()]
    assert len(sentences) == len(set(sentences)), status
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    box = dialog._confirm
    qtbot.waitUntil(box.isVisible, timeout=5_000)
    assert box.objectName() == "saveAfterFailedTest" and "failed" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert services.accounts.accounts() == []  # cancelled: nothing saved
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    box = dialog._confirm
    qtbot.waitUntil(box.isVisible, timeout=5_000)
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        box.button(QMessageBox.StandardButton.Save).click()
    assert len(services.accounts.accounts()) == 1


def test_changing_an_input_after_a_failed_test_saves_without_asking(services: AppServices, sandbox: Any,
                                                                    qtbot: QtBot) -> None:
    dialog = AccountDialog(services.accounts)
    qtbot.addWidget(dialog)
    fill_alohub(dialog, sandbox)
    dialog.secret.setText("sk_live_not_the_key")
    with qtbot.waitSignal(services.accounts.testFinished, timeout=10_000):
        dialog.test_button.click()
    dialog.secret.setText(sandbox.secret("alohub"))  # fixed the key
    with qtbot.waitSignal(dialog.saved, timeout=5_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

"""The account dialog against the sandbox: add, test, edit, remove, and the no-keyring path."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from qt_support import FakeSecrets, add_account

from campaign_gui.services.container import AppServices
from campaign_gui.ui.account_dialog import AccountDialog


def fill_alohub(dialog: AccountDialog, sandbox: Any, name: str = "Call centre") -> None:
    dialog.provider.setCurrentIndex(dialog.provider.findData("alohub"))
    dialog.name.setText(name)
    dialog.secret.setText(sandbox.secret("alohub"))
    dialog._field_edits["tenant_id"].setText("20260310")
    dialog._field_edits["user_name"].setText("demo")
    dialog.base_url.setEditText(sandbox.url("alohub"))


def save(dialog: AccountDialog, qtbot: QtBot) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_add_and_test_connection(services: AppServices, secrets: FakeSecrets, sandbox: Any, qtbot: QtBot) -> None:
    dialog = AccountDialog(services.accounts)
    qtbot.addWidget(dialog)
    assert "Test keyring" in dialog.where.text()
    fill_alohub(dialog, sandbox)
    assert set(dialog._field_edits) == {"tenant_id", "user_name"}
    with qtbot.waitSignal(services.accounts.testFinished, timeout=10_000):
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text().startswith("Connected:") and "campaign" in dialog.status.text()
    with qtbot.waitSignal(dialog.saved) as blocker:
        save(dialog, qtbot)
    account = services.accounts.get(blocker.args[0])
    assert account is not None and account.name == "Call centre" and account.fields["user_name"] == "demo"
    assert secrets.stored[account.id] == sandbox.secret("alohub")


def test_a_wrong_key_is_reported_in_user_terms(services: AppServices, sandbox: Any, qtbot: QtBot) -> None:
    dialog = AccountDialog(services.accounts)
    qtbot.addWidget(dialog)
    fill_alohub(dialog, sandbox)
    dialog.secret.setText("sk_live_not_the_key")
    with qtbot.waitSignal(services.accounts.testFinished, timeout=10_000):
        dialog.test_button.click()
    assert "Connection failed" in dialog.status.text() and "Re-enter the key" in dialog.status.text()
    assert "sk_live_not_the_key" not in dialog.status.text()


def test_required_fields_are_asked_for(services: AppServices, qtbot: QtBot) -> None:
    dialog = AccountDialog(services.accounts)
    qtbot.addWidget(dialog)
    dialog.provider.setCurrentIndex(dialog.provider.findData("stringee"))
    dialog.secret.setText("secret")
    save(dialog, qtbot)
    assert "API key SID" in dialog.status.text()
    assert services.accounts.accounts() == []


def test_edit_keeps_the_stored_key(services: AppServices, secrets: FakeSecrets, sandbox: Any, qtbot: QtBot) -> None:
    account = add_account(services, sandbox, "smsby", "Minsk")
    dialog = AccountDialog(services.accounts, account)
    qtbot.addWidget(dialog)
    assert not dialog.provider.isEnabled()
    dialog.name.setText("Minsk office")
    with qtbot.waitSignal(dialog.saved):
        save(dialog, qtbot)
    assert services.accounts.get(account.id).name == "Minsk office"  # type: ignore[union-attr]
    assert secrets.get(account.id) == sandbox.secret("smsby")


def test_remove_asks_first(services: AppServices, secrets: FakeSecrets, sandbox: Any, qtbot: QtBot) -> None:
    account = add_account(services, sandbox, "cellcast")
    dialog = AccountDialog(services.accounts, account)
    qtbot.addWidget(dialog)
    dialog.remove_button.click()
    box: QMessageBox = dialog._confirm
    qtbot.waitUntil(box.isVisible)
    assert services.accounts.accounts() != []
    with qtbot.waitSignal(dialog.removed):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert services.accounts.accounts() == [] and secrets.get(account.id) is None


def test_no_keyring_offers_session_only(services: AppServices, secrets: FakeSecrets, sandbox: Any,
                                        qtbot: QtBot) -> None:
    secrets.keyring = False
    dialog = AccountDialog(services.accounts)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "session only" in dialog.where.text()
    fill_alohub(dialog, sandbox)
    save(dialog, qtbot)
    assert dialog.keyring_box.isVisible()
    assert "No usable system keyring" in dialog.keyring_message.text()
    assert services.accounts.accounts() == []
    with qtbot.waitSignal(dialog.saved) as blocker:
        qtbot.mouseClick(dialog.session_button, Qt.MouseButton.LeftButton)
    assert secrets.is_session_only(blocker.args[0]) and secrets.stored == {}

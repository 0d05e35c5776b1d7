"""Add, edit, remove and test an account with the provider's own fields; says where the key is kept."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from campaign_gui.domain.models import Account, ProviderId
from campaign_gui.providers.base import ProviderInfo
from campaign_gui.services.accounts import BASE_URL_PRESETS, AccountService, CredentialError
from campaign_gui.ui.icons import icon


def provider_text(text: str) -> str:
    """Provider-declared labels and notes, translated where the catalogue knows them."""
    return QCoreApplication.translate("ProviderText", text)


def once_each(text: str) -> str:
    """``text`` with every sentence said once ("Wrong key. Wrong key. Re-enter it." → "Wrong key. Re-enter it.")."""
    sentences = [p.strip() for p in re.split(r"(?<=[.!?])\s+", text.strip()) if p.strip()]
    seen: set[str] = set()
    kept = []
    for sentence in sentences:
        key = sentence.rstrip(".!?").strip().casefold()
        if key and key not in seen:
            seen.add(key)
            kept.append(sentence if sentence[-1] in ".!?" else sentence + ".")
    return " ".join(kept)


class AccountDialog(QDialog):
    """Modeless-friendly: open it with ``open()``; ``saved``/``removed`` tell the window what changed."""

    saved = Signal(str)  # account id
    removed = Signal(str)

    def __init__(self, service: AccountService, account: Account | None = None,
                 parent: QWidget | None = None, provider: ProviderId | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._account = account
        self._ticket = 0
        self._field_edits: dict[str, QLineEdit] = {}
        self.setWindowTitle(self.tr("Edit account") if account else self.tr("Add account"))
        self.setMinimumWidth(600)

        self.provider = QComboBox(self)
        for info in service.infos():
            self.provider.addItem(icon("provider"), info.display_name, info.id.value)
        chosen = account.provider if account else provider
        if chosen is not None:
            self.provider.setCurrentIndex(self.provider.findData(chosen.value))
        self.provider.setEnabled(account is None)
        self.name = QLineEdit(self)
        self.secret = QLineEdit(self)
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_secret = QCheckBox(self.tr("Show"), self)
        self.show_secret.toggled.connect(lambda on: self.secret.setEchoMode(
            QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
        secret_row = QHBoxLayout()
        secret_row.addWidget(self.secret, 1)
        secret_row.addWidget(self.show_secret)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Provider:"), self.provider)
        self.form.addRow(self.tr("Account name:"), self.name)
        # The provider's own fields come before the secret, in the order its dashboard shows them
        # (Stringee: key SID, then its secret).
        self._secret_label = QLabel(self)
        self.form.addRow(self._secret_label, secret_row)
        self._field_rows = 0
        self.key_help = QLabel(self)
        self.key_help.setObjectName("keyHelp")
        self.key_help.setWordWrap(True)
        self.required_note = QLabel(self.tr("* required"), self)
        self._failed_test: str | None = None  # the last test's failure, until an input changes

        self.advanced = QGroupBox(self.tr("Advanced"), self)
        self.base_url = QComboBox(self.advanced)
        self.base_url.setEditable(True)
        self.base_url.setAccessibleName(self.tr("Base URL"))
        advanced_form = QFormLayout(self.advanced)
        advanced_form.addRow(self.tr("Base URL:"), self.base_url)

        where = service.backend_description().rstrip(".")
        text = self.tr("Where keys are kept: {0}. Never in a file.").format(where)
        if account is not None and service.is_session_only(account.id):
            text += " " + (self.tr("This demo account's key is kept for this session only.") if account.demo
                           else self.tr("This account's key is kept for this session only."))
        self.where = QLabel(text, self)
        self.where.setWordWrap(True)
        self.keyring_box = QFrame(self)
        self.keyring_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.keyring_message = QLabel(self.keyring_box)
        self.keyring_message.setWordWrap(True)
        self.session_button = QPushButton(self.tr("Keep for this session only"), self.keyring_box)
        self.session_button.clicked.connect(lambda: self._save(session_only=True))
        box_layout = QVBoxLayout(self.keyring_box)
        box_layout.addWidget(self.keyring_message)
        box_layout.addWidget(self.session_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.keyring_box.hide()

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_button = QPushButton(icon("refresh"), self.tr("Test connection"), self)
        self.test_button.clicked.connect(self._test)
        self.remove_button = QPushButton(icon("delete"), self.tr("Remove account…"), self)
        self.remove_button.clicked.connect(self._confirm_remove)
        self.remove_button.setVisible(account is not None)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(lambda: self._save(session_only=False))
        self.buttons.rejected.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.test_button)
        actions.addWidget(self.remove_button)
        actions.addStretch(1)
        actions.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.key_help)
        layout.addWidget(self.required_note)
        layout.addWidget(self.advanced)
        layout.addWidget(self.where)
        layout.addWidget(self.keyring_box)
        layout.addWidget(self.status)
        layout.addLayout(actions)

        service.testFinished.connect(self._tested)
        self.provider.currentIndexChanged.connect(lambda _i: self._build_fields())
        self.secret.textChanged.connect(self._inputs_changed)
        self.base_url.editTextChanged.connect(self._inputs_changed)
        self._build_fields()
        if account is not None:
            self.name.setText(account.name)
            self.base_url.setEditText(account.base_url)
            for key, edit in self._field_edits.items():
                edit.setText(str(account.fields.get(key, "")))
            self.secret.setPlaceholderText(self.tr("Leave empty to keep the stored key"))

    # --- fields of the chosen provider --------------------------------------------------------
    def info(self) -> ProviderInfo:
        return self._service.info(ProviderId(self.provider.currentData()))

    def _build_fields(self) -> None:
        info = self.info()
        for _ in range(self._field_rows):
            self.form.removeRow(2)
        self._field_rows = 0
        self._field_edits.clear()
        secret_required = self._account is None  # editing: empty keeps the stored key
        self._secret_label.setText(self.tr("{0}:").format(provider_text(info.secret_label)
                                                         + (" *" if secret_required else "")))
        self.secret.setAccessibleName(provider_text(info.secret_label))
        for spec in info.fields:
            edit = QLineEdit(self)
            edit.setText(spec.default)
            edit.setAccessibleName(provider_text(spec.label))
            label = provider_text(spec.label) + (" *" if spec.required else "")
            self.form.insertRow(2 + self._field_rows, self.tr("{0}:").format(label), edit)
            self._field_rows += 1
            self._field_edits[spec.key] = edit
            edit.textChanged.connect(self._inputs_changed)
        self.key_help.setText(self.key_help_text(info.id))
        self._inputs_changed()
        current = self.base_url.currentText()
        self.base_url.clear()
        self.base_url.addItem(info.default_base_url)
        for label, url in BASE_URL_PRESETS.get(info.id, ()):
            if url != info.default_base_url:
                self.base_url.addItem(url)
            self.base_url.setItemData(self.base_url.findText(url), provider_text(label), Qt.ItemDataRole.ToolTipRole)
        self.base_url.setEditText(current if self._account is not None and current else info.default_base_url)
        if self._account is None and not self.name.text():
            self.name.setPlaceholderText(info.display_name)

    def _values(self) -> tuple[str, str, dict[str, str]] | None:
        info = self.info()
        name = self.name.text().strip() or self.name.placeholderText()
        fields = {key: edit.text().strip() for key, edit in self._field_edits.items() if edit.text().strip()}
        missing = [provider_text(s.label) for s in info.fields if s.required and not fields.get(s.key)]
        if missing:
            self._show_status(self.tr("Please fill in: {0}").format(", ".join(missing)), error=True)
            return None
        base_url = self.base_url.currentText().strip()
        return name, ("" if base_url == info.default_base_url else base_url), fields

    def key_help_text(self, provider: ProviderId) -> str:
        """Where the provider's dashboard shows what this dialog asks for."""
        texts = {
            ProviderId.STRINGEE: self.tr("In the Stringee dashboard, your project's API keys list each key SID "
                                         "(SK…) with its secret."),
            ProviderId.SMSBY: self.tr("In your SMS.by personal account, the API page shows your token."),
            ProviderId.ALOHUB: self.tr("In Alohub, the API settings show the tenant ID and the API key; the user "
                                       "name is the one you sign in with."),
            ProviderId.CELLCAST: self.tr("In the Cellcast dashboard, API Keys shows your API key."),
            ProviderId.DYNMSG: self.tr("On the Dynamic Messaging client website, API Keys is where you create "
                                       "the key."),
        }
        return texts.get(provider, "")

    def _inputs_changed(self) -> None:
        self._failed_test = None  # a new test is needed before a failure means anything

    # --- actions ------------------------------------------------------------------------------
    def _save(self, session_only: bool, confirmed: bool = False) -> None:
        values = self._values()
        if values is None:
            return
        if self._failed_test is not None and not confirmed:
            self._ask_save_anyway(session_only)
            return
        name, base_url, fields = values
        secret = self.secret.text().strip()
        try:
            if self._account is None:
                if not secret:
                    self._show_status(self.tr("Enter the {0}.").format(provider_text(self.info().secret_label)),
                                      error=True)
                    return
                account = self._service.add(self.info().id, name, base_url, fields, secret,
                                            session_only=session_only)
            else:
                changed = self._service.with_changes(self._account, name=name, fields=fields,
                                                     base_url=base_url or self.info().default_base_url)
                account = self._service.update(changed, secret or None, session_only=session_only)
        except CredentialError as exc:
            self.keyring_message.setText(self.tr("The key could not be stored in the system keyring: {0}")
                                         .format(exc.message))
            self.keyring_box.show()
            return
        except ValueError as exc:
            self._show_status(str(exc), error=True)
            return
        self.saved.emit(account.id)
        self.accept()

    def _test(self) -> None:
        values = self._values()
        if values is None:
            return
        name, base_url, fields = values
        ident = self._account.id if self._account else "draft"
        draft = self._service.draft(self.info().id, name, base_url, fields, account_id=ident)
        secret = self.secret.text().strip() or None
        if secret is None and self._account is None:
            self._show_status(self.tr("Enter the {0}.").format(provider_text(self.info().secret_label)), error=True)
            return
        self.test_button.setEnabled(False)
        self._show_status(self.tr("Testing the connection…"))
        self._ticket = self._service.start_test(draft, secret)

    def _tested(self, ticket: int, ok: bool, message: str) -> None:
        if ticket != self._ticket:
            return
        self.test_button.setEnabled(True)
        if ok:
            self._failed_test = None
            self._show_status(self.tr("Connected: {0}").format(self.connection_text(message)))
        else:
            self._failed_test = once_each(message)
            self._show_status(self.tr("Connection failed: {0}").format(self._failed_test), error=True)

    def _ask_save_anyway(self, session_only: bool) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Save the account?"),
                          self.tr("The connection test just failed: {0}\n\nSave the account anyway?")
                          .format(self._failed_test), QMessageBox.StandardButton.Save
                          | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("saveAfterFailedTest")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Save).setText(self.tr("Save anyway"))
        box.finished.connect(lambda _r: self._save(session_only, confirmed=True)
                             if box.clickedButton() is box.button(QMessageBox.StandardButton.Save) else None)
        self._confirm = box
        box.open()

    def connection_text(self, message: str) -> str:
        """The provider's short English summary of a test ("4 campaigns") in the user's language."""
        text = message.strip()
        counted = re.fullmatch(r"(\d+) (campaigns?|mailing lists?)", text)
        if counted:
            n = int(counted.group(1))
            return (self.tr("%n campaign(s)", "", n) if counted.group(2).startswith("campaign")
                    else self.tr("%n mailing list(s)", "", n))
        balance = re.fullmatch(r"Balance: (.+) SMS credits", text)
        if balance:
            return self.tr("Balance: {0} SMS credits").format(balance.group(1))
        if text == "Key accepted (campaigns are entered by id)":
            return self.tr("Key accepted (campaigns are entered by id)")
        return text

    def _confirm_remove(self) -> None:
        if self._account is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove account"),
                          self.tr("Remove the account “{0}” and forget its key? Campaigns and contacts at the "
                                  "provider are not touched.").format(self._account.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda _r: self._remove()
                             if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes) else None)
        self._confirm = box
        box.open()

    def _remove(self) -> None:
        if self._account is None:
            return
        self._service.remove(self._account.id)
        self.removed.emit(self._account.id)
        self.accept()

    def _show_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("error", error)
        self.status.setAccessibleDescription(text)

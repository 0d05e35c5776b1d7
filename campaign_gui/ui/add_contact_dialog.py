"""Add one contact by hand: the phone checked for the account's region, a name, provider extras."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from campaign_gui.domain.models import UploadRow
from campaign_gui.providers.base import ProviderInfo
from campaign_gui.services.phones import PhoneCheck, check_phone
from campaign_gui.services.texts import phone_message_text
from campaign_gui.ui.account_dialog import provider_text


class AddContactDialog(QDialog):
    """Emits ``submitted(UploadRow)`` when the phone is valid and the user confirms."""

    submitted = Signal(object)

    def __init__(self, info: ProviderInfo, target_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._info = info
        self._check = PhoneCheck(False)
        self.setWindowTitle(self.tr("Add contact"))
        self.setMinimumWidth(420)
        self.phone = QLineEdit(self)
        self.phone.setPlaceholderText(self.tr("Phone number (region {0})").format(info.default_region))
        self.phone.setAccessibleName(self.tr("Phone number"))
        self.phone_status = QLabel(self)
        self.phone_status.setWordWrap(True)
        self.suggestion = QPushButton(self)
        self.suggestion.hide()
        self.suggestion.clicked.connect(self._use_suggestion)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Name"))
        self.extras: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.addRow(self.tr("Adding to:"), QLabel(target_label, self))
        form.addRow(self.tr("Phone:"), self.phone)
        form.addRow("", self.phone_status)
        form.addRow("", self.suggestion)
        form.addRow(self.tr("Name:"), self.name)
        for spec in info.upload_fields:
            if spec.key == "name":
                continue
            edit = QLineEdit(self)
            edit.setAccessibleName(provider_text(spec.label))
            form.addRow(self.tr("{0}:").format(provider_text(spec.label)), edit)
            self.extras[spec.key] = edit
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.phone.textChanged.connect(lambda _t: self._validate())
        self._validate()

    def _validate(self) -> None:
        self._check = check_phone(self.phone.text(), self._info.default_region)
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setEnabled(self._check.ok)
        if self._check.ok:
            self.phone_status.setText(self.tr("Will be added as {0}").format(self._check.e164))
        else:
            self.phone_status.setText(phone_message_text(self._check.message) if self.phone.text().strip() else "")
        if self._check.suggestion:
            self.suggestion.setText(self.tr("Use {0}").format(self._check.suggestion))
        self.suggestion.setVisible(bool(self._check.suggestion))

    def _use_suggestion(self) -> None:
        if self._check.suggestion:
            self.phone.setText(self._check.suggestion)

    def row(self) -> UploadRow | None:
        if not self._check.ok:
            return None
        extra = {key: edit.text().strip() for key, edit in self.extras.items() if edit.text().strip()}
        email = extra.pop("email", "")
        return UploadRow(index=0, phone=self._check.e164, name=self.name.text().strip(), email=email, extra=extra)

    def _submit(self) -> None:
        row = self.row()
        if row is None:
            return
        self.submitted.emit(row)
        self.accept()

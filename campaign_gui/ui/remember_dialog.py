"""Add a campaign or list the provider's API cannot list: by id and/or name."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


class RememberDialog(QDialog):
    """Emits ``chosen(id, name)``; at least one of them is non-empty."""

    chosen = Signal(str, str)

    def __init__(self, kind: str, hint: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        is_campaign = kind == "campaign"
        self.setWindowTitle(self.tr("Add campaign") if is_campaign else self.tr("Add contact list"))
        self.ident = QLineEdit(self)
        self.ident.setPlaceholderText(self.tr("e.g. CA100001") if is_campaign else self.tr("id (optional)"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("optional") if is_campaign else self.tr("list name"))
        explanation = QLabel(hint, self)
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("ID:"), self.ident)
        form.addRow(self.tr("Name:"), self.name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.ident.textChanged.connect(self._update)
        self.name.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = bool(self.ident.text().strip() or self.name.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _ok(self) -> None:
        self.chosen.emit(self.ident.text().strip(), self.name.text().strip())
        self.accept()

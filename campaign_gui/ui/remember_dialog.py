"""Add a campaign or list the provider's API cannot list: by id and/or name."""

from __future__ import annotations

import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


class RememberDialog(QDialog):
    """Emits ``chosen(id, name)``; at least one of them is non-empty."""

    chosen = Signal(str, str)

    def __init__(self, kind: str, hint: str, parent: QWidget | None = None, id_pattern: str | None = None,
                 id_example: str = "") -> None:
        super().__init__(parent)
        self._pattern = re.compile(id_pattern) if id_pattern else None
        self._example = id_example
        is_campaign = kind == "campaign"
        self.setWindowTitle(self.tr("Add campaign") if is_campaign else self.tr("Add contact list"))
        self.ident = QLineEdit(self)
        self.ident.setPlaceholderText(self.tr("e.g. CA100001") if is_campaign else self.tr("id (optional)"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("optional") if is_campaign else self.tr("list name"))
        explanation = QLabel(hint, self)
        explanation.setWordWrap(True)
        self.problem = QLabel(self)  # why the id cannot be right, said before it is kept
        self.problem.setObjectName("idProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.checked_later = QLabel(self.tr("The provider checks the id with the first batch of an import."), self)
        self.checked_later.setWordWrap(True)
        self.checked_later.setVisible(self._pattern is not None)
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
        layout.addWidget(self.problem)
        layout.addWidget(self.checked_later)
        layout.addWidget(self.buttons)
        self.ident.textChanged.connect(self._update)
        self.name.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ident = self.ident.text().strip()
        ok = bool(ident or self.name.text().strip())
        wrong = self._pattern is not None and not self._pattern.fullmatch(ident)
        if wrong and ident:
            self.problem.setText(self.tr("“{0}” is not a campaign id of this provider: its ids look like {1}.")
                                 .format(ident, self._example))
        self.problem.setVisible(wrong and bool(ident))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok and not wrong)

    def _ok(self) -> None:
        if not self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            return
        self.chosen.emit(self.ident.text().strip(), self.name.text().strip())
        self.accept()

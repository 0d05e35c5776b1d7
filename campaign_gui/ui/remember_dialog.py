"""Add a campaign or list the provider's API cannot list: by id and/or name."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


class RememberDialog(QDialog):
    """Emits ``chosen(id, name)``; at least one of them is non-empty. ``check(id)`` says why the provider would
    refuse an id ('' when it would not): such an id is not accepted (OK stays disabled, the reason shown)."""

    chosen = Signal(str, str)

    def __init__(self, kind: str, hint: str, parent: QWidget | None = None,
                 check: Callable[[str], str] | None = None) -> None:
        super().__init__(parent)
        self.check = check
        is_campaign = kind == "campaign"
        self.setWindowTitle(self.tr("Add campaign") if is_campaign else self.tr("Add contact list"))
        self.ident = QLineEdit(self)
        self.ident.setPlaceholderText(self.tr("e.g. CA100001") if is_campaign else self.tr("id (optional)"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("optional") if is_campaign else self.tr("list name"))
        explanation = QLabel(hint, self)
        explanation.setWordWrap(True)
        self.problem = QLabel(self)  # why the provider would refuse the id, said before it is kept
        self.problem.setObjectName("idProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.checked_later = QLabel(self.tr("The provider checks the id with the first batch of an import."), self)
        self.checked_later.setWordWrap(True)
        self.checked_later.setVisible(check is not None and is_campaign)
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
        # a name alone becomes the id (a Cellcast list): it must then be an id the provider accepts
        wanted = self.ident.text().strip() or self.name.text().strip()
        problem = self.check(wanted) if self.check is not None else ""
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        ok = bool(self.ident.text().strip() or self.name.text().strip()) and not problem
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _ok(self) -> None:
        if not self.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled():
            return
        self.chosen.emit(self.ident.text().strip(), self.name.text().strip())
        self.accept()

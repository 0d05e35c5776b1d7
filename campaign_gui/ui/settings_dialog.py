"""Preferences: language and colour scheme; both apply immediately."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from campaign_gui.ui.i18n import LANGUAGES


class SettingsDialog(QDialog):
    """Emits ``applied(language, scheme)`` on OK; ``language`` is "system", "en" or "vi"."""

    applied = Signal(str, str)

    def __init__(self, language: str, scheme: str, secrets_where: str, data_dir: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox(self)
        self.language.addItem(self.tr("Same as the system"), "system")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.scheme = QComboBox(self)
        self.scheme.addItem(self.tr("Same as the system"), "system")
        self.scheme.addItem(self.tr("Light"), "light")
        self.scheme.addItem(self.tr("Dark"), "dark")
        self.scheme.setCurrentIndex(max(0, self.scheme.findData(scheme)))
        note = QLabel(self.tr("Language and colours change immediately."), self)
        note.setWordWrap(True)
        where = QLabel(secrets_where, self)
        where.setWordWrap(True)
        folder = QLabel(data_dir, self)
        folder.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Language:"), self.language)
        form.addRow(self.tr("Colours:"), self.scheme)
        form.addRow("", note)
        form.addRow(self.tr("Keys are kept in:"), where)
        form.addRow(self.tr("Data folder:"), folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _ok(self) -> None:
        self.applied.emit(str(self.language.currentData()), str(self.scheme.currentData()))
        self.accept()

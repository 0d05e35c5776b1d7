"""The Imports dock: reserved for import jobs (progress, pause, resume) — a placeholder for now."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QSizePolicy, QWidget


class JobsArea(QDockWidget):
    """Lists import jobs once the import flow exists; until then says how imports will arrive."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importsDock")
        self.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)
        self.placeholder = QLabel(self)
        self.placeholder.setWordWrap(True)
        self.placeholder.setMargin(8)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.placeholder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setWidget(self.placeholder)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Imports"))
        self.placeholder.setText(self.tr("No imports yet. Drop a spreadsheet on a campaign or list to import "
                                         "contacts; running and interrupted imports will be listed here."))

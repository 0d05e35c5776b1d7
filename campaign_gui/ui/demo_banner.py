"""A strip above the window's content while demo accounts exist: the data is the sandbox's, not real."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from campaign_gui.ui.icons import icon, themed


class DemoBanner(QFrame):
    """Says that the demo data comes from the built-in sandbox; ``addAccountRequested`` on its button."""

    addAccountRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demoBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self._icon = QLabel(self)
        self._icon.setPixmap(icon("demo").pixmap(QSize(20, 20)))
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton(self)
        themed(self.button, "account")
        self.button.clicked.connect(self.addAccountRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 6, 4)
        layout.addWidget(self._icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.text.setText(self.tr("<b>Demo:</b> data from the built-in sandbox, reset at every start. Nothing "
                                  "here reaches a real provider."))
        self.text.setAccessibleName(self.tr("Demo: data from the built-in sandbox, reset at every start"))
        self.button.setText(self.tr("Add your account…"))
        self.button.setToolTip(self.tr("Connect a real account at a provider; the demo accounts can be removed "
                                       "from the tree"))

    def retint(self) -> None:
        self._icon.setPixmap(icon("demo").pixmap(QSize(20, 20)))

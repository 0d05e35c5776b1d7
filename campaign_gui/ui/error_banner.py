"""An inline banner above the table: what went wrong, and the one action that helps."""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from campaign_gui.services.errors import ErrorKind, UserError
from campaign_gui.ui.icons import icon, themed


class ErrorBanner(QFrame):
    """Hidden until ``show_error``. A 429 counts down and emits ``retryRequested`` by itself."""

    retryRequested = Signal()
    editAccountRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self._error: UserError | None = None
        self._remaining = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)

        self._icon = QLabel(self)
        self._text = QLabel(self)
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._action = QPushButton(self)
        self._action.clicked.connect(self._act)
        self._close = QToolButton(self)
        themed(self._close, "close")
        self._close.setAutoRaise(True)
        self._close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 6, 6)
        layout.addWidget(self._icon)
        layout.addWidget(self._text, 1)
        layout.addWidget(self._action)
        layout.addWidget(self._close)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self._close.setToolTip(self.tr("Dismiss"))
        self._close.setAccessibleName(self.tr("Dismiss the message"))
        if self._error is not None:
            self._render()

    def retint(self) -> None:
        if self._error is not None:
            self._render()

    @property
    def error(self) -> UserError | None:
        return self._error

    @property
    def remaining(self) -> int:
        """Seconds left before the automatic retry (0 when none is scheduled)."""
        return self._remaining

    def message_text(self) -> str:
        return self._text.text()

    def action_text(self) -> str:
        return self._action.text() if self._action.isVisibleTo(self) else ""

    def show_error(self, error: UserError) -> None:
        self._timer.stop()
        self._error = error
        self._remaining = 0
        if error.kind is ErrorKind.RATE_LIMITED:
            self._remaining = max(1, math.ceil(error.retry_after or 1))
            self._timer.start()
        self._render()
        self.show()

    def dismiss(self) -> None:
        self._timer.stop()
        self._error = None
        self._remaining = 0
        self.hide()

    def _render(self) -> None:
        error = self._error
        if error is None:
            return
        name = "warning" if error.kind in (ErrorKind.RATE_LIMITED, ErrorKind.RETRYABLE) else "error"
        self._icon.setPixmap(icon(name).pixmap(QSize(20, 20)))
        message = error.message
        if error.kind is ErrorKind.RATE_LIMITED:
            message = self.tr("{0} Waiting {1} s, then retrying automatically.").format(message, self._remaining)
        self._text.setText(f"<b>{_escape(error.title)}</b><br>{_escape(message)}")
        self._text.setAccessibleName(f"{error.title}. {message}")
        actions = {
            ErrorKind.AUTH: self.tr("Re-enter the key…"),
            ErrorKind.SECRET: self.tr("Re-enter the key…"),
            ErrorKind.RETRYABLE: self.tr("Retry"),
            ErrorKind.RATE_LIMITED: self.tr("Retry now"),
        }
        label = actions.get(error.kind)
        self._action.setVisible(label is not None)
        if label is not None:
            self._action.setText(label)

    def _tick(self) -> None:
        self._remaining -= 1
        if self._remaining <= 0:
            self._timer.stop()
            self._retry()
            return
        self._render()

    def _act(self) -> None:
        if self._error is None:
            return
        if self._error.kind in (ErrorKind.AUTH, ErrorKind.SECRET):
            self.editAccountRequested.emit()
        else:
            self._retry()

    def _retry(self) -> None:
        self.dismiss()
        self.retryRequested.emit()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

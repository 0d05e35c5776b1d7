"""The rotating log, Qt messages into it, and uncaught exceptions (sys and asyncio) to a callback."""

from __future__ import annotations

import asyncio
import logging
import logging.handlers
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from campaign_gui.domain.redaction import install_log_redaction, redact
from campaign_gui.storage.paths import private_dir

logger = logging.getLogger("campaign_gui")
qt_logger = logging.getLogger("campaign_gui.qt")

LOG_NAME = "campaign-gui.log"

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files only their owner may read (0600 on POSIX): logs name files and accounts."""

    def _open(self) -> Any:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        if os.name == "posix" and os.fstat(fd).st_mode & 0o077:
            os.fchmod(fd, 0o600)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path:
    """Redaction first, then a rotating file under ``data_dir/logs``; returns the log path."""
    install_log_redaction()
    log_dir = private_dir(data_dir / "logs")
    path = log_dir / LOG_NAME
    root = logging.getLogger()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) and Path(h.baseFilename) == path
               for h in root.handlers):
        handler = PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(min(root.level or level, level) if root.handlers else level)
    return path


# Qt ends the process right after these warnings (exit(1) in its xcb/Wayland plugin): the last chance to close.
DISPLAY_LOST = ("The X11 connection broke", "The Wayland connection broke", "Wayland connection broke")
_display_lost: list[Callable[[], None]] = []


def on_display_lost(hook: Callable[[], None] | None) -> None:
    """Run ``hook`` (synchronously, from the message handler) when Qt reports the display connection lost."""
    _display_lost.clear()
    if hook is not None:
        _display_lost.append(hook)


def qt_message_handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    qt_logger.log(_QT_LEVELS.get(mode, logging.WARNING), "%s", message)
    if _display_lost and any(text in message for text in DISPLAY_LOST):
        hook = _display_lost.pop()
        hook()


def install_qt_message_handler() -> None:
    qInstallMessageHandler(qt_message_handler)


CrashCallback = Callable[[str, str], None]  # title, redacted message


class CrashReporter:
    """Routes uncaught exceptions to the log and to ``show`` (a dialog in the window)."""

    def __init__(self, show: CrashCallback) -> None:
        self._show = show
        self._previous_hook = sys.excepthook
        self._reporting = False

    def install(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        sys.excepthook = self.excepthook
        if loop is not None:
            loop.set_exception_handler(self.loop_exception)

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook

    def excepthook(self, exc_type: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hook(exc_type, exc, tb)
            return
        self.report(exc, tb)

    def loop_exception(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if isinstance(exc, asyncio.CancelledError):
            return
        if exc is None:
            logger.error("event loop: %s", redact(str(context.get("message", ""))))
            return
        self.report(exc, exc.__traceback__)

    def report(self, exc: BaseException, tb: TracebackType | None) -> None:
        text = redact("".join(traceback.format_exception(type(exc), exc, tb)))
        logger.error("uncaught exception\n%s", text)
        if self._reporting:  # an error inside the dialog must not recurse
            return
        self._reporting = True
        try:
            self._show(type(exc).__name__, redact(str(exc))[:500])
        except Exception:
            logger.exception("showing the error dialog failed")
        finally:
            self._reporting = False

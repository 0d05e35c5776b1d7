"""SIGTERM, SIGHUP, SIGINT, a logout and a lost display all end the window through its normal quit path.

POSIX signals reach Python only when Python code runs; a Qt event loop may sit in C++ for a long time, so the
signal's wake-up byte is written to a socket pair that a ``QSocketNotifier`` watches, and the handler then
schedules ``request_quit`` on the event loop. A logout (the session manager's commit-data request) does the
same. A lost X11/Wayland connection is fatal inside Qt (it calls ``exit(1)`` right after its warning): the
window's last-chance cleanup runs from the message handler instead (``diagnostics.on_display_lost``).
"""

from __future__ import annotations

import logging
import signal
import socket
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

logger = logging.getLogger(__name__)

QUIT_SIGNALS = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, n))


class QuitSignals(QObject):
    """Routes termination signals and logout to ``request_quit`` (called on the event loop, once per event)."""

    def __init__(self, app: Any, request_quit: Callable[[], None]) -> None:
        super().__init__(app)
        self.request_quit = request_quit
        self._previous: dict[int, Any] = {}
        self._old_wakeup = -1
        self._pair: tuple[socket.socket, socket.socket] | None = None
        self._notifier: QSocketNotifier | None = None
        app.commitDataRequest.connect(self._logout)

    def install(self) -> QuitSignals:
        if sys.platform != "win32":
            reader, writer = socket.socketpair()
            reader.setblocking(False)
            writer.setblocking(False)
            self._pair = (reader, writer)
            self._old_wakeup = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
            self._notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._drain)
        for sig in QUIT_SIGNALS:
            try:
                self._previous[sig] = signal.signal(sig, self._handle)
            except (ValueError, OSError):  # not the main thread, or a signal this platform refuses
                pass
        return self

    def uninstall(self) -> None:
        for sig, previous in self._previous.items():
            try:
                signal.signal(sig, previous)
            except (ValueError, OSError, TypeError):
                pass
        self._previous.clear()
        if self._pair is not None:
            signal.set_wakeup_fd(self._old_wakeup)
            if self._notifier is not None:
                self._notifier.setEnabled(False)
                self._notifier.deleteLater()
                self._notifier = None
            for sock in self._pair:
                sock.close()
            self._pair = None

    def _drain(self) -> None:  # the Python handler has already run when the interpreter got here
        if self._pair is None:
            return
        try:
            while self._pair[0].recv(512):
                pass
        except OSError:
            pass

    def _handle(self, signum: int, _frame: object) -> None:
        logger.info("signal %s: closing the window", signal.Signals(signum).name)
        QTimer.singleShot(0, self.request_quit)

    def _logout(self, _manager: object) -> None:
        logger.info("session ending: closing the window")
        QTimer.singleShot(0, self.request_quit)


__all__ = ["QuitSignals"]

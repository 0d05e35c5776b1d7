"""One window per data directory: a second launch hands its files to the running window over a local socket.

The first window listens on a local socket (a Unix socket in the temporary folder, a named pipe on Windows)
whose name is derived from the user and the data directory. A later ``campaign-gui FILE`` for the same data
directory connects, sends one JSON line ``{"files": [...]}``, waits for ``ok`` and exits; the running window
raises itself and opens the import wizard on each file. Without a listener the later launch becomes the first.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

logger = logging.getLogger(__name__)

CONNECT_TIMEOUT_MS = 1000
REPLY_TIMEOUT_MS = 5000
MAX_MESSAGE = 1 << 20  # bytes: a list of paths, never more


def server_name(data_dir: Path) -> str:
    """The local socket's name for ``data_dir`` (same user, same folder → same name)."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment: the uid or nothing
        user = str(getattr(os, "getuid", lambda: "")())
    key = f"{user}\0{Path(data_dir).expanduser().resolve()}".encode()
    return "campaign-gui-" + hashlib.sha256(key).hexdigest()[:24]


def local_paths(args: list[str]) -> list[str]:
    """Absolute paths from command-line file arguments (plain paths or ``file://`` URLs from a launcher)."""
    out: list[str] = []
    for arg in args:
        if arg.startswith("file:"):
            path = QUrl(arg).toLocalFile()
            if path:
                out.append(path)
            continue
        out.append(str(Path(arg).expanduser().absolute()))
    return out


def hand_over(name: str, files: list[str]) -> bool:
    """Give ``files`` to the window already listening on ``name``; False when none answers."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(json.dumps({"files": files}).encode() + b"\n")
    socket.flush()
    reply = b""
    while b"\n" not in reply:
        if not socket.waitForReadyRead(REPLY_TIMEOUT_MS):
            break
        reply += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return reply.strip() == b"ok"


class InstanceServer(QObject):
    """Listens for later launches; ``filesReceived`` carries the files each one handed over (maybe none)."""

    filesReceived = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening; a socket file left by a killed window is removed first."""
        if self.server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)
        if self.server.listen(self.name):
            return True
        logger.warning("single instance: cannot listen on %s: %s", self.name, self.server.errorString())
        return False

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if socket is None:
                return
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.readAll().data())
        if b"\n" not in data:
            if len(data) > MAX_MESSAGE:
                socket.abort()
            else:
                self._buffers[socket] = data
            return
        line = data.split(b"\n", 1)[0]
        self._buffers[socket] = b""
        try:
            message = json.loads(line)
            files = [str(f) for f in message.get("files", [])]
        except (ValueError, AttributeError, TypeError):
            logger.warning("single instance: unreadable message from a later launch")
            socket.write(b"error\n")
            socket.flush()
            return
        socket.write(b"ok\n")
        socket.flush()
        logger.info("single instance: a later launch handed over %d file(s)", len(files))
        self.filesReceived.emit(files)


__all__ = ["InstanceServer", "hand_over", "local_paths", "server_name"]

"""The sandbox server: all five simulated providers and the control API on one loopback port (uvicorn)."""

from __future__ import annotations

import asyncio
import logging
import threading
from types import TracebackType
from typing import Any

import uvicorn
from starlette.requests import Request
from starlette.types import Receive, Scope, Send

from campaign_gui.sandbox.alohub import AlohubApp
from campaign_gui.sandbox.base import ProviderApp, json_response
from campaign_gui.sandbox.cellcast import CellcastApp
from campaign_gui.sandbox.control_api import ControlApi
from campaign_gui.sandbox.dynmsg import DynmsgApp
from campaign_gui.sandbox.faults import FaultDispatcher
from campaign_gui.sandbox.models import (
    ALOHUB_API_KEY,
    ALOHUB_TENANT_ID,
    ALOHUB_USER_NAME,
    CELLCAST_API_KEY,
    DYNMSG_API_KEY,
    SMSBY_TOKEN,
    STRINGEE_KEY_SECRET,
    STRINGEE_KEY_SID,
)
from campaign_gui.sandbox.smsby import SmsbyApp
from campaign_gui.sandbox.state import SandboxState
from campaign_gui.sandbox.stringee import StringeeApp

logger = logging.getLogger(__name__)

DEMO_ACCOUNTS: list[dict[str, Any]] = [
    {"provider": "stringee", "name": "Stringee demo", "fields": {"key_sid": STRINGEE_KEY_SID},
     "secret": STRINGEE_KEY_SECRET,
     # Stringee's API cannot list campaigns: the demo account comes with the seeded ones already added by id.
     "campaigns": [{"id": "CA100001", "name": "Chiến dịch chăm sóc tháng 11"},
                   {"id": "CA100002", "name": "Khách hàng tiềm năng"},
                   {"id": "CA100003", "name": "Chiến dịch mới (trống)"}]},
    {"provider": "smsby", "name": "SMS.by demo", "fields": {}, "secret": SMSBY_TOKEN},
    {"provider": "alohub", "name": "Alohub demo", "fields": {"tenant_id": ALOHUB_TENANT_ID,
                                                            "user_name": ALOHUB_USER_NAME}, "secret": ALOHUB_API_KEY},
    {"provider": "cellcast", "name": "Cellcast demo", "fields": {}, "secret": CELLCAST_API_KEY},
    {"provider": "dynmsg", "name": "Dynamic Messaging demo", "fields": {}, "secret": DYNMSG_API_KEY},
]

# Room for SMS.by's long query strings: the app (not h11) decides when a request line is too long (414).
MAX_INCOMPLETE_EVENT = 8 * 1024 * 1024


class SandboxApp:
    """The root ASGI app: ``/_sandbox/…`` control routes, ``/<provider>/…`` simulated APIs."""

    def __init__(self, state: SandboxState | None = None) -> None:
        self.state = state or SandboxState()
        self.control = ControlApi(self.state)
        self.dispatch = FaultDispatcher(self.state)
        self.apps: dict[str, ProviderApp] = {
            "stringee": StringeeApp(self.state), "smsby": SmsbyApp(self.state), "alohub": AlohubApp(self.state),
            "cellcast": CellcastApp(self.state), "dynmsg": DynmsgApp(self.state)}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        path: str = scope["path"]
        if path == "/_sandbox" or path.startswith("/_sandbox/"):
            response = await self.control.handle(Request(scope, receive))
            await response(scope, receive, send)
            return
        prefix, _, rest = path[1:].partition("/")
        app = self.apps.get(prefix)
        if app is None:
            await json_response({"error": f"no such provider prefix /{prefix}"}, 404)(scope, receive, send)
            return
        sub_scope = dict(scope, path="/" + rest)
        await self.dispatch(prefix, app, sub_scope, receive, send)


class SandboxServer:
    """Runs :class:`SandboxApp` under uvicorn in a background thread. ``port=0`` lets the OS pick."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, state: SandboxState | None = None) -> None:
        self.host = host
        self.app = SandboxApp(state)
        self.state = self.app.state
        self._requested_port = port
        self._port: int | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("sandbox server is not running")
        return self._port

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def url(self, provider: str) -> str:
        return f"{self.base_url}/{provider}"

    def demo_accounts(self) -> list[dict[str, Any]]:
        """``{"provider","name","base_url","fields","secret"}`` for each provider's fixed demo account."""
        return [dict(a, fields=dict(a["fields"]), base_url=self.url(a["provider"])) for a in DEMO_ACCOUNTS]

    def start(self, timeout: float = 10.0) -> SandboxServer:
        if self._thread is not None:
            return self
        # log_config=None: leave the host application's logging (and its secret redaction) alone
        config = uvicorn.Config(self.app, host=self.host, port=self._requested_port, log_config=None,
                                log_level="warning", access_log=False, lifespan="off", timeout_graceful_shutdown=2,
                                h11_max_incomplete_event_size=MAX_INCOMPLETE_EVENT, http="h11", ws="none")
        server = uvicorn.Server(config)
        self.state.stopping = False
        thread = threading.Thread(target=self._run, args=(server,), name="sandbox-server", daemon=True)
        self._server, self._thread = server, thread
        thread.start()
        for _ in range(int(timeout / 0.01)):
            if server.started or not thread.is_alive():
                break
            thread.join(0.01)
        if not server.started:
            self.stop()
            raise RuntimeError(f"sandbox server failed to start on {self.host}:{self._requested_port}")
        self._port = int(server.servers[0].sockets[0].getsockname()[1])
        return self

    @staticmethod
    def _run(server: uvicorn.Server) -> None:
        try:
            asyncio.run(server.serve())
        except SystemExit:  # uvicorn exits on startup failure (port in use): start() reports it
            logger.debug("sandbox server thread exited during startup")

    def stop(self, timeout: float = 10.0) -> None:
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        self.state.stopping = True
        server.should_exit = True
        thread.join(timeout)
        self._server = self._thread = None
        self._port = None

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

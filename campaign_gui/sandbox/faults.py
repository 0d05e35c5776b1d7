"""Per-request dispatch for provider routes: request log, then scripted faults, then the provider app.

Actions (see the contract in the brief): ``status``, ``rate_limit``, ``commit_then_500``, ``reset`` (abort the
TCP connection with RST after reading the request), ``stall`` (wait ``seconds``, then answer normally; a
reset of the sandbox or a stop drops the stalled request), ``html``, ``malformed``, ``empty``, ``drip``
(200 whose body trickles one byte every 0.5 s for ``seconds``), ``json``. ``commit: true`` on any action
runs the request through the provider first (``commit_then_500`` sets it); a ``stall`` with ``commit`` commits
before it stalls (a server that saved the batch and then stopped answering).
"""

from __future__ import annotations

import asyncio
import json
import socket
import struct
import time
from collections.abc import AsyncIterator
from http import HTTPStatus
from typing import Any

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.types import Receive, Scope, Send

from campaign_gui.sandbox.base import ProviderApp, json_response
from campaign_gui.sandbox.state import Fault, SandboxState

_ALOHUB_CODES = {400: "INVALID_INPUT", 401: "UNAUTHORIZED", 403: "INSUFFICIENT_SCOPE", 404: "NOT_FOUND",
                 429: "RATE_LIMIT_EXCEEDED"}
_SUCCESS_SAMPLES = {
    "stringee": '{"r": 0, "msg": "Success", "data": {"total": 3, "added": 2, "skipped": 1, "skipped_phones": ["8490',
    "smsby": '{"status": "OK", "result": {"inserted": 10, "updated": 5, "invalid": 1, "log": [{"index": 1',
    "alohub": '{"success": "1", "error_code": "SUCCESS", "error_message": "Bulk import started", "job_id": ',
    "cellcast": '{"message": "success", "data": {"message": "all data success to process", "success_data": 2',
    "dynmsg": '{"pageIndex": 1, "totalPages": 4, "totalRecords": 35, "items": [{"id": "3fa85f64-5717-4562',
}


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def error_body(provider: str, status: int) -> dict[str, Any]:
    """The provider's usual error JSON for ``status``."""
    phrase = _phrase(status)
    if provider == "alohub":
        return {"success": "0", "error_code": _ALOHUB_CODES.get(status, "FAIL"), "error_message": phrase}
    if provider == "cellcast":
        return {"code": status, "message": phrase}
    if provider == "smsby":
        return {"error": phrase}
    if provider == "dynmsg":
        return {"title": phrase, "status": status}
    return {"r": status, "msg": phrase}


def html_page(status: int) -> str:
    """An nginx-style error page; for a 2xx a maintenance page (a proxy or captive portal answering)."""
    title = f"{status} {_phrase(status)}" if status >= 400 else "Service temporarily unavailable"
    return (f"<!DOCTYPE html>\n<html><head><title>{title}</title></head>\n<body><center><h1>{title}</h1></center>"
            f"<hr><center>nginx</center></body></html>\n")


async def abort_connection(send: Send) -> bool:
    """Close the client's TCP connection with RST, without a response (uvicorn's h11 cycle only)."""
    cycle = getattr(send, "__self__", None)
    transport = getattr(cycle, "transport", None)
    if transport is None:
        return False
    sock = transport.get_extra_info("socket")
    if sock is not None:
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        except OSError:
            pass
    transport.abort()
    for _ in range(100):  # let connection_lost() mark the cycle disconnected, so uvicorn sends nothing
        if getattr(cycle, "disconnected", True):
            break
        await asyncio.sleep(0.001)
    return True


class FaultDispatcher:
    """Runs one provider request: log it, apply the first matching fault, or hand it to the app."""

    def __init__(self, state: SandboxState) -> None:
        self.state = state

    async def __call__(self, provider: str, app: ProviderApp, scope: Scope, receive: Receive, send: Send) -> None:
        method, path = scope["method"], scope["path"]
        self.state.log_request(provider, method, path)
        fault = self.state.match_fault(provider, method, path)
        request = Request(scope, receive)
        if fault is None:
            response = await app.handle(request)
        else:
            await request.body()  # the request is always read in full first
            if fault.commit or fault.action == "stall":
                committed = await app.handle(request) if fault.commit else None  # committed before a stall
                if fault.action == "stall" and not await self._stall(fault.seconds):
                    await self._drop(scope, receive, send)
                    return
                if committed is None:
                    committed = await app.handle(request)
                if fault.action == "stall":
                    await committed(scope, receive, send)
                    return
            if fault.action == "reset":
                await self._drop(scope, receive, send)
                return
            response = self._fault_response(provider, fault)
        await response(scope, receive, send)

    async def _drop(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not await abort_connection(send):  # not uvicorn: break the response instead
            await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"100")]})
            raise ConnectionAbortedError("sandbox fault: reset")

    async def _stall(self, seconds: float) -> bool:
        """Sleep ``seconds``; False if the sandbox was reset or is stopping meanwhile."""
        generation, deadline = self.state.generation, time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.state.generation != generation or self.state.stopping:
                return False
            await asyncio.sleep(min(0.05, max(0.0, deadline - time.monotonic())))
        return self.state.generation == generation and not self.state.stopping

    def _fault_response(self, provider: str, fault: Fault) -> Response:
        action = fault.action
        if action in ("status", "commit_then_500", "rate_limit"):
            status = fault.status or (429 if action == "rate_limit" else 500)
            headers = {"Retry-After": fault.retry_after} if fault.retry_after is not None else None
            if status < 200 or status in (204, 304):  # no body allowed
                return Response(b"", status, headers)
            return json_response(error_body(provider, status), status, headers)
        if action == "html":
            status = fault.status or 200
            return Response(html_page(status), status, media_type="text/html")
        if action == "malformed":
            return Response(_SUCCESS_SAMPLES[provider], fault.status or 200, media_type="application/json")
        if action == "empty":
            return Response(b"", fault.status or 200, media_type=None if fault.status in (204, 304) else "application/json")
        if action == "json":
            return Response(json.dumps(fault.body), fault.status or 200, media_type="application/json")
        if action == "drip":
            return StreamingResponse(self._drip(fault.seconds), fault.status or 200, media_type="application/json")
        raise AssertionError(f"unhandled fault action {action}")

    async def _drip(self, seconds: float) -> AsyncIterator[bytes]:
        generation, deadline = self.state.generation, time.monotonic() + seconds
        yield b" "
        while time.monotonic() < deadline and self.state.generation == generation and not self.state.stopping:
            await asyncio.sleep(min(0.5, max(0.0, deadline - time.monotonic())))
            yield b" "
        yield b"{}"

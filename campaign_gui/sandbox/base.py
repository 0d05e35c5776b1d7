"""A tiny regex router shared by the simulated provider apps (each owns its auth and error shapes)."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import unquote

from starlette.requests import Request
from starlette.responses import Response

from campaign_gui.sandbox.state import SandboxState

Handler = Callable[..., Awaitable[Response]]


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(json.dumps(body, ensure_ascii=False), status_code=status, headers=headers,
                    media_type="application/json")


async def read_json(request: Request) -> Any:
    """The JSON body, or ``...`` (Ellipsis) when it is missing or not JSON."""
    raw = await request.body()
    if not raw.strip():
        return ...
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return ...


async def read_form(request: Request) -> list[tuple[str, str]]:
    """Pairs of an application/x-www-form-urlencoded body (no python-multipart needed); [] otherwise."""
    ctype = request.headers.get("content-type", "")
    if "application/x-www-form-urlencoded" not in ctype:
        return []
    raw = await request.body()
    return parse_form(raw.decode("utf-8", "replace"))


def parse_form(text: str) -> list[tuple[str, str]]:
    """``urllib.parse.parse_qsl(text, keep_blank_values=True)``, the same pairs, several times faster.

    PHP-style keys arrive as ``data%5B0%5D%5B1%5D``: the bracket escapes are replaced in one C-level
    pass (``[``/``]`` cannot form or break another ``%XX`` escape, so the result is unchanged), and only
    pieces that still hold a ``%`` go through ``unquote``.
    """
    if "%5" in text:
        text = text.replace("%5B", "[").replace("%5D", "]").replace("%5b", "[").replace("%5d", "]")
    pairs: list[tuple[str, str]] = []
    append = pairs.append
    for item in text.split("&"):
        if not item:
            continue
        name, _, value = item.partition("=")
        if "+" in name:
            name = name.replace("+", " ")
        if "%" in name:
            name = _unquote(name)
        if "+" in value:
            value = value.replace("+", " ")
        if "%" in value:
            value = _unquote(value)
        append((name, value))
    return pairs


_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _unquote(text: str) -> str:
    """``unquote(text, errors="replace")``; for ASCII text whose every ``%`` starts a valid escape and
    that has no backslash, the escapes are decoded in C (``\\xHH`` via ``codecs.escape_decode``)."""
    if text.isascii() and "\\" not in text and _BAD_ESCAPE.search(text) is None:
        raw: bytes = codecs.escape_decode(text.replace("%", "\\x").encode("ascii"))[0]
        return raw.decode("utf-8", "replace")
    return unquote(text, errors="replace")


class ProviderApp:
    """Routes ``(method, regex)`` to handler methods; subclasses set ``provider``, ``routes`` and errors."""

    provider = ""
    routes: list[tuple[str, str, str]] = []  # (method, path regex, handler method name)
    case_insensitive = False

    def __init__(self, state: SandboxState) -> None:
        self.state = state
        flags = re.IGNORECASE if self.case_insensitive else 0
        self._compiled = [(m, re.compile(p, flags), getattr(self, h)) for m, p, h in self.routes]

    async def handle(self, request: Request) -> Response:
        path = request.scope["path"]
        method = request.method.upper()
        wrong_method = False
        for route_method, pattern, handler in self._compiled:
            match = pattern.fullmatch(path)
            if match is None:
                continue
            if route_method != method:
                wrong_method = True
                continue
            return await self.dispatch(request, handler, match.groupdict())
        return self.not_found(request, wrong_method)

    async def dispatch(self, request: Request, handler: Handler, params: dict[str, str]) -> Response:
        """Hook for auth and rate limits; the default only checks auth."""
        denied = await self.authenticate(request)
        if denied is not None:
            return denied
        return await handler(request, **params)

    async def authenticate(self, request: Request) -> Response | None:
        raise NotImplementedError

    def not_found(self, request: Request, wrong_method: bool) -> Response:
        status = 405 if wrong_method else 404
        return json_response({"error": "Method Not Allowed" if wrong_method else "Not Found"}, status)

"""One long-lived httpx client per account: deadlines, body checks, error mapping, rate-limit headers."""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import quote_plus

import httpx

from campaign_gui.domain.errors import (
    AuthError,
    Forbidden,
    NetworkError,
    NotFound,
    ProtocolError,
    ProviderError,
    RateLimited,
    Rejected,
    RequestTooLarge,
    ServerError,
    Timeout,
)
from campaign_gui.domain.redaction import redact, strip_query

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT = httpx.Timeout(connect=5.0, read=20.0, write=20.0, pool=10.0)
DEFAULT_DEADLINE = 45.0
RETRY_AFTER_DEFAULT = 5.0
RETRY_AFTER_MIN = 0.0
RETRY_AFTER_MAX = 300.0


def parse_retry_after(value: str | None, *, now: float | None = None,
                      default: float = RETRY_AFTER_DEFAULT) -> float:
    """Seconds to wait from a ``Retry-After`` value: seconds or an HTTP date, clamped to [0, 300].

    Garbage or a missing header gives ``default``; a date in the past or a negative number gives 0.
    """
    if value is None:
        return default
    text = value.strip()
    if not text:
        return default
    try:
        seconds = float(text)
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return default
        if parsed is None:
            return default
        current = time.time() if now is None else now
        seconds = parsed.timestamp() - current
    if math.isnan(seconds) or math.isinf(seconds):
        return default if math.isnan(seconds) else (RETRY_AFTER_MAX if seconds > 0 else RETRY_AFTER_MIN)
    return max(RETRY_AFTER_MIN, min(RETRY_AFTER_MAX, seconds))


@dataclass(frozen=True)
class RateLimitInfo:
    """What the ``*ratelimit*`` headers of one response said (None where absent)."""

    limit: int | None
    remaining: int | None
    reset_seconds: float | None

    @property
    def exhausted(self) -> bool:
        return self.remaining is not None and self.remaining <= 0


def parse_rate_limit_headers(headers: Mapping[str, str]) -> RateLimitInfo | None:
    """Read any header containing ``ratelimit`` (case-insensitive); the tightest window wins."""
    limits: list[int] = []
    remaining: list[int] = []
    resets: list[float] = []
    for name, value in headers.items():
        lname = name.lower()
        if "ratelimit" not in lname:
            continue
        try:
            number = float(str(value).split(",")[0].split(";")[0].strip())
        except ValueError:
            continue
        if "remaining" in lname:
            remaining.append(int(number))
        elif "reset" in lname:
            resets.append(max(0.0, min(RETRY_AFTER_MAX, number)))
        elif "limit" in lname:
            limits.append(int(number))
    if not (limits or remaining or resets):
        return None
    return RateLimitInfo(
        limit=min(limits) if limits else None,
        remaining=min(remaining) if remaining else None,
        reset_seconds=max(resets) if resets else None,
    )


def looks_like_html(body: bytes, content_type: str) -> bool:
    head = body[:512].lstrip().lower()
    return "html" in content_type.lower() or head.startswith((b"<!doctype", b"<html", b"<head", b"<body"))


def snippet(body: bytes, limit: int = 160) -> str:
    """A short, redacted, single-line excerpt of a body for logs and error details."""
    text = body[:limit].decode("utf-8", "replace").replace("\n", " ").replace("\r", " ")
    return redact(text)


ErrorMapper = Callable[[httpx.Response, Any], ProviderError | None]


FORM_TYPE = "application/x-www-form-urlencoded"
_STR = {str}


@lru_cache(maxsize=65_536)
def _form_key(key: str) -> str:
    return quote_plus(key)


class _Escapes(dict[int, str]):
    """``str.translate`` table giving each character its ``quote_plus`` form; non-ASCII ones filled on
    first use (their UTF-8 bytes, percent-escaped)."""

    def __missing__(self, char: int) -> str:
        escaped = self[char] = quote_plus(chr(char))
        return escaped


_ESCAPES = _Escapes({c: quote_plus(chr(c)) for c in range(1, 128)})
_ESCAPES[0] = "\0"  # the separator while escaping every value in one pass (kept as it is)


def encode_form(data: Mapping[str, str]) -> bytes:
    """The body httpx would send for ``data=`` (``urlencode``: ``quote_plus`` of keys and values), built
    several times faster for a batch of a thousand fields: keys such as SMS.by's ``data[12][3]`` repeat in
    every batch, so their escaped form is cached, and the values are escaped together by one
    ``str.translate`` (values are never cached: the token is one of them)."""
    values = list(data.values())
    if not values:
        return b""
    joined = "\0".join(values)
    if joined.count("\0") == len(values) - 1:
        escaped = joined.translate(_ESCAPES).split("\0")
    else:  # a value holds the separator itself
        escaped = [quote_plus(v) for v in values]
    return "&".join([f"{_form_key(k)}={v}" for k, v in zip(data, escaped, strict=True)]).encode("ascii")


class HttpClient:
    """A thin wrapper over one ``httpx.AsyncClient`` that never lets a bad answer pass as success.

    ``request_json`` returns the decoded JSON body of a 2xx answer, or raises a ``ProviderError``
    subclass. A total deadline wraps every request (a dripping server cannot hold it forever).
    ``error_mapper`` lets a provider turn its own error bodies into specific errors first.
    """

    def __init__(self, base_url: str, *, headers: Mapping[str, str] | None = None,
                 timeout: httpx.Timeout = DEFAULT_TIMEOUT, deadline: float = DEFAULT_DEADLINE,
                 transport: httpx.AsyncBaseTransport | None = None,
                 error_mapper: ErrorMapper | None = None, provider_name: str = "provider") -> None:
        self.base_url = base_url.rstrip("/")
        self.deadline = deadline
        self.provider_name = provider_name
        self._error_mapper = error_mapper
        self.last_rate_limit: RateLimitInfo | None = None
        # time.monotonic() when the last request was handed to the transport (after its body was built):
        # pacing measures the gap between real request starts from here.
        self.last_request_started: float | None = None
        self._client = httpx.AsyncClient(
            event_hooks={"request": [self._on_request]},
            base_url=self.base_url + "/",
            headers=dict(headers or {}),
            timeout=timeout,
            transport=transport,
            follow_redirects=False,
            limits=httpx.Limits(max_connections=8, max_keepalive_connections=4),
        )

    async def _on_request(self, request: httpx.Request) -> None:
        self.last_request_started = time.monotonic()

    @property
    def client(self) -> httpx.AsyncClient:
        return self._client

    async def aclose(self) -> None:
        await self._client.aclose()

    async def send(self, method: str, path: str, *, params: Any = None, json_body: Any = None,
                   data: Any = None, headers: Mapping[str, str] | None = None,
                   deadline: float | None = None) -> httpx.Response:
        """Send a request and read the whole body within the deadline; map transport failures."""
        url = path.lstrip("/")
        limit = self.deadline if deadline is None else deadline
        content: bytes | None = None
        if isinstance(data, Mapping) and set(map(type, data)) | set(map(type, data.values())) <= _STR:
            content, data = encode_form(data), None
            headers = {**(headers or {}), "Content-Type": FORM_TYPE}
        try:
            async with asyncio.timeout(limit):
                response = await self._client.request(method, url, params=params, json=json_body,
                                                      data=data, content=content, headers=headers)
                await response.aread()
        except TimeoutError as exc:
            raise Timeout(f"{self.provider_name} did not answer within {limit:g} s") from _clean(exc)
        except httpx.TimeoutException as exc:
            raise Timeout(f"{self.provider_name} timed out ({type(exc).__name__})") from _clean(exc)
        except httpx.ConnectError as exc:
            raise NetworkError(f"Cannot connect to {self.provider_name}") from _clean(exc)
        except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
            raise NetworkError(f"The connection to {self.provider_name} broke ({type(exc).__name__})") from _clean(exc)
        except httpx.TransportError as exc:
            raise NetworkError(f"Network error talking to {self.provider_name} ({type(exc).__name__})") from _clean(exc)
        self.last_rate_limit = parse_rate_limit_headers(response.headers)
        if logger.isEnabledFor(logging.DEBUG):  # the URL is not even built otherwise (every request)
            logger.debug("%s %s -> %s", method, strip_query(str(response.request.url)), response.status_code)
        return response

    async def request_json(self, method: str, path: str, *, params: Any = None, json_body: Any = None,
                           data: Any = None, headers: Mapping[str, str] | None = None,
                           deadline: float | None = None, allow_empty: bool = False) -> Any:
        response = await self.send(method, path, params=params, json_body=json_body, data=data,
                                   headers=headers, deadline=deadline)
        return self.decode(response, allow_empty=allow_empty)

    def decode(self, response: httpx.Response, *, allow_empty: bool = False) -> Any:
        """Decode a response: errors for non-2xx, ProtocolError for HTML/empty/malformed bodies."""
        body = response.content
        content_type = response.headers.get("content-type", "")
        payload: Any = None
        decoded = False
        if body.strip() and not looks_like_html(body, content_type):
            try:
                payload = json.loads(body)
                decoded = True
            except (ValueError, UnicodeDecodeError):
                decoded = False
        status = response.status_code
        if status >= 300 or status < 200:
            raise self._status_error(response, payload)
        if not body.strip():
            if allow_empty:
                return None
            raise ProtocolError(f"{self.provider_name} sent an empty answer", status=status)
        if looks_like_html(body, content_type):
            raise ProtocolError(f"{self.provider_name} sent a web page instead of data", status=status,
                                detail=snippet(body))
        if not decoded:
            raise ProtocolError(f"{self.provider_name} sent a malformed answer", status=status,
                                detail=snippet(body))
        if self._error_mapper is not None:
            mapped = self._error_mapper(response, payload)
            if mapped is not None:
                raise mapped
        return payload

    def _status_error(self, response: httpx.Response, payload: Any) -> ProviderError:
        status = response.status_code
        if self._error_mapper is not None:
            mapped = self._error_mapper(response, payload)
            if mapped is not None:
                return mapped
        detail = snippet(response.content)
        name = self.provider_name
        if status == 429:
            wait = parse_retry_after(response.headers.get("retry-after"))
            return RateLimited(f"{name} asks to wait {wait:.0f} s", retry_after=wait, detail=detail)
        if status == 401:
            return AuthError(f"{name} did not accept the key (401): re-enter it", status=status, detail=detail)
        if status == 403:
            return Forbidden(f"{name} refused access (403): the key lacks a permission", status=status,
                             detail=detail)
        if status == 404:
            return NotFound(f"{name}: not found (404)", status=status, detail=detail)
        if status in (413, 414):
            return RequestTooLarge(f"{name}: request too large ({status})", status=status, detail=detail)
        if 500 <= status < 600:
            return ServerError(f"{name} had a server error ({status})", status=status, detail=detail)
        if 300 <= status < 400:
            return ProtocolError(f"{name} redirected the request ({status}); check the base URL",
                                 status=status)
        return Rejected(f"{name} rejected the request ({status})", status=status, detail=detail)


def _clean(exc: BaseException) -> BaseException | None:
    """Drop the httpx cause (its text may hold a URL with a token): keep only the type name."""
    return None


def error_field(payload: Any, *names: str) -> str | None:
    """The first string value among ``names`` in a dict payload (for provider error bodies)."""
    if isinstance(payload, dict):
        for name in names:
            value = payload.get(name)
            if isinstance(value, (str, int)) and str(value):
                return redact(str(value))[:200]
    return None

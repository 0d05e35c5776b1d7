"""Unit tests of providers/http.py: Retry-After, rate-limit headers, body decoding and status mapping."""

from __future__ import annotations

import email.utils
import importlib.abc
import sys
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from campaign_gui.domain.errors import (
    AuthError,
    Forbidden,
    NotFound,
    ProtocolError,
    ProviderError,
    RateLimited,
    Rejected,
    RequestTooLarge,
    ServerError,
)
from campaign_gui.providers.http import (
    RETRY_AFTER_DEFAULT,
    RETRY_AFTER_MAX,
    HttpClient,
    encode_form,
    parse_rate_limit_headers,
    parse_retry_after,
)

NOW = 1_800_000_000.0


def http_date(ts: float) -> str:
    return email.utils.formatdate(ts, usegmt=True)


@pytest.mark.parametrize(("value", "expected"), [
    ("5", 5.0),
    ("  12 ", 12.0),
    ("0.5", 0.5),
    ("0", 0.0),
    ("-3", 0.0),
    ("100000", RETRY_AFTER_MAX),
    ("1e9", RETRY_AFTER_MAX),
    ("inf", RETRY_AFTER_MAX),
    ("-inf", 0.0),
    ("nan", RETRY_AFTER_DEFAULT),
    ("soon", RETRY_AFTER_DEFAULT),
    ("", RETRY_AFTER_DEFAULT),
    (None, RETRY_AFTER_DEFAULT),
])
def test_retry_after_seconds_and_garbage(value: str | None, expected: float) -> None:
    assert parse_retry_after(value, now=NOW) == expected


def test_retry_after_http_date_in_future() -> None:
    assert parse_retry_after(http_date(NOW + 42), now=NOW) == pytest.approx(42.0)


def test_retry_after_http_date_in_past_is_zero() -> None:
    assert parse_retry_after(http_date(NOW - 3600), now=NOW) == 0.0


def test_retry_after_far_future_date_is_clamped() -> None:
    assert parse_retry_after(http_date(NOW + 86400 * 30), now=NOW) == RETRY_AFTER_MAX


def test_retry_after_custom_default() -> None:
    assert parse_retry_after("garbage", now=NOW, default=9.0) == 9.0
    assert parse_retry_after("Mon, 99 Foo 2026 99:99:99 GMT", now=NOW, default=7.0) == 7.0


def test_rate_limit_headers_absent() -> None:
    assert parse_rate_limit_headers(httpx.Headers({"content-type": "application/json"})) is None


def test_rate_limit_headers_tightest_window_wins() -> None:
    info = parse_rate_limit_headers(httpx.Headers({
        "X-RateLimit-Limit-Tenant": "100",
        "X-RateLimit-Remaining-Tenant": "40",
        "X-RateLimit-Limit-Route": "60",
        "X-RateLimit-Remaining-Route": "0",
        "RateLimit-Reset": "7",
    }))
    assert info is not None
    assert (info.limit, info.remaining, info.reset_seconds) == (60, 0, 7.0)
    assert info.exhausted


def test_rate_limit_headers_lists_garbage_and_clamp() -> None:
    info = parse_rate_limit_headers(httpx.Headers({
        "ratelimit-limit": "10, 10;w=1",
        "ratelimit-remaining": "abc",
        "ratelimit-reset": "99999",
    }))
    assert info is not None
    assert info.limit == 10
    assert info.remaining is None
    assert not info.exhausted
    assert info.reset_seconds == RETRY_AFTER_MAX


# -- decode ---------------------------------------------------------------------------------------

@pytest.fixture
async def client() -> Any:
    http = HttpClient("http://127.0.0.1:9/prefix", provider_name="Acme")
    yield http
    await http.aclose()


def response(status: int, body: bytes, content_type: str = "application/json",
             headers: dict[str, str] | None = None) -> httpx.Response:
    all_headers = {"content-type": content_type, **(headers or {})}
    return httpx.Response(status, content=body, headers=all_headers,
                          request=httpx.Request("GET", "http://127.0.0.1:9/prefix/x?token=SECRET123"))


async def test_decode_json_ok(client: HttpClient) -> None:
    assert client.decode(response(200, b'{"a": 1}')) == {"a": 1}
    assert client.decode(response(201, b'"abc123"')) == "abc123"


@pytest.mark.parametrize(("body", "content_type", "text"), [
    (b"<!DOCTYPE html><html><body>Welcome</body></html>", "text/html", "web page"),
    (b"  <html><body>oops</body></html>", "application/json", "web page"),
    (b"", "application/json", "empty"),
    (b"   \n", "application/json", "empty"),
    (b'{"a": 1', "application/json", "malformed"),
    (b"\xff\xfe\x00garbage", "application/json", "malformed"),
])
async def test_decode_bad_bodies_are_protocol_errors(client: HttpClient, body: bytes, content_type: str,
                                                     text: str) -> None:
    with pytest.raises(ProtocolError) as info:
        client.decode(response(200, body, content_type))
    assert text in info.value.message
    assert "SECRET123" not in str(info.value) and "SECRET123" not in repr(info.value)


async def test_decode_empty_allowed_for_204(client: HttpClient) -> None:
    assert client.decode(response(204, b""), allow_empty=True) is None


async def test_decode_json_null_is_returned_for_callers_to_check(client: HttpClient) -> None:
    # ``null`` is valid JSON: the provider modules must reject it (tested per provider).
    assert client.decode(response(200, b"null")) is None


@pytest.mark.parametrize(("status", "error"), [
    (401, AuthError), (403, Forbidden), (404, NotFound), (413, RequestTooLarge), (414, RequestTooLarge),
    (400, Rejected), (422, Rejected), (500, ServerError), (502, ServerError), (503, ServerError),
    (302, ProtocolError),
])
async def test_status_mapping(client: HttpClient, status: int, error: type[ProviderError]) -> None:
    with pytest.raises(error) as info:
        client.decode(response(status, b"<html><body>Bad Gateway</body></html>", "text/html"))
    assert type(info.value) is error
    assert info.value.status == status
    assert "?" not in info.value.message


async def test_429_carries_retry_after(client: HttpClient) -> None:
    with pytest.raises(RateLimited) as info:
        client.decode(response(429, b"{}", headers={"Retry-After": "17"}))
    assert info.value.retry_after == 17.0
    with pytest.raises(RateLimited) as info:
        client.decode(response(429, b"{}", headers={"Retry-After": "999999"}))
    assert info.value.retry_after == RETRY_AFTER_MAX


async def test_error_mapper_runs_first(client: HttpClient) -> None:
    def mapper(resp: httpx.Response, payload: Any) -> ProviderError | None:
        if isinstance(payload, dict) and payload.get("r") == 3:
            return NotFound("campaign not found", code="3")
        return None

    mapped = HttpClient("http://127.0.0.1:9", error_mapper=mapper)
    try:
        with pytest.raises(NotFound):
            mapped.decode(response(200, b'{"r": 3}'))
        assert mapped.decode(response(200, b'{"r": 0}')) == {"r": 0}
    finally:
        await mapped.aclose()


async def test_base_url_keeps_path_prefix(client: HttpClient) -> None:
    request = client.client.build_request("GET", "api/v1/x")
    assert str(request.url) == "http://127.0.0.1:9/prefix/api/v1/x"


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text(max_size=12), st.text(max_size=20), max_size=6))
def test_form_bodies_are_the_bytes_httpx_would_send(data: dict[str, str]) -> None:
    assert encode_form(data) == httpx.Request("POST", "http://x/", data=data).read()


def test_form_body_of_a_batch_escapes_brackets_and_text_but_not_phones() -> None:
    body = encode_form({"token": "t/k n", "data[0][0]": "375291234567", "data[0][1]": "Nguyễn Văn An"})
    assert body == (b"token=t%2Fk+n&data%5B0%5D%5B0%5D=375291234567"
                    b"&data%5B0%5D%5B1%5D=Nguy%E1%BB%85n+V%C4%83n+An")


def test_form_values_holding_the_separator_or_nothing() -> None:
    for data in ({"a": "x\0y", "b": "z"}, {}, {"k": ""}, {"k": "\0"}):
        assert encode_form(data) == httpx.Request("POST", "http://x/", data=data).read()


class _ImportWatch(importlib.abc.MetaPathFinder):
    """Records every module name the import system had to search for (none is found here)."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        self.names.append(name)


async def test_requests_search_for_no_module(sandbox: Any) -> None:
    """httpcore imports ``sniffio`` for each lock and event of each request. Without it installed (anyio
    >= 4.11 stopped bringing it) every import fails after a search of sys.path, several per request;
    the project depends on it directly. A request after the first must not search for any module."""
    http = HttpClient(sandbox.url("smsby"), provider_name="SMS.by")
    watch = _ImportWatch()
    try:
        await http.client.get("first")  # imports that happen once are fine
        sys.meta_path.insert(0, watch)
        for _ in range(3):
            await http.client.post("api/importContacts", data={"token": "x"})
    finally:
        if watch in sys.meta_path:
            sys.meta_path.remove(watch)
        await http.aclose()
    assert watch.names == []

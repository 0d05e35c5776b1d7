"""Scripted faults: every action, for every provider; times/after/method matching; commit semantics."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest

from .helpers import stringee_token

# One authenticated, side-effect-free request per provider: (provider, method, path, kwargs, fault path regex)
PROBES: dict[str, tuple[str, str, dict[str, Any], str]] = {
    "stringee": ("POST", "/v1/customcampaign/add-by-phones", {"json": {}}, r"add-by-phones$"),
    "smsby": ("GET", "/api/v2/getSubscriberLists", {"params": {"token": "smsby-demo-token-4c1e8b7a2f9d"}},
              r"getSubscriberLists"),
    "alohub": ("GET", "/v1/campaigns/1042/contact-lists", {"headers": {"X-Api-Key": "sk_live_demo_alohub_9b2c4e6f8a1d"}},
               r"^/v1/campaigns/\d+/contact-lists$"),
    "cellcast": ("GET", "/api/v1/apiClient/account", {"headers": {"Authorization": "Bearer cellcast-demo-key-5e7a1c3b9d2f"}},
                 r"account"),
    "dynmsg": ("GET", "/api/Campaigns", {"headers": {"api-key": "dynmsg-demo-key-8d4f2a6c1e3b"}}, r"(?i)^/api/campaigns$"),
}
PROVIDERS = list(PROBES)


def probe(http: httpx.Client, sandbox: Any, provider: str, **extra: Any) -> httpx.Response:
    method, path, kwargs, _ = PROBES[provider]
    kwargs = dict(kwargs)
    if provider == "stringee":
        kwargs["headers"] = {"X-STRINGEE-AUTH": stringee_token(sandbox.secret("stringee"))}
    return http.request(method, sandbox.url(provider) + path, **kwargs, **extra)


async def fired(sandbox: Any) -> None:
    """Wait (bounded) until the first scripted fault has caught its request."""
    for _ in range(500):
        if sandbox.control.faults()[0]["fired"]:
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the fault never fired")


def add(sandbox: Any, provider: str, **spec: Any) -> int:
    fault_id: int = sandbox.control.fault(provider=provider, path=PROBES[provider][3], **spec)
    return fault_id


@pytest.mark.parametrize("provider", PROVIDERS)
def test_status_then_normal(http: httpx.Client, sandbox: Any, provider: str) -> None:
    add(sandbox, provider, action="status", status=503, retry_after="7")
    failed = probe(http, sandbox, provider)
    assert failed.status_code == 503 and failed.headers["Retry-After"] == "7"
    assert isinstance(failed.json(), dict)
    assert probe(http, sandbox, provider).status_code == 200


@pytest.mark.parametrize("provider", PROVIDERS)
def test_reset_closes_the_connection(sandbox: Any, provider: str) -> None:
    add(sandbox, provider, action="reset")
    with httpx.Client(timeout=5) as client:
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
            probe(client, sandbox, provider)
        assert probe(client, sandbox, provider).status_code == 200


@pytest.mark.parametrize("provider", PROVIDERS)
def test_body_faults(http: httpx.Client, sandbox: Any, provider: str) -> None:
    add(sandbox, provider, action="html", status=502)
    add(sandbox, provider, action="html")
    add(sandbox, provider, action="malformed")
    add(sandbox, provider, action="empty", status=200)
    add(sandbox, provider, action="json", body=None)
    add(sandbox, provider, action="json", status=200, body={"unexpected": True})
    html502, html200, malformed, empty, null, odd = (probe(http, sandbox, provider) for _ in range(6))
    assert html502.status_code == 502 and html502.text.lstrip().startswith("<!DOCTYPE html>")
    assert html200.status_code == 200 and "text/html" in html200.headers["content-type"]
    assert malformed.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        json.loads(malformed.text)
    assert empty.status_code == 200 and empty.content == b""
    assert null.json() is None
    assert odd.json() == {"unexpected": True}
    assert probe(http, sandbox, provider).status_code == 200


@pytest.mark.parametrize("provider", PROVIDERS)
def test_rate_limit_sends_retry_after_verbatim(http: httpx.Client, sandbox: Any, provider: str) -> None:
    add(sandbox, provider, action="rate_limit", retry_after="Wed, 21 Oct 2015 07:28:00 GMT")
    response = probe(http, sandbox, provider)
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "Wed, 21 Oct 2015 07:28:00 GMT"


def test_times_after_and_method(http: httpx.Client, sandbox: Any) -> None:
    add(sandbox, "cellcast", action="status", status=500, times=2, after=1)
    add(sandbox, "cellcast", action="status", status=418, method="POST", times=-1)
    codes = [probe(http, sandbox, "cellcast").status_code for _ in range(5)]
    assert codes == [200, 500, 500, 200, 200]
    faults = sandbox.control.faults()
    assert [(f["seen"], f["fired"]) for f in faults] == [(3, 2), (0, 0)]
    sandbox.control.clear_faults()
    assert sandbox.control.faults() == []


def test_commit_then_500_changes_state(http: httpx.Client, sandbox: Any) -> None:
    sandbox.control.fault(provider="cellcast", path="contact/bulk", action="commit_then_500")
    body = {"contacts": [{"phone_number": "0400000001"}]}
    url = sandbox.url("cellcast") + "/api/v1/contact/bulk"
    headers = PROBES["cellcast"][2]["headers"]
    assert http.post(url, json=body, headers=headers).status_code == 500
    assert sandbox.control.ledger("cellcast") == {"+61400000001": 1}
    assert http.post(url, json=body, headers=headers).json()["message"] == "success"
    assert sandbox.control.ledger("cellcast") == {"+61400000001": 1}  # the resend was an update


def test_reset_with_commit_loses_only_the_answer(sandbox: Any) -> None:
    sandbox.control.fault(provider="dynmsg", path="(?i)campaigns", method="POST", action="reset", commit=True)
    body = {"sender": "S", "message": "m", "contacts": [{"phoneNumber": "07700123456"}]}
    with httpx.Client(timeout=5) as client, pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        client.post(sandbox.url("dynmsg") + "/api/Campaigns", json=body, headers=PROBES["dynmsg"][2]["headers"])
    assert sandbox.control.ledger("dynmsg") == {"+447700123456": 1}


async def test_stall_delays_one_request_without_blocking_others(sandbox: Any) -> None:
    add(sandbox, "cellcast", action="stall", seconds=1.0)
    method, path, kwargs, _ = PROBES["cellcast"]
    url = sandbox.url("cellcast") + path
    async with httpx.AsyncClient(timeout=10) as client:
        stalled = asyncio.create_task(client.request(method, url, **kwargs))
        await fired(sandbox)
        other = await client.request(method, url, **kwargs)
        assert other.status_code == 200
        assert not stalled.done()
        assert (await stalled).status_code == 200


async def test_stalled_request_is_dropped_by_a_reset(sandbox: Any) -> None:
    sandbox.control.fault(provider="cellcast", path="contact/bulk", action="stall", seconds=60)
    url = sandbox.url("cellcast") + "/api/v1/contact/bulk"
    async with httpx.AsyncClient(timeout=10) as client:
        pending = asyncio.create_task(client.post(url, json={"contacts": [{"phone_number": "0400000001"}]},
                                                  headers=PROBES["cellcast"][2]["headers"]))
        await fired(sandbox)
        sandbox.control.reset()
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
            await pending
    assert sandbox.control.ledger("cellcast") == {}


def test_stall_trips_a_client_timeout(sandbox: Any) -> None:
    add(sandbox, "alohub", action="stall", seconds=30)
    with httpx.Client(timeout=0.3) as client, pytest.raises(httpx.ReadTimeout):
        probe(client, sandbox, "alohub")


def test_drip_sends_bytes_slowly(http: httpx.Client, sandbox: Any) -> None:
    add(sandbox, "smsby", action="drip", seconds=1.0)
    method, path, kwargs, _ = PROBES["smsby"]
    with http.stream(method, sandbox.url("smsby") + path, **kwargs) as response:
        assert response.status_code == 200
        chunks = [chunk for chunk in response.iter_raw() if chunk]
    assert len(chunks) >= 2
    assert b"".join(chunks).strip() == b"{}"


def test_fault_on_unknown_route_and_bad_specs(http: httpx.Client, sandbox: Any) -> None:
    sandbox.control.fault(provider="alohub", path="nowhere", action="status", status=502)
    assert http.get(sandbox.url("alohub") + "/v1/nowhere").status_code == 502
    for spec in ({"action": "explode"}, {"action": "status", "provider": "acme"},
                 {"action": "status", "path": "("}, {"action": "status", "times": "x"}):
        with pytest.raises(ValueError):
            sandbox.control.fault(**spec)

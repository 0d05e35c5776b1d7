"""Stringee client against the sandbox over loopback HTTP: JWT, batches mapped back to rows, faults."""

from __future__ import annotations

import dataclasses
import email.utils
import logging
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import jwt
import pytest

from campaign_gui.domain.errors import (
    AuthError,
    NetworkError,
    NotFound,
    ProtocolError,
    RateLimited,
    Rejected,
    ServerError,
    Timeout,
    Unsupported,
)
from campaign_gui.domain.models import BatchResult, ProviderId, RowOutcome, UploadRow
from campaign_gui.providers import make_provider, provider_info
from campaign_gui.providers.base import ContactScope, Provider, RetryClass
from campaign_gui.providers.stringee import INFO, Client, map_batch, vn_phone_key

P = "stringee"
CAMPAIGN = {"campaign": "CA100003"}  # seeded empty


class Recorder(httpx.AsyncBaseTransport):
    """A real loopback transport that remembers each request it sends."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


class Clock:
    def __init__(self, offset: float = 0.0) -> None:
        self.offset = offset

    def __call__(self) -> float:
        return time.time() + self.offset


@pytest.fixture
async def client(sandbox: Any) -> AsyncIterator[Client]:
    c = Client(sandbox.account(P), sandbox.secret(P), deadline=5.0)
    yield c
    await c.aclose()


def rows(*phones: str, start: int = 10) -> list[UploadRow]:
    return [UploadRow(index=start + i, phone=p) for i, p in enumerate(phones)]


def count(sandbox: Any) -> int:
    return int(sandbox.control.requests(P)["count"])


# -- description --------------------------------------------------------------------------------

async def test_info_and_unsupported(client: Client) -> None:
    assert provider_info(ProviderId.STRINGEE) is INFO and isinstance(client, Provider)
    assert INFO.batch_limit == 1000 and INFO.pacing_seconds == 0.2 and INFO.retry_class is RetryClass.RESEND
    assert INFO.default_region == "VN" and [f.key for f in INFO.fields] == ["key_sid"]
    caps = INFO.capabilities
    assert not [n for n, enabled in vars(caps).items() if not enabled and not INFO.notes.get(n)]
    assert caps.upload_batch and caps.add_contact and caps.test_connection
    assert not (caps.list_campaigns or caps.list_contacts or caps.delete_contact or caps.list_contact_lists)
    with pytest.raises(Unsupported, match="no documented campaign list; add campaigns by id"):
        await client.list_campaigns(0, 20)
    with pytest.raises(Unsupported):
        await client.list_contacts(ContactScope(campaign_id="CA100001"), 0, 20)
    with pytest.raises(Unsupported):
        await client.poll_job(CAMPAIGN, "1")
    assert "stringee-demo-secret" not in repr(client)


def test_phone_key_forms() -> None:
    assert {vn_phone_key(p) for p in ("0901000001", "84901000001", "+84901000001", "901000001")} == {"84901000001"}


# -- happy paths ---------------------------------------------------------------------------------

async def test_connection_accepts_key(sandbox: Any, client: Client) -> None:
    assert "Key accepted" in await client.test_connection()
    assert count(sandbox) == 1


async def test_upload_added_then_skipped_on_resend(sandbox: Any, client: Client) -> None:
    batch = rows("+84901000001", "+84901000002", "+84912000003")
    result = await client.upload_batch(CAMPAIGN, batch, batch_key="b1")
    assert result.complete and [(r.index, r.outcome) for r in result.rows] == [
        (10, RowOutcome.ADDED), (11, RowOutcome.ADDED), (12, RowOutcome.ADDED)]
    again = await client.upload_batch(CAMPAIGN, batch, batch_key="b1")  # idempotent resend: r=7
    assert again.complete and {r.outcome for r in again.rows} == {RowOutcome.SKIPPED}
    assert again.raw_summary["r"] == 7
    assert sandbox.control.ledger(P) == {"+84901000001": 1, "+84901000002": 1, "+84912000003": 1}


async def test_partial_success_maps_84_forms_back_to_rows(sandbox: Any, client: Client) -> None:
    await client.upload_batch(CAMPAIGN, rows("+84901000001", "+84901000002"), batch_key="first")
    # rows as the caller typed them: national 0…, +84…, and an invalid one; the answer lists 84… forms
    batch = [UploadRow(index=3, phone="0901000001"), UploadRow(index=5, phone="+84901000002"),
             UploadRow(index=7, phone="+84901000009"), UploadRow(index=9, phone="+8412")]
    result = await client.upload_batch(CAMPAIGN, batch, batch_key="second")
    assert result.complete
    outcomes = {r.index: r.outcome for r in result.rows}
    assert outcomes == {3: RowOutcome.SKIPPED, 5: RowOutcome.SKIPPED, 7: RowOutcome.ADDED, 9: RowOutcome.REJECTED}
    assert result.raw_summary == {"r": 0, "added": 1, "skipped": 2, "invalid": 1}


async def test_add_contact_single_row(sandbox: Any, client: Client) -> None:
    await client.add_contact(CAMPAIGN, UploadRow(index=1, phone="+84901000005"))
    assert sandbox.control.ledger(P) == {"+84901000005": 1}
    with pytest.raises(Rejected, match="invalid phone"):
        await client.add_contact(CAMPAIGN, UploadRow(index=2, phone="+8412"))


def test_unusual_spellings_in_the_answer_still_map() -> None:
    batch = rows("+84901000001", "+84901000002", "+84901000003")
    data = {"added": 1, "skipped": 1, "skipped_phones": ["+840901000002"], "invalid": 1,
            "invalid_phones": ["８４９０１０００００３"]}
    result = map_batch(batch, 0, data)
    assert result.complete and [r.outcome for r in result.rows] == [
        RowOutcome.ADDED, RowOutcome.SKIPPED, RowOutcome.REJECTED]


def test_short_count_reports_only_attributable_rows() -> None:
    batch = rows("+84901000001", "+84901000002", "+84901000003")
    data = {"added": 1, "skipped": 1, "skipped_phones": ["84901000002"], "invalid": 0, "invalid_phones": []}
    result = map_batch(batch, 0, data)
    assert not result.complete
    assert [(r.index, r.outcome) for r in result.rows] == [(11, RowOutcome.SKIPPED)]
    # counts add up, but a listed phone is none of ours: the "added" rows cannot be trusted
    data = {"added": 2, "skipped": 1, "skipped_phones": ["84909999999"], "invalid": 0, "invalid_phones": []}
    assert map_batch(batch, 0, data) == BatchResult(rows=[], complete=False,
                                                    raw_summary={"r": 0, "added": 2, "skipped": 1, "invalid": 0})
    assert [r.outcome for r in map_batch(batch, 7, None).rows] == [RowOutcome.SKIPPED] * 3


async def test_missing_key_sid_is_an_auth_error_before_sending(sandbox: Any) -> None:
    account = dataclasses.replace(sandbox.account(P), fields={})
    c = Client(account, sandbox.secret(P))
    try:
        with pytest.raises(AuthError, match="key_sid"):
            await c.test_connection()
    finally:
        await c.aclose()
    assert count(sandbox) == 0


# -- limits and provider codes -------------------------------------------------------------------

async def test_over_limit_rejected_locally(sandbox: Any, client: Client) -> None:
    batch = [UploadRow(index=i, phone=f"+849010{i:05d}") for i in range(1001)]
    with pytest.raises(ValueError, match="at most 1000"):
        await client.upload_batch(CAMPAIGN, batch, batch_key="big")
    assert count(sandbox) == 0


async def test_unknown_campaign_is_not_found(client: Client) -> None:
    with pytest.raises(NotFound, match="Campaign CA999999 not found"):
        await client.upload_batch({"campaign": "CA999999"}, rows("+84901000001"), batch_key="x")


async def test_other_codes_are_rejected(sandbox: Any, client: Client) -> None:
    sandbox.control.fault(provider=P, path="add-by-phones", action="json", body={"r": 5, "msg": "Quota"})
    with pytest.raises(Rejected, match="r=5"):
        await client.upload_batch(CAMPAIGN, rows("+84901000001"), batch_key="x")


# -- credentials and tokens ----------------------------------------------------------------------

async def test_wrong_secret_fails_after_one_remint(sandbox: Any) -> None:
    bad = Client(sandbox.account(P), "not-the-secret-0000-not-the-secret-0000", deadline=5.0)
    try:
        with pytest.raises(AuthError):
            await bad.test_connection()
    finally:
        await bad.aclose()
    assert count(sandbox) == 2


async def test_token_rejected_mid_run_is_reminted_once(sandbox: Any) -> None:
    clock, recorder = Clock(offset=-100), Recorder()
    c = Client(sandbox.account(P), sandbox.secret(P), transport=recorder, clock=clock, deadline=5.0)
    try:
        await c.upload_batch(CAMPAIGN, rows("+84901000001"), batch_key="a")  # token issued "100 s ago"
        sandbox.control.configure(stringee={"reject_tokens_issued_before": time.time() - 50})
        clock.offset = 0
        result = await c.upload_batch(CAMPAIGN, rows("+84901000002"), batch_key="b")
    finally:
        await c.aclose()
    assert [r.outcome for r in result.rows] == [RowOutcome.ADDED]
    assert count(sandbox) == 3  # a, b (401), b again
    tokens = [r.headers["x-stringee-auth"] for r in recorder.requests]
    assert tokens[0] == tokens[1] != tokens[2]
    assert sandbox.control.ledger(P) == {"+84901000001": 1, "+84901000002": 1}


async def test_token_near_expiry_is_reminted_before_sending(sandbox: Any) -> None:
    clock, recorder = Clock(offset=-3400), Recorder()  # the first token expires in ~200 s
    c = Client(sandbox.account(P), sandbox.secret(P), transport=recorder, clock=clock, deadline=5.0)
    try:
        await c.test_connection()
        sandbox.control.configure(stringee={"reject_tokens_issued_before": time.time() - 1000})
        clock.offset = 0
        await c.test_connection()
    finally:
        await c.aclose()
    assert count(sandbox) == 2  # no 401: the new token went out first
    header = jwt.get_unverified_header(recorder.requests[1].headers["x-stringee-auth"])
    claims = jwt.decode(recorder.requests[1].headers["x-stringee-auth"], options={"verify_signature": False})
    assert header == {"typ": "JWT", "alg": "HS256", "cty": "stringee-api;v=1"}
    assert claims["iss"] == claims["jti"].rsplit("-", 1)[0] == "SKDEMO00000000000000000000000001"
    assert claims["rest_api"] is True and claims["exp"] - claims["iat"] == 3600


async def test_secret_and_tokens_stay_out_of_logs_and_errors(sandbox: Any, caplog: pytest.LogCaptureFixture) -> None:
    recorder = Recorder()
    caplog.set_level(logging.DEBUG)
    c = Client(sandbox.account(P), sandbox.secret(P), transport=recorder, deadline=5.0)
    sandbox.control.fault(provider=P, path="add-by-phones", action="status", status=401, times=2)
    try:
        with pytest.raises(AuthError) as info:
            await c.test_connection()
    finally:
        await c.aclose()
    secrets = [sandbox.secret(P)] + [r.headers["x-stringee-auth"] for r in recorder.requests]
    texts = [str(info.value), repr(info.value), str(info.value.detail)] + [r.getMessage() for r in caplog.records]
    assert not [s for s in secrets for t in texts if s in t]


# -- faults --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("retry_after", "check"), [
    ("7", lambda v: v == 7.0),
    (None, lambda v: 55 <= v <= 60),  # HTTP date one minute ahead
])
async def test_rate_limited_with_retry_after(sandbox: Any, client: Client, retry_after: str | None,
                                             check: Callable[[float], bool]) -> None:
    value = retry_after or email.utils.formatdate(time.time() + 60, usegmt=True)
    sandbox.control.fault(provider=P, path="add-by-phones", action="rate_limit", retry_after=value)
    with pytest.raises(RateLimited) as info:
        await client.upload_batch(CAMPAIGN, rows("+84901000001"), batch_key="x")
    assert check(info.value.retry_after)
    assert count(sandbox) == 1


@pytest.mark.parametrize(("spec", "error"), [
    ({"action": "html", "status": 502}, ServerError),
    ({"action": "html", "status": 200}, ProtocolError),
    ({"action": "malformed"}, ProtocolError),
    ({"action": "empty"}, ProtocolError),
    ({"action": "json", "body": None}, ProtocolError),
    ({"action": "json", "body": {"r": 0, "msg": "Success"}}, ProtocolError),  # no data
    ({"action": "json", "body": {"msg": "Success", "data": {}}}, ProtocolError),  # no r
    ({"action": "json", "body": {"r": 0, "data": {"skipped": 0}}}, ProtocolError),  # no added
    ({"action": "status", "status": 500}, ServerError),
    ({"action": "reset"}, NetworkError),
])
async def test_bad_answers_never_count_as_success(sandbox: Any, client: Client, spec: dict[str, Any],
                                                  error: type[Exception]) -> None:
    sandbox.control.fault(provider=P, path="add-by-phones", **spec)
    with pytest.raises(error):
        await client.upload_batch(CAMPAIGN, rows("+84901000001"), batch_key="x")
    assert count(sandbox) == 1


async def test_stall_hits_the_deadline(sandbox: Any) -> None:
    sandbox.control.fault(provider=P, path="add-by-phones", action="stall", seconds=5)
    c = make_provider(sandbox.account(P), sandbox.secret(P), deadline=0.5)
    try:
        with pytest.raises(Timeout):
            await c.upload_batch(CAMPAIGN, rows("+84901000001"), batch_key="x")
    finally:
        await c.aclose()


async def test_dripping_server_hits_the_total_deadline(sandbox: Any) -> None:
    sandbox.control.fault(provider=P, path="add-by-phones", action="drip", seconds=4)
    c = Client(sandbox.account(P), sandbox.secret(P), deadline=1.0)
    try:
        with pytest.raises(Timeout, match="within 1 s"):
            await c.upload_batch(CAMPAIGN, rows("+84901000001"), batch_key="x")
    finally:
        await c.aclose()

"""SMS.by client against the sandbox over loopback HTTP: token in the body, log[index] mapping, faults."""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from campaign_gui.domain.errors import (
    AuthError,
    NetworkError,
    NotFound,
    ProtocolError,
    RateLimited,
    Rejected,
    RequestTooLarge,
    ServerError,
    Timeout,
    Unsupported,
)
from campaign_gui.domain.models import ProviderId, RowOutcome, UploadRow
from campaign_gui.domain.redaction import redact
from campaign_gui.providers import provider_info
from campaign_gui.providers.base import ContactScope, Provider, RetryClass
from campaign_gui.providers.smsby import INFO, Client, map_import

P = "smsby"
LIST = {"list": "102"}


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


@pytest.fixture
async def client(sandbox: Any) -> AsyncIterator[Client]:
    c = Client(sandbox.account(P), sandbox.secret(P), deadline=5.0)
    yield c
    await c.aclose()


def rows(*phones: str, start: int = 20) -> list[UploadRow]:
    return [UploadRow(index=start + i, phone=p, name=f"Алесь {i}") for i, p in enumerate(phones)]


def count(sandbox: Any) -> int:
    return int(sandbox.control.requests(P)["count"])


# -- description --------------------------------------------------------------------------------

async def test_info_and_unsupported(client: Client) -> None:
    assert provider_info(ProviderId.SMSBY) is INFO and isinstance(client, Provider)
    assert INFO.batch_limit == 500 and INFO.retry_class is RetryClass.RESEND and INFO.default_region == "BY"
    caps = INFO.capabilities
    assert not [n for n, enabled in vars(caps).items() if not enabled and not INFO.notes.get(n)]
    assert caps.upload_batch and caps.list_contact_lists and caps.create_contact_list and caps.add_contact
    assert not (caps.list_campaigns or caps.list_contacts or caps.delete_contact or caps.poll_job)
    with pytest.raises(Unsupported, match="mailing list"):
        await client.list_contacts(ContactScope(list_id="101"), 0, 20)
    with pytest.raises(Unsupported):
        await client.list_campaigns(0, 20)
    assert "smsby-demo-token" not in repr(client)


# -- happy paths ---------------------------------------------------------------------------------

async def test_connection_counts_mailing_lists(sandbox: Any, client: Client) -> None:
    assert await client.test_connection() == "2 mailing lists"
    assert count(sandbox) == 1


async def test_lists_and_create(client: Client) -> None:
    assert [x.id for x in await client.list_contact_lists(None)] == ["101", "102"]
    created = await client.create_contact_list("Рассылка тест")
    lists = await client.list_contact_lists(None)
    assert (created.id, created.name) in [(x.id, x.name) for x in lists]
    assert next(x for x in lists if x.id == created.id).contact_count == 0


async def test_upload_added_then_updated_on_resend(sandbox: Any, client: Client) -> None:
    batch = rows("+375291000001", "+375291000002", "+375292000003")
    result = await client.upload_batch(LIST, batch, batch_key="b1")
    assert result.complete and [(r.index, r.outcome) for r in result.rows] == [
        (20, RowOutcome.ADDED), (21, RowOutcome.ADDED), (22, RowOutcome.ADDED)]
    again = await client.upload_batch(LIST, batch, batch_key="b1")  # upsert: resend is harmless
    assert again.complete and {r.outcome for r in again.rows} == {RowOutcome.UPDATED}
    assert again.raw_summary == {"inserted": 0, "updated": 3, "invalid": 0}
    assert sandbox.control.ledger(P) == {"+375291000001": 1, "+375291000002": 1, "+375292000003": 1}


async def test_mixed_insert_update_is_added_with_counts_kept(client: Client) -> None:
    await client.upload_batch(LIST, rows("+375291000001"), batch_key="a")
    result = await client.upload_batch(LIST, rows("+375291000001", "+375291000002"), batch_key="b")
    assert result.complete and {r.outcome for r in result.rows} == {RowOutcome.ADDED}
    assert result.raw_summary == {"inserted": 1, "updated": 1, "invalid": 0}
    assert "1 of 2 updated" in result.rows[0].reason


async def test_token_goes_in_the_form_body_with_bracket_fields(sandbox: Any) -> None:
    recorder = Recorder()
    c = Client(sandbox.account(P), sandbox.secret(P), transport=recorder, deadline=5.0)
    batch = [UploadRow(index=1, phone="+375291000001", name="Ірына", email="i@example.by",
                       extra={"city": "Мінск"}),
             UploadRow(index=2, phone="+375291000002")]
    try:
        await c.upload_batch(LIST, batch, batch_key="x")
    finally:
        await c.aclose()
    request = recorder.requests[0]
    assert request.method == "POST" and sandbox.secret(P) not in str(request.url) and not request.url.query
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    form = dict(parse_qsl(request.content.decode(), keep_blank_values=True))
    assert form["token"] == sandbox.secret(P) and form["list_id"] == "102"
    assert [form[f"field_names[{i}]"] for i in range(4)] == ["phone", "name", "email", "city"]
    assert [form[f"data[0][{i}]"] for i in range(4)] == ["375291000001", "Ірына", "i@example.by", "Мінск"]
    assert form["data[1][0]"] == "375291000002" and form["data[1][1]"] == ""


async def test_log_index_maps_to_the_right_rows(sandbox: Any, client: Client) -> None:
    batch = rows("+375291000001", "+37512", "+375291000003", "+3751")
    result = await client.upload_batch(LIST, batch, batch_key="x")
    assert result.complete
    outcomes = {r.index: (r.outcome, r.reason) for r in result.rows}
    assert outcomes[21] == (RowOutcome.REJECTED, "Incorrect phone number")
    assert outcomes[23] == (RowOutcome.REJECTED, "Incorrect phone number")
    assert outcomes[20][0] is outcomes[22][0] is RowOutcome.ADDED
    assert sorted(sandbox.control.ledger(P)) == ["+375291000001", "+375291000003"]


async def test_add_contact(sandbox: Any, client: Client) -> None:
    await client.add_contact(LIST, UploadRow(index=1, phone="+375291000007", name="Віктар"))
    assert sandbox.control.ledger(P) == {"+375291000007": 1}
    with pytest.raises(Rejected, match="Incorrect phone number"):
        await client.add_contact(LIST, UploadRow(index=2, phone="+37512"))


def test_short_count_is_incomplete() -> None:
    batch = rows("+375291000001", "+375291000002", "+375291000003")
    result = map_import(batch, {"inserted": 1, "updated": 0, "invalid": 1,
                                "log": [{"index": 2, "error_message": "Incorrect phone number"}]})
    assert not result.complete and [(r.index, r.outcome) for r in result.rows] == [(22, RowOutcome.REJECTED)]


# -- limits and errors ---------------------------------------------------------------------------

async def test_limits_checked_before_sending(sandbox: Any, client: Client) -> None:
    too_many = [UploadRow(index=i, phone=f"+375291{i:06d}") for i in range(501)]
    with pytest.raises(ValueError, match="at most 500"):
        await client.upload_batch(LIST, too_many, batch_key="x")
    wide = [UploadRow(index=1, phone="+375291000001", extra={f"f{i}": "v" for i in range(30)})]
    with pytest.raises(ValueError, match="at most 30 fields"):
        await client.upload_batch(LIST, wide, batch_key="x")
    assert count(sandbox) == 0


async def test_unknown_list_is_not_found(client: Client) -> None:
    with pytest.raises(NotFound, match="List not found"):
        await client.upload_batch({"list": "999"}, rows("+375291000001"), batch_key="x")


async def test_error_in_200_is_rejected(sandbox: Any, client: Client) -> None:
    sandbox.control.fault(provider=P, path="importContacts", action="json", body={"error": "Balance is empty"})
    with pytest.raises(Rejected, match="Balance is empty"):
        await client.upload_batch(LIST, rows("+375291000001"), batch_key="x")


async def test_bad_token_is_auth_error_and_never_leaks(sandbox: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    token = "smsby-wrong-token-0000"
    c = Client(sandbox.account(P), token, deadline=5.0)
    try:
        with pytest.raises(AuthError, match="SMS.by did not accept the token") as info:
            await c.upload_batch(LIST, rows("+375291000001"), batch_key="x")
    finally:
        await c.aclose()
    assert count(sandbox) == 1
    texts = [str(info.value), repr(info.value), str(info.value.detail), repr(c)] + [
        r.getMessage() for r in caplog.records]
    assert not [t for t in texts if token in t or sandbox.secret(P) in t]
    # were a GET ever to carry the token in its query, the URL would be redacted in any text
    assert token not in redact(f"{sandbox.url(P)}/api/v2/getSubscriberLists?list_id=1&token={token}")
    assert "smsby-unregistered" not in redact("https://app.sms.by/api?token=smsby-unregistered&x=1")


async def test_request_too_large(sandbox: Any, client: Client) -> None:
    sandbox.control.fault(provider=P, path="importContacts", action="status", status=414)
    with pytest.raises(RequestTooLarge):
        await client.upload_batch(LIST, rows("+375291000001"), batch_key="x")


async def test_long_request_line_limit_does_not_apply_to_form_posts(sandbox: Any, client: Client) -> None:
    sandbox.control.configure(smsby={"max_request_line": 200})
    batch = [UploadRow(index=i, phone=f"+375291{i:06d}", name="Аляксандра Мікалаеўна") for i in range(500)]
    result = await client.upload_batch(LIST, batch, batch_key="x")
    assert result.complete and len(result.rows) == 500


# -- faults --------------------------------------------------------------------------------------

@pytest.mark.parametrize("date", [False, True])
async def test_rate_limited_with_retry_after(sandbox: Any, client: Client, date: bool) -> None:
    value = email.utils.formatdate(time.time() + 30, usegmt=True) if date else "12"
    sandbox.control.fault(provider=P, path="importContacts", action="rate_limit", retry_after=value)
    with pytest.raises(RateLimited) as info:
        await client.upload_batch(LIST, rows("+375291000001"), batch_key="x")
    assert 25 <= info.value.retry_after <= 30 if date else info.value.retry_after == 12.0


@pytest.mark.parametrize(("spec", "error"), [
    ({"action": "html", "status": 502}, ServerError),
    ({"action": "html", "status": 200}, ProtocolError),
    ({"action": "malformed"}, ProtocolError),
    ({"action": "empty"}, ProtocolError),
    ({"action": "json", "body": None}, ProtocolError),
    ({"action": "json", "body": {"status": "OK"}}, ProtocolError),  # no result
    ({"action": "json", "body": {"status": "OK", "result": {"inserted": 1, "updated": 0}}}, ProtocolError),
    ({"action": "json", "body": {"status": "FAIL", "result": {}}}, ProtocolError),
    ({"action": "reset"}, NetworkError),
])
async def test_bad_answers_never_count_as_success(sandbox: Any, client: Client, spec: dict[str, Any],
                                                  error: type[Exception]) -> None:
    sandbox.control.fault(provider=P, path="importContacts", **spec)
    with pytest.raises(error):
        await client.upload_batch(LIST, rows("+375291000001"), batch_key="x")
    assert count(sandbox) == 1


async def test_bad_list_answers(sandbox: Any, client: Client) -> None:
    sandbox.control.fault(provider=P, path="getSubscriberLists", action="json",
                          body={"status": "OK", "result": [{"name": "no id"}]})
    with pytest.raises(ProtocolError):
        await client.test_connection()


async def test_stall_hits_the_deadline(sandbox: Any) -> None:
    sandbox.control.fault(provider=P, path="getSubscriberLists", action="stall", seconds=5)
    c = Client(sandbox.account(P), sandbox.secret(P), deadline=0.5)
    try:
        with pytest.raises(Timeout):
            await c.test_connection()
    finally:
        await c.aclose()

"""Alohub client against the sandbox over loopback HTTP: browse, add/delete, bulk jobs, rate limits, faults."""

from __future__ import annotations

import asyncio
import dataclasses
import email.utils
import logging
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

from campaign_gui.domain.errors import (
    AuthError,
    Forbidden,
    InvalidState,
    NetworkError,
    NotFound,
    ProtocolError,
    RateLimited,
    Rejected,
    ServerError,
    Timeout,
    Unsupported,
)
from campaign_gui.domain.models import Contact, JobStatus, ProviderId, UploadRow
from campaign_gui.providers import provider_info
from campaign_gui.providers.alohub import INFO, Client, alohub_phone, derived_list_name
from campaign_gui.providers.base import ContactScope, Provider, RetryClass

P = "alohub"
TARGET = {"campaign": "1042"}
LIST_501 = ContactScope(campaign_id="1042", list_id="501")


@pytest.fixture
async def client(sandbox: Any) -> AsyncIterator[Client]:
    c = Client(sandbox.account(P), sandbox.secret(P), deadline=5.0)
    yield c
    await c.aclose()


def rows(*phones: str, start: int = 30) -> list[UploadRow]:
    return [UploadRow(index=start + i, phone=p, name=f"Nguyễn Văn {i}") for i, p in enumerate(phones)]


def count(sandbox: Any) -> int:
    return int(sandbox.control.requests(P)["count"])


async def wait_done(client: Client, target: dict[str, str], job_id: str) -> JobStatus:
    for _ in range(200):
        status = await client.poll_job(target, job_id)
        if status.finished:
            return status
        await asyncio.sleep(0.02)
    raise AssertionError("job never finished")


async def all_contacts(client: Client, scope: ContactScope, size: int) -> list[Contact]:
    found: list[Contact] = []
    for page in range(100):
        result = await client.list_contacts(scope, page, size)
        found += result.items
        if len(result.items) < size:
            return found
    raise AssertionError("paging never ended")


# -- description --------------------------------------------------------------------------------

async def test_info_and_unsupported(client: Client) -> None:
    assert provider_info(ProviderId.ALOHUB) is INFO and isinstance(client, Provider)
    assert INFO.retry_class is RetryClass.RESUBMIT_SAME_NAME and INFO.batch_limit == 1000
    caps = INFO.capabilities
    assert not [n for n, enabled in vars(caps).items() if not enabled and not INFO.notes.get(n)]
    assert caps.list_campaigns and caps.list_contact_lists and caps.list_contacts and caps.poll_job
    assert caps.add_contact and caps.delete_contact and caps.upload_batch
    assert not (caps.create_contact_list or caps.get_campaign or caps.create_campaign)
    with pytest.raises(Unsupported):
        await client.create_contact_list("x")
    assert "sk_live" not in repr(client)


def test_phone_and_list_name_helpers() -> None:
    assert alohub_phone("+84901234567") == "0901234567"
    assert derived_list_name("job7-b3") == derived_list_name("job7-b3") == "Import job7-b3"
    long_key = "x" * 80
    assert derived_list_name(long_key) == derived_list_name(long_key) != derived_list_name(long_key + "y")


# -- browsing ------------------------------------------------------------------------------------

async def test_connection_counts_campaigns(sandbox: Any, client: Client) -> None:
    assert await client.test_connection() == "4 campaigns"
    assert count(sandbox) == 1


async def test_connection_without_user_name_says_so(sandbox: Any) -> None:
    account = dataclasses.replace(sandbox.account(P), fields={"tenant_id": "20260310"})
    c = Client(account, sandbox.secret(P), deadline=5.0)
    try:
        with pytest.raises(Rejected, match="user name"):
            await c.test_connection()
    finally:
        await c.aclose()
    assert count(sandbox) == 0


async def test_campaign_pages(client: Client) -> None:
    first, second = await client.list_campaigns(0, 3), await client.list_campaigns(1, 3)
    assert first.total == second.total == 4 and (first.number, second.number) == (0, 1)
    assert [c.id for c in first.items + second.items] == ["1042", "1043", "1044", "1045"]
    assert first.items[0].name == "Chiến dịch tháng 4" and first.items[0].status == "running"
    assert first.items[0].contact_count == 180


async def test_contact_lists(client: Client) -> None:
    lists = await client.list_contact_lists("1042")
    assert [(x.id, x.name, x.contact_count) for x in lists] == [("501", "Danh sách tháng 4", 150),
                                                               ("502", "Default List", 30)]
    assert await client.list_contact_lists("1044") == []
    with pytest.raises(NotFound):
        await client.list_contact_lists("9999")


async def test_contacts_paging_across_pages(client: Client) -> None:
    page = await client.list_contacts(LIST_501, 1, 40)
    assert page.number == 1 and page.size == 40 and page.total == 150 and len(page.items) == 40
    contacts = await all_contacts(client, LIST_501, 40)  # pages 0..3, the last one short
    assert len(contacts) == 150 and len({c.id for c in contacts}) == 150
    assert {c.status for c in contacts} == {"pending", "in call", "processed"}
    assert all(c.deletable == (c.status == "pending") for c in contacts)
    assert all(c.phone.startswith("0") and c.name for c in contacts)


# -- add / delete --------------------------------------------------------------------------------

async def test_add_contact_to_a_list(sandbox: Any, client: Client) -> None:
    await client.add_contact({"campaign": "1042", "list": "502"}, UploadRow(index=1, phone="+84901000001",
                                                                           name="Trần Thị Bích"))
    contacts = await all_contacts(client, ContactScope(campaign_id="1042", list_id="502"), 50)
    assert [(c.phone, c.name) for c in contacts if c.phone == "0901000001"] == [("0901000001", "Trần Thị Bích")]
    assert sandbox.control.ledger(P) == {"+84901000001": 1}
    with pytest.raises(Rejected, match="Invalid phoneNumber"):
        await client.add_contact(TARGET, UploadRow(index=2, phone="+8412"))


async def test_add_contact_is_not_retried(sandbox: Any, client: Client) -> None:
    sandbox.control.fault(provider=P, path="/contacts$", method="POST", action="commit_then_500")
    with pytest.raises(ServerError):
        await client.add_contact(TARGET, UploadRow(index=1, phone="+84901000002"))
    assert count(sandbox) == 1 and sandbox.control.ledger(P) == {"+84901000002": 1}


async def test_delete_pending_and_refuse_processed(client: Client) -> None:
    contacts = await all_contacts(client, LIST_501, 100)
    pending = next(c for c in contacts if c.deletable)
    busy = next(c for c in contacts if not c.deletable)
    await client.delete_contact(LIST_501, pending)
    assert pending.id not in {c.id for c in await all_contacts(client, LIST_501, 100)}
    with pytest.raises(InvalidState, match="Only pending contacts can be deleted"):
        await client.delete_contact(LIST_501, busy)
    with pytest.raises(NotFound):
        await client.delete_contact(LIST_501, pending)


# -- bulk jobs -----------------------------------------------------------------------------------

async def test_bulk_job_polled_until_done_and_resubmit_dedupes(sandbox: Any, client: Client) -> None:
    sandbox.control.configure(alohub={"job_seconds": 0.3})
    batch = rows("+84901000001", "+84901000002", "+8412")
    result = await client.upload_batch(TARGET, batch, batch_key="job1-b0")
    assert result.job_id and not result.complete and result.rows == []
    assert result.raw_summary == {"list_name": "Import job1-b0", "total_rows": 3}
    status = await wait_done(client, TARGET, result.job_id)
    assert (status.state, status.total, status.processed, status.failed, status.duplicates) == ("done", 3, 3, 1, 0)
    again = await client.upload_batch(TARGET, batch, batch_key="job1-b0")  # job lost → same listName
    assert again.job_id != result.job_id
    status = await wait_done(client, TARGET, str(again.job_id))
    assert (status.failed, status.duplicates) == (1, 2)
    assert sandbox.control.ledger(P) == {"+84901000001": 1, "+84901000002": 1}
    names = [x.name for x in await client.list_contact_lists("1042")]
    assert names.count("Import job1-b0") == 1


async def test_bulk_into_an_existing_list_by_id(sandbox: Any, client: Client) -> None:
    sandbox.control.configure(alohub={"job_seconds": 0})
    result = await client.upload_batch({"campaign": "1042", "list": "502"}, rows("+84901000003"), batch_key="k")
    assert result.raw_summary["list_name"] == "Default List"
    assert (await wait_done(client, TARGET, str(result.job_id))).processed == 1
    lists = {x.id: x.contact_count for x in await client.list_contact_lists("1042")}
    assert lists == {"501": 150, "502": 31}
    with pytest.raises(NotFound, match="list 777"):
        await client.upload_batch({"campaign": "1042", "list": "777"}, rows("+84901000004"), batch_key="k")


async def test_bulk_with_list_name_and_limit(sandbox: Any, client: Client) -> None:
    sandbox.control.configure(alohub={"job_seconds": 0})
    result = await client.upload_batch({"campaign": "1044", "list_name": "Khảo sát 6"}, rows("+84901000005"),
                                       batch_key="k")
    await wait_done(client, {"campaign": "1044"}, str(result.job_id))
    assert [x.name for x in await client.list_contact_lists("1044")] == ["Khảo sát 6"]
    before = count(sandbox)
    with pytest.raises(ValueError, match="at most 1000"):
        await client.upload_batch(TARGET, [UploadRow(i, f"+849010{i:05d}") for i in range(1001)], batch_key="b")
    assert count(sandbox) == before


async def test_poll_of_a_lost_job_is_not_found(sandbox: Any, client: Client) -> None:
    result = await client.upload_batch(TARGET, rows("+84901000006"), batch_key="k")
    sandbox.control.alohub_restart()
    with pytest.raises(NotFound, match=f"job {result.job_id}"):
        await client.poll_job(TARGET, str(result.job_id))
    with pytest.raises(NotFound):
        await client.poll_job(TARGET, "424242")


# -- credentials, scope, rate limits -------------------------------------------------------------

async def test_wrong_key_fails_fast(sandbox: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    key = "sk_live_wrong_key_0000"
    c = Client(sandbox.account(P), key, deadline=5.0)
    try:
        with pytest.raises(AuthError, match="re-enter") as info:
            await c.test_connection()
    finally:
        await c.aclose()
    assert count(sandbox) == 1
    texts = [str(info.value), repr(info.value), str(info.value.detail)] + [r.getMessage() for r in caplog.records]
    assert not [t for t in texts if key in t]


async def test_key_without_scope_is_forbidden(sandbox: Any) -> None:
    c = Client(sandbox.account(P), "sk_live_demo_alohub_noscope_3e5d", deadline=5.0)
    try:
        with pytest.raises(Forbidden, match="scope"):
            await c.list_contact_lists("1042")
    finally:
        await c.aclose()


async def test_rate_limit_headers_exposed(sandbox: Any, client: Client) -> None:
    sandbox.control.configure(alohub={"tenant_limit": 5, "route_limit": 2})
    assert client.rate_limit is None
    await client.list_contact_lists("1042")
    assert client.rate_limit is not None and client.rate_limit.limit == 2 and client.rate_limit.remaining == 1
    await client.list_contact_lists("1042")
    assert client.rate_limit.remaining == 0 and client.rate_limit.exhausted
    with pytest.raises(RateLimited) as info:
        await client.list_contact_lists("1042")
    assert 1 <= info.value.retry_after <= 10 and info.value.code == "RATE_LIMIT_EXCEEDED"


@pytest.mark.parametrize("date", [False, True])
async def test_rate_limited_with_retry_after(sandbox: Any, client: Client, date: bool) -> None:
    value = email.utils.formatdate(time.time() + 20, usegmt=True) if date else "4"
    sandbox.control.fault(provider=P, path="contacts/import", action="rate_limit", retry_after=value)
    with pytest.raises(RateLimited) as info:
        await client.poll_job(TARGET, "1")
    assert 15 <= info.value.retry_after <= 20 if date else info.value.retry_after == 4.0


@pytest.mark.parametrize(("body", "status", "error"), [
    ({"success": "0", "error_code": "INVALID_STATE", "error_message": "x"}, 400, InvalidState),
    ({"success": "0", "error_code": "FAIL", "error_message": "x"}, 500, ServerError),
    ({"success": "0", "error_code": "UNAUTHORIZED", "error_message": "x"}, 200, AuthError),
    ({"success": "0", "error_code": "INVALID_INPUT", "error_message": "bad name"}, 200, Rejected),
    ({"success": "0", "error_code": "SOMETHING", "error_message": "odd"}, 200, Rejected),
    ({"success": 0, "data": []}, 200, Rejected),
    ({"success": "true", "data": []}, 200, Rejected),
    ({"totalRecord": 2, "data": []}, 200, ProtocolError),  # no success flag
    ({"success": "1", "totalRecord": 2}, 200, ProtocolError),  # no data
    ({"success": "1", "data": [{"listName": "no id"}]}, 200, ProtocolError),
])
async def test_error_codes_and_success_flag(sandbox: Any, client: Client, body: Any, status: int,
                                            error: type[Exception]) -> None:
    sandbox.control.fault(provider=P, path="contact-lists$", action="json", status=status, body=body)
    with pytest.raises(error):
        await client.list_contact_lists("1042")


@pytest.mark.parametrize(("spec", "error"), [
    ({"action": "html", "status": 502}, ServerError),
    ({"action": "html", "status": 200}, ProtocolError),
    ({"action": "malformed"}, ProtocolError),
    ({"action": "empty"}, ProtocolError),
    ({"action": "json", "body": None}, ProtocolError),
    ({"action": "json", "body": {"success": "1", "error_code": "SUCCESS"}}, ProtocolError),  # no job_id
    ({"action": "reset"}, NetworkError),
])
async def test_bad_bulk_answers_never_count_as_success(sandbox: Any, client: Client, spec: dict[str, Any],
                                                       error: type[Exception]) -> None:
    sandbox.control.fault(provider=P, path="contacts/bulk", **spec)
    with pytest.raises(error):
        await client.upload_batch(TARGET, rows("+84901000001"), batch_key="x")
    assert count(sandbox) == 1


@pytest.mark.parametrize("body", [
    None, {"jobId": 1}, {"jobId": 1, "status": "weird", "totalRows": 1, "processedRows": 0},
    {"jobId": 1, "status": "done", "processedRows": 1},
])
async def test_bad_poll_answers(sandbox: Any, client: Client, body: Any) -> None:
    sandbox.control.fault(provider=P, path="contacts/import", action="json", body=body)
    with pytest.raises(ProtocolError):
        await client.poll_job(TARGET, "1")


async def test_stall_hits_the_deadline(sandbox: Any) -> None:
    sandbox.control.fault(provider=P, path="contacts/import", action="stall", seconds=5)
    c = Client(sandbox.account(P), sandbox.secret(P), deadline=0.5)
    try:
        with pytest.raises(Timeout):
            await c.poll_job(TARGET, "1")
    finally:
        await c.aclose()

"""Cellcast client against the sandbox over loopback HTTP: happy paths, partial success, faults."""

from __future__ import annotations

import email.utils
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

from campaign_gui.domain.errors import (
    AuthError,
    NetworkError,
    ProtocolError,
    RateLimited,
    Rejected,
    ServerError,
    Timeout,
    Unsupported,
)
from campaign_gui.domain.models import Account, Contact, ProviderId, RowOutcome, UploadRow
from campaign_gui.providers import make_provider, provider_info
from campaign_gui.providers.base import ContactScope, Provider, RetryClass
from campaign_gui.providers.cellcast import INFO, Client, contact_body, parse_row_error, target_values

P = "cellcast"


@pytest.fixture
async def client(sandbox: Any) -> AsyncIterator[Client]:
    c = Client(sandbox.account(P), sandbox.secret(P), deadline=5.0)
    yield c
    await c.aclose()


def rows(*phones: str, start: int = 100) -> list[UploadRow]:
    return [UploadRow(index=start + i, phone=p, name=f"Test Person{i}") for i, p in enumerate(phones)]


# -- static description and pure helpers ---------------------------------------------------------

async def test_info_and_protocol() -> None:
    assert provider_info(ProviderId.CELLCAST) is INFO
    assert INFO.retry_class is RetryClass.VERIFY
    assert INFO.batch_limit == 1000 and INFO.default_region == "AU"
    caps = INFO.capabilities
    assert caps.upload_batch and caps.list_contacts and caps.search_contacts and caps.add_contact
    assert not (caps.list_contact_lists or caps.delete_contact or caps.list_campaigns)
    for name, enabled in vars(caps).items():
        if not enabled:
            assert INFO.notes.get(name), f"{name} is off without a reason"
    assert {t.key for t in INFO.targets} == {"list", "tag"} and all(t.multiple for t in INFO.targets)
    made = make_provider(Account("a1", ProviderId.CELLCAST, "Mine", "http://127.0.0.1:9/cellcast"), "key-1234")
    try:
        assert isinstance(made, Provider) and isinstance(made, Client)
    finally:
        await made.aclose()


@pytest.mark.parametrize(("text", "expected"), [
    ("contact[1] error : phone_number empty", (1, "phone_number empty")),
    ("contact[3]  error:phone_number is not valid", (3, "phone_number is not valid")),
    ("Contact [ 12 ] Error :  bad email ", (12, "bad email")),
    ("contacts[0] error : x", (0, "x")),
    ("something went wrong", None),
])
def test_parse_row_error(text: str, expected: tuple[int, str] | None) -> None:
    assert parse_row_error(text) == expected


def test_target_values_accept_str_and_list_without_splitting_commas() -> None:
    assert target_values({"list": "A, B"}, "list") == ["A, B"]
    assert target_values({"list": ["A", " B ", ""]}, "list") == ["A", "B"]
    assert target_values({}, "tag") == []


def test_contact_body_name_split() -> None:
    whole = contact_body(UploadRow(0, "+61412345678", name="Mary Jane Watson", email="m@x.au"))
    assert whole == {"phone_number": "+61412345678", "first_name": "Mary Jane Watson", "email": "m@x.au"}
    split = contact_body(UploadRow(0, "+61412345678", name="ignored",
                                   extra={"first_name": "Mary", "last_name": "Watson", "postal_code": "2000",
                                          "unknown": "dropped"}))
    assert split == {"phone_number": "+61412345678", "first_name": "Mary", "last_name": "Watson",
                     "postal_code": "2000"}
    for name, mail in (("Mary", "m@x.au"), ("Mary", ""), ("", "m@x.au"), ("", "")):  # no extra: the short way
        plain = UploadRow(0, "+61412345678", name=name, email=mail)
        assert contact_body(plain) == contact_body(plain._replace(extra={"unknown": ""}))  # == the long way


# -- happy paths -----------------------------------------------------------------------------------

async def test_test_connection(client: Client) -> None:
    assert await client.test_connection() == "Balance: 1250.00 SMS credits"


async def test_wrong_key_fails_fast_with_one_request(sandbox: Any) -> None:
    c = Client(sandbox.account(P), "not-the-key-123456", deadline=5.0)
    try:
        with pytest.raises(AuthError) as info:
            await c.test_connection()
    finally:
        await c.aclose()
    assert "re-enter" in info.value.message
    assert sandbox.control.requests(P)["count"] == 1


async def test_list_contacts_pages(client: Client) -> None:
    seen: list[Contact] = []
    page = 0
    while True:
        result = await client.list_contacts(ContactScope(), page, 50)
        assert result.number == page and result.size == 50
        seen.extend(result.items)
        page += 1
        if len(result.items) < 50:
            break
    assert page >= 3
    assert len(seen) >= 100
    assert len({c.id for c in seen}) == len(seen)
    assert result.total is None or result.total == len(seen)
    assert all(c.phone and not c.deletable for c in seen)
    assert any(" " in c.name for c in seen)
    statuses = {c.status for c in seen}
    assert statuses <= {None, "unsubscribed"}


async def test_list_contacts_by_list_and_tag(client: Client) -> None:
    by_list = await client.list_contacts(ContactScope(list_name="Sydney Leads"), 0, 200)
    assert by_list.items and all("Sydney Leads" in c.extra["lists"] for c in by_list.items)
    by_tag = await client.list_contacts(ContactScope(tag="Customer"), 0, 200)
    assert by_tag.items and all("Customer" in c.extra["tags"] for c in by_tag.items)
    everyone = await client.list_contacts(ContactScope(), 0, 1000)
    assert len(by_list.items) < len(everyone.items)
    with pytest.raises(Unsupported):
        await client.list_contacts(ContactScope(search="Smith"), 0, 10)


async def test_upload_batch_adds_all_and_names_lists_and_tags(client: Client, sandbox: Any) -> None:
    batch = rows("+61412300001", "+61412300002", "+61412300003")
    result = await client.upload_batch({"list": ["Import A", "Import, B"], "tag": "Imported"}, batch,
                                       batch_key="b1")
    assert result.complete
    assert [(r.index, r.outcome) for r in result.rows] == [(100, RowOutcome.ADDED), (101, RowOutcome.ADDED),
                                                           (102, RowOutcome.ADDED)]
    assert sandbox.control.ledger(P) == {"+61412300001": 1, "+61412300002": 1, "+61412300003": 1}
    in_list = await client.list_contacts(ContactScope(list_name="Import, B"), 0, 100)
    assert sorted(c.name for c in in_list.items) == ["Test Person0", "Test Person1", "Test Person2"]
    assert all({"Import A", "Import, B"} <= set(c.extra["lists"]) for c in in_list.items)
    assert all(c.extra["tags"] == ["Imported"] for c in in_list.items)


async def test_partial_success_rejects_exactly_rows_1_and_3(client: Client, sandbox: Any) -> None:
    batch = rows("+61412300011", "", "+61412300013", "12345", "+61412300015")
    result = await client.upload_batch({"list": "Partial"}, batch, batch_key="b2")
    outcomes = {r.index: (r.outcome, r.reason) for r in result.rows}
    assert result.complete
    assert set(outcomes) == {100, 101, 102, 103, 104}
    assert {i for i, (o, _) in outcomes.items() if o is RowOutcome.REJECTED} == {101, 103}
    assert {i for i, (o, _) in outcomes.items() if o is RowOutcome.ADDED} == {100, 102, 104}
    assert "phone_number" in outcomes[101][1] and "phone_number" in outcomes[103][1]
    assert set(sandbox.control.ledger(P)) == {"+61412300011", "+61412300013", "+61412300015"}
    assert result.raw_summary["failed_data"] == 2


async def test_partial_success_that_cannot_be_attributed_is_incomplete(client: Client, sandbox: Any) -> None:
    body = {"message": "partial_success", "data": {"message": "some failed", "success_data": 1, "failed_data": 2,
                                                   "errors": ["contact[1] error : bad", "row two is weird"]}}
    sandbox.control.fault(provider=P, path="contact/bulk", action="json", status=200, body=body)
    result = await client.upload_batch({}, rows("+61412300021", "+61412300022", "+61412300023"), batch_key="b")
    assert not result.complete
    assert [(r.index, r.outcome) for r in result.rows] == [(101, RowOutcome.REJECTED)]
    assert result.raw_summary["unparsed_errors"] == ["row two is weird"]


async def test_unparsable_error_with_consistent_counts_is_complete(client: Client, sandbox: Any) -> None:
    body = {"message": "partial_success", "data": {"success_data": 2, "failed_data": 1,
                                                   "errors": ["contact[ 2 ]error: bad email", "see the log"]}}
    sandbox.control.fault(provider=P, path="contact/bulk", action="json", status=200, body=body)
    result = await client.upload_batch({}, rows("+61412300024", "+61412300025", "+61412300026"), batch_key="b")
    assert result.complete
    assert {r.index: r.outcome for r in result.rows} == {100: RowOutcome.ADDED, 101: RowOutcome.ADDED,
                                                         102: RowOutcome.REJECTED}
    assert result.raw_summary["unparsed_errors"] == ["see the log"]


async def test_success_with_a_short_count_is_incomplete(client: Client, sandbox: Any) -> None:
    body = {"message": "success", "data": {"success_data": 1, "failed_data": 0, "errors": []}}
    sandbox.control.fault(provider=P, path="contact/bulk", action="json", status=200, body=body)
    result = await client.upload_batch({}, rows("+61412300027", "+61412300028"), batch_key="b")
    assert not result.complete and result.rows == []


async def test_400_fail_rejects_every_row(client: Client, sandbox: Any) -> None:
    result = await client.upload_batch({}, rows("", "999"), batch_key="b3")
    assert result.complete
    assert [r.outcome for r in result.rows] == [RowOutcome.REJECTED, RowOutcome.REJECTED]
    assert all("phone_number" in r.reason for r in result.rows)
    assert sandbox.control.ledger(P) == {}


async def test_400_fail_without_row_errors_raises_rejected(client: Client, sandbox: Any) -> None:
    body = {"message": "fail", "data": {"message": "fail process data", "errors": ["list is invalid"]}}
    sandbox.control.fault(provider=P, path="contact/bulk", action="json", status=400, body=body)
    with pytest.raises(Rejected) as info:
        await client.upload_batch({}, rows("+61412300031"), batch_key="b")
    assert "list is invalid" in info.value.message


async def test_add_contact(client: Client, sandbox: Any) -> None:
    await client.add_contact({"tag": ["Single"]}, UploadRow(1, "+61412300041", name="Solo Person"))
    assert sandbox.control.ledger(P) == {"+61412300041": 1}
    found = await client.list_contacts(ContactScope(tag="Single"), 0, 10)
    assert [c.name for c in found.items] == ["Solo Person"]
    with pytest.raises(Rejected):
        await client.add_contact({}, UploadRow(2, "123", name="Bad"))


async def test_unsupported_methods(client: Client) -> None:
    account = Account("x", ProviderId.CELLCAST, "x", "http://127.0.0.1:9")
    for call in (client.list_contact_lists(None), client.create_contact_list("x"), client.list_campaigns(0, 10),
                 client.get_campaign("1"), client.delete_contact(ContactScope(), Contact("+61412345678")),
                 client.poll_job({}, "1"), client.create_campaign({}, []), client.find_campaign({})):
        with pytest.raises(Unsupported) as info:
            await call
        assert info.value.code and info.value.message == INFO.notes[info.value.code]
    assert "no list endpoint" in INFO.notes["list_contact_lists"]
    with pytest.raises(ValueError):
        await client.upload_batch({}, rows(*["+61412345678"] * 1001), batch_key="too-big")
    assert "cellcast-secret-zz" not in repr(Client(account, "cellcast-secret-zz"))


# -- faults ----------------------------------------------------------------------------------------

async def test_429_retry_after_seconds_and_date(client: Client, sandbox: Any) -> None:
    sandbox.control.fault(provider=P, path="contact/bulk", action="rate_limit", retry_after="7")
    with pytest.raises(RateLimited) as info:
        await client.upload_batch({}, rows("+61412300051"), batch_key="b")
    assert info.value.retry_after == 7.0
    when = email.utils.formatdate(time.time() + 60, usegmt=True)
    sandbox.control.fault(provider=P, path="apiClient", action="rate_limit", retry_after=when)
    with pytest.raises(RateLimited) as info:
        await client.test_connection()
    assert 50 <= info.value.retry_after <= 61


@pytest.mark.parametrize(("fault", "error"), [
    ({"action": "html", "status": 502}, ServerError),
    ({"action": "status", "status": 500}, ServerError),
    ({"action": "html", "status": 200}, ProtocolError),
    ({"action": "malformed"}, ProtocolError),
    ({"action": "empty"}, ProtocolError),
    ({"action": "json", "status": 200, "body": None}, ProtocolError),
    ({"action": "json", "status": 200, "body": {"status": "ok"}}, ProtocolError),
    ({"action": "json", "status": 200, "body": {"message": "queued", "data": {}}}, ProtocolError),
    ({"action": "reset"}, NetworkError),
])
async def test_bad_answers_are_never_success(client: Client, sandbox: Any, fault: dict[str, Any],
                                             error: type[Exception]) -> None:
    sandbox.control.fault(provider=P, path="contact/bulk", **fault)
    with pytest.raises(error):
        await client.upload_batch({}, rows("+61412300061"), batch_key="b")
    sandbox.control.fault(provider=P, path="contact$", method="GET", **fault)
    with pytest.raises(error):
        await client.list_contacts(ContactScope(), 0, 10)


async def test_stall_hits_the_deadline(sandbox: Any) -> None:
    c = Client(sandbox.account(P), sandbox.secret(P), deadline=0.5)
    sandbox.control.fault(provider=P, path="apiClient", action="stall", seconds=5)
    try:
        with pytest.raises(Timeout):
            await c.test_connection()
    finally:
        await c.aclose()


async def test_commit_then_500_raises_and_the_insert_happened(client: Client, sandbox: Any) -> None:
    sandbox.control.fault(provider=P, path="contact/bulk", action="commit_then_500")
    with pytest.raises(ServerError):
        await client.upload_batch({}, rows("+61412300071", "+61412300072"), batch_key="b")
    assert sandbox.control.ledger(P) == {"+61412300071": 1, "+61412300072": 1}
    assert sandbox.control.requests(P)["count"] == 1  # the client itself never resends

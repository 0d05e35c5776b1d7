"""Dynamic Messaging client against the sandbox over loopback HTTP, plus the Sieve filter builder."""

from __future__ import annotations

import email.utils
import time
from collections.abc import AsyncIterator
from typing import Any

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
from campaign_gui.domain.models import Contact, ProviderId, RowOutcome, UploadRow
from campaign_gui.providers import provider_info, sieve
from campaign_gui.providers.base import ContactScope, RetryClass
from campaign_gui.providers.dynmsg import INFO, Client
from campaign_gui.providers.dynmsg_parse import (
    ValidationRejected,
    datetime_of,
    national_uk,
    parse_start,
    phone_key,
    search_value,
    validation_error,
)

P = "dynmsg"
TARGET = {"campaign": "new", "sender": "TestCo", "message": "Hello, world | test", "start": "2026-09-01T10:00:00Z"}


@pytest.fixture
async def client(sandbox: Any) -> AsyncIterator[Client]:
    c = Client(sandbox.account(P), sandbox.secret(P), deadline=5.0)
    yield c
    await c.aclose()


def rows(*phones: str, start: int = 10) -> list[UploadRow]:
    return [UploadRow(index=start + i, phone=p, name=f"Person {i}") for i, p in enumerate(phones)]


# -- pure helpers ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    ("plain", "plain"),
    ("a,b", "a\\,b"),
    ("a|b", "a\\|b"),
    ("back\\slash", "back\\slash"),
    ("null", "\\null"),
    ("NULL", "NULL"),
    ("nullable", "nullable"),
])
def test_sieve_escape(value: str, expected: str) -> None:
    assert sieve.escape_value(value) == expected


def test_sieve_terms_filters_and_sorts() -> None:
    assert sieve.term("sender", "==", "ACME") == "sender==ACME"
    assert sieve.term(["phoneNumber", "name"], "@=*", "smith, j") == "(phoneNumber|name)@=*smith\\, j"
    assert sieve.term("name", "==", ["a|b", "c"]) == "name==a\\|b|c"
    assert sieve.filters("a==1", "", "b@=x") == "a==1,b@=x"
    assert sieve.sorts("-startDateTime", "sender") == "-startDateTime,sender"
    with pytest.raises(ValueError):
        sieve.term("na me", "==", "x")
    with pytest.raises(ValueError):
        sieve.term("name", "~=", "x")
    with pytest.raises(ValueError):
        sieve.term("name", "==", [])
    with pytest.raises(ValueError):
        sieve.sorts("name,evil")
    assert sieve.is_safe_value("Smith, J | Jr") and not sieve.is_safe_value("a==b")


def test_phone_forms() -> None:
    assert national_uk("+447712300123") == "07712300123"
    assert national_uk("+33612345678") == "+33612345678"
    assert phone_key("07712 300123") == phone_key("+447712300123") == phone_key("447712300123") == "07712300123"
    assert phone_key("0044 7712 300123") == "07712300123" and phone_key("+33612345678") == "+33612345678"
    assert search_value(" +44 7712 300-123 ") == "07712300123"
    assert search_value("Smith") == "Smith"


def test_start_times() -> None:
    assert parse_start("2026-09-01T11:00:00+01:00") == "2026-09-01T10:00:00.000Z"
    assert parse_start("2026-09-01T10:00:00") == "2026-09-01T10:00:00"
    for bad in ("", "tomorrow", "2026-13-01"):
        with pytest.raises(Rejected):
            parse_start(bad)
    assert datetime_of("2026-09-01T10:00:00.4920000Z") == datetime_of("2026-09-01T11:00:00+01:00")
    assert datetime_of("garbage") is None


def test_validation_error_shapes() -> None:
    batch = rows("+447712300001", "+447712300002", "+447712300003")
    problem = {"title": "One or more validation errors occurred.", "status": 400,
               "errors": {"Contacts[2].PhoneNumber": ["The phone number is not valid"], "Sender": ["Too long"],
                          "Message": ["Required"], "StartDateTime": ["In the past"]}}
    err = validation_error(problem, batch)
    assert isinstance(err, ValidationRejected) and err.status == 400
    assert err.row_errors == {12: "The phone number is not valid"}
    assert "Contacts[2].PhoneNumber: The phone number is not valid" in err.message
    assert "(and 1 more)" in err.message
    assert validation_error({"sender": "bad"}, ()).message.endswith("sender: bad")
    assert validation_error("nope", ()).message.endswith(": nope")
    assert validation_error({"title": "Bad things"}, ()).message.endswith(": Bad things")


def test_info() -> None:
    assert provider_info(ProviderId.DYNMSG) is INFO
    assert INFO.retry_class is RetryClass.NEVER and INFO.default_region == "GB"
    caps = INFO.capabilities
    assert caps.create_campaign and caps.update_campaign and caps.delete_campaign and caps.list_campaigns
    assert not (caps.upload_batch or caps.add_contact or caps.delete_contact)
    for name, enabled in vars(caps).items():
        if not enabled and name not in ("poll_job",):
            assert INFO.notes.get(name), f"{name} is off without a reason"
    assert {t.key for t in INFO.targets} >= {"campaign", "sender", "message", "start", "ignore_invalid"}


# -- browsing --------------------------------------------------------------------------------------

async def test_test_connection(client: Client) -> None:
    assert await client.test_connection() == "35 campaigns"


async def test_wrong_key_fails_fast_with_one_request(sandbox: Any) -> None:
    c = Client(sandbox.account(P), "wrong-key-0000000", deadline=5.0)
    try:
        with pytest.raises(AuthError) as info:
            await c.list_campaigns(0, 10)
    finally:
        await c.aclose()
    assert "re-enter" in info.value.message
    assert sandbox.control.requests(P)["count"] == 1


async def test_campaign_pages_of_ten(client: Client) -> None:
    pages = [await client.list_campaigns(n, 10) for n in range(4)]
    assert [len(p.items) for p in pages] == [10, 10, 10, 5]
    assert all(p.total == 35 and p.number == n for n, p in enumerate(pages))
    ids = [c.id for p in pages for c in p.items]
    assert len(set(ids)) == 35
    starts = [datetime_of(c.extra["startDateTime"]) for p in pages for c in p.items]
    assert None not in starts
    assert starts == sorted(starts, reverse=True)  # type: ignore[type-var]  # newest first
    first = pages[0].items[0]
    assert first.name and first.contact_count is not None and first.status is not None
    assert (await client.list_campaigns(5, 10)).items == []


async def test_get_campaign_and_not_found(client: Client) -> None:
    listed = (await client.list_campaigns(0, 1)).items[0]
    got = await client.get_campaign(listed.id)
    assert got.id == listed.id and got.extra["message"] == listed.extra["message"]
    with pytest.raises(NotFound):
        await client.get_campaign("no-such-campaign")
    for odd in ("..", "a/b", "x?y=1"):  # one escaped path segment: never another route
        with pytest.raises(NotFound):
            await client.get_campaign(odd)


async def test_contacts_search_and_sort(client: Client) -> None:
    campaign = max((await client.list_campaigns(0, 35)).items, key=lambda c: c.contact_count or 0)
    everyone = await client.list_contacts(ContactScope(campaign_id=campaign.id), 0, 100)
    assert everyone.total == campaign.contact_count == len(everyone.items)
    target = everyone.items[0]
    by_name = await client.list_contacts(ContactScope(campaign_id=campaign.id, search=target.name.upper()), 0, 100)
    assert target.phone in {c.phone for c in by_name.items}
    assert all(target.name.lower() in c.name.lower() for c in by_name.items)
    spaced = target.phone[:5] + " " + target.phone[5:]
    by_phone = await client.list_contacts(ContactScope(campaign_id=campaign.id, search=spaced), 0, 100)
    assert [c.phone for c in by_phone.items] == [target.phone]
    desc = await client.list_contacts(ContactScope(campaign_id=campaign.id, sort="-name"), 0, 100)
    names = [c.name for c in desc.items]
    assert names == sorted(names, key=str.lower, reverse=True) or names == sorted(names, reverse=True)
    page2 = await client.list_contacts(ContactScope(campaign_id=campaign.id), 1, 2)
    assert page2.number == 1 and len(page2.items) == 2 and page2.items[0].phone == everyone.items[2].phone
    with pytest.raises(Rejected):
        await client.list_contacts(ContactScope(campaign_id=campaign.id, search="a==b"), 0, 10)
    with pytest.raises(Rejected):
        await client.list_contacts(ContactScope(), 0, 10)


async def test_search_escapes_commas_and_pipes(client: Client) -> None:
    batch = [UploadRow(1, "+447712300101", name="Smith, John | Jr"), UploadRow(2, "+447712300102", name="Smith"),
             UploadRow(3, "+447712300103", name="John | Jr")]
    campaign_id, _ = await client.create_campaign(TARGET, batch)
    found = await client.list_contacts(ContactScope(campaign_id=campaign_id, search="smith, john | jr"), 0, 10)
    assert [c.name for c in found.items] == ["Smith, John | Jr"]


# -- create / verify / update / delete ---------------------------------------------------------------

async def test_create_campaign(client: Client, sandbox: Any) -> None:
    batch = rows("+447712300201", "+447712300202", "+447712300203")
    campaign_id, result = await client.create_campaign(TARGET, batch)
    assert [(r.index, r.outcome) for r in result.rows] == [(10, RowOutcome.ADDED), (11, RowOutcome.ADDED),
                                                           (12, RowOutcome.ADDED)]
    created = await client.get_campaign(campaign_id)
    assert created.contact_count == 3 and created.extra["message"] == TARGET["message"]
    contacts = await client.list_contacts(ContactScope(campaign_id=campaign_id), 0, 10)
    assert sorted(c.phone for c in contacts.items) == ["07712300201", "07712300202", "07712300203"]
    assert set(sandbox.control.ledger(P)) == {"+447712300201", "+447712300202", "+447712300203"}
    assert await client.find_campaign(TARGET) == campaign_id
    assert await client.find_campaign({**TARGET, "message": "something else"}) is None
    assert await client.find_campaign({**TARGET, "start": "2026-09-01T10:00:01Z"}) is None
    assert (await client.list_campaigns(0, 1)).total == 36


async def test_create_validation_400_maps_rows(client: Client, sandbox: Any) -> None:
    batch = rows("+447712300301", "12345", "+447712300303")
    with pytest.raises(ValidationRejected) as info:
        await client.create_campaign(TARGET, batch)
    assert info.value.row_errors.keys() == {11}
    assert "contacts[1]" in info.value.message.lower()
    assert sandbox.control.ledger(P) == {}
    assert sandbox.control.requests(P)["count"] == 1  # never retried
    with pytest.raises(Rejected) as missing:
        await client.create_campaign({**TARGET, "sender": ""}, batch)
    assert "sender" in missing.value.message


async def test_create_ignoring_invalid_numbers_reports_them(client: Client) -> None:
    batch = rows("+447712300401", "12345", "+447712300403")
    campaign_id, result = await client.create_campaign({**TARGET, "ignore_invalid": "true"}, batch)
    assert {r.index: r.outcome for r in result.rows} == {10: RowOutcome.ADDED, 11: RowOutcome.REJECTED,
                                                         12: RowOutcome.ADDED}
    assert (await client.get_campaign(campaign_id)).contact_count == 2


async def test_create_refuses_existing_campaign(client: Client) -> None:
    with pytest.raises(Rejected):
        await client.create_campaign({**TARGET, "campaign": "abc"}, rows("+447712300501"))


async def test_commit_then_500_is_found_by_find_campaign(client: Client, sandbox: Any) -> None:
    sandbox.control.fault(provider=P, path="(?i)campaigns", method="POST", action="commit_then_500")
    with pytest.raises(ServerError):
        await client.create_campaign(TARGET, rows("+447712300601"))
    assert sandbox.control.requests(P)["count"] == 1
    assert sandbox.control.ledger(P) == {"+447712300601": 1}
    found = await client.find_campaign(TARGET)
    assert found is not None
    assert (await client.get_campaign(found)).contact_count == 1


async def test_find_campaign_with_operator_characters_in_the_message(client: Client) -> None:
    target = {**TARGET, "message": "Reply YES=1 or NO<2, thanks", "start": "2026-09-01T11:00:00+01:00"}
    campaign_id, _ = await client.create_campaign(target, rows("+447712300651"))
    await client.create_campaign({**target, "message": "Reply YES=1"}, rows("+447712300652"))
    assert await client.find_campaign(target) == campaign_id
    assert await client.find_campaign({**target, "sender": "Other"}) is None
    multiline = {**TARGET, "message": "Line one\nLine two "}
    multi_id, _ = await client.create_campaign(multiline, rows("+447712300653"))
    assert await client.find_campaign(multiline) == multi_id


async def test_update_and_delete(client: Client) -> None:
    campaign_id, _ = await client.create_campaign(TARGET, rows("+447712300701"))
    await client.update_campaign(campaign_id, {"message": "Changed", "start": "2026-10-01T08:30:00Z"})
    changed = await client.get_campaign(campaign_id)
    assert changed.extra["message"] == "Changed" and changed.extra["sender"] == "TestCo"
    assert datetime_of(changed.extra["startDateTime"]) == datetime_of("2026-10-01T08:30:00Z")
    with pytest.raises(Rejected):
        await client.update_campaign(campaign_id, {"contacts": "x"})
    await client.delete_campaign(campaign_id)
    with pytest.raises(NotFound):
        await client.get_campaign(campaign_id)
    with pytest.raises(NotFound):
        await client.delete_campaign(campaign_id)


async def test_unsupported(client: Client) -> None:
    for call in (client.upload_batch(TARGET, [], batch_key="k"), client.add_contact(TARGET, rows("+447712300801")[0]),
                 client.delete_contact(ContactScope(campaign_id="x"), Contact("07712300801")),
                 client.list_contact_lists(None), client.create_contact_list("x"), client.poll_job({}, "1")):
        with pytest.raises(Unsupported) as info:
            await call
        assert info.value.code and info.value.message == INFO.notes[info.value.code]


# -- faults ----------------------------------------------------------------------------------------

async def test_429_retry_after_seconds_and_date(client: Client, sandbox: Any) -> None:
    sandbox.control.fault(provider=P, path="(?i)campaigns", action="rate_limit", retry_after="12")
    with pytest.raises(RateLimited) as info:
        await client.list_campaigns(0, 10)
    assert info.value.retry_after == 12.0
    when = email.utils.formatdate(time.time() + 120, usegmt=True)
    sandbox.control.fault(provider=P, path="(?i)campaigns", action="rate_limit", retry_after=when)
    with pytest.raises(RateLimited) as info:
        await client.create_campaign(TARGET, rows("+447712300901"))
    assert 110 <= info.value.retry_after <= 121


@pytest.mark.parametrize(("fault", "error"), [
    ({"action": "html", "status": 502}, ServerError),
    ({"action": "html", "status": 200}, ProtocolError),
    ({"action": "malformed"}, ProtocolError),
    ({"action": "empty"}, ProtocolError),
    ({"action": "json", "status": 200, "body": None}, ProtocolError),
    ({"action": "json", "status": 200, "body": {"pageIndex": 1}}, ProtocolError),
    ({"action": "reset"}, NetworkError),
])
async def test_bad_answers_are_never_success(client: Client, sandbox: Any, fault: dict[str, Any],
                                             error: type[Exception]) -> None:
    sandbox.control.fault(provider=P, path="(?i)campaigns", method="GET", **fault)
    with pytest.raises(error):
        await client.list_campaigns(0, 10)
    sandbox.control.fault(provider=P, path="(?i)campaigns", method="POST", **fault)
    with pytest.raises(error):
        await client.create_campaign(TARGET, rows("+447712300951"))


async def test_create_answer_without_id(client: Client, sandbox: Any) -> None:
    sandbox.control.fault(provider=P, path="(?i)campaigns", method="POST", action="json", status=201,
                          body={"created": True})
    with pytest.raises(ProtocolError) as info:
        await client.create_campaign(TARGET, rows("+447712300961"))
    assert "may have been created" in info.value.message


async def test_stall_hits_the_deadline(sandbox: Any) -> None:
    c = Client(sandbox.account(P), sandbox.secret(P), deadline=0.5)
    sandbox.control.fault(provider=P, path="(?i)campaigns", action="stall", seconds=5)
    try:
        with pytest.raises(Timeout):
            await c.test_connection()
    finally:
        await c.aclose()

"""Dynamic Messaging: auth styles, Sieve paging/sorting/filtering, get, contacts, create, put, delete."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

KEY = "dynmsg-demo-key-8d4f2a6c1e3b"
AUTH = {"Authorization": f"Bearer {KEY}"}


def campaigns(http: httpx.Client, sandbox: Any, **params: Any) -> dict[str, Any]:
    response = http.get(sandbox.url("dynmsg") + "/api/Campaigns", params=params, headers=AUTH)
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    return body


def test_auth_styles(http: httpx.Client, sandbox: Any) -> None:
    url = sandbox.url("dynmsg") + "/api/Campaigns"
    assert http.get(url).status_code == 401
    assert http.get(url, headers={"Authorization": "Bearer nope"}).status_code == 401
    assert http.get(url, headers={"api-key": KEY}).status_code == 200
    assert http.get(url, params={"api-key": KEY}).status_code == 200
    assert http.get(url, headers=AUTH).status_code == 200


def test_paging_covers_all_campaigns(http: httpx.Client, sandbox: Any) -> None:
    first = campaigns(http, sandbox, page=1, pageSize=10)
    assert (first["pageIndex"], first["totalPages"], first["totalRecords"]) == (1, 4, 35)
    ids = [c["id"] for p in range(1, 5) for c in campaigns(http, sandbox, page=p, pageSize=10)["items"]]
    assert len(ids) == len(set(ids)) == 35
    assert campaigns(http, sandbox, page=9, pageSize=10)["items"] == []
    assert len(campaigns(http, sandbox)["items"]) == 10  # default page size (assumed)
    assert set(first["items"][0]) == {"id", "startDateTime", "sender", "recipientCount", "message", "status",
                                      "optOutLinkId", "trackLinkUrl"}


def test_sorts(http: httpx.Client, sandbox: Any) -> None:
    items = campaigns(http, sandbox, pageSize=50, sorts="-startDateTime")["items"]
    dates = [c["startDateTime"] for c in items]
    assert dates == sorted(dates, reverse=True)
    items = campaigns(http, sandbox, pageSize=50, sorts="sender,-startDateTime")["items"]
    keys = [(c["sender"], c["startDateTime"]) for c in items]
    assert keys == sorted(keys, key=lambda k: (k[0], [-ord(ch) for ch in k[1]]))


@pytest.mark.parametrize("filters,predicate", [
    ("sender==DynMsg", lambda c: c["sender"] == "DynMsg"),
    ("sender!=DynMsg", lambda c: c["sender"] != "DynMsg"),
    ("sender==dynmsg", lambda c: False),
    ("sender==*dynmsg", lambda c: c["sender"].lower() == "dynmsg"),
    ("sender==DynMsg|CityGym", lambda c: c["sender"] in ("DynMsg", "CityGym")),
    ("status>=3", lambda c: c["status"] >= 3),
    ("status<2,recipientCount>5", lambda c: c["status"] < 2 and c["recipientCount"] > 5),
    ("message@=sale", lambda c: "sale" in c["message"]),
    ("message@=*SALE", lambda c: "sale" in c["message"].lower()),
    ("message!@=sale", lambda c: "sale" not in c["message"]),
    ("message_=Match", lambda c: c["message"].startswith("Match")),
    ("message_-=today.", lambda c: c["message"].endswith("today.")),
    ("message!_-=today.", lambda c: not c["message"].endswith("today.")),
    ("sender!=DynMsg|CityGym", lambda c: True),  # Sieve ORs values even for a negated operator
    ("(sender|message)@=Gym", lambda c: "Gym" in c["sender"] or "Gym" in c["message"]),
    ("startDateTime>2026-06-01T00:00:00Z", lambda c: c["startDateTime"] > "2026-06-01T00:00:00Z"),
    ("trackLinkUrl==null", lambda c: c["trackLinkUrl"] is None),
    ("Sender==DynMsg", lambda c: c["sender"] == "DynMsg"),
])
def test_filters(http: httpx.Client, sandbox: Any, filters: str, predicate: Any) -> None:
    everything = campaigns(http, sandbox, pageSize=100)["items"]
    expected = [c["id"] for c in everything if predicate(c)]
    got = campaigns(http, sandbox, pageSize=100, filters=filters)
    assert [c["id"] for c in got["items"]] == expected
    assert got["totalRecords"] == len(expected)


def test_get_and_contacts(http: httpx.Client, sandbox: Any) -> None:
    camp = campaigns(http, sandbox, pageSize=1)["items"][0]
    url = sandbox.url("dynmsg") + f"/api/campaigns/{camp['id']}"
    assert http.get(url, headers=AUTH).json() == camp
    contacts = http.get(url + "/contacts", params={"pageSize": 100}, headers=AUTH).json()
    assert contacts["totalRecords"] == camp["recipientCount"]
    assert set(contacts["items"][0]) == {"id", "phoneNumber", "name", "custom1", "custom2"}
    assert http.get(sandbox.url("dynmsg") + "/api/Campaigns/missing", headers=AUTH).status_code == 404
    assert http.get(sandbox.url("dynmsg") + "/api/Campaigns/missing/Contacts", headers=AUTH).status_code == 404


def new_campaign(contacts: list[str]) -> dict[str, Any]:
    return {"startDateTime": "2026-12-01T10:00:00Z", "sender": "ACMEShop", "message": "Hello",
            "optOutLinkId": 0, "trackLinkUrl": None,
            "contacts": [{"phoneNumber": p, "name": f"N{i}"} for i, p in enumerate(contacts)]}


def test_create_validates_unless_ignored(http: httpx.Client, sandbox: Any) -> None:
    phones = ["07700123456", "+447700123457", "07700123458", "0123", "447700123459"]
    base = sandbox.url("dynmsg")
    for path in ("/api/Campaigns", "/api/campaigns/false", "/API/CAMPAIGNS/False"):
        refused = http.post(base + path, json=new_campaign(phones), headers=AUTH)
        assert refused.status_code == 400
        assert list(refused.json()["errors"]) == ["contacts[3].phoneNumber"]
        assert refused.json()["title"] == "One or more validation errors occurred."
    assert sandbox.control.ledger("dynmsg") == {}
    created = http.post(base + "/api/campaigns/true", json=new_campaign(phones), headers=AUTH)
    assert created.status_code == 201
    new_id = created.json()
    assert isinstance(new_id, str) and created.text == f'"{new_id}"'
    assert http.get(base + f"/api/Campaigns/{new_id}", headers=AUTH).json()["recipientCount"] == 4
    assert sandbox.control.ledger("dynmsg") == {"+447700123456": 1, "+447700123457": 1, "+447700123458": 1,
                                                "+447700123459": 1}
    assert campaigns(http, sandbox)["totalRecords"] == 36
    missing = http.post(base + "/api/Campaigns", json={"contacts": []}, headers=AUTH)
    assert missing.status_code == 400 and {"Sender", "Message"} <= set(missing.json()["errors"])


def test_put_and_delete(http: httpx.Client, sandbox: Any) -> None:
    base = sandbox.url("dynmsg") + "/api/Campaigns/"
    cid = http.post(sandbox.url("dynmsg") + "/api/Campaigns", json=new_campaign(["07700123456"]), headers=AUTH).json()
    update = {"startDateTime": "2026-12-02T10:00:00Z", "sender": "CityGym", "message": "Changed", "optOutLinkId": 12,
              "trackLinkUrl": "https://example.co.uk"}
    assert http.put(base + cid, json=update, headers=AUTH).status_code == 204
    got = http.get(base + cid, headers=AUTH).json()
    assert (got["sender"], got["message"], got["recipientCount"]) == ("CityGym", "Changed", 1)
    assert http.put(base + "missing", json=update, headers=AUTH).status_code == 404
    assert http.delete(base + cid, headers=AUTH).status_code == 204
    assert http.delete(base + cid, headers=AUTH).status_code == 404
    assert http.get(base + cid, headers=AUTH).status_code == 404

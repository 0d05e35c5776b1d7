"""Cellcast: bearer/raw auth, bulk success/partial/fail, upsert, limits, v2 listing, single, account."""

from __future__ import annotations

from typing import Any

import httpx

KEY = "cellcast-demo-key-5e7a1c3b9d2f"
AUTH = {"Authorization": f"Bearer {KEY}"}


def bulk(http: httpx.Client, sandbox: Any, body: dict[str, Any]) -> httpx.Response:
    return http.post(sandbox.url("cellcast") + "/api/v1/contact/bulk", json=body, headers=AUTH)


def test_bad_key_is_401_token_expired(http: httpx.Client, sandbox: Any) -> None:
    for headers in ({}, {"Authorization": "Bearer wrong"}):
        response = http.get(sandbox.url("cellcast") + "/api/v1/apiClient/account", headers=headers)
        assert response.status_code == 401 and response.json() == {"code": 401, "message": "Token expired"}


def test_raw_key_and_account(http: httpx.Client, sandbox: Any) -> None:
    response = http.get(sandbox.url("cellcast") + "/api/v1/apiClient/account", headers={"Authorization": KEY})
    assert response.status_code == 200
    assert set(response.json()["data"]) >= {"sms_balance", "account_name"}


def test_bulk_all_ok_creates_tags_and_lists(http: httpx.Client, sandbox: Any) -> None:
    body = {"contacts": [{"first_name": "John", "phone_number": "+61400000000"},
                         {"first_name": "Jonh", "phone_number": "0400 000 001"},
                         {"phone_number": "61400000002"}, {"phone_number": "400000003"}],
            "tags": ["Example Tag"], "list": ["Example List", "VIP Customers"]}
    response = bulk(http, sandbox, body)
    assert response.status_code == 200
    assert response.json() == {"message": "success", "data": {"message": "all data success to process",
                                                              "success_data": 4, "failed_data": 0, "errors": []}}
    assert sorted(sandbox.control.ledger("cellcast")) == [f"+6140000000{i}" for i in range(4)]
    listed = http.get(sandbox.url("cellcast") + "/api/v2/contact", params={"listName": "Example List"},
                      headers=AUTH).json()["data"]
    assert [item["Number"] for item in listed["items"]] == ["400000000", "400000001", "400000002", "400000003"]
    item = listed["items"][0]
    assert set(item) == {"ID", "Number", "First Name", "Last Name", "Email", "Unsubscribe", "Tags", "Lists"}
    assert len(item["ID"]) == 24 and int(item["ID"], 16) >= 0
    assert [t["Name"] for t in item["Tags"]] == ["Example Tag"]
    assert [x["Name"] for x in item["Lists"]] == ["Example List", "VIP Customers"]


def test_partial_success_reports_indexes(http: httpx.Client, sandbox: Any) -> None:
    contacts = [{"phone_number": "0400000010"}, {"phone_number": ""}, {"phone_number": "0400000011"},
                {"phone_number": "0212345678"}]
    response = bulk(http, sandbox, {"contacts": contacts})
    assert response.status_code == 200
    data = response.json()
    assert data["message"] == "partial_success"
    assert (data["data"]["success_data"], data["data"]["failed_data"]) == (2, 2)
    assert data["data"]["errors"] == ["contact[1] error : phone_number empty",
                                      "contact[3] error : phone_number is not valid"]


def test_all_invalid_is_400_fail_and_too_many_is_400(http: httpx.Client, sandbox: Any) -> None:
    response = bulk(http, sandbox, {"contacts": [{"phone_number": ""}, {"phone_number": "123"}]})
    assert response.status_code == 400 and response.json()["message"] == "fail"
    assert response.json()["data"]["errors"] == ["contact[0] error : phone_number empty",
                                                 "contact[1] error : phone_number is not valid"]
    many = [{"phone_number": f"0401{i:06d}"} for i in range(1001)]
    assert bulk(http, sandbox, {"contacts": many}).status_code == 400
    assert bulk(http, sandbox, {"contacts": many[:1000]}).json()["data"]["success_data"] == 1000
    assert sandbox.control.ledger("cellcast")["+61401000000"] == 1


def test_existing_phone_is_updated_not_inserted(http: httpx.Client, sandbox: Any) -> None:
    existing = sandbox.control.contacts("cellcast")[0]
    body = {"contacts": [{"phone_number": existing, "first_name": "Updated"}, {"phone_number": "0400000020"},
                         {"phone_number": "+61400000020"}]}
    assert bulk(http, sandbox, body).json()["data"]["success_data"] == 3
    assert sandbox.control.ledger("cellcast") == {"+61400000020": 1}
    assert len(sandbox.control.contacts("cellcast")) == 121


def test_listing_pages_and_filters(http: httpx.Client, sandbox: Any) -> None:
    url = sandbox.url("cellcast") + "/api/v2/contact"
    default = http.get(url, headers=AUTH).json()["data"]
    assert len(default["items"]) == 120 and default["current"] == 1 and default["next"] is None
    page2 = http.get(url, params={"page": 2, "limit": 50}, headers=AUTH).json()["data"]
    assert (page2["prev"], page2["current"], page2["next"], page2["total"]) == (1, 2, 3, 120)
    list_id = default["items"][0]["Lists"][0]["ID"]
    by_id = http.get(url, params={"list": list_id}, headers=AUTH).json()["data"]
    assert by_id["items"] and all(list_id in [x["ID"] for x in i["Lists"]] for i in by_id["items"])
    tag = next(t for i in default["items"] for t in i["Tags"])
    by_tag = http.get(url, params={"tagName": tag["Name"]}, headers=AUTH).json()["data"]
    assert by_tag["total"] == sum(1 for i in default["items"] if tag in i["Tags"])


def test_single_add(http: httpx.Client, sandbox: Any) -> None:
    url = sandbox.url("cellcast") + "/api/v1/contact/single"
    ok = http.post(url, json={"phone_number": "0400000030", "first_name": "Mia", "tags": ["Solo"]}, headers=AUTH)
    assert ok.status_code == 200 and ok.json()["message"] == "success"
    bad = http.post(url, json={"phone_number": "0299999999"}, headers=AUTH)
    assert bad.status_code == 400 and bad.json()["message"] == "fail"
    assert sandbox.control.ledger("cellcast") == {"+61400000030": 1}

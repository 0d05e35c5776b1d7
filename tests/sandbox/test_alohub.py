"""Alohub xapi: auth, campaigns/lists/contacts paging, add, bulk jobs, delete, rate limits."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

KEY = "sk_live_demo_alohub_9b2c4e6f8a1d"
HEADERS = {"X-Api-Key": KEY, "X-Tenant-ID": "20260310"}


def get(http: httpx.Client, sandbox: Any, path: str, **kwargs: Any) -> httpx.Response:
    return http.get(sandbox.url("alohub") + path, headers=kwargs.pop("headers", HEADERS), **kwargs)


@pytest.mark.parametrize("headers,status,code", [
    ({}, 401, "UNAUTHORIZED"),
    ({"X-Api-Key": "sk_live_wrong"}, 401, "UNAUTHORIZED"),
    ({"X-Api-Key": KEY, "X-Tenant-ID": "99999999"}, 401, "UNAUTHORIZED"),
    ({"X-Api-Key": "sk_live_demo_alohub_noscope_3e5d"}, 403, "INSUFFICIENT_SCOPE"),
])
def test_auth_failures(http: httpx.Client, sandbox: Any, headers: dict[str, str], status: int, code: str) -> None:
    response = get(http, sandbox, "/v1/campaigns/1042/contact-lists", headers=headers)
    assert response.status_code == status
    assert response.json()["success"] == "0" and response.json()["error_code"] == code


def test_raw_authorization_key_without_tenant(http: httpx.Client, sandbox: Any) -> None:
    response = get(http, sandbox, "/v1/campaigns/1042/contact-lists", headers={"Authorization": KEY})
    assert response.status_code == 200
    assert response.json()["data"][:2] == [{"listId": 501, "listName": "Danh sách tháng 4", "contactCount": 150},
                                           {"listId": 502, "listName": "Default List", "contactCount": 30}]


def test_campaigns_need_username_and_page(http: httpx.Client, sandbox: Any) -> None:
    missing = get(http, sandbox, "/v1/campaigns")
    assert missing.status_code == 400 and missing.json()["error_code"] == "INVALID_INPUT"
    first = get(http, sandbox, "/v1/campaigns", params={"userName": "demo", "limit": 3}).json()
    second = get(http, sandbox, "/v1/campaigns", params={"userName": "demo", "limit": 3, "page": 1}).json()
    assert first["success"] == "1" and first["totalRecord"] == 4
    assert [c["campaignId"] for c in first["data"]] == [1042, 1043, 1044]
    assert [c["campaignId"] for c in second["data"]] == [1045]
    running = get(http, sandbox, "/v1/campaigns", params={"userName": "demo", "status": 2}).json()
    assert [c["campaignId"] for c in running["data"]] == [1042]
    assert get(http, sandbox, "/v1/campaigns", params={"userName": "nobody"}).json()["totalRecord"] == 0


def test_contacts_paging_is_zero_based_with_size(http: httpx.Client, sandbox: Any) -> None:
    path = "/v1/campaigns/1042/contact-lists/501/contacts"
    page0 = get(http, sandbox, path, params={"page": 0, "size": 100}).json()
    page1 = get(http, sandbox, path, params={"page": 1, "size": 100}).json()
    assert page0["totalRecord"] == 150 and len(page0["data"]) == 100 and len(page1["data"]) == 50
    assert len(get(http, sandbox, path).json()["data"]) == 20
    statuses = {c["processStatus"] for c in page0["data"] + page1["data"]}
    assert statuses == {0, 1, 2}
    assert get(http, sandbox, "/v1/campaigns/1042/contact-lists/999/contacts").status_code == 404
    assert get(http, sandbox, "/v1/campaigns/77/contact-lists").json()["error_code"] == "NOT_FOUND"


def test_add_contact_creates_default_list(http: httpx.Client, sandbox: Any) -> None:
    url = sandbox.url("alohub") + "/v1/campaigns/1044/contacts"
    response = http.post(url, json={"phoneNumber": "0901234567", "name": "Nguyễn Văn An"}, headers=HEADERS)
    assert response.json()["success"] == "1" and response.json()["error_code"] == "SUCCESS"
    lists = get(http, sandbox, "/v1/campaigns/1044/contact-lists").json()["data"]
    assert [(x["listName"], x["contactCount"]) for x in lists] == [("Default List", 1)]
    bad = http.post(url, json={"name": "no phone"}, headers=HEADERS)
    assert bad.status_code == 400 and bad.json()["error_code"] == "INVALID_INPUT"
    to_list = http.post(sandbox.url("alohub") + "/v1/campaigns/1042/contacts",
                        json={"phoneNumber": "0901234568", "listId": 502}, headers=HEADERS)
    assert to_list.json()["error_message"] == "Contact added to list 502"
    assert sandbox.control.ledger("alohub") == {"+84901234567": 1, "+84901234568": 1}


def test_bulk_job_progresses_and_dedupes(http: httpx.Client, sandbox: Any) -> None:
    sandbox.control.configure(alohub={"job_seconds": 100})
    contacts = [{"phoneNumber": f"0901{i:06d}", "name": f"KH {i}"} for i in range(10)]
    body = {"listName": "DS tháng 11", "contacts": contacts + [{"phoneNumber": "0901000001"}, {"phoneNumber": "12"}]}
    url = sandbox.url("alohub") + "/v1/campaigns/1042/contacts/bulk"
    started = http.post(url, json=body, headers=HEADERS).json()
    assert started["success"] == "1" and started["total_rows"] == 12
    poll = f"/v1/campaigns/1042/contacts/import/{started['job_id']}"
    assert get(http, sandbox, poll).json()["status"] == "pending"
    sandbox.control.alohub_advance(50)
    middle = get(http, sandbox, poll).json()
    assert middle["status"] == "processing" and 0 < middle["processedRows"] < 12
    sandbox.control.alohub_advance(60)
    done = get(http, sandbox, poll).json()
    assert done == {"jobId": started["job_id"], "status": "done", "totalRows": 12, "processedRows": 12,
                    "failedRows": 1, "duplicateRows": 1, "error": None}
    # resubmitting with the same listName is harmless: everything is a duplicate
    sandbox.control.configure(alohub={"job_seconds": 0})
    again = http.post(url, json=body, headers=HEADERS).json()
    redo = get(http, sandbox, f"/v1/campaigns/1042/contacts/import/{again['job_id']}").json()
    assert (redo["status"], redo["duplicateRows"], redo["failedRows"]) == ("done", 11, 1)
    assert set(sandbox.control.ledger("alohub").values()) == {1} and len(sandbox.control.ledger("alohub")) == 10


def test_unknown_or_forgotten_job_is_404(http: httpx.Client, sandbox: Any) -> None:
    assert get(http, sandbox, "/v1/campaigns/1042/contacts/import/999").status_code == 404
    url = sandbox.url("alohub") + "/v1/campaigns/1042/contacts/bulk"
    job = http.post(url, json={"contacts": [{"phoneNumber": "0901000001"}]}, headers=HEADERS).json()["job_id"]
    assert get(http, sandbox, f"/v1/campaigns/1042/contacts/import/{job}").status_code == 200
    sandbox.control.alohub_restart()
    response = get(http, sandbox, f"/v1/campaigns/1042/contacts/import/{job}")
    assert response.status_code == 404 and response.json()["error_code"] == "NOT_FOUND"


def test_delete_only_pending_contacts(http: httpx.Client, sandbox: Any) -> None:
    contacts = get(http, sandbox, "/v1/campaigns/1042/contact-lists/501/contacts", params={"size": 200}).json()["data"]
    pending = next(c for c in contacts if c["processStatus"] == 0)
    busy = next(c for c in contacts if c["processStatus"] != 0)
    base = sandbox.url("alohub") + "/v1/campaigns/1042/contacts/"
    refused = http.delete(base + str(busy["contactId"]), headers=HEADERS)
    assert refused.status_code == 400 and refused.json()["error_code"] == "INVALID_STATE"
    deleted = http.delete(base + str(pending["contactId"]), headers=HEADERS)
    assert deleted.json() == {"success": "1", "error_code": "SUCCESS", "error_message": "Contact deleted successfully"}
    assert http.delete(base + str(pending["contactId"]), headers=HEADERS).status_code == 404
    assert get(http, sandbox, "/v1/campaigns/1042/contact-lists").json()["data"][0]["contactCount"] == 149


def test_rate_limit_headers_and_429(http: httpx.Client, sandbox: Any) -> None:
    sandbox.control.configure(alohub={"tenant_limit": 5, "route_limit": 3, "window": 60})
    path = "/v1/campaigns/1042/contact-lists"
    remaining = []
    for _ in range(3):
        response = get(http, sandbox, path)
        assert response.status_code == 200
        assert response.headers["X-RateLimit-Limit-Route"] == "3"
        assert response.headers["X-RateLimit-Limit-Tenant"] == "5"
        remaining.append(response.headers["X-RateLimit-Remaining-Route"])
    assert remaining == ["2", "1", "0"]
    limited = get(http, sandbox, path)
    assert limited.status_code == 429 and limited.json()["error_code"] == "RATE_LIMIT_EXCEEDED"
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    assert limited.headers["X-RateLimit-Remaining-Route"] == "0"
    # another route still has route quota until the tenant window is spent (polling is limited too)
    assert get(http, sandbox, "/v1/campaigns/1042/contacts/import/1").status_code == 404
    assert get(http, sandbox, "/v1/campaigns/1042/contacts/import/1").status_code == 404
    tenant = get(http, sandbox, "/v1/campaigns/1042/contacts/import/1")
    assert tenant.status_code == 429 and tenant.headers["X-RateLimit-Remaining-Tenant"] == "0"


def test_rate_limit_window_frees_after_retry_after(http: httpx.Client, sandbox: Any) -> None:
    sandbox.control.configure(alohub={"route_limit": 2, "window": 10})
    path = "/v1/campaigns/1042/contact-lists"
    assert [get(http, sandbox, path).status_code for _ in range(3)] == [200, 200, 429]
    retry_after = int(get(http, sandbox, path).headers["Retry-After"])
    assert 1 <= retry_after <= 10
    sandbox.control.alohub_advance(retry_after)
    freed = get(http, sandbox, path)
    assert freed.status_code == 200 and freed.headers["X-RateLimit-Remaining-Route"] in ("0", "1")

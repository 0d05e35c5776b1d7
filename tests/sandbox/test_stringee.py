"""Stringee add-by-phones: JWT checks, phone normalisation, result codes, ledger."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from .helpers import STRINGEE_SID as SID
from .helpers import stringee_token

PATH = "/v1/customcampaign/add-by-phones"


def post(http: httpx.Client, sandbox: Any, body: Any, tok: str | None = None, **kwargs: Any) -> httpx.Response:
    headers = {"X-STRINGEE-AUTH": tok if tok is not None else stringee_token(sandbox.secret("stringee"))}
    return http.post(sandbox.url("stringee") + PATH, json=body, headers=headers, **kwargs)


def test_empty_request_with_valid_token_is_missing_params(http: httpx.Client, sandbox: Any) -> None:
    response = post(http, sandbox, {})
    assert response.status_code == 200
    assert response.json() == {"r": 2, "msg": "Missing params"}
    assert post(http, sandbox, {"campaign_id": "CA100001", "phones": []}).json()["r"] == 2


@pytest.mark.filterwarnings("ignore::jwt.warnings.InsecureKeyLengthWarning")
@pytest.mark.parametrize("case", ["wrong_secret", "expired", "no_rest_api", "wrong_iss", "no_cty", "no_exp",
                                  "missing", "garbage", "hs512"])
def test_bad_tokens_are_401(http: httpx.Client, sandbox: Any, case: str) -> None:
    secret = sandbox.secret("stringee")
    tok = {
        "wrong_secret": lambda: stringee_token("not-the-secret-but-long-enough-for-hs256"),
        "expired": lambda: stringee_token(secret, exp=int(time.time()) - 5),
        "no_rest_api": lambda: stringee_token(secret, rest_api=None, userId="agent1"),
        "wrong_iss": lambda: stringee_token(secret, iss="SKOTHER"),
        "no_cty": lambda: stringee_token(secret, _headers={"cty": "JWT"}),
        "no_exp": lambda: stringee_token(secret, exp=None),
        "missing": lambda: "",
        "garbage": lambda: "not.a.jwt",
        "hs512": lambda: stringee_token(secret, _alg="HS512"),
    }[case]()
    response = post(http, sandbox, {"campaign_id": "CA100001", "phones": ["0901234567"]}, tok)
    assert response.status_code == 401
    assert sandbox.control.ledger("stringee") == {}


def test_token_in_query_string_is_accepted(http: httpx.Client, sandbox: Any) -> None:
    url = sandbox.url("stringee") + PATH
    response = http.post(url, params={"access_token": stringee_token(sandbox.secret("stringee"))}, json={})
    assert response.json()["r"] == 2


def test_add_normalises_and_reports(http: httpx.Client, sandbox: Any) -> None:
    body = {"campaign_id": "CA100001", "phones": ["0901234567", "+84901234567", "912345678", "84987654321",
                                                  "09123329999", "abc"]}
    data = post(http, sandbox, body).json()
    assert data["r"] == 0
    assert data["data"] == {"total": 4, "added": 3, "skipped": 1, "skipped_phones": ["84901234567"],
                            "invalid": 2, "invalid_phones": ["09123329999", "abc"]}
    assert sandbox.control.ledger("stringee") == {"+84901234567": 1, "+84912345678": 1, "+84987654321": 1}


def test_all_existing_is_r7_and_idempotent(http: httpx.Client, sandbox: Any) -> None:
    body = {"campaign_id": "CA100002", "phones": ["0901000001", "0901000002"]}
    assert post(http, sandbox, body).json()["data"]["added"] == 2
    again = post(http, sandbox, body).json()
    assert again["r"] == 7
    assert again["data"]["skipped_phones"] == ["84901000001", "84901000002"]
    assert sandbox.control.ledger("stringee") == {"+84901000001": 1, "+84901000002": 1}


def test_seeded_contacts_are_skipped(http: httpx.Client, sandbox: Any) -> None:
    seeded = sandbox.control.contacts("stringee", "CA100001")[0]
    data = post(http, sandbox, {"campaign_id": "CA100001", "phones": ["0" + seeded[3:]]}).json()
    assert data["r"] == 7 and sandbox.control.ledger("stringee") == {}


def test_unknown_campaign_is_r3(http: httpx.Client, sandbox: Any) -> None:
    assert post(http, sandbox, {"campaign_id": "CA999999", "phones": ["0901234567"]}).json() == {
        "r": 3, "msg": "Campaign not found"}


def test_more_than_1000_phones_is_400(http: httpx.Client, sandbox: Any) -> None:
    phones = [f"090{i:07d}" for i in range(1001)]
    response = post(http, sandbox, {"campaign_id": "CA100001", "phones": phones})
    assert response.status_code == 400 and response.json()["r"] == 2
    assert post(http, sandbox, {"campaign_id": "CA100001", "phones": phones[:1000]}).json()["data"]["added"] == 1000


def test_reject_tokens_issued_before_simulates_expiry(http: httpx.Client, sandbox: Any) -> None:
    secret = sandbox.secret("stringee")
    old = stringee_token(secret, jti=f"{SID}-{int(time.time()) - 100}")
    assert post(http, sandbox, {}, old).json()["r"] == 2
    sandbox.control.configure(stringee={"reject_tokens_issued_before": time.time() - 10})
    assert post(http, sandbox, {}, old).status_code == 401
    assert post(http, sandbox, {}, stringee_token(secret, iat=int(time.time()))).json()["r"] == 2
    # without iat or a timestamped jti, exp - 3600 is taken as the issue time
    assert post(http, sandbox, {}, stringee_token(secret, jti="x", exp=int(time.time()) + 3000)).status_code == 401


async def test_concurrent_overlapping_batches_insert_each_phone_once(sandbox: Any) -> None:
    import asyncio

    phones = [f"0901{i:06d}" for i in range(300)]
    headers = {"X-STRINGEE-AUTH": stringee_token(sandbox.secret("stringee"))}
    url = sandbox.url("stringee") + PATH
    async with httpx.AsyncClient(timeout=10) as client:
        replies = await asyncio.gather(*(
            client.post(url, json={"campaign_id": "CA100003", "phones": phones[start:start + 100]}, headers=headers)
            for start in range(0, 250, 25)))
    assert sum(r.json()["data"]["added"] for r in replies) == 300
    ledger = sandbox.control.ledger("stringee")
    assert len(ledger) == 300 and set(ledger.values()) == {1}

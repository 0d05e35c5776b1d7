"""Stringee ICC client: self-signed HS256 JWT, add-by-phones batches mapped back to rows."""

from __future__ import annotations

import logging
import time
import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import httpx
import jwt
from jwt.warnings import InsecureKeyLengthWarning

from campaign_gui.domain.errors import AuthError, NotFound, ProtocolError, Rejected
from campaign_gui.domain.models import (
    Account,
    BatchResult,
    ProviderId,
    RowOutcome,
    RowResult,
    UploadRow,
)
from campaign_gui.domain.phones import phone_key
from campaign_gui.domain.redaction import register_secret
from campaign_gui.providers.base import (
    Capabilities,
    FieldSpec,
    PagingStyle,
    ProviderInfo,
    RetryClass,
    TargetSpec,
)
from campaign_gui.providers.common import (
    ClientBase,
    check_batch,
    international_digits,
    require_dict,
    require_int,
    require_target,
)
from campaign_gui.providers.http import HttpClient, error_field

logger = logging.getLogger(__name__)

NAME = "Stringee"
ADD_PATH = "v1/customcampaign/add-by-phones"
TOKEN_LIFETIME = 3600  # seconds, as in Stringee's official sample
REMINT_MARGIN = 300  # mint a new token this long before the old one expires

INFO = ProviderInfo(
    id=ProviderId.STRINGEE,
    display_name=NAME,
    secret_label="API key secret",
    default_base_url="https://icc-api.stringee.com",
    default_region="VN",
    accepted_country_codes=(84,),  # Stringee ICC calls Vietnamese numbers
    sends_sms=False,
    batch_limit=1000,
    pacing_seconds=0.2,
    retry_class=RetryClass.RESEND,
    paging=PagingStyle.NONE,
    capabilities=Capabilities(test_connection=True, add_contact=True, upload_batch=True),
    fields=(FieldSpec("key_sid", "API key SID (SK…)", required=True),),
    targets=(TargetSpec("campaign", "Campaign id (CA…)", required=True),),
    notes={
        "list_campaigns": "Stringee has no documented campaign list; add campaigns by id",
        "get_campaign": "Stringee has no documented campaign lookup; add campaigns by id",
        "list_contact_lists": "Stringee campaigns have no contact lists",
        "create_contact_list": "Stringee campaigns have no contact lists",
        "list_contacts": "Stringee has no documented endpoint to list a campaign's contacts",
        "search_contacts": "Stringee has no documented endpoint to list a campaign's contacts",
        "sort_contacts": "Stringee has no documented endpoint to list a campaign's contacts",
        "delete_contact": "Stringee has no documented endpoint to remove a contact from a campaign",
        "poll_job": "Stringee answers each batch at once; there are no jobs to poll",
        "create_campaign": "Campaigns are created in the Stringee portal",
        "update_campaign": "Campaigns are managed in the Stringee portal",
        "delete_campaign": "Campaigns are managed in the Stringee portal",
        "find_campaign": "Campaigns are created in the Stringee portal",
        "read_back": "Stringee cannot list a campaign's contacts, so it cannot be checked from here: "
                     "look in the Stringee portal",
    },
)


class Client(ClientBase):
    """One Stringee account (API key SID + key secret) over one long-lived HTTP client."""

    info = INFO

    def __init__(self, account: Account, secret: str, *, transport: httpx.AsyncBaseTransport | None = None,
                 deadline: float = 45.0, clock: Callable[[], float] = time.time) -> None:
        self.account = account
        self._key_sid = str(account.fields.get("key_sid", "") or "").strip()
        register_secret(secret)
        self._secret = secret
        self._clock = clock
        self._token: str | None = None
        self._token_exp = 0.0
        self._http = HttpClient(account.base_url or INFO.default_base_url, deadline=deadline, transport=transport,
                                headers={"Accept": "application/json"}, provider_name=NAME)

    # -- auth -------------------------------------------------------------------------------------

    def _mint(self) -> str:
        if not self._key_sid:
            raise AuthError("Stringee needs the API key SID (account field key_sid)", code="key_sid")
        now = int(self._clock())
        claims = {"jti": f"{self._key_sid}-{now}", "iss": self._key_sid, "exp": now + TOKEN_LIFETIME,
                  "iat": now, "rest_api": True}
        with warnings.catch_warnings():
            # The key secret is whatever Stringee issued; a short one is the provider's choice, not ours.
            warnings.simplefilter("ignore", InsecureKeyLengthWarning)
            token = jwt.encode(claims, self._secret, algorithm="HS256",
                               headers={"typ": "JWT", "cty": "stringee-api;v=1"})
        register_secret(token)
        self._token, self._token_exp = token, float(now + TOKEN_LIFETIME)
        return token

    def _current_token(self) -> str:
        if self._token is None or self._clock() >= self._token_exp - REMINT_MARGIN:
            return self._mint()
        return self._token

    async def _post(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """POST add-by-phones; on 401 mint a new token and send once more, then give up."""
        response = await self._http.send("POST", ADD_PATH, json_body=body,
                                         headers={"X-STRINGEE-AUTH": self._current_token()})
        if response.status_code == 401:
            logger.info("Stringee answered 401: minting a new token and retrying once")
            response = await self._http.send("POST", ADD_PATH, json_body=body,
                                             headers={"X-STRINGEE-AUTH": self._mint()})
            if response.status_code == 401:
                raise AuthError("Stringee did not accept the API key (401): check the key SID and secret",
                                status=401)
        payload = require_dict(self._http.decode(response), NAME)
        if "r" not in payload:
            raise ProtocolError("Stringee sent an answer without a result code", status=response.status_code)
        return payload

    # -- capabilities -----------------------------------------------------------------------------

    async def test_connection(self) -> str:
        """Send an empty request: ``r=2`` (missing params) proves the key was accepted."""
        payload = await self._post({"campaign_id": "", "phones": []})
        code = require_int(payload, "r", NAME)
        if code in (0, 2, 3, 7):
            return "Key accepted (campaigns are entered by id)"
        raise _code_error(code, payload, "")

    async def add_contact(self, target: Mapping[str, str], row: UploadRow) -> None:
        result = await self.upload_batch(target, [row], batch_key=f"single-{row.index}")
        for item in result.rows:
            if item.outcome is RowOutcome.REJECTED:
                raise Rejected(f"Stringee rejected {row.phone}: {item.reason}")
        if not result.complete:
            raise ProtocolError("Stringee did not account for the contact")

    async def upload_batch(self, target: Mapping[str, str], rows: Sequence[UploadRow],
                           *, batch_key: str) -> BatchResult:
        """Add phones to a campaign. Phones go out as international digits (``84…``).

        ``84…`` is the form Stringee normalises to and reports back in ``skipped_phones``, so the
        answer maps back exactly; unlike ``0…`` it stays unambiguous for non-VN numbers too.
        """
        campaign = require_target(target, "campaign", NAME)
        check_batch(rows, INFO.batch_limit, NAME)
        if not rows:
            return BatchResult(rows=[])
        payload = await self._post({"campaign_id": campaign, "phones": [international_digits(r.phone) for r in rows]})
        code = require_int(payload, "r", NAME)
        if code not in (0, 7):
            raise _code_error(code, payload, campaign)
        return map_batch(rows, code, payload.get("data"))


def vn_phone_key(value: str) -> str:
    """A fast comparison key for the VN forms Stringee uses: ``0…``, ``84…``, ``+84…``, bare 9 digits → ``84…``."""
    if value.isascii() and value.isdigit():  # the common shapes first: this runs for every row
        digits = value
    elif value[1:].isascii() and value[1:].isdigit() and value[:1] == "+":
        return value[1:]
    else:
        digits = "".join(ch for ch in value if ch.isdigit())
    if value.strip().startswith("+"):
        return digits
    if digits.startswith("00"):
        return digits[2:]
    if digits.startswith("0"):
        return "84" + digits[1:]
    if len(digits) == 9:
        return "84" + digits
    return digits


class PhoneMatcher:
    """Finds the rows a phone in Stringee's answer stands for: fast digit key first, then ``phone_key``."""

    def __init__(self, rows: Sequence[UploadRow]) -> None:
        self._rows = rows
        self._fast: dict[str, list[UploadRow]] = {}
        fast = self._fast
        for row in rows:
            phone = row.phone
            key = phone[1:] if phone[:1] == "+" and phone[1:].isdigit() else vn_phone_key(phone)
            if key in fast:
                fast[key].append(row)
            else:
                fast[key] = [row]
        self._slow: dict[str, list[UploadRow]] | None = None

    def find(self, phone: str) -> list[UploadRow]:
        hit = self._fast.get(phone if phone[:2] == "84" and phone.isdigit() else vn_phone_key(phone))
        if hit:
            return hit
        key = phone_key(phone, "VN")  # an unusual spelling: ask the full normaliser (slow, so only here)
        if key is None:
            return []
        if self._slow is None:
            self._slow = {}
            for row in self._rows:
                self._slow.setdefault(phone_key(row.phone, "VN") or row.phone, []).append(row)
        return self._slow.get(key, [])


def _code_error(code: int, payload: Mapping[str, Any], campaign: str) -> Exception:
    message = error_field(payload, "msg", "message") or "no message"
    if code == 3:
        return NotFound(f"Campaign {campaign} not found at Stringee (or not yours)", code="3")
    if code == 2:
        return Rejected(f"Stringee rejected the request: {message}", code="2")
    return Rejected(f"Stringee rejected the batch (r={code}): {message}", code=str(code))


def map_batch(rows: Sequence[UploadRow], code: int, data: Any) -> BatchResult:
    """Map ``data.skipped_phones``/``invalid_phones`` back to row indexes; the rest were added.

    If the counts do not add up to the rows sent, only the rows named in the phone lists are
    reported and ``complete`` is False: the engine decides about the others.
    """
    if data is None and code == 7:  # "all phones already exist" without details
        return BatchResult(rows=[RowResult(r.index, RowOutcome.SKIPPED) for r in rows], raw_summary={"r": 7})
    body = require_dict(data, NAME, "result (no data)")
    added = require_int(body, "added", NAME)
    skipped = require_int(body, "skipped", NAME) if "skipped" in body else 0
    invalid = require_int(body, "invalid", NAME) if "invalid" in body else 0
    matcher = PhoneMatcher(rows)
    outcomes: dict[int, RowResult] = {}
    unmatched = 0
    for phones_key, outcome, reason in (("invalid_phones", RowOutcome.REJECTED, "Stringee: invalid phone number"),
                                        ("skipped_phones", RowOutcome.SKIPPED, "already in the campaign")):
        listed = body.get(phones_key) or []
        if not isinstance(listed, list):
            raise ProtocolError(f"Stringee sent a bad {phones_key}")
        for phone in listed:
            matches = matcher.find(str(phone))
            if not matches:
                unmatched += 1
            for row in matches:
                outcomes.setdefault(row.index, RowResult(row.index, outcome, reason))
    named_skipped = sum(1 for r in outcomes.values() if r.outcome is RowOutcome.SKIPPED)
    named_invalid = len(outcomes) - named_skipped
    summary = {"r": code, "added": added, "skipped": skipped, "invalid": invalid}
    complete = (added + skipped + invalid == len(rows) and unmatched == 0
                and named_skipped == skipped and named_invalid == invalid)
    if not complete:
        logger.warning("Stringee counts do not match the batch (%s rows, %s)", len(rows), summary)
        return BatchResult(rows=list(outcomes.values()), complete=False, raw_summary=summary)
    results = [outcomes.get(r.index, RowResult(r.index, RowOutcome.ADDED)) for r in rows]
    return BatchResult(rows=results, raw_summary=summary)

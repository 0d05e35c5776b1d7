"""Alohub xapi client: campaigns → lists → contacts, add/delete, async bulk import jobs, rate limits."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import quote

import httpx

from campaign_gui.domain.errors import (
    AuthError,
    Forbidden,
    InvalidState,
    NotFound,
    ProtocolError,
    ProviderError,
    RateLimited,
    Rejected,
    ServerError,
)
from campaign_gui.domain.models import (
    Account,
    BatchResult,
    Campaign,
    Contact,
    ContactList,
    JobStatus,
    Page,
    ProviderId,
    UploadRow,
)
from campaign_gui.domain.redaction import register_secret
from campaign_gui.providers.base import (
    Capabilities,
    ContactScope,
    FieldSpec,
    PagingStyle,
    ProviderInfo,
    RetryClass,
    TargetSpec,
    UploadField,
)
from campaign_gui.providers.common import (
    ClientBase,
    check_batch,
    optional_int,
    require_dict,
    require_int,
    require_target,
    text,
)
from campaign_gui.providers.http import HttpClient, RateLimitInfo, error_field, parse_retry_after, snippet

logger = logging.getLogger(__name__)

NAME = "Alohub"
PROCESS_STATUS = {0: "pending", 1: "in call", 2: "processed"}
CAMPAIGN_STATUS = {1: "in process", 2: "running", 3: "paused", 4: "stopped"}
JOB_STATES = ("pending", "processing", "done", "failed")

INFO = ProviderInfo(
    id=ProviderId.ALOHUB,
    display_name=NAME,
    secret_label="API key",
    default_base_url="https://xapi.alohub.vn",
    default_region="VN",
    accepted_country_codes=(84,),  # Alohub call-center campaigns: Vietnamese numbers
    sends_sms=False,
    batch_limit=1000,
    pacing_seconds=0.0,
    retry_class=RetryClass.RESUBMIT_SAME_NAME,
    paging=PagingStyle.ZERO_BASED,
    capabilities=Capabilities(test_connection=True, list_campaigns=True, list_contact_lists=True,
                              list_contacts=True, add_contact=True, delete_contact=True, upload_batch=True,
                              poll_job=True, read_back=True),
    fields=(FieldSpec("tenant_id", "Tenant id (optional)"),
            FieldSpec("user_name", "User name (needed to list campaigns)", required=True)),
    targets=(TargetSpec("campaign", "Campaign id", required=True), TargetSpec("list", "Contact list id"),
             TargetSpec("list_name", "New contact list name")),
    upload_fields=(UploadField("name", "Name"),),
    notes={
        "get_campaign": "Alohub has no documented single-campaign lookup; browse the campaign list",
        "create_contact_list": "Alohub creates a list when a bulk import names a new one",
        "delete_contact": "Alohub deletes only pending contacts",
        "search_contacts": "Alohub has no server-side contact search",
        "sort_contacts": "Alohub has no server-side contact sort",
        "create_campaign": "Campaigns are created in the Alohub portal",
        "update_campaign": "Campaigns are managed in the Alohub portal",
        "delete_campaign": "Campaigns are managed in the Alohub portal",
        "find_campaign": "Campaigns are created in the Alohub portal",
    },
)

_CODE_ERRORS: dict[str, type[ProviderError]] = {
    "UNAUTHORIZED": AuthError,
    "INSUFFICIENT_SCOPE": Forbidden,
    "NOT_FOUND": NotFound,
    "INVALID_INPUT": Rejected,
    "INVALID_STATE": InvalidState,
    "FAIL": ServerError,
}
_CODE_MESSAGES = {
    "UNAUTHORIZED": "Alohub did not accept the API key: re-enter it",
    "INSUFFICIENT_SCOPE": "The Alohub key lacks the 'campaign' scope",
    "NOT_FOUND": "Alohub: not found",
    "INVALID_INPUT": "Alohub rejected the input",
    "INVALID_STATE": "Alohub: the contact is not in a state that allows this",
    "FAIL": "Alohub had a system error",
}


def _map_error(response: httpx.Response, payload: Any) -> ProviderError | None:
    """Map ``error_code`` (any status) and ``success != "1"`` (in a 2xx) to typed errors."""
    status = response.status_code
    code = error_field(payload, "error_code")
    if status == 429 or code == "RATE_LIMIT_EXCEEDED":
        wait = parse_retry_after(response.headers.get("retry-after"))
        return RateLimited(f"Alohub asks to wait {wait:.0f} s", retry_after=wait, status=status,
                           code="RATE_LIMIT_EXCEEDED", detail=snippet(response.content))
    failed = 200 <= status < 300 and isinstance(payload, dict) and "success" in payload \
        and str(payload.get("success")) != "1"  # the string "1" means success; "0" is truthy
    if code in _CODE_ERRORS and (status >= 300 or failed):
        message = _CODE_MESSAGES[code]
        server = error_field(payload, "error_message")
        if server and code in ("INVALID_INPUT", "NOT_FOUND", "INVALID_STATE"):
            message = f"{message}: {server}"
        return _CODE_ERRORS[code](message, status=status, code=code, detail=snippet(response.content))
    if failed:
        server = error_field(payload, "error_message", "error_code") or "no reason given"
        return Rejected(f"Alohub refused the request: {server}", status=status, code=code)
    return None


class Client(ClientBase):
    """One Alohub account (X-Api-Key, optional X-Tenant-ID) over one long-lived HTTP client."""

    info = INFO

    def __init__(self, account: Account, secret: str, *, transport: httpx.AsyncBaseTransport | None = None,
                 deadline: float = 45.0, clock: Callable[[], float] = time.time) -> None:
        self.account = account
        register_secret(secret)
        headers = {"Accept": "application/json", "X-Api-Key": secret}
        tenant = str(account.fields.get("tenant_id", "") or "").strip()
        if tenant:
            headers["X-Tenant-ID"] = tenant
        self._user_name = str(account.fields.get("user_name", "") or "").strip()
        self._clock = clock
        self._list_names: dict[tuple[str, str], str] = {}
        self._http = HttpClient(account.base_url or INFO.default_base_url, deadline=deadline, transport=transport,
                                headers=headers, error_mapper=_map_error, provider_name=NAME)

    @property
    def rate_limit(self) -> RateLimitInfo | None:
        """The rate-limit headers of the last answer (``exhausted`` → wait for the window)."""
        return self._http.last_rate_limit

    async def _get(self, path: str, params: Mapping[str, str | int] | None = None) -> dict[str, Any]:
        return require_dict(await self._http.request_json("GET", path, params=params), NAME)

    async def test_connection(self) -> str:
        if not self._user_name:
            raise Rejected("Set the Alohub user name (field user_name) to test the connection and list campaigns",
                           code="user_name")
        page = await self.list_campaigns(0, 1)
        total = page.total if page.total is not None else len(page.items)
        return f"{total} campaign{'s' if total != 1 else ''}"

    async def list_campaigns(self, page: int, size: int) -> Page:
        if not self._user_name:
            raise Rejected("Alohub needs the user name (field user_name) to list campaigns", code="user_name")
        payload = await self._get("v1/campaigns", {"userName": self._user_name, "page": page, "limit": size})
        items = [_campaign(item) for item in _data_list(payload)]
        return Page(items=items, number=page, size=size, total=optional_int(payload, "totalRecord"))

    async def list_contact_lists(self, campaign_id: str | None) -> Sequence[ContactList]:
        if not campaign_id:
            raise ValueError("Alohub contact lists belong to a campaign: pass its id")
        payload = await self._get(f"v1/campaigns/{_seg(campaign_id)}/contact-lists")
        lists = []
        for item in _data_list(payload):
            entry = require_dict(item, NAME, "contact list")
            lists.append(ContactList(id=str(require_int(entry, "listId", NAME)), name=text(entry.get("listName")),
                                     campaign_id=campaign_id, contact_count=optional_int(entry, "contactCount")))
            self._list_names[(campaign_id, lists[-1].id)] = lists[-1].name
        return lists

    async def list_contacts(self, scope: ContactScope, page: int, size: int) -> Page:
        if not scope.campaign_id or not scope.list_id:
            raise ValueError("Alohub lists contacts per campaign and list: pass both ids")
        path = f"v1/campaigns/{_seg(scope.campaign_id)}/contact-lists/{_seg(scope.list_id)}/contacts"
        payload = await self._get(path, {"page": page, "size": size})
        items = [_contact(item) for item in _data_list(payload)]
        return Page(items=items, number=page, size=size, total=optional_int(payload, "totalRecord"))

    async def add_contact(self, target: Mapping[str, str], row: UploadRow) -> None:
        """POST one contact. Not idempotent (may duplicate): never retried here."""
        campaign = require_target(target, "campaign", NAME)
        body: dict[str, Any] = {"phoneNumber": alohub_phone(row.phone)}
        if row.name:
            body["name"] = row.name
        list_id = str(target.get("list", "") or "").strip()
        if list_id:
            body["listId"] = int(list_id) if list_id.isdigit() else list_id
        payload = require_dict(await self._http.request_json("POST", f"v1/campaigns/{_seg(campaign)}/contacts",
                                                             json_body=body), NAME)
        _require_success(payload)

    async def delete_contact(self, scope: ContactScope, contact: Contact) -> None:
        if not scope.campaign_id or not contact.id:
            raise ValueError("Alohub deletes a contact by campaign id and contact id")
        path = f"v1/campaigns/{_seg(scope.campaign_id)}/contacts/{_seg(contact.id)}"
        try:
            payload = require_dict(await self._http.request_json("DELETE", path), NAME)
        except InvalidState as exc:
            raise InvalidState("Only pending contacts can be deleted", status=exc.status, code=exc.code,
                               detail=exc.detail) from None
        _require_success(payload)

    async def upload_batch(self, target: Mapping[str, str], rows: Sequence[UploadRow],
                           *, batch_key: str) -> BatchResult:
        """Start a bulk import job; the result has ``job_id`` and ``complete=False``: poll it.

        ``listName`` is the target's ``list_name``, the name of the target ``list`` (looked up once), or a
        name derived from ``batch_key``. The engine passes the same ``batch_key`` when it resubmits a
        batch whose job was lost, so the same ``listName`` goes out and the server dedupes the phones.
        """
        campaign = require_target(target, "campaign", NAME)
        check_batch(rows, INFO.batch_limit, NAME)
        if not rows:
            return BatchResult(rows=[])
        list_name = await self._list_name(campaign, target, batch_key)
        contacts = []
        for row in rows:
            contact = {"phoneNumber": alohub_phone(row.phone)}
            if row.name:
                contact["name"] = row.name
            contacts.append(contact)
        payload = require_dict(await self._http.request_json(
            "POST", f"v1/campaigns/{_seg(campaign)}/contacts/bulk",
            json_body={"listName": list_name, "contacts": contacts}), NAME)
        _require_success(payload)
        job_id = payload.get("job_id", payload.get("jobId"))
        if job_id is None or isinstance(job_id, bool) or str(job_id).strip() == "":
            raise ProtocolError("Alohub started an import without a job id")
        summary = {"list_name": list_name, "total_rows": optional_int(payload, "total_rows")}
        return BatchResult(rows=[], job_id=str(job_id), complete=False, raw_summary=summary)

    async def read_back_scope(self, target: Mapping[str, str], *, batch_key: str,
                              result: Mapping[str, object]) -> ContactScope | None:
        """The list the batch's import job filled: the target ``list``, else the list named as the
        upload named it (``list_name``, or the name derived from ``batch_key``); None if no such list."""
        campaign = require_target(target, "campaign", NAME)
        list_id = str(target.get("list", "") or "").strip()
        if not list_id:
            name = str(result.get("list_name") or "").strip() or await self._list_name(campaign, target, batch_key)
            lists = await self.list_contact_lists(campaign)
            found = next((x for x in lists if x.name == name), None)
            if found is None:
                return None
            list_id = found.id
        return ContactScope(campaign_id=campaign, list_id=list_id)

    async def poll_job(self, target: Mapping[str, str], job_id: str) -> JobStatus:
        """One poll (the engine paces it every 2–3 s). 404 → NotFound: the job was lost, resubmit."""
        campaign = require_target(target, "campaign", NAME)
        try:
            payload = await self._get(f"v1/campaigns/{_seg(campaign)}/contacts/import/{_seg(job_id)}")
        except NotFound as exc:
            raise NotFound(f"Alohub no longer knows import job {job_id}", status=exc.status, code=exc.code,
                           detail=exc.detail) from None
        state = text(payload.get("status")).lower()
        if state not in JOB_STATES:
            raise ProtocolError("Alohub sent a job status without a known state")
        return JobStatus(job_id=str(payload.get("jobId", job_id)), state=state,
                         total=require_int(payload, "totalRows", NAME),
                         processed=require_int(payload, "processedRows", NAME),
                         failed=optional_int(payload, "failedRows") or 0,
                         duplicates=optional_int(payload, "duplicateRows") or 0,
                         error=error_field(payload, "error"))

    async def _list_name(self, campaign: str, target: Mapping[str, str], batch_key: str) -> str:
        name = str(target.get("list_name", "") or "").strip()
        if name:
            return name
        list_id = str(target.get("list", "") or "").strip()
        if list_id:
            if (campaign, list_id) not in self._list_names:
                await self.list_contact_lists(campaign)
            if (campaign, list_id) not in self._list_names:
                raise NotFound(f"Contact list {list_id} not found in Alohub campaign {campaign}")
            return self._list_names[(campaign, list_id)]
        return derived_list_name(batch_key)


def derived_list_name(batch_key: str) -> str:
    """A stable list name for a batch: the same ``batch_key`` always gives the same name."""
    key = batch_key.strip()
    if len(key) > 60 or not key.isprintable():
        key = hashlib.sha256(batch_key.encode("utf-8")).hexdigest()[:16]
    return f"Import {key}"


def alohub_phone(e164: str) -> str:
    """VN numbers in the national form the documents use (``0901234567``); others stay E.164."""
    phone = e164.strip()
    if phone.startswith("+84"):
        return "0" + phone[3:]
    return phone


def _seg(value: str) -> str:
    """A path segment: ids are digits; anything else is percent-encoded so it cannot change the path."""
    return quote(str(value).strip(), safe="")


def _require_success(payload: Mapping[str, Any]) -> None:
    if str(payload.get("success")) != "1":  # "0" is a non-empty, truthy string: compare as text
        raise ProtocolError("Alohub answered without success=\"1\"")


def _data_list(payload: Mapping[str, Any]) -> list[Any]:
    _require_success(payload)
    data = payload.get("data")
    if not isinstance(data, list):
        raise ProtocolError("Alohub sent an answer without a data list")
    return data


def _campaign(item: Any) -> Campaign:
    entry = require_dict(item, NAME, "campaign")
    campaign_id = entry.get("campaignId", entry.get("id"))
    if campaign_id is None:
        raise ProtocolError("Alohub sent a campaign without an id")
    name = text(entry.get("campaignName", entry.get("name"))) or str(campaign_id)
    code = optional_int(entry, "status")
    status = CAMPAIGN_STATUS.get(code, str(code)) if code is not None else text(entry.get("status")) or None
    count = next((optional_int(entry, k) for k in ("contactCount", "totalContact") if k in entry), None)
    extra = {k: v for k, v in entry.items() if k not in ("campaignId", "campaignName", "status")}
    return Campaign(id=str(campaign_id), name=name, status=status,
                    contact_count=count, extra=extra)


def _contact(item: Any) -> Contact:
    entry = require_dict(item, NAME, "contact")
    contact_id = require_int(entry, "contactId", NAME)
    process = optional_int(entry, "processStatus")
    status = None if process is None else PROCESS_STATUS.get(process, str(process))
    return Contact(phone=text(entry.get("phoneNumber")), name=text(entry.get("name")), id=str(contact_id),
                   status=status,
                   deletable=process == 0,
                   extra={"customerId": entry.get("customerId"), "callStatus": entry.get("callStatus"),
                          "processStatus": process})

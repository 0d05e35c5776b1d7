"""Dynamic Messaging (UK) client: browse campaigns and contacts, create/update/delete campaigns."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any
from urllib.parse import quote

import httpx

from campaign_gui.domain.errors import (
    AuthError,
    NotFound,
    ProtocolError,
    ProviderError,
    Rejected,
)
from campaign_gui.domain.models import (
    Account,
    BatchResult,
    Campaign,
    Contact,
    Page,
    ProviderId,
    RowOutcome,
    RowResult,
    UploadRow,
)
from campaign_gui.domain.redaction import register_secret
from campaign_gui.providers import sieve
from campaign_gui.providers.base import (
    Capabilities,
    ContactScope,
    PagingStyle,
    ProviderInfo,
    RetryClass,
    TargetSpec,
    UploadField,
)
from campaign_gui.providers.common import ClientBase
from campaign_gui.providers.dynmsg_parse import (
    campaign_from,
    datetime_of,
    national_uk,
    parse_start,
    phone_key,
    search_value,
    validation_error,
)
from campaign_gui.providers.http import HttpClient

logger = logging.getLogger(__name__)

NAME = "Dynamic Messaging"
_FIND_PAGE_SIZE = 100
_FIND_MAX_PAGES = 20
_FIND_WINDOW = timedelta(days=1)
_RECONCILE_PAGE_SIZE = 500
_UPDATABLE = {"sender": "sender", "message": "message", "start": "startDateTime",
              "startDateTime": "startDateTime", "optOutLinkId": "optOutLinkId", "trackLinkUrl": "trackLinkUrl"}

INFO = ProviderInfo(
    id=ProviderId.DYNMSG,
    display_name="Dynamic Messaging",
    secret_label="API key",
    default_base_url="https://api.sms.dynamicmessaging.co.uk",
    default_region="GB",
    accepted_country_codes=(44,),  # Dynamic Messaging: UK numbers (countryCode "UK")
    sends_sms=True,
    batch_limit=100_000,
    pacing_seconds=0.0,
    retry_class=RetryClass.NEVER,
    paging=PagingStyle.ONE_BASED,
    capabilities=Capabilities(
        test_connection=True,
        list_campaigns=True,
        get_campaign=True,
        list_contacts=True,
        search_contacts=True,
        sort_contacts=True,
        create_campaign=True,
        update_campaign=True,
        delete_campaign=True,
        read_back=True,
    ),
    targets=(
        TargetSpec("campaign", "Campaign (only 'new')", required=True),
        TargetSpec("sender", "Sender", required=True),
        TargetSpec("message", "Message", required=True),
        TargetSpec("start", "Start (ISO 8601)", required=True),
        TargetSpec("ignore_invalid", "Ignore invalid numbers (true/false)"),
    ),
    upload_fields=(UploadField("name", "Name"), UploadField("custom1", "Custom 1"),
                   UploadField("custom2", "Custom 2")),
    max_page_size=500,
    notes={
        "upload_batch": "Dynamic Messaging cannot add contacts to an existing campaign: an import creates a new one",
        "add_contact": "Dynamic Messaging cannot add contacts to an existing campaign",
        "delete_contact": "Dynamic Messaging cannot remove a contact from a campaign",
        "list_contact_lists": "Dynamic Messaging has no contact lists: contacts belong to a campaign",
        "create_contact_list": "Dynamic Messaging has no contact lists: contacts belong to a campaign",
        "poll_job": "Dynamic Messaging creates a campaign in one request",
        "create_campaign": "Never retried automatically: a lost answer is checked by listing campaigns",
    },
)


def _error_mapper(response: httpx.Response, payload: Any) -> ProviderError | None:
    status = response.status_code
    if status == 401:
        return AuthError(f"{NAME} did not accept the key: re-enter it", status=401)
    if status == 404:
        return NotFound(f"{NAME}: the campaign was not found", status=404)
    if status == 400 and payload is not None:
        return validation_error(payload, ())
    return None


def _campaign_path(campaign_id: str) -> str:
    """``api/Campaigns/<id>`` with the id as one escaped path segment (never ``.``/``..``)."""
    cleaned = campaign_id.strip()
    if cleaned in ("", ".", ".."):
        raise NotFound(f"{NAME}: the campaign was not found")
    return f"api/Campaigns/{quote(cleaned, safe='')}"


def _filterable(value: str) -> bool:
    """Whether an exact ``==`` Sieve filter on ``value`` is reliable (Sieve trims values and splits at
    operators; long values make long URLs): when it is not, the match is left to the client alone."""
    return (sieve.is_safe_value(value) and value == value.strip() and len(value) <= 160
            and not any(c in value for c in "\r\n\t"))


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _truthy(value: Any) -> bool:
    return str(value).strip().lower() in ("1", "true", "yes", "y", "on") if value is not None else False


class Client(ClientBase):
    """One Dynamic Messaging account over one long-lived HTTP client (Bearer key)."""

    info = INFO

    def __init__(self, account: Account, secret: str, *, transport: httpx.AsyncBaseTransport | None = None,
                 deadline: float = 45.0) -> None:
        register_secret(secret)
        self.account = account
        self._http = HttpClient(
            account.base_url or INFO.default_base_url,
            headers={"Authorization": f"Bearer {secret}", "Accept": "application/json"},
            deadline=deadline,
            transport=transport,
            error_mapper=_error_mapper,
            provider_name=NAME,
        )

    async def _page(self, path: str, params: Mapping[str, Any]) -> tuple[list[dict[str, Any]], int | None]:
        payload = await self._http.request_json("GET", path, params=dict(params))
        items = payload.get("items") if isinstance(payload, dict) else None
        if not isinstance(items, list):
            raise ProtocolError(f"{NAME} sent a page without items")
        return [i for i in items if isinstance(i, dict)], _int_or_none(payload.get("totalRecords"))

    async def test_connection(self) -> str:
        _, total = await self._page("api/Campaigns", {"page": 1, "pageSize": 1})
        if total is None:
            raise ProtocolError(f"{NAME} sent a campaign list without a total")
        return f"{total} campaign" + ("" if total == 1 else "s")

    async def list_campaigns(self, page: int, size: int) -> Page:
        items, total = await self._page("api/Campaigns", {"page": page + 1, "pageSize": size,
                                                          "sorts": "-startDateTime"})
        return Page(items=[campaign_from(i) for i in items], number=page, size=size, total=total)

    async def get_campaign(self, campaign_id: str) -> Campaign:
        payload = await self._http.request_json("GET", _campaign_path(campaign_id))
        if not isinstance(payload, dict) or payload.get("id") is None:
            raise ProtocolError(f"{NAME} sent a campaign without an id")
        return campaign_from(payload)

    async def list_contacts(self, scope: ContactScope, page: int, size: int) -> Page:
        if not scope.campaign_id:
            raise Rejected(f"{NAME}: choose a campaign to see its contacts")
        params: dict[str, Any] = {"page": page + 1, "pageSize": size}
        if scope.search and scope.search.strip():
            value = search_value(scope.search)
            if not sieve.is_safe_value(value):
                raise Rejected("The search text cannot contain '=', '<' or '>'")
            params["filters"] = sieve.term(["phoneNumber", "name"], "@=*", value)
        if scope.sort:
            try:
                params["sorts"] = sieve.sorts(scope.sort)
            except ValueError:
                raise Rejected(f"{NAME} cannot sort by that column") from None
        path = _campaign_path(scope.campaign_id) + "/Contacts"
        items, total = await self._page(path, params)
        contacts = [Contact(phone=str(i.get("phoneNumber") or ""), name=str(i.get("name") or ""),
                            id=str(i["id"]) if i.get("id") is not None else None, deletable=False,
                            extra={k: i[k] for k in ("custom1", "custom2") if i.get(k)}) for i in items]
        return Page(items=contacts, number=page, size=size, total=total)

    # -- create / verify / update / delete --------------------------------------------------------

    @staticmethod
    def _campaign_fields(target: Mapping[str, Any]) -> dict[str, Any]:
        if str(target.get("campaign", "new")).strip().lower() != "new":
            raise Rejected(f"{NAME} cannot add contacts to an existing campaign: use campaign=new")
        sender = str(target.get("sender") or "").strip()
        message = str(target.get("message") or "")
        if not sender or not message.strip():
            raise Rejected(f"{NAME} needs a sender and a message for a new campaign")
        return {"startDateTime": parse_start(str(target.get("start") or "")), "sender": sender, "message": message}

    async def create_campaign(self, target: Mapping[str, str], rows: Sequence[UploadRow]) -> tuple[str, BatchResult]:
        """Create one campaign with every row. Never retried here or by the engine (not idempotent)."""
        if not rows:
            raise Rejected(f"{NAME}: a new campaign needs at least one contact")
        if len(rows) > INFO.batch_limit:
            raise ValueError(f"{NAME} accepts at most {INFO.batch_limit} contacts per campaign, got {len(rows)}")
        body = self._campaign_fields(target)
        body["contacts"] = [self._contact_body(r) for r in rows]
        ignore = _truthy(target.get("ignore_invalid"))
        response = await self._http.send("POST", f"api/campaigns/{'true' if ignore else 'false'}", json_body=body)
        if response.status_code == 400:
            try:
                payload = response.json()
            except ValueError:
                payload = None
            if payload is not None:
                raise validation_error(payload, rows)
        payload = self._http.decode(response)
        campaign_id = payload.get("id") if isinstance(payload, dict) else payload
        if not isinstance(campaign_id, (str, int)) or isinstance(campaign_id, bool) or str(campaign_id) == "":
            raise ProtocolError(f"{NAME} answered without the new campaign's id: it may have been created")
        campaign_id = str(campaign_id)
        logger.info("%s created campaign %s with %d contacts", NAME, campaign_id, len(rows))
        if not ignore:
            return campaign_id, BatchResult(rows=[RowResult(r.index, RowOutcome.ADDED) for r in rows],
                                            raw_summary={"campaign_id": campaign_id})
        return campaign_id, await self._reconcile(campaign_id, rows)

    @staticmethod
    def _contact_body(row: UploadRow) -> dict[str, str]:
        body = {"phoneNumber": national_uk(row.phone), "name": row.name or row.extra.get("name", "")}
        for key in ("custom1", "custom2"):
            if row.extra.get(key):
                body[key] = row.extra[key]
        return body

    async def _reconcile(self, campaign_id: str, rows: Sequence[UploadRow]) -> BatchResult:
        """With ``ignore_invalid`` DM silently drops bad numbers: find out which rows made it."""
        summary: dict[str, Any] = {"campaign_id": campaign_id}
        try:
            campaign = await self.get_campaign(campaign_id)
            summary["recipient_count"] = campaign.contact_count
            if campaign.contact_count == len(rows):
                return BatchResult(rows=[RowResult(r.index, RowOutcome.ADDED) for r in rows], raw_summary=summary)
            present: set[str] = set()
            page = 0
            while True:
                found = await self.list_contacts(ContactScope(campaign_id=campaign_id), page, _RECONCILE_PAGE_SIZE)
                present.update(phone_key(c.phone) for c in found.items)
                page += 1
                if len(found.items) < _RECONCILE_PAGE_SIZE or (found.total is not None and
                                                               page * _RECONCILE_PAGE_SIZE >= found.total):
                    break
        except ProviderError as exc:
            logger.warning("%s: could not check campaign %s after creating it: %s", NAME, campaign_id, exc)
            return BatchResult(rows=[], complete=False, raw_summary=summary)
        results = [RowResult(r.index, RowOutcome.ADDED) if phone_key(r.phone) in present else
                   RowResult(r.index, RowOutcome.REJECTED, "ignored by Dynamic Messaging as an invalid number")
                   for r in rows]
        return BatchResult(rows=results, raw_summary=summary)

    async def find_campaign(self, target: Mapping[str, str]) -> str | None:
        """The id of a campaign with this sender, message and start (a create whose answer was lost)."""
        wanted = self._campaign_fields(target)
        start = datetime_of(wanted["startDateTime"])
        params: dict[str, Any] = {"pageSize": _FIND_PAGE_SIZE, "sorts": "-startDateTime"}
        # Server-side filters only narrow the search; the match itself is decided here.
        terms = [sieve.term(name, "==", wanted[name]) for name in ("sender", "message")
                 if _filterable(wanted[name])]
        if start is not None:
            terms += [sieve.term("startDateTime", ">=", (start - _FIND_WINDOW).isoformat() + "Z"),
                      sieve.term("startDateTime", "<=", (start + _FIND_WINDOW).isoformat() + "Z")]
        params["filters"] = sieve.filters(*terms)
        for page in range(1, _FIND_MAX_PAGES + 1):
            items, total = await self._page("api/Campaigns", {**params, "page": page})
            for item in items:
                if (str(item.get("sender") or "") == wanted["sender"] and item.get("message") == wanted["message"]
                        and start is not None and datetime_of(str(item.get("startDateTime") or "")) == start):
                    return str(item.get("id"))
            if len(items) < _FIND_PAGE_SIZE or (total is not None and page * _FIND_PAGE_SIZE >= total):
                return None
        raise Rejected(f"Too many similar {NAME} campaigns to check automatically: look for it in the list")

    async def read_back_scope(self, target: Mapping[str, Any], *, batch_key: str,
                              result: Mapping[str, object]) -> ContactScope | None:
        """The campaign the create made (its id from the answer, else found by sender, message and start);
        None when no such campaign exists (the create did not happen)."""
        campaign_id = str(result.get("campaign_id") or "").strip() or await self.find_campaign(target)
        return ContactScope(campaign_id=campaign_id) if campaign_id else None

    async def update_campaign(self, campaign_id: str, fields: Mapping[str, Any]) -> None:
        """Change sender/message/start/opt-out/track link (PUT takes the whole object, so read first)."""
        unknown = [k for k in fields if k not in _UPDATABLE]
        if unknown:
            raise Rejected(f"{NAME} cannot change {', '.join(sorted(unknown))}")
        current = await self.get_campaign(campaign_id)
        body = {key: current.extra.get(key) for key in ("startDateTime", "sender", "message", "optOutLinkId",
                                                        "trackLinkUrl")}
        for key, value in fields.items():
            body[_UPDATABLE[key]] = parse_start(str(value)) if _UPDATABLE[key] == "startDateTime" else value
        await self._http.request_json("PUT", _campaign_path(campaign_id), json_body=body,
                                      allow_empty=True)

    async def delete_campaign(self, campaign_id: str) -> None:
        await self._http.request_json("DELETE", _campaign_path(campaign_id), allow_empty=True)

"""Cellcast (Australia) client: bulk add contacts with lists and tags, browse contacts."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from campaign_gui.domain.errors import AuthError, ProtocolError, ProviderError, Rejected, Unsupported
from campaign_gui.domain.models import (
    Account,
    BatchResult,
    Contact,
    Page,
    ProviderId,
    RowOutcome,
    RowResult,
    UploadRow,
)
from campaign_gui.domain.redaction import redact, register_secret
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
from campaign_gui.providers.http import HttpClient

logger = logging.getLogger(__name__)

NAME = "Cellcast"
CONTACT_FIELDS = ("first_name", "last_name", "email", "birthday", "address", "postal_code", "gender", "purchase")

INFO = ProviderInfo(
    id=ProviderId.CELLCAST,
    display_name="Cellcast",
    secret_label="API key",
    default_base_url="https://api.cellcast.com",
    default_region="AU",
    accepted_country_codes=(61,),  # Cellcast sends to Australian numbers only (countryCode 61)
    sends_sms=True,
    batch_limit=1000,
    pacing_seconds=0.0,
    retry_class=RetryClass.VERIFY,
    paging=PagingStyle.ONE_BASED,
    capabilities=Capabilities(
        test_connection=True,
        list_contacts=True,
        search_contacts=True,
        add_contact=True,
        upload_batch=True,
        read_back=True,
    ),
    targets=(
        TargetSpec("list", "Lists (by name)", multiple=True),
        TargetSpec("tag", "Tags (by name)", multiple=True),
    ),
    upload_fields=tuple(UploadField(key, key.replace("_", " ").capitalize()) for key in CONTACT_FIELDS),
    max_page_size=1000,
    notes={
        "list_campaigns": "Cellcast has no campaigns for contacts; contacts live in lists and tags",
        "get_campaign": "Cellcast has no campaigns for contacts; contacts live in lists and tags",
        "list_contact_lists": "Cellcast has no list endpoint; lists are added by name",
        "create_contact_list": "Cellcast creates a list when an upload names it",
        "search_contacts": "Cellcast filters contacts by list or tag only (no free-text search)",
        "sort_contacts": "Cellcast cannot sort contacts",
        "delete_contact": "Cellcast's API has no way to delete a contact",
        "poll_job": "Cellcast uploads are synchronous",
        "create_campaign": "Cellcast has no campaigns for contacts",
        "find_campaign": "Cellcast has no campaigns for contacts",
        "update_campaign": "Cellcast has no campaigns for contacts",
        "delete_campaign": "Cellcast has no campaigns for contacts",
        "upload_batch": "Added means accepted: Cellcast may update a contact that already exists",
    },
)

_ERROR_RE = re.compile(r"contacts?\s*\[\s*(\d+)\s*\]\s*(?:error)?\s*:?\s*(.*)", re.IGNORECASE | re.DOTALL)
_OBJECT_ID = re.compile(r"^[0-9a-fA-F]{24}$")


def parse_row_error(text: str) -> tuple[int, str] | None:
    """``"contact[3] error : phone_number is not valid"`` → ``(3, "phone_number is not valid")``."""
    match = _ERROR_RE.search(text)
    if match is None:
        return None
    reason = match.group(2).strip() or "rejected by Cellcast"
    return int(match.group(1)), redact(reason)[:200]


def _error_text(text: str) -> str:
    """The part after ``error :`` of a Cellcast error string (the whole text when there is none)."""
    parsed = parse_row_error(text)
    if parsed is not None:
        return parsed[1]
    head, sep, tail = text.partition(":")
    return redact((tail if sep and "error" in head.lower() else text).strip())[:200]


def target_values(target: Mapping[str, Any], key: str) -> list[str]:
    """A target value as a list of names: a str is one name (commas are NOT split), a list is many."""
    value = target.get(key)
    if value is None:
        return []
    items = [value] if isinstance(value, str) else list(value)
    return [str(v).strip() for v in items if str(v).strip()]


def contact_body(row: UploadRow) -> dict[str, str]:
    """One contact object. Without an explicit first/last split the whole name goes to ``first_name``."""
    body: dict[str, str] = {"phone_number": row.phone}
    extra = row.extra
    if not extra:  # the usual row (phone, perhaps a name and an email): a million per import
        if row.name:
            body["first_name"] = row.name
        if row.email:
            body["email"] = row.email
        return body
    if extra.get("first_name") or extra.get("last_name"):
        body["first_name"] = extra.get("first_name", "")
        body["last_name"] = extra.get("last_name", "")
    elif row.name:
        body["first_name"] = row.name
    if row.email:
        body["email"] = row.email
    for key in CONTACT_FIELDS:
        if key not in ("first_name", "last_name") and extra.get(key) and key not in body:
            body[key] = extra[key]
    return body


def _error_mapper(response: httpx.Response, payload: Any) -> ProviderError | None:
    if response.status_code == 401:
        return AuthError(f"{NAME} did not accept the key (it may have expired): re-enter it", status=401)
    return None


def _errors_of(payload: Any) -> list[str]:
    data = payload.get("data") if isinstance(payload, dict) else None
    errors = data.get("errors") if isinstance(data, dict) else None
    if not isinstance(errors, list):
        return []
    return [str(e) for e in errors]


def _int_or_none(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


class Client(ClientBase):
    """One Cellcast account over one long-lived HTTP client (Bearer key on every request)."""

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

    async def test_connection(self) -> str:
        payload = await self._http.request_json("GET", "api/v1/apiClient/account")
        data = payload.get("data") if isinstance(payload, dict) else None
        balance = None
        if isinstance(data, dict):
            balance = data.get("sms_balance", data.get("balance"))
        if isinstance(balance, bool) or not isinstance(balance, (int, float, str)) or str(balance) == "":
            raise ProtocolError(f"{NAME} sent an account answer without a balance")
        shown = f"{balance:.2f}" if isinstance(balance, (int, float)) else str(balance)
        return f"Balance: {shown} SMS credits"

    # -- contacts ---------------------------------------------------------------------------------

    async def list_contacts(self, scope: ContactScope, page: int, size: int) -> Page:
        if scope.search:
            raise self._unsupported("search_contacts")
        if scope.sort:
            raise self._unsupported("sort_contacts")
        params: dict[str, str | int] = {"page": page + 1, "limit": size}
        for value, id_key, name_key in ((scope.list_id, "list", "listName"), (scope.list_name, "", "listName"),
                                        (scope.tag, "tag", "tagName")):
            if value:
                params[id_key if id_key and _OBJECT_ID.match(value) else name_key] = value
        payload = await self._http.request_json("GET", "api/v2/contact", params=params)
        data = payload.get("data") if isinstance(payload, dict) else None
        items = data.get("items") if isinstance(data, dict) else None
        if not isinstance(data, dict) or not isinstance(items, list):
            raise ProtocolError(f"{NAME} sent a contact page without items")
        contacts = [self._contact(item) for item in items if isinstance(item, dict)]
        total = _int_or_none(data.get("total"))
        if total is None and "next" in data and not data.get("next"):
            total = page * size + len(contacts)  # the last page: the total is exact
        return Page(items=contacts, number=page, size=size, total=total)

    async def read_back_scope(self, target: Mapping[str, Any], *, batch_key: str,
                              result: Mapping[str, object]) -> ContactScope | None:
        """The first list the upload named (its contacts, v2), else its first tag."""
        lists = target_values(target, "list")
        if lists:
            return ContactScope(list_name=lists[0])
        tags = target_values(target, "tag") or target_values(target, "tags")
        if tags:
            return ContactScope(tag=tags[0])
        raise Unsupported(f"{NAME} can only be read back by list or tag, and this import named neither",
                          code="read_back")

    @staticmethod
    def _contact(item: Mapping[str, Any]) -> Contact:
        first = str(item.get("First Name") or "").strip()
        last = str(item.get("Last Name") or "").strip()
        tags = [str(t.get("Name", "")) for t in item.get("Tags") or [] if isinstance(t, dict)]
        lists = [str(x.get("Name", "")) for x in item.get("Lists") or [] if isinstance(x, dict)]
        return Contact(
            phone=str(item.get("Number") or ""),
            name=" ".join(p for p in (first, last) if p),
            id=str(item["ID"]) if item.get("ID") is not None else None,
            email=str(item.get("Email") or ""),
            status="unsubscribed" if item.get("Unsubscribe") else None,
            deletable=False,
            extra={"tags": tags, "lists": lists},
        )

    async def add_contact(self, target: Mapping[str, str | Sequence[str]], row: UploadRow) -> None:
        body: dict[str, Any] = dict(contact_body(row))
        body.update(self._target_body(target))
        response = await self._http.send("POST", "api/v1/contact/single", json_body=body)
        payload = _json_or_none(response) if response.status_code == 400 else None
        if not (isinstance(payload, dict) and payload.get("message") == "fail"):
            payload = self._http.decode(response)
        message = payload.get("message") if isinstance(payload, dict) else None
        if message == "success":
            return
        if message in ("fail", "partial_success"):
            errors = _errors_of(payload)
            reason = _error_text(errors[0]) if errors else ""
            raise Rejected(f"{NAME} rejected the contact" + (f": {reason}" if reason else ""),
                           status=response.status_code)
        raise ProtocolError(f"{NAME} sent an answer without a result")

    @staticmethod
    def _target_body(target: Mapping[str, Any]) -> dict[str, list[str]]:
        body: dict[str, list[str]] = {}
        lists = target_values(target, "list")
        tags = target_values(target, "tag") or target_values(target, "tags")
        if lists:
            body["list"] = lists
        if tags:
            body["tags"] = tags
        return body

    async def upload_batch(self, target: Mapping[str, str | Sequence[str]], rows: Sequence[UploadRow],
                           *, batch_key: str) -> BatchResult:
        """POST one bulk batch; ``list``/``tag`` targets are a name or a list of names (commas kept).

        Never resent on an unknown outcome (RetryClass.VERIFY): the engine flags the rows instead.
        """
        if len(rows) > INFO.batch_limit:
            raise ValueError(f"{NAME} accepts at most {INFO.batch_limit} contacts per request, got {len(rows)}")
        body: dict[str, Any] = {"contacts": [contact_body(r) for r in rows]}
        body.update(self._target_body(target))
        response = await self._http.send("POST", "api/v1/contact/bulk", json_body=body)
        if response.status_code == 400:
            payload = _json_or_none(response)
            if isinstance(payload, dict) and payload.get("message") == "fail":
                return self._failed_batch(rows, payload)
        payload = self._http.decode(response)
        if not isinstance(payload, dict) or not isinstance(payload.get("data"), dict):
            raise ProtocolError(f"{NAME} sent an upload answer without a result")
        message = payload.get("message")
        if message == "success":
            return self._success_batch(rows, payload["data"])
        if message == "partial_success":
            return self._partial_batch(rows, payload["data"])
        if message == "fail":
            return self._failed_batch(rows, payload)
        raise ProtocolError(f"{NAME} sent an upload answer without a known result")

    @staticmethod
    def _summary(data: Mapping[str, Any], unparsed: list[str]) -> dict[str, Any]:
        summary: dict[str, Any] = {
            "success_data": _int_or_none(data.get("success_data")),
            "failed_data": _int_or_none(data.get("failed_data")),
        }
        if unparsed:
            summary["unparsed_errors"] = [redact(e)[:200] for e in unparsed[:20]]
        return summary

    def _success_batch(self, rows: Sequence[UploadRow], data: Mapping[str, Any]) -> BatchResult:
        summary = self._summary(data, [])
        succeeded = summary["success_data"]
        if succeeded is not None and succeeded != len(rows):
            logger.warning("%s said success for %s of %s contacts", NAME, succeeded, len(rows))
            return BatchResult(rows=[], complete=False, raw_summary=summary)
        return BatchResult(rows=[RowResult(r.index, RowOutcome.ADDED) for r in rows], raw_summary=summary)

    def _attribute(self, rows: Sequence[UploadRow], errors: list[str]) -> tuple[dict[int, str], list[str]]:
        """Row position → reason for every parsable error naming a row of this batch; the rest unparsed."""
        by_position: dict[int, str] = {}
        unparsed: list[str] = []
        for text in errors:
            parsed = parse_row_error(text)
            if parsed is None or not 0 <= parsed[0] < len(rows):
                unparsed.append(text)
                continue
            by_position.setdefault(parsed[0], parsed[1])
        return by_position, unparsed

    def _partial_batch(self, rows: Sequence[UploadRow], data: Mapping[str, Any]) -> BatchResult:
        by_position, unparsed = self._attribute(rows, _errors_of({"data": data}))
        summary = self._summary(data, unparsed)
        failed, succeeded = summary["failed_data"], summary["success_data"]
        # Complete only when the counts say every failure is one of the attributed rows.
        counted = failed is not None or succeeded is not None
        complete = ((failed is None or failed == len(by_position))
                    and (succeeded is None or succeeded == len(rows) - len(by_position))
                    and (counted or not unparsed))
        results = [RowResult(rows[i].index, RowOutcome.REJECTED, reason) for i, reason in sorted(by_position.items())]
        if complete:
            results += [RowResult(r.index, RowOutcome.ADDED) for i, r in enumerate(rows) if i not in by_position]
        else:
            logger.warning("%s partial success not fully attributable (%s errors unparsed)", NAME, len(unparsed))
        return BatchResult(rows=results, complete=complete, raw_summary=summary)

    def _failed_batch(self, rows: Sequence[UploadRow], payload: Mapping[str, Any]) -> BatchResult:
        by_position, unparsed = self._attribute(rows, _errors_of(payload))
        if not by_position:
            detail = "; ".join(redact(e)[:100] for e in unparsed[:3])
            raise Rejected(f"{NAME} rejected the whole batch" + (f": {detail}" if detail else ""), status=400)
        data = payload.get("data")
        summary = self._summary(data if isinstance(data, dict) else {}, unparsed)
        results = [RowResult(r.index, RowOutcome.REJECTED, by_position.get(i, "rejected with its batch"))
                   for i, r in enumerate(rows)]
        return BatchResult(rows=results, raw_summary=summary)


def _json_or_none(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None

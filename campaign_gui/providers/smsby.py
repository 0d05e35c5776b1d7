"""SMS.by client: mailing lists and importContacts (token in the form body, never in the URL)."""

from __future__ import annotations

import functools
import itertools
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

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
    ContactList,
    ProviderId,
    RowOutcome,
    RowResult,
    UploadRow,
)
from campaign_gui.domain.redaction import redact, register_secret
from campaign_gui.providers.base import (
    Capabilities,
    PagingStyle,
    ProviderInfo,
    RetryClass,
    TargetSpec,
    UploadField,
)
from campaign_gui.providers.common import (
    ClientBase,
    check_batch,
    international_digits,
    optional_int,
    require_dict,
    require_int,
    require_target,
    text,
)
from campaign_gui.providers.http import HttpClient, error_field, snippet

logger = logging.getLogger(__name__)

NAME = "SMS.by"
MAX_FIELDS = 30
IMPORT_PATH = "api/v2/importContacts"
# [assume] The documents name "Getting mailing lists" but not its path: getSubscriberLists, POST, token in the
# body, answering {"status":"OK","result":[{"list_id"|"id", "name", ...}]} (object or list accepted).
LISTS_PATH = "api/v2/getSubscriberLists"
CREATE_LIST_PATH = "api/v2/createSubscriberList"

INFO = ProviderInfo(
    id=ProviderId.SMSBY,
    display_name=NAME,
    secret_label="API token",
    default_base_url="https://app.sms.by",
    default_region="BY",
    accepted_country_codes=(375,),  # SMS.by documents Belarusian numbers only (375XXXXXXXXX)
    sends_sms=True,
    batch_limit=500,
    pacing_seconds=0.0,
    retry_class=RetryClass.RESEND,
    paging=PagingStyle.NONE,
    capabilities=Capabilities(test_connection=True, list_contact_lists=True, create_contact_list=True,
                              add_contact=True, upload_batch=True),
    targets=(TargetSpec("list", "Mailing list id", required=True),),
    upload_fields=(UploadField("name", "Name"), UploadField("email", "Email")),
    notes={
        "list_campaigns": "SMS.by imports contacts into mailing lists; there are no campaigns to browse",
        "get_campaign": "SMS.by imports contacts into mailing lists; there are no campaigns to browse",
        "list_contacts": "SMS.by has no documented endpoint to read the contacts of a mailing list",
        "search_contacts": "SMS.by has no documented endpoint to read the contacts of a mailing list",
        "sort_contacts": "SMS.by has no documented endpoint to read the contacts of a mailing list",
        "delete_contact": "SMS.by has no documented endpoint to remove a contact from a mailing list",
        "poll_job": "SMS.by answers each import at once; there are no jobs to poll",
        "create_campaign": "Mailings are created in the SMS.by portal",
        "update_campaign": "SMS.by imports contacts into mailing lists; there are no campaigns to browse",
        "delete_campaign": "SMS.by imports contacts into mailing lists; there are no campaigns to browse",
        "find_campaign": "Mailings are created in the SMS.by portal",
        "read_back": "SMS.by cannot list a mailing list's contacts, so it cannot be checked from here: "
                     "look in the SMS.by portal",
    },
)


def _map_error(response: httpx.Response, payload: Any) -> ProviderError | None:
    status = response.status_code
    if status in (401, 403):  # 403 "Access Denied" is SMS.by's answer to a bad token
        return AuthError("SMS.by did not accept the token", status=status, detail=snippet(response.content))
    if status in (413, 414, 429) or status >= 500:
        return None  # the generic mapping (RequestTooLarge, RateLimited with Retry-After, ServerError)
    message = error_field(payload, "error")
    if message is None:
        return None
    if "not found" in message.lower():
        return NotFound(f"SMS.by: {message}", status=status, code="error")
    return Rejected(f"SMS.by refused the request: {message}", status=status, code="error")


class Client(ClientBase):
    """One SMS.by account (API token) over one long-lived HTTP client."""

    info = INFO

    def __init__(self, account: Account, secret: str, *, transport: httpx.AsyncBaseTransport | None = None,
                 deadline: float = 45.0, clock: Callable[[], float] = time.time) -> None:
        self.account = account
        register_secret(secret)
        self._token = secret
        self._clock = clock
        self._http = HttpClient(account.base_url or INFO.default_base_url, deadline=deadline, transport=transport,
                                headers={"Accept": "application/json"}, error_mapper=_map_error,
                                provider_name=NAME)

    async def _call(self, path: str, form: Sequence[tuple[str, str]]) -> dict[str, Any]:
        """POST a form with the token in the body; ``{"error": …}`` answers were mapped by ``_map_error``."""
        body = {"token": self._token, **dict(form)}  # keys are unique: token, list_id, field_names[i], data[r][c]
        payload = require_dict(await self._http.request_json("POST", path, data=body), NAME)
        status = payload.get("status", "OK")
        if status != "OK" or "result" not in payload:
            raise ProtocolError("SMS.by sent an answer without a result", detail=snippet(str(payload).encode()))
        return payload

    async def test_connection(self) -> str:
        lists = await self.list_contact_lists(None)
        return f"{len(lists)} mailing list{'s' if len(lists) != 1 else ''}"

    async def list_contact_lists(self, campaign_id: str | None) -> Sequence[ContactList]:
        payload = await self._call(LISTS_PATH, [])
        result = payload.get("result")
        if isinstance(result, dict):  # {"lists": [...]}, or {id: {...}} keyed by list id
            inner = result.get("lists")
            result = inner if isinstance(inner, list) else list(result.values())
        if not isinstance(result, list):
            raise ProtocolError("SMS.by sent mailing lists in an unexpected shape")
        lists: list[ContactList] = []
        for item in result:
            entry = require_dict(item, NAME, "mailing list")
            list_id = entry.get("list_id", entry.get("id"))
            if list_id is None:
                raise ProtocolError("SMS.by sent a mailing list without an id")
            count = next((optional_int(entry, k) for k in ("contacts_count", "count", "total") if k in entry), None)
            lists.append(ContactList(id=str(list_id), name=text(entry.get("name")), contact_count=count))
        return lists

    async def create_contact_list(self, name: str) -> ContactList:
        payload = await self._call(CREATE_LIST_PATH, [("name", name)])
        result = require_dict(payload.get("result"), NAME)
        return ContactList(id=str(require_int(result, "list_id", NAME)), name=name, contact_count=0)

    async def add_contact(self, target: Mapping[str, str], row: UploadRow) -> None:
        """importContacts with one row (an upsert, so safe to repeat)."""
        result = await self.upload_batch(target, [row], batch_key=f"single-{row.index}")
        for item in result.rows:
            if item.outcome is RowOutcome.REJECTED:
                raise Rejected(f"SMS.by rejected {row.phone}: {item.reason}")
        if not result.complete:
            raise ProtocolError("SMS.by did not account for the contact")

    async def upload_batch(self, target: Mapping[str, str], rows: Sequence[UploadRow],
                           *, batch_key: str) -> BatchResult:
        """importContacts: phones as international digits (``375…``), other fields as columns."""
        list_id = require_target(target, "list", NAME)
        check_batch(rows, INFO.batch_limit, NAME)
        if not rows:
            return BatchResult(rows=[])
        columns = field_columns(rows)
        form: list[tuple[str, str]] = [("list_id", list_id)]
        form += [(f"field_names[{c}]", name) for c, name in enumerate(columns)]
        cells = [_column(rows, name) for name in columns]  # column by column: a batch is 500 rows
        by_row = itertools.chain.from_iterable(zip(*cells, strict=True))
        form += zip(_data_keys(len(rows), len(columns)), by_row, strict=True)
        payload = await self._call(IMPORT_PATH, form)
        return map_import(rows, payload.get("result"))


def field_columns(rows: Sequence[UploadRow]) -> list[str]:
    """``phone`` first, then name/email/extra keys that any row fills; at most 30 in all."""
    columns = ["phone"]
    if any(r.name for r in rows):
        columns.append("name")
    if any(r.email for r in rows):
        columns.append("email")
    for row in rows:
        for key, value in row.extra.items():
            if value and key not in columns:
                columns.append(key)
    if len(columns) > MAX_FIELDS:
        raise ValueError(f"SMS.by accepts at most {MAX_FIELDS} fields per contact, got {len(columns)}")
    return columns


def _column(rows: Sequence[UploadRow], column: str) -> list[str]:
    if column == "phone":
        return [international_digits(r.phone) for r in rows]
    if column == "name":
        return [r.name for r in rows]
    if column == "email":
        return [r.email for r in rows]
    return [r.extra.get(column, "") for r in rows]


@functools.lru_cache(maxsize=64)
def _data_keys(n_rows: int, n_cols: int) -> tuple[str, ...]:
    """``data[r][c]`` for every cell of a batch, row by row (the same few shapes come back every batch)."""
    return tuple(f"data[{r}][{c}]" for r in range(n_rows) for c in range(n_cols))


def map_import(rows: Sequence[UploadRow], result: Any) -> BatchResult:
    """Map ``inserted/updated/invalid`` and ``log[index]`` back to the rows of the batch.

    Rows named in ``log`` are rejected with the server's message. SMS.by does not say which of the
    others were inserted and which updated: if ``updated`` is 0 they are all ADDED, if ``inserted`` is 0
    all UPDATED; in a mix they are reported ADDED and the true counts stay in ``raw_summary``.
    A short count (``inserted + updated + invalid`` ≠ rows) returns only the logged rows, incomplete.
    """
    body = require_dict(result, NAME, "import result")
    inserted = require_int(body, "inserted", NAME)
    updated = require_int(body, "updated", NAME)
    invalid = require_int(body, "invalid", NAME)
    log = body.get("log") or []
    if not isinstance(log, list):
        raise ProtocolError("SMS.by sent a bad import log")
    outcomes: dict[int, RowResult] = {}
    stray = 0
    for entry in log:
        item = require_dict(entry, NAME, "import log entry")
        index = optional_int(item, "index")
        if index is None or not 0 <= index < len(rows):
            stray += 1
            continue
        reason = text(item.get("error_message")) or "rejected by SMS.by"
        outcomes.setdefault(index, RowResult(rows[index].index, RowOutcome.REJECTED, redact(reason)[:200]))
    summary = {"inserted": inserted, "updated": updated, "invalid": invalid}
    if inserted + updated + invalid != len(rows) or len(outcomes) != invalid or stray:
        logger.warning("SMS.by counts do not match the batch (%s rows, %s)", len(rows), summary)
        return BatchResult(rows=list(outcomes.values()), complete=False, raw_summary=summary)
    rest = RowOutcome.UPDATED if inserted == 0 and updated > 0 else RowOutcome.ADDED
    reason = f"added or updated (SMS.by: {updated} of {len(rows) - invalid} updated)" \
        if rest is RowOutcome.ADDED and updated else ""
    results = [outcomes.get(i, RowResult(row.index, rest, reason)) for i, row in enumerate(rows)]
    return BatchResult(rows=results, raw_summary=summary)

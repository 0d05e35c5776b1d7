"""Pure helpers of the Dynamic Messaging client: phones, start times, campaigns, validation bodies."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from campaign_gui.domain.errors import Rejected
from campaign_gui.domain.models import Campaign, UploadRow
from campaign_gui.domain.redaction import redact

# Campaign.status is undocumented for SMS; the voice platform's enum is assumed (NOTES.md §5).
STATUS_NAMES = {0: "pending", 1: "sending", 2: "submitted", 3: "paused", 4: "cancelled", 5: "completed"}
_ROW_FIELD = re.compile(r"contacts\s*\[\s*(\d+)\s*\]", re.IGNORECASE)
_PHONE_LIKE = re.compile(r"^[+\d\s().-]+$")
MAX_LISTED_ERRORS = 3


class ValidationRejected(Rejected):
    """A 400 validation answer. ``row_errors`` maps ``UploadRow.index`` → reason for ``contacts[i]`` errors;
    ``field_errors`` lists every (field, message) pair (redacted)."""

    def __init__(self, message: str, *, row_errors: Mapping[int, str],
                 field_errors: Sequence[tuple[str, str]]) -> None:
        super().__init__(message, status=400, code="validation")
        self.row_errors = dict(row_errors)
        self.field_errors = list(field_errors)


def national_uk(phone: str) -> str:
    """``+447700900123`` → ``07700900123`` (the documents' examples are national); others unchanged."""
    text = phone.strip()
    if text.startswith("+44") and text[3:].isdigit():
        return "0" + text[3:]
    return text


def phone_key(phone: str) -> str:
    """A comparison key: digits only, UK numbers in national form (``07…``), ``+CC…`` kept international."""
    text = phone.strip()
    digits = re.sub(r"\D", "", text)
    if text.startswith("+") or text.startswith("00"):
        digits = digits[2:] if text.startswith("00") else digits
        return "0" + digits[2:] if digits.startswith("44") else "+" + digits
    if digits.startswith("44") and len(digits) == 12:
        return "0" + digits[2:]
    return digits


def search_value(text: str) -> str:
    """What to send for a search box entry: a phone-like entry loses spaces and becomes national."""
    value = text.strip()
    if _PHONE_LIKE.match(value) and any(c.isdigit() for c in value):
        compact = re.sub(r"[\s().-]", "", value)
        return national_uk(compact)
    return value


def parse_start(text: str) -> str:
    """Check an ISO 8601 start; an aware time is sent in UTC (``…Z``), a naive one as typed."""
    value = text.strip()
    if not value:
        raise Rejected("Dynamic Messaging needs a start time (ISO 8601, e.g. 2026-05-01T09:00:00Z)")
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise Rejected(f"Not an ISO 8601 start time: {value[:40]!r}") from None
    if parsed.tzinfo is None:
        return parsed.isoformat()
    utc = parsed.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def campaign_from(item: Mapping[str, Any]) -> Campaign:
    """A campaign has no name at DM: show the message's first line (or the sender)."""
    message = str(item.get("message") or "")
    first_line = message.strip().splitlines()[0] if message.strip() else ""
    name = (first_line[:60] + "…") if len(first_line) > 60 else first_line
    status = item.get("status")
    count = item.get("recipientCount")
    return Campaign(
        id=str(item.get("id")),
        name=name or str(item.get("sender") or item.get("id")),
        status=STATUS_NAMES.get(status, str(status)) if isinstance(status, int) else None,
        contact_count=count if isinstance(count, int) and not isinstance(count, bool) else None,
        extra={k: item.get(k) for k in ("sender", "message", "startDateTime", "optOutLinkId", "trackLinkUrl",
                                        "status")},
    )


def _pairs(payload: Any) -> list[tuple[str, str]]:
    """(field, message) pairs from a ProblemDetails ``errors`` dict, a bare dict, or a list of strings."""
    source = payload.get("errors", payload) if isinstance(payload, dict) else payload
    pairs: list[tuple[str, str]] = []
    if isinstance(source, dict):
        for key, value in source.items():
            if key in ("type", "title", "status", "traceId", "detail", "instance"):
                continue
            messages = value if isinstance(value, list) else [value]
            pairs += [(str(key), str(m)) for m in messages if m is not None and not isinstance(m, dict)]
    elif isinstance(source, list):
        pairs = [("", str(m)) for m in source]
    elif isinstance(source, str):
        pairs = [("", source)]
    return [(redact(k)[:80], redact(m)[:200]) for k, m in pairs]


def validation_error(payload: Any, rows: Sequence[UploadRow]) -> ValidationRejected:
    """The user's-terms error for a 400 body; errors naming ``contacts[i]`` are mapped to rows."""
    pairs = _pairs(payload)
    row_errors: dict[int, str] = {}
    for key, message in pairs:
        match = _ROW_FIELD.search(key) or _ROW_FIELD.search(message)
        if match is not None and int(match.group(1)) < len(rows):
            row_errors.setdefault(rows[int(match.group(1))].index, message)
    listed = "; ".join(f"{k}: {m}" if k else m for k, m in pairs[:MAX_LISTED_ERRORS])
    more = len(pairs) - MAX_LISTED_ERRORS
    if not listed and isinstance(payload, dict) and isinstance(payload.get("title"), str):
        listed = redact(payload["title"])[:200]
    text = "Dynamic Messaging rejected the request" + (f": {listed}" if listed else "")
    if more > 0:
        text += f" (and {more} more)"
    return ValidationRejected(text, row_errors=row_errors, field_errors=pairs)


def datetime_of(text: str) -> datetime | None:
    """A comparable UTC-naive datetime (to the second) from an ISO 8601 string, or None."""
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.replace(microsecond=0)


"""Per-provider columns of the contacts table: what each provider fills, with translated values."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from campaign_gui.domain.models import ProviderId

EMAIL, STATUS = 2, 3  # base columns: phone, name, email, status, id

_CONTEXT = "ContactColumns"


@dataclass(frozen=True)
class ExtraColumn:
    key: str  # in Contact.extra
    title: str  # English, translated in context ContactColumns


_EXTRA: dict[ProviderId, tuple[ExtraColumn, ...]] = {
    ProviderId.ALOHUB: (ExtraColumn("customerId", QT_TRANSLATE_NOOP("ContactColumns", "Customer ID")),
                        ExtraColumn("callStatus", QT_TRANSLATE_NOOP("ContactColumns", "Call result"))),
    ProviderId.CELLCAST: (ExtraColumn("lists", QT_TRANSLATE_NOOP("ContactColumns", "Lists")),
                          ExtraColumn("tags", QT_TRANSLATE_NOOP("ContactColumns", "Tags"))),
    ProviderId.DYNMSG: (ExtraColumn("custom1", QT_TRANSLATE_NOOP("ContactColumns", "Custom 1")),
                        ExtraColumn("custom2", QT_TRANSLATE_NOOP("ContactColumns", "Custom 2"))),
}
# Base columns a provider never fills: hidden rather than shown empty.
_NEVER_FILLED: dict[ProviderId, frozenset[int]] = {
    ProviderId.ALOHUB: frozenset({EMAIL}),
    ProviderId.DYNMSG: frozenset({EMAIL, STATUS}),
}
_VALUES = {  # provider codes shown in words
    "CALLING": QT_TRANSLATE_NOOP("ContactColumns", "in a call"),
    "ANSWERED": QT_TRANSLATE_NOOP("ContactColumns", "answered"),
    "NO_ANSWER": QT_TRANSLATE_NOOP("ContactColumns", "no answer"),
    "BUSY": QT_TRANSLATE_NOOP("ContactColumns", "busy"),
    "FAILED": QT_TRANSLATE_NOOP("ContactColumns", "call failed"),
}


def extra_columns(provider: ProviderId | None) -> Sequence[ExtraColumn]:
    return _EXTRA.get(provider, ()) if provider is not None else ()


def hidden_columns(provider: ProviderId | None) -> frozenset[int]:
    return _NEVER_FILLED.get(provider, frozenset()) if provider is not None else frozenset()


def title(column: ExtraColumn) -> str:
    return QCoreApplication.translate(_CONTEXT, column.title)


def value_text(value: Any) -> str:
    """A provider's value in words: lists joined, known codes translated, nothing for None."""
    if value in (None, "", [], {}):
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v.get("Name") or v.get("name") or v) if isinstance(v, dict) else str(v) for v in value)
    text = str(value)
    return QCoreApplication.translate(_CONTEXT, _VALUES[text]) if text in _VALUES else text

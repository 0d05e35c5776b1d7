"""Frozen dataclasses for accounts, campaigns, lists, contacts and pages; named tuples for upload rows and results."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, NamedTuple


class ProviderId(str, enum.Enum):
    STRINGEE = "stringee"
    SMSBY = "smsby"
    ALOHUB = "alohub"
    CELLCAST = "cellcast"
    DYNMSG = "dynmsg"


@dataclass(frozen=True)
class Account:
    """A user's account at one provider. The secret is never a field: it lives in the keyring."""

    id: str
    provider: ProviderId
    name: str
    base_url: str
    fields: Mapping[str, str] = field(default_factory=dict)
    demo: bool = False


@dataclass(frozen=True)
class Campaign:
    id: str
    name: str
    status: str | None = None
    contact_count: int | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ContactList:
    id: str
    name: str
    campaign_id: str | None = None
    contact_count: int | None = None


@dataclass(frozen=True)
class Contact:
    phone: str
    name: str = ""
    id: str | None = None
    email: str = ""
    status: str | None = None
    deletable: bool = True
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Page:
    """One page of items. ``number`` is 0-based whatever the provider uses."""

    items: Sequence[Any]
    number: int
    size: int
    total: int | None


class RowOutcome(str, enum.Enum):
    """Every source row ends in exactly one of these."""

    ADDED = "added"
    UPDATED = "updated"
    SKIPPED = "skipped"  # already there at the provider
    DUPLICATE = "duplicate"  # duplicate in the file
    INVALID = "invalid"  # failed local validation
    REJECTED = "rejected"  # rejected by the provider
    FAILED = "failed"
    NEEDS_VERIFICATION = "needs_verification"
    PENDING = "pending"  # not yet sent (only while a job runs)


NO_EXTRA: Mapping[str, str] = MappingProxyType({})


class UploadRow(NamedTuple):
    """One validated row ready to send: ``index`` is the caller's row key (source row number).

    A named tuple, not a dataclass: an import builds a million of these (and of ``RowResult``), and a
    tuple is built several times faster than a frozen dataclass. Immutable all the same. The ``index``
    field hides the tuple method of that name (never used on rows).
    """

    index: int  # type: ignore[assignment]  # the field, not tuple.index
    phone: str  # E.164 with '+'
    name: str = ""
    email: str = ""
    extra: Mapping[str, str] = NO_EXTRA


class RowResult(NamedTuple):
    """What the provider said about one row (``index`` as in ``UploadRow``)."""

    index: int  # type: ignore[assignment]  # the field, not tuple.index
    outcome: RowOutcome
    reason: str = ""


@dataclass(frozen=True)
class BatchResult:
    """What a provider said about one batch, mapped back to the caller's row indexes.

    Rows absent from ``rows`` were not accounted for by the provider (short count): the
    engine decides what to do with them. ``job_id`` is set for async providers (Alohub).
    """

    rows: Sequence[RowResult]
    job_id: str | None = None
    complete: bool = True
    raw_summary: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class JobStatus:
    """Status of an async provider job (Alohub bulk import)."""

    job_id: str
    state: str  # pending / processing / done / failed
    total: int
    processed: int
    failed: int
    duplicates: int
    error: str | None = None

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed")

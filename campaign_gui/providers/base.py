"""The capability protocol every provider client implements, and what each declares about itself."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from campaign_gui.domain.models import (
    BatchResult,
    Campaign,
    Contact,
    ContactList,
    JobStatus,
    Page,
    ProviderId,
    UploadRow,
)


class RetryClass(str, enum.Enum):
    """What the upload engine may do with a batch whose fate is unknown (sent, no answer)."""

    RESEND = "resend"  # idempotent: send the same batch again (Stringee, SMS.by)
    RESUBMIT_SAME_NAME = "resubmit_same_name"  # Alohub: resubmit with the same listName, server dedupes
    VERIFY = "verify"  # Cellcast: never resent automatically, rows flagged "needs verification"
    NEVER = "never"  # Dynamic Messaging create: never retried, check by listing first


class PagingStyle(str, enum.Enum):
    ZERO_BASED = "zero_based"
    ONE_BASED = "one_based"
    NONE = "none"


@dataclass(frozen=True)
class Capabilities:
    test_connection: bool = True
    list_campaigns: bool = False
    get_campaign: bool = False
    list_contact_lists: bool = False
    create_contact_list: bool = False
    list_contacts: bool = False
    search_contacts: bool = False  # server-side filter
    sort_contacts: bool = False  # server-side sort
    add_contact: bool = False
    delete_contact: bool = False
    upload_batch: bool = False
    poll_job: bool = False
    create_campaign: bool = False
    update_campaign: bool = False
    delete_campaign: bool = False
    read_back: bool = False  # ambiguous rows can be checked by listing the target (``read_back_scope``)


@dataclass(frozen=True)
class FieldSpec:
    """A non-secret account field (``key_sid``, ``tenant_id``, ``user_name``...)."""

    key: str
    label: str
    required: bool = False
    default: str = ""


@dataclass(frozen=True)
class TargetSpec:
    """A KEY=VALUE target key of ``campaign-gui import --target`` for this provider."""

    key: str
    label: str
    required: bool = False
    multiple: bool = False


@dataclass(frozen=True)
class UploadField:
    """A contact field the provider accepts besides the phone (name, email, first_name, custom…)."""

    key: str
    label: str


@dataclass(frozen=True)
class ProviderInfo:
    id: ProviderId
    display_name: str
    secret_label: str
    default_base_url: str
    default_region: str
    batch_limit: int
    pacing_seconds: float
    retry_class: RetryClass
    paging: PagingStyle
    capabilities: Capabilities
    fields: tuple[FieldSpec, ...] = ()
    targets: tuple[TargetSpec, ...] = ()
    upload_fields: tuple[UploadField, ...] = ()
    max_page_size: int = 100
    notes: Mapping[str, str] = field(default_factory=dict)  # capability -> why it is missing
    # The country calling codes whose numbers the provider takes (empty: any), and whether it sends SMS (a
    # fixed-line number is then a warning with its own policy). From the documents and providers/NOTES.md.
    accepted_country_codes: tuple[int, ...] = ()
    sends_sms: bool = False


@dataclass(frozen=True)
class ContactScope:
    """Which contacts to list: a campaign and/or a list, plus optional server-side search/sort."""

    campaign_id: str | None = None
    list_id: str | None = None
    list_name: str | None = None
    tag: str | None = None
    search: str | None = None
    sort: str | None = None  # field name, '-' prefix for descending


@runtime_checkable
class Provider(Protocol):
    """One account's client. Methods a provider lacks raise ``Unsupported``; check ``info``."""

    info: ProviderInfo

    async def test_connection(self) -> str:
        """A real authenticated call; returns a short human summary, e.g. ``"12 campaigns"``."""
        ...

    async def list_campaigns(self, page: int, size: int) -> Page:
        """``page`` is 0-based; ``Page.items`` are ``Campaign``."""
        ...

    async def get_campaign(self, campaign_id: str) -> Campaign: ...

    async def list_contact_lists(self, campaign_id: str | None) -> Sequence[ContactList]: ...

    async def create_contact_list(self, name: str) -> ContactList: ...

    async def list_contacts(self, scope: ContactScope, page: int, size: int) -> Page:
        """``page`` is 0-based; ``Page.items`` are ``Contact`` with ``total`` when known."""
        ...

    async def add_contact(self, target: Mapping[str, str], row: UploadRow) -> None: ...

    async def delete_contact(self, scope: ContactScope, contact: Contact) -> None: ...

    async def upload_batch(self, target: Mapping[str, str], rows: Sequence[UploadRow],
                           *, batch_key: str) -> BatchResult:
        """Send one batch (≤ ``info.batch_limit``). ``batch_key`` is stable across resends.

        For Alohub the result carries ``job_id`` and ``complete=False``: poll with ``poll_job``.
        """
        ...

    async def poll_job(self, target: Mapping[str, str], job_id: str) -> JobStatus: ...

    async def create_campaign(self, target: Mapping[str, str], rows: Sequence[UploadRow]) -> tuple[str, BatchResult]:
        """Dynamic Messaging: create a campaign with contacts. Never retried automatically."""
        ...

    async def find_campaign(self, target: Mapping[str, str]) -> str | None:
        """Dynamic Messaging: look for a campaign a lost create may have made (verify before resend)."""
        ...

    async def read_back_scope(self, target: Mapping[str, str], *, batch_key: str,
                              result: Mapping[str, object]) -> ContactScope | None:
        """Where one batch's rows can be read back (``list_contacts`` pages of it), None when that list or
        campaign does not exist (nothing of the batch is there). ``Unsupported`` when the provider cannot
        be read (Stringee, SMS.by) or the target names nothing to read."""
        ...

    async def aclose(self) -> None: ...

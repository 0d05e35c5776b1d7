"""Shared by every provider client: Unsupported defaults, a secret-free repr, checks, body fields."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from campaign_gui.domain.errors import ProtocolError, Unsupported
from campaign_gui.domain.models import (
    Account,
    BatchResult,
    Campaign,
    Contact,
    ContactList,
    JobStatus,
    Page,
    UploadRow,
)
from campaign_gui.providers.base import ContactScope, ProviderInfo
from campaign_gui.providers.http import HttpClient


class ClientBase:
    """Every ``Provider`` method raising ``Unsupported`` (with the reason from ``INFO.notes``).

    A provider module subclasses it, sets ``info`` and ``_http`` and overrides what it can do.
    """

    info: ProviderInfo
    account: Account
    _http: HttpClient

    def __repr__(self) -> str:  # never the secret
        return f"<{self.info.display_name} client {self.account.name!r}>"

    def _unsupported(self, capability: str) -> Unsupported:
        reason = self.info.notes.get(capability, f"{self.info.display_name} cannot do this")
        return Unsupported(reason, code=capability)

    async def list_campaigns(self, page: int, size: int) -> Page:
        raise self._unsupported("list_campaigns")

    async def get_campaign(self, campaign_id: str) -> Campaign:
        raise self._unsupported("get_campaign")

    async def list_contact_lists(self, campaign_id: str | None) -> Sequence[ContactList]:
        raise self._unsupported("list_contact_lists")

    async def create_contact_list(self, name: str) -> ContactList:
        raise self._unsupported("create_contact_list")

    async def list_contacts(self, scope: ContactScope, page: int, size: int) -> Page:
        raise self._unsupported("list_contacts")

    async def add_contact(self, target: Mapping[str, str], row: UploadRow) -> None:
        raise self._unsupported("add_contact")

    async def delete_contact(self, scope: ContactScope, contact: Contact) -> None:
        raise self._unsupported("delete_contact")

    async def upload_batch(self, target: Mapping[str, str], rows: Sequence[UploadRow],
                           *, batch_key: str) -> BatchResult:
        raise self._unsupported("upload_batch")

    async def poll_job(self, target: Mapping[str, str], job_id: str) -> JobStatus:
        raise self._unsupported("poll_job")

    async def create_campaign(self, target: Mapping[str, str],
                              rows: Sequence[UploadRow]) -> tuple[str, BatchResult]:
        raise self._unsupported("create_campaign")

    async def find_campaign(self, target: Mapping[str, str]) -> str | None:
        raise self._unsupported("find_campaign")

    async def read_back_scope(self, target: Mapping[str, str], *, batch_key: str,
                              result: Mapping[str, object]) -> ContactScope | None:
        raise self._unsupported("read_back")

    async def aclose(self) -> None:
        await self._http.aclose()


def require_target(target: Mapping[str, str], key: str, provider: str) -> str:
    """The non-empty ``key`` of an upload target, or ValueError (a caller mistake, not a server answer)."""
    value = str(target.get(key, "") or "").strip()
    if not value:
        raise ValueError(f"{provider} needs the target {key}=…")
    return value


def check_batch(rows: Sequence[UploadRow], limit: int, provider: str) -> None:
    """Refuse a batch over the provider's documented limit before anything is sent."""
    if len(rows) > limit:
        raise ValueError(f"{provider} accepts at most {limit} contacts per request, got {len(rows)}")


def international_digits(e164: str) -> str:
    """``+84901234567`` → ``84901234567`` (the international form without '+')."""
    return e164.strip().lstrip("+")


def require_dict(payload: Any, provider: str, what: str = "answer") -> dict[str, Any]:
    if not isinstance(payload, dict):
        raise ProtocolError(f"{provider} sent an unexpected {what}")
    return payload


def require_int(payload: Mapping[str, Any], key: str, provider: str) -> int:
    """An integer field (ints or digit strings); anything else is a ProtocolError, never a guess."""
    value = payload.get(key)
    if isinstance(value, bool):
        raise ProtocolError(f"{provider} sent an answer with a bad '{key}'")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    raise ProtocolError(f"{provider} sent an answer without '{key}'")


def optional_int(payload: Mapping[str, Any], key: str) -> int | None:
    value = payload.get(key)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def text(value: Any) -> str:
    """A display string for an optional scalar field (None → "")."""
    if value is None:
        return ""
    return str(value)

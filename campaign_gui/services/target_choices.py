"""What the import wizard's target page offers by name: the account's campaigns and lists with their counts.

Campaigns come a page at a time (Dynamic Messaging accounts hold thousands); lists per campaign (Alohub), per
account (SMS.by), or gathered from the contacts' own list and tag names (Cellcast has no list endpoint).
Stringee cannot list campaigns: the campaigns the user added by id ("Add campaign by id", kept in the account
store's ``remembered`` items) are offered instead. ``check_remembered_id`` refuses an id the provider will refuse.
"""

from __future__ import annotations

import itertools
import logging
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from campaign_gui.domain.models import Account, ProviderId
from campaign_gui.providers import provider_info
from campaign_gui.providers.base import ContactScope, ProviderInfo
from campaign_gui.services.browse import remember_kind
from campaign_gui.services.errors import describe_error
from campaign_gui.services.target_ids import check_remembered_id
from campaign_gui.services.tasks import TaskOwner

logger = logging.getLogger(__name__)

CAMPAIGN_PAGE_SIZE = 50
CELLCAST_SCAN_PAGES = 10  # lists and tags are read from the contacts: at most this many pages of 1000


@dataclass(frozen=True)
class Choice:
    """One campaign, list or tag offered by name. ``id`` is what the target needs (a Cellcast list is named)."""

    id: str
    name: str
    count: int | None = None
    detail: str = ""
    remembered: bool = False
    extra: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str) -> Any:
        return dict(self.extra).get(key)


def folded(text: str) -> str:
    """Case and diacritics ignored ("Lý Thị" → "ly thi"), for searching names."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def matches(choice: Choice, search: str) -> bool:
    wanted = folded(search.strip())
    return not wanted or wanted in folded(f"{choice.name} {choice.id} {choice.detail}")


def remembered_id_problem(info: ProviderInfo, ident: str) -> str:
    """``check_remembered_id`` in the user's language ('' when the id is fine)."""
    ident = ident.strip()
    if check_remembered_id(info, ident) is None:
        return ""
    rules = {
        ProviderId.STRINGEE: QCoreApplication.translate(
            "TargetChoices", "Stringee campaign ids start with CA followed by letters and digits, such as CA100001."),
        ProviderId.ALOHUB: QCoreApplication.translate("TargetChoices", "Alohub ids are whole numbers, such as 1042."),
        ProviderId.SMSBY: QCoreApplication.translate(
            "TargetChoices", "SMS.by mailing list ids are whole numbers, such as 101."),
    }
    said = QCoreApplication.translate("TargetChoices", "“{0}” is not an id {1} accepts.")
    return said.format(ident[:40], info.display_name) + " " + rules[info.id]


def can_create_list(info: ProviderInfo) -> bool:
    """The target page offers a new list typed in place: SMS.by creates it at once, Alohub's import and
    Cellcast's names create it with the upload."""
    return info.capabilities.create_contact_list or any(t.key == "list_name" for t in info.targets) \
        or info.id is ProviderId.CELLCAST


class TargetChoices(QObject):
    """Tickets answer through ``loaded(ticket, choices, more)``, ``created(ticket, choice)`` or ``failed``."""

    loaded = Signal(int, object, bool)  # ticket, list[Choice], more pages to fetch
    created = Signal(int, object)  # ticket, Choice
    failed = Signal(int, object)  # ticket, UserError

    def __init__(self, accounts: Any, pool: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._accounts = accounts  # services.accounts.AccountService
        self._pool = pool  # services.provider_pool.ProviderPool
        self._tasks = TaskOwner("target-choices")
        self._tickets = itertools.count(1)
        self.page_size = CAMPAIGN_PAGE_SIZE

    @staticmethod
    def info_for(account: Account) -> ProviderInfo:
        return provider_info(account.provider)

    def lists_campaigns(self, account: Account) -> bool:
        return self.info_for(account).capabilities.list_campaigns

    def remembered(self, account: Account) -> list[Choice]:
        """The campaigns (Stringee) or lists (Cellcast) the user added by hand, most recent first."""
        kind = remember_kind(self.info_for(account))
        if kind is None:
            return []
        out: list[Choice] = []
        for item in self._accounts.store.remembered(account.id, kind):
            ident = str(item.get("id") or item.get("name") or "")
            if ident:
                out.append(Choice(ident, str(item.get("name") or ""), remembered=True))
        return out

    def remember(self, account: Account, ident: str, name: str) -> None:
        """Keep a campaign added by id (the same store as the window's "Add campaign by id")."""
        kind = remember_kind(self.info_for(account))
        problem = check_remembered_id(self.info_for(account), ident)
        if kind is None or problem is not None:
            raise ValueError(problem or "nothing to remember for this provider")
        self._accounts.store.remember(account.id, kind, {"id": ident.strip(), "name": name.strip()})

    def campaigns(self, account: Account, page: int) -> int:
        """One page (0-based) of the account's campaigns; ``more`` says whether another page exists."""
        ticket = next(self._tickets)
        self._tasks.spawn(self._run(ticket, self._campaign_page(account, page)), f"campaigns-{page}")
        return ticket

    def lists(self, account: Account, key: str, campaign_id: str | None = None) -> int:
        """The lists (or Cellcast tags when ``key == "tag"``) a target may name, with their counts."""
        ticket = next(self._tickets)
        self._tasks.spawn(self._run(ticket, self._lists(account, key, campaign_id)), f"lists-{key}")
        return ticket

    def create_list(self, account: Account, name: str) -> int:
        """Create a list now (SMS.by): answers ``created`` with the new list's choice."""
        ticket = next(self._tickets)
        self._tasks.spawn(self._create(ticket, account, name), "create-list")
        return ticket

    async def _run(self, ticket: int, work: Any) -> None:
        try:
            choices, more = await work
        except Exception as exc:
            logger.info("listing the targets failed: %r", exc)
            self.failed.emit(ticket, describe_error(exc))
        else:
            self.loaded.emit(ticket, choices, more)

    async def _campaign_page(self, account: Account, page: int) -> tuple[list[Choice], bool]:
        info = self.info_for(account)
        if not info.capabilities.list_campaigns:
            return self.remembered(account), False
        size = max(1, min(self.page_size, info.max_page_size))
        got = await self._pool.get(account).list_campaigns(page, size)
        choices = []
        for campaign in got.items:
            extra = dict(campaign.extra or {})
            detail = " · ".join(str(v)[:16].replace("T", " ") for v in (extra.get("startDateTime"),
                                                                        extra.get("sender")) if v)
            choices.append(Choice(str(campaign.id), campaign.name, campaign.contact_count, detail,
                                  extra=tuple((k, v) for k, v in extra.items() if isinstance(v, str | int))))
        more = len(got.items) >= size and (got.total is None or (page + 1) * size < got.total)
        return choices, more

    async def _lists(self, account: Account, key: str, campaign_id: str | None) -> tuple[list[Choice], bool]:
        info = self.info_for(account)
        client = self._pool.get(account)
        if info.id is ProviderId.CELLCAST:
            return await self._cellcast_names(client, key, account), False
        if not info.capabilities.list_contact_lists:
            return self.remembered(account), False
        if info.id is ProviderId.ALOHUB and not campaign_id:
            return [], False
        found = await client.list_contact_lists(campaign_id)
        return [Choice(str(x.id), x.name, x.contact_count) for x in found], False

    async def _cellcast_names(self, client: Any, key: str, account: Account) -> list[Choice]:
        """Cellcast lists and tags have no endpoint: their names and counts come from the contacts."""
        counts: Counter[str] = Counter()
        size = 1000
        for page in range(CELLCAST_SCAN_PAGES):
            got = await client.list_contacts(ContactScope(), page, size)
            for contact in got.items:
                for name in (contact.extra or {}).get("lists" if key == "list" else "tags") or ():
                    if name:
                        counts[str(name)] += 1
            if len(got.items) < size or (got.total is not None and (page + 1) * size >= got.total):
                break
        out = [Choice(name, name, n) for name, n in sorted(counts.items(), key=lambda kv: folded(kv[0]))]
        if key == "list":
            known = set(counts)
            out.extend(c for c in self.remembered(account) if c.id not in known)
        return out

    async def _create(self, ticket: int, account: Account, name: str) -> None:
        try:
            made = await self._pool.get(account).create_contact_list(name)
        except Exception as exc:
            logger.info("creating a list failed: %r", exc)
            self.failed.emit(ticket, describe_error(exc))
        else:
            self.created.emit(ticket, Choice(str(made.id), made.name or name, made.contact_count or 0))

    def shutdown(self) -> None:
        self._tasks.cancel_all()

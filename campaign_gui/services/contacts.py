"""Contacts of the selected node: paged loads with a generation counter, add and delete."""

from __future__ import annotations

import asyncio
import dataclasses
import enum
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from campaign_gui.domain.models import Account, Contact, Page, ProviderId, UploadRow
from campaign_gui.domain.phones import phone_key
from campaign_gui.domain.search import national_digits
from campaign_gui.providers import provider_info
from campaign_gui.providers.base import Capabilities, ContactScope, ProviderInfo
from campaign_gui.services.errors import describe_error
from campaign_gui.services.provider_pool import ProviderPool
from campaign_gui.services.tasks import TaskOwner

logger = logging.getLogger(__name__)

LOOK_UP_ROWS = 5000  # contacts read to find a phone where the provider has no search

# Logical column → the provider's own sortable field (only where the API sorts).
_SORT_FIELDS: dict[ProviderId, dict[str, str]] = {ProviderId.DYNMSG: {"phone": "phoneNumber", "name": "name"}}


class SearchMode(enum.StrEnum):
    SERVER_TEXT = "server_text"  # the provider filters by free text (Dynamic Messaging)
    SERVER_TAG = "server_tag"  # the provider filters by tag or list name (Cellcast); text is local
    LOCAL = "local"  # filter the loaded rows only


def search_mode(info: ProviderInfo) -> SearchMode:
    if not info.capabilities.search_contacts:
        return SearchMode.LOCAL
    if any(t.key == "tag" for t in info.targets):
        return SearchMode.SERVER_TAG
    return SearchMode.SERVER_TEXT


def sort_field(info: ProviderInfo, column: str) -> str | None:
    """The provider's field for a logical column (``phone``, ``name``…), None when it cannot sort by it."""
    if not info.capabilities.sort_contacts:
        return None
    return _SORT_FIELDS.get(info.id, {}).get(column)


@dataclass(frozen=True)
class ContactView:
    """What the table shows: one account and a scope (campaign/list/search/sort)."""

    account: Account
    scope: ContactScope
    target: tuple[tuple[str, str], ...] = ()

    @property
    def info(self) -> ProviderInfo:
        return provider_info(self.account.provider)

    @property
    def capabilities(self) -> Capabilities:
        return self.info.capabilities


class ContactsService(QObject):
    """Loads pages for the current view only.

    Every ``set_view`` bumps ``generation`` and cancels the pages in flight; a page that
    finishes anyway is dropped unless its generation is still current, so a stale page never
    lands in a newer view.
    """

    pageLoaded = Signal(int, object)  # generation, Page
    pageFailed = Signal(int, int, object)  # generation, page number, UserError
    actionFinished = Signal(str, bool, str)  # action ("add"/"delete"), ok, message
    phoneLookedUp = Signal(str, object)  # E.164, the Contact the provider already has with it (or None)
    busyChanged = Signal(bool)

    def __init__(self, pool: ProviderPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._tasks = TaskOwner("contacts")
        self._actions = TaskOwner("contact-actions")
        self._generation = 0
        self._view: ContactView | None = None
        self._in_flight: dict[int, asyncio.Task[None]] = {}

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def view(self) -> ContactView | None:
        return self._view

    def set_view(self, view: ContactView | None) -> int:
        """Switch to ``view``; cancels the loads of the previous one. Returns the new generation."""
        self._generation += 1
        self._view = view
        self._tasks.cancel_all()
        self._in_flight.clear()
        self.busyChanged.emit(False)
        return self._generation

    def request_page(self, number: int, size: int) -> bool:
        """Load page ``number`` (0-based) of the current view; False when already loading or no view."""
        if self._view is None or number in self._in_flight:
            return False
        generation = self._generation
        task = self._tasks.spawn(self._load(generation, self._view, number, size), f"page-{generation}-{number}")
        self._in_flight[number] = task
        self.busyChanged.emit(True)
        return True

    def loading(self) -> bool:
        return bool(self._in_flight)

    async def _load(self, generation: int, view: ContactView, number: int, size: int) -> None:
        try:
            page = await self._pool.get(view.account).list_contacts(view.scope, number, size)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            logger.info("loading contacts page %d failed: %r", number, exc)
            if generation == self._generation:
                self._in_flight.pop(number, None)
                self.busyChanged.emit(self.loading())
                self.pageFailed.emit(generation, number, describe_error(exc))
            return
        if generation != self._generation:  # the view changed while we waited: drop it
            logger.debug("dropping a stale page (generation %d, now %d)", generation, self._generation)
            return
        self._in_flight.pop(number, None)
        self.busyChanged.emit(self.loading())
        self.pageLoaded.emit(generation, page)

    def add_contact(self, view: ContactView, row: UploadRow) -> None:
        self._actions.spawn(self._add(view, row), "add-contact")

    async def _add(self, view: ContactView, row: UploadRow) -> None:
        try:
            await self._pool.get(view.account).add_contact(dict(view.target), row)
        except Exception as exc:
            error = describe_error(exc)
            self.actionFinished.emit("add", False, f"{error.title}. {error.message}")
        else:
            self.actionFinished.emit("add", True, row.phone)

    def look_up_phone(self, view: ContactView, e164: str) -> bool:
        """Ask the provider whether this view already has a contact with this phone (``phoneLookedUp``
        answers): by a search where it has one, else by reading the view's pages (up to LOOK_UP_ROWS).
        False when the provider cannot list contacts, so nothing can tell."""
        if not view.capabilities.list_contacts:
            return False
        self._actions.spawn(self._look_up(view, e164), "look-up-phone")
        return True

    async def _look_up(self, view: ContactView, e164: str) -> None:
        found: Contact | None = None
        region = view.info.default_region
        client = self._pool.get(view.account)
        try:
            if search_mode(view.info) is SearchMode.SERVER_TEXT:
                scope = dataclasses.replace(view.scope, search=national_digits(e164, region), sort=None)
                page = await client.list_contacts(scope, 0, 50)
                found = next((c for c in page.items if phone_key(c.phone, region) == e164), None)
            else:
                size = max(1, min(500, view.info.max_page_size))
                for number in range(max(1, LOOK_UP_ROWS // size)):
                    page = await client.list_contacts(view.scope, number, size)
                    found = next((c for c in page.items if phone_key(c.phone, region) == e164), None)
                    if found is not None or len(page.items) < size:
                        break
        except Exception as exc:  # the check is a courtesy: a failure lets the add go on
            logger.info("looking up a phone failed: %r", exc)
        self.phoneLookedUp.emit(e164, found)

    def delete_contacts(self, view: ContactView, contacts: Sequence[Contact]) -> None:
        self._actions.spawn(self._delete(view, list(contacts)), "delete-contacts")

    async def _delete(self, view: ContactView, contacts: list[Contact]) -> None:
        client = self._pool.get(view.account)
        done = 0
        try:
            for contact in contacts:
                await client.delete_contact(view.scope, contact)
                done += 1
        except Exception as exc:
            error = describe_error(exc)
            self.actionFinished.emit("delete", False, f"{error.title}. {error.message}")
        else:
            self.actionFinished.emit("delete", True, str(done))

    async def fetch_page(self, view: ContactView, number: int, size: int) -> Page:
        """One page outside the table's generation (used by export)."""
        return await self._pool.get(view.account).list_contacts(view.scope, number, size)

    def shutdown(self) -> None:
        self._tasks.cancel_all()
        self._actions.cancel_all()

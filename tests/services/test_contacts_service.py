"""ContactsService: pages for the current view only; a stale page never lands."""

from __future__ import annotations

import asyncio
from typing import Any

from pytestqt.qtbot import QtBot
from qt_support import add_account

from campaign_gui.domain.models import Contact, Page
from campaign_gui.providers.base import ContactScope
from campaign_gui.services.contacts import ContactsService, ContactView
from campaign_gui.services.container import AppServices
from campaign_gui.services.provider_pool import ProviderPool


def list_view(services: AppServices, sandbox: Any, list_id: str = "501") -> ContactView:
    account = add_account(services, sandbox, "alohub", f"Alohub {list_id}")
    return ContactView(account, ContactScope(campaign_id="1042", list_id=list_id))


def test_pages_arrive_with_totals(services: AppServices, sandbox: Any, qtbot: QtBot) -> None:
    view = list_view(services, sandbox)
    generation = services.contacts.set_view(view)
    with qtbot.waitSignal(services.contacts.pageLoaded, timeout=10_000) as blocker:
        services.contacts.request_page(1, 40)
    got_generation, page = blocker.args
    assert got_generation == generation
    assert page.number == 1 and len(page.items) == 40 and page.total is not None and page.total > 80


def test_stalled_page_of_an_old_view_never_lands(services: AppServices, sandbox: Any, qtbot: QtBot) -> None:
    old = list_view(services, sandbox, "501")
    new = list_view(services, sandbox, "502")
    sandbox.control.fault(provider="alohub", path="contact-lists/501/contacts", action="stall", seconds=30, times=1)
    landed: list[tuple[int, Any]] = []
    services.contacts.pageLoaded.connect(lambda g, p: landed.append((g, p)))
    services.contacts.set_view(old)
    services.contacts.request_page(0, 50)
    qtbot.waitUntil(lambda: sandbox.control.requests("alohub")["count"] >= 1, timeout=5_000)
    current = services.contacts.set_view(new)
    with qtbot.waitSignal(services.contacts.pageLoaded, timeout=10_000):
        services.contacts.request_page(0, 50)
    sandbox.control.clear_faults()
    # Ask again for a page of the new view: by the time it lands, any stale answer had its chance.
    with qtbot.waitSignal(services.contacts.pageLoaded, timeout=10_000):
        services.contacts.request_page(1, 10)
    assert landed and all(generation == current for generation, _ in landed)
    assert all(not any(c.phone for c in p.items if c.id in {"88001"}) for _, p in landed)


class _GatedProvider:
    """A provider whose first page waits for a gate, so a test controls when it would answer."""

    def __init__(self) -> None:
        self.gate = asyncio.Event()
        self.waiting = False
        self.cancelled = False

    async def list_contacts(self, scope: ContactScope, page: int, size: int) -> Page:
        if scope.list_id == "slow":
            self.waiting = True
            try:
                await self.gate.wait()
            except asyncio.CancelledError:
                self.cancelled = True
                raise
        return Page(items=[Contact(phone=f"+8490000000{page}", name=scope.list_id or "")], number=page, size=size,
                    total=1)

    async def aclose(self) -> None:
        pass


class _OneSecret:
    def get(self, account_id: str) -> str | None:
        return "secret"


def test_switching_views_cancels_the_superseded_load(qloop: Any, qtbot: QtBot, sandbox: Any) -> None:
    provider = _GatedProvider()
    service = ContactsService(ProviderPool(_OneSecret(), factory=lambda _a, _s: provider))  # type: ignore[arg-type,return-value]
    account = sandbox.account("alohub")
    landed: list[str] = []
    service.pageLoaded.connect(lambda _g, page: landed.append(page.items[0].name))
    service.set_view(ContactView(account, ContactScope(list_id="slow")))
    service.request_page(0, 10)
    qtbot.waitUntil(lambda: provider.waiting)
    service.set_view(ContactView(account, ContactScope(list_id="fast")))
    with qtbot.waitSignal(service.pageLoaded, timeout=5_000):
        service.request_page(0, 10)
    provider.gate.set()
    assert provider.cancelled  # set_view cancelled the superseded load at once
    with qtbot.waitSignal(service.pageLoaded, timeout=5_000):
        service.request_page(1, 10)
    assert landed == ["fast", "fast"]

"""The composition root: every service built from explicit collaborators (no globals)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from campaign_gui.services.accounts import AccountRepository, AccountService, SecretStore
from campaign_gui.services.browse import BrowseService
from campaign_gui.services.contacts import ContactsService
from campaign_gui.services.demo import DemoService, default_sandbox
from campaign_gui.services.export import ExportService
from campaign_gui.services.provider_pool import ProviderFactory, ProviderPool


@dataclass
class AppServices:
    data_dir: Path
    pool: ProviderPool
    accounts: AccountService
    browse: BrowseService
    contacts: ContactsService
    export: ExportService
    demo: DemoService

    def shutdown(self) -> None:
        """Cancel every task and stop the sandbox (call before the loop closes)."""
        self._cancel_tasks()
        self.demo.stop()

    def _cancel_tasks(self) -> None:
        for service in (self.accounts, self.browse, self.contacts, self.export):
            service.shutdown()

    async def aclose(self) -> None:
        """Cancel tasks, close the HTTP clients, then stop the sandbox (no open keep-alive to wait for)."""
        self._cancel_tasks()
        await asyncio.sleep(0)
        await self.pool.aclose()
        self.demo.stop()


def build_services(data_dir: Path, *, store: AccountRepository | None = None, secrets: SecretStore | None = None,
                   factory: ProviderFactory | None = None, sandbox_factory: Any = default_sandbox) -> AppServices:
    if store is None:
        from campaign_gui.storage.accounts import AccountStore

        store = AccountStore(data_dir)
    if secrets is None:
        from campaign_gui.storage.secrets import CredentialStore

        secrets = CredentialStore()
    pool = ProviderPool(secrets, factory)
    accounts = AccountService(store, secrets, pool)
    contacts = ContactsService(pool)
    return AppServices(data_dir=data_dir, pool=pool, accounts=accounts, browse=BrowseService(accounts, pool),
                       contacts=contacts, export=ExportService(contacts), demo=DemoService(accounts, sandbox_factory))

"""Demo mode: the built-in sandbox in a background thread, and demo accounts pointing at it."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from campaign_gui.domain.models import ProviderId
from campaign_gui.services.accounts import AccountService

logger = logging.getLogger(__name__)


class SandboxLike(Protocol):
    @property
    def base_url(self) -> str: ...

    def start(self) -> Any: ...
    def stop(self) -> Any: ...
    def demo_accounts(self) -> list[dict[str, Any]]: ...


def default_sandbox() -> SandboxLike:
    from campaign_gui.sandbox.server import SandboxServer

    server: SandboxLike = SandboxServer(port=0)
    return server


class DemoService(QObject):
    """Starts the sandbox when demo accounts exist (or on first run) and keeps them pointing at it.

    ``ready`` is emitted once the accounts are usable (immediately when there is nothing to do).
    """

    ready = Signal()
    failed = Signal(str)

    def __init__(self, accounts: AccountService, sandbox_factory: Any = default_sandbox,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._accounts = accounts
        self._factory = sandbox_factory
        self._sandbox: SandboxLike | None = None
        self._task: asyncio.Task[None] | None = None

    @property
    def sandbox(self) -> SandboxLike | None:
        return self._sandbox

    def needed(self, first_run: bool) -> bool:
        accounts = self._accounts.accounts()
        return (first_run and not accounts) or any(a.demo for a in accounts)

    def start(self, first_run: bool) -> bool:
        """Begin demo set-up if needed; returns False when there was nothing to do.

        ``ready`` is always emitted later, from the loop, so callers may connect after calling this.
        """
        if not self.needed(first_run):
            asyncio.get_event_loop().call_soon(self.ready.emit)
            return False
        create = first_run and not self._accounts.accounts()
        loop = asyncio.get_event_loop()
        starting = loop.run_in_executor(None, self._start_sandbox, create)  # starts now, not on the next tick
        self._task = loop.create_task(self._run(starting, create), name="demo:start")
        return True

    async def _run(self, starting: asyncio.Future[SandboxLike], create: bool) -> None:
        try:
            self._sandbox = await starting
            self._accounts.changed()
        except Exception as exc:
            logger.exception("demo mode could not start")
            self.failed.emit(str(exc))
        self.ready.emit()

    def _start_sandbox(self, create: bool) -> SandboxLike:
        """In a worker thread: importing and starting the server, and the account file writes
        (fsync'd), must not hold up the window. No signal is emitted from here."""
        sandbox: SandboxLike = self._factory()
        sandbox.start()
        logger.info("demo sandbox listening on %s", sandbox.base_url)
        try:
            self._apply(sandbox.demo_accounts(), create)
        except Exception:
            sandbox.stop()
            raise
        logger.info("demo accounts ready")
        return sandbox

    def _apply(self, demos: list[dict[str, Any]], create: bool) -> None:
        existing = [a for a in self._accounts.accounts() if a.demo]
        for demo in demos:
            provider = ProviderId(demo["provider"])
            fields = {str(k): str(v) for k, v in (demo.get("fields") or {}).items()}
            match = next((a for a in existing if a.provider is provider and a.name == demo["name"]), None)
            if match is None:
                match = next((a for a in existing if a.provider is provider), None)
            if match is not None:
                updated = dataclasses.replace(match, base_url=demo["base_url"], fields=fields)
                self._accounts.update(updated, demo["secret"], session_only=True, notify=False)
                existing.remove(match)
            elif create:
                match = self._accounts.add(provider, demo["name"], demo["base_url"], fields, demo["secret"],
                                           session_only=True, demo=True, notify=False)
            if match is not None:
                self._remember_demo_campaigns(match.id, demo.get("campaigns") or [])

    def _remember_demo_campaigns(self, account_id: str, campaigns: list[dict[str, Any]]) -> None:
        """The demo's campaigns a provider cannot list (Stringee), as if the user had added them by id."""
        store = self._accounts.store
        known = {item.get("id") for item in store.remembered(account_id, "campaign")}
        for item in reversed(campaigns):  # remember() puts the latest first: keep the seeded order
            if item.get("id") not in known:
                store.remember(account_id, "campaign", {"id": str(item["id"]), "name": str(item.get("name") or "")})

    def stop(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        if self._sandbox is not None:
            try:
                self._sandbox.stop()
            except Exception:
                logger.debug("stopping the sandbox failed", exc_info=True)
            self._sandbox = None

"""One long-lived provider client per account, built from the account and its secret on first use."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any, Protocol

from campaign_gui.domain.errors import AuthError
from campaign_gui.domain.models import Account
from campaign_gui.domain.redaction import register_secret
from campaign_gui.providers import make_provider
from campaign_gui.providers.base import Provider

logger = logging.getLogger(__name__)

ProviderFactory = Callable[[Account, str], Provider]


class SecretSource(Protocol):
    """The part of ``CredentialStore`` the pool needs."""

    def get(self, account_id: str) -> str | None: ...


class ProviderPool:
    """Caches clients by account id; a changed account or secret drops the cached client."""

    def __init__(self, secrets: SecretSource, factory: ProviderFactory | None = None,
                 client_options: dict[str, Any] | None = None) -> None:
        self._secrets = secrets
        self._factory = factory or (lambda account, secret: make_provider(account, secret, **(client_options or {})))
        self._clients: dict[str, tuple[Account, Provider]] = {}
        self._closing: set[asyncio.Task[None]] = set()

    def get(self, account: Account) -> Provider:
        """The client for ``account``; raises ``AuthError`` when no secret is stored for it."""
        cached = self._clients.get(account.id)
        if cached is not None and cached[0] == account:
            return cached[1]
        if cached is not None:
            self._close_later(cached[1])
        secret = self._secrets.get(account.id)
        if not secret:
            raise AuthError("No key is stored for this account. Enter it in the account settings.")
        register_secret(secret)
        client = self._factory(account, secret)
        self._clients[account.id] = (account, client)
        return client

    def build(self, account: Account, secret: str) -> Provider:
        """A throw-away client for a draft account (the account dialog's test)."""
        register_secret(secret)
        return self._factory(account, secret)

    def invalidate(self, account_id: str) -> None:
        cached = self._clients.pop(account_id, None)
        if cached is not None:
            self._close_later(cached[1])

    async def aclose(self) -> None:
        clients = [c for _, c in self._clients.values()]
        self._clients.clear()
        for client in clients:
            try:
                await client.aclose()
            except Exception:  # closing must never fail shutdown
                logger.debug("closing a provider client failed", exc_info=True)

    def _close_later(self, client: Provider) -> None:
        try:
            loop = asyncio.get_event_loop()
        except RuntimeError:
            return
        if loop.is_closed():
            return
        task = loop.create_task(client.aclose())
        self._closing.add(task)
        task.add_done_callback(self._closed)

    def _closed(self, task: asyncio.Task[None]) -> None:
        self._closing.discard(task)
        if not task.cancelled() and task.exception() is not None:
            logger.debug("closing a provider client failed: %r", task.exception())

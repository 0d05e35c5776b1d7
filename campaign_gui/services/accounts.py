"""Accounts for the window: add, edit, remove and test, with the secret kept only in the keyring."""

from __future__ import annotations

import builtins
import dataclasses
import logging
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal

from campaign_gui.domain.models import Account, ProviderId
from campaign_gui.providers import all_infos, provider_info
from campaign_gui.providers.base import ProviderInfo
from campaign_gui.services.errors import describe_error
from campaign_gui.services.provider_pool import ProviderPool
from campaign_gui.services.tasks import TaskOwner
from campaign_gui.storage.secrets import CredentialError

__all__ = ["BASE_URL_PRESETS", "AccountService", "CredentialError"]

# Known alternative hosts offered in the account dialog (label, URL).
BASE_URL_PRESETS: dict[ProviderId, tuple[tuple[str, str], ...]] = {
    ProviderId.ALOHUB: (("Production", "https://xapi.alohub.vn"), ("Development", "https://xapi-dev.alohub.vn")),
}

logger = logging.getLogger(__name__)


class AccountRepository(Protocol):
    """The part of ``storage.accounts.AccountStore`` the window uses."""

    def list(self) -> Sequence[Account]: ...
    def get(self, account_id: str) -> Account: ...
    def prepare(self, provider: ProviderId | str, name: str, base_url: str | None = None,
                fields: Mapping[str, str] | None = None, demo: bool = False) -> Account: ...
    def insert(self, account: Account) -> Any: ...
    def update(self, account: Account) -> Any: ...
    def remove(self, account_id: str) -> Any: ...
    def remembered(self, account_id: str, kind: str) -> builtins.list[dict[str, Any]]: ...
    def remember(self, account_id: str, kind: str, item: dict[str, Any]) -> Any: ...
    def forget(self, account_id: str, kind: str, key: str) -> Any: ...


class SecretStore(Protocol):
    """The part of ``storage.secrets.CredentialStore`` the window uses."""

    def get(self, account_id: str) -> str | None: ...
    def set(self, account_id: str, secret: str, session_only: bool = False) -> Any: ...
    def delete(self, account_id: str) -> Any: ...
    def is_session_only(self, account_id: str) -> bool: ...
    def backend_description(self) -> str: ...
    def available(self) -> bool: ...


class AccountService(QObject):
    """Owns the account list; emits ``accountsChanged`` after every change, ``testFinished`` per test."""

    accountsChanged = Signal()
    testFinished = Signal(int, bool, str)  # ticket, ok, message (a summary or the error in user terms)

    def __init__(self, store: AccountRepository, secrets: SecretStore, pool: ProviderPool,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._secrets = secrets
        self._pool = pool
        self._tasks = TaskOwner("accounts")
        self._ticket = 0

    @property
    def store(self) -> AccountRepository:
        return self._store

    def accounts(self) -> list[Account]:
        return list(self._store.list())

    def get(self, account_id: str) -> Account | None:
        try:
            return self._store.get(account_id)
        except KeyError:
            return None

    @staticmethod
    def infos() -> list[ProviderInfo]:
        return all_infos()

    @staticmethod
    def info(provider: ProviderId | str) -> ProviderInfo:
        return provider_info(provider)

    def backend_description(self) -> str:
        """Where secrets are kept, in the user's language when no keyring is usable."""
        try:
            if not self._secrets.available():
                return QCoreApplication.translate(
                    "AccountService", "nowhere permanent (no usable system keyring: keys are kept for this session only)")
            return self._secrets.backend_description()
        except Exception as exc:  # a broken backend must not break the dialog
            return describe_error(exc).message

    def is_session_only(self, account_id: str) -> bool:
        try:
            return bool(self._secrets.is_session_only(account_id))
        except Exception:
            return False

    def add(self, provider: ProviderId, name: str, base_url: str | None, fields: Mapping[str, str],
            secret: str, *, session_only: bool = False, demo: bool = False, notify: bool = True) -> Account:
        """Store the account and its secret; ``ValueError`` (bad input) and the keyring's
        ``CredentialError`` propagate with messages for the user.

        Nothing is kept when the secret cannot be stored, so the caller can offer
        "keep for this session only" and call again.
        """
        account = self._store.prepare(provider, name, base_url=base_url or None, fields=dict(fields), demo=demo)
        self._secrets.set(account.id, secret, session_only=session_only or demo)
        try:
            self._store.insert(account)
        except Exception:
            self._forget_secret(account.id)
            raise
        if notify:
            self.accountsChanged.emit()
        return account

    def update(self, account: Account, secret: str | None, *, session_only: bool = False,
               notify: bool = True) -> Account:
        """Save changed fields; ``secret`` None keeps the stored one. Keyring errors propagate first.

        ``notify=False`` (demo start-up, in a worker thread) skips the signal and the client cache;
        the caller calls ``changed()`` on the GUI thread afterwards.
        """
        if secret:
            self._secrets.set(account.id, secret, session_only=session_only or account.demo)
        self._store.update(account)
        if notify:
            self.changed(account.id)
        return account

    def changed(self, account_id: str | None = None) -> None:
        """Drop cached clients (one account or all) and tell the window (GUI thread only)."""
        if account_id is None:
            for account in self.accounts():
                self._pool.invalidate(account.id)
        else:
            self._pool.invalidate(account_id)
        self.accountsChanged.emit()

    def remove(self, account_id: str) -> None:
        self._pool.invalidate(account_id)
        self._forget_secret(account_id)
        self._store.remove(account_id)
        self.accountsChanged.emit()

    def _forget_secret(self, account_id: str) -> None:
        try:
            self._secrets.delete(account_id)
        except Exception:  # the account goes anyway; the keyring entry is orphaned at worst
            logger.warning("could not delete the secret of a removed account", exc_info=True)

    def start_test(self, account: Account, secret: str | None) -> int:
        """Test a (possibly unsaved) account; ``secret`` None uses the stored one. Returns a ticket."""
        self._ticket += 1
        ticket = self._ticket
        self._tasks.spawn(self._test(ticket, account, secret), f"test-{ticket}")
        return ticket

    async def _test(self, ticket: int, account: Account, secret: str | None) -> None:
        client = None
        try:
            if not secret:
                secret = self._secrets.get(account.id) or ""
            client = self._pool.build(account, secret)
            summary = await client.test_connection()
        except Exception as exc:
            logger.info("connection test failed: %r", exc)
            error = describe_error(exc)
            self.testFinished.emit(ticket, False, f"{error.title}. {error.message}")
        else:
            self.testFinished.emit(ticket, True, summary)
        finally:
            if client is not None:
                try:
                    await client.aclose()
                except Exception:
                    logger.debug("closing the test client failed", exc_info=True)

    def draft(self, provider: ProviderId, name: str, base_url: str | None, fields: Mapping[str, str],
              account_id: str = "draft") -> Account:
        """An unsaved account for a connection test."""
        info = provider_info(provider)
        return Account(id=account_id, provider=provider, name=name, base_url=base_url or info.default_base_url,
                       fields=dict(fields))

    @staticmethod
    def with_changes(account: Account, **changes: Any) -> Account:
        return dataclasses.replace(account, **changes)

    def shutdown(self) -> None:
        self._tasks.cancel_all()

"""Shared GUI-test helpers: a qasync loop inside pytest-qt, fake credential store, sandbox accounts."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from campaign_gui.domain.models import Account, ProviderId
from campaign_gui.services.container import AppServices, build_services
from campaign_gui.storage.accounts import AccountStore
from campaign_gui.storage.secrets import KeyringUnavailable


class FakeSecrets:
    """An in-memory stand-in for ``CredentialStore`` (the real keyring is tested in tests/storage)."""

    def __init__(self, keyring: bool = True) -> None:
        self.keyring = keyring
        self.stored: dict[str, str] = {}
        self.session: dict[str, str] = {}

    def available(self) -> bool:
        return self.keyring

    def backend_description(self) -> str:
        return "Test keyring" if self.keyring else "Nowhere permanent"

    def get(self, account_id: str) -> str | None:
        return self.session.get(account_id) or self.stored.get(account_id)

    def set(self, account_id: str, secret: str, session_only: bool = False) -> None:
        if session_only:
            self.session[account_id] = secret
            return
        if not self.keyring:
            raise KeyringUnavailable("No usable system keyring was found.")
        self.stored[account_id] = secret
        self.session.pop(account_id, None)

    def delete(self, account_id: str) -> None:
        self.stored.pop(account_id, None)
        self.session.pop(account_id, None)

    def is_session_only(self, account_id: str) -> bool:
        return account_id in self.session


class SharedSandbox:
    """Demo mode's sandbox factory over the session sandbox: start/stop do nothing."""

    def __init__(self, server: Any) -> None:
        self._server = server
        self.base_url = server.base_url
        self.started = 0

    def start(self) -> SharedSandbox:
        self.started += 1
        return self

    def stop(self) -> None:
        pass

    def demo_accounts(self) -> list[dict[str, Any]]:
        return list(self._server.demo_accounts())


@pytest.fixture(scope="session")
def _session_qloop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    """One qasync loop for the session (creating and dropping one per test leaves socket notifiers
    behind); closed at the end so its worker threads stop before the QApplication goes."""
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.events._set_running_loop(None)
    try:
        yield loop
    finally:
        loop._QEventLoop__is_running = False  # type: ignore[attr-defined]  # already_running loops never "stop"
        loop.close()


@pytest.fixture
def qloop(qapp: QApplication, _session_qloop: qasync.QEventLoop) -> Iterator[asyncio.AbstractEventLoop]:
    """The asyncio loop running on Qt's loop, as in the app; pytest-qt's waits drive it.

    It is "running" only during a test, so pytest-asyncio tests in the same session are unaffected.
    """
    loop = _session_qloop
    asyncio.events._set_running_loop(loop)
    asyncio.set_event_loop(loop)
    try:
        yield loop
    finally:
        pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
        for task in pending:
            task.cancel()
        deadline = loop.time() + 5
        while any(not t.done() for t in pending) and loop.time() < deadline:
            qapp.processEvents()
        asyncio.events._set_running_loop(None)
        asyncio.set_event_loop(None)


@pytest.fixture
def secrets() -> FakeSecrets:
    return FakeSecrets()


@pytest.fixture
def services(tmp_path: Path, secrets: FakeSecrets, qloop: asyncio.AbstractEventLoop,
             sandbox_server: Any) -> Iterator[AppServices]:
    built = build_services(tmp_path, store=AccountStore(tmp_path), secrets=secrets,
                           sandbox_factory=lambda: SharedSandbox(sandbox_server))
    try:
        yield built
    finally:
        closing = qloop.create_task(built.aclose())
        deadline = qloop.time() + 10
        while not closing.done() and qloop.time() < deadline:
            QApplication.processEvents()


def add_account(services: AppServices, sandbox: Any, provider: str, name: str | None = None) -> Account:
    """Add the sandbox's demo account for ``provider`` through the account service."""
    demo = next(a for a in sandbox.server.demo_accounts() if a["provider"] == provider)
    return services.accounts.add(ProviderId(provider), name or demo["name"], demo["base_url"], demo["fields"],
                                 demo["secret"])


def demo_account(win: Any, provider: str) -> Any:
    """The tree index of the first account under the provider group labelled ``provider`` ("Cellcast")."""
    model = win.tree.tree_model
    group = next(model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == provider)
    return model.index(0, 0, group)


def show_all_contacts(win: Any, qtbot: Any, provider: str) -> Any:
    """Expand the provider's first account and show its first node ("All contacts"); its index."""
    model = win.tree.tree_model
    account = demo_account(win, provider)
    with qtbot.waitSignal(model.childrenArrived, timeout=10_000):
        win.tree.expand(account)
    with qtbot.waitSignal(win.pane.model.firstPageShown, timeout=10_000):
        win.tree.setCurrentIndex(model.index(0, 0, account))
    return account

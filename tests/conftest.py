"""Shared fixtures: a session-wide sandbox server and a per-test handle that resets it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from campaign_gui.domain.models import Account, ProviderId
from campaign_gui.sandbox.control import SandboxControl
from campaign_gui.sandbox.server import SandboxServer


@dataclass
class SandboxHandle:
    """What a test gets from the ``sandbox`` fixture (state already reset to the seed)."""

    server: SandboxServer
    control: SandboxControl
    _accounts: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def base_url(self) -> str:
        return self.server.base_url

    def url(self, provider: str | ProviderId) -> str:
        return f"{self.base_url}/{ProviderId(provider).value}"

    def account(self, provider: str | ProviderId) -> Account:
        """The provider's demo account as a domain ``Account`` (base URL points at this sandbox)."""
        demo = self._accounts[ProviderId(provider).value]
        return Account(id=f"demo-{demo['provider']}", provider=ProviderId(provider), name=str(demo["name"]),
                       base_url=str(demo["base_url"]), fields=dict(demo["fields"]), demo=True)

    def secret(self, provider: str | ProviderId) -> str:
        return str(self._accounts[ProviderId(provider).value]["secret"])


@pytest.fixture(scope="session")
def sandbox_server() -> Iterator[SandboxServer]:
    server = SandboxServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def _sandbox_control(sandbox_server: SandboxServer) -> Iterator[SandboxControl]:
    with SandboxControl(sandbox_server.base_url) as control:
        yield control


@pytest.fixture
def sandbox(sandbox_server: SandboxServer, _sandbox_control: SandboxControl) -> SandboxHandle:
    """The running sandbox, reset to its seed (faults, ledger, counters and config cleared)."""
    _sandbox_control.reset()
    accounts = {a["provider"]: a for a in sandbox_server.demo_accounts()}
    return SandboxHandle(sandbox_server, _sandbox_control, accounts)


@pytest.fixture
def vietnamese(qapp: Any) -> Iterator[None]:
    """The application's texts in Vietnamese for one test (English again after it)."""
    from campaign_gui.ui.i18n import I18N_DIR, LanguageManager

    languages = LanguageManager(I18N_DIR)
    languages.apply("vi")
    try:
        yield
    finally:
        languages.clear()

"""Demo mode: first run adds five demo accounts on the sandbox; later runs re-point them."""

from __future__ import annotations

import dataclasses
from typing import Any

from pytestqt.qtbot import QtBot
from qt_support import FakeSecrets, add_account

from campaign_gui.domain.models import ProviderId
from campaign_gui.services.container import AppServices


def test_first_run_adds_five_session_only_demo_accounts(services: AppServices, secrets: FakeSecrets,
                                                        qtbot: QtBot) -> None:
    with qtbot.waitSignal(services.demo.ready, timeout=10_000):
        assert services.demo.start(first_run=True)
    accounts = services.accounts.accounts()
    assert {a.provider for a in accounts} == set(ProviderId)
    assert all(a.demo for a in accounts)
    assert all(secrets.is_session_only(a.id) for a in accounts)
    assert secrets.stored == {}


def test_later_runs_repoint_demo_accounts(services: AppServices, secrets: FakeSecrets, qtbot: QtBot) -> None:
    with qtbot.waitSignal(services.demo.ready, timeout=10_000):
        services.demo.start(first_run=True)
    stale = services.accounts.accounts()[0]
    services.accounts.store.update(dataclasses.replace(stale, base_url="http://127.0.0.1:9/old"))
    secrets.session.clear()  # a new process: session secrets are gone
    with qtbot.waitSignal(services.demo.ready, timeout=10_000):
        assert services.demo.start(first_run=False)
    again = services.accounts.get(stale.id)
    assert again is not None and "127.0.0.1:9/" not in again.base_url
    assert secrets.get(stale.id)
    assert len(services.accounts.accounts()) == 5


def test_no_demo_when_real_accounts_exist(services: AppServices, sandbox: Any, qtbot: QtBot) -> None:
    add_account(services, sandbox, "smsby", "Real one")
    with qtbot.waitSignal(services.demo.ready, timeout=1_000):
        assert not services.demo.start(first_run=True)
    assert [a.name for a in services.accounts.accounts()] == ["Real one"]

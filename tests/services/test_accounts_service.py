"""AccountService against the sandbox: add, edit, remove, test; keyring failures keep nothing."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from qt_support import FakeSecrets, add_account

from campaign_gui.domain.models import ProviderId
from campaign_gui.services.accounts import CredentialError
from campaign_gui.services.container import AppServices


def test_add_keeps_the_secret_only_in_the_credential_store(services: AppServices, secrets: FakeSecrets,
                                                           sandbox: Any, tmp_path: Any) -> None:
    account = add_account(services, sandbox, "alohub", "Shop A")
    assert [a.name for a in services.accounts.accounts()] == ["Shop A"]
    assert secrets.stored[account.id] == sandbox.secret("alohub")
    on_disk = "".join(p.read_text(errors="ignore") for p in tmp_path.rglob("*") if p.is_file())
    assert sandbox.secret("alohub") not in on_disk


def test_several_accounts_per_provider_and_edit(services: AppServices, sandbox: Any) -> None:
    first = add_account(services, sandbox, "cellcast", "AU one")
    add_account(services, sandbox, "cellcast", "AU two")
    services.accounts.update(services.accounts.with_changes(first, name="AU renamed"), None)
    assert sorted(a.name for a in services.accounts.accounts()) == ["AU renamed", "AU two"]


def test_remove_forgets_the_secret(services: AppServices, secrets: FakeSecrets, sandbox: Any) -> None:
    account = add_account(services, sandbox, "smsby")
    services.accounts.remove(account.id)
    assert services.accounts.accounts() == []
    assert account.id not in secrets.stored


def test_no_keyring_keeps_nothing_until_session_only(services: AppServices, secrets: FakeSecrets,
                                                     sandbox: Any) -> None:
    secrets.keyring = False
    with pytest.raises(CredentialError):
        add_account(services, sandbox, "dynmsg")
    assert services.accounts.accounts() == []
    demo = next(a for a in sandbox.server.demo_accounts() if a["provider"] == "dynmsg")
    account = services.accounts.add(ProviderId.DYNMSG, "UK", demo["base_url"], {}, demo["secret"], session_only=True)
    assert services.accounts.is_session_only(account.id)
    assert "session" in services.accounts.backend_description()


def test_connection_test_reports_what_it_found(services: AppServices, sandbox: Any, qtbot: QtBot) -> None:
    account = add_account(services, sandbox, "alohub")
    with qtbot.waitSignal(services.accounts.testFinished, timeout=10_000) as blocker:
        services.accounts.start_test(account, None)
    _ticket, ok, message = blocker.args
    assert ok, message
    assert "campaign" in message.lower()


def test_connection_test_reports_a_bad_key_in_user_terms(services: AppServices, sandbox: Any,
                                                         qtbot: QtBot) -> None:
    account = add_account(services, sandbox, "cellcast")
    with qtbot.waitSignal(services.accounts.testFinished, timeout=10_000) as blocker:
        services.accounts.start_test(account, "wrong-key-000000")
    _ticket, ok, message = blocker.args
    assert not ok
    assert "Re-enter the key" in message
    assert "wrong-key-000000" not in message

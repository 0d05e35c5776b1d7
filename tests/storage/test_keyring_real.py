"""CredentialStore against a real Secret Service: gnome-keyring-daemon on a private D-Bus bus."""

from __future__ import annotations

import keyring.core
import pytest
from keyring_env import SecretServiceEnv

from campaign_gui.storage.secrets import (
    SERVICE,
    CredentialStore,
    KeyringLocked,
    KeyringUnavailable,
)

pytestmark = pytest.mark.keyring


def test_secret_lands_in_the_secret_service(real_keyring: SecretServiceEnv) -> None:
    store = CredentialStore(real_keyring.backend())
    assert store.available()
    assert "Secret Service" in store.backend_description()
    store.set("acct-real-1", "real-secret-one-5b8e")
    assert real_keyring.stored_secret("acct-real-1") == "real-secret-one-5b8e"
    [attributes] = [e for e in real_keyring.entries() if e["username"] == "acct-real-1"]
    assert attributes["service"] == SERVICE == "campaign-gui"  # one entry, keyed by the account id
    assert store.get("acct-real-1") == "real-secret-one-5b8e"
    assert not store.is_session_only("acct-real-1")
    store.delete("acct-real-1")
    assert real_keyring.stored_secret("acct-real-1") is None
    assert [e for e in real_keyring.entries() if e["username"] == "acct-real-1"] == []


def test_replace_keeps_one_entry_and_accounts_are_separate(real_keyring: SecretServiceEnv) -> None:
    store = CredentialStore(real_keyring.backend())
    store.set("acct-real-2", "first-5b8e")
    store.set("acct-real-2", "second-5b8e")
    store.set("acct-real-3", "Mật khẩu ✓ пароль")
    assert [e["username"] for e in real_keyring.entries()].count("acct-real-2") == 1
    assert store.get("acct-real-2") == "second-5b8e"
    assert CredentialStore(real_keyring.backend()).get("acct-real-3") == "Mật khẩu ✓ пароль"
    store.delete("acct-real-2")
    store.delete("acct-real-2")  # already gone: no error
    assert store.get("acct-real-3") == "Mật khẩu ✓ пароль"
    store.delete("acct-real-3")
    assert not {"acct-real-2", "acct-real-3"} & {e["username"] for e in real_keyring.entries()}


def test_auto_detection_honours_the_configured_backend(real_keyring: SecretServiceEnv,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)  # detect again from PYTHON_KEYRING_BACKEND
    store = CredentialStore()
    store.set("acct-auto", "auto-secret-5b8e")
    assert type(keyring.core.get_keyring()).__module__ == "keyring.backends.SecretService"
    assert real_keyring.stored_secret("acct-auto") == "auto-secret-5b8e"
    store.delete("acct-auto")


def test_locked_collection(locked_keyring: SecretServiceEnv) -> None:
    store = CredentialStore(locked_keyring.backend())
    for call in (lambda: store.get("acct-l"), lambda: store.set("acct-l", "locked-secret-5b8e"),
                 lambda: store.delete("acct-l")):
        with pytest.raises(KeyringLocked) as info:
            call()
        assert "locked" in info.value.reason
        assert "locked-secret-5b8e" not in info.value.message
    store.set("acct-l", "locked-secret-5b8e", session_only=True)
    assert store.get("acct-l") == "locked-secret-5b8e" and store.is_session_only("acct-l")


def test_secret_service_gone(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    service = SecretServiceEnv.start(tmp_path_factory.mktemp("gone"))
    service.apply(monkeypatch)
    store = CredentialStore(service.backend())
    store.set("acct-g", "gone-secret-5b8e")
    service.stop()
    with pytest.raises(KeyringUnavailable) as info:
        store.get("acct-g")
    assert "did not answer" in info.value.reason
    assert not CredentialStore(service.backend()).available()


def test_missing_tools_fail_with_the_install_line(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring_env

    monkeypatch.setattr(keyring_env.shutil, "which", lambda tool: None if "keyring" in tool else f"/usr/bin/{tool}")
    with pytest.raises(pytest.fail.Exception) as info:
        keyring_env.require_tools()
    assert "gnome-keyring-daemon" in str(info.value)
    assert "apt-get install -y gnome-keyring" in str(info.value)

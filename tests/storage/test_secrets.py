"""CredentialStore over hand-written keyring backends: each error path and the refusals."""

from __future__ import annotations

import logging

import keyring
import keyring.backend
import pytest
from keyring.backends import fail, null
from keyring.backends.chainer import ChainerBackend
from keyring.errors import KeyringLocked as BackendLocked
from keyring.errors import PasswordDeleteError

from campaign_gui.domain.models import Account, ProviderId
from campaign_gui.domain.redaction import redact
from campaign_gui.storage.secrets import (
    SERVICE,
    WINDOWS_VAULT_MAX_BYTES,
    CredentialError,
    CredentialStore,
    KeyringLocked,
    KeyringUnavailable,
    SecretTooLong,
)

SECRET = "unit-test-secret-3b9f1c7e"


class MemoryKeyring:
    """A working keyring in a dict (duck-typed: not registered with keyring's backend list)."""

    priority = 1

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}
        self.calls = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.calls += 1
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls += 1
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.calls += 1
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError("No such password!")


class RaisingBackend(MemoryKeyring):
    """Every operation raises ``exc``."""

    def __init__(self, exc: BaseException) -> None:
        super().__init__()
        self.exc = exc

    def get_password(self, service: str, username: str) -> str | None:
        raise self.exc

    def set_password(self, service: str, username: str, password: str) -> None:
        raise self.exc

    def delete_password(self, service: str, username: str) -> None:
        raise self.exc


class LockedBackend(RaisingBackend):
    """The Secret Service when the user dismisses the unlock prompt."""

    def __init__(self) -> None:
        super().__init__(BackendLocked("Failed to unlock the collection!"))


class WinVaultKeyring(MemoryKeyring):
    """Looks like keyring's Windows backend (module and class name)."""


WinVaultKeyring.__module__ = "keyring.backends.Windows"


class LimitedKeyring(MemoryKeyring):
    max_secret_bytes = 2560


class PlaintextKeyring(MemoryKeyring):
    """Looks like keyrings.alt's plaintext file backend."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


class EncryptedKeyring(MemoryKeyring):
    pass


EncryptedKeyring.__module__ = "keyrings.alt.file"


class NotViable(MemoryKeyring):
    priority = 0


def test_roundtrip_uses_service_and_account_id() -> None:
    backend = MemoryKeyring()
    store = CredentialStore(backend)
    store.set("acc1", SECRET)
    assert backend.items == {(SERVICE, "acc1"): SECRET}
    assert SERVICE == "campaign-gui"
    assert store.get("acc1") == SECRET
    assert store.get("other") is None
    assert not store.is_session_only("acc1")
    store.delete("acc1")
    assert backend.items == {}
    store.delete("acc1")  # nothing stored: no error
    assert store.get("acc1") is None


def test_set_replaces_existing_secret() -> None:
    backend = MemoryKeyring()
    store = CredentialStore(backend)
    store.set("acc1", "first-secret")
    store.set("acc1", "second-secret")
    assert backend.items == {(SERVICE, "acc1"): "second-secret"}


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), NotViable()], ids=["fail", "null", "priority0"])
def test_no_backend_is_unavailable(backend: object) -> None:
    store = CredentialStore(backend)  # type: ignore[arg-type]
    assert not store.available()
    assert "session only" in store.backend_description()
    for call in (lambda: store.get("a"), lambda: store.set("a", SECRET), lambda: store.delete("a")):
        with pytest.raises(KeyringUnavailable) as info:
            call()
        assert "No system keyring" in info.value.reason
        assert "this session only" in info.value.message
        assert info.value.session_only_possible
        assert isinstance(info.value, CredentialError)


def test_chainer_without_viable_backends_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring.backend, "_limit", lambda _backend: False)
    chainer = ChainerBackend()
    assert list(chainer.backends) == []
    store = CredentialStore(chainer)
    assert not store.available()
    with pytest.raises(KeyringUnavailable):
        store.set("a", SECRET)


def test_chainer_uses_its_best_real_backend_and_skips_file_backends(monkeypatch: pytest.MonkeyPatch) -> None:
    plaintext, memory = PlaintextKeyring(), MemoryKeyring()
    monkeypatch.setattr(ChainerBackend, "backends", [plaintext, memory])
    store = CredentialStore(ChainerBackend())
    store.set("a", SECRET)
    assert memory.items == {(SERVICE, "a"): SECRET}
    assert plaintext.items == {} and plaintext.calls == 0


def test_chainer_of_only_file_backends_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    plaintext = PlaintextKeyring()
    monkeypatch.setattr(ChainerBackend, "backends", [plaintext])
    store = CredentialStore(ChainerBackend())
    with pytest.raises(KeyringUnavailable) as info:
        store.set("a", SECRET)
    assert "file" in info.value.reason
    assert plaintext.calls == 0


@pytest.mark.parametrize("cls", [PlaintextKeyring, EncryptedKeyring])
def test_keyrings_alt_file_backends_are_refused(cls: type[MemoryKeyring]) -> None:
    backend = cls()
    store = CredentialStore(backend)
    assert not store.available()
    with pytest.raises(KeyringUnavailable) as info:
        store.set("a", SECRET)
    assert "would keep secrets in a file" in info.value.reason
    assert backend.calls == 0 and backend.items == {}


def test_auto_detected_file_backend_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    plaintext = PlaintextKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: plaintext)
    with pytest.raises(KeyringUnavailable):
        CredentialStore().set("a", SECRET)
    assert plaintext.calls == 0


def test_auto_detection_that_raises_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> object:
        raise RuntimeError("The Secret Service daemon is neither running nor activatable through D-Bus")

    monkeypatch.setattr(keyring, "get_keyring", broken)
    store = CredentialStore()
    assert not store.available()
    with pytest.raises(KeyringUnavailable):
        store.get("a")


def test_auto_detection_uses_keyrings_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    memory = MemoryKeyring()
    monkeypatch.setattr(keyring, "get_keyring", lambda: memory)
    CredentialStore().set("a", SECRET)
    assert memory.items == {(SERVICE, "a"): SECRET}


def test_locked_keyring_and_session_only_fallback() -> None:
    store = CredentialStore(LockedBackend())
    for call in (lambda: store.get("a"), lambda: store.set("a", SECRET), lambda: store.delete("a")):
        with pytest.raises(KeyringLocked) as info:
            call()
        assert "locked" in info.value.reason and "Unlock" in info.value.reason
        assert info.value.session_only_possible
    store.set("a", SECRET, session_only=True)
    assert store.get("a") == SECRET
    assert store.is_session_only("a")


@pytest.mark.parametrize("name", ["LockedException", "PromptDismissedException"])
def test_secretstorage_lock_errors_are_locked(name: str) -> None:
    from secretstorage import exceptions

    exc = getattr(exceptions, name)("locked")
    with pytest.raises(KeyringLocked):
        CredentialStore(RaisingBackend(exc)).get("a")


@pytest.mark.parametrize("exc", [ConnectionRefusedError(111, "refused"), keyring.errors.InitError("no collection"),
                                 keyring.errors.NoKeyringError("none")])
def test_backend_that_stops_answering_is_unavailable(exc: BaseException) -> None:
    with pytest.raises(KeyringUnavailable) as info:
        CredentialStore(RaisingBackend(exc)).set("a", SECRET)
    assert "did not answer" in info.value.reason or "No system keyring" in info.value.reason


def test_unexpected_backend_error_is_a_credential_error_without_its_text() -> None:
    store = CredentialStore(RaisingBackend(ValueError(f"backend echoed {SECRET}")))
    with pytest.raises(CredentialError) as info:
        store.set("a", SECRET)
    assert type(info.value) is CredentialError
    assert SECRET not in str(info.value) and SECRET not in repr(info.value)
    assert info.value.__cause__ is None and info.value.__suppress_context__


@pytest.mark.parametrize("backend", [WinVaultKeyring(), LimitedKeyring()], ids=["windows-module", "attribute"])
def test_secret_too_long_for_windows_vault(backend: MemoryKeyring) -> None:
    store = CredentialStore(backend)
    assert store.max_secret_bytes == WINDOWS_VAULT_MAX_BYTES == 2560
    fits = "k" * 1280  # 2560 bytes in UTF-16
    store.set("a", fits)
    assert backend.items[(SERVICE, "a")] == fits
    for too_long in ("k" * 1281, "é" * 1281, "😀" * 641):  # 2562, 2562, 2564 bytes
        with pytest.raises(SecretTooLong) as info:
            store.set("b", too_long)
        assert "2560" in info.value.reason
        assert too_long not in info.value.message and too_long not in repr(info.value)
        assert info.value.session_only_possible
    assert (SERVICE, "b") not in backend.items
    store.set("b", "😀" * 640)  # exactly 2560 bytes
    store.set("c", "k" * 5000, session_only=True)  # memory has no limit
    assert store.get("c") == "k" * 5000


def test_no_limit_elsewhere() -> None:
    backend = MemoryKeyring()
    store = CredentialStore(backend)
    assert store.max_secret_bytes is None
    store.set("a", "x" * 10_000)
    assert backend.items[(SERVICE, "a")] == "x" * 10_000


def test_backend_descriptions() -> None:
    class Keyring(MemoryKeyring):
        pass

    Keyring.__module__ = "keyring.backends.macOS"
    assert CredentialStore(Keyring()).backend_description() == "macOS Keychain"
    assert CredentialStore(WinVaultKeyring()).backend_description() == "Windows Credential Manager"
    assert CredentialStore(MemoryKeyring()).backend_description() == "MemoryKeyring"


def test_session_only_never_touches_the_backend() -> None:
    backend = MemoryKeyring()
    store = CredentialStore(backend)
    store.set("a", SECRET, session_only=True)
    assert backend.calls == 0
    assert store.get("a") == SECRET and store.is_session_only("a")
    store.set("a", SECRET)  # now kept for good: no longer session-only
    assert not store.is_session_only("a")
    assert backend.items == {(SERVICE, "a"): SECRET}
    store.set("b", SECRET, session_only=True)
    store.delete("b")
    assert not store.is_session_only("b") and store.get("b") is None


def test_session_only_works_without_any_keyring() -> None:
    store = CredentialStore(fail.Keyring())
    store.set("a", SECRET, session_only=True)
    assert store.get("a") == SECRET


def test_demo_accounts_are_session_only() -> None:
    backend = MemoryKeyring()
    store = CredentialStore(backend)
    demo = Account(id="d1", provider=ProviderId.SMSBY, name="Demo", base_url="http://127.0.0.1:1/smsby", demo=True)
    real = Account(id="r1", provider=ProviderId.SMSBY, name="Real", base_url="http://127.0.0.1:1/smsby")
    store.set_for_account(demo, "smsby-demo-token-4c1e8b7a2f9d")
    store.set_for_account(real, SECRET)
    assert store.is_session_only("d1") and not store.is_session_only("r1")
    assert backend.items == {(SERVICE, "r1"): SECRET}


def test_empty_secret_is_refused() -> None:
    with pytest.raises(ValueError):
        CredentialStore(MemoryKeyring()).set("a", "")


def test_secrets_are_registered_for_redaction_on_set_and_get() -> None:
    backend = MemoryKeyring()
    store = CredentialStore(backend)
    store.set("a", "set-secret-6d2a9e41")
    assert redact("x set-secret-6d2a9e41 y") == "x *** y"
    backend.items[(SERVICE, "b")] = "got-secret-7c1b3f58"  # put there by another process
    assert store.get("b") == "got-secret-7c1b3f58"
    assert redact("got-secret-7c1b3f58") == "***"


def test_repr_and_logs_never_show_a_secret(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    store = CredentialStore(MemoryKeyring())
    store.set("a", SECRET)
    store.set("s", SECRET + "-session", session_only=True)
    store.get("a")
    with pytest.raises(CredentialError):
        CredentialStore(RaisingBackend(RuntimeError(SECRET))).get("a")
    with pytest.raises(SecretTooLong):
        CredentialStore(LimitedKeyring()).set("a", SECRET * 200)
    assert SECRET not in repr(store) and SECRET not in str(store)
    assert SECRET not in caplog.text

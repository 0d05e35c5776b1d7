"""The in-process keyring used by benchmarks and tools goes through the real CredentialStore."""

from __future__ import annotations

from campaign_gui.storage.secrets import CredentialStore, ProcessMemoryKeyring


def test_secrets_live_only_in_this_store() -> None:
    store = CredentialStore(ProcessMemoryKeyring())
    assert store.available()
    store.set("acc-1", "s3cret-value-123")
    assert store.get("acc-1") == "s3cret-value-123"
    assert not store.is_session_only("acc-1")  # kept by the backend, not the session dict
    assert CredentialStore(ProcessMemoryKeyring()).get("acc-1") is None  # another store, nothing shared
    store.delete("acc-1")
    assert store.get("acc-1") is None
    assert "s3cret" not in repr(store)

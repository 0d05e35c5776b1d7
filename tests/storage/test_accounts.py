"""AccountStore: validation, persistence, remembered items, atomic writes and damaged files."""

from __future__ import annotations

import json
import os
import stat
import uuid
from pathlib import Path

import pytest

from campaign_gui.domain.models import ProviderId
from campaign_gui.providers import provider_info
from campaign_gui.storage.accounts import FILE_NAME, AccountStore, StorageFileError

STRINGEE_FIELDS = {"key_sid": "SKDEMO00000000000000000000000001"}


def _required(provider: ProviderId) -> dict[str, str]:
    return {f.key: f"value-{f.key}" for f in provider_info(provider).fields if f.required}


@pytest.fixture
def store(tmp_path: Path) -> AccountStore:
    return AccountStore(tmp_path)


def test_add_persists_and_defaults_base_url(tmp_path: Path, store: AccountStore) -> None:
    account = store.add("stringee", "  My   Stringee ", fields=STRINGEE_FIELDS)
    assert uuid.UUID(account.id).version == 4 and len(account.id) == 32
    assert account.provider is ProviderId.STRINGEE
    assert account.name == "My Stringee"
    assert account.base_url == provider_info("stringee").default_base_url.rstrip("/")
    assert account.fields == STRINGEE_FIELDS
    assert not account.demo
    again = AccountStore(tmp_path)
    assert again.list() == [account]
    assert again.get(account.id) == account
    on_disk = json.loads((tmp_path / FILE_NAME).read_text(encoding="utf-8"))
    assert on_disk["accounts"][0]["name"] == "My Stringee"
    assert "secret" not in json.dumps(on_disk).lower()


@pytest.mark.parametrize("provider", list(ProviderId))
def test_every_provider_needs_its_required_fields(store: AccountStore, provider: ProviderId) -> None:
    required = _required(provider)
    for missing in required:
        partial = {k: v for k, v in required.items() if k != missing}
        with pytest.raises(ValueError, match=missing):
            store.add(provider, f"{provider.value} without {missing}", fields=partial)
    account = store.add(provider, f"{provider.value} ok", base_url="http://127.0.0.1:8000/" + provider.value,
                        fields=required)
    assert account.base_url == f"http://127.0.0.1:8000/{provider.value}"
    assert {k: account.fields[k] for k in required} == required
    assert [a.name for a in store.list()] == [f"{provider.value} ok"]


def test_unknown_field_and_provider_are_refused(store: AccountStore) -> None:
    with pytest.raises(ValueError, match="keysid"):
        store.add("stringee", "typo", fields={**STRINGEE_FIELDS, "keysid": "x"})
    with pytest.raises(ValueError, match="Unknown provider"):
        store.add("twilio", "nope")
    assert store.list() == []


@pytest.mark.parametrize("url", ["ftp://example.com", "example.com/api", "http://", "https://user:pw@example.com",
                                 "https://example.com/api?token=abc", "https://example.com/#x"])
def test_bad_base_urls(store: AccountStore, url: str) -> None:
    with pytest.raises(ValueError):
        store.add("stringee", "bad url", base_url=url, fields=STRINGEE_FIELDS)
    assert not (store.path).exists()


def test_names_are_unique_case_insensitively(store: AccountStore) -> None:
    store.add("smsby", "Sales BY", fields=_required(ProviderId.SMSBY))
    for name in ("sales by", "  SALES   BY ", "Sales BY"):
        with pytest.raises(ValueError, match="already an account"):
            store.add("cellcast", name, fields=_required(ProviderId.CELLCAST))
    with pytest.raises(ValueError, match="needs a name"):
        store.add("cellcast", "   ", fields=_required(ProviderId.CELLCAST))
    assert len(store.list()) == 1


def test_find_get_and_missing(store: AccountStore) -> None:
    account = store.add("dynmsg", "Tài khoản UK", fields=_required(ProviderId.DYNMSG))
    assert store.find("tài khoản uk") == account
    assert store.find(" TÀI KHOẢN UK ") == account
    assert store.find("other") is None
    with pytest.raises(KeyError):
        store.get("0" * 32)


def test_prepare_does_not_write_and_insert_revalidates(store: AccountStore) -> None:
    prepared = store.prepare("stringee", "Later", fields=STRINGEE_FIELDS)
    assert not store.path.exists() and store.list() == []
    store.add("stringee", "later", fields=STRINGEE_FIELDS)  # someone took the name meanwhile
    with pytest.raises(ValueError, match="already an account"):
        store.insert(prepared)
    assert [a.name for a in store.list()] == ["later"]


def test_update(store: AccountStore) -> None:
    first = store.add("stringee", "One", fields=STRINGEE_FIELDS)
    second = store.add("stringee", "Two", fields=STRINGEE_FIELDS)
    changed = type(first)(id=first.id, provider=first.provider, name="Uno", base_url="http://127.0.0.1:9/stringee/",
                          fields={"key_sid": "SK2"})
    store.update(changed)
    assert store.get(first.id).name == "Uno"
    assert store.get(first.id).base_url == "http://127.0.0.1:9/stringee"
    assert [a.id for a in store.list()] == [first.id, second.id]  # order kept
    with pytest.raises(ValueError, match="already an account"):
        store.update(type(second)(id=second.id, provider=second.provider, name="uno", base_url=second.base_url,
                                  fields=second.fields))
    with pytest.raises(ValueError, match="key_sid"):
        store.update(type(first)(id=first.id, provider=first.provider, name="Uno", base_url=first.base_url))
    with pytest.raises(KeyError):
        store.update(type(first)(id="missing", provider=first.provider, name="X", base_url=first.base_url,
                                 fields=STRINGEE_FIELDS))


def test_remove(store: AccountStore) -> None:
    keep = store.add("cellcast", "Keep", fields=_required(ProviderId.CELLCAST))
    gone = store.add("cellcast", "Gone", fields=_required(ProviderId.CELLCAST))
    store.remember(gone.id, "list", {"id": "VIP"})
    store.remove(gone.id)
    assert store.list() == [keep]
    assert store.remembered(gone.id, "list") == []
    assert gone.id not in store.path.read_text(encoding="utf-8")
    with pytest.raises(KeyError):
        store.remove(gone.id)


def test_demo_flag_persists(tmp_path: Path, store: AccountStore) -> None:
    store.add("alohub", "Demo Alohub", base_url="http://127.0.0.1:1/alohub", fields=_required(ProviderId.ALOHUB),
              demo=True)
    assert AccountStore(tmp_path).list()[0].demo is True


def test_remembered_items(store: AccountStore) -> None:
    a = store.add("stringee", "A", fields=STRINGEE_FIELDS)
    b = store.add("cellcast", "B", fields=_required(ProviderId.CELLCAST))
    assert store.remembered(a.id, "campaign") == []
    store.remember(a.id, "campaign", {"id": "CA100001", "name": "Tháng 4"})
    store.remember(a.id, "campaign", {"id": "CA100002"})
    store.remember(a.id, "campaign", {"id": "CA100001", "name": "Tháng 5"})  # again: replaced, moved first
    store.remember(b.id, "list", {"id": "VIP customers"})
    assert store.remembered(a.id, "campaign") == [{"id": "CA100001", "name": "Tháng 5"}, {"id": "CA100002"}]
    assert store.remembered(a.id, "list") == []
    assert store.remembered(b.id, "list") == [{"id": "VIP customers"}]
    copy = store.remembered(a.id, "campaign")
    copy[0]["name"] = "changed"
    assert store.remembered(a.id, "campaign")[0]["name"] == "Tháng 5"
    store.forget(a.id, "campaign", "CA100001")
    store.forget(a.id, "campaign", "not-there")
    store.forget(a.id, "nothing", "x")
    store.forget("no-account", "campaign", "x")
    assert store.remembered(a.id, "campaign") == [{"id": "CA100002"}]
    with pytest.raises(KeyError):
        store.remember("no-account", "campaign", {"id": "CA1"})
    with pytest.raises(ValueError):
        store.remember(a.id, "campaign", {"name": "no id"})


def test_remembered_items_are_capped(store: AccountStore) -> None:
    a = store.add("stringee", "A", fields=STRINGEE_FIELDS)
    for i in range(60):
        store.remember(a.id, "campaign", {"id": f"CA{i:06d}"})
    items = store.remembered(a.id, "campaign")
    assert len(items) == 50
    assert items[0] == {"id": "CA000059"} and items[-1] == {"id": "CA000010"}


def test_writes_are_atomic_and_private(tmp_path: Path, store: AccountStore, monkeypatch: pytest.MonkeyPatch) -> None:
    store.add("stringee", "First", fields=STRINGEE_FIELDS)
    before = store.path.read_bytes()
    if os.name == "posix":
        assert stat.S_IMODE(store.path.stat().st_mode) & 0o077 == 0

    def failing_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(StorageFileError, match="No space left"):
        store.add("stringee", "Second", fields=STRINGEE_FIELDS)
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [FILE_NAME]  # no temp file left behind
    assert [a.name for a in store.list()] == ["First"]


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b"\xff\xfe garbage", b""])
def test_damaged_file_is_kept_and_reported(tmp_path: Path, store: AccountStore, content: bytes) -> None:
    store.path.write_bytes(content)
    with pytest.raises(StorageFileError) as info:
        store.list()
    assert str(store.path) in info.value.message and "damaged" in info.value.message
    backup = tmp_path / (FILE_NAME + ".bak")
    assert info.value.backup == backup and backup.read_bytes() == content
    assert store.path.read_bytes() == content  # nothing overwritten
    with pytest.raises(StorageFileError):
        store.add("stringee", "New", fields=STRINGEE_FIELDS)
    assert store.path.read_bytes() == content


@pytest.mark.parametrize("data", [
    {"version": 1, "accounts": [{"id": "x", "provider": "nokia"}]},
    {"version": 1, "accounts": {}},
    {"version": 1, "accounts": [], "remembered": {"x": ["CA1"]}},
    {"version": 1, "accounts": [], "remembered": {"x": {"campaign": "CA1"}}},
])
def test_entries_of_unknown_shape_are_reported(store: AccountStore, data: dict[str, object]) -> None:
    store.path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(StorageFileError, match="cannot read"):
        store.list()

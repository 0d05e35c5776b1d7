"""Accounts without their secrets, and per-account remembered items, in ``accounts.json``."""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from campaign_gui.domain.models import Account, ProviderId
from campaign_gui.providers import provider_info
from campaign_gui.storage.jsonfile import StorageFileError, locked, read_json_object, write_json_atomic

FILE_NAME = "accounts.json"
FORMAT_VERSION = 1
REMEMBERED_LIMIT = 50  # per account and kind, most recent first

__all__ = ["FILE_NAME", "AccountStore", "StorageFileError", "normalise_base_url"]


def normalise_base_url(url: str) -> str:
    """``http(s)://host[:port][/prefix]`` without a trailing slash; ValueError in the user's terms."""
    text = url.strip().rstrip("/")
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"The base URL {text!r} is not an http:// or https:// address.")
    if parts.username or parts.password:
        raise ValueError("The base URL must not contain a user name or password; the secret goes in the keyring.")
    if parts.query or parts.fragment:
        raise ValueError("The base URL must not contain a query string (?…) or fragment (#…).")
    return text


class AccountStore:
    """Non-secret account data in ``data_dir/accounts.json``; every change re-reads the file first."""

    def __init__(self, data_dir: Path) -> None:
        self._path = Path(data_dir) / FILE_NAME

    @property
    def path(self) -> Path:
        return self._path

    def __repr__(self) -> str:
        return f"AccountStore({str(self._path)!r})"

    # --- accounts -----------------------------------------------------------------------------

    def list(self) -> builtins.list[Account]:
        """Every account, in the order they were added."""
        return [_account_from_json(item) for item in self._load()["accounts"]]

    def get(self, account_id: str) -> Account:
        """The account with this id; KeyError when there is none."""
        for account in self.list():
            if account.id == account_id:
                return account
        raise KeyError(account_id)

    def find(self, name: str) -> Account | None:
        """The account with this name (case-insensitive, surrounding spaces ignored), or None."""
        wanted = _name_key(name)
        for account in self.list():
            if _name_key(account.name) == wanted:
                return account
        return None

    def prepare(self, provider: ProviderId | str, name: str, base_url: str | None = None,
                fields: Mapping[str, str] | None = None, demo: bool = False) -> Account:
        """A validated new account with a fresh id, not yet saved (see ``insert``).

        ValueError (message for the user) on an unknown provider, an empty or duplicate name,
        a bad base URL, or a missing or unknown field.
        """
        try:
            provider_id = ProviderId(provider)
        except ValueError:
            known = ", ".join(p.value for p in ProviderId)
            raise ValueError(f"Unknown provider {provider!r}; choose one of: {known}.") from None
        account = Account(id=uuid.uuid4().hex, provider=provider_id, name=name, base_url=base_url or "",
                          fields=dict(fields or {}), demo=demo)
        return self._validated(account, existing=self.list())

    def insert(self, account: Account) -> None:
        """Save an account made by ``prepare`` (validated again against the file as it is now)."""
        with self._locked():
            data = self._load()
            existing = [_account_from_json(item) for item in data["accounts"]]
            if any(a.id == account.id for a in existing):
                raise ValueError(f"An account with id {account.id} already exists.")
            account = self._validated(account, existing=existing)
            data["accounts"].append(_account_to_json(account))
            self._save(data)

    def add(self, provider: ProviderId | str, name: str, base_url: str | None = None,
            fields: Mapping[str, str] | None = None, demo: bool = False) -> Account:
        """Validate and save a new account; returns it (id = uuid4 hex). ValueError as ``prepare``."""
        account = self.prepare(provider, name, base_url=base_url, fields=fields, demo=demo)
        self.insert(account)
        return account

    def update(self, account: Account) -> None:
        """Replace the stored account with the same id (KeyError if none); validated like ``add``."""
        with self._locked():
            data = self._load()
            existing = [_account_from_json(item) for item in data["accounts"]]
            index = next((i for i, a in enumerate(existing) if a.id == account.id), None)
            if index is None:
                raise KeyError(account.id)
            others = existing[:index] + existing[index + 1:]
            data["accounts"][index] = _account_to_json(self._validated(account, existing=others))
            self._save(data)

    def remove(self, account_id: str) -> None:
        """Forget the account and its remembered items (KeyError if none). The caller deletes its secret."""
        with self._locked():
            data = self._load()
            kept = [item for item in data["accounts"] if item.get("id") != account_id]
            if len(kept) == len(data["accounts"]):
                raise KeyError(account_id)
            data["accounts"] = kept
            data["remembered"].pop(account_id, None)
            self._save(data)

    # --- remembered items (campaigns entered by id, list names…) ---------------------------------

    def remembered(self, account_id: str, kind: str) -> builtins.list[dict[str, Any]]:
        """Items remembered for this account and kind (e.g. "campaign", "list"), most recent first."""
        items = self._load()["remembered"].get(account_id, {}).get(kind, [])
        return [dict(item) for item in items if isinstance(item, dict)]

    def remember(self, account_id: str, kind: str, item: dict[str, Any]) -> None:
        """Remember ``item`` (a JSON-able dict with a non-empty ``"id"``; for a list known only by
        name, the name is its id). The same id again replaces the old one and moves it first."""
        key = item.get("id")
        if not isinstance(key, str) or not key.strip():
            raise ValueError("A remembered item needs a non-empty text 'id'.")
        with self._locked():
            data = self._load()
            if not any(a.get("id") == account_id for a in data["accounts"]):
                raise KeyError(account_id)
            per_account = data["remembered"].setdefault(account_id, {})
            items = [i for i in per_account.get(kind, []) if isinstance(i, dict) and i.get("id") != key]
            per_account[kind] = [dict(item), *items][:REMEMBERED_LIMIT]
            self._save(data)

    def forget(self, account_id: str, kind: str, key: str) -> None:
        """Drop the remembered item with id ``key`` (nothing happens if it is not there)."""
        with self._locked():
            data = self._load()
            per_account = data["remembered"].get(account_id)
            if not per_account or kind not in per_account:
                return
            per_account[kind] = [i for i in per_account[kind] if isinstance(i, dict) and i.get("id") != key]
            if not per_account[kind]:
                del per_account[kind]
            if not per_account:
                del data["remembered"][account_id]
            self._save(data)

    # --- internals ------------------------------------------------------------------------------

    def _validated(self, account: Account, *, existing: builtins.list[Account]) -> Account:
        name = " ".join(account.name.split())
        if not name:
            raise ValueError("An account needs a name.")
        if any(_name_key(a.name) == _name_key(name) for a in existing if a.id != account.id):
            raise ValueError(f"There is already an account named {name!r}; choose another name.")
        info = provider_info(account.provider)
        base_url = normalise_base_url(account.base_url or info.default_base_url)
        fields = {str(k).strip(): str(v).strip() for k, v in account.fields.items()}
        known = {spec.key: spec for spec in info.fields}
        unknown = sorted(set(fields) - set(known))
        if unknown:
            allowed = ", ".join(known) or "none"
            raise ValueError(f"{info.display_name} has no field {', '.join(unknown)} (fields: {allowed}).")
        for spec in info.fields:
            if not fields.get(spec.key) and spec.default:
                fields[spec.key] = spec.default
            if spec.required and not fields.get(spec.key):
                raise ValueError(f"{info.display_name} needs the field {spec.key} ({spec.label}).")
        return dataclasses.replace(account, name=name, base_url=base_url, fields=fields)

    def _locked(self) -> contextlib.AbstractContextManager[None]:
        return locked(self._path, "accounts")

    def _load(self) -> dict[str, Any]:
        data = read_json_object(self._path, "accounts")
        if data is None:
            return {"version": FORMAT_VERSION, "accounts": [], "remembered": {}}
        accounts = data.get("accounts", [])
        remembered = data.get("remembered", {})
        if (not isinstance(accounts, builtins.list) or not all(_is_account_json(item) for item in accounts)
                or not _is_remembered_json(remembered)):
            raise StorageFileError(
                f"The accounts file {self._path} has entries this version cannot read. "
                f"Restore it from a backup, or move it away to start with an empty one.", path=self._path)
        data["accounts"] = accounts
        data["remembered"] = remembered
        return data

    def _save(self, data: dict[str, Any]) -> None:
        data["version"] = FORMAT_VERSION
        write_json_atomic(self._path, data)


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _is_account_json(item: object) -> bool:
    if not isinstance(item, dict):
        return False
    if not all(isinstance(item.get(k), str) for k in ("id", "provider", "name", "base_url")):
        return False
    if item["provider"] not in {p.value for p in ProviderId}:
        return False
    fields = item.get("fields", {})
    return isinstance(fields, dict) and all(isinstance(v, str) for v in fields.values())


def _is_remembered_json(remembered: object) -> bool:
    """``{account_id: {kind: [item, ...]}}``."""
    if not isinstance(remembered, dict):
        return False
    return all(isinstance(kinds, dict) and all(isinstance(items, builtins.list) for items in kinds.values())
               for kinds in remembered.values())


def _account_from_json(item: dict[str, Any]) -> Account:
    return Account(id=item["id"], provider=ProviderId(item["provider"]), name=item["name"],
                   base_url=item["base_url"], fields=dict(item.get("fields", {})), demo=bool(item.get("demo", False)))


def _account_to_json(account: Account) -> dict[str, Any]:
    return {"id": account.id, "provider": account.provider.value, "name": account.name,
            "base_url": account.base_url, "fields": dict(account.fields), "demo": account.demo}

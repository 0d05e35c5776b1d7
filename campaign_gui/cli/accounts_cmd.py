"""``campaign-gui accounts add|list|remove|test``: accounts in the data directory, secrets in the keyring."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import sys
from typing import Any

from campaign_gui.domain.errors import (
    AuthError,
    Forbidden,
    NetworkError,
    NotFound,
    ProtocolError,
    ProviderError,
    RateLimited,
    Rejected,
    ServerError,
    Unsupported,
)
from campaign_gui.domain.models import Account, ProviderId
from campaign_gui.domain.redaction import redact, register_secret
from campaign_gui.storage.accounts import AccountStore
from campaign_gui.storage.jsonfile import StorageFileError
from campaign_gui.storage.paths import data_dir
from campaign_gui.storage.secrets import (
    CredentialError,
    CredentialStore,
    KeyringLocked,
    KeyringUnavailable,
    SecretTooLong,
)

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT, EXIT_ATTENTION = 0, 1, 2, 3
_NO_FILE = "The command line keeps secrets only in the system keyring, never in a file."


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("accounts", help="add, list, remove and test provider accounts",
                                   description="Provider accounts; secrets live only in the system keyring.")
    sub = parser.add_subparsers(dest="accounts_command", metavar="ACTION")
    parser.set_defaults(func=lambda args: _usage(parser))

    add = sub.add_parser("add", help="add an account (the secret is read from stdin)")
    add.add_argument("--provider", required=True, choices=[p.value for p in ProviderId])
    add.add_argument("--name", required=True, help="a name of your choice, unique (case-insensitive)")
    add.add_argument("--base-url", help="API base URL (default: the provider's); may carry a path prefix")
    add.add_argument("--field", action="append", default=[], metavar="KEY=VALUE",
                     help="a non-secret account field (key_sid, tenant_id, user_name…); repeatable")
    add.add_argument("--secret-stdin", action="store_true",
                     help="read the secret (API key/token) from standard input; never echoed")
    add.set_defaults(func=cmd_add)

    lst = sub.add_parser("list", help="list accounts (never the secrets)")
    lst.add_argument("--json", action="store_true", help="one JSON object on stdout")
    lst.set_defaults(func=cmd_list)

    rm = sub.add_parser("remove", help="remove an account and its keyring entry")
    rm.add_argument("name")
    rm.add_argument("--force", action="store_true",
                    help="remove the account even when its keyring entry cannot be deleted")
    rm.set_defaults(func=cmd_remove)

    test = sub.add_parser("test", help="make a real authenticated call with the stored secret")
    test.add_argument("name")
    test.set_defaults(func=cmd_test)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_BAD_INPUT


def _error(message: str) -> None:
    print(f"error: {redact(message)}", file=sys.stderr)


def _credential_exit(exc: CredentialError) -> int:
    """Keyring problems: missing or refused backend and an oversized secret are bad input; locked needs attention."""
    _error(f"{exc.reason} {_NO_FILE}" if isinstance(exc, KeyringUnavailable) else exc.reason)
    if isinstance(exc, (KeyringUnavailable, SecretTooLong)):
        return EXIT_BAD_INPUT
    if isinstance(exc, KeyringLocked):
        return EXIT_ATTENTION
    return EXIT_INTERNAL


def _stores(args: argparse.Namespace) -> tuple[AccountStore, CredentialStore]:
    return AccountStore(data_dir(args.data_dir)), CredentialStore()


def _parse_fields(items: list[str]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--field takes KEY=VALUE, not {item!r}.")
        fields[key.strip()] = value.strip()
    return fields


def _read_secret(from_stdin: bool) -> str:
    if from_stdin:
        text = sys.stdin.read() if sys.stdin is not None else ""
        secret = text.rstrip("\r\n")
    elif sys.stdin is not None and sys.stdin.isatty():
        secret = getpass.getpass("Secret (not shown): ")
    else:
        raise ValueError("Pass the secret on standard input with --secret-stdin.")
    if not secret.strip():
        raise ValueError("The secret is empty.")
    if "\n" in secret or "\r" in secret:
        raise ValueError("The secret must be a single line.")
    register_secret(secret)
    return secret


def cmd_add(args: argparse.Namespace) -> int:
    try:
        store, creds = _stores(args)
        account = store.prepare(args.provider, args.name, base_url=args.base_url, fields=_parse_fields(args.field))
        secret = _read_secret(args.secret_stdin)
    except (ValueError, StorageFileError) as exc:
        _error(str(exc))
        return EXIT_BAD_INPUT
    try:
        creds.set(account.id, secret)  # the keyring first: no account without its secret
    except CredentialError as exc:
        return _credential_exit(exc)
    try:
        store.insert(account)
    except (ValueError, StorageFileError) as exc:
        _undo_secret(creds, account.id)
        _error(str(exc))
        return EXIT_BAD_INPUT
    except BaseException:
        _undo_secret(creds, account.id)
        raise
    print(f"Added account {account.name!r} ({account.provider.value}, {account.base_url}); "
          f"secret kept in {creds.backend_description()}.")
    return EXIT_OK


def _undo_secret(creds: CredentialStore, account_id: str) -> None:
    try:
        creds.delete(account_id)
    except CredentialError:
        print("warning: the keyring entry of the account that was not added could not be deleted",
              file=sys.stderr)


def cmd_list(args: argparse.Namespace) -> int:
    try:
        store, creds = _stores(args)
        accounts = store.list()
    except StorageFileError as exc:
        _error(exc.message)
        return EXIT_BAD_INPUT
    problem: CredentialError | None = None
    rows: list[dict[str, Any]] = []
    for account in accounts:
        stored: bool | None = None
        if problem is None:
            try:
                stored = creds.get(account.id) is not None
            except CredentialError as exc:
                problem = exc
        rows.append(_account_json(account, stored))
    if problem is not None:
        print(f"warning: cannot tell which secrets are stored: {problem.reason}", file=sys.stderr)
    if args.json:
        print(json.dumps({"accounts": rows, "keyring": creds.backend_description()}, ensure_ascii=False))
        return EXIT_OK
    if not rows:
        print("No accounts. Add one with: campaign-gui accounts add --provider ID --name NAME --secret-stdin",
              file=sys.stderr)
    for row in rows:
        fields = " ".join(f"{k}={v}" for k, v in row["fields"].items())
        secret = {True: "secret stored", False: "NO SECRET", None: "secret unknown"}[row["secret_stored"]]
        demo = "  [demo]" if row["demo"] else ""
        print(f"{row['name']}\t{row['provider']}\t{row['base_url']}\t{fields or '-'}\t{secret}{demo}")
    return EXIT_OK


def _account_json(account: Account, secret_stored: bool | None) -> dict[str, Any]:
    return {"id": account.id, "name": account.name, "provider": account.provider.value,
            "base_url": account.base_url, "fields": dict(account.fields), "demo": account.demo,
            "secret_stored": secret_stored}


def _find(store: AccountStore, name: str) -> Account | None:
    account = store.find(name)
    if account is None:
        known = ", ".join(repr(a.name) for a in store.list()) or "none"
        _error(f"There is no account named {name!r} (accounts: {known}).")
    return account


def cmd_remove(args: argparse.Namespace) -> int:
    try:
        store, creds = _stores(args)
        account = _find(store, args.name)
        if account is None:
            return EXIT_BAD_INPUT
        try:
            creds.delete(account.id)
        except CredentialError as exc:
            if not args.force:
                code = _credential_exit(exc)
                print("The account was kept. Run again once the keyring works, or add --force to remove it "
                      "and leave its keyring entry behind.", file=sys.stderr)
                return code
            print(f"warning: keyring entry not deleted: {exc.reason}", file=sys.stderr)
        store.remove(account.id)
    except StorageFileError as exc:
        _error(exc.message)
        return EXIT_BAD_INPUT
    print(f"Removed account {account.name!r} and its keyring entry.")
    return EXIT_OK


def cmd_test(args: argparse.Namespace) -> int:
    try:
        store, creds = _stores(args)
        account = _find(store, args.name)
    except StorageFileError as exc:
        _error(exc.message)
        return EXIT_BAD_INPUT
    if account is None:
        return EXIT_BAD_INPUT
    try:
        secret = creds.get(account.id)
    except CredentialError as exc:
        return _credential_exit(exc)
    if not secret:
        _error(f"No secret is stored for {account.name!r}. Remove the account and add it again with its secret.")
        return EXIT_ATTENTION
    try:
        summary = asyncio.run(_test_connection(account, secret))
    except ProviderError as exc:
        return _provider_exit(account, exc)
    print(f"OK: {redact(summary)}")
    return EXIT_OK


async def _test_connection(account: Account, secret: str) -> str:
    from campaign_gui.providers import make_provider

    client = make_provider(account, secret)
    try:
        return await client.test_connection()
    finally:
        await client.aclose()


def _provider_exit(account: Account, exc: ProviderError) -> int:
    """Auth and scope problems and a provider that is down need attention; wrong URLs/fields are bad input."""
    said = redact(exc.message)
    where = f"{account.name!r} at {account.base_url}"
    if isinstance(exc, AuthError):
        _error(f"The provider rejected the credentials of {where}: {said}. "
               f"Check the secret (remove the account and add it again).")
        return EXIT_ATTENTION
    if isinstance(exc, Forbidden):
        _error(f"The credentials of {where} are valid but not allowed to do this: {said}.")
        return EXIT_ATTENTION
    if isinstance(exc, (NotFound, Rejected, Unsupported)):
        _error(f"The provider refused the test call for {where}: {said}. Check the base URL and the fields.")
        return EXIT_BAD_INPUT
    if isinstance(exc, (NetworkError, ServerError, ProtocolError, RateLimited)):
        _error(f"Could not complete the test call for {where}: {said}. Try again later.")
        return EXIT_ATTENTION
    _error(f"The test call for {where} failed: {said}.")
    return EXIT_INTERNAL

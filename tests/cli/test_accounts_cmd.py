"""``campaign-gui accounts`` as a subprocess, with a real Secret Service and the sandbox, for every provider."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

_TESTS = str(Path(__file__).resolve().parents[1])
if _TESTS not in sys.path:  # the shared helper lives in tests/ (no packages under tests/)
    sys.path.insert(0, _TESTS)

from keyring_env import SecretServiceEnv  # noqa: E402

from campaign_gui.domain.models import ProviderId  # noqa: E402
from campaign_gui.providers import provider_info  # noqa: E402
from campaign_gui.storage.secrets import CredentialStore  # noqa: E402

pytestmark = pytest.mark.keyring
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def cli_keyring(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SecretServiceEnv]:
    service = SecretServiceEnv.start(tmp_path_factory.mktemp("cli-keyring"))
    yield service
    service.stop()


class Cli:
    """Runs ``python -m campaign_gui`` with the keyring's environment and its own data directory."""

    def __init__(self, env: dict[str, str], data_dir: Path) -> None:
        self.env = {**env, "CAMPAIGN_GUI_DATA_DIR": str(data_dir)}
        self.data_dir = data_dir

    def __call__(self, *args: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "campaign_gui", *args], input=stdin, capture_output=True,
                              text=True, env=env or self.env, cwd=REPO, timeout=60, check=False)

    def accounts(self) -> list[dict[str, Any]]:
        done = self("accounts", "list", "--json")
        assert done.returncode == 0, done.stderr
        data = json.loads(done.stdout)
        assert isinstance(data, dict) and "keyring" in data
        accounts: list[dict[str, Any]] = data["accounts"]
        return accounts


@pytest.fixture
def cli(cli_keyring: SecretServiceEnv, tmp_path: Path) -> Cli:
    return Cli(cli_keyring.env, tmp_path / "data")


def _files_containing(root: Path, needles: list[str]) -> list[str]:
    hits = []
    for path in root.rglob("*"):
        if path.is_file():
            blob = path.read_bytes()
            hits += [f"{path}: {n[:4]}…" for n in needles if n.encode() in blob or n.encode("utf-16-le") in blob]
    return hits


@pytest.mark.parametrize("provider", list(ProviderId), ids=lambda p: p.value)
def test_add_list_test_remove(cli: Cli, cli_keyring: SecretServiceEnv, sandbox: Any, provider: ProviderId) -> None:
    secret = sandbox.secret(provider)
    wrong = "wrong-" + secret[::-1]
    name = f"Sandbox {provider.value}"
    field_args = [a for k, v in sandbox.account(provider).fields.items() for a in ("--field", f"{k}={v}")]
    added = cli("accounts", "add", "--provider", provider.value, "--name", name, "--base-url", sandbox.url(provider),
                *field_args, "--secret-stdin", stdin=secret + "\n")
    assert added.returncode == 0, added.stderr
    assert secret not in added.stdout + added.stderr

    listed = cli("accounts", "list", "--json")
    assert secret not in listed.stdout + listed.stderr
    [row] = json.loads(listed.stdout)["accounts"]
    assert row["name"] == name and row["provider"] == provider.value and row["base_url"] == sandbox.url(provider)
    assert row["fields"] == dict(sandbox.account(provider).fields)
    assert row["demo"] is False and row["secret_stored"] is True
    assert cli_keyring.stored_secret(row["id"]) == secret  # trailing newline stripped, nothing else

    tested = cli("accounts", "test", name.upper())
    assert tested.returncode == 0, tested.stderr
    assert tested.stdout.startswith("OK: ") and len(tested.stdout.strip()) > len("OK: "), tested.stdout
    if provider_info(provider).capabilities.list_campaigns:  # it says what it found: "OK: 35 campaigns"
        assert any(ch.isdigit() for ch in tested.stdout), tested.stdout
    assert secret not in tested.stdout + tested.stderr

    cli_keyring.replace_secret(row["id"], wrong)
    failed = cli("accounts", "test", name)
    assert failed.returncode == 3, (failed.stdout, failed.stderr)
    assert "rejected the credentials" in failed.stderr and failed.stdout == ""
    assert wrong not in failed.stderr and "Traceback" not in failed.stderr

    removed = cli("accounts", "remove", name)
    assert removed.returncode == 0, removed.stderr
    assert cli_keyring.stored_secret(row["id"]) is None
    assert row["id"] not in {e["username"] for e in cli_keyring.entries()}
    assert cli.accounts() == []
    assert _files_containing(cli.data_dir, [secret, wrong]) == []


def test_bad_input_exits_2_and_stores_nothing(cli: Cli, cli_keyring: SecretServiceEnv) -> None:
    before = cli_keyring.entries()
    no_field = cli("accounts", "add", "--provider", "stringee", "--name", "S", "--secret-stdin", stdin="s3cr3t-x\n")
    assert no_field.returncode == 2 and "key_sid" in no_field.stderr
    empty = cli("accounts", "add", "--provider", "cellcast", "--name", "C", "--secret-stdin", stdin="\n")
    assert empty.returncode == 2 and "empty" in empty.stderr
    bad_field = cli("accounts", "add", "--provider", "cellcast", "--name", "C", "--field", "nonsense",
                    "--secret-stdin", stdin="s3cr3t-x\n")
    assert bad_field.returncode == 2 and "KEY=VALUE" in bad_field.stderr
    assert cli_keyring.entries() == before
    assert not (cli.data_dir / "accounts.json").exists()
    for action in ("test", "remove"):
        unknown = cli("accounts", action, "Nobody")
        assert unknown.returncode == 2 and "no account named 'Nobody'" in unknown.stderr
    assert cli("accounts", "add", "--provider", "nokia", "--name", "N", "--secret-stdin").returncode == 2


def test_duplicate_name_keeps_the_first_secret(cli: Cli, cli_keyring: SecretServiceEnv) -> None:
    first = cli("accounts", "add", "--provider", "smsby", "--name", "Minsk", "--secret-stdin", stdin="token-one-123\n")
    assert first.returncode == 0, first.stderr
    second = cli("accounts", "add", "--provider", "smsby", "--name", "MINSK", "--secret-stdin", stdin="token-two-456\n")
    assert second.returncode == 2 and "already an account" in second.stderr
    [row] = cli.accounts()
    assert cli_keyring.stored_secret(row["id"]) == "token-one-123"
    other = cli("--data-dir", str(cli.data_dir.parent / "other"), "accounts", "list", "--json")  # beats the env var
    assert other.returncode == 0 and json.loads(other.stdout)["accounts"] == []
    assert "token-two-456" not in {cli_keyring.stored_secret(e["username"]) for e in cli_keyring.entries()}
    assert cli("accounts", "remove", "minsk").returncode == 0


@pytest.mark.parametrize("backend_env", [
    {"PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring"},  # configured, but no bus answers
    {},  # keyring's own detection finds nothing
], ids=["configured-dead-bus", "detected-none"])
def test_no_keyring_exits_2_and_writes_no_account(cli: Cli, cli_keyring: SecretServiceEnv, tmp_path: Path,
                                                  backend_env: dict[str, str]) -> None:
    env = {k: v for k, v in cli.env.items() if k not in ("PYTHON_KEYRING_BACKEND", "DBUS_SESSION_BUS_ADDRESS")}
    env.update(backend_env, DBUS_SESSION_BUS_ADDRESS=f"unix:path={tmp_path / 'no-bus'}")
    done = cli("accounts", "add", "--provider", "cellcast", "--name", "Nowhere", "--secret-stdin",
               stdin="cellcast-no-keyring-secret\n", env=env)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "No system keyring" in done.stderr and "never in a file" in done.stderr
    assert not (cli.data_dir / "accounts.json").exists()
    for root in (tmp_path, cli_keyring.root):  # the data dir, and the HOME/XDG dirs the CLI ran with
        assert _files_containing(root, ["cellcast-no-keyring-secret"]) == []


def test_ten_pairs_of_concurrent_adds_lose_nothing(cli: Cli, cli_keyring: SecretServiceEnv) -> None:
    """Two ``accounts add`` at once, ten times: every account saved, every secret kept, none orphaned."""
    before = {e["username"] for e in cli_keyring.entries()}
    for pair in range(10):
        procs = [subprocess.Popen([sys.executable, "-m", "campaign_gui", "accounts", "add", "--provider", "smsby",
                                   "--name", f"Pair {pair} side {side}", "--secret-stdin"],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  env=cli.env, cwd=REPO)
                 for side in (0, 1)]
        for side, proc in enumerate(procs):
            out, err = proc.communicate(f"token-{pair}-{side}-abcdef\n", timeout=60)
            assert proc.returncode == 0, err
    accounts = cli.accounts()
    assert sorted(a["name"] for a in accounts) == sorted(f"Pair {p} side {s}" for p in range(10) for s in (0, 1))
    assert all(a["secret_stored"] for a in accounts)
    by_name = {a["name"]: a["id"] for a in accounts}
    for pair in range(10):
        for side in (0, 1):
            assert cli_keyring.stored_secret(by_name[f"Pair {pair} side {side}"]) == f"token-{pair}-{side}-abcdef"
    added = {e["username"] for e in cli_keyring.entries()} - before
    assert added == set(by_name.values())  # no secret without its account


def test_a_failed_save_leaves_no_secret(cli: Cli, cli_keyring: SecretServiceEnv, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """The secret is stored, then writing accounts.json fails (ENOSPC at the rename): exit 2, no traceback, and
    the secret is removed again (in-process, against the same real Secret Service)."""
    import io
    import os

    from campaign_gui.cli import main

    cli_keyring.apply(monkeypatch)
    before = {e["username"] for e in cli_keyring.entries()}
    stored: list[str] = []
    real_set = CredentialStore.set

    def spy_set(self: CredentialStore, account_id: str, secret: str, *args: Any, **kwargs: Any) -> Any:
        stored.append(account_id)
        return real_set(self, account_id, secret, *args, **kwargs)

    def no_space(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(CredentialStore, "set", spy_set)
    monkeypatch.setattr(os, "replace", no_space)
    monkeypatch.setattr(sys, "stdin", io.StringIO("token-unsaved-123\n"))
    code = main(["--data-dir", str(cli.data_dir), "accounts", "add", "--provider", "smsby", "--name", "Unsaved",
                 "--secret-stdin"])
    err = capsys.readouterr().err
    monkeypatch.undo()
    assert code == 2 and "No space left" in err and "Traceback" not in err
    assert len(stored) == 1  # the secret was stored before the save failed ...
    assert cli_keyring.stored_secret(stored[0]) is None  # ... and removed again
    assert {e["username"] for e in cli_keyring.entries()} == before  # (attribute order varies by backend)

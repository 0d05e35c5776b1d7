"""The provider's own rules before anything is sent: bad targets refused (exit 2, no job), rows it cannot take
flagged with the reason, an import whose every row was refused is not "done"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_support import add_account, e164, run_cli, vn_phones, write_csv

from campaign_gui.upload.journal import JOURNAL_NAME, Journal


@pytest.fixture
def data(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


def _import(sandbox: Any, data: Path, provider: str, src: Path, monkeypatch: pytest.MonkeyPatch,
            capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, Any, str]:
    name = add_account(sandbox, data, provider)
    return run_cli(monkeypatch, capsys, ["--data-dir", str(data), "import", str(src), "--account", name,
                                         "--pacing", "0", "--secret-stdin", "--json", *extra],
                   stdin=sandbox.secret(provider))


def _no_job(data: Path) -> bool:
    if not (data / JOURNAL_NAME).exists():
        return True
    with Journal.open(data, read_only=True) as journal:
        return journal.list_jobs() == []


@pytest.mark.parametrize(("provider", "target", "says"), [
    ("smsby", ["list=abc"], "mailing list id must be a number (got 'abc')"),
    ("smsby", ["list=999"], "SMS.by has no mailing list 999"),
    ("alohub", ["campaign=x1"], "campaign id must be a number"),
    ("alohub", ["campaign=999999"], "Alohub has no campaign 999999"),
    ("alohub", ["campaign=1042", "list=77777"], "Alohub campaign 1042 has no list 77777"),
    ("dynmsg", ["campaign=new", "sender=Shop", "message=Hi", "start=next tuesday"], "ISO 8601"),
])
def test_a_wrong_target_is_refused_before_any_job(sandbox: Any, data: Path, tmp_path: Path, provider: str,
                                                  target: list[str], says: str, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    phones = {"smsby": ["+375291110001", "+375291110002"], "alohub": vn_phones(2),
              "dynmsg": ["07700900001", "07700900002"]}[provider]
    src = write_csv(tmp_path / "in.csv", phones)
    args = [a for t in target for a in ("--target", t)]
    code, out, err = _import(sandbox, data, provider, src, monkeypatch, capsys, *args)
    assert code == 2 and out is None
    assert says in err and "Traceback" not in err
    assert _no_job(data) and sandbox.control.ledger(provider) == {}


def test_rows_the_target_cannot_take_are_flagged_not_sent(sandbox: Any, data: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    vn = vn_phones(5)
    src = write_csv(tmp_path / "in.csv", [*vn, "+61 412 345 678", "+375 29 111 0001"])
    code, out, err = _import(sandbox, data, "stringee", src, monkeypatch, capsys, "--target", "campaign=CA100003",
                             "--policy", "include")
    assert code == 0, err
    assert "2 rows will not be sent: 2 not a number Stringee accepts" in err
    assert out["state"] == "done" and out["invalid"] == 2 and out["sent"] == 5 and out["added"] == 5
    assert set(sandbox.control.ledger("stringee")) == e164(vn)
    with Journal.open(data, read_only=True) as journal:
        reasons = {e.original_phone: e.reason for e in journal.iter_rows(out["job_id"]) if e.outcome == "invalid"}
    assert reasons == {"+61 412 345 678": "Stringee only accepts +84 numbers; this one is +61.",
                       "+375 29 111 0001": "Stringee only accepts +84 numbers; this one is +375."}


def test_validate_with_a_provider_flags_foreign_and_fixed_line_numbers(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    src = write_csv(tmp_path / "in.csv", ["0412 345 678", "02 9876 5432", "+84 901 234 567"])
    code, out, err = run_cli(monkeypatch, capsys, ["validate", str(src), "--provider", "cellcast", "--json"])
    assert code == 0, err
    assert out["valid"] == 1 and out["invalid"] == 2 and out["target_rejected"] == 2 and out["landlines"] == 1
    assert out["reasons"] == {"landline": 1, "country_not_accepted": 1}
    code, out, _ = run_cli(monkeypatch, capsys, ["validate", str(src), "--provider", "cellcast", "--landline",
                                                 "include", "--json"])
    assert out["valid"] == 2 and out["landlines"] == 1 and out["reasons"] == {"country_not_accepted": 1}
    code, _, err = run_cli(monkeypatch, capsys, ["validate", str(src), "--provider", "nope"])
    assert code == 2 and "Unknown provider 'nope'" in err


def test_every_row_refused_is_not_done(sandbox: Any, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """Invalid rows sent as typed (policy include), every one refused by the provider: exit 3 and its reason."""
    src = write_csv(tmp_path / "in.csv", ["12345", "98-76", "555"])
    code, out, err = _import(sandbox, data, "stringee", src, monkeypatch, capsys, "--target", "campaign=CA100003",
                             "--policy", "include")
    assert code == 3, err
    assert out["state"] == "failed" and out["sent"] == 3 and out["rejected"] == 3
    assert "the provider rejected every row: " in err
    reason = err.split("the provider rejected every row: ", 1)[1].strip()
    assert reason and reason != "no reason given"
    shown = json.loads(json.dumps(out))
    assert "rejected every row" in shown["message"]

"""``campaign-gui jobs list|show|resume|report`` against real imports in a temp data directory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cli_support import add_account, e164, run_cli, vn_phones, write_csv
from openpyxl import load_workbook


@pytest.fixture
def data(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


def _import(sandbox: Any, data: Path, src: Path, monkeypatch: pytest.MonkeyPatch,
            capsys: pytest.CaptureFixture[str], provider: str = "smsby", target: str = "list=101") -> tuple[int, Any]:
    name = f"{provider}-test"
    from campaign_gui.storage.accounts import AccountStore

    if AccountStore(data).find(name) is None:
        add_account(sandbox, data, provider)
    code, out, _ = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "import", str(src), "--account", name,
                                                 "--target", target, "--secret-stdin", "--json"],
                           stdin=sandbox.secret(provider))
    return code, out


def by_phones(n: int) -> list[str]:
    return [f"+37529{1000000 + i}" for i in range(n)]


def test_list_and_show(sandbox: Any, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                       capsys: pytest.CaptureFixture[str]) -> None:
    code, imported = _import(sandbox, data, write_csv(tmp_path / "a.csv", by_phones(20)), monkeypatch, capsys)
    assert code == 0
    code, out, _ = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "jobs", "list", "--json"])
    assert code == 0 and [j["job_id"] for j in out["jobs"]] == [imported["job_id"]]
    assert out["jobs"][0]["added"] == 20 and out["jobs"][0]["state"] == "done"
    code, shown, _ = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "jobs", "show",
                                                   imported["job_id"][:6], "--json"])
    assert code == 0
    for key in ("job_id", "state", "rows", "valid", "invalid", "duplicates", "sent", "added", "updated", "skipped",
                "rejected", "failed", "needs_verification", "report"):
        assert shown[key] == imported[key], key
    assert shown["batches"] == 1 and shown["batch_states"] == {"done": 1}
    code, text, _ = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "jobs", "list"])
    assert code == 0 and imported["job_id"] in text


def test_show_unknown_job_and_empty_list(data: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "jobs", "list", "--json"])
    assert code == 0 and out == {"jobs": []}
    code, _, err = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "jobs", "show", "nope"])
    assert code == 2 and "No import job" in err


def test_report_export(sandbox: Any, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                       capsys: pytest.CaptureFixture[str]) -> None:
    src = write_csv(tmp_path / "a.csv", [*by_phones(5), "nonsense"], names=["@SUM(1)", "+1+1", "a", "b", "c", "d"])
    code, imported = _import(sandbox, data, src, monkeypatch, capsys)
    out_file = tmp_path / "out" / "r.xlsx"
    code, _, err = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "jobs", "report", imported["job_id"],
                                                 "--out", str(out_file)])
    assert code == 0 and out_file.exists()
    rows = list(load_workbook(out_file)["Not added"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == 1 and rows[0][1] == "invalid" and rows[0][3] == "nonsense"


def test_resume_after_provider_down(sandbox: Any, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    """The provider stays down: the import pauses (exit 3); later `jobs resume` finishes it."""
    import campaign_gui.upload.engine as engine_mod

    async def instant(_: float) -> None:
        return None

    original = engine_mod.UploadEngine.__init__

    def fast_init(self: Any, *a: Any, **kw: Any) -> None:
        kw.setdefault("sleep", instant)
        original(self, *a, **kw)

    monkeypatch.setattr(engine_mod.UploadEngine, "__init__", fast_init)
    sandbox.control.fault(provider="smsby", path="importContacts", action="status", status=503, times=-1, after=1)
    phones = by_phones(700)
    code, out = _import(sandbox, data, write_csv(tmp_path / "a.csv", phones), monkeypatch, capsys)
    assert code == 3 and out["state"] == "paused" and "provider unreachable" in out["message"]
    assert out["added"] == 500 and out["pending"] == 200
    sandbox.control.clear_faults()
    code, resumed, _ = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "jobs", "resume", out["job_id"],
                                                     "--secret-stdin", "--json"], stdin=sandbox.secret("smsby"))
    assert code == 0 and resumed["state"] == "done" and resumed["added"] == 700
    assert set(sandbox.control.ledger("smsby")) == set(phones)
    assert all(n == 1 for n in sandbox.control.ledger("smsby").values())
    code, _, err = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "jobs", "resume", out["job_id"],
                                                 "--secret-stdin"], stdin=sandbox.secret("smsby"))
    assert code == 3 and "already ended" in err


def test_resume_refused_when_source_changed(sandbox: Any, data: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    src = write_csv(tmp_path / "a.csv", vn_phones(10))
    sandbox.control.configure(alohub={"job_seconds": 0})
    code, out = _import(sandbox, data, src, monkeypatch, capsys, provider="alohub", target="campaign=1042")
    assert code == 0
    from campaign_gui.upload.journal import Journal

    j = Journal.open(data)
    j.set_job_state(out["job_id"], "paused", message="test")
    j.close()
    write_csv(src, vn_phones(10, start=50))
    code, _, err = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "jobs", "resume", out["job_id"],
                                                 "--secret-stdin"], stdin=sandbox.secret("alohub"))
    assert code == 2 and "the source file changed since the import started; start a new import" in err
    src.unlink()
    code, _, err = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "jobs", "resume", out["job_id"],
                                                 "--secret-stdin"], stdin=sandbox.secret("alohub"))
    assert code == 2 and "start a new import" in err
    assert set(sandbox.control.ledger("alohub")) == e164(vn_phones(10))


def _verify(data: Path, job: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
            secret: str) -> tuple[int, Any, str]:
    code, out, err = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "jobs", "verify", job, "--json",
                                                   "--secret-stdin"], stdin=secret)
    return code, out, err


def test_verify_resolves_flagged_rows_by_reading_back(sandbox: Any, data: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """A Cellcast batch saved but unanswered while the list cannot be read: flagged, exit 3. `jobs verify`
    while the list still cannot be read: exit 3 with the reason; once it can: found, added, exit 0."""
    phones = [f"0400{i:06d}" for i in range(1500)]
    sandbox.control.fault(provider="cellcast", path="contact/bulk", action="commit_then_500", times=1)
    sandbox.control.fault(provider="cellcast", path="v2/contact", action="status", status=403, times=-1)
    code, out = _import(sandbox, data, write_csv(tmp_path / "au.csv", phones), monkeypatch, capsys,
                        provider="cellcast", target="list=Verify CLI")
    assert code == 3 and out["needs_verification"] == 1000 and out["added"] == 500
    job, secret = out["job_id"], sandbox.secret("cellcast")

    code, still, err = _verify(data, job, monkeypatch, capsys, secret)
    assert code == 3 and still["needs_verification"] == 1000
    assert "1,000 rows still need verification: could not be checked by reading back" in err

    sandbox.control.clear_faults()
    code, verified, err = _verify(data, job, monkeypatch, capsys, secret)
    assert code == 0, err
    code, shown, _ = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "jobs", "show", job, "--json"])
    assert set(verified) == set(shown)  # the same fields as `jobs show`
    assert verified == shown | {"updated_at": verified["updated_at"]}
    assert (verified["state"], verified["added"], verified["needs_verification"], verified["sent"]) == \
        ("done", 1500, 0, 1500)
    assert verified["sent"] == sum(verified[k] for k in ("added", "updated", "skipped", "rejected", "failed",
                                                           "needs_verification"))
    posts = sum(n for p, n in sandbox.control.requests("cellcast")["by_path"].items() if p.startswith("POST"))
    assert posts == 2  # found, never resent
    assert set(sandbox.control.ledger("cellcast")) == {"+61" + p[1:] for p in phones}

    code, again, err = _verify(data, job, monkeypatch, capsys, secret)
    assert code == 0 and "nothing to verify" in err and again["added"] == 1500


def test_verify_an_unreadable_provider_keeps_rows_and_says_why(sandbox: Any, data: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Stringee cannot be read back: its flagged rows stay as they are, with the reason, exit 3."""
    from campaign_gui.upload.journal import Journal

    code, out = _import(sandbox, data, write_csv(tmp_path / "vn.csv", vn_phones(10)), monkeypatch, capsys,
                        provider="stringee", target="campaign=CA100003")
    assert code == 0
    journal = Journal.open(data)
    try:  # as a batch whose answer was lost would leave them
        rows = [e.row for e in journal.iter_rows(out["job_id"])][:4]
        journal.resolve_batch(out["job_id"], 1, "needs_verification",
                              [(r, "needs_verification", "the answer was lost") for r in rows],
                              counts={"added": 6, "needs_verification": 4})
    finally:
        journal.close()
    code, shown, err = _verify(data, out["job_id"], monkeypatch, capsys, sandbox.secret("stringee"))
    assert code == 3 and shown["needs_verification"] == 4 and shown["added"] == 6
    assert "Stringee cannot list a campaign's contacts" in err
    assert sandbox.control.requests("stringee")["count"] == 1  # nothing sent or read

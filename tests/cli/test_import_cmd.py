"""``campaign-gui import``: the DESIGN.md contract against the sandbox (JSON, exit codes, report, lock)."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from cli_support import ROOT, add_account, e164, run_cli, vn_phones, write_csv
from openpyxl import load_workbook

from campaign_gui.cli.import_cmd import ProgressPrinter
from campaign_gui.upload.progress import ProgressReporter
from campaign_gui.upload.report import SUMMARY_LABELS

KEYS = ("job_id", "state", "rows", "valid", "invalid", "duplicates", "sent", "added", "updated", "skipped",
        "rejected", "failed", "needs_verification", "report")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


def test_import_stringee_json_contract(sandbox: Any, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    name = add_account(sandbox, data, "stringee")
    phones = vn_phones(120)
    rows = [*phones, "12ab", phones[3].replace("0910", "+84910", 1)]  # one invalid, one duplicate (+84 form)
    src = write_csv(tmp_path / "in.csv", rows, names=["=HYPERLINK(\"x\")"] + [f"N{i}" for i in range(len(rows) - 1)])
    code, out, err = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "import", str(src), "--account", name,
                                                   "--target", "campaign=CA100003", "--pacing", "0",
                                                   "--secret-stdin", "--json"], stdin=sandbox.secret("stringee"))
    assert code == 0, err
    assert set(KEYS) <= set(out)
    assert (out["rows"], out["valid"], out["invalid"], out["duplicates"]) == (122, 120, 1, 1)
    assert out["sent"] == out["added"] == 120 and out["state"] == "done"
    assert out["sent"] == sum(out[k] for k in ("added", "updated", "skipped", "rejected", "failed",
                                               "needs_verification"))
    assert set(sandbox.control.ledger("stringee")) == e164(phones)
    report = Path(out["report"])
    assert report == data / "reports" / f"{out['job_id']}.xlsx" and report.exists()
    book = load_workbook(report)
    totals = {r[0].value: r[1].value for r in book["Summary"].iter_rows(min_row=2)}  # labels in words, totals numbers
    assert {k: totals[SUMMARY_LABELS[k]] for k in ("sent", "added", "invalid")} == {"sent": 120, "added": 120,
                                                                                   "invalid": 1}
    assert sandbox.secret("stringee") not in err


def test_import_progress_goes_to_stderr(sandbox: Any, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    name = add_account(sandbox, data, "smsby")
    src = write_csv(tmp_path / "in.csv", [f"+37529{1000000 + i}" for i in range(30)])
    code, out, err = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "import", str(src), "--account", name,
                                                   "--target", "list=101", "--secret-stdin"],
                             stdin=sandbox.secret("smsby"))
    assert code == 0
    assert "job " in out and "added 30" in out  # human summary on stdout
    finals = [line for line in err.splitlines() if line.startswith("done:")]
    assert len(finals) == 1 and re.fullmatch(r"done: 30/30 rows in \d+\.\d s(, [\d,]+ rows/s)?", finals[0]), err


def test_progress_printer_ends_on_this_runs_average(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """A resumed job that moves 4,000 rows in 2 s ends on 2,000 rows/s, even though the moving rate is
    unknown (too short a history); the engine's second "done" snapshot prints nothing new."""
    now = [100.0]
    reporter = ProgressReporter(ProgressPrinter(), 10_000, clock=lambda: now[0])  # the engine's snapshots
    reporter.emit(6_000, {}, state="running", force=True)
    now[0] = 100.5
    reporter.emit(7_000, {}, state="running", force=True)
    now[0] = 102.0
    reporter.emit(10_000, {}, state="done", force=True)
    reporter.emit(10_000, {}, state="done", force=True)
    now[0] = 103.0
    reporter.emit(10_000, {}, state="paused", waiting_reason="rate limited, 5 s", waiting_seconds=5, force=True)
    lines = capsys.readouterr().err.splitlines()
    assert lines == ["running: 6,000/10,000 rows, … rows/s",
                     "done: 10,000/10,000 rows in 2.0 s, 2,000 rows/s",
                     "paused: 10,000/10,000 rows in 3.0 s, 1,333 rows/s — rate limited, 5 s"]


@pytest.mark.parametrize(("args", "message"), [
    (["--target", "campaign=CA100003", "--map", "phone=Mobile"], "no column"),
    (["--target", "campaign=CA100003", "--map", "phone=name"], "no valid rows"),
    (["--target", "nope=1"], "has no target"),
    ([], "needs --target campaign"),
    (["--target", "campaign=CA100003", "--policy", "block"], "invalid phone"),
])
def test_bad_input_exits_2(sandbox: Any, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str], args: list[str], message: str) -> None:
    name = add_account(sandbox, data, "stringee")
    src = write_csv(tmp_path / "in.csv", [*vn_phones(5), "bad"])
    code, _, err = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "import", str(src), "--account", name,
                                                 *args, "--secret-stdin"], stdin=sandbox.secret("stringee"))
    assert code == 2 and message in err.lower()
    assert sandbox.control.requests("stringee")["count"] == 0


def test_missing_file_and_unknown_account_exit_2(sandbox: Any, data: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    name = add_account(sandbox, data, "stringee")
    code, _, err = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "import", "/nonexistent.csv",
                                                 "--account", name, "--target", "campaign=CA1", "--secret-stdin"])
    assert code == 2 and "No such file" in err
    code, _, err = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "import", "/nonexistent.csv",
                                                 "--account", "ghost", "--target", "campaign=CA1"])
    assert code == 2 and "No account named" in err


def test_needs_verification_exits_3(sandbox: Any, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    name = add_account(sandbox, data, "cellcast")
    sandbox.control.fault(provider="cellcast", path="contact/bulk", action="commit_then_500")
    sandbox.control.fault(provider="cellcast", path="v2/contact", action="status", status=403, times=-1)
    src = write_csv(tmp_path / "in.csv", [f"0400{i:06d}" for i in range(20)])
    code, out, _ = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "import", str(src), "--account", name,
                                                 "--target", "list=CLI test", "--target", "tag=a", "--target", "tag=b",
                                                 "--secret-stdin", "--json"], stdin=sandbox.secret("cellcast"))
    assert code == 3 and out["needs_verification"] == 20 and out["state"] == "done"
    assert out["target"] == {"list": ["CLI test"], "tag": ["a", "b"]}
    by_path = sandbox.control.requests("cellcast")["by_path"]
    assert sum(n for p, n in by_path.items() if p.startswith("POST")) == 1  # never resent


def test_wrong_key_exits_3_paused(sandbox: Any, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    name = add_account(sandbox, data, "alohub")
    src = write_csv(tmp_path / "in.csv", vn_phones(10))
    code, out, err = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "import", str(src), "--account", name,
                                                   "--target", "campaign=1042", "--secret-stdin", "--json"],
                             stdin="sk_live_wrong_key_000000")
    assert code == 3 and out["state"] == "paused" and "re-enter the key" in out["message"]
    assert sandbox.control.requests("alohub")["count"] == 1


def test_second_importer_refuses(sandbox: Any, data: Path, tmp_path: Path) -> None:
    """A running import holds data_dir/journal.lock: a second `campaign-gui import` refuses clearly."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys,time; from campaign_gui.upload.locking import DataDirLock;"
         "l=DataDirLock(sys.argv[1]); l.acquire(); print('held', flush=True); time.sleep(60)", str(data)],
        stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        name = add_account(sandbox, data, "stringee")
        src = write_csv(tmp_path / "in.csv", vn_phones(5))
        started = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "campaign_gui", "--data-dir", str(data), "import", str(src),
                               "--account", name, "--target", "campaign=CA100003", "--secret-stdin"],
                              input=sandbox.secret("stringee") + "\n", text=True, capture_output=True, timeout=60,
                              cwd=ROOT)
        assert proc.returncode == 3 and "Another Campaign Manager" in proc.stderr
        assert time.monotonic() - started < 30
        listed = subprocess.run([sys.executable, "-m", "campaign_gui", "--data-dir", str(data), "jobs", "list",
                                 "--json"], text=True, capture_output=True, timeout=60, cwd=ROOT)
        assert listed.returncode == 0  # read-only commands work beside the holder
    finally:
        holder.kill()
        holder.wait()
    assert sandbox.control.requests("stringee")["count"] == 0

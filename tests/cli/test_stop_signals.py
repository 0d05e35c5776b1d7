"""SIGTERM and Ctrl-C (once or twice) to a real `campaign-gui import`: exit 3, job interrupted, resume sends all."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cli_support import ROOT, add_account, e164, run_process, vn_phones, write_csv

from campaign_gui.upload.journal import Journal


def _start_import(sandbox: Any, tmp_path: Path, n: int, pacing: str) -> tuple[subprocess.Popen[str], Path, str]:
    data = tmp_path / "data"
    name = add_account(sandbox, data, "stringee")
    src = write_csv(tmp_path / "in.csv", vn_phones(n))
    secret = sandbox.secret("stringee")
    args = ["--data-dir", str(data), "import", str(src), "--account", name, "--target", "campaign=CA100003",
            "--pacing", pacing, "--json", "--secret-stdin"]
    proc = subprocess.Popen([sys.executable, "-m", "campaign_gui", *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdin is not None
    proc.stdin.write(secret + "\n")
    proc.stdin.close()
    proc.stdin = None  # communicate() must not touch the closed pipe
    return proc, data, secret


def _until(condition: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)  # polling another process: there is no signal to wait on


def _journal_state(data: Path, job: str) -> tuple[str, dict[str, int], list[str]]:
    journal = Journal.open(data, read_only=True)
    try:
        record = journal.get_job(job)
        assert record is not None
        return record.state, dict(journal.outcome_counts(job)), [b.state for b in journal.open_batches(job)]
    finally:
        journal.close()


def _resume_all(sandbox: Any, data: Path, job: str, secret: str, phones: list[str]) -> None:
    done = run_process(["--data-dir", str(data), "jobs", "resume", job, "--json", "--secret-stdin"], stdin=secret)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["state"] == "done" and out["sent"] == len(phones) and out["failed"] == 0
    ledger = sandbox.control.ledger("stringee")
    assert set(ledger) == e164(phones) and set(ledger.values()) == {1}


def test_sigterm_is_a_ctrl_c(sandbox: Any, tmp_path: Path) -> None:
    """SIGTERM: a message, exit 3 (not 143), the job interrupted (not left "running"), resume sends the rest."""
    phones = vn_phones(8000)
    proc, data, secret = _start_import(sandbox, tmp_path, 8000, "0.5")
    _until(lambda: sandbox.control.requests("stringee")["count"] >= 2)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 3, err
    assert "stopping after the batch in flight" in err and "resume" in err
    stopped = json.loads(out)
    assert stopped["state"] == "interrupted" and 0 < stopped["sent"] < 8000 and stopped["failed"] == 0
    assert stopped["pending"] == 8000 - stopped["sent"]
    assert len(sandbox.control.ledger("stringee")) == stopped["sent"]
    assert _journal_state(data, stopped["job_id"])[0] == "interrupted"
    _resume_all(sandbox, data, stopped["job_id"], secret, phones)


def test_ctrl_c_twice_stops_a_stalled_batch_at_once(sandbox: Any, tmp_path: Path) -> None:
    """The first Ctrl-C waits for the batch in flight, which stalls; the second stops at once. The stalled batch
    stays `sending` (resent at resume: Stringee is idempotent), unsent rows stay pending, none failed."""
    phones = vn_phones(5000)
    sandbox.control.fault(provider="stringee", path="add-by-phones", action="stall", seconds=60, after=2)
    proc, data, secret = _start_import(sandbox, tmp_path, 5000, "0.2")
    _until(lambda: sandbox.control.faults()[0]["fired"] == 1)
    proc.send_signal(signal.SIGINT)
    time.sleep(0.5)  # the first Ctrl-C is handled: the stalled batch is still in flight
    assert proc.poll() is None
    started = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert time.monotonic() - started < 10
    assert proc.returncode == 3, err
    assert "stopping now" in err and "Traceback" not in err
    stopped = json.loads(out)
    assert stopped["state"] == "interrupted" and stopped["sent"] == 2000 and stopped["failed"] == 0
    assert stopped["pending"] == 3000
    state, counts, open_batches = _journal_state(data, stopped["job_id"])
    assert state == "interrupted" and counts.get("failed", 0) == 0 and open_batches == ["sending"]
    _resume_all(sandbox, data, stopped["job_id"], secret, phones)

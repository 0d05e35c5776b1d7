"""Crash and resume: a real `campaign-gui import` process killed with SIGKILL mid-upload, then resumed."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from cli_support import add_account, e164, run_process, vn_phones, write_csv

from campaign_gui.upload.journal import Journal

CRASH = "CAMPAIGN_GUI_TEST_CRASH_AFTER"
LANES = "CAMPAIGN_GUI_LANES"  # "1": one batch in flight, so a kill after the N-th answer is exact
ONE = {LANES: "1"}
KILLED = (-9, 137)  # SIGKILL on POSIX; os._exit(137) where there is no SIGKILL


def _import_args(data: Path, src: Path, name: str, target: str) -> list[str]:
    return ["--data-dir", str(data), "import", str(src), "--account", name, "--target", target, "--pacing", "0",
            "--json", "--secret-stdin"]


def _job_id(data: Path) -> str:
    listed = run_process(["--data-dir", str(data), "jobs", "list", "--json"])
    assert listed.returncode == 0, listed.stderr
    jobs = json.loads(listed.stdout)["jobs"]
    assert len(jobs) == 1
    return str(jobs[0]["job_id"])


def _resume(data: Path, job: str, secret: str, crash_after: int | None = None, one_lane: bool = False) -> Any:
    env = {CRASH: f"sent:{crash_after}"} if crash_after else {CRASH: ""}
    if one_lane:
        env.update(ONE)
    return run_process(["--data-dir", str(data), "jobs", "resume", job, "--json", "--secret-stdin"], stdin=secret,
                       env=env)


def _assert_ledger_once(sandbox: Any, provider: str, phones: set[str]) -> None:
    ledger = sandbox.control.ledger(provider)
    assert set(ledger) == phones
    assert all(n == 1 for n in ledger.values()), {p: n for p, n in ledger.items() if n != 1}


def _resume_to_done(sandbox: Any, data: Path, job: str, secret: str, phones: list[str], *,
                    one_lane: bool = False) -> None:
    """The last SMS.by resume runs to the end: every phone sent, none failed, each in the ledger once."""
    final = _resume(data, job, secret, one_lane=one_lane)
    assert final.returncode == 0, final.stderr
    out = json.loads(final.stdout)
    assert out["state"] == "done" and out["sent"] == len(phones)
    assert out["sent"] == out["added"] + out["updated"] + out["skipped"]  # nothing failed or rejected
    _assert_ledger_once(sandbox, "smsby", set(phones))


def test_kill_between_sent_and_recorded_then_resume(sandbox: Any, tmp_path: Path) -> None:
    data = tmp_path / "data"
    name = add_account(sandbox, data, "stringee")
    phones = vn_phones(6000)
    src = write_csv(tmp_path / "in.csv", phones)
    secret = sandbox.secret("stringee")
    killed = run_process(_import_args(data, src, name, "campaign=CA100003"), stdin=secret,
                         env={CRASH: "sent:3", **ONE})
    assert killed.returncode in KILLED, killed.stderr
    assert sandbox.control.requests("stringee")["count"] == 3
    assert len(sandbox.control.ledger("stringee")) == 3000  # batch 3 reached the server, its result was lost
    job = _job_id(data)
    done = _resume(data, job, secret, one_lane=True)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["state"] == "done" and out["sent"] == 6000
    assert out["added"] == 5000 and out["skipped"] == 1000  # the resent batch 3 was already there
    # batches 1–2 were skipped, batch 3 resent, 4–6 sent: 3 + 4 requests in all
    assert sandbox.control.requests("stringee")["count"] == 7
    _assert_ledger_once(sandbox, "stringee", e164(phones))


def test_kill_alohub_before_job_id_recorded(sandbox: Any, tmp_path: Path) -> None:
    sandbox.control.configure(alohub={"job_seconds": 0})
    data = tmp_path / "data"
    name = add_account(sandbox, data, "alohub")
    phones = vn_phones(2500)
    src = write_csv(tmp_path / "in.csv", phones)
    secret = sandbox.secret("alohub")
    killed = run_process(_import_args(data, src, name, "campaign=1042"), stdin=secret, env={CRASH: "sent:1"})
    assert killed.returncode in KILLED
    done = _resume(data, _job_id(data), secret)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["sent"] == 2500
    _assert_ledger_once(sandbox, "alohub", e164(phones))


def _bulk_posts(sandbox: Any) -> int:
    return sum(n for p, n in sandbox.control.requests("cellcast")["by_path"].items() if p.startswith("POST"))


def test_kill_cellcast_flags_the_unknown_batch(sandbox: Any, tmp_path: Path) -> None:
    """The unknown batch is not resent: it is read back at resume, found, and counted as added."""
    data = tmp_path / "data"
    name = add_account(sandbox, data, "cellcast")
    phones = [f"0400{i:06d}" for i in range(2500)]
    src = write_csv(tmp_path / "in.csv", phones)
    secret = sandbox.secret("cellcast")
    killed = run_process(_import_args(data, src, name, "list=Crash"), stdin=secret, env={CRASH: "sent:2", **ONE})
    assert killed.returncode in KILLED
    done = _resume(data, _job_id(data), secret, one_lane=True)
    out = json.loads(done.stdout)
    assert done.returncode == 0 and out["needs_verification"] == 0 and out["added"] == 2500, done.stderr
    assert _bulk_posts(sandbox) == 3  # the unknown batch was not resent
    _assert_ledger_once(sandbox, "cellcast", {"+61" + p[1:] for p in phones})


def test_kill_during_verification_loses_nothing(sandbox: Any, tmp_path: Path) -> None:
    """Batch 1 is saved, its answer reset; the process dies right after the first read-back page returns
    (before its result is written); resume reads back again: every row once, all added."""
    data = tmp_path / "data"
    name = add_account(sandbox, data, "cellcast")
    phones = [f"0400{i:06d}" for i in range(2500)]
    src = write_csv(tmp_path / "in.csv", phones)
    secret = sandbox.secret("cellcast")
    sandbox.control.fault(provider="cellcast", path="contact/bulk", action="reset", commit=True, times=1)
    killed = run_process(_import_args(data, src, name, "list=Crash verify"), stdin=secret,
                         env={CRASH: "sent:4", **ONE})  # 3 uploads, then the first read-back page
    assert killed.returncode in KILLED, killed.stderr
    job = _job_id(data)
    journal = Journal.open(data)
    try:
        flagged = journal.outcome_counts(job).get("needs_verification")
    finally:
        journal.close()
    assert flagged == 1000  # still flagged on disk: nothing was lost or guessed
    done = _resume(data, job, secret, one_lane=True)
    out = json.loads(done.stdout)
    assert done.returncode == 0 and out["needs_verification"] == 0 and out["added"] == 2500, done.stderr
    assert _bulk_posts(sandbox) == 3
    _assert_ledger_once(sandbox, "cellcast", {"+61" + p[1:] for p in phones})


def test_repeated_kills_at_random_points(sandbox: Any, tmp_path: Path) -> None:
    """Ten SIGKILLs in a row at pseudo-random request counts; the ledger ends with every phone once.

    A run killed after its N-th request returns has recorded N-1 batches (the N-th result is lost),
    so with N in 2..3 and 22 batches of 500 every one of the ten runs is still mid-job when killed.
    """
    rng = random.Random(424242)
    data = tmp_path / "data"
    name = add_account(sandbox, data, "smsby")
    phones = [f"+37529{1000000 + i}" for i in range(22 * 500)]  # 22 batches of 500 (the SMS.by limit)
    src = write_csv(tmp_path / "in.csv", phones)
    secret = sandbox.secret("smsby")
    points = [rng.randint(2, 3) for _ in range(10)]
    first = run_process(_import_args(data, src, name, "list=102"), stdin=secret,
                        env={CRASH: f"sent:{points[0]}", **ONE})
    assert first.returncode in KILLED, first.stderr
    job = _job_id(data)
    kills = 1
    requests = points[0]
    for point in points[1:]:
        result = run_process(["--data-dir", str(data), "jobs", "resume", job, "--pacing", "0", "--json",
                              "--secret-stdin"], stdin=secret, env={CRASH: f"sent:{point}", **ONE})
        assert result.returncode in KILLED, (point, result.returncode, result.stderr)
        kills += 1
        requests += point
        # died right after its N-th request (besides the import's one read of the mailing lists: the target check)
        assert sandbox.control.requests("smsby")["count"] == requests + 1
    assert kills == 10
    shown = json.loads(run_process(["--data-dir", str(data), "jobs", "show", job, "--json"]).stdout)
    assert shown["state"] != "done" and shown["pending"] > 0  # the tenth kill still hit a running job
    _resume_to_done(sandbox, data, job, secret, phones, one_lane=True)


def test_kills_with_two_batches_in_flight_every_phone_once(sandbox: Any, tmp_path: Path) -> None:
    """SMS.by unpaced sends two batches at a time: a kill may leave both unanswered; resume resends them
    (the server upserts) and the ledger still ends with every phone exactly once."""
    rng = random.Random(77)
    data = tmp_path / "data"
    name = add_account(sandbox, data, "smsby")
    phones = [f"+37529{2000000 + i}" for i in range(24 * 500)]
    src = write_csv(tmp_path / "in.csv", phones)
    secret = sandbox.secret("smsby")
    first = run_process(_import_args(data, src, name, "list=102"), stdin=secret, env={CRASH: "sent:4"})
    assert first.returncode in KILLED, first.stderr
    job = _job_id(data)
    for point in [rng.randint(3, 5) for _ in range(4)]:
        result = _resume(data, job, secret, crash_after=point)
        assert result.returncode in KILLED, (point, result.returncode, result.stderr)
    _resume_to_done(sandbox, data, job, secret, phones)


def test_cellcast_kill_with_two_in_flight_flags_both_and_resends_neither(sandbox: Any, tmp_path: Path) -> None:
    data = tmp_path / "data"
    name = add_account(sandbox, data, "cellcast")
    phones = [f"0400{i:06d}" for i in range(4500)]  # batches of 1000: 1000 ×4 + 500
    src = write_csv(tmp_path / "in.csv", phones)
    secret = sandbox.secret("cellcast")
    killed = run_process(_import_args(data, src, name, "list=Crash2"), stdin=secret, env={CRASH: "sent:3"})
    assert killed.returncode in KILLED
    job = _job_id(data)
    done = _resume(data, job, secret)
    out = json.loads(done.stdout)
    # the batch whose answer was lost, and the one in flight if there was one, are read back at resume:
    # what the provider has is added, what it lacks (a batch that never left) is sent once more
    assert done.returncode == 0 and out["needs_verification"] == 0 and out["added"] == 4500, out
    assert _bulk_posts(sandbox) in (4, 5, 6)  # a saved batch is never resent; an unsent one at most once
    journal = Journal.open(data)
    try:
        outcome = {e.phone: e.outcome for e in journal.iter_rows(job)}
    finally:
        journal.close()
    everyone = {"+61" + p[1:] for p in phones}
    assert set(outcome) == everyone and set(outcome.values()) == {"added"}
    _assert_ledger_once(sandbox, "cellcast", everyone)


def test_sigint_stops_cleanly_and_resumes(sandbox: Any, tmp_path: Path) -> None:
    """Ctrl-C: the in-flight batch is recorded, the job is left interrupted (exit 3), `jobs resume` ends it."""
    import signal
    import subprocess
    import time

    from cli_support import ROOT

    data = tmp_path / "data"
    name = add_account(sandbox, data, "stringee")
    phones = vn_phones(8000)
    src = write_csv(tmp_path / "in.csv", phones)
    secret = sandbox.secret("stringee")
    args = _import_args(data, src, name, "campaign=CA100003")
    args[args.index("--pacing") + 1] = "0.5"
    proc = subprocess.Popen([sys.executable, "-m", "campaign_gui", *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdin is not None
    proc.stdin.write(secret + "\n")
    proc.stdin.flush()
    deadline = time.monotonic() + 60
    while sandbox.control.requests("stringee")["count"] < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    proc.stdin.close()
    proc.stdin = None  # communicate() must not touch the closed pipe
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 3, err
    stopped = json.loads(out)
    assert stopped["state"] == "interrupted" and 0 < stopped["sent"] < 8000
    assert stopped["sent"] == stopped["added"] and stopped["pending"] == 8000 - stopped["sent"]
    assert len(sandbox.control.ledger("stringee")) == stopped["sent"]  # journal and provider agree
    done = _resume(data, stopped["job_id"], secret)
    assert done.returncode == 0 and json.loads(done.stdout)["sent"] == 8000
    _assert_ledger_once(sandbox, "stringee", e164(phones))

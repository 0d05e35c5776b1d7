"""Engine + real clients: what "may have reached the server" means for Cellcast and Stringee resends."""

from __future__ import annotations

import socket
from dataclasses import replace
from pathlib import Path
from typing import Any

from engine_fakes import PHONES, FakeTime, vn_records
from sandbox_import import assert_invariant, assert_once, run_import

CELLCAST = {"list": "Verify test"}
STRINGEE = {"campaign": "CA100003"}


def _closed_port() -> int:
    """A loopback port nobody listens on (bound, then closed: the kernel refuses connections to it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _posts(sandbox: Any) -> int:
    return sum(n for p, n in sandbox.control.requests("cellcast")["by_path"].items() if p.startswith("POST"))


async def test_cellcast_reset_after_commit_is_flagged_not_resent(sandbox: Any, tmp_path: Path) -> None:
    """The server processed the batch, then the connection was reset: the rows may be saved, so no resend;
    reading the list back finds them, so they are added."""
    records = vn_records(30, phone=PHONES["cellcast"])
    sandbox.control.fault(provider="cellcast", path="contact/bulk", action="reset", commit=True)
    run = await run_import(sandbox, tmp_path, "cellcast", records, CELLCAST, fake_time=FakeTime(), batch_size=10)
    s = run.summary
    assert s.state == "done" and s.needs_verification == 0 and s.added == 30 and s.failed == 0
    batches = run.journal.batches(run.job)
    assert batches[0].state == "done" and batches[0].attempts == 1
    assert batches[0].result["read_back"] == {"found": 10, "absent": 0, "container": True}
    assert {b.state for b in batches[1:]} == {"done"}
    assert _posts(sandbox) == 3  # the reset batch was never sent again
    verified = {row for row, (_, why) in run.outcomes().items() if why == "found at the provider when read back"}
    assert verified == set(range(2, 12))  # exactly the first batch's source rows
    assert_once(sandbox.control.ledger("cellcast"), records)  # it was saved, once
    assert_invariant(s)


async def test_cellcast_connection_refused_is_not_reached(sandbox: Any, tmp_path: Path) -> None:
    """A refused connection never reached the server: retried (and paused), never "needs verification"."""
    records = vn_records(20, phone=PHONES["cellcast"])
    down = replace(sandbox.account("cellcast"), base_url=f"http://127.0.0.1:{_closed_port()}/cellcast")
    t = FakeTime()
    run = await run_import(sandbox, tmp_path, "cellcast", records, CELLCAST, fake_time=t, account=down,
                           batch_size=10, max_consecutive_failures=3)
    s = run.summary
    assert s.state == "paused" and "provider unreachable" in s.message
    assert s.needs_verification == 0 and s.sent == 0 and s.pending == 20
    assert run.journal.batches(run.job)[0].state == "planned"  # known not sent
    assert len([x for x in t.sleeps if x > 0]) == 2  # backed off between the three refused attempts
    assert sandbox.control.requests("cellcast")["count"] == 0
    # the provider comes up (the account points at the sandbox again): the job finishes, rows once
    again = await run_import(sandbox, tmp_path, "cellcast", records, CELLCAST, fake_time=t, journal=run.journal,
                             job=run.job, batch_size=10)
    assert again.summary.state == "done" and again.summary.added == 20 and again.summary.needs_verification == 0
    assert sandbox.control.requests("cellcast")["count"] == 2
    assert_once(sandbox.control.ledger("cellcast"), records)


async def test_stringee_reset_on_reused_connection_is_resent_once(sandbox: Any, tmp_path: Path) -> None:
    """The connection drops (no commit) on the client's second request: Stringee resends, ledger once."""
    records = vn_records(30)
    sandbox.control.fault(provider="stringee", path="add-by-phones", action="reset", after=1, times=1)
    run = await run_import(sandbox, tmp_path, "stringee", records, STRINGEE, fake_time=FakeTime(), batch_size=10,
                           pacing=0)
    s = run.summary
    assert s.state == "done" and s.added == 30 and s.needs_verification == 0 and s.skipped == 0
    assert [b.attempts for b in run.journal.batches(run.job)] == [1, 2, 1]
    assert sandbox.control.requests("stringee")["count"] == 4
    assert_once(sandbox.control.ledger("stringee"), records)
    assert_invariant(s)


async def test_cellcast_reset_without_commit_is_still_flagged(sandbox: Any, tmp_path: Path) -> None:
    """A reset after the request was sent cannot be told from one after a commit: flagged, not resent
    blindly; reading the list back proves the rows absent, and only then are they sent once more."""
    records = vn_records(10, phone=PHONES["cellcast"])
    sandbox.control.fault(provider="cellcast", path="contact/bulk", action="reset")
    run = await run_import(sandbox, tmp_path, "cellcast", records, CELLCAST, fake_time=FakeTime())
    assert run.summary.needs_verification == 0 and run.summary.added == 10
    batches = run.journal.batches(run.job)
    assert batches[0].result["read_back"]["absent"] == 10 and len(batches) == 2
    assert _posts(sandbox) == 2
    assert_once(sandbox.control.ledger("cellcast"), records)

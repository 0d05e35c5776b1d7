"""Engine + real clients + sandbox faults: retries without duplicates, flags, pauses, rate limits."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from engine_fakes import PHONES, FakeTime, vn_records
from sandbox_import import assert_invariant, assert_once, run_import

from campaign_gui.domain.errors import Timeout

TARGETS = {"stringee": {"campaign": "CA100003"}, "smsby": {"list": "101"}, "alohub": {"campaign": "1042"},
           "cellcast": {"list": "Import test"}, "dynmsg": {"campaign": "new", "sender": "ACME",
                                                           "message": "Hello", "start": "2030-01-01T10:00:00Z"}}
UPLOAD_PATH = {"stringee": r"add-by-phones", "smsby": r"importContacts", "alohub": r"contacts/bulk$",
               "cellcast": r"contact/bulk", "dynmsg": r"(?i)api/campaigns"}


def recs(provider: str, n: int, **kw: Any) -> list:
    return vn_records(n, phone=PHONES[provider], **kw)


@pytest.fixture(autouse=True)
def quick_alohub_jobs(sandbox: Any) -> None:
    sandbox.control.configure(alohub={"job_seconds": 0.05})


@pytest.mark.parametrize("provider", ["stringee", "smsby", "alohub"])
async def test_500_then_success_no_duplicate(sandbox: Any, tmp_path: Path, provider: str) -> None:
    records = recs(provider, 30)
    sandbox.control.fault(provider=provider, path=UPLOAD_PATH[provider], action="status", status=500)
    run = await run_import(sandbox, tmp_path, provider, records, TARGETS[provider], fake_time=FakeTime(),
                           batch_size=10, poll_interval=0.02)
    assert run.summary.state == "done" and run.summary.added == 30
    assert_once(sandbox.control.ledger(provider), records)
    assert_invariant(run.summary)
    assert run.journal.batches(run.job)[0].attempts == 2


@pytest.mark.parametrize("provider", ["stringee", "smsby", "alohub"])
async def test_commit_then_500_resent_harmlessly(sandbox: Any, tmp_path: Path, provider: str) -> None:
    records = recs(provider, 30)
    sandbox.control.fault(provider=provider, path=UPLOAD_PATH[provider], action="commit_then_500")
    run = await run_import(sandbox, tmp_path, provider, records, TARGETS[provider], fake_time=FakeTime(),
                           batch_size=10, poll_interval=0.02)
    assert run.summary.state == "done" and run.summary.needs_verification == 0
    assert_once(sandbox.control.ledger(provider), records)
    first = {row: o for row, o in run.outcomes().items() if row < 12}
    assert {o for o, _ in first.values()} <= {"skipped", "updated", "added"}
    assert_invariant(run.summary)


def _posts(sandbox: Any, provider: str) -> int:
    return sum(n for p, n in sandbox.control.requests(provider)["by_path"].items() if p.startswith("POST"))


async def test_cellcast_commit_then_500_flagged_not_resent(sandbox: Any, tmp_path: Path) -> None:
    """Flagged, never resent; then read back: the saved batch is found and counted as added."""
    records = recs("cellcast", 30)
    sandbox.control.fault(provider="cellcast", path=UPLOAD_PATH["cellcast"], action="commit_then_500")
    run = await run_import(sandbox, tmp_path, "cellcast", records, TARGETS["cellcast"], fake_time=FakeTime(),
                           batch_size=10)
    assert run.summary.needs_verification == 0 and run.summary.added == 30 and run.summary.state == "done"
    assert _posts(sandbox, "cellcast") == 3  # never resent
    assert_once(sandbox.control.ledger("cellcast"), records)  # the flagged batch is there once
    assert run.journal.batches(run.job)[0].result["read_back"]["found"] == 10
    assert_invariant(run.summary)


@pytest.mark.parametrize("action", ["html", "malformed", "empty", "json-null", "json-nofields", "reset"])
async def test_bad_bodies_and_resets_are_never_success(sandbox: Any, tmp_path: Path, action: str) -> None:
    records = recs("stringee", 20)
    spec: dict[str, Any] = {"provider": "stringee", "path": "add-by-phones", "action": action, "status": 200}
    if action == "json-null":
        spec.update(action="json", body=None)
    elif action == "json-nofields":
        spec.update(action="json", body={"r": 0, "msg": "Success"})
    elif action == "html":
        spec.update(status=502)
    sandbox.control.fault(**spec)
    run = await run_import(sandbox, tmp_path, "stringee", records, TARGETS["stringee"], fake_time=FakeTime(),
                           batch_size=10)
    assert run.summary.state == "done" and run.summary.added == 20
    assert run.journal.batches(run.job)[0].attempts == 2  # the bad answer was not taken as success
    assert_once(sandbox.control.ledger("stringee"), records)


async def test_stall_hits_the_deadline_and_is_resent(sandbox: Any, tmp_path: Path) -> None:
    records = recs("stringee", 10)
    sandbox.control.fault(provider="stringee", path="add-by-phones", action="stall", seconds=5, commit=True)
    run = await run_import(sandbox, tmp_path, "stringee", records, TARGETS["stringee"], fake_time=FakeTime(),
                           client_kw={"deadline": 0.5})
    assert run.summary.state == "done"
    assert run.journal.batches(run.job)[0].attempts == 2
    assert run.summary.skipped + run.summary.added == 10
    assert_once(sandbox.control.ledger("stringee"), records)


async def test_random_failures_with_fixed_seed_complete(sandbox: Any, tmp_path: Path) -> None:
    """~10 % of 100 requests fail in assorted ways (seeded); the run completes with bounded retries."""
    rng = random.Random(20260310)
    actions = ["status", "commit_then_500", "reset", "html", "malformed", "empty"]
    fired = 0
    for index in range(120):
        if rng.random() < 0.10:
            action = rng.choice(actions)
            spec: dict[str, Any] = {"provider": "stringee", "path": "add-by-phones", "action": action,
                                    "after": index - fired}
            spec["status"] = 503 if action in ("status", "html") else 200
            sandbox.control.fault(**spec)
            fired += 1
    records = recs("stringee", 5000)
    run = await run_import(sandbox, tmp_path, "stringee", records, TARGETS["stringee"], fake_time=FakeTime(),
                           batch_size=50, max_consecutive_failures=8)
    assert run.summary.state == "done" and run.summary.sent == 5000
    assert_once(sandbox.control.ledger("stringee"), records)
    assert sandbox.control.requests("stringee")["count"] <= 100 + fired
    assert fired >= 5
    assert_invariant(run.summary)


@pytest.mark.parametrize("lanes", [1, 2])
async def test_provider_down_pauses_then_resumes_from_journal(sandbox: Any, tmp_path: Path, lanes: int) -> None:
    records = recs("smsby", 40)
    sandbox.control.fault(provider="smsby", path="importContacts", action="status", status=503, times=-1, after=1)
    t = FakeTime()
    run = await run_import(sandbox, tmp_path, "smsby", records, TARGETS["smsby"], fake_time=t, batch_size=10,
                           max_consecutive_failures=4, lanes=lanes)
    assert run.summary.state == "paused" and "provider unreachable" in run.summary.message
    assert run.summary.added == 10 and run.summary.pending == 30
    # one success, then four failures in a row; with two lanes a second batch may already have been in flight
    # when the first failure came back (the first batch always goes alone)
    assert sandbox.control.requests("smsby")["count"] in ((5,) if lanes == 1 else (5, 6))
    sandbox.control.clear_faults()
    again = await run_import(sandbox, tmp_path, "smsby", records, TARGETS["smsby"], fake_time=t,
                             journal=run.journal, job=run.job, batch_size=10)
    assert again.summary.state == "done" and again.summary.added == 40
    assert_once(sandbox.control.ledger("smsby"), records)


@pytest.mark.parametrize("retry_after", ["3", "Wed, 21 Oct 2015 07:28:00 GMT", "garbage", "-5", "999999", "0"])
async def test_429_retry_after_variants_are_clamped(sandbox: Any, tmp_path: Path, retry_after: str) -> None:
    records = recs("stringee", 10)
    sandbox.control.fault(provider="stringee", path="add-by-phones", action="rate_limit", status=429,
                          retry_after=retry_after)
    t = FakeTime()
    run = await run_import(sandbox, tmp_path, "stringee", records, TARGETS["stringee"], fake_time=t)
    assert run.summary.state == "done" and run.summary.added == 10
    waited = sum(t.sleeps)
    expected = {"3": 3.0, "garbage": 5.0, "999999": 300.0}.get(retry_after, 0.0)
    assert expected <= waited <= expected * 1.5 + 0.5 + 0.25  # Retry-After + jitter (+ throttle step)
    assert sandbox.control.requests("stringee")["count"] == 2


async def test_429_storm_lowers_the_rate(sandbox: Any, tmp_path: Path) -> None:
    records = recs("smsby", 100)
    sandbox.control.fault(provider="smsby", path="importContacts", action="rate_limit", status=429,
                          retry_after="0", times=5, after=1)
    t = FakeTime()
    run = await run_import(sandbox, tmp_path, "smsby", records, TARGETS["smsby"], fake_time=t, batch_size=10)
    assert run.summary.state == "done"
    times = sandbox.control.requests("smsby")["times"]
    assert len(times) == 15
    assert sum(t.sleeps) > 0.25 * 5  # each 429 of the storm grew the delay (Retry-After was 0)
    assert_once(sandbox.control.ledger("smsby"), records)


async def test_alohub_quota_headers_wait_before_429(sandbox: Any, tmp_path: Path) -> None:
    """Remaining=0 in the headers: the engine waits for the window instead of running into a 429."""
    sandbox.control.configure(alohub={"route_limit": 2, "tenant_limit": 1000, "window": 1, "job_seconds": 0.0})
    records = recs("alohub", 10)
    reasons: list[str] = []
    run = await run_import(sandbox, tmp_path, "alohub", records, TARGETS["alohub"], poll_interval=0.0,
                           quota_wait=1.1, batch_size=2,
                           progress_cb=lambda s: reasons.append(s.waiting_reason or ""))
    assert any(r.startswith("rate-limit quota used up") for r in reasons)
    assert not any(r.startswith("rate limited") for r in reasons)
    by_path = sandbox.control.requests("alohub")["by_path"]
    assert sum(n for p, n in by_path.items() if p.endswith("/contacts/bulk")) == 5  # no POST met a 429
    assert run.summary.added == 10
    assert_once(sandbox.control.ledger("alohub"), records)


async def test_alohub_poll_rate_limited_then_done(sandbox: Any, tmp_path: Path) -> None:
    records = recs("alohub", 10)
    sandbox.control.fault(provider="alohub", path="contacts/import/", action="rate_limit", status=429,
                          retry_after="2", times=2)
    t = FakeTime()
    run = await run_import(sandbox, tmp_path, "alohub", records, TARGETS["alohub"], fake_time=t, poll_interval=0.0)
    assert run.summary.state == "done" and run.summary.added == 10
    assert sum(1 for s in t.sleeps if s >= 2.0) >= 2
    assert_once(sandbox.control.ledger("alohub"), records)


async def test_alohub_lost_job_resubmitted_same_list_name(sandbox: Any, tmp_path: Path) -> None:
    records = recs("alohub", 20)
    sandbox.control.fault(provider="alohub", path="contacts/import/", action="status", status=404)
    run = await run_import(sandbox, tmp_path, "alohub", records, TARGETS["alohub"], fake_time=FakeTime(),
                           batch_size=10, poll_interval=0.02)
    assert run.summary.state == "done" and run.summary.added == 10 and run.summary.skipped == 10
    assert "lost first attempt" in run.outcomes()[2][1]
    by_path = sandbox.control.requests("alohub")["by_path"]
    assert sum(n for p, n in by_path.items() if p.endswith("/contacts/bulk")) == 3
    assert_once(sandbox.control.ledger("alohub"), records)


async def test_dynmsg_lost_create_answer_is_verified_not_recreated(sandbox: Any, tmp_path: Path) -> None:
    records = recs("dynmsg", 12)
    sandbox.control.fault(provider="dynmsg", path=UPLOAD_PATH["dynmsg"], method="POST", action="commit_then_500")
    run = await run_import(sandbox, tmp_path, "dynmsg", records, TARGETS["dynmsg"], fake_time=FakeTime())
    assert run.summary.state == "done" and run.summary.added == 12
    assert run.journal.batches(run.job)[0].provider_job_id
    by_path = sandbox.control.requests("dynmsg")["by_path"]
    assert sum(n for p, n in by_path.items() if p.startswith("POST")) == 1  # one create, never repeated
    assert_once(sandbox.control.ledger("dynmsg"), records)


async def test_timeout_cause_counts_as_reached(sandbox: Any, tmp_path: Path) -> None:
    """A request that timed out may have been processed: Cellcast flags the batch instead of resending."""
    from campaign_gui.upload.retry import may_have_reached_server

    assert may_have_reached_server(Timeout("x"))
    records = recs("cellcast", 10)
    sandbox.control.fault(provider="cellcast", path=UPLOAD_PATH["cellcast"], action="stall", seconds=3, commit=True)
    run = await run_import(sandbox, tmp_path, "cellcast", records, TARGETS["cellcast"], fake_time=FakeTime(),
                           client_kw={"deadline": 0.5})
    # flagged, never resent, then found by reading back (the stall came after the commit)
    assert run.summary.needs_verification == 0 and run.summary.added == 10
    assert run.journal.batches(run.job)[0].result["read_back"]["found"] == 10
    assert _posts(sandbox, "cellcast") == 1  # never resent
    assert_once(sandbox.control.ledger("cellcast"), records)

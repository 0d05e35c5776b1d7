"""Backoff through the real client: a wait precedes every retry, its ceiling doubles, the cap holds."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from engine_fakes import PHONES, FakeTime, new_job, vn_records
from sandbox_import import assert_once, run_import

from campaign_gui.providers import make_provider
from campaign_gui.upload.engine import UploadEngine
from campaign_gui.upload.journal import Journal
from campaign_gui.upload.retry import BACKOFF_BASE, BACKOFF_CAP

TARGET = {"list": "101"}
FAILURES = 9  # eight backoff waits, then the pause


class RecordingTime(FakeTime):
    """Fake time that also notes how many requests the sandbox had seen when each wait began."""

    def __init__(self, sandbox: Any) -> None:
        super().__init__()
        self.sandbox = sandbox
        self.seen: list[tuple[float, int]] = []

    async def sleep(self, seconds: float) -> None:
        self.seen.append((seconds, self.sandbox.control.requests("smsby")["count"]))
        await super().sleep(seconds)


def ceiling(attempt: int) -> float:
    return min(BACKOFF_CAP, BACKOFF_BASE * 2 ** (attempt - 1))


async def test_500_then_success_waits_before_the_retry(sandbox: Any, tmp_path: Path) -> None:
    records = vn_records(10, phone=PHONES["smsby"])
    sandbox.control.fault(provider="smsby", path="importContacts", action="status", status=500)
    t = RecordingTime(sandbox)
    run = await run_import(sandbox, tmp_path, "smsby", records, TARGET, fake_time=t)
    assert run.summary.state == "done" and run.summary.added == 10
    assert sandbox.control.requests("smsby")["count"] == 2
    waits_between = [s for s, seen in t.seen if seen == 1]  # after the 500, before the retry
    assert waits_between and all(0 < s <= ceiling(1) for s in waits_between)
    assert run.journal.batches(run.job)[0].attempts == 2
    assert_once(sandbox.control.ledger("smsby"), records)


async def test_repeated_500s_back_off_under_a_doubling_ceiling(sandbox: Any, tmp_path: Path) -> None:
    """Full jitter: each wait is uniform under min(cap, base·2^(k-1)); over many seeds the largest wait
    at attempt k grows with k, and none ever exceeds the cap."""
    sandbox.control.fault(provider="smsby", path="importContacts", action="status", status=503, times=-1)
    journal = Journal.open(tmp_path / "data")
    account = sandbox.account("smsby")
    per_attempt: list[list[float]] = [[] for _ in range(FAILURES - 1)]
    for seed in range(16):
        job = new_job(tmp_path, journal, vn_records(5, phone=PHONES["smsby"]), target=TARGET, account=account)
        t = FakeTime()
        provider = make_provider(account, sandbox.secret("smsby"))
        try:
            s = await UploadEngine(provider, journal, job, clock=t.clock, sleep=t.sleep, rng=random.Random(seed),
                                   pacing=0, max_consecutive_failures=FAILURES).run()
        finally:
            await provider.aclose()
        assert s.state == "paused" and "provider unreachable" in s.message
        assert len(t.sleeps) == FAILURES - 1, t.sleeps  # one wait before each retry, none after the last
        for k, wait in enumerate(t.sleeps, start=1):
            assert 0 < wait <= ceiling(k) <= BACKOFF_CAP, (seed, k, wait)
            per_attempt[k - 1].append(wait)
    journal.close()
    assert sandbox.control.requests("smsby")["count"] == 16 * FAILURES
    highest = [max(waits) for waits in per_attempt]
    growing = [k for k in range(1, FAILURES - 1) if ceiling(k + 1) > ceiling(k)]
    assert growing == list(range(1, 7))  # the ceiling doubles up to the cap, then stays
    for k in growing:
        assert highest[k] > highest[k - 1], highest
    assert highest[-1] > ceiling(6)  # waits at the cap go beyond the last doubled ceiling (16 s)…
    assert max(highest) <= BACKOFF_CAP  # …but never beyond the cap

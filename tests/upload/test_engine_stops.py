"""A stop is never a failure (issue 13 items 2 and 4): a cancelled run, an unexpected error, every row refused."""

from __future__ import annotations

import asyncio
import random
from pathlib import Path
from typing import Any

import pytest
from engine_fakes import FakeProvider, FakeTime, make_info, new_job, vn_records

from campaign_gui.domain.errors import Rejected
from campaign_gui.upload.engine import UploadEngine
from campaign_gui.upload.journal import Journal


@pytest.fixture
def journal(tmp_path: Path) -> Any:
    j = Journal.open(tmp_path / "data")
    yield j
    j.close()


def _state(journal: Journal, job: str) -> tuple[str, dict[str, int], list[str]]:
    record = journal.get_job(job)
    assert record is not None
    return record.state, journal.outcome_counts(job), [b.state for b in journal.open_batches(job)]


async def test_a_run_cancelled_mid_request_leaves_the_job_interrupted(tmp_path: Path, journal: Journal) -> None:
    """The window's shutdown grace runs out (or a second Ctrl-C): unsent rows stay pending, the batch in flight
    stays `sending`, the job is interrupted, and a resume sends every row once."""
    started = asyncio.Event()

    def hang(provider: FakeProvider, rows: Any) -> Any:
        started.set()
        raise _Hang()

    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(30))
    p = FakeProvider(make_info(batch_limit=10), t, script=[None, hang])
    p.upload_batch = _hanging(p.upload_batch)  # type: ignore[method-assign]
    engine = UploadEngine(p, journal, job, clock=t.clock, sleep=t.sleep, rng=random.Random(7), lanes=1)
    run = asyncio.ensure_future(engine.run())
    await asyncio.wait_for(started.wait(), 10)
    run.cancel()
    with pytest.raises(asyncio.CancelledError):
        await run
    state, counts, batches = _state(journal, job)
    assert state == "interrupted" and counts.get("failed", 0) == 0
    assert counts["added"] == 10 and counts["pending"] == 20 and batches == ["sending"]
    journal.recover()  # as the next start does: sending -> unknown, resolved by the retry class (resend)
    resumed = await UploadEngine(p, journal, job, clock=t.clock, sleep=t.sleep, rng=random.Random(7)).run()
    assert resumed.state == "done" and resumed.added == 30 and resumed.failed == 0
    assert len(p.saved) == 30 and set(p.saved.values()) == {1}


async def test_an_unexpected_error_is_a_stop_not_the_end(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(30))
    p = FakeProvider(make_info(batch_limit=10), t, script=[None, ZeroDivisionError("a bug")])
    with pytest.raises(ZeroDivisionError):
        await UploadEngine(p, journal, job, clock=t.clock, sleep=t.sleep, rng=random.Random(7)).run()
    state, counts, _ = _state(journal, job)
    assert state == "interrupted" and counts.get("failed", 0) == 0 and counts["pending"] == 20


async def test_every_row_refused_is_failed_with_the_reason(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(20))
    refused = Rejected("list 0 does not exist")
    p = FakeProvider(make_info(batch_limit=10), t, script=[refused, refused])
    s = await UploadEngine(p, journal, job, clock=t.clock, sleep=t.sleep, rng=random.Random(7)).run()
    assert s.state == "failed" and s.rejected == 20
    assert s.message == "the provider rejected every row: list 0 does not exist"
    p2 = FakeProvider(make_info(batch_limit=10), t, script=[refused])  # some refused, some added: done
    (tmp_path / "2").mkdir()
    job2 = new_job(tmp_path / "2", journal, vn_records(20, start=100))
    s2 = await UploadEngine(p2, journal, job2, clock=t.clock, sleep=t.sleep, rng=random.Random(7)).run()
    assert s2.state == "done" and s2.rejected == 10 and s2.added == 10


class _Hang(Exception):
    """Marks the call that never answers."""


def _hanging(upload: Any) -> Any:
    async def call(*args: Any, **kwargs: Any) -> Any:
        try:
            return await upload(*args, **kwargs)
        except _Hang:
            await asyncio.Event().wait()  # a request that never answers
            raise AssertionError("unreachable") from None

    return call

"""A provider that does not answer: the job pauses within about 2 minutes of timeouts in a row, then resumes by
itself once a probe (with growing waits) gets an answer, or at once on resume(); against a fake and the sandbox."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from engine_fakes import PHONES, FakeProvider, FakeTime, make_info, new_job, vn_records
from sandbox_import import assert_once
from test_sender import times_out

from campaign_gui.domain.errors import NetworkError, Timeout
from campaign_gui.providers import make_provider
from campaign_gui.upload.engine import PROBE_CAP, PROBING_REASON, UploadEngine
from campaign_gui.upload.journal import Journal
from campaign_gui.upload.progress import ProgressSnapshot


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal.open(tmp_path / "data")
    yield j
    j.close()


async def test_not_answering_pauses_then_probes_until_an_answer(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(20))
    p = FakeProvider(make_info(batch_limit=10), t, script=[times_out(), times_out()])
    p.probe_script = [Timeout("still nothing"), NetworkError("refused"), Timeout("still nothing")] * 3
    snaps: list[ProgressSnapshot] = []
    engine = UploadEngine(p, journal, job, clock=t.clock, sleep=t.sleep, rng=random.Random(5),
                          progress_cb=snaps.append)
    summary = await engine.run(auto_resume_after=15.0)
    assert summary.state == "done" and summary.added == 20
    paused = [s for s in snaps if s.state == "paused"]
    assert paused and paused[0].message == "the provider is not answering (Fake did not answer within 45 s)"
    probing = [s.waiting_reason for s in snaps if s.waiting_reason and s.waiting_reason.startswith(PROBING_REASON)]
    waits = [15, 30, 60, 120, 240] + [int(PROBE_CAP)] * 5
    assert probing == [f"{PROBING_REASON}, {w} s" for w in waits]
    assert p.probes == 10 and len(p.calls) == 4  # two timeouts, then the job's two batches
    assert all(v == 1 for v in p.saved.values())


async def test_resume_ends_the_wait_for_an_answer_at_once(tmp_path: Path, journal: Journal) -> None:
    job = new_job(tmp_path, journal, vn_records(10))
    t = FakeTime()
    p = FakeProvider(make_info(batch_limit=10), t, script=[times_out(), times_out()])
    engine: UploadEngine

    async def never(seconds: float) -> None:  # the probe's wait lasts until something ends it
        t.sleeps.append(seconds)
        if seconds >= 600:
            await asyncio.Event().wait()

    def on_progress(snap: ProgressSnapshot) -> None:
        if snap.waiting_reason and snap.waiting_reason.startswith(PROBING_REASON):
            engine.resume()

    engine = UploadEngine(p, journal, job, clock=t.clock, sleep=never, rng=random.Random(5), progress_cb=on_progress)
    summary = await asyncio.wait_for(engine.run(auto_resume_after=3600.0), 10)
    assert summary.state == "done" and p.probes == 0 and len(p.calls) == 3


async def test_interrupt_while_waiting_for_an_answer(tmp_path: Path, journal: Journal) -> None:
    job = new_job(tmp_path, journal, vn_records(10))
    t = FakeTime()
    p = FakeProvider(make_info(batch_limit=10), t, script=[times_out(), times_out()])
    p.probe_script = [Timeout("x")] * 50
    engine: UploadEngine

    def on_progress(snap: ProgressSnapshot) -> None:
        if p.probes == 3:
            engine.interrupt()

    engine = UploadEngine(p, journal, job, clock=t.clock, sleep=t.sleep, rng=random.Random(5), progress_cb=on_progress)
    summary = await engine.run(auto_resume_after=15.0)
    assert summary.state == "interrupted" and summary.pending == 10 and p.probes == 3


async def test_a_stalled_sandbox_pauses_the_job_and_it_resumes_when_answered(sandbox: Any, tmp_path: Path,
                                                                            journal: Journal) -> None:
    """Real HTTP: the sandbox holds the first two requests longer than the client's deadline; on a clock that
    runs 45 times faster, a 1-s deadline is the real 45 s. The job pauses at the second timeout (about 90 s
    on that clock), a probe gets an answer (the fault is spent), the run ends with every phone once."""
    records = vn_records(30, phone=PHONES["stringee"])
    account = sandbox.account("stringee")
    job = new_job(tmp_path, journal, records, target={"campaign": "CA100003"}, account=account)
    sandbox.control.fault(provider="stringee", path="add-by-phones", action="stall", seconds=2.5, times=2)
    start = time.monotonic()

    def clock() -> float:
        return start + (time.monotonic() - start) * 45

    fake = FakeTime()
    snaps: list[ProgressSnapshot] = []
    client = make_provider(account, sandbox.secret("stringee"), deadline=1.0)
    try:
        summary = await UploadEngine(client, journal, job, pacing=0, clock=clock, sleep=fake.sleep,
                                     rng=random.Random(5), batch_size=10, lanes=1,
                                     progress_cb=snaps.append).run(auto_resume_after=15.0)
    finally:
        await client.aclose()
    paused = [s for s in snaps if s.state == "paused"]
    assert paused and paused[0].message.startswith("the provider is not answering (")
    assert summary.state == "done" and summary.added + summary.skipped == 30
    await asyncio.sleep(2.6)  # the stalled requests finish on the server (they were saved there too)
    assert_once(sandbox.control.ledger("stringee"), records)
    by_path = sandbox.control.requests("stringee")["by_path"]
    assert sum(by_path.values()) == 2 + 1 + 3  # two timeouts, the probe, then the three batches

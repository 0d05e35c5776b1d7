"""ImportJobFlow (Alohub's import jobs polled, a lost one resubmitted) and CampaignFlow (Dynamic Messaging's
create-once and the check of a lost create), on the real recorder, source, sender and control."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from engine_fakes import FakeProvider, FakeTime, Parts, make_info, vn_records, wire_parts

from campaign_gui.domain.errors import AuthError, NetworkError, NotFound, ServerError
from campaign_gui.domain.models import JobStatus
from campaign_gui.providers.base import RetryClass
from campaign_gui.upload.batches import Batch
from campaign_gui.upload.flows import CampaignFlow, ImportJobFlow
from campaign_gui.upload.journal import Journal


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal.open(tmp_path / "data")
    yield j
    j.close()


def jobs_parts(tmp_path: Path, journal: Journal, *, n: int = 10, **kw: object) -> tuple[Parts, ImportJobFlow]:
    p = wire_parts(tmp_path, journal, FakeProvider(make_info(RetryClass.RESUBMIT_SAME_NAME, batch_limit=10),
                                                   FakeTime()), vn_records(n), **kw)  # type: ignore[arg-type]
    return p, ImportJobFlow(p.sender, p.recorder, p.control, {"list": "L"}, poll_interval=2.5)


def campaign_parts(tmp_path: Path, journal: Journal, *, n: int = 10) -> tuple[Parts, CampaignFlow]:
    p = wire_parts(tmp_path, journal, FakeProvider(make_info(RetryClass.NEVER, batch_limit=100), FakeTime()),
                   vn_records(n))
    return p, CampaignFlow(p.sender, p.recorder, p.control, {"name": "C"})


async def first_batch(p: Parts) -> Batch:
    batch = await p.source.next_batch()
    assert batch is not None
    return batch


def outcomes(p: Parts) -> set[str]:
    return {e.outcome for e in p.journal.iter_rows(p.job)}


async def test_an_import_job_is_polled_until_it_ends(tmp_path: Path, journal: Journal) -> None:
    p, flow = jobs_parts(tmp_path, journal)
    p.provider.poll_script = ["processing", "processing"]
    batch = await first_batch(p)
    assert await flow.send(batch) is None
    assert p.provider.polls == 3 and p.time.sleeps == [1.0, 2.5, 2.5]  # the first look comes sooner
    assert outcomes(p) == {"added"} and batch.state == "done"


async def test_a_lost_job_is_resubmitted_under_the_same_name(tmp_path: Path, journal: Journal) -> None:
    p, flow = jobs_parts(tmp_path, journal)
    p.provider.poll_script = [NotFound("job lost")]
    batch = await first_batch(p)
    assert await flow.send(batch) is None
    keys = [c[2] for c in p.provider.calls]
    assert keys == [batch.key, batch.key] and batch.attempts == 2 and batch.provider_job_id == "job2"
    assert outcomes(p) == {"added"}


async def test_a_failed_job_backs_off_then_is_resubmitted(tmp_path: Path, journal: Journal) -> None:
    p, flow = jobs_parts(tmp_path, journal)
    batch = await first_batch(p)
    original = p.provider.poll_job

    async def failing_once(target: object, job_id: str) -> JobStatus:
        if job_id == "job1":
            p.provider.polls += 1
            return JobStatus(job_id, "failed", 10, 0, 0, 0, error="disk")
        return await original(target, job_id)  # type: ignore[arg-type]

    p.provider.poll_job = failing_once  # type: ignore[method-assign]
    assert await flow.send(batch) is None
    assert len(p.provider.calls) == 2 and p.sender.failures == 0 and outcomes(p) == {"added"}


async def test_a_resumed_job_is_polled_before_anything_is_sent(tmp_path: Path, journal: Journal) -> None:
    p, flow = jobs_parts(tmp_path, journal)
    batch = await first_batch(p)
    p.provider.jobs["job7"] = list(batch.rows)
    batch.provider_job_id, batch.state = "job7", "sending"
    assert await flow.send(batch, submitted=True) is None
    assert p.provider.calls == [] and p.provider.polls == 1 and outcomes(p) == {"added"}


async def test_polls_stop_on_a_wrong_key(tmp_path: Path, journal: Journal) -> None:
    p, flow = jobs_parts(tmp_path, journal)
    p.provider.poll_script = [AuthError("401")]
    stop = await flow.send(await first_batch(p))
    assert stop is not None and stop.state == "paused" and "did not accept the key" in stop.message
    assert outcomes(p) == {"pending"}


async def test_a_campaign_is_created_once(tmp_path: Path, journal: Journal) -> None:
    p, flow = campaign_parts(tmp_path, journal)
    batch = await first_batch(p)
    assert len(batch.rows) == 10
    assert await flow.create(batch) is None
    await p.recorder.flush()
    assert p.provider.campaigns == ["C1"] and batch.provider_job_id == "C1" and outcomes(p) == {"added"}


async def test_a_lost_create_is_looked_for_never_repeated(tmp_path: Path, journal: Journal) -> None:
    p, flow = campaign_parts(tmp_path, journal)
    p.provider.script = [("commit", NetworkError("reset"))]  # created, the answer lost
    p.provider.find_result = "C42"
    batch = await first_batch(p)
    assert await flow.create(batch) is None
    assert [c[2] for c in p.provider.calls] == ["create"]
    assert batch.provider_job_id == "C42" and outcomes(p) == {"added"}


async def test_a_lost_create_not_found_needs_verification(tmp_path: Path, journal: Journal) -> None:
    p, flow = campaign_parts(tmp_path, journal)
    p.provider.script = [ServerError("502")]
    batch = await first_batch(p)
    assert await flow.create(batch) is None
    assert len(p.provider.calls) == 1 and batch.state == "needs_verification"
    entry = next(iter(journal.iter_rows(p.job)))
    assert entry.outcome == "needs_verification" and "check before creating it again" in entry.reason

"""UploadEngine flows per retry class with a fake provider: Alohub jobs, create-once, crash recovery."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from engine_fakes import FakeProvider, FakeTime, make_info, new_job, vn_records

from campaign_gui.domain.errors import NotFound, RateLimited, ServerError, Timeout
from campaign_gui.providers.base import RetryClass
from campaign_gui.upload.engine import UploadEngine
from campaign_gui.upload.journal import Journal


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    j = Journal.open(tmp_path / "data")
    yield j
    j.close()


def engine_for(provider: FakeProvider, journal: Journal, job: str, t: FakeTime, **kw: object) -> UploadEngine:
    return UploadEngine(provider, journal, job, clock=t.clock, sleep=t.sleep, rng=random.Random(3), **kw)


async def test_alohub_job_is_polled_until_done(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(25))
    p = FakeProvider(make_info(RetryClass.RESUBMIT_SAME_NAME, batch_limit=10), t,
                     poll_script=["processing", "processing", RateLimited(retry_after=5.0)])
    s = await engine_for(p, journal, job, t).run()
    assert s.state == "done" and s.added == 25 and len(p.calls) == 3
    assert p.polls == 6
    assert t.sleeps.count(2.5) == 3 and t.sleeps.count(1.0) == 3  # a quick first look, then 2.5 s
    assert [b.provider_job_id for b in journal.batches(job)] == ["job1", "job2", "job3"]


async def test_alohub_lost_job_resubmitted_with_same_name(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(10))
    p = FakeProvider(make_info(RetryClass.RESUBMIT_SAME_NAME, batch_limit=10), t, poll_script=[NotFound("lost")])
    s = await engine_for(p, journal, job, t).run()
    assert s.state == "done" and len(p.calls) == 2
    assert p.calls[0][2] == p.calls[1][2]  # same batch key → same listName
    assert all(v == 1 for v in p.saved.values()) and len(p.saved) == 10


async def test_alohub_resume_polls_the_stored_job_first(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(10))
    p = FakeProvider(make_info(RetryClass.RESUBMIT_SAME_NAME, batch_limit=10), t)
    journal.begin_batch(job, 1, f"{job}-00001", list(range(2, 12)))
    journal.mark_batch(job, 1, "sending", provider_job_id="job1")
    p.jobs["job1"] = journal.rows_by_number(job, list(range(2, 12)))
    journal.recover()
    s = await engine_for(p, journal, job, t).run()
    assert s.state == "done" and s.added == 10 and len(p.calls) == 0 and p.polls == 1


async def test_never_class_creates_once_with_all_rows(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(35))
    p = FakeProvider(make_info(RetryClass.NEVER, batch_limit=1000), t)
    s = await engine_for(p, journal, job, t).run()
    assert s.state == "done" and s.added == 35 and len(p.calls) == 1 and len(p.calls[0][1]) == 35
    assert journal.batches(job)[0].provider_job_id == "C1"


@pytest.mark.parametrize("found", ["C77", None])
async def test_never_class_lost_answer_is_checked_not_recreated(tmp_path: Path, journal: Journal,
                                                                found: str | None) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(5))
    p = FakeProvider(make_info(RetryClass.NEVER, batch_limit=1000), t,
                     script=[("commit", Timeout("no answer within 45 s"))], find_result=found)
    s = await engine_for(p, journal, job, t).run()
    assert len(p.calls) == 1
    if found:
        assert s.added == 5 and journal.batches(job)[0].provider_job_id == "C77"
    else:
        assert s.needs_verification == 5 and s.state == "done"
        assert "check before creating it again" in next(iter(journal.iter_rows(job))).reason


@pytest.mark.parametrize(("retry", "expected_calls", "outcome"), [
    (RetryClass.RESEND, 2, "skipped"),
    (RetryClass.VERIFY, 1, "needs_verification"),
])
async def test_crash_between_send_and_record(tmp_path: Path, journal: Journal, retry: RetryClass,
                                             expected_calls: int, outcome: str) -> None:
    """A batch left 'sending' by a crash becomes 'unknown': resent (idempotent) or flagged."""
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(20))
    p = FakeProvider(make_info(retry, batch_limit=10), t)
    journal.set_job_state(job, "running")
    rows = list(range(2, 12))
    journal.begin_batch(job, 1, f"{job}-00001", rows)
    for r in journal.rows_by_number(job, rows):  # the server saved it, the answer was never recorded
        p.saved[r.phone] = 1
    assert journal.recover() == [job]
    assert journal.get_job(job).state == "interrupted" and journal.batches(job)[0].state == "unknown"
    s = await engine_for(p, journal, job, t).run()
    assert len(p.calls) == expected_calls and s.state == "done"
    assert {e.outcome for e in journal.iter_rows(job) if e.row < 12} == {outcome}
    assert {e.outcome for e in journal.iter_rows(job) if e.row >= 12} == {"added"}
    assert all(v == 1 for v in p.saved.values())


async def test_disk_full_pauses_and_keeps_journal_intact(tmp_path: Path) -> None:
    t = FakeTime()
    data = tmp_path / "full"
    setup = Journal.open(data)
    job = new_job(tmp_path, setup, vn_records(3000))
    setup.close()
    pages = Journal(data / "journal.sqlite3")._query("PRAGMA page_count")[0][0]
    small = Journal(data / "journal.sqlite3", max_page_count=pages)
    # batches carry their row list and a result: the database must grow, and cannot
    p = FakeProvider(make_info(batch_limit=1000), t)
    engine = engine_for(p, small, job, t)
    s = await engine.run()
    assert s.state == "paused" and "disk is full" in s.message
    small.close()
    check = Journal.open(data)
    assert check._query("PRAGMA integrity_check")[0][0] == "ok"
    assert check.get_job(job) is not None
    check.recover()
    s2 = await engine_for(p, check, job, t).run()  # space freed: resume finishes, rows once
    assert s2.state == "done" and s2.added + s2.skipped == 3000 and all(v == 1 for v in p.saved.values())
    check.close()


async def test_transient_poll_errors_count_toward_pause(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(10))
    p = FakeProvider(make_info(RetryClass.RESUBMIT_SAME_NAME, batch_limit=10), t,
                     poll_script=[ServerError("502", status=502)] * 3)
    s = await engine_for(p, journal, job, t, max_consecutive_failures=3).run()
    assert s.state == "paused" and "unreachable" in s.message
    s2 = await engine_for(p, journal, job, t).run()
    assert s2.state == "done" and s2.added == 10 and len(p.calls) == 1


def test_job_counts_to_outcomes() -> None:
    from campaign_gui.domain.models import JobStatus, RowOutcome
    from campaign_gui.upload.answers import job_outcome

    def status(failed: int, dups: int) -> JobStatus:
        return JobStatus("j", "done", 10, 10, failed, dups, error="bad rows" if failed else None)

    assert job_outcome(status(0, 0), 10, resubmitted=False)[:2] == (RowOutcome.ADDED, "")
    assert job_outcome(status(10, 0), 10, resubmitted=False)[:2] == (RowOutcome.REJECTED, "bad rows")
    assert job_outcome(status(3, 0), 10, resubmitted=False)[0] is RowOutcome.NEEDS_VERIFICATION
    assert job_outcome(status(0, 10), 10, resubmitted=True)[1].endswith("lost first attempt)")
    assert "3 of 10" in job_outcome(status(0, 3), 10, resubmitted=False)[1]

"""Recorder: batch states and row outcomes in a real journal; the held-back result and its one commit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from engine_fakes import new_job, vn_records

from campaign_gui.domain.models import JobStatus, RowOutcome
from campaign_gui.upload.batches import Batch
from campaign_gui.upload.journal import Journal
from campaign_gui.upload.journal_errors import JournalError
from campaign_gui.upload.journal_resolve import Resolution
from campaign_gui.upload.recorder import Recorder


class CountingJournal(Journal):
    """A real journal that counts its commits and can be told to fail the next result write."""

    def __init__(self, *a: Any, **kw: Any) -> None:
        super().__init__(*a, **kw)
        self.commits: list[str] = []
        self.fail_next = False

    def begin_batch(self, *a: Any, **kw: Any) -> None:
        self.commits.append("begin+result" if kw.get("resolved") is not None else "begin")
        super().begin_batch(*a, **kw)

    def write_resolution(self, resolved: Resolution) -> None:
        if self.fail_next:
            self.fail_next = False
            raise JournalError("the disk is full")
        self.commits.append("result")
        super().write_resolution(resolved)


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[CountingJournal]:
    (tmp_path / "data").mkdir()
    j = CountingJournal(tmp_path / "data" / "journal.sqlite3")
    yield j
    j.close()


def batch_of(journal: Journal, job: str, batch_id: int, after: int, n: int) -> Batch:
    return Batch(batch_id, journal.pending_rows(job, after, n), f"{job}-{batch_id:05d}")


@pytest.mark.parametrize("offload", [False, True])
async def test_a_held_back_result_is_committed_with_the_next_begin(tmp_path: Path, journal: CountingJournal,
                                                                    offload: bool) -> None:
    job = new_job(tmp_path, journal, vn_records(20))
    changes: list[dict[str, int]] = []
    recorder = Recorder(journal, job, offload=offload, on_change=lambda: changes.append(dict(recorder.counts)))
    recorder.counts = dict(journal.outcome_counts(job))
    try:
        first, second = batch_of(journal, job, 1, -1, 10), batch_of(journal, job, 2, 11, 10)
        await recorder.begin(first)
        assert (first.state, first.attempts) == ("sending", 1)
        await recorder.resolve(first, "done", [(r.index, "added", "") for r in first.rows], {}, defer=True)
        assert recorder.holding and first.state == "done"
        assert recorder.counts["added"] == 10 and recorder.counts["pending"] == 10  # counted at once
        assert journal.outcome_counts(job)["pending"] == 20  # ... committed later
        assert changes == [recorder.counts]
        await recorder.begin(second)
        assert not recorder.holding
        assert journal.commits == ["begin", "begin+result"]  # one commit for a result and the next begin
        assert journal.outcome_counts(job) == {"added": 10, "pending": 10}
        await recorder.resolve(second, "done", [(r.index, "skipped", "there") for r in second.rows], {}, defer=True)
        await recorder.mark(second, "done")  # any other write commits the held-back result first
        assert journal.commits == ["begin", "begin+result", "result"]
        assert journal.outcome_counts(job) == {"added": 10, "skipped": 10}
        assert [b.state for b in journal.batches(job)] == ["done", "done"]
    finally:
        recorder.close()


async def test_reads_do_not_commit_a_held_back_result(tmp_path: Path, journal: CountingJournal) -> None:
    job = new_job(tmp_path, journal, vn_records(10))
    recorder = Recorder(journal, job, offload=False)
    recorder.counts = dict(journal.outcome_counts(job))
    batch = batch_of(journal, job, 1, -1, 10)
    await recorder.begin(batch)
    await recorder.resolve(batch, "done", [(r.index, "added", "") for r in batch.rows], {}, defer=True)
    assert await recorder.db(journal.pending_rows, job, -1, 100) != []
    assert await recorder.db(journal.outcome_counts, job) == {"pending": 10}
    assert recorder.holding
    await recorder.flush()
    assert not recorder.holding and journal.outcome_counts(job) == {"added": 10}
    await recorder.flush()  # nothing held: no write
    assert journal.commits == ["begin", "result"]


async def test_a_failed_write_takes_back_only_its_batchs_counts(tmp_path: Path, journal: CountingJournal) -> None:
    job = new_job(tmp_path, journal, vn_records(20))
    recorder = Recorder(journal, job, offload=False)
    recorder.counts = dict(journal.outcome_counts(job))
    first, second = batch_of(journal, job, 1, -1, 10), batch_of(journal, job, 2, 11, 10)
    await recorder.resolve(first, "done", [(r.index, "added", "") for r in first.rows], {})
    journal.fail_next = True
    with pytest.raises(JournalError):
        await recorder.resolve_all(second, RowOutcome.REJECTED, "failed", "bad")
    assert recorder.counts == {"pending": 10, "added": 10, "rejected": 0}
    assert second.state == "planned"  # not recorded
    assert journal.outcome_counts(job) == {"added": 10, "pending": 10}


async def test_resolve_all_and_an_import_jobs_counts(tmp_path: Path, journal: CountingJournal) -> None:
    job = new_job(tmp_path, journal, vn_records(20))
    recorder = Recorder(journal, job, offload=False)
    recorder.counts = dict(journal.outcome_counts(job))
    first, second = batch_of(journal, job, 1, -1, 10), batch_of(journal, job, 2, 11, 10)
    await recorder.begin(first)
    await recorder.begin(second)
    await recorder.resolve_all(first, RowOutcome.NEEDS_VERIFICATION, "needs_verification", "check it")
    second.attempts += 1  # resubmitted: its duplicates may be its own first attempt
    await recorder.resolve_job(second, JobStatus("J9", "done", 10, 10, 0, 10))
    entries = {e.row: e for e in journal.iter_rows(job)}
    assert entries[2].outcome == "needs_verification" and entries[2].reason == "check it"
    assert entries[12].outcome == "skipped" and "lost first attempt" in entries[12].reason
    assert recorder.counts == {"needs_verification": 10, "skipped": 10, "pending": 0}
    assert {b.batch_id: b.state for b in journal.batches(job)} == {1: "needs_verification", 2: "done"}

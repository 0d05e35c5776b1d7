"""The fast paths keep the order on disk: a batch's result is committed before the next batch is sent."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
from engine_fakes import FakeProvider, FakeTime, make_info, new_job, vn_records

from campaign_gui.domain.models import NO_EXTRA, BatchResult, RowOutcome, RowResult, UploadRow
from campaign_gui.providers.base import RetryClass
from campaign_gui.upload.answers import map_result
from campaign_gui.upload.engine import START_SLACK, UploadEngine
from campaign_gui.upload.journal import Journal
from campaign_gui.upload.journal_errors import JournalFull
from campaign_gui.upload.journal_resolve import _runs


@pytest.fixture
def journal(tmp_path: Path) -> Any:
    j = Journal.open(tmp_path / "data")
    yield j
    j.close()


class Watching(FakeProvider):
    """At each request, reads the journal on disk through a second connection: what a crash would leave."""

    seen: list[dict[int, str]]
    reader: Journal
    job: str

    async def upload_batch(self, target: Mapping[str, str], rows: Sequence[UploadRow], *,
                           batch_key: str) -> BatchResult:
        self.seen.append({b.batch_id: b.state for b in self.reader.batches(self.job)})
        return await super().upload_batch(target, rows, batch_key=batch_key)


def watching(tmp_path: Path, journal: Journal, job: str, info: Any, t: FakeTime,
             kind: type[Watching] = Watching) -> Watching:
    p = kind(info, t)
    p.seen, p.reader, p.job = [], Journal.open(tmp_path / "data", read_only=True), job
    return p


@pytest.mark.parametrize("pacing", [0.0, 0.5])
@pytest.mark.parametrize("retry", [RetryClass.RESEND, RetryClass.VERIFY])
async def test_each_request_sees_every_earlier_batch_done_and_its_own_sending(
        tmp_path: Path, journal: Journal, pacing: float, retry: RetryClass) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(45, invalid=[7, 30]))
    p = watching(tmp_path, journal, job, make_info(retry, batch_limit=10, pacing=pacing), t)
    writes: list[str] = []
    real_write = journal._write
    journal._write = lambda statements: (writes.append("w"), real_write(statements))[1]  # type: ignore[method-assign]
    s = await UploadEngine(p, journal, job, clock=t.clock, sleep=t.sleep, rng=random.Random(1), lanes=1).run()
    p.reader.close()
    assert s.state == "done" and s.added == 43 and len(p.calls) == 5
    for n, states in enumerate(p.seen, start=1):  # request n: batches 1..n-1 done, batch n sending, on disk
        assert states == {**{b: "done" for b in range(1, n)}, n: "sending"}, (n, states)
    assert {b.state for b in journal.batches(job)} == {"done"}
    # one commit per batch (the result rides with the next batch's "sending") + the job states
    assert len(writes) <= 5 + 1 + 3 + (5 if pacing else 0), writes


class Overlapping(Watching):
    """Answers after a real (short) await, so a second batch can start while one is in flight."""

    active = 0
    most = 0

    async def upload_batch(self, target: Mapping[str, str], rows: Sequence[UploadRow], *,
                           batch_key: str) -> BatchResult:
        self.active += 1
        self.most = max(self.most, self.active)
        try:
            result = await super().upload_batch(target, rows, batch_key=batch_key)  # journal seen at the start
            await asyncio.sleep(0.01)
            return result
        finally:
            self.active -= 1


@pytest.mark.parametrize("retry", [RetryClass.RESEND, RetryClass.VERIFY])
async def test_two_batches_in_flight_each_journaled_sending_before_its_request(
        tmp_path: Path, journal: Journal, retry: RetryClass) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(95, invalid=[7, 30]))
    p = watching(tmp_path, journal, job, make_info(retry, batch_limit=10, pacing=0.0), t, Overlapping)
    assert isinstance(p, Overlapping)
    engine = UploadEngine(p, journal, job, clock=t.clock, sleep=t.sleep, rng=random.Random(1))
    assert engine.lanes == 2  # unpaced, and a lost answer is resent or flagged: two lanes by default
    s = await engine.run()
    p.reader.close()
    assert s.state == "done" and s.added == 93 and len(p.calls) == 10
    assert p.most == 2  # two requests really were in flight together
    assert sorted(i for call in p.calls for i in call[1]) == sorted({i for call in p.calls for i in call[1]})
    assert p.seen[0] == {1: "sending"}  # the first batch goes alone
    for states in p.seen:  # at each request: its own batch sending on disk, at most one other not done
        newest = max(states)
        assert states[newest] == "sending"
        open_ = [b for b, state in states.items() if state != "done"]
        assert len(open_) <= 2 and all(states[b] == "sending" for b in open_), states
    assert {b.state for b in journal.batches(job)} == {"done"}
    assert journal.outcome_counts(job).get("added") == 93 and journal.outcome_counts(job).get("pending", 0) == 0


async def test_a_pacing_wait_never_holds_an_uncommitted_result(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(30))
    p = FakeProvider(make_info(batch_limit=10, pacing=2.0), t)
    reader = Journal.open(tmp_path / "data", read_only=True)
    during_waits: list[list[str]] = []

    async def sleep(seconds: float) -> None:
        during_waits.append([b.state for b in reader.batches(job)])
        await t.sleep(seconds)

    s = await UploadEngine(p, journal, job, clock=t.clock, sleep=sleep, rng=random.Random(1)).run()
    reader.close()
    assert s.state == "done" and during_waits == [["done"], ["done", "done"]]
    assert t.now - 1000.0 == pytest.approx(2 * (2.0 + START_SLACK))  # 2 s (+ slack) between the three starts


async def test_interrupt_after_a_batch_commits_its_result(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(30))
    engine: UploadEngine | None = None

    def stop_after_first(provider: FakeProvider, rows: Sequence[UploadRow]) -> BatchResult:
        assert engine is not None
        engine.interrupt()
        return BatchResult(rows=provider._save(rows))

    p = FakeProvider(make_info(batch_limit=10), t, script=[stop_after_first])
    engine = UploadEngine(p, journal, job, clock=t.clock, sleep=t.sleep, rng=random.Random(1))
    s = await engine.run()
    assert s.state == "interrupted" and s.added == 10 and s.pending == 20
    assert [b.state for b in journal.batches(job)] == ["done"]
    assert journal.outcome_counts(job) == {"added": 10, "pending": 20}


def test_runs_cover_exactly_the_listed_rows() -> None:
    rng = random.Random(4)
    for _ in range(300):
        numbers = rng.sample(range(2, 400), rng.randint(0, 120))
        if rng.random() < 0.5:
            numbers += list(range(500, 500 + rng.randint(0, 40)))
        runs, singles = _runs(numbers)
        covered = [n for a, b in runs for n in range(a, b + 1)] + singles
        assert sorted(covered) == sorted(numbers)
    assert _runs(list(range(10, 20)) + [3, 5]) == ([(10, 19)], [3, 5])


async def test_resolve_by_ranges_leaves_rows_of_other_batches_alone(tmp_path: Path, journal: Journal) -> None:
    job = new_job(tmp_path, journal, vn_records(40))
    rows = [n for n in range(2, 42) if n not in (12, 13, 25)]  # gaps: rows 12, 13, 25 belong elsewhere
    journal.begin_batch(job, 1, "k1", rows)
    outcomes = [(n, "added", "") for n in rows if n != 30] + [(30, "skipped", "already there")]
    journal.resolve_batch(job, 1, "done", outcomes, result={})
    got = {e.row: e.outcome for e in journal.iter_rows(job)}
    assert got[12] == got[13] == got[25] == "pending" and got[30] == "skipped"
    assert {got[n] for n in rows if n != 30} == {"added"}


async def test_disk_full_at_the_merged_commit_reports_what_is_on_disk(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(30))
    p = FakeProvider(make_info(batch_limit=10), t)
    real_write, writes = journal._write, [0]

    def write(statements: Any) -> None:
        writes[0] += 1
        if writes[0] >= 3:  # 1: job running, 2: batch 1 sending; then the disk is full
            raise JournalFull("The disk is full")
        real_write(statements)

    journal._write = write  # type: ignore[method-assign]
    s = await UploadEngine(p, journal, job, clock=t.clock, sleep=t.sleep, rng=random.Random(1)).run()
    journal._write = real_write  # type: ignore[method-assign]
    assert s.state == "paused" and "disk is full" in s.message and len(p.calls) == 1
    assert s.added == 0 and s.pending == 30  # batch 1's answer never reached the disk: it will be resent
    assert [b.state for b in journal.batches(job)] == ["sending"]


async def test_pending_rows_are_equal_to_plainly_built_rows(tmp_path: Path, journal: Journal) -> None:
    job = new_job(tmp_path, journal, vn_records(12, invalid=[5]))
    rows = journal.pending_rows(job, -1, 100)  # built with tuple.__new__ (the hot path)
    plain = [UploadRow(e.row, e.phone or "", e.name, e.email, e.extra or NO_EXTRA)
             for e in journal.iter_rows(job) if e.outcome == "pending"]
    assert len(rows) == 11 and rows == plain and [repr(r) for r in rows] == [repr(r) for r in plain]
    assert rows == journal.rows_by_number(job, [r.index for r in rows])
    assert all(type(r) is UploadRow for r in rows)
    with pytest.raises(AttributeError):  # still immutable
        rows[0].phone = "+84900000000"  # type: ignore[misc]


def _map_result_reference(rows: Sequence[UploadRow], result: BatchResult) -> tuple[list[Any], list[UploadRow]]:
    """map_result's rule written plainly: the first non-pending result of each row of the batch, in answer order."""
    wanted, seen, outcomes = {r.index for r in rows}, set(), []
    for item in result.rows:
        if item.index in wanted and item.index not in seen and item.outcome is not RowOutcome.PENDING:
            seen.add(item.index)
            outcomes.append((item.index, item.outcome.value, item.reason))
    return outcomes, [r for r in rows if r.index not in seen]


def test_map_result_short_way_equals_the_plain_rule() -> None:
    rng = random.Random(7)
    kinds = [RowOutcome.ADDED, RowOutcome.UPDATED, RowOutcome.SKIPPED, RowOutcome.REJECTED, RowOutcome.PENDING]
    for case in range(400):
        rows = [UploadRow(n, f"+8490{n:07d}") for n in sorted(rng.sample(range(2, 90), rng.randint(1, 30)))]
        answer = [RowResult(r.index, rng.choice(kinds) if rng.random() < 0.2 else RowOutcome.ADDED,
                            rng.choice(["", "why"])) for r in rows]
        if case % 4 == 1:  # reordered, a stray row, a repeat, a missing row
            rng.shuffle(answer)
        elif case % 4 == 2:
            answer = answer[:-1] + [RowResult(999, RowOutcome.ADDED)]
        elif case % 4 == 3:
            answer = answer[1:] + answer[:1] + [answer[0]._replace(outcome=RowOutcome.SKIPPED)]
        result = BatchResult(rows=answer)
        assert map_result(rows, result) == _map_result_reference(rows, result), case


async def test_resolve_writes_each_rows_own_outcome(tmp_path: Path, journal: Journal) -> None:
    """One outcome for the whole batch (the short way) or several, runs or gaps: each row gets its own."""
    rng = random.Random(3)
    job = new_job(tmp_path, journal, vn_records(300))
    pending = list(range(2, 302))
    expected: dict[int, tuple[str, str]] = {}
    for batch_id in range(1, 9):
        rows = sorted(rng.sample(pending, rng.randint(1, 30)))
        if batch_id % 2:
            rows = [n for n in pending if n >= rows[0]][:len(rows)]  # consecutive rows: one run
        choices = [("added", "")] if batch_id % 3 else [("added", ""), ("skipped", "already there"),
                                                         ("rejected", "bad number")]
        outcomes = [(n, *rng.choice(choices)) for n in rows]
        journal.begin_batch(job, batch_id, f"k{batch_id}", rows)
        journal.resolve_batch(job, batch_id, "done", outcomes, result={})
        expected.update({n: (o, r) for n, o, r in outcomes})
        pending = [n for n in pending if n not in expected]
    got = {e.row: (e.outcome, e.reason) for e in journal.iter_rows(job)}
    assert {n: got[n] for n in expected} == expected
    assert {got[n] for n in pending} == {("pending", "")}

"""UploadEngine against a scripted fake provider: batching, pacing, retries, stops, progress."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from engine_fakes import FakeProvider, FakeTime, make_info, new_job, vn_records

from campaign_gui.domain.errors import (
    AuthError,
    Forbidden,
    NetworkError,
    NotFound,
    ProtocolError,
    RateLimited,
    Rejected,
    RequestTooLarge,
    ServerError,
)
from campaign_gui.domain.models import BatchResult, RowOutcome, RowResult
from campaign_gui.providers.base import RetryClass
from campaign_gui.upload.engine import UploadEngine
from campaign_gui.upload.jobs import JobSummary
from campaign_gui.upload.journal import Journal
from campaign_gui.upload.progress import ProgressSnapshot


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    j = Journal.open(tmp_path / "data")
    yield j
    j.close()


def engine_for(provider: FakeProvider, journal: Journal, job: str, t: FakeTime, **kw: object) -> UploadEngine:
    return UploadEngine(provider, journal, job, clock=t.clock, sleep=t.sleep, rng=random.Random(7), **kw)


def check_invariant(s: JobSummary) -> None:
    assert s.sent == s.added + s.updated + s.skipped + s.rejected + s.failed + s.needs_verification


def outcomes(journal: Journal, job: str) -> dict[int, str]:
    return {e.row: e.outcome for e in journal.iter_rows(job)}


async def test_batches_everything_once_and_counts(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(25, invalid=[5], duplicate=[7]))
    p = FakeProvider(make_info(batch_limit=10), t)
    s = await engine_for(p, journal, job, t).run()
    assert s.state == "done"
    assert [len(c[1]) for c in p.calls] == [10, 10, 3]
    assert (s.rows, s.valid, s.invalid, s.duplicates, s.sent, s.added) == (25, 23, 1, 1, 23, 23)
    check_invariant(s)
    assert all(v == 1 for v in p.saved.values()) and len(p.saved) == 23
    o = outcomes(journal, job)
    assert o[5] == "invalid" and o[7] == "duplicate" and o[2] == "added"
    assert journal.get_job(job).state == "done"
    assert {b.state for b in journal.batches(job)} == {"done"}


async def test_pacing_holds_between_request_starts(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(50))
    p = FakeProvider(make_info(batch_limit=10, pacing=0.2), t)
    await engine_for(p, journal, job, t).run()
    starts = [c[0] for c in p.calls]
    assert len(starts) == 5
    assert all(b - a >= 0.2 - 1e-9 for a, b in zip(starts, starts[1:], strict=False))
    p2 = FakeProvider(make_info(batch_limit=10, pacing=0.2), t)
    job2 = new_job(tmp_path, journal, vn_records(30))
    before = t.now
    await engine_for(p2, journal, job2, t, pacing=0).run()
    assert t.now == before  # pacing off: no waiting at all


async def test_500_then_success_resends_same_batch_without_duplicate(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(20))
    p = FakeProvider(make_info(batch_limit=10), t, script=[("commit", ServerError("boom", status=500))])
    s = await engine_for(p, journal, job, t).run()
    assert s.state == "done" and len(p.calls) == 3
    assert p.calls[0][2] == p.calls[1][2] and p.calls[0][1] == p.calls[1][1]  # same key, same rows
    assert all(v == 1 for v in p.saved.values())
    assert s.added == 10 and s.skipped == 10  # the resent rows were already there
    check_invariant(s)
    assert journal.batches(job)[0].attempts == 2


async def test_verify_class_flags_unknown_batch_and_never_resends(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(20))
    p = FakeProvider(make_info(RetryClass.VERIFY, batch_limit=10), t,
                     script=[("commit", ServerError("boom", status=500))])
    s = await engine_for(p, journal, job, t).run()
    assert len(p.calls) == 2 and s.needs_verification == 10 and s.added == 10
    assert journal.batches(job)[0].state == "needs_verification"
    check_invariant(s)


async def test_refused_connection_is_retried_even_for_verify_class(tmp_path: Path, journal: Journal) -> None:
    import httpx

    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(5))
    try:
        try:
            raise httpx.ConnectError("refused")
        except httpx.ConnectError:
            raise NetworkError("Cannot connect") from None
    except NetworkError as exc:
        refused = exc
    p = FakeProvider(make_info(RetryClass.VERIFY, batch_limit=10), t, script=[refused])
    s = await engine_for(p, journal, job, t).run()
    assert len(p.calls) == 2 and s.added == 5 and s.needs_verification == 0


async def test_rate_limited_waits_retry_after_and_does_not_count_as_failure(tmp_path: Path,
                                                                           journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(10))
    p = FakeProvider(make_info(batch_limit=10), t, script=[RateLimited(retry_after=12.0)] * 10)
    s = await engine_for(p, journal, job, t, max_consecutive_failures=3).run()
    assert s.state == "done" and s.added == 10 and len(p.calls) == 11
    gaps = [b[0] - a[0] for a, b in zip(p.calls, p.calls[1:], strict=False)]
    assert all(g >= 12.0 for g in gaps)


async def test_429_storm_lowers_the_request_rate(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(200))

    storm = [RateLimited(retry_after=0.0)] * 6
    p = FakeProvider(make_info(batch_limit=10), t, script=list(storm))
    engine = engine_for(p, journal, job, t)
    await engine.run()
    gaps = [b[0] - a[0] for a, b in zip(p.calls, p.calls[1:], strict=False)]
    assert gaps[5] > gaps[0] > 0  # the inter-request delay grew multiplicatively during the storm
    assert gaps[-1] < gaps[5]  # and decays again after successes


async def test_auth_error_pauses_with_reenter_key_and_one_request(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(30))
    p = FakeProvider(make_info(batch_limit=10), t, script=[AuthError("bad key", status=401)])
    s = await engine_for(p, journal, job, t).run()
    assert s.state == "paused" and "re-enter the key" in s.message and len(p.calls) == 1
    assert s.pending == 30 and s.sent == 0
    assert journal.get_job(job).state == "paused"
    assert journal.batches(job)[0].state == "planned"
    s2 = await engine_for(p, journal, job, t).run()  # key fixed: resume finishes, rows once
    assert s2.state == "done" and s2.added == 30 and all(v == 1 for v in p.saved.values())


@pytest.mark.parametrize("error", [Forbidden("no scope", status=403), NotFound("Campaign CA1 not found")])
async def test_forbidden_or_not_found_stops_after_first_batch(tmp_path: Path, journal: Journal,
                                                              error: Exception) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(30))
    p = FakeProvider(make_info(batch_limit=10), t, script=[error])
    s = await engine_for(p, journal, job, t).run()
    assert s.state == "failed" and len(p.calls) == 1 and s.message == error.message
    assert s.failed == 30 and s.pending == 0
    check_invariant(s)
    reasons = {e.reason for e in journal.iter_rows(job)}
    assert error.message in reasons and f"not sent: {error.message}" in reasons


async def test_rejected_batch_rows_rejected_and_job_goes_on(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(20))
    p = FakeProvider(make_info(batch_limit=10), t, script=[Rejected("bad request: missing params")])
    s = await engine_for(p, journal, job, t).run()
    assert s.state == "done" and s.rejected == 10 and s.added == 10
    assert {e.reason for e in journal.iter_rows(job) if e.outcome == "rejected"} == {"bad request: missing params"}


async def test_request_too_large_halves_batches_for_the_rest_of_the_job(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(40))
    p = FakeProvider(make_info(batch_limit=10), t, script=[RequestTooLarge("414", status=414)])
    s = await engine_for(p, journal, job, t).run()
    sizes = [len(c[1]) for c in p.calls]
    assert sizes[0] == 10 and max(sizes[1:]) == 5
    assert s.added == 40 and all(v == 1 for v in p.saved.values()) and len(p.saved) == 40
    check_invariant(s)


async def test_short_count_resends_missing_rows(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(10))

    def short(provider: FakeProvider, rows: list) -> BatchResult:
        results = provider._save(rows[:6])
        return BatchResult(rows=results, complete=False)

    p = FakeProvider(make_info(batch_limit=10), t, script=[short])
    s = await engine_for(p, journal, job, t).run()
    assert [len(c[1]) for c in p.calls] == [10, 4]
    assert s.added == 10 and s.state == "done"
    check_invariant(s)


async def test_partial_results_map_to_rows(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(5))

    def partial(provider: FakeProvider, rows: list) -> BatchResult:
        res = [RowResult(r.index, RowOutcome.REJECTED, "phone_number is not valid") if i in (1, 3) else
               RowResult(r.index, RowOutcome.ADDED) for i, r in enumerate(rows)]
        return BatchResult(rows=res)

    p = FakeProvider(make_info(RetryClass.VERIFY, batch_limit=10), t, script=[partial])
    s = await engine_for(p, journal, job, t).run()
    o = outcomes(journal, job)
    assert [o[r] for r in (2, 3, 4, 5, 6)] == ["added", "rejected", "added", "rejected", "added"]
    assert s.rejected == 2 and s.added == 3


async def test_unreachable_pauses_after_n_failures_then_resumes(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(20))
    p = FakeProvider(make_info(batch_limit=10), t, script=[ServerError("down", status=503)] * 4)
    s = await engine_for(p, journal, job, t, max_consecutive_failures=4).run()
    assert s.state == "paused" and "provider unreachable" in s.message and len(p.calls) == 4
    assert journal.batches(job)[0].state == "unknown"
    s2 = await engine_for(p, journal, job, t).run()
    assert s2.state == "done" and s2.added == 20 and all(v == 1 for v in p.saved.values())
    # the backoff grew (full jitter under an exponential ceiling) and stayed under the cap
    assert len(t.sleeps) >= 3 and all(0 < x <= 30.0 for x in t.sleeps)  # three backoffs before the pause


async def test_auto_resume_after_unreachable(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(10))
    p = FakeProvider(make_info(batch_limit=10), t, script=[ProtocolError("html")] * 3)
    states: list[str] = []
    s = await engine_for(p, journal, job, t, max_consecutive_failures=3,
                         progress_cb=lambda snap: states.append(snap.state)).run(auto_resume_after=60.0)
    assert s.state == "done" and s.added == 10 and "paused" in states
    assert 60.0 in t.sleeps


async def test_cancel_finishes_in_flight_batch_and_reports_partial(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(50))
    p = FakeProvider(make_info(batch_limit=10), t)
    engine = engine_for(p, journal, job, t)

    def cancel_after_first(provider: FakeProvider, rows: list) -> BatchResult:
        engine.cancel()
        return BatchResult(rows=provider._save(rows))

    p.script = [cancel_after_first]
    s = await engine.run()
    assert s.state == "cancelled" and s.added == 10 and s.failed == 40 and len(p.calls) == 1
    check_invariant(s)
    assert "cancelled" in {e.reason for e in journal.iter_rows(job) if e.outcome == "failed"}.pop()


async def test_interrupt_leaves_job_resumable(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(30))
    p = FakeProvider(make_info(batch_limit=10), t)
    engine = engine_for(p, journal, job, t)

    def stop(provider: FakeProvider, rows: list) -> BatchResult:
        engine.interrupt()
        return BatchResult(rows=provider._save(rows))

    p.script = [stop]
    s = await engine.run()
    assert s.state == "interrupted" and s.added == 10 and s.pending == 20
    s2 = await engine_for(p, journal, job, t).run()
    assert s2.state == "done" and s2.added == 30 and len(p.calls) == 3


async def test_pause_and_resume_between_batches(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(30))
    p = FakeProvider(make_info(batch_limit=10), t)
    snaps: list[ProgressSnapshot] = []
    engine = engine_for(p, journal, job, t)

    def on_progress(snap: ProgressSnapshot) -> None:
        snaps.append(snap)
        if snap.state == "paused":
            assert journal.get_job(job).state == "paused"
            engine.resume()

    engine._progress_cb = on_progress

    def pause(provider: FakeProvider, rows: list) -> BatchResult:
        engine.pause()
        return BatchResult(rows=provider._save(rows))

    p.script = [pause]
    s = await engine.run()
    assert s.state == "done" and s.added == 30
    states = [x.state for x in snaps]
    assert "paused" in states and states[-1] == "done"


async def test_progress_is_throttled_and_ends_with_a_final_snapshot(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(400))
    p = FakeProvider(make_info(batch_limit=10, pacing=0.05), t)
    snaps: list[tuple[float, ProgressSnapshot]] = []
    await engine_for(p, journal, job, t, progress_cb=lambda s: snaps.append((t.now, s))).run()
    final = snaps[-1][1]
    assert final.done == final.total == 400 and final.state == "done" and final.counts["added"] == 400
    running = [ts for ts, s in snaps if s.state == "running" and s.done not in (0, 400)]
    assert all(b - a >= 0.1 - 1e-9 for a, b in zip(running, running[1:], strict=False))
    assert len(snaps) < 30  # 40 batches over 2 s: throttled to ≤ 10 Hz
    mid = [s for _, s in snaps if s.rows_per_second]
    assert mid and all(s.eta_seconds is not None for s in mid)


async def test_rate_limit_wait_is_visible_in_progress(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(10))
    p = FakeProvider(make_info(batch_limit=10), t, script=[RateLimited(retry_after=12.0)])
    snaps: list[ProgressSnapshot] = []
    await engine_for(p, journal, job, t, progress_cb=snaps.append).run()
    waiting = [s for s in snaps if s.waiting_reason]
    assert waiting and waiting[0].waiting_reason.startswith("rate limited, 1")
    assert waiting[0].waiting_until is not None


async def test_quota_headers_exhausted_hold_the_next_request(tmp_path: Path, journal: Journal) -> None:
    from campaign_gui.providers.http import RateLimitInfo

    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(20))
    p = FakeProvider(make_info(batch_limit=10), t)
    p.rate_limit = RateLimitInfo(limit=5, remaining=0, reset_seconds=7.0)
    await engine_for(p, journal, job, t).run()
    assert p.calls[1][0] - p.calls[0][0] >= 7.0


async def test_random_failures_complete_with_bounded_retries(tmp_path: Path, journal: Journal) -> None:
    t = FakeTime()
    job = new_job(tmp_path, journal, vn_records(2000))
    rng = random.Random(1234)
    errors = [ServerError("500", status=500), ("commit", ServerError("500", status=500)), NetworkError("reset"),
              ProtocolError("html")]
    script = [rng.choice(errors) if rng.random() < 0.1 else None for _ in range(400)]
    p = FakeProvider(make_info(batch_limit=10), t, script=script)
    s = await engine_for(p, journal, job, t, offload=False).run()
    assert s.state == "done" and len(p.saved) == 2000 and all(v == 1 for v in p.saved.values())
    assert len(p.calls) < 200 * 1.3
    check_invariant(s)

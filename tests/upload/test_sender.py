"""Sender: one batch until it has outcomes; pacing, back-off, halving, rate limits, quota holds, rows left out."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from engine_fakes import FakeProvider, FakeTime, Parts, make_info, vn_records, wire_parts

from campaign_gui.domain.errors import AuthError, NetworkError, RateLimited, RequestTooLarge, ServerError, Timeout
from campaign_gui.domain.models import BatchResult, UploadRow
from campaign_gui.providers.base import RetryClass
from campaign_gui.upload.batches import Batch
from campaign_gui.upload.control import Stop
from campaign_gui.upload.journal import Journal
from campaign_gui.upload.sender import NOT_ANSWERING_MESSAGE, STALL_SECONDS, UNREACHABLE_MESSAGE, Sent


@pytest.fixture
def journal(tmp_path: Path) -> Iterator[Journal]:
    j = Journal.open(tmp_path / "data")
    yield j
    j.close()


def parts(tmp_path: Path, journal: Journal, retry: RetryClass = RetryClass.RESEND, *, n: int = 30,
          **kw: object) -> Parts:
    return wire_parts(tmp_path, journal, FakeProvider(make_info(retry, batch_limit=10), FakeTime()),
                      vn_records(n), **kw)  # type: ignore[arg-type]


async def first_batch(p: Parts) -> Batch:
    batch = await p.source.next_batch()
    assert batch is not None
    return batch


def outcomes(p: Parts) -> dict[int, str]:
    return {e.row: e.outcome for e in p.journal.iter_rows(p.job)}


async def test_a_batch_is_sent_and_recorded(tmp_path: Path, journal: Journal) -> None:
    p = parts(tmp_path, journal)
    batch = await first_batch(p)
    assert await p.sender.send(batch) is None
    await p.recorder.flush()
    assert batch.state == "done" and batch.attempts == 1 and p.sender.last_ok and p.sender.failures == 0
    assert [o for r, o in outcomes(p).items() if r < 12] == ["added"] * 10
    assert p.pending() == 20


async def test_paced_request_starts(tmp_path: Path, journal: Journal) -> None:
    p = parts(tmp_path, journal, pacing=0.5)
    for _ in range(3):
        assert await p.sender.send(await first_batch(p)) is None
    starts = [c[0] for c in p.provider.calls]
    assert [round(b - a, 6) for a, b in zip(starts, starts[1:], strict=False)] == [0.5, 0.5]


async def test_rate_limited_then_resent_after_retry_after(tmp_path: Path, journal: Journal) -> None:
    p = parts(tmp_path, journal)
    p.provider.script = [RateLimited(retry_after=3.0)]
    batch = await first_batch(p)
    assert await p.sender.send(batch) is None
    (t0, rows0, key0), (t1, rows1, key1) = p.provider.calls
    assert rows0 == rows1 and key0 == key1 and t1 - t0 >= 3.0
    assert p.pacer.throttle.delay < 0.25  # grew on the 429, eased on the success
    assert batch.attempts == 2


async def test_too_large_halves_and_gives_the_rest_back(tmp_path: Path, journal: Journal) -> None:
    p = parts(tmp_path, journal)
    p.provider.script = [RequestTooLarge("too big")]
    batch = await first_batch(p)
    assert await p.sender.send(batch) is None
    assert [len(c[1]) for c in p.provider.calls] == [10, 5]
    assert p.source.size == 5 and p.source.given_back
    again = await first_batch(p)
    assert [r.index for r in again.rows] == [7, 8, 9, 10, 11]


async def test_one_row_too_large_is_rejected(tmp_path: Path, journal: Journal) -> None:
    p = parts(tmp_path, journal, n=1)
    p.provider.script = [RequestTooLarge("too big")]
    assert await p.sender.send(await first_batch(p)) is None
    assert outcomes(p) == {2: "rejected"}


async def test_rows_left_out_are_given_back_or_flagged(tmp_path: Path, journal: Journal) -> None:
    def short(provider: FakeProvider, rows: list[UploadRow]) -> BatchResult:
        return BatchResult(rows=provider._save(rows[:6]))

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    resend = parts(tmp_path / "a", journal)
    resend.provider.script = [short]
    batch = await first_batch(resend)
    assert await resend.sender.send(batch) is None
    assert [r.index for r in batch.rows] == [2, 3, 4, 5, 6, 7] and resend.source.size == 5
    assert [r.index for r in (await first_batch(resend)).rows] == [8, 9, 10, 11, 12]

    verify = parts(tmp_path / "b", journal, RetryClass.VERIFY)
    verify.provider.script = [short]
    assert await verify.sender.send(await first_batch(verify)) is None
    await verify.recorder.flush()
    found = outcomes(verify)
    assert [found[r] for r in range(2, 12)] == ["added"] * 6 + ["needs_verification"] * 4
    assert not verify.source.given_back


async def test_failures_back_off_then_pause_as_unreachable(tmp_path: Path, journal: Journal) -> None:
    p = parts(tmp_path, journal, max_consecutive_failures=3)
    p.provider.script = [ServerError("boom")] * 5
    batch = await first_batch(p)
    stop = await p.sender.send(batch)
    assert stop == Stop("paused", UNREACHABLE_MESSAGE.format(error="boom"), auto=True)
    assert len(p.time.sleeps) == 2 and p.sender.failures == 3 and not p.sender.last_ok
    assert batch.state == "unknown"  # a 5xx may have reached the server
    assert not p.sender.may_overlap()
    p.sender.failures = 0
    assert await p.sender.send(batch) is None  # same batch, same key, resent
    assert p.provider.calls[-1][2] == p.provider.calls[0][2] and p.sender.may_overlap()


async def test_verify_class_flags_a_batch_that_may_have_been_saved(tmp_path: Path, journal: Journal) -> None:
    p = parts(tmp_path, journal, RetryClass.VERIFY)
    p.provider.script = [NetworkError("reset")]
    batch = await first_batch(p)
    assert await p.sender.send(batch) is None
    assert batch.state == "needs_verification" and len(p.provider.calls) == 1
    assert set(outcomes(p)[r] for r in range(2, 12)) == {"needs_verification"}


async def test_wrong_key_pauses_with_the_batch_planned(tmp_path: Path, journal: Journal) -> None:
    p = parts(tmp_path, journal)
    p.provider.script = [AuthError("401")]
    batch = await first_batch(p)
    stop = await p.sender.send(batch)
    assert stop is not None and stop.state == "paused" and "did not accept the key" in stop.message
    assert batch.state == "planned"


async def test_an_import_job_answer_is_handed_on(tmp_path: Path, journal: Journal) -> None:
    p = parts(tmp_path, journal, RetryClass.RESUBMIT_SAME_NAME)
    batch = await first_batch(p)
    assert await p.sender.send(batch) is Sent.AS_JOB
    assert batch.provider_job_id == "job1"
    assert [(b.state, b.provider_job_id) for b in journal.batches(p.job)] == [("sending", "job1")]


async def test_an_exhausted_quota_holds_the_next_request(tmp_path: Path, journal: Journal) -> None:
    p = parts(tmp_path, journal, quota_wait=7.0)
    p.provider.rate_limit = SimpleNamespace(exhausted=True, reset_seconds=None)
    assert await p.sender.send(await first_batch(p)) is None
    assert p.pacer.delay() == (7.0, "rate-limit quota used up")
    assert not p.sender.may_overlap()
    p.provider.rate_limit = SimpleNamespace(exhausted=True, reset_seconds=12)
    assert await p.sender.send(await first_batch(p)) is None
    assert p.time.sleeps[0] == 7.0 and p.pacer.delay()[0] == 12.0


async def test_a_stop_before_the_first_request_sends_nothing(tmp_path: Path, journal: Journal) -> None:
    p = parts(tmp_path, journal)
    p.control.interrupt()
    stop = await p.sender.send(await first_batch(p))
    assert stop is not None and stop.state == "interrupted" and p.provider.calls == []


async def test_rows_given_back_keep_a_second_lane_closed(tmp_path: Path, journal: Journal) -> None:
    p = parts(tmp_path, journal)
    assert not p.sender.may_overlap()  # nothing succeeded yet
    assert await p.sender.send(await first_batch(p)) is None
    assert p.sender.may_overlap()
    p.source.give_back([UploadRow(99, "+84911111111")])
    assert not p.sender.may_overlap()


def times_out(seconds: float = 45.0) -> Callable[[FakeProvider, list[UploadRow]], BatchResult]:
    """A request that takes ``seconds`` of the fake clock, then times out (the client's deadline)."""

    def action(provider: FakeProvider, rows: list[UploadRow]) -> BatchResult:
        assert provider.time is not None
        provider.time.now += seconds
        raise Timeout(f"Fake did not answer within {seconds:g} s")

    return action


async def test_timeouts_in_a_row_pause_as_not_answering(tmp_path: Path, journal: Journal) -> None:
    p = parts(tmp_path, journal)
    p.provider.script = [times_out(), times_out(), times_out()]
    start = p.time.now
    stop = await p.sender.send(await first_batch(p))
    assert stop == Stop("paused", NOT_ANSWERING_MESSAGE.format(error="Fake did not answer within 45 s"), auto=True)
    assert len(p.provider.calls) == 2 and p.time.now - start <= 120  # the 2nd 45-s timeout: ~1.5 min, not 6
    assert STALL_SECONDS <= p.time.now - start


async def test_an_answer_between_timeouts_starts_the_count_again(tmp_path: Path, journal: Journal) -> None:
    p = parts(tmp_path, journal, max_consecutive_failures=20)
    p.provider.script = [times_out(), ServerError("502"), times_out(), times_out(70.0), times_out()]
    stop = await p.sender.send(await first_batch(p))
    assert stop is not None and stop.message.startswith("the provider is not answering")
    assert len(p.provider.calls) == 4  # the 502 answered: the timeouts counted from the 3rd request on
    p.sender.forget_failures()
    p.provider.script = [times_out(), None]
    assert await p.sender.send(await first_batch(p)) is None  # one timeout after a fresh start: a back-off only


async def test_a_probe_answers_unless_the_provider_still_does_not(tmp_path: Path, journal: Journal) -> None:
    p = parts(tmp_path, journal)
    p.provider.probe_script = [Timeout("no answer"), NetworkError("refused"), AuthError("401"), None]
    assert [await p.sender.probe() for _ in range(4)] == [False, False, True, True]  # a 401 is an answer
    assert p.provider.probes == 4

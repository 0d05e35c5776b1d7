"""The upload engine: sends a journaled job's rows in batches, per the provider's retry class."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import deque
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

from campaign_gui.domain.models import RowOutcome, UploadRow
from campaign_gui.providers.base import Provider, RetryClass
from campaign_gui.upload.engine_flows import AUTH_MESSAGE, Batch, Stop, crash_point, lanes_setting
from campaign_gui.upload.engine_record import RecordMixin
from campaign_gui.upload.engine_send import UNREACHABLE_MESSAGE, SendMixin
from campaign_gui.upload.jobs import JobSummary, summarize
from campaign_gui.upload.journal import FINAL_STATES, Journal, JournalError, JournalFull
from campaign_gui.upload.journal_resolve import Resolution
from campaign_gui.upload.pacing import AdaptiveThrottle, Pacer
from campaign_gui.upload.progress import ProgressCallback, ProgressReporter

__all__ = ["AUTH_MESSAGE", "QUOTA_DEFAULT_WAIT", "START_SLACK", "UNREACHABLE_MESSAGE", "RecordMixin", "SendMixin",
           "UploadEngine"]

logger = logging.getLogger(__name__)

QUOTA_DEFAULT_WAIT = 10.0
# Pacing marks a start just before calling the provider; encoding the body and the HTTP client's pool take a
# little more (≈0.5 ms, a few ms on a loaded machine) before the request really leaves: this much slack keeps
# the real gap between request starts at or above the interval. Costs 1 % of a 0.2 s pace.
START_SLACK = 0.002
# Retry classes whose batches may be in flight two at a time: each batch is journaled on its own and a lost
# answer is resent (server-side dedupe) or flagged for verification, never guessed.
LANE_CLASSES = (RetryClass.RESEND, RetryClass.VERIFY)


class UploadEngine(SendMixin):
    """Upload one journaled job through ``provider``; ``await run()`` returns the final JobSummary.

    ``pause()``/``resume()``/``cancel()``/``interrupt()`` may be called from the loop at any time:
    they act between batches, never in the middle of a request. ``pacing`` overrides the provider's
    gap between request starts (0 = off). ``lanes``: batches in flight at once (None = 2 for unpaced
    RESEND/VERIFY providers, else 1). ``clock``/``sleep``/``rng`` are injectable for tests.
    """

    def __init__(self, provider: Provider, journal: Journal, job_id: str, *, pacing: float | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 rng: random.Random | None = None, max_consecutive_failures: int = 8,
                 progress_cb: ProgressCallback | None = None, throttle: AdaptiveThrottle | None = None,
                 poll_interval: float = 2.5, batch_size: int | None = None, offload: bool = True,
                 quota_wait: float = QUOTA_DEFAULT_WAIT, lanes: int | None = None) -> None:
        self.provider = provider
        self.journal = journal
        self.job_id = job_id
        self.info = provider.info
        self._clock = clock
        self._sleep = sleep
        self._rng = rng if rng is not None else random.Random()
        self.max_consecutive_failures = max(1, max_consecutive_failures)
        self.poll_interval = poll_interval
        self.quota_wait = quota_wait
        interval = self.info.pacing_seconds if pacing is None else pacing
        self.pacer = Pacer(interval, throttle, clock, slack=START_SLACK)
        self.batch_size = max(1, min(batch_size or self.info.batch_limit, self.info.batch_limit))
        if lanes is None:
            lanes = lanes_setting()
        if lanes is None:  # two batches in flight where nothing paces requests and a lost answer is handled
            lanes = 2 if self.pacer.interval == 0 and self.info.retry_class in LANE_CLASSES else 1
        self.lanes = max(1, lanes)
        self._progress_cb = progress_cb
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="journal") if offload else None
        self._failures = 0
        self._last_ok = False  # the last answer was a success (a second lane opens only then)
        self._pause_requested = False
        self._stop_state: str | None = None  # "cancelled" / "interrupted" once asked
        self._wake = asyncio.Event()
        self._resume_event = asyncio.Event()
        self._counts: dict[str, int] = {}
        self._total = 0
        self._state = "pending"
        self._waiting: tuple[str, float] | None = None
        self._current: int | None = None
        self._requeue: deque[UploadRow] = deque()
        self._buffer: list[UploadRow] = []  # a page of pending rows; the next one to send is at _taken
        self._taken = 0
        self._cursor = -1
        self._exhausted = False
        self._exclude: set[int] = set()
        self._deferred: Resolution | None = None  # the last batch's result, committed with the next begin
        self._deferring = asyncio.Lock()  # held while the deferred result is written or replaced
        self._reads = frozenset({journal.get_job, journal.outcome_counts, journal.next_batch_id,
                                 journal.open_batches, journal.rows_by_number, journal.pending_rows})
        self._next_id = 1
        self._returned = 0
        self._crash_after = crash_point()
        self._reporter: ProgressReporter | None = None
        self.target: dict[str, Any] = {}

    # -- control -----------------------------------------------------------------------------------

    def pause(self) -> None:
        """Pause after the in-flight batch; ``run()`` waits for ``resume()`` (or a cancel)."""
        self._pause_requested = True

    def resume(self) -> None:
        self._pause_requested = False
        self._resume_event.set()

    def cancel(self) -> None:
        """End the job after the in-flight batch's bookkeeping; unsent rows become failed (cancelled)."""
        self._stop_state = "cancelled"
        self._wake.set()
        self._resume_event.set()

    def interrupt(self) -> None:
        """Stop after the in-flight batch, leaving the job resumable (state interrupted)."""
        if self._stop_state is None:
            self._stop_state = "interrupted"
        self._wake.set()
        self._resume_event.set()

    @property
    def state(self) -> str:
        return self._state

    # -- main loop ---------------------------------------------------------------------------------

    async def run(self, *, auto_resume_after: float | None = None) -> JobSummary:
        record = await self._db(self.journal.get_job, self.job_id)
        if record is None:
            raise KeyError(self.job_id)
        self.job_id = record.id
        if record.state in FINAL_STATES:
            return summarize(record)
        self.target = dict(record.target)  # values are str, or lists of names (Cellcast list/tag)
        self._counts = dict(await self._db(self.journal.outcome_counts, self.job_id))
        upload = (RowOutcome.ADDED, RowOutcome.UPDATED, RowOutcome.SKIPPED, RowOutcome.REJECTED,
                  RowOutcome.FAILED, RowOutcome.NEEDS_VERIFICATION, RowOutcome.PENDING)
        self._total = sum(self._counts.get(o.value, 0) for o in upload)
        self._reporter = ProgressReporter(self._progress_cb, self._total, clock=self._clock)
        self._next_id = await self._db(self.journal.next_batch_id, self.job_id)
        stop: Stop | None = None
        try:
            await self._set_state("running", "")
            while True:
                stop = await self._run_batches()
                if (stop is not None and stop.auto and auto_resume_after is not None
                        and self._stop_state is None):
                    await self._set_state("paused", stop.message)
                    await self._wait(auto_resume_after, "provider unreachable; resuming")
                    if self._stop_state is None:
                        self._failures = 0
                        await self._set_state("running", "")
                        continue
                break
        except JournalFull as exc:
            stop = Stop("paused", exc.message)
        except JournalError as exc:
            stop = Stop("paused", exc.message)
        finally:
            summary = await self._finish(stop)
            if self._executor is not None:
                self._executor.shutdown(wait=False)
        return summary

    async def _run_batches(self) -> Stop | None:
        opened = await self._db(self.journal.open_batches, self.job_id)
        for rec in opened:
            self._exclude.update(rec.rows)
        for rec in opened:
            rows = await self._db(self.journal.rows_by_number, self.job_id, list(rec.rows))
            batch = Batch(rec.batch_id, rows, rec.batch_key, rec.state, rec.provider_job_id, rec.attempts)
            stop = await self._process(batch, resumed=True)
            await self._flush()  # its rows no longer look pending on disk: reading them again is safe
            self._exclude.difference_update(rec.rows)
            if stop is not None:
                return stop
        if self.lanes > 1:
            return await self._run_lanes()
        while True:
            stop = self._stop_requested()
            if stop is not None:
                return stop
            await self._checkpoint()
            if self._stop_state is not None:
                continue
            fresh = await self._new_batch()
            if fresh is None:
                return None
            stop = await self._process(fresh)
            if stop is not None:
                return stop

    async def _run_lanes(self) -> Stop | None:
        """Up to ``lanes`` batches in flight at once (unpaced batch providers): while the provider works on
        one batch, the next is journaled and sent. Every batch keeps its own journal record (``sending``
        committed before its request), so a crash or a failure is handled per batch exactly as with one
        lane. The first batch goes alone (a wrong key or target costs one request, as with one lane), and
        after a failure, a rate limit or a quota hold batches go one at a time until one succeeds."""
        inflight: set[asyncio.Future[Stop | None]] = set()
        try:
            while True:
                stop = self._stop_requested()
                if stop is not None:
                    return await self._land(inflight, everything=True) or stop
                if self._pause_requested and inflight:
                    stop = await self._land(inflight, everything=True)
                    if stop is not None:
                        return stop
                await self._checkpoint()
                if self._stop_state is not None:
                    continue
                if inflight and (len(inflight) >= self.lanes or not self._parallel_ok()):
                    stop = await self._land(inflight, everything=False)
                    if stop is not None:
                        return await self._land(inflight, everything=True) or stop
                    continue
                fresh = await self._new_batch()
                if fresh is None:
                    if not inflight:
                        return None
                    stop = await self._land(inflight, everything=True)  # rows may come back (short counts)
                    if stop is not None:
                        return stop
                    continue
                inflight.add(asyncio.ensure_future(self._process(fresh)))
        finally:
            for task in inflight:  # only on an error (journal failure): the batch stays "sending", resumable
                task.cancel()
            if inflight:
                await asyncio.wait(inflight)

    def _parallel_ok(self) -> bool:
        return (self._last_ok and self.pacer.throttle.delay == 0 and self.pacer.delay()[0] <= 0
                and not self._requeue)

    @staticmethod
    async def _land(inflight: set[asyncio.Future[Stop | None]], *, everything: bool) -> Stop | None:
        """Wait for one (or every) batch in flight; the first Stop any of them gave."""
        stop: Stop | None = None
        while inflight:
            done, _ = await asyncio.wait(inflight, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                inflight.discard(task)
                found = task.result()  # a journal error propagates (the finally above cancels the rest)
                stop = stop or found
            if not everything:
                break
        return stop

    def _stop_check(self) -> Stop | None:
        return self._stop_requested()

    def _stop_requested(self) -> Stop | None:
        if self._stop_state is None:
            return None
        return Stop(self._stop_state, "cancelled by the user" if self._stop_state == "cancelled" else
                    "interrupted; resume the job to continue")

    async def _checkpoint(self) -> None:
        """Between batches: honour a pause request (wait for resume or a stop)."""
        if not self._pause_requested or self._stop_state is not None:
            return
        await self._set_state("paused", "paused by the user")
        self._resume_event.clear()
        while self._pause_requested and self._stop_state is None:
            await self._resume_event.wait()
            self._resume_event.clear()
        if self._stop_state is None:
            await self._set_state("running", "")

    async def _new_batch(self) -> Batch | None:
        if self.info.retry_class is RetryClass.NEVER:
            limit = self.info.batch_limit  # one campaign with every row
        else:
            limit = self.batch_size
        rows: list[UploadRow] = []
        while len(rows) < limit:
            if self._requeue:
                rows.append(self._requeue.popleft())
                continue
            if self._taken >= len(self._buffer):
                if self._exhausted:
                    break
                await self._fill()
                continue
            part = self._buffer[self._taken:self._taken + limit - len(rows)]  # slices, not a loop per row
            self._taken += len(part)
            rows.extend(part)
        if not rows:
            return None
        batch_id = self._next_id
        self._next_id += 1
        return Batch(batch_id, rows, f"{self.job_id}-{batch_id:05d}")

    async def _fill(self) -> None:
        """Read the next page of pending rows (after the cursor) into the buffer.

        Not prefetched during the previous request: measured, the reading thread then competes for the
        GIL with the request's send and answer, and the run was no faster.
        """
        found = await self._db(self.journal.pending_rows, self.job_id, self._cursor, max(5000, self.batch_size))
        if not found:
            self._exhausted = True
            return
        self._cursor = found[-1].index
        exclude = self._exclude
        self._buffer = [r for r in found if r.index not in exclude] if exclude else found
        self._taken = 0

    # -- one batch ---------------------------------------------------------------------------------

    async def _process(self, batch: Batch, *, resumed: bool = False) -> Stop | None:
        self._current = batch.id
        retry = self.info.retry_class
        if resumed and batch.state in ("sending", "unknown"):
            if retry is RetryClass.VERIFY:
                await self._resolve_all(batch, RowOutcome.NEEDS_VERIFICATION, "needs_verification",
                                        "sent when the app stopped; the answer was lost: check at the provider")
                return None
            if retry is RetryClass.NEVER:
                return await self._verify_campaign(batch, "the app stopped while the campaign was being created")
            if retry is RetryClass.RESUBMIT_SAME_NAME and batch.provider_job_id:
                return await self._poll_flow(batch)
        if retry is RetryClass.NEVER:
            return await self._create_flow(batch)
        return await self._send_flow(batch)

    # -- state, waiting, progress -------------------------------------------------------------------

    async def _set_state(self, state: str, message: str) -> None:
        self._state = state
        await self._db(self.journal.set_job_state, self.job_id, state, message=message, counts=self._counts)
        self._emit(force=True, message=message)

    async def _finish(self, stop: Stop | None) -> JobSummary:
        state, message = ("done", "") if stop is None else (stop.state, stop.message)
        if state in ("done", "cancelled", "failed"):
            reason = {"done": "not sent", "cancelled": "not sent: the import was cancelled",
                      "failed": f"not sent: {message}"}[state]
            pending = self._counts.get(RowOutcome.PENDING.value, 0)
            if pending:
                try:
                    await self._db(self.journal.finish_pending, self.job_id, RowOutcome.FAILED, reason)
                    self._counts[RowOutcome.FAILED.value] = self._counts.get(RowOutcome.FAILED.value, 0) + pending
                    self._counts[RowOutcome.PENDING.value] = 0
                except JournalError as exc:
                    state, message = "paused", exc.message
        try:
            await self._set_state(state, message)
        except JournalError as exc:  # disk full: the state stays as it was on disk, journal intact
            self._state = "paused" if state not in ("paused", "interrupted") else state
            message = message or exc.message
            logger.warning("could not record the job state: %s", exc.message)
        if self._deferred is not None:  # a result that could not be committed (disk full): report the disk's counts
            self._counts = dict(await self._db(self.journal.outcome_counts, self.job_id))
        self._current = None
        self._emit(force=True, message=message)
        record = await self._db(self.journal.get_job, self.job_id)
        assert record is not None  # jobs are never deleted while an engine runs them
        return replace(summarize(record, self._counts), state=self._state, message=message)

    async def _wait(self, seconds: float, reason: str | None) -> None:
        """Sleep (injectable) unless a cancel/interrupt wakes us; shows ``reason`` in progress."""
        if seconds <= 0:
            return
        if self._stop_state is not None and reason is not None:
            return
        await self._flush()  # never sit on an uncommitted result
        self._waiting = (reason, seconds) if reason else None
        if reason:
            self._emit(force=True)
        sleeper = asyncio.ensure_future(self._sleep(seconds))
        waker = asyncio.ensure_future(self._wake.wait())
        try:
            await asyncio.wait({sleeper, waker}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (sleeper, waker):
                if not task.done():
                    task.cancel()
            self._waiting = None

    def _emit(self, *, force: bool = False, message: str = "") -> None:
        if self._reporter is None:
            return
        pending = self._counts.get(RowOutcome.PENDING.value, 0)
        waiting = self._waiting
        reason = None if waiting is None else f"{waiting[0]}, {waiting[1]:.0f} s"
        self._reporter.emit(self._total - pending, self._counts, state=self._state, current_batch=self._current,
                            waiting_reason=reason, waiting_seconds=None if waiting is None else waiting[1],
                            message=message, force=force)

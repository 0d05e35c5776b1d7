"""The upload engine: the run loop that sends a journaled job's rows in batches, per the provider's retry class.

The work is done by collaborators the engine wires together for each run:

- ``RunControl`` (control.py): the user's pause/cancel/interrupt and the waits a stop cuts short;
- ``BatchSource`` (batches.py): new batches of pending rows paged out of the journal, rows given back first;
- ``Sender`` (sender.py): one batch until it has outcomes (pacing, retries, halving, rate limits);
- ``ImportJobFlow`` and ``CampaignFlow`` (flows.py): Alohub's import jobs, Dynamic Messaging's create-once;
- ``Recorder`` (recorder.py): batch states and row outcomes in the journal, one commit per batch;
- ``Verifier`` (verify.py): after a sending pass, flagged rows read back at the provider and resolved;
- ``ProgressReporter`` (progress.py): throttled progress snapshots.

Why ~450 lines (over the house's ~400): what is left here is only the run loop and its wiring: one lane or two,
the checkpoints between batches, the three ways a run ends (done, a stop, every row refused) and the hook of the
verification pass (its read-back goes through the same Sender and stall tracking as the sends). Each piece of
logic above already lives in its collaborator; cutting the loop itself would make it read out of order.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from campaign_gui.domain.models import RowOutcome, UploadRow
from campaign_gui.providers.base import Provider, RetryClass
from campaign_gui.upload.batches import Batch, BatchSource
from campaign_gui.upload.control import INTERRUPTED_MESSAGE, RunControl, Stop
from campaign_gui.upload.flows import CampaignFlow, ImportJobFlow
from campaign_gui.upload.jobs import JobSummary, summarize
from campaign_gui.upload.journal import Journal
from campaign_gui.upload.journal_errors import JournalError, JournalFull
from campaign_gui.upload.journal_schema import FINAL_STATES
from campaign_gui.upload.pacing import AdaptiveThrottle, Pacer
from campaign_gui.upload.progress import ProgressCallback, ProgressReporter
from campaign_gui.upload.recorder import Recorder
from campaign_gui.upload.retry import full_jitter
from campaign_gui.upload.sender import (
    AUTH_MESSAGE,
    NOT_ANSWERING_MESSAGE,
    STALL_SECONDS,
    UNREACHABLE_MESSAGE,
    Sender,
    crash_point,
)
from campaign_gui.upload.verify import PHASE as VERIFY_PHASE
from campaign_gui.upload.verify import Verifier, VerifyResult

__all__ = ["AUTH_MESSAGE", "AUTO_RESUME_FIRST", "NOT_ANSWERING_MESSAGE", "QUOTA_DEFAULT_WAIT", "STALL_SECONDS",
           "START_SLACK", "UNREACHABLE_MESSAGE", "UploadEngine"]

logger = logging.getLogger(__name__)

QUOTA_DEFAULT_WAIT = 10.0
# Pacing marks a start just before calling the provider; encoding the body and the HTTP client's pool take a
# little more (≈0.5 ms, a few ms on a loaded machine) before the request really leaves: this much slack keeps
# the real gap between request starts at or above the interval. Costs 1 % of a 0.2 s pace.
START_SLACK = 0.002
# Retry classes whose batches may be in flight two at a time: each batch is journaled on its own and a lost
# answer is resent (server-side dedupe) or flagged for verification, never guessed.
LANE_CLASSES = (RetryClass.RESEND, RetryClass.VERIFY)
LANES_ENV = "CAMPAIGN_GUI_LANES"
AUTO_RESUME_FIRST = 15.0  # the window's first probe of a provider that paused a job by not answering
PROBE_CAP = 300.0  # longest wait between two probes of a provider that does not answer
PROBING_REASON = "provider unreachable; resuming"
VERIFY_ROUNDS = 3  # read-back passes per run (each may send proven-absent rows again)
_UPLOAD_OUTCOMES = (RowOutcome.ADDED, RowOutcome.UPDATED, RowOutcome.SKIPPED, RowOutcome.REJECTED,
                    RowOutcome.FAILED, RowOutcome.NEEDS_VERIFICATION, RowOutcome.PENDING)


def lanes_setting() -> int | None:
    """``CAMPAIGN_GUI_LANES=1``: one batch in flight at a time even where two are allowed (a provider
    that objects to parallel requests; the crash tests that count requests exactly). None: not set."""
    value = os.environ.get(LANES_ENV, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else None


class UploadEngine:
    """Upload one journaled job through ``provider``; ``await run()`` returns the final JobSummary.

    ``pause()``/``resume()``/``cancel()``/``interrupt()`` may be called from the loop at any time:
    they act between batches, never in the middle of a request. ``pacing`` overrides the provider's
    gap between request starts (0 = off). ``lanes``: batches in flight at once (None = 2 for unpaced
    RESEND/VERIFY providers, else 1). ``stall_seconds``: timeouts in a row for this long pause the job (the
    provider is not answering). ``clock``/``sleep``/``rng`` are injectable for tests.
    """

    def __init__(self, provider: Provider, journal: Journal, job_id: str, *, pacing: float | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 rng: random.Random | None = None, max_consecutive_failures: int = 8,
                 progress_cb: ProgressCallback | None = None, throttle: AdaptiveThrottle | None = None,
                 poll_interval: float = 2.5, batch_size: int | None = None, offload: bool = True,
                 quota_wait: float = QUOTA_DEFAULT_WAIT, lanes: int | None = None,
                 stall_seconds: float = STALL_SECONDS) -> None:
        self.provider = provider
        self.journal = journal
        self.job_id = job_id
        self.info = provider.info
        self._clock = clock
        self._rng = rng if rng is not None else random.Random()
        self.max_consecutive_failures = max(1, max_consecutive_failures)
        self.poll_interval = poll_interval
        self.quota_wait = quota_wait
        self.stall_seconds = stall_seconds
        interval = self.info.pacing_seconds if pacing is None else pacing
        self.pacer = Pacer(interval, throttle, clock, slack=START_SLACK)
        self.batch_size = max(1, min(batch_size or self.info.batch_limit, self.info.batch_limit))
        if lanes is None:
            lanes = lanes_setting()
        if lanes is None:  # two batches in flight where nothing paces requests and a lost answer is handled
            lanes = 2 if self.pacer.interval == 0 and self.info.retry_class in LANE_CLASSES else 1
        self.lanes = max(1, lanes)
        self._progress_cb = progress_cb
        self._recorder = Recorder(journal, job_id, offload=offload, on_change=self._emit)
        self._control = RunControl(sleep, settle=self._recorder.flush, show=lambda: self._emit(force=True))
        self._total = 0
        self._state = "pending"
        self._current: int | None = None
        self._reporter: ProgressReporter | None = None
        self.target: dict[str, Any] = {}
        self._verify_rounds = 0
        self.verified: VerifyResult | None = None  # the last verification pass, if any

    # -- control -----------------------------------------------------------------------------------

    def pause(self) -> None:
        """Pause after the in-flight batch; ``run()`` waits for ``resume()`` (or a cancel)."""
        self._control.pause()

    def resume(self) -> None:
        self._control.resume()

    def cancel(self) -> None:
        """End the job after the in-flight batch's bookkeeping; unsent rows become failed (cancelled)."""
        self._control.cancel()

    def interrupt(self) -> None:
        """Stop after the in-flight batch, leaving the job resumable (state interrupted)."""
        self._control.interrupt()

    @property
    def state(self) -> str:
        return self._state

    # -- main loop ---------------------------------------------------------------------------------

    async def run(self, *, auto_resume_after: float | None = None) -> JobSummary:
        """Send every pending row; the final summary. ``auto_resume_after``: when the provider cannot be
        reached or does not answer, pause and probe it after this many seconds, then at doubling intervals
        (up to PROBE_CAP); resume once it answers, or at once on ``resume()``. None: the run ends paused."""
        db = self._recorder.db
        record = await db(self.journal.get_job, self.job_id)
        if record is None:
            raise KeyError(self.job_id)
        self.job_id = self._recorder.job_id = record.id
        if record.state in FINAL_STATES:
            return summarize(record)
        self.target = dict(record.target)  # values are str, or lists of names (Cellcast list/tag)
        self._recorder.counts = counts = dict(await db(self.journal.outcome_counts, self.job_id))
        self._total = sum(counts.get(o.value, 0) for o in _UPLOAD_OUTCOMES)
        self._reporter = ProgressReporter(self._progress_cb, self._total, clock=self._clock)
        self._wire(await db(self.journal.next_batch_id, self.job_id))
        stop: Stop | None = None
        try:
            await self._set_state("running", "")
            while True:
                stop = await self._run_batches()
                if stop is None and await self._verify_pass():  # verification by reading back (verify.py)
                    continue  # rows proven absent go out again
                stop = stop or self._control.stop() or self._verify_stop()
                if (stop is not None and stop.auto and auto_resume_after is not None
                        and self._control.stop_state is None):
                    await self._set_state("paused", stop.message)
                    if await self._until_answered(auto_resume_after):
                        self._sender.forget_failures()
                        await self._set_state("running", "")
                        continue
                    stop = self._control.stop() or stop  # cancelled or interrupted meanwhile
                break
        except JournalFull as exc:
            stop = Stop("paused", exc.message)
        except JournalError as exc:
            stop = Stop("paused", exc.message)
        except BaseException:
            # issue 13 item 2: a cancelled run (the window's shutdown grace ran out, a second Ctrl-C), or one
            # ended by an unexpected error, is a stop, never the end of the job: it stays interrupted, unsent
            # rows pending, the batch in flight `sending` (its retry class settles it at resume). Without this,
            # `_finish(None)` said "done" and turned every unsent row into "failed · not sent".
            stop = Stop("interrupted", INTERRUPTED_MESSAGE)
            raise
        finally:
            summary = await self._finish(stop)
            self._recorder.close()
        return summary

    async def _until_answered(self, first_wait: float) -> bool:
        """Paused for failures: probe the provider with growing waits. True (go on) once it answers or
        ``resume()`` is called; False on a cancel or an interrupt."""
        control, wait = self._control, first_wait
        while control.stop_state is None:
            asked = await control.wait(wait, PROBING_REASON, resumable=True)
            if control.stop_state is not None:
                break
            if asked or await self._sender.probe():
                return True
            wait = min(PROBE_CAP, max(wait, 1.0) * 2)
        return False

    def _wire(self, first_batch_id: int) -> None:
        """This run's batch source, sender and provider flows (they need the job's id and target)."""
        never = self.info.retry_class is RetryClass.NEVER  # one campaign with every row
        self._source = BatchSource(self._pending_rows, self.job_id, self.batch_size,
                                   limit=self.info.batch_limit if never else None, first_id=first_batch_id)
        self._sender = Sender(self.provider, self.target, pacer=self.pacer, recorder=self._recorder,
                              source=self._source, control=self._control, clock=self._clock, rng=self._rng,
                              max_consecutive_failures=self.max_consecutive_failures, quota_wait=self.quota_wait,
                              crash_after=crash_point(), stall_seconds=self.stall_seconds)
        self._jobs = ImportJobFlow(self._sender, self._recorder, self._control, self.target,
                                   poll_interval=self.poll_interval)
        self._campaigns = CampaignFlow(self._sender, self._recorder, self._control, self.target)

    async def _pending_rows(self, after: int, limit: int) -> list[UploadRow]:
        return await self._recorder.db(self.journal.pending_rows, self.job_id, after, limit)

    async def _run_batches(self) -> Stop | None:
        """Settle the batches an earlier run left open, then send new ones until none is left or a stop."""
        opened = await self._recorder.db(self.journal.open_batches, self.job_id)
        for rec in opened:
            self._source.exclude(rec.rows)
        for rec in opened:
            rows = await self._recorder.db(self.journal.rows_by_number, self.job_id, list(rec.rows))
            batch = Batch(rec.batch_id, rows, rec.batch_key, rec.state, rec.provider_job_id, rec.attempts)
            stop = await self._process(batch, resumed=True)
            await self._recorder.flush()  # its rows no longer look pending on disk: reading them again is safe
            self._source.include(rec.rows)
            if stop is not None:
                return stop
        if self.lanes > 1:
            return await self._run_lanes()
        while True:
            stop = self._control.stop()
            if stop is not None:
                return stop
            await self._checkpoint()
            if self._control.stop_state is not None:
                continue
            fresh = await self._source.next_batch()
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
                stop = self._control.stop()
                if stop is not None:
                    return await self._land(inflight, everything=True) or stop
                if self._control.pause_requested and inflight:
                    stop = await self._land(inflight, everything=True)
                    if stop is not None:
                        return stop
                await self._checkpoint()
                if self._control.stop_state is not None:
                    continue
                if inflight and (len(inflight) >= self.lanes or not self._sender.may_overlap()):
                    stop = await self._land(inflight, everything=False)
                    if stop is not None:
                        return await self._land(inflight, everything=True) or stop
                    continue
                fresh = await self._source.next_batch()
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

    async def _checkpoint(self) -> None:
        """Between batches: honour a pause request (wait for resume or a stop)."""
        if not self._control.pausing:
            return
        await self._set_state("paused", "paused by the user")
        await self._control.until_resumed()
        if self._control.stop_state is None:
            await self._set_state("running", "")

    async def _process(self, batch: Batch, *, resumed: bool = False) -> Stop | None:
        """One batch, by the provider's retry class; ``resumed``: left open by an earlier run."""
        self._current = batch.id
        retry = self.info.retry_class
        if resumed and batch.state in ("sending", "unknown"):
            if retry is RetryClass.VERIFY:
                await self._recorder.resolve_all(
                    batch, RowOutcome.NEEDS_VERIFICATION, "needs_verification",
                    "sent when the app stopped; the answer was lost: check at the provider")
                return None
            if retry is RetryClass.NEVER:
                return await self._campaigns.verify(batch, "the app stopped while the campaign was being created")
            if retry is RetryClass.RESUBMIT_SAME_NAME and batch.provider_job_id:
                return await self._jobs.send(batch, submitted=True)
        if retry is RetryClass.NEVER:
            return await self._campaigns.create(batch)
        return await self._jobs.send(batch)

    # -- verification by reading back (verify.py): after each sending pass that left rows flagged ----

    async def _verify_pass(self) -> bool:
        """Resolve "needs verification" rows by reading the target back; True when some went back to pending."""
        if self._verify_rounds >= VERIFY_ROUNDS or not self._recorder.counts.get(RowOutcome.NEEDS_VERIFICATION.value):
            return False
        self._verify_rounds += 1
        if self._verify_rounds > 1:  # a provider that keeps losing answers is not hammered
            await self._control.wait(full_jitter(self._verify_rounds, self._rng), "waiting before checking again")
        await self._recorder.flush()
        self._set_phase(VERIFY_PHASE)
        try:
            self.verified = await Verifier(self.provider, self.journal, self.job_id, self.target,
                                           request=self._sender.read_back, db=self._recorder.db,
                                           counts=self._recorder.counts, changed=self._emit).run()
        finally:
            self._set_phase("sending")
        if not self.verified.resend or self._control.stop_state is not None:
            return False
        self._source.rewind()
        return True

    def _verify_stop(self) -> Stop | None:
        """A read-back that could not go on (a rejected key, a provider not answering) pauses the job."""
        failed = self.verified.failed if self.verified is not None else None
        if failed is None or not failed.pause:
            return None
        return Stop("paused", failed.message, auto=failed.auto)

    def _set_phase(self, phase: str) -> None:
        if self._reporter is not None:
            self._reporter.phase = phase
        self._emit(force=True)

    # -- state, progress, the end -------------------------------------------------------------------

    async def _set_state(self, state: str, message: str) -> None:
        self._state = state
        await self._recorder.db(self.journal.set_job_state, self.job_id, state, message=message,
                                counts=self._recorder.counts)
        self._emit(force=True, message=message)

    async def _finish(self, stop: Stop | None) -> JobSummary:
        state, message = ("done", "") if stop is None else (stop.state, stop.message)
        if state == "done":  # issue 13 item 4: every row sent and every one refused is not "done"
            state, message = await self._all_rejected(state, message)
        db, counts = self._recorder.db, self._recorder.counts
        if state in ("done", "cancelled", "failed"):
            reason = {"done": "not sent", "cancelled": "not sent: the import was cancelled",
                      "failed": f"not sent: {message}"}[state]
            pending = counts.get(RowOutcome.PENDING.value, 0)
            if pending:
                try:
                    await db(self.journal.finish_pending, self.job_id, RowOutcome.FAILED, reason)
                    counts[RowOutcome.FAILED.value] = counts.get(RowOutcome.FAILED.value, 0) + pending
                    counts[RowOutcome.PENDING.value] = 0
                except JournalError as exc:
                    state, message = "paused", exc.message
        try:
            await self._set_state(state, message)
        except JournalError as exc:  # disk full: the state stays as it was on disk, journal intact
            self._state = "paused" if state not in ("paused", "interrupted") else state
            message = message or exc.message
            logger.warning("could not record the job state: %s", exc.message)
        if self._recorder.holding:  # a result that could not be committed (disk full): report the disk's counts
            self._recorder.counts = dict(await db(self.journal.outcome_counts, self.job_id))
        self._current = None
        self._emit(force=True, message=message)
        record = await db(self.journal.get_job, self.job_id)
        assert record is not None  # jobs are never deleted while an engine runs them
        return replace(summarize(record, self._recorder.counts), state=self._state, message=message)

    async def _all_rejected(self, state: str, message: str) -> tuple[str, str]:
        """("failed", the provider's reason) when the provider rejected every row it was sent."""
        counts = self._recorder.counts
        rejected = counts.get(RowOutcome.REJECTED.value, 0)
        sent = sum(counts.get(o.value, 0) for o in (RowOutcome.ADDED, RowOutcome.UPDATED, RowOutcome.SKIPPED,
                                                     RowOutcome.REJECTED, RowOutcome.FAILED,
                                                     RowOutcome.NEEDS_VERIFICATION))
        if not rejected or rejected != sent:
            return state, message

        def first_reason() -> str:
            rows = self.journal.iter_rows(self.job_id)
            return next((e.reason for e in rows if e.outcome == RowOutcome.REJECTED.value and e.reason), "")

        reason = await self._recorder.db(first_reason)
        return "failed", f"the provider rejected every row: {reason or 'no reason given'}"

    def _emit(self, *, force: bool = False, message: str = "") -> None:
        if self._reporter is None:
            return
        counts = self._recorder.counts
        pending = counts.get(RowOutcome.PENDING.value, 0)
        waiting = self._control.waiting
        reason = None if waiting is None else f"{waiting[0]}, {waiting[1]:.0f} s"
        self._reporter.emit(self._total - pending, counts, state=self._state, current_batch=self._current,
                            waiting_reason=reason, waiting_seconds=None if waiting is None else waiting[1],
                            message=message, force=force)

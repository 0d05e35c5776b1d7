"""Writes a run's batch states and row outcomes to the journal, off the loop, one commit per batch."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from operator import itemgetter
from typing import Any, TypeVar

from campaign_gui.domain.models import JobStatus, RowOutcome
from campaign_gui.upload.answers import job_outcome
from campaign_gui.upload.batches import Batch
from campaign_gui.upload.journal import Journal
from campaign_gui.upload.journal_resolve import Resolution

T = TypeVar("T")
_OUTCOME = itemgetter(1)  # of (row, outcome, reason)


class Recorder:
    """The journal's side of a run: batch states, row outcomes and the running outcome counts.

    Journal calls run on one worker thread (``offload``; else on the loop). A batch's plain result may be
    held back (``resolve(..., defer=True)``) and committed in the same transaction as the next batch's
    ``sending`` (one fsync per batch instead of two), or before any other journal write or wait, whichever
    comes first. ``on_change`` is called after each recorded result (progress).
    """

    def __init__(self, journal: Journal, job_id: str, *, offload: bool = True,
                 on_change: Callable[[], None] = lambda: None) -> None:
        self.journal = journal
        self.job_id = job_id
        self.counts: dict[str, int] = {}  # outcome value -> rows, as committed plus what is held back
        self._on_change = on_change
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="journal") if offload else None
        self._deferred: Resolution | None = None  # the last batch's result, committed with the next begin
        self._deferring = asyncio.Lock()  # held while the deferred result is written or replaced
        self._reads = frozenset({journal.get_job, journal.outcome_counts, journal.next_batch_id,
                                 journal.open_batches, journal.rows_by_number, journal.pending_rows})

    @property
    def holding(self) -> bool:
        """A batch's result is held back, not yet committed."""
        return self._deferred is not None

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False)

    async def db(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a journal call off the loop; a write other than ``begin_batch`` commits a held-back result first."""
        if self._deferred is not None and fn not in self._reads and fn != self.journal.begin_batch:
            await self.flush()
        return await self._run(fn, *args, **kwargs)

    async def _run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if self._executor is None:
            return fn(*args, **kwargs)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, lambda: fn(*args, **kwargs))

    async def begin(self, batch: Batch) -> None:
        """Commit the batch as ``sending`` before its request goes out (after a held-back result, if any)."""
        async with self._deferring:
            await self._run(self.journal.begin_batch, self.job_id, batch.id, batch.key,
                            [r.index for r in batch.rows], resolved=self._deferred)
            self._deferred = None
        batch.state, batch.attempts = "sending", batch.attempts + 1

    async def flush(self) -> None:
        """Commit a held-back batch result now."""
        if self._deferred is not None:
            async with self._deferring:
                await self._flush_held()

    async def _flush_held(self) -> None:
        """``flush`` with ``_deferring`` held: the held-back result is written once, and none is lost
        when two batches in flight resolve at the same time."""
        deferred = self._deferred
        if deferred is not None:
            await self._run(self.journal.write_resolution, deferred)
            self._deferred = None

    async def mark(self, batch: Batch, state: str, *, provider_job_id: str | None = None) -> None:
        await self.db(self.journal.mark_batch, self.job_id, batch.id, state, provider_job_id=provider_job_id,
                      rows=[r.index for r in batch.rows])
        batch.state = state

    async def resolve_all(self, batch: Batch, outcome: RowOutcome, state: str, reason: str,
                          result: dict[str, Any] | None = None) -> None:
        """Every row of the batch gets ``outcome`` (with ``reason``); the batch ends in ``state``."""
        if result is None:
            result = {} if outcome is RowOutcome.ADDED else {"error": reason}
        await self.resolve(batch, state, [(r.index, outcome.value, reason) for r in batch.rows], result)

    async def resolve_job(self, batch: Batch, status: JobStatus) -> None:
        """Turn a finished import job's counts into row outcomes (the job does not name rows)."""
        outcome, reason, summary = job_outcome(status, len(batch.rows), resubmitted=batch.attempts > 1)
        await self.resolve_all(batch, outcome, "done", reason, summary)

    async def resolve(self, batch: Batch, state: str, outcomes: list[tuple[int, str, str]],
                      result: dict[str, Any], *, rows_changed: bool = False, defer: bool = False) -> None:
        """Record a batch's outcomes. ``rows_changed``: the batch now holds fewer rows (record its list).
        ``defer``: hold them back for the next ``begin`` (same transaction, written first) or the next
        other journal write or wait, whichever comes first."""
        delta = Counter(map(_OUTCOME, outcomes))
        delta["pending"] -= len(outcomes)
        counts = dict(self.counts)
        for outcome, n in delta.items():
            counts[outcome] = counts.get(outcome, 0) + n
        resolution = Resolution(self.job_id, batch.id, state, outcomes, result,
                                [r.index for r in batch.rows] if rows_changed else None, counts)
        self.counts = counts  # at once: another batch in flight may resolve during the write below
        try:
            if defer:
                async with self._deferring:
                    await self._flush_held()
                    self._deferred = resolution
            else:
                await self.db(self.journal.write_resolution, resolution)
        except BaseException:
            for outcome, n in delta.items():  # not recorded: take back this batch's counts only
                self.counts[outcome] = self.counts.get(outcome, 0) - n
            raise
        batch.state = state
        self._on_change()

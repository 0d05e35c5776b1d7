"""The upload engine's journal bookkeeping: batch outcomes, the held-back (deferred) result, journal calls."""

from __future__ import annotations

import asyncio
from collections import Counter, deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from operator import itemgetter
from typing import Any, TypeVar

from campaign_gui.domain.models import BatchResult, JobStatus, RowOutcome, UploadRow
from campaign_gui.providers.base import ProviderInfo, RetryClass
from campaign_gui.upload.engine_flows import Batch, FlowMixin, Stop
from campaign_gui.upload.engine_results import job_outcome, map_result
from campaign_gui.upload.journal import Journal
from campaign_gui.upload.journal_resolve import Resolution

T = TypeVar("T")
_OUTCOME = itemgetter(1)  # of (row, outcome, reason)


class RecordMixin(FlowMixin):
    """Record batch states and outcomes in the journal, holding the last result back for the next write."""

    journal: Journal
    job_id: str
    info: ProviderInfo
    batch_size: int
    _executor: ThreadPoolExecutor | None
    _counts: dict[str, int]
    _requeue: deque[UploadRow]
    _deferred: Resolution | None
    _deferring: asyncio.Lock
    _reads: frozenset[Callable[..., Any]]

    def _emit(self, *, force: bool = False, message: str = "") -> None:
        raise NotImplementedError

    async def _apply(self, batch: Batch, result: BatchResult) -> Stop | None:
        """Record a provider answer; rows it did not account for are resent or flagged."""
        outcomes, missing = map_result(batch.rows, result)
        if missing and self.info.retry_class in (RetryClass.RESEND, RetryClass.RESUBMIT_SAME_NAME):
            gone = {r.index for r in missing}
            self.batch_size = min(self.batch_size, max(1, len(batch.rows) // 2))
            self._requeue.extendleft(reversed(missing))
            batch.rows = [r for r in batch.rows if r.index not in gone]
            await self._resolve(batch, "done", outcomes, dict(result.raw_summary), rows_changed=True)
            return None
        if missing:
            outcomes.extend((r.index, RowOutcome.NEEDS_VERIFICATION.value,
                             "the provider did not say what happened to this row") for r in missing)
        await self._resolve(batch, "done", outcomes, dict(result.raw_summary), defer=True)
        return None

    async def _apply_job(self, batch: Batch, status: JobStatus) -> None:
        """Turn an Alohub job's counts into row outcomes (the job does not name rows)."""
        outcome, reason, summary = job_outcome(status, len(batch.rows), resubmitted=batch.attempts > 1)
        await self._resolve_all(batch, outcome, "done", reason, summary)

    async def _resolve_all(self, batch: Batch, outcome: RowOutcome, state: str, reason: str,
                           result: dict[str, Any] | None = None) -> None:
        if result is None:
            result = {} if outcome is RowOutcome.ADDED else {"error": reason}
        await self._resolve(batch, state, [(r.index, outcome.value, reason) for r in batch.rows], result)

    async def _resolve(self, batch: Batch, state: str, outcomes: list[tuple[int, str, str]],
                       result: dict[str, Any], *, rows_changed: bool = False, defer: bool = False) -> None:
        """Record a batch's outcomes. ``defer``: keep them for the next ``_begin`` (same transaction,
        written first) or the next other journal write or wait, whichever comes first."""
        delta = Counter(map(_OUTCOME, outcomes))
        delta["pending"] -= len(outcomes)
        counts = dict(self._counts)
        for outcome, n in delta.items():
            counts[outcome] = counts.get(outcome, 0) + n
        resolution = Resolution(self.job_id, batch.id, state, outcomes, result,
                                [r.index for r in batch.rows] if rows_changed else None, counts)
        self._counts = counts  # at once: another batch in flight may resolve during the write below
        try:
            if defer:
                async with self._deferring:
                    await self._flush_held()
                    self._deferred = resolution
            else:
                await self._db(self.journal.write_resolution, resolution)
        except BaseException:
            for outcome, n in delta.items():  # not recorded: take back this batch's counts only
                self._counts[outcome] = self._counts.get(outcome, 0) - n
            raise
        batch.state = state
        self._emit()

    async def _begin(self, batch: Batch) -> None:
        """Commit the batch as ``sending`` before its request goes out (after a deferred result, if any)."""
        async with self._deferring:
            await self._run_db(self.journal.begin_batch, self.job_id, batch.id, batch.key,
                               [r.index for r in batch.rows], resolved=self._deferred)
            self._deferred = None
        batch.state, batch.attempts = "sending", batch.attempts + 1

    async def _flush(self) -> None:
        """Commit a deferred batch result now."""
        if self._deferred is not None:
            async with self._deferring:
                await self._flush_held()

    async def _flush_held(self) -> None:
        """``_flush`` with ``_deferring`` held: the held-back result is written once, and none is lost
        when two batches in flight resolve at the same time."""
        deferred = self._deferred
        if deferred is not None:
            await self._run_db(self.journal.write_resolution, deferred)
            self._deferred = None

    async def _mark(self, batch: Batch, state: str, *, provider_job_id: str | None = None) -> None:
        await self._db(self.journal.mark_batch, self.job_id, batch.id, state, provider_job_id=provider_job_id,
                       rows=[r.index for r in batch.rows])
        batch.state = state

    async def _db(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a journal call off the loop; a write other than ``begin_batch`` commits a deferred result first."""
        if self._deferred is not None and fn not in self._reads and fn != self.journal.begin_batch:
            await self._flush()
        return await self._run_db(fn, *args, **kwargs)

    async def _run_db(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if self._executor is None:
            return fn(*args, **kwargs)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, lambda: fn(*args, **kwargs))

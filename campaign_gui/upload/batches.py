"""Batches of a job's pending rows, paged out of the journal: the page buffer, its cursor, rows given back."""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from campaign_gui.domain.models import UploadRow

PAGE = 5000  # pending rows read from the journal at a time (at least one batch)

Fetch = Callable[[int, int], Awaitable[list[UploadRow]]]  # (after row number, limit) -> pending rows in order


@dataclass
class Batch:
    """A batch in memory: its journal id (= seq), rows, state and the provider job id if any."""

    id: int
    rows: list[UploadRow]
    key: str
    state: str = "planned"
    provider_job_id: str | None = None
    attempts: int = 0
    result: dict[str, Any] = field(default_factory=dict)


class BatchSource:
    """Cuts a job's pending rows into new batches, in row order.

    ``fetch(after, limit)`` reads the next page of pending rows after a row number (the cursor). Rows given
    back (the rest of a batch that was halved, rows an answer did not account for) go out first, in their
    order. Rows of batches still open from an earlier run are excluded while those batches are settled.
    ``size`` is the batch size, which only ever shrinks; ``limit`` (if given) is used instead of it (one
    campaign with every row).
    """

    def __init__(self, fetch: Fetch, job_id: str, size: int, *, limit: int | None = None, first_id: int = 1) -> None:
        self._fetch = fetch
        self.job_id = job_id
        self.size = max(1, size)
        self._limit = limit
        self.next_id = first_id
        self._requeue: deque[UploadRow] = deque()
        self._buffer: list[UploadRow] = []  # a page of pending rows; the next one to send is at _taken
        self._taken = 0
        self._cursor = -1
        self._exhausted = False
        self._exclude: set[int] = set()

    @property
    def given_back(self) -> bool:
        """Rows given back are waiting to go out again."""
        return bool(self._requeue)

    def exclude(self, rows: Iterable[int]) -> None:
        """Never hand out these rows (they belong to an open batch being settled)."""
        self._exclude.update(rows)

    def include(self, rows: Iterable[int]) -> None:
        """The open batch holding these rows is settled: on disk they no longer look pending."""
        self._exclude.difference_update(rows)

    def rewind(self) -> None:
        """Page pending rows from the start again (rows a verification put back to pending)."""
        self._buffer, self._taken, self._cursor, self._exhausted = [], 0, -1, False

    def give_back(self, rows: Sequence[UploadRow]) -> None:
        """These rows go out first again, in this order, ahead of rows given back before."""
        self._requeue.extendleft(reversed(rows))

    def shrink(self, size: int) -> int:
        """Batches from now on hold at most ``size`` rows (never grows back); the size now."""
        self.size = min(self.size, max(1, size))
        return self.size

    async def next_batch(self) -> Batch | None:
        """The next batch of rows not yet handed out, or None when every pending row has been."""
        limit = self._limit or self.size
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
        batch_id = self.next_id
        self.next_id += 1
        return Batch(batch_id, rows, f"{self.job_id}-{batch_id:05d}")

    async def _fill(self) -> None:
        """Read the next page of pending rows (after the cursor) into the buffer.

        Not prefetched during the previous request: measured, the reading thread then competes for the
        GIL with the request's send and answer, and the run was no faster.
        """
        found = await self._fetch(self._cursor, max(PAGE, self.size))
        if not found:
            self._exhausted = True
            return
        self._cursor = found[-1].index
        exclude = self._exclude
        self._buffer = [r for r in found if r.index not in exclude] if exclude else found
        self._taken = 0

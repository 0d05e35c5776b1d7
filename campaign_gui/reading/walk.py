"""Walking a sheet's rows: cells become stored columns, phones are normalised in chunks (here or in worker
processes), duplicates are found on E.164. Used by validate (the whole sheet) and by part_worker's child
(the last part of a big sheet), so neither imports the other."""

from __future__ import annotations

import datetime
import itertools
import logging
import multiprocessing
import operator
import threading
import unicodedata
from array import array
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import cast

from campaign_gui.reading.columns import Interner, PackedStrings
from campaign_gui.reading.phone_worker import Normalised, normalise_chunk
from campaign_gui.reading.result import ColumnStore
from campaign_gui.reading.source import CellValue, check_cancel
from campaign_gui.reading.types import ColumnMapping

logger = logging.getLogger(__name__)

# store, blank rows, rows walked, E.164 numbers, duplicates among these rows (walk_rows)
Outcome = tuple[ColumnStore, int, int, "array[int]", dict[int, int]]

CHUNK = 10_000
MAX_PENDING = 6  # chunks read but not yet stored: bounds memory when the workers fall behind
Progress = Callable[[int], None]  # rows read so far
_Pending = tuple["Future[Normalised] | Normalised", Sequence[int], list[CellValue]]


def cell_text(v: CellValue) -> str:
    """A cell as the user saw it: numbers without Excel's '.0', dates in ISO form, text NFC."""
    if v is None:
        return ""
    if type(v) is str:
        return v if v.isascii() else unicodedata.normalize("NFC", v)
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 1e16 else repr(v)
    if isinstance(v, datetime.datetime | datetime.date | datetime.time):
        return v.isoformat()
    return str(v)


def _texts(values: list[CellValue]) -> list[str]:
    out: list[str]
    kinds = set(map(type, values))
    if kinds <= _STR:
        out = values  # type: ignore[assignment]  # checked: every value is a str
    elif kinds <= _STR_FLOAT:  # phones typed as numbers: cell_text's float case, inlined
        numbers = cast("list[str | float]", values)
        out = [v if isinstance(v, str) else str(int(v)) if v.is_integer() and abs(v) < 1e16 else repr(v)
               for v in numbers]
    else:
        out = [v if type(v) is str else cell_text(v) for v in values]
    joined = "".join(out)
    if joined.isascii() or unicodedata.is_normalized("NFC", joined):
        return out
    return [unicodedata.normalize("NFC", t) for t in out]


_STR = {str}
_STR_FLOAT = {str, float}


def _filled(row: list[CellValue], counters: frozenset[int]) -> bool:
    """Whether a row holds anything: not only empty cells, nor only a running number (``counters``)."""
    if not counters:
        return any(row) or not all(v is None or v == "" for v in row)
    return any(v is not None and v != "" and j not in counters for j, v in enumerate(row))


def _column(rows: list[list[CellValue]], col: int | None, shortest: int) -> list[CellValue]:
    if col is None:
        return [""] * len(rows)
    if col < shortest:
        return list(map(operator.itemgetter(col), rows))
    return [r[col] if len(r) > col else "" for r in rows]



class Pipeline:
    """Phones normalised in order, in-process or in a worker process while the reader keeps going."""

    def __init__(self, region: str, workers: int) -> None:
        self.region = region
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) if workers else None
        self.depth = 2 * workers + 1
        if self.pool is not None:
            for _ in range(workers):  # import phonenumbers and build the region tables now
                self.pool.submit(normalise_chunk, ["0"], region)

    def submit(self, values: list[CellValue], *, busy: bool) -> Future[Normalised] | Normalised:
        """Queue a chunk; when the workers are ``busy`` the calling thread does it (no core sits idle)."""
        if self.pool is None or busy:
            return normalise_chunk(values, self.region)
        try:
            return self.pool.submit(normalise_chunk, values, self.region)
        except BrokenProcessPool:
            self._broken()
            return normalise_chunk(values, self.region)

    def result(self, fut: Future[Normalised] | Normalised, values: list[CellValue]) -> Normalised:
        if not isinstance(fut, Future):
            return fut
        try:
            return fut.result()
        except BrokenProcessPool:  # a worker could not start (no importable __main__, frozen app…): go on here
            self._broken()
            return normalise_chunk(values, self.region)

    def _broken(self) -> None:
        if self.pool is not None:
            logger.warning("phone worker process failed; normalising in this process")
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


class Walk:
    """The validation pass: rows fed in sheet order become stored columns, phones normalised, duplicates
    found. With ``keep_keys`` it also keeps every row's E.164 as a number (``keys``) for the parent that
    merges this walk's columns into its own (part_worker)."""

    def __init__(self, mapping: ColumnMapping, cancel: threading.Event | None, progress: Progress | None,
                 pipeline: Pipeline, *, keep_keys: bool = False, elsewhere: Callable[[], int] | None = None,
                 counters: Sequence[int] = (), others: Sequence[tuple[str, int]] = ()) -> None:
        f = mapping.fields
        # running-number columns (STT 1..200 of a template): a row holding nothing else is blank
        self.counters = frozenset(counters) - set(f.values())
        self.pc, self.nc, self.ec = f["phone"], f.get("name"), f.get("email")
        self.first_col, self.last_col = f.get("first_name"), f.get("last_name")
        self.extra_cols = {k: c for k, c in f.items() if k not in ("phone", "name", "email")}
        self.compose = self.nc is None and ("first_name" in f or "last_name" in f)
        self.cancel, self.progress, self.pipeline = cancel, progress, pipeline
        self.store = ColumnStore()
        self.store.extras = {k: PackedStrings() for k in self.extra_cols}
        # the unmapped columns (header, column): kept for the report, never sent
        self.other_cols = [(h, c) for h, c in others if c not in set(f.values())]
        self.store.others = {h: PackedStrings() for h, _ in self.other_cols}
        self.seen: dict[int, int] = {}  # E.164 as a number -> index of its first row
        self.keys = array("q") if keep_keys else None  # every row's E.164 as a number (-1: invalid)
        self.dup_of: dict[int, int] = {}
        self.blank = 0
        self.done = 0  # rows walked, blank ones included
        self.poll_elsewhere = elsewhere  # rows walked so far by a child process (the sheet's last part)
        self.elsewhere = 0
        self.pending: deque[_Pending] = deque()

    def tick(self, elsewhere: int | None = None) -> None:
        """Report rows walked here plus those a child process has walked (``elsewhere``, else asked for)."""
        if elsewhere is not None:
            self.elsewhere = elsewhere
        elif self.poll_elsewhere is not None:
            self.elsewhere = self.poll_elsewhere()
        if self.progress is not None:
            self.progress(self.done + self.elsewhere)

    def alone(self) -> None:
        """No child walks rows any more (its rows are merged, or it was lost and they are walked here)."""
        self.poll_elsewhere, self.elsewhere = None, 0

    def feed(self, data: Iterator[list[CellValue]], first_row: int) -> None:
        """Walk ``data``, whose first row is the sheet's row ``first_row`` (1-based)."""
        store, pipeline, pending = self.store, self.pipeline, self.pending
        row_no = first_row
        while True:
            check_cancel(self.cancel)
            chunk = list(itertools.islice(data, CHUNK))
            if not chunk:
                break
            numbers: Sequence[int]
            counters = self.counters
            if all(map(any, chunk)) and (not counters or all(_column(chunk, self.pc, min(map(len, chunk))))):
                # the common case: no blank row in the chunk (with running numbers: every row has a phone)
                kept, numbers = chunk, range(row_no, row_no + len(chunk))
                row_no += len(chunk)
            else:
                numbers, kept = [], []
                for r in chunk:
                    if _filled(r, counters):
                        kept.append(r)
                        numbers.append(row_no)
                    else:
                        self.blank += 1
                    row_no += 1
            self.done += len(chunk)
            if not kept:
                continue
            shortest = min(map(len, kept))
            phones = _column(kept, self.pc, shortest)
            store.original.extend(_texts(phones))
            if self.compose:
                firsts = _texts(_column(kept, self.first_col, shortest))
                lasts = _texts(_column(kept, self.last_col, shortest))
                store.name.extend(" ".join(p for p in pair if p) for pair in zip(firsts, lasts, strict=True))
            else:
                store.name.extend(_texts(_column(kept, self.nc, shortest)))
            store.email.extend(map(str.strip, _texts(_column(kept, self.ec, shortest))))
            for key, col in self.extra_cols.items():
                store.extras[key].extend(_texts(_column(kept, col, shortest)))
            for key, col in self.other_cols:
                store.others[key].extend(_texts(_column(kept, col, shortest)))
            queued = sum(1 for item in pending if isinstance(item[0], Future))
            pending.append((pipeline.submit(phones, busy=queued >= pipeline.depth), numbers, phones))
            while pending and (len(pending) > MAX_PENDING or not isinstance(pending[0][0], Future)
                               or pending[0][0].done()):
                self._absorb(pending.popleft())  # waits for the oldest when too many queue
            self.tick()
        self.drain()

    def drain(self) -> None:
        while self.pending:
            check_cancel(self.cancel)
            self._absorb(self.pending.popleft())

    def _absorb(self, item: _Pending) -> None:
        fut, numbers, values = item
        col = self.pipeline.result(fut, values)
        store = self.store
        base = len(store.row_no)
        n = len(numbers)
        store.row_no.extend(numbers)
        store.status.frombytes(col.status)
        store.e164.extend(col.e164)
        if col.status.count(0) == n:  # every phone plainly valid: no reason, no message
            store.reason.frombytes(bytes(2 * n))
            store.message.frombytes(bytes(4 * n))
        else:
            reasons = [store.reasons.code(outcome[1]) for outcome in col.outcomes]
            messages = [store.messages.code(outcome[2]) for outcome in col.outcomes]
            store.reason.fromlist(list(map(reasons.__getitem__, col.outcome)))
            store.message.fromlist(list(map(messages.__getitem__, col.outcome)))
            for i, suggestion in col.suggestions.items():
                store.suggestion[base + i] = suggestion
            store.numbers.update((base + i, found) for i, found in col.numbers.items())
        self._dedupe(col.e164, base)

    def _dedupe(self, e164s: Sequence[str], base: int) -> None:
        keys = list(map(int, e164s if all(e164s) else [e or "-1" for e in e164s]))  # '' (invalid) -> -1
        if self.keys is not None:
            self.keys.extend(keys)
        indexes = range(base, base + len(keys))
        firsts = list(map(self.seen.setdefault, keys, indexes))
        row_no, dup_of = self.store.row_no, self.dup_of
        for i in itertools.compress(indexes, map(operator.ne, firsts, indexes)):
            if keys[i - base] != -1:
                dup_of[i] = row_no[firsts[i - base]]

    def merge(self, part: ColumnStore, blank: int, walked: int, keys: Sequence[int], dup_of: dict[int, int]) -> None:
        """Append the columns of the sheet's last rows, walked elsewhere: ``keys`` are their E.164 as numbers
        (-1: invalid), ``dup_of`` their duplicates among themselves. No rows may follow."""
        store = self.store
        base = len(store.row_no)
        store.row_no.extend(part.row_no)
        store.status.extend(part.status)
        store.reason.extend(_recoded(part.reason, part.reasons, store.reasons))
        store.message.extend(_recoded(part.message, part.messages, store.messages))
        for mine, theirs in ((store.e164, part.e164), (store.original, part.original), (store.name, part.name),
                             (store.email, part.email), *((store.extras[k], part.extras[k]) for k in store.extras),
                             *((store.others[k], part.others[k]) for k in store.others)):
            mine.extend_packed(theirs)
        store.suggestion.update((base + i, v) for i, v in part.suggestion.items())
        store.numbers.update((base + i, v) for i, v in part.numbers.items())
        self.dup_of.update((base + i, first) for i, first in dup_of.items())
        seen_here = set(filter(self.seen.__contains__, keys))  # phones of these rows already on earlier rows
        seen_here.discard(-1)
        if seen_here:
            first, row_no = self.seen, store.row_no
            for i in itertools.compress(range(len(keys)), map(seen_here.__contains__, keys)):
                self.dup_of[base + i] = row_no[first[keys[i]]]
        self.seen.clear()  # no rows follow
        self.blank += blank
        self.done += walked
        self.alone()
        self.tick()


def _recoded(codes: array[int], theirs: Interner, mine: Interner) -> array[int]:
    """``codes`` of ``theirs`` as codes of ``mine``."""
    if codes.count(0) == len(codes):
        return codes
    table = [mine.code(value) for value in theirs.values]
    return array(codes.typecode, map(table.__getitem__, codes))


def walk_rows(data: Iterator[list[CellValue]], first_row: int, mapping: ColumnMapping, region: str,
              progress: Progress | None = None, counters: Sequence[int] = (),
              others: Sequence[tuple[str, int]] = ()) -> Outcome:
    """What Walk.merge takes: a child process's share of a big sheet (its last rows)."""
    walk = Walk(mapping, None, progress, Pipeline(region, 0), keep_keys=True, counters=counters, others=others)
    walk.feed(data, first_row)
    assert walk.keys is not None
    return walk.store, walk.blank, walk.done, walk.keys, walk.dup_of

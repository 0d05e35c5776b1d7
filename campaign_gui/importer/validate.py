"""Validate a sheet in one streaming pass: header, mapping, phones in chunks, dedupe on E.164."""

from __future__ import annotations

import datetime
import gc
import itertools
import logging
import multiprocessing
import operator
import os
import threading
import unicodedata
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import cast

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.importer.columns import PackedStrings
from campaign_gui.importer.header import detect_header, header_names
from campaign_gui.importer.mapping import Extra, propose_mapping
from campaign_gui.importer.phone_worker import Normalised, normalise_chunk
from campaign_gui.importer.reader import open_source
from campaign_gui.importer.result import ColumnStore, ValidationResult
from campaign_gui.importer.source import Cancelled, CellValue, Source, check_cancel
from campaign_gui.importer.types import ColumnMapping

logger = logging.getLogger(__name__)

__all__ = ["Cancelled", "ValidationResult", "validate_file", "validate_sheet"]

CHUNK = 10_000
MAX_PENDING = 6  # chunks read but not yet stored: bounds memory when the workers fall behind
HEAD_ROWS = 60
Progress = Callable[[int], None]  # rows read so far
_Pending = tuple["Future[Normalised] | Normalised", Sequence[int], list[CellValue]]
MappingChooser = Callable[[list[str], Sequence[Sequence[CellValue]]], ColumnMapping]


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


def _column(rows: list[list[CellValue]], col: int | None, shortest: int) -> list[CellValue]:
    if col is None:
        return [""] * len(rows)
    if col < shortest:
        return list(map(operator.itemgetter(col), rows))
    return [r[col] if len(r) > col else "" for r in rows]


def validate_sheet(source: Source, sheet: str | int | None, header_row: int | None,
                   mapping: ColumnMapping | MappingChooser | None, region: str, *, cancel: threading.Event | None = None,
                   progress: Progress | None = None, workers: int | None = None,
                   extras: Sequence[Extra] = ()) -> ValidationResult:
    """Validate every data row of ``sheet``.

    ``header_row`` is 1-based (0 = no header row, None = detect); ``mapping`` None = propose one, or a
    callable ``(columns, sample_rows) -> ColumnMapping`` deciding once the header is known.
    ``workers`` > 0 normalises phones in that many child processes (None = auto: none, see _auto_workers).
    Raises ImportInputError (no phone column, unknown sheet) or Cancelled.
    """
    idx = source.resolve_sheet(sheet)
    pipeline = _Pipeline(region, _auto_workers(source, workers))  # workers start while the sheet is parsed
    collecting = gc.isenabled()
    # Row lists, cells and answers form no reference cycles: without the cyclic collector walking the
    # rows in flight again and again, a million-row sheet validates 0.8-2 s sooner (benchmarks/validate_bench.py).
    gc.disable()
    try:
        return _validate(source, idx, header_row, mapping, region, cancel, progress, extras, pipeline)
    finally:
        if collecting:
            gc.enable()
        pipeline.close()


def _validate(source: Source, idx: int, header_row: int | None, mapping: ColumnMapping | MappingChooser | None,
              region: str, cancel: threading.Event | None, progress: Progress | None, extras: Sequence[Extra],
              pipeline: _Pipeline) -> ValidationResult:
    rows = source.iter_rows_fast(idx, cancel=cancel)
    head = list(itertools.islice(rows, HEAD_ROWS))
    if header_row is None:
        found = detect_header(head)
        header_row = 0 if found is None else found + 1
    if header_row < 0:
        raise ImportInputError("The header row must be 1 or more (0 = no header).", kind="bad_header_row")
    if header_row + 20 > len(head):
        head.extend(itertools.islice(rows, header_row + 20 - len(head)))
    width = max((len(r) for r in head), default=0)
    header = head[header_row - 1] if 0 < header_row <= len(head) else None
    columns = header_names(header, width)
    if mapping is None:
        mapping = propose_mapping(columns, head[header_row:], region=region, extras=extras)
    elif not isinstance(mapping, ColumnMapping):
        mapping = mapping(columns, head[header_row:])
    if "phone" not in mapping.fields:
        raise ImportInputError("No phone column was found: choose which column holds the phone numbers "
                               "(e.g. --map phone=B).", kind="no_phone")
    data = itertools.chain(head[header_row:], rows)
    store, blank, dup_of = _run(data, header_row + 1, mapping, cancel, progress, pipeline)
    return ValidationResult(store, sheet=source.sheet_names[idx], header_row=header_row, columns=columns,
                            mapping=mapping, region=region, blank=blank, warnings=source.warnings, dup_of=dup_of)


def _auto_workers(source: Source, workers: int | None) -> int:
    """Worker processes to use. Auto is none: phones are answered as columns in this process, and on two
    cores the calamine threads already use the second core; a worker cost ~2 CPU-s more per million rows
    (start-up, pickling chunks) for no wall-time gain in benchmarks/validate_bench.py."""
    del source
    return 0 if workers is None else workers


class _Pipeline:
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


def _run(data: Iterator[list[CellValue]], first_row: int, mapping: ColumnMapping,
         cancel: threading.Event | None, progress: Progress | None,
         pipeline: _Pipeline) -> tuple[ColumnStore, int, dict[int, int]]:
    f = mapping.fields
    pc, nc, ec = f["phone"], f.get("name"), f.get("email")
    extra_cols = {k: c for k, c in f.items() if k not in ("phone", "name", "email")}
    compose = nc is None and ("first_name" in f or "last_name" in f)
    store = ColumnStore()
    store.extras = {k: PackedStrings() for k in extra_cols}
    seen: dict[int, int] = {}  # E.164 as a number -> index of its first row
    dup_of: dict[int, int] = {}
    blank = 0
    row_no = first_row
    done = 0
    pending: deque[_Pending] = deque()
    while True:
        check_cancel(cancel)
        chunk = list(itertools.islice(data, CHUNK))
        if not chunk:
            break
        numbers: Sequence[int]
        if all(map(any, chunk)):  # the common case: no blank row in the chunk
            kept, numbers = chunk, range(row_no, row_no + len(chunk))
            row_no += len(chunk)
        else:
            numbers, kept = [], []
            for r in chunk:
                if any(r) or not all(v is None or v == "" for v in r):
                    kept.append(r)
                    numbers.append(row_no)
                else:
                    blank += 1
                row_no += 1
        done += len(chunk)
        if not kept:
            continue
        shortest = min(map(len, kept))
        phones = _column(kept, pc, shortest)
        store.original.extend(_texts(phones))
        if compose:
            firsts = _texts(_column(kept, f.get("first_name"), shortest))
            lasts = _texts(_column(kept, f.get("last_name"), shortest))
            store.name.extend(" ".join(p for p in pair if p) for pair in zip(firsts, lasts, strict=True))
        else:
            store.name.extend(_texts(_column(kept, nc, shortest)))
        store.email.extend(map(str.strip, _texts(_column(kept, ec, shortest))))
        for key, col in extra_cols.items():
            store.extras[key].extend(_texts(_column(kept, col, shortest)))
        queued = sum(1 for item in pending if isinstance(item[0], Future))
        pending.append((pipeline.submit(phones, busy=queued >= pipeline.depth), numbers, phones))
        while pending and (len(pending) > MAX_PENDING or not isinstance(pending[0][0], Future)
                           or pending[0][0].done()):
            _absorb(store, pending.popleft(), pipeline, seen, dup_of)  # waits for the oldest when too many queue
        if progress is not None:
            progress(done)
    while pending:
        check_cancel(cancel)
        _absorb(store, pending.popleft(), pipeline, seen, dup_of)
    return store, blank, dup_of


def _absorb(store: ColumnStore, item: _Pending, pipeline: _Pipeline, seen: dict[int, int],
            dup_of: dict[int, int]) -> None:
    fut, numbers, values = item
    col = pipeline.result(fut, values)
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
    e164s = col.e164
    keys = e164s if all(e164s) else [e or "-1" for e in e164s]  # '' (invalid) -> -1, never a phone
    indexes = range(base, base + n)
    firsts = list(map(seen.setdefault, map(int, keys), indexes))
    row_no = store.row_no
    for i in itertools.compress(indexes, map(operator.ne, firsts, indexes)):
        if e164s[i - base]:
            dup_of[i] = row_no[firsts[i - base]]


def validate_file(path: str | os.PathLike[str], *, sheet: str | int | None = None, header_row: int | None = None,
                  mapping: ColumnMapping | None = None, region: str = "VN", encoding: str | None = None,
                  cancel: threading.Event | None = None, progress: Progress | None = None,
                  workers: int | None = None, extras: Sequence[Extra] = ()) -> ValidationResult:
    """Open ``path`` and validate one sheet (the first visible one by default)."""
    with open_source(Path(path), encoding=encoding) as source:
        return validate_sheet(source, sheet, header_row, mapping, region, cancel=cancel, progress=progress,
                              workers=workers, extras=extras)

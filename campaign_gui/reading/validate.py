"""Validate a sheet in one streaming pass: header, mapping, phones in chunks, dedupe on E.164."""

from __future__ import annotations

import gc
import itertools
import logging
import os
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading.country import country_message, foreign_country, mark_foreign
from campaign_gui.reading.header import detect_header, header_names
from campaign_gui.reading.mapping import Extra, counter_columns, propose_mapping
from campaign_gui.reading.part_worker import MIN_START, PartWorker, WorkerLost
from campaign_gui.reading.reader import open_source
from campaign_gui.reading.result import ValidationResult
from campaign_gui.reading.sheet_choice import resolve_default_sheet
from campaign_gui.reading.source import Cancelled, CellValue, Source
from campaign_gui.reading.types import ColumnMapping
from campaign_gui.reading.walk import Pipeline, Progress, Walk, cell_text

logger = logging.getLogger(__name__)

__all__ = ["Cancelled", "ValidationResult", "cell_text", "validate_file", "validate_sheet"]

HEAD_ROWS = 60
MappingChooser = Callable[[list[str], Sequence[Sequence[CellValue]]], ColumnMapping]


def validate_sheet(source: Source, sheet: str | int | None, header_row: int | None,
                   mapping: ColumnMapping | MappingChooser | None, region: str, *, cancel: threading.Event | None = None,
                   progress: Progress | None = None, workers: int | None = None,
                   extras: Sequence[Extra] = (), offload: bool = True) -> ValidationResult:
    """Validate every data row of ``sheet``.

    ``header_row`` is 1-based (0 = no header row, None = detect); ``mapping`` None = propose one, or a
    callable ``(columns, sample_rows) -> ColumnMapping`` deciding once the header is known.
    ``workers`` > 0 normalises phones in that many child processes (None = auto: none, see _auto_workers).
    ``offload``: a big .xlsx sheet's last part is walked by a child process (see part_worker).
    ``sheet`` None: the sheet that holds the contacts (sheet_choice; the first visible one unless it holds none).
    Raises ImportInputError (no phone column, unknown sheet, several sheets to choose from) or Cancelled.
    """
    idx = resolve_default_sheet(source, region) if sheet is None else source.resolve_sheet(sheet)
    pipeline = Pipeline(region, _auto_workers(source, workers))  # workers start while the sheet is parsed
    part = PartWorker(region) if offload and (header_row is None or header_row + HEAD_ROWS < MIN_START) else None
    collecting = gc.isenabled()
    # Row lists, cells and answers form no reference cycles: without the cyclic collector walking the
    # rows in flight again and again, a million-row sheet validates 0.8-2 s sooner (benchmarks/validate_bench.py).
    gc.disable()
    try:
        return _validate(source, idx, header_row, mapping, region, cancel, progress, extras, pipeline, part)
    finally:
        if collecting:
            gc.enable()
        pipeline.close()
        if part is not None:
            part.close()


def _validate(source: Source, idx: int, header_row: int | None, mapping: ColumnMapping | MappingChooser | None,
              region: str, cancel: threading.Event | None, progress: Progress | None, extras: Sequence[Extra],
              pipeline: Pipeline, part: PartWorker | None) -> ValidationResult:
    rows = source.iter_rows_fast(idx, cancel=cancel, offload=part)
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
    counters = counter_columns(columns if header_row else [], head[header_row:], mapping)
    mapped = set(mapping.fields.values())
    others = [(name, col) for col, name in enumerate(columns) if col not in mapped]  # kept for the report
    remote = part if part is not None and part.taken else None
    if remote is not None:
        remote.walk(header_row, mapping, counters, others)
    walk = Walk(mapping, cancel, progress, pipeline, elsewhere=remote.poll if remote is not None else None,
                counters=counters, others=others)
    walk.feed(itertools.chain(head[header_row:], rows), header_row + 1)
    if remote is not None:
        try:
            walk.merge(*remote.result(cancel, walk.tick))
        except WorkerLost:
            walk.alone()
            walk.feed(remote.local_rows(cancel), remote.skip + 1)
    warnings = list(source.warnings)
    hint = foreign_country(walk.store, region)
    if hint is not None and mark_foreign(walk.store, region, hint):
        warnings.append(country_message(hint, region))
    return ValidationResult(walk.store, sheet=source.sheet_names[idx], header_row=header_row, columns=columns,
                            mapping=mapping, region=region, blank=walk.blank, warnings=warnings,
                            dup_of=walk.dup_of, country_hint=hint)


def _auto_workers(source: Source, workers: int | None) -> int:
    """Worker processes to use. Auto is none: phones are answered as columns in this process, and on two
    cores the calamine threads already use the second core; a worker cost ~2 CPU-s more per million rows
    (start-up, pickling chunks) for no wall-time gain in benchmarks/validate_bench.py."""
    del source
    return 0 if workers is None else workers


def validate_file(path: str | os.PathLike[str], *, sheet: str | int | None = None, header_row: int | None = None,
                  mapping: ColumnMapping | None = None, region: str = "VN", encoding: str | None = None,
                  cancel: threading.Event | None = None, progress: Progress | None = None,
                  workers: int | None = None, extras: Sequence[Extra] = (), offload: bool = True) -> ValidationResult:
    """Open ``path`` and validate one sheet (the first visible one by default)."""
    with open_source(Path(path), encoding=encoding) as source:
        return validate_sheet(source, sheet, header_row, mapping, region, cancel=cancel, progress=progress,
                              workers=workers, extras=extras, offload=offload)

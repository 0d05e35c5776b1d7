"""Reading and validation off the GUI process: a warm child process with progress and cancel."""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import queue
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from campaign_gui.reading.mapping import Extra
from campaign_gui.reading.target_rules import TargetRules
from campaign_gui.reading.types import ColumnMapping
from campaign_gui.reading.validate import ValidationResult, cell_text

logger = logging.getLogger(__name__)

PREVIEW_ROWS = 60
CANCEL_ALL = -2


@dataclass(frozen=True)
class SheetSummary:
    """One sheet as the file page shows it."""

    name: str
    index: int
    rows: int
    cols: int
    hidden: bool


@dataclass(frozen=True)
class FileSummary:
    """What a file is and holds: ``kind`` (xlsx, csv…), its sheets, reader warnings, CSV encoding."""

    path: str
    kind: str
    sheets: tuple[SheetSummary, ...]
    warnings: tuple[str, ...] = ()
    encoding: str | None = None
    delimiter: str | None = None
    # the sheet holding the contacts (reading.sheet_choice): ``chosen`` None = the user must choose among
    # ``contenders``; ``skipped``: the first visible sheet, passed over as it holds no contact list
    chosen: int | None = 0
    skipped: str = ""
    contenders: tuple[str, ...] = ()

    @property
    def first_visible(self) -> int:
        return next((s.index for s in self.sheets if not s.hidden), 0)

    @property
    def suggested(self) -> int | None:
        """The sheet to preselect: the chosen one, the first visible one by default, None when asking."""
        if self.chosen is None:
            return None
        return self.chosen if any(s.index == self.chosen for s in self.sheets) else self.first_visible


@dataclass(frozen=True)
class SheetPreview:
    """The first rows of a sheet as text, the detected header (1-based, 0 = none) and column names."""

    sheet: str
    rows: tuple[tuple[str, ...], ...]
    raw: tuple[tuple[Any, ...], ...]
    detected_header: int
    width: int


@dataclass(frozen=True)
class ValidationRequest:
    """Everything the child needs to validate one sheet."""

    path: str
    sheet: str | int | None
    header_row: int | None
    mapping: ColumnMapping | None
    region: str
    encoding: str | None = None
    extras: Sequence[Extra] = field(default_factory=tuple)
    target: TargetRules | None = None  # the target provider's own rules (countries, fixed lines for SMS)


# --- functions that run in the child (module level: picklable) -------------------------------------

_progress: Any = None
_cancel: Any = None


def _init_child(progress: Any, cancel: Any) -> None:
    global _progress, _cancel
    _progress, _cancel = progress, cancel


class _TicketCancel:
    """Looks like a threading.Event to the importer: set when the shared cancel ticket is ours."""

    def __init__(self, ticket: int, shared: Any, local: Any = None) -> None:
        self._ticket = ticket
        self._shared = shared
        self._local = local

    def is_set(self) -> bool:
        if self._local is not None and self._local.is_set():
            return True
        return self._shared is not None and self._shared.value in (self._ticket, CANCEL_ALL)


def inspect_file(path: str, encoding: str | None = None, region: str = "VN") -> FileSummary:
    """Identify the file, list its sheets with row counts (loads each sheet once), choose the contacts' sheet."""
    from campaign_gui.reading.reader import open_source
    from campaign_gui.reading.sheet_choice import choose_sheet

    with open_source(Path(path), encoding=encoding) as source:
        sheets = tuple(SheetSummary(s.name, s.index, s.rows, s.cols, s.hidden) for s in source.sheets)
        choice = choose_sheet(source, region)
        return FileSummary(path=path, kind=source.kind, sheets=sheets, warnings=tuple(source.warnings),
                           encoding=source.encoding, delimiter=source.delimiter, chosen=choice.index,
                           skipped=choice.skipped or "", contenders=tuple(s.name for s in choice.contenders))


def preview_sheet(path: str, sheet: int, encoding: str | None = None, rows: int = PREVIEW_ROWS) -> SheetPreview:
    from campaign_gui.reading.header import detect_header
    from campaign_gui.reading.reader import open_source

    with open_source(Path(path), encoding=encoding) as source:
        raw = source.preview(sheet, rows)
        name = source.sheet_names[sheet]
    found = detect_header(raw)
    width = max((len(r) for r in raw), default=0)
    text = tuple(tuple(cell_text(v) for v in r) + ("",) * (width - len(r)) for r in raw)
    return SheetPreview(sheet=name, rows=text, raw=tuple(tuple(r) for r in raw),
                        detected_header=0 if found is None else found + 1, width=width)


def validate_request(request: ValidationRequest, ticket: int = 0, local_cancel: Any = None,
                     local_progress: Callable[[int], None] | None = None) -> ValidationResult:
    """Validate in this process; progress goes to the shared queue (child) or ``local_progress``."""
    from campaign_gui.reading.validate import validate_file

    cancel = _TicketCancel(ticket, _cancel, local_cancel)
    sink = _progress

    def progress(done: int) -> None:
        if local_progress is not None:
            local_progress(done)
        elif sink is not None:
            try:
                sink.put_nowait((ticket, done))
            except Exception:  # a full queue only loses a progress tick
                pass

    result = validate_file(request.path, sheet=request.sheet, header_row=request.header_row,
                           mapping=request.mapping, region=request.region, encoding=request.encoding,
                           cancel=cancel, progress=progress, workers=0,  # type: ignore[arg-type]
                           extras=request.extras)
    return result.for_target(request.target) if request.target is not None else result


def _warm() -> bool:
    import campaign_gui.domain.phones
    import campaign_gui.reading.reader  # noqa: F401

    return True


# --- the GUI side ----------------------------------------------------------------------------------


class ImportWorker:
    """Runs reading/validation in one warm child process (or a thread, ``use_process=False``).

    Progress ticks arrive through ``poll_progress()`` (a QTimer calls it); ``cancel(ticket)`` stops the
    validation with that ticket at its next chunk.
    """

    def __init__(self, use_process: bool = True) -> None:
        self.use_process = use_process
        self._executor: Executor | None = None
        self._ctx = multiprocessing.get_context("spawn")
        self._queue: Any = None
        self._cancel_value: Any = None
        self._local: dict[int, Any] = {}
        self._local_ticks: queue.SimpleQueue[tuple[int, int]] = queue.SimpleQueue()

    def _pool(self) -> Executor:
        if self._executor is None:
            if self.use_process:
                self._queue = self._ctx.Queue(1000)
                self._cancel_value = self._ctx.Value("q", -1)
                self._executor = ProcessPoolExecutor(1, mp_context=self._ctx, initializer=_init_child,
                                                     initargs=(self._queue, self._cancel_value))
            else:
                self._executor = ThreadPoolExecutor(1, thread_name_prefix="import-read")
        return self._executor

    def warm_up(self) -> None:
        """Start the child early so the first file opens quickly."""
        if self.use_process:
            self._pool().submit(_warm)

    async def inspect(self, path: str, encoding: str | None = None, region: str = "VN") -> FileSummary:
        return await asyncio.wrap_future(self._pool().submit(inspect_file, path, encoding, region))

    async def preview(self, path: str, sheet: int, encoding: str | None = None) -> SheetPreview:
        return await asyncio.wrap_future(self._pool().submit(preview_sheet, path, sheet, encoding))

    def validate(self, request: ValidationRequest, ticket: int) -> asyncio.Future[ValidationResult]:
        """Submit at once (so a cancel right after this call is never lost); await the returned future."""
        pool = self._pool()
        if self.use_process:
            if self._cancel_value is not None and self._cancel_value.value == ticket:
                self._cancel_value.value = -1
            return asyncio.wrap_future(pool.submit(validate_request, request, ticket))
        import threading

        event = threading.Event()
        self._local[ticket] = event
        future = asyncio.wrap_future(pool.submit(
            validate_request, request, ticket, event, lambda n: self._local_ticks.put((ticket, n))))
        future.add_done_callback(lambda _f: self._local.pop(ticket, None))
        return future

    def cancel(self, ticket: int) -> None:
        if ticket in self._local:
            self._local[ticket].set()
        elif self._cancel_value is not None:
            self._cancel_value.value = ticket

    def poll_progress(self) -> dict[int, int]:
        """The latest rows-read figure per ticket since the last poll."""
        latest: dict[int, int] = {}
        while True:
            try:
                ticket, done = self._local_ticks.get_nowait()
            except queue.Empty:
                break
            latest[ticket] = done
        if self._queue is not None:
            while True:
                try:
                    ticket, done = self._queue.get_nowait()
                except (queue.Empty, OSError, ValueError):
                    break
                latest[ticket] = done
        return latest

    def shutdown(self) -> None:
        """Stop the child: a running validation stops at its next chunk; waits for the child to exit
        (a child still starting up must not outlive the queue it inherits)."""
        if self._cancel_value is not None:
            self._cancel_value.value = CANCEL_ALL
        for event in self._local.values():
            event.set()
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
        if self._queue is not None:
            self._queue.close()
            self._queue.cancel_join_thread()
            self._queue = None

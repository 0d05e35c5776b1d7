"""The last part of a big .xlsx sheet validated in a child process while this process walks the others.

Walking rows is Python work and holds the GIL: a split sheet's parts parse in parallel, but one thread
walked all their rows, and on two cores the second core sat idle for the last half of a million-row
validation. A spawned child takes the last part instead: it parses it (calamine), walks its rows with the
same code (walk.walk_rows) and sends back the packed columns; the parent appends them and looks for
duplicates across the whole sheet. If the child cannot start or is lost, the parent walks the part itself.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading.source import CellValue, check_cancel
from campaign_gui.reading.types import ColumnMapping
from campaign_gui.reading.walk import Outcome

logger = logging.getLogger(__name__)

MIN_START = 1000  # a last part starting before this row is walked here (the header rows must be local)


class WorkerLost(Exception):
    """The child ended without an answer (killed, out of memory, could not start)."""


class PartWorker:
    """Implements xlsx_split.Offload for validation: one child process, one part."""

    def __init__(self, region: str) -> None:
        self.region = region
        self.src: Path | None = None
        self.sheet_name = ""
        self.proc: Any = None
        self.conn: Any = None
        self.path: Path | None = None
        self.start = 0
        self.skip = 0
        self.walked = 0  # rows the child has walked so far
        self._outcome: Outcome | None = None  # the child's answer, once received

    # --- xlsx_split.Offload ---------------------------------------------------------------------
    def begin(self, src: Path, sheet_name: str) -> None:
        self.src, self.sheet_name = src, sheet_name
        try:
            ctx = multiprocessing.get_context("spawn")
            mine, theirs = ctx.Pipe()
            self.proc = ctx.Process(target=serve, args=(theirs,), name="campaign-gui-part", daemon=True)
            self.proc.start()
            theirs.close()
            self.conn = mine
        except Exception:  # e.g. inside a daemonic process, or no way to start Python
            logger.warning("no child process for the last part; walking it here", exc_info=True)
            self.proc = self.conn = None

    def take(self, path: Path, start: int) -> bool:
        if self.conn is None or start < MIN_START:
            return False
        try:
            self.conn.send(("parse", str(path), self.sheet_name, str(self.src)))
        except (OSError, ValueError):
            return False
        self.path, self.start, self.skip = path, start, start
        return True

    # --- the validation's side ------------------------------------------------------------------
    @property
    def taken(self) -> bool:
        return self.path is not None

    def walk(self, header_row: int, mapping: ColumnMapping, counters: Sequence[int] = (),
             others: Sequence[tuple[str, int]] = ()) -> None:
        """Start walking the part's data rows (those after ``header_row``, 1-based) with ``mapping``;
        ``counters``: running-number columns, ``others``: the unmapped columns kept (walk.Walk)."""
        self.skip = max(self.start, header_row)
        try:
            self.conn.send(("walk", self.skip, dict(mapping.fields), self.region, tuple(counters), tuple(others)))
        except (OSError, ValueError):
            pass  # the child is gone: result() says so

    def poll(self) -> int:
        """Rows the child has walked so far (reads its progress notes without waiting)."""
        try:
            while self.conn is not None and self.conn.poll():
                self._note(self.conn.recv())
        except (EOFError, OSError):
            pass
        return self.walked

    def result(self, cancel: threading.Event | None, progress: Callable[[int], None]) -> Outcome:
        """Wait for the child's columns; raises WorkerLost, ImportInputError (the part cannot be read) or
        Cancelled."""
        while True:
            check_cancel(cancel)
            try:
                if self._outcome is not None:
                    return self._outcome
                if not self.conn.poll(0.1):
                    if not self.proc.is_alive() and not self.conn.poll():
                        raise WorkerLost
                    continue
                self._note(self.conn.recv())
            except (EOFError, OSError):
                raise WorkerLost from None
            progress(self.walked)

    def _note(self, msg: tuple[Any, ...]) -> None:
        if msg[0] == "progress":
            self.walked = msg[1]
        elif msg[0] == "done":
            self._outcome = msg[1]
        elif msg[0] == "error":
            raise ImportInputError(msg[1], kind=msg[2])

    def local_rows(self, cancel: threading.Event | None) -> Iterator[list[CellValue]]:
        """The part's data rows parsed in this process (the child was lost)."""
        from campaign_gui.reading.reader import WorkbookSource, read_error
        from campaign_gui.reading.xlsx_split import parse_part

        assert self.path is not None
        logger.warning("the child process for the last part was lost; walking it here")
        try:
            sheet = parse_part(self.path, self.sheet_name, self.src)
        except BaseException as exc:
            raise read_error(exc) from None
        return WorkbookSource._rows(sheet, self.skip, cancel)

    def close(self) -> None:
        """Stop the child and remove the part's file, however the validation ended: an idle child is told
        to stop, one still at work (a cancel, an error here) is killed at once (it holds nothing to save)."""
        busy = self.taken and self._outcome is None
        if self.conn is not None and not busy:
            try:
                self.conn.send(("stop",))
            except (OSError, ValueError):
                busy = True
        if self.proc is not None:
            if not busy:
                self.proc.join(timeout=2)
            if self.proc.is_alive():
                self.proc.kill()
                self.proc.join()
        if self.conn is not None:
            self.conn.close()
        self.proc = self.conn = None
        if self.path is not None:
            try:
                self.path.unlink()
            except OSError:
                pass


# --- the child ---------------------------------------------------------------------------------------

def serve(conn: Any) -> None:
    """The child: parse the part it is given, then walk it once told the header row and the mapping."""
    from campaign_gui.reading.reader import WorkbookSource, read_error
    from campaign_gui.reading.walk import walk_rows
    from campaign_gui.reading.xlsx_split import parse_part

    gc.disable()  # as validate_sheet: the rows form no cycles
    sheet: Any = None
    failed: ImportInputError | None = None
    try:
        while True:
            msg = conn.recv()
            if msg[0] == "parse":
                try:
                    sheet = parse_part(Path(msg[1]), msg[2], Path(msg[3]))
                except Exception as exc:
                    error = read_error(exc)
                    failed = error if isinstance(error, ImportInputError) else ImportInputError(str(error))
            elif msg[0] == "walk":
                if failed is not None:
                    conn.send(("error", failed.message, failed.kind))
                    continue
                _, skip, fields, region, counters, others = msg
                rows = WorkbookSource._rows(sheet, skip, None)
                sheet = None  # the rows iterator holds it; freed once walked
                conn.send(("done", walk_rows(rows, skip + 1, ColumnMapping(fields), region,
                                             lambda n: conn.send(("progress", n)), counters, others)))
            else:
                return
    except (EOFError, OSError, KeyboardInterrupt):
        return

"""The reading contract shared by the workbook and CSV readers: Source, SheetInfo, CellValue."""

from __future__ import annotations

import abc
import datetime
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from campaign_gui.domain.errors import ImportInputError

if TYPE_CHECKING:
    from campaign_gui.reading.xlsx_split import Offload

CellValue = str | int | float | bool | datetime.datetime | datetime.date | datetime.time | datetime.timedelta | None


class Cancelled(Exception):
    """Reading or validation was cancelled through the caller's ``threading.Event``."""


@dataclass(frozen=True)
class SheetInfo:
    """One sheet: ``rows``/``cols`` as the reader reports them (calamine's used range, CSV records)."""

    name: str
    index: int
    rows: int
    cols: int
    hidden: bool = False


class Source(abc.ABC):
    """An opened input file. Row indexes are 0-based and absolute (row 0 is the sheet's first row)."""

    kind: str  # xlsx, xlsm, xlsb, xls, ods, csv
    path: Path
    encoding: str | None = None  # CSV only: the encoding used
    delimiter: str | None = None  # CSV only

    def __init__(self) -> None:
        self.warnings: list[str] = []

    @property
    @abc.abstractmethod
    def sheet_names(self) -> list[str]:
        """All sheet names, in workbook order (cheap: does not load the sheets)."""

    @property
    @abc.abstractmethod
    def sheets(self) -> list[SheetInfo]:
        """All sheets with their sizes (loads each sheet once; may take a while on big workbooks)."""

    def sheet_info(self, sheet: str | int) -> SheetInfo:
        """Size and visibility of one sheet."""
        return self.sheets[self.resolve_sheet(sheet)]

    @abc.abstractmethod
    def iter_rows(self, sheet: str | int, *, start_row: int = 0,
                  cancel: threading.Event | None = None) -> Iterator[list[CellValue]]:
        """Yield rows from ``start_row`` on as raw cell values (empty cells are None)."""

    def iter_rows_fast(self, sheet: str | int, *, start_row: int = 0, cancel: threading.Event | None = None,
                       offload: Offload | None = None) -> Iterator[list[CellValue]]:
        """Like :meth:`iter_rows` but empty cells may come as '' and rows may be shorter (validation path)."""
        return self.iter_rows(sheet, start_row=start_row, cancel=cancel)

    def preview(self, sheet: str | int, n: int = 50) -> list[list[CellValue]]:
        """The first ``n`` rows of a sheet."""
        out: list[list[CellValue]] = []
        for row in self.iter_rows(sheet):
            out.append(row)
            if len(out) >= n:
                break
        return out

    def resolve_sheet(self, sheet: str | int | None) -> int:
        """Sheet index for a name, an index or None (the first visible sheet)."""
        names = self.sheet_names
        if sheet is None:
            hidden = self.hidden_sheets()
            for i, name in enumerate(names):
                if name not in hidden:
                    return i
            return 0
        if isinstance(sheet, int):
            if 0 <= sheet < len(names):
                return sheet
        elif sheet in names:
            return names.index(sheet)
        else:
            folded = [n.casefold() for n in names]
            if sheet.casefold() in folded:
                return folded.index(sheet.casefold())
        listed = ", ".join(repr(n) for n in names)
        raise ImportInputError(f"There is no sheet {sheet!r} in this file (sheets: {listed}).", kind="unknown_sheet")

    def hidden_sheets(self) -> set[str]:
        return set()

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release the file and any loaded sheet."""

    def __enter__(self) -> Source:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled("cancelled")

"""Open any supported input file as a Source: calamine for workbooks, the csv module for text."""

from __future__ import annotations

import io
import itertools
import logging
import os
import re
import threading
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import python_calamine as pc

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading import sniff as sn
from campaign_gui.reading import sniff_messages as msg
from campaign_gui.reading.csv_reader import CsvSource
from campaign_gui.reading.repair import Prepared, prepare
from campaign_gui.reading.scratch import scratch_dir
from campaign_gui.reading.sniff_zip import verify_zip_members
from campaign_gui.reading.source import Cancelled, CellValue, SheetInfo, Source, check_cancel
from campaign_gui.reading.xlsx_parts import quick_size, sheet_members, uncached_formulas
from campaign_gui.reading.xlsx_split import SPLIT_MIN, Offload, head_package, iter_split, light_package, parse_part

logger = logging.getLogger(__name__)

__all__ = ["CellValue", "SheetInfo", "Source", "WorkbookSource", "open_source"]

OOXML = ("xlsx", "xlsm")


def open_source(path: str | os.PathLike[str], *, encoding: str | None = None,
                delimiter: str | None = None) -> Source:
    """Identify ``path`` by its bytes and open it; raises ImportInputError with a user message."""
    p = Path(path)
    found = sn.sniff(p)
    if found.kind == "text":
        return CsvSource(p, encoding=encoding, delimiter=delimiter)
    return WorkbookSource(p, found.kind, found.repair)


def col_letter(index: int) -> str:
    """0-based column index -> Excel letters (0 -> A, 27 -> AB)."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


_CODEPAGE = re.compile(r"codepage ([0-9a-f]+) not found")


def _calamine_error(exc: BaseException) -> ImportInputError:
    text = str(exc).lower()
    if isinstance(exc, pc.PasswordError) or "password" in text or "encrypt" in text:
        return ImportInputError(msg.MSG_ENCRYPTED, kind="encrypted")
    codepage = _CODEPAGE.search(text)
    if codepage is not None:  # an old workbook in an 8-bit code page calamine cannot decode
        return ImportInputError(msg.codepage_message(int(codepage.group(1), 16)), kind="codepage")
    return ImportInputError(msg.MSG_CORRUPT, kind="corrupt")


def _reraise_fatal(exc: BaseException) -> BaseException:
    if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit | MemoryError):
        raise exc
    logger.debug("calamine failed: %s", type(exc).__name__)
    return exc


def _zip_error(exc: zipfile.BadZipFile) -> ImportInputError:
    kind = "zip_bomb" if "CRC" in str(exc) else "corrupt"
    return ImportInputError(msg.MSG_BOMB if kind == "zip_bomb" else msg.MSG_CORRUPT, kind=kind)


def read_error(exc: BaseException) -> BaseException:
    """A failure of calamine or zipfile while reading a sheet, in the user's terms (fatal ones as they are)."""
    if isinstance(exc, ImportInputError | Cancelled):
        return exc
    if isinstance(exc, zipfile.BadZipFile):
        return _zip_error(exc)
    return _calamine_error(_reraise_fatal(exc))


def _translated(rows: Iterator[list[CellValue]], close: Callable[[], object]) -> Iterator[list[CellValue]]:
    """Errors of the parallel part loaders surface while iterating: give them the user's terms. ``close``
    stops the loaders and removes their files however the walk ends (even when abandoned)."""
    try:
        yield from rows
    except BaseException as exc:
        raise read_error(exc) from None
    finally:
        close()


class WorkbookSource(Source):
    """A workbook read by python-calamine. One loaded sheet is kept (loading parses the whole sheet).

    ``path`` is the file read: the user's, or the copy reading.repair made of it (then ``origin`` is the
    user's); ``kind`` what the user's file is (an xml2003 or fods file is read as the .xlsx or .ods made of it)."""

    def __init__(self, path: Path, kind: str, repair: str | None = None) -> None:
        super().__init__()
        self.origin = path
        self._prepared: Prepared = prepare(path, kind, repair)
        try:
            self._open(self._prepared.path, self._prepared.kind)
        except BaseException:
            self._prepared.remove()
            raise
        self.kind = kind

    def _open(self, path: Path, kind: str) -> None:
        self.path, self.kind = path, kind
        self._members: dict[str, str] = {}
        self._member_sizes: dict[str, int] = {}
        light: io.BytesIO | None = None
        if kind in OOXML:
            with zipfile.ZipFile(path) as zf:
                self._members = sheet_members(zf)
                self._member_sizes = {i.filename: i.file_size for i in zf.infolist()}
                sheets = set(self._members.values())
                verify_zip_members(path, [m for m in self._member_sizes if m not in sheets])
                try:
                    light = light_package(zf, self._members)
                except BaseException as exc:
                    raise _calamine_error(_reraise_fatal(exc)) from None
        self._wb: Any = None
        try:
            if light is None:
                self._wb = pc.CalamineWorkbook.from_path(str(path))  # by its extension: prepare() saw to it
                self._meta = list(self._wb.sheets_metadata)
            else:
                with pc.CalamineWorkbook.from_filelike(light) as wb:
                    self._meta = list(wb.sheets_metadata)
        except BaseException as exc:  # calamine raises CalamineError, or pyo3's PanicException on odd files
            raise _calamine_error(_reraise_fatal(exc)) from None
        self._loaded: tuple[int, Any] | None = None
        self._infos: dict[int, SheetInfo] = {}
        self._warned: set[int] = set()
        self._lock = threading.Lock()

    @property
    def sheet_names(self) -> list[str]:
        return [m.name for m in self._meta]

    def hidden_sheets(self) -> set[str]:
        return {m.name for m in self._meta if m.visible != pc.SheetVisibleEnum.Visible}

    @property
    def sheets(self) -> list[SheetInfo]:
        return [self.sheet_info(i) for i in range(len(self._meta))]

    def sheet_info(self, sheet: str | int) -> SheetInfo:
        """Size of a sheet. A big OOXML sheet not yet parsed is sized by a streaming scan of its XML
        (the last row that holds cells), which is what calamine reports, in a tenth of the time."""
        idx = self.resolve_sheet(sheet)
        if idx in self._infos:
            return self._infos[idx]
        meta = self._meta[idx]
        member = self._members.get(meta.name)
        if member is not None and self._member_sizes.get(member, 0) >= SPLIT_MIN:
            try:
                size = quick_size(self.path, member)  # zipfile checks the CRC and size on the way
            except zipfile.BadZipFile as exc:
                raise _zip_error(exc) from None
            if size is not None:
                hidden = meta.visible != pc.SheetVisibleEnum.Visible
                return SheetInfo(meta.name, idx, size[0], size[1], hidden)
        self._load(idx)
        return self._infos[idx]

    def _load(self, idx: int) -> Any:
        with self._lock:
            if self._loaded is not None and self._loaded[0] == idx:
                return self._loaded[1]
            self._loaded = None  # drop the previous sheet before parsing the next
            name = self._meta[idx].name
            member = self._members.get(name)
            if member is not None:
                verify_zip_members(self.path, [member])
            try:
                if self._wb is None:  # opened light: the shared strings are parsed now, once needed
                    self._wb = pc.CalamineWorkbook.from_path(str(self.path))
                sheet = self._wb.get_sheet_by_name(name)
            except BaseException as exc:
                raise _calamine_error(_reraise_fatal(exc)) from None
            self._record(idx, sheet)
            self._loaded = (idx, sheet)
            return sheet

    def _record(self, idx: int, sheet: Any) -> None:
        end = sheet.end
        rows, cols = (end[0] + 1, end[1] + 1) if end is not None else (0, 0)
        meta = self._meta[idx]
        self._infos[idx] = SheetInfo(meta.name, idx, rows, cols, meta.visible != pc.SheetVisibleEnum.Visible)
        if idx in self._warned:
            return
        self._warned.add(idx)
        merged = sheet.merged_cell_ranges or []
        if merged:
            refs = [f"{col_letter(a[1])}{a[0] + 1}:{col_letter(b[1])}{b[0] + 1}" for a, b in merged[:10]]
            more = f" and {len(merged) - 10} more" if len(merged) > 10 else ""
            self.warnings.append(f"Sheet '{meta.name}': merged cells {', '.join(refs)}{more}: only the "
                                 "top-left cell of each holds a value; the other cells are read as empty.")
        self._warn_formulas(meta.name)

    def _warn_formulas(self, name: str) -> None:
        member = self._members.get(name)
        if member is None:
            return
        try:
            found = uncached_formulas(self.path, member)
        except Exception:  # a best-effort hint; calamine already read the values
            logger.debug("formula scan failed", exc_info=True)
            return
        if found and found[1]:
            refs, count = found
            self.warnings.append(
                f"Sheet '{name}': {count} formula cell(s) have no saved value ({', '.join(refs[:10])}"
                f"{'…' if count > 10 else ''}); they are read as empty. Open the file in Excel and save it "
                "to store the values.")

    def iter_rows(self, sheet: str | int, *, start_row: int = 0,
                  cancel: threading.Event | None = None) -> Iterator[list[CellValue]]:
        for row in self._rows(self._load(self.resolve_sheet(sheet)), start_row, cancel):
            yield [None if v == "" else v for v in row]

    def iter_rows_fast(self, sheet: str | int, *, start_row: int = 0, cancel: threading.Event | None = None,
                       offload: Offload | None = None) -> Iterator[list[CellValue]]:
        """Validation path: '' for empty cells; big OOXML sheets are parsed in parts in parallel, the last
        of which ``offload`` may take (the rows then end where it starts)."""
        idx = self.resolve_sheet(sheet)
        name = self._meta[idx].name
        member = self._members.get(name)
        loaded = self._loaded is not None and self._loaded[0] == idx
        if (not loaded and member is not None and self._member_sizes.get(member, 0) >= SPLIT_MIN):
            check_cancel(cancel)
            try:
                split = iter_split(self.path, member, name, lambda s, skip: self._rows(s, skip, cancel), offload)
            except BaseException as exc:
                raise read_error(exc) from None
            if split is not None:
                return _translated(itertools.islice(split, start_row, None), split.close)
        return self._rows(self._load(idx), start_row, cancel)

    def preview(self, sheet: str | int, n: int = 50) -> list[list[CellValue]]:
        """First rows; a big OOXML sheet not yet loaded is previewed from its first ~2 MB of XML only."""
        idx = self.resolve_sheet(sheet)
        name = self._meta[idx].name
        member = self._members.get(name)
        loaded = self._loaded is not None and self._loaded[0] == idx
        if loaded or member is None or self._member_sizes.get(member, 0) < SPLIT_MIN:
            return super().preview(idx, n)
        try:
            head = head_package(self.path, member, scratch_dir())
        except (zipfile.BadZipFile, OSError):
            head = None
        if head is None:
            return super().preview(idx, n)
        try:
            part = parse_part(head, name, self.path)
        except BaseException as exc:
            raise read_error(exc) from None
        finally:
            head.unlink(missing_ok=True)
        return [[None if v == "" else v for v in row] for row in itertools.islice(self._rows(part, 0, None), n)]

    @staticmethod
    def _rows(sheet: Any, start_row: int, cancel: threading.Event | None) -> Iterator[list[CellValue]]:
        start = sheet.start
        pad: list[CellValue] = [""] * (start[1] if start else 0)
        rows = itertools.islice(sheet.iter_rows(), start_row, None)
        while batch := list(itertools.islice(rows, 0x4000)):
            check_cancel(cancel)
            yield from ([pad + row for row in batch] if pad else batch)

    def close(self) -> None:
        self._loaded = None
        try:
            if self._wb is not None:
                self._wb.close()
        except pc.CalamineError:
            pass
        finally:
            self._prepared.remove()

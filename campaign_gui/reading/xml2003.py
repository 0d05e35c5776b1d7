"""A SpreadsheetML 2003 workbook (Excel's XML Spreadsheet) converted to an .xlsx calamine reads.

Parsed with defusedxml (iterparse, one row in memory at a time) and written (streaming) with inline strings:
sheets (names, hidden ones), rows and cells at their ``ss:Index``, text, numbers, booleans, dates (as written),
merged ranges; rows, columns and merges beyond an Excel sheet's bounds are refused as damage.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading import sniff_messages as msg
from campaign_gui.reading.repair_package import DOC_RELS, WORKBOOK_TYPE, content_types_xml, rels_xml, zip_writer

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
X = "{urn:schemas-microsoft-com:office:excel}"
MAX_MERGES = 10_000
MAX_ROWS, MAX_COLS = 1_048_576, 16_384  # Excel's sheet


def _number(text: str) -> str | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return text.strip() if value == value and abs(value) != float("inf") else None


def _cell_xml(ref: str, kind: str, text: str) -> str:
    if kind == "String":
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'
    if kind == "Number" and (number := _number(text)) is not None:
        return f'<c r="{ref}"><v>{number}</v></c>'
    if kind == "Boolean" and text.strip() in ("0", "1"):
        return f'<c r="{ref}" t="b"><v>{text.strip()}</v></c>'
    if kind == "DateTime" and text.endswith("T00:00:00.000"):
        text = text[:10]
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>'


def _col(index: int) -> str:
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def _index(el: Any, default: int) -> int:
    raw = el.get(f"{SS}Index")
    try:
        return max(int(raw) - 1, default) if raw is not None else default
    except ValueError:
        return default


def _span(el: Any, name: str) -> int:
    try:
        return max(int(el.get(f"{SS}{name}", "0")), 0)
    except ValueError:
        return 0


def _events(path: Path) -> Iterator[tuple[str, Any]]:
    try:
        with path.open("rb") as fh:
            yield from DET.iterparse(fh, events=("start", "end"), forbid_dtd=True, forbid_entities=True,
                                     forbid_external=True)
    except DefusedXmlException:
        raise ImportInputError(msg.MSG_XML, kind="xml_entities") from None
    except DET.ParseError:
        raise ImportInputError(msg.MSG_CORRUPT, kind="corrupt") from None


def convert_xml2003(src: Path, dest: Path) -> None:
    """SpreadsheetML 2003 -> .xlsx: sheets (names, hidden ones), rows and cells at their ``ss:Index``,
    text, numbers, booleans, dates (as written), merged ranges. One row is held at a time."""
    with zip_writer(dest) as out:
        writer = _SheetWriter(out)
        try:
            for event, el in _events(src):
                writer.event(event, el)
        finally:
            writer.close()
        _finish_workbook(out, writer.sheets)


class _SheetWriter:
    """The rows of each ``<Worksheet>`` into its own sheet part, as they end."""

    def __init__(self, out: zipfile.ZipFile) -> None:
        self.out = out
        self.sheets: list[tuple[str, str]] = []
        self.sink: IO[bytes] | None = None
        self.table: Any = None
        self.row_no = -1
        self.merges: list[str] = []

    def event(self, event: str, el: Any) -> None:
        tag = el.tag
        if event == "start":
            if tag == f"{SS}Worksheet":
                self.close()
                self.sheets.append((el.get(f"{SS}Name") or f"Sheet{len(self.sheets) + 1}", "visible"))
                self.sink = self.out.open(f"xl/worksheets/sheet{len(self.sheets)}.xml", "w", force_zip64=True)
                self.sink.write(f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'
                                .encode())
                self.row_no, self.merges = -1, []
            elif tag == f"{SS}Table":
                self.table = el
        elif tag == f"{SS}Row" and self.sink is not None:
            self.row_no = _index(el, self.row_no + 1)
            if self.row_no >= MAX_ROWS:  # beyond any sheet (calamine would size its grid by it)
                raise ImportInputError(msg.MSG_CORRUPT, kind="corrupt")
            self.sink.write(_row_xml(el, self.row_no, self.merges).encode("utf-8"))
            self.row_no += _span(el, "Span")
            if self.table is not None:
                self.table.clear()
        elif tag == f"{X}Visible" and self.sheets and (el.text or "").strip() in ("SheetHidden", "SheetVeryHidden"):
            state = "hidden" if el.text.strip() == "SheetHidden" else "veryHidden"
            self.sheets[-1] = (self.sheets[-1][0], state)
        elif tag == f"{SS}Worksheet":
            if self.sink is not None:
                tail = "</sheetData>"
                if self.merges:
                    tail += f'<mergeCells count="{len(self.merges)}">' + "".join(
                        f'<mergeCell ref="{m}"/>' for m in self.merges) + "</mergeCells>"
                self.sink.write((tail + "</worksheet>").encode())
            self.close()
            el.clear()

    def close(self) -> None:
        """Close the open sheet part (also when the conversion fails: the package can then be closed)."""
        if self.sink is not None:
            self.sink.close()
        self.sink, self.table = None, None


_CELL, _DATA, _INDEX, _TYPE = f"{SS}Cell", f"{SS}Data", f"{SS}Index", f"{SS}Type"
_ACROSS, _DOWN = f"{SS}MergeAcross", f"{SS}MergeDown"


def _row_xml(row: Any, row_no: int, merges: list[str]) -> str:
    cells: list[str] = []
    col = -1
    suffix = str(row_no + 1)
    for cell in row:
        if cell.tag != _CELL:
            continue
        col = _index(cell, col + 1) if _INDEX in cell.attrib else col + 1
        if col >= MAX_COLS:
            raise ImportInputError(msg.MSG_CORRUPT, kind="corrupt")
        for data in cell:
            if data.tag == _DATA:
                text = data.text or "" if len(data) == 0 else "".join(data.itertext())
                if text:
                    cells.append(_cell_xml(_col(col) + suffix, data.get(_TYPE, "String"), text))
                break
        if _ACROSS in cell.attrib or _DOWN in cell.attrib:
            across, down = _span(cell, "MergeAcross"), _span(cell, "MergeDown")
            if col + across >= MAX_COLS or row_no + down >= MAX_ROWS:
                raise ImportInputError(msg.MSG_CORRUPT, kind="corrupt")
            if (across or down) and len(merges) < MAX_MERGES:
                merges.append(f"{_col(col)}{suffix}:{_col(col + across)}{row_no + 1 + down}")
            col += across
    return f'<row r="{suffix}">' + "".join(cells) + "</row>" if cells else ""


def _finish_workbook(out: zipfile.ZipFile, sheets: list[tuple[str, str]]) -> None:
    n = len(sheets)
    entries = "".join(f"<sheet name={quoteattr(name[:255])} sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\""
                      + ("" if state == "visible" else f' state="{state}"') + "/>"
                      for i, (name, state) in enumerate(sheets))
    out.writestr("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" '
                                    f'xmlns:r="{DOC_RELS}"><sheets>{entries}</sheets></workbook>')
    out.writestr("xl/_rels/workbook.xml.rels", rels_xml(
        [(f"rId{i + 1}", f"{DOC_RELS}/worksheet", f"worksheets/sheet{i + 1}.xml", False) for i in range(n)]))
    out.writestr("_rels/.rels", rels_xml([("rId1", f"{DOC_RELS}/officeDocument", "xl/workbook.xml", False)]))
    out.writestr("[Content_Types].xml", content_types_xml(
        [("/xl/workbook.xml", WORKBOOK_TYPE)] + [(f"/xl/worksheets/sheet{i + 1}.xml", SHEET_TYPE) for i in range(n)]))

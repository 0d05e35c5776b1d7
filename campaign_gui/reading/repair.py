"""Workbooks calamine cannot open as they are, rewritten (streaming) into the scratch folder first.

* an OOXML package laid out unusually (the workbook part found through ``_rels/.rels`` and the content types
  outside ``xl/workbook.xml``, member names with backslashes, parts in UTF-16): the workbook, its sheets,
  shared strings and styles are copied to the usual names, UTF-16 parts re-encoded to UTF-8;
* an ODS without its ``mimetype`` (or manifest) member: both are added;
* a flat ODS (.fods, one XML document): packed as the ``content.xml`` of an ODS, as it is;
* a SpreadsheetML 2003 workbook (XML): parsed with defusedxml (iterparse, one row in memory at a time) and
  written as an .xlsx with inline strings.

And a file whose extension lies is given calamine under the right one (calamine picks the format by it):
a link in the scratch folder, or a copy where links cannot be made.
Every file made here is the caller's to remove (``Prepared.remove``).
"""

from __future__ import annotations

import codecs
import os
import posixpath
import re
import shutil
import struct
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading import sniff_messages as msg
from campaign_gui.reading import sniff_zip as sz
from campaign_gui.reading.scratch import scratch_dir
from campaign_gui.reading.sniff_ole import MAC_ROMAN_BIFF
from campaign_gui.reading.sniff_text import utf16_encoding

CHUNK = 4 * 1024**2
EXTENSIONS = {"xlsx": ".xlsx", "xlsm": ".xlsm", "xlsb": ".xlsb", "ods": ".ods", "xls": ".xls"}
# the extensions under which calamine opens each kind with the right reader (it chooses by the extension)
_OOXML_NAMES = frozenset({".xlsx", ".xlsm", ".xlam"})
READ_AS = {"xlsx": _OOXML_NAMES, "xlsm": _OOXML_NAMES, "xlsb": frozenset({".xlsb"}), "ods": frozenset({".ods"}),
           "xls": frozenset({".xls", ".xla"})}
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
ODS_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")
SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
X = "{urn:schemas-microsoft-com:office:excel}"
MAX_MERGES = 10_000
MAX_ROWS, MAX_COLS = 1_048_576, 16_384  # Excel's sheet


@dataclass
class Prepared:
    """What calamine and zipfile read (``path``, with ``kind``), and the files made for it."""

    path: Path
    kind: str
    made: list[Path] = field(default_factory=list)

    def remove(self) -> None:
        while self.made:
            try:
                self.made.pop().unlink()
            except OSError:
                pass


def prepare(path: Path, kind: str, repair: str | None) -> Prepared:
    """The file to read for ``path`` as sniffed (see module doc); ImportInputError when it cannot be made."""
    out = Prepared(path, kind)
    try:
        if kind == "xml2003":
            out.path, out.kind = _made(out, ".xlsx"), "xlsx"
            convert_xml2003(path, out.path)
        elif kind == "fods":
            out.path, out.kind = _made(out, ".ods"), "ods"
            pack_fods(path, out.path)
        elif kind == "ods" and repair is not None:
            out.path = _made(out, ".ods")
            normalise_ods(path, out.path)
        elif kind in ("xlsx", "xlsm", "xlsb") and repair is not None:
            out.path = _made(out, EXTENSIONS[kind])
            normalise_ooxml(path, repair, kind, out.path)
        elif kind == "xls" and repair is not None:
            out.path = _made(out, ".xls")
            relabel_mac_roman(path, repair, out.path)
        elif kind in EXTENSIONS and path.suffix.lower() not in READ_AS[kind]:
            out.path = _alias(out, path, EXTENSIONS[kind])
    except BaseException as exc:
        out.remove()
        raise _input_error(exc, path) from None
    return out


def _input_error(exc: BaseException, path: Path) -> BaseException:
    """A failure while rewriting, in the user's terms (zipfile checks each member's CRC and real size)."""
    if isinstance(exc, zipfile.BadZipFile):
        bomb = "CRC" in str(exc)
        return ImportInputError(msg.MSG_BOMB if bomb else msg.MSG_CORRUPT, kind="zip_bomb" if bomb else "corrupt")
    if isinstance(exc, zlib.error | EOFError | NotImplementedError | KeyError | UnicodeError):
        return ImportInputError(msg.MSG_CORRUPT, kind="corrupt")
    if isinstance(exc, OSError):
        return ImportInputError(f"Cannot read {path.name}: {exc.strerror or exc}", kind="unreadable")
    return exc


def _made(out: Prepared, suffix: str) -> Path:
    fd, name = tempfile.mkstemp(suffix=suffix, dir=scratch_dir())
    os.close(fd)
    made = Path(name)
    out.made.append(made)
    return made


def _alias(out: Prepared, path: Path, suffix: str) -> Path:
    """``path`` under a name ending in ``suffix``: a symbolic or hard link, or else a copy."""
    alias = _made(out, suffix)
    alias.unlink()
    try:
        alias.symlink_to(path.resolve())
        return alias
    except (OSError, NotImplementedError):
        pass
    try:
        os.link(path, alias)
        return alias
    except OSError:
        pass
    shutil.copyfile(path, alias)
    return alias


def relabel_mac_roman(src: Path, repair: str, dest: Path) -> None:
    """A copy of a legacy workbook whose CODEPAGE says 32768 (Mac Excel's Mac Roman) saying 10000 (the same
    code page, under the number calamine knows); ``repair`` is "32768@<offset of the value in the file>"."""
    offset = int(repair.partition("@")[2])
    shutil.copyfile(src, dest)
    with dest.open("r+b") as fh:
        fh.seek(offset)
        if fh.read(2) != struct.pack("<H", MAC_ROMAN_BIFF):
            raise ImportInputError(msg.MSG_CORRUPT, kind="corrupt")  # the file changed since it was sniffed
        fh.seek(offset)
        fh.write(struct.pack("<H", 10000))


# --- streaming copies, re-encoded to UTF-8 ---------------------------------------------------------------

_DECL_ENCODING = re.compile(r"""\A(\s*<\?xml[^>]*?encoding\s*=\s*["'])[^"']*""")


def copy_utf8(src: IO[bytes], dst: IO[bytes]) -> None:
    """Copy an XML document, re-encoding one in UTF-16 to UTF-8 (its declaration says so), chunk by chunk."""
    head = src.read(CHUNK)
    encoding = utf16_encoding(head)
    if encoding is None:
        dst.write(head)
        shutil.copyfileobj(src, dst, CHUNK)
        return
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    text = decoder.decode(head).lstrip("\ufeff")
    dst.write(_DECL_ENCODING.sub(r"\1UTF-8", text, count=1).encode("utf-8"))
    while chunk := src.read(CHUNK):
        dst.write(decoder.decode(chunk).encode("utf-8"))
    dst.write(decoder.decode(b"", final=True).encode("utf-8"))


def _copy_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, out: zipfile.ZipFile, name: str) -> None:
    with zf.open(info) as src, out.open(name, "w", force_zip64=True) as dst:
        if name.endswith((".xml", ".rels")):
            copy_utf8(src, dst)
        else:
            shutil.copyfileobj(src, dst, CHUNK)


def _writer(path: Path) -> zipfile.ZipFile:
    return zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1)


# --- OOXML ----------------------------------------------------------------------------------------------

def _parse(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Any:
    with zf.open(info) as fh:
        data = fh.read(16 * 1024**2 + 1)
    if len(data) > 16 * 1024**2:
        raise ImportInputError(msg.MSG_BOMB, kind="zip_bomb")
    try:
        return DET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ImportInputError(msg.MSG_XML, kind="xml_entities") from None
    except DET.ParseError:
        raise ImportInputError(msg.MSG_CORRUPT, kind="corrupt") from None


def normalise_ooxml(src: Path, workbook: str, kind: str, dest: Path) -> None:
    """Rewrite the package ``src`` with its workbook part ``workbook`` (a member name) at ``xl/workbook.*``,
    the parts it relates to under ``xl/`` with the usual names, every XML part in UTF-8."""
    with zipfile.ZipFile(src) as zf:
        parts = {sz.part_name(i.filename): i for i in zf.infolist()}
        types = sz.content_types(zf, parts)
        wb_name = sz.part_name(workbook)
        wb_dir = posixpath.dirname(wb_name)
        rels_info = parts.get(posixpath.join(wb_dir, "_rels", posixpath.basename(wb_name) + ".rels"))
        if rels_info is None:
            raise ImportInputError(msg.MSG_CORRUPT, kind="corrupt")
        copies: list[tuple[str, zipfile.ZipInfo, str]] = []
        rels: list[tuple[str, str, str, bool]] = []
        counts: dict[str, int] = {}
        for rel in _parse(zf, rels_info).iter(f"{{{PKG_RELS}}}Relationship"):
            rid, rtype, target = rel.get("Id", ""), rel.get("Type", ""), rel.get("Target", "")
            if rel.get("TargetMode") == "External":
                rels.append((rid, rtype, target, True))
                continue
            target = target.replace("\\", "/")
            resolved = sz.part_name(target if target.startswith("/")
                                    else posixpath.normpath(posixpath.join(wb_dir, target)))
            info = parts.get(resolved)
            if info is None:
                continue
            role = rtype.rsplit("/", 1)[-1]
            ext = posixpath.splitext(resolved)[1]
            counts[role] = counts.get(role, 0) + 1
            if role == "worksheet":
                new = f"worksheets/sheet{counts[role]}{ext}"
            elif role in ("sharedStrings", "styles"):
                new = f"{role}{ext}"
            else:
                new = f"parts/{role}{counts[role]}{ext}"
            rels.append((rid, rtype, new, False))
            copies.append(("xl/" + new, info, sz.content_type(resolved, types)))
        main = ".bin" if kind == "xlsb" else ".xml"
        wb_type = sz.content_type(wb_name, types) or WORKBOOK_TYPE
        with _writer(dest) as out:
            overrides = [(f"/xl/workbook{main}", wb_type)] + [("/" + n, t) for n, _i, t in copies if t]
            out.writestr("[Content_Types].xml", _content_types(overrides))
            out.writestr("_rels/.rels", _rels([("rId1", f"{DOC_RELS}/officeDocument", f"xl/workbook{main}", False)]))
            _copy_member(zf, parts[wb_name], out, f"xl/workbook{main}")
            out.writestr(f"xl/_rels/workbook{main}.rels", _rels(rels))
            for name, info, _type in copies:
                _copy_member(zf, info, out, name)


def _content_types(overrides: list[tuple[str, str]]) -> str:
    body = "".join(f"<Override PartName={quoteattr(n)} ContentType={quoteattr(t)}/>" for n, t in overrides)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="{RELS_TYPE}"/><Default Extension="xml" '
            f'ContentType="application/xml"/>{body}</Types>')


def _rels(rels: list[tuple[str, str, str, bool]]) -> str:
    body = "".join(f"<Relationship Id={quoteattr(i)} Type={quoteattr(t)} Target={quoteattr(g)}"
                   + (' TargetMode="External"' if ext else "") + "/>" for i, t, g, ext in rels)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG_RELS}">{body}</Relationships>'


# --- OpenDocument ---------------------------------------------------------------------------------------

def normalise_ods(src: Path, dest: Path) -> None:
    """An ODS package with ``mimetype`` first (stored) and a manifest; other members copied, in UTF-8."""
    with zipfile.ZipFile(src) as zf, _writer(dest) as out:
        out.writestr(zipfile.ZipInfo("mimetype"), sz.ODS_MIME)
        parts = {sz.part_name(i.filename): i for i in zf.infolist()}
        manifest = parts.get("meta-inf/manifest.xml")
        if manifest is None:
            out.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        for name, info in parts.items():
            if name == "mimetype" or info.is_dir():
                continue
            _copy_member(zf, info, out, info.filename.replace("\\", "/").lstrip("/"))


def pack_fods(src: Path, dest: Path) -> None:
    """A flat ODS is the content.xml of an ODS (calamine reads its tables whatever the root's name)."""
    with src.open("rb") as fh, _writer(dest) as out:
        out.writestr(zipfile.ZipInfo("mimetype"), sz.ODS_MIME)
        out.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        with out.open("content.xml", "w", force_zip64=True) as dst:
            copy_utf8(fh, dst)


# --- SpreadsheetML 2003 ---------------------------------------------------------------------------------

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
    with _writer(dest) as out:
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
    out.writestr("xl/_rels/workbook.xml.rels", _rels(
        [(f"rId{i + 1}", f"{DOC_RELS}/worksheet", f"worksheets/sheet{i + 1}.xml", False) for i in range(n)]))
    out.writestr("_rels/.rels", _rels([("rId1", f"{DOC_RELS}/officeDocument", "xl/workbook.xml", False)]))
    out.writestr("[Content_Types].xml", _content_types(
        [("/xl/workbook.xml", WORKBOOK_TYPE)] + [(f"/xl/worksheets/sheet{i + 1}.xml", SHEET_TYPE) for i in range(n)]))

"""OOXML package details calamine does not expose: sheet part paths, formulas without cached values."""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

import defusedxml.ElementTree as DET

NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NS_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
FORMULA_SCAN_MAX = 32 * 1024**2  # scan sheet XML for uncached formulas only below this size
MAX_REFS = 20


def sheet_members(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> zip member path of its XML part."""
    try:
        wb = DET.fromstring(zf.read("xl/workbook.xml"), forbid_dtd=True)
        rels = DET.fromstring(zf.read("xl/_rels/workbook.xml.rels"), forbid_dtd=True)
    except (KeyError, DET.ParseError):
        return {}
    targets: dict[str, str] = {}
    for rel in rels.iter(f"{NS_PKG}Relationship"):
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[rel.get("Id", "")] = path
    out: dict[str, str] = {}
    for sheet in wb.iter(f"{NS_MAIN}sheet"):
        rid = sheet.get(f"{NS_REL}id", "")
        if rid in targets:
            out[sheet.get("name", "")] = targets[rid]
    return out


_F = re.compile(rb"<(?:\w+:)?f[\s>/]")
_CELL_REF = re.compile(rb'\sr="([A-Z]+[0-9]+)"')
_CACHED = re.compile(rb"<(?:\w+:)?v>[^<]|<(?:\w+:)?is>")
MAX_FORMULAS = 200_000


def uncached_formulas(path: Path, member: str) -> tuple[list[str], int] | None:
    """Cell refs (first few, and the count) of formulas stored without a cached value; None if not scanned.

    A byte scan (no XML tree): for each ``<f>`` the enclosing ``<c …>…</c>`` is checked for a ``<v>`` value.
    """
    with zipfile.ZipFile(path) as zf:
        try:
            info = zf.getinfo(member)
        except KeyError:
            return None
        if info.file_size > FORMULA_SCAN_MAX:
            return None
        with zf.open(info) as fh:
            xml = fh.read(FORMULA_SCAN_MAX + 1)
    refs: list[str] = []
    count = 0
    for n, m in enumerate(_F.finditer(xml)):
        if n >= MAX_FORMULAS:
            break
        start = max(xml.rfind(b"<c ", 0, m.start()), xml.rfind(b"<c>", 0, m.start()))
        end = xml.find(b"</c>", m.end())
        if start < 0 or end < 0:
            continue
        if _CACHED.search(xml, start, end) is None:
            count += 1
            if len(refs) < MAX_REFS:
                ref = _CELL_REF.search(xml, start, m.start())
                refs.append(ref.group(1).decode() if ref else "?")
    return refs, count


_ROW_OPEN = re.compile(rb'<row\b[^>]*?\sr="(\d+)"[^>]*?(/?)>')
_LAST_REF = re.compile(rb'<c\b[^>]*?\sr="([A-Z]+)\d+"')
TAIL = 256 * 1024


def quick_size(path: Path, member: str) -> tuple[int, int] | None:
    """(rows, cols) up to the last row holding cells, from one streaming pass over the sheet XML.

    Much cheaper than a full parse for the sheet list of a big workbook; None when it cannot tell.
    """
    last_row, last_cols = 0, 0
    tail = b""
    with zipfile.ZipFile(path) as zf, zf.open(member) as fh:
        while chunk := fh.read(8 * 1024**2):
            if not tail:  # the first rows (titles, headers) are often the widest
                last_cols = max((_col_number(r) for r in _LAST_REF.findall(chunk, 0, TAIL)), default=0)
            window = tail + chunk
            found = _last_full_row(window)
            if found is not None:
                last_row, last_cols = max(last_row, found[0]), max(last_cols, found[1])
            tail = window[-TAIL:]
    return (last_row, last_cols) if last_row else None


def _last_full_row(window: bytes) -> tuple[int, int] | None:
    start = max(0, len(window) - TAIL)
    best = None
    for m in _ROW_OPEN.finditer(window, start):
        if m.group(2) == b"/":
            continue  # <row …/>: a styled empty row
        end = window.find(b"</row>", m.end())
        if end < 0:
            continue
        refs = _LAST_REF.findall(window, m.end(), end)
        if refs:
            best = (int(m.group(1)), max(_col_number(r) for r in refs))
    return best


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n

"""Identify an input file by its bytes (not its extension) and refuse hostile or unusable ones early."""

from __future__ import annotations

import os
import posixpath
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from campaign_gui.domain.errors import ImportInputError

ZIP_MAGIC = b"PK\x03\x04"
CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"

# Zip bomb limits. A real 1,048,576-row sheet unpacks to a few hundred MB and deflates 5-40x;
# styled empty rows compress better, hence the ratio limit only on big members.
MAX_MEMBERS = 10_000
MAX_TOTAL_UNCOMPRESSED = 3 * 1024**3
MAX_RATIO = 100
RATIO_MIN_SIZE = 64 * 1024**2
HEAD_SCAN = 64 * 1024

MSG_EMPTY = "The file is empty."
MSG_ENCRYPTED = ("This workbook is password-protected: remove the password in Excel "
                 "(File → Info → Protect Workbook) and try again.")
MSG_HTML = ("This file was saved as a web page, not a real Excel workbook: open it in Excel and "
            "Save As .xlsx, then try again.")
MSG_CORRUPT = ("The file is damaged or incomplete (the workbook could not be unpacked): "
               "open it in Excel, save it again and retry.")
MSG_BINARY = ("This is not a spreadsheet or text file that can be read (supported: .xlsx, .xlsm, .xlsb, .xls, "
              ".ods, .fods, XML Spreadsheet 2003, .csv, .tsv, .txt).")
MSG_NOT_SHEET = "This zip/Office file does not contain a spreadsheet (is it a Word or PowerPoint document?)."
MSG_BOMB = ("The workbook unpacks to far more data than it holds (a 'zip bomb' or a damaged file); "
            "it was not opened.")
MSG_TOO_LARGE = "The workbook is too large once unpacked (over 3 GB); split it into smaller files."
_SAVE_AS = "open it in Excel or LibreOffice and save it as .xlsx, then try again."
MSG_SYLK = f"This is a SYLK file, which cannot be read: {_SAVE_AS}"
MSG_DIF = f"This is a DIF file, which cannot be read: {_SAVE_AS}"
MSG_QUATTRO = f"This is a Quattro Pro workbook, which cannot be read: {_SAVE_AS}"
MSG_LOTUS = f"This is a Lotus 1-2-3 worksheet, which cannot be read: {_SAVE_AS}"
MSG_WORKS = f"This is a Microsoft Works spreadsheet, which cannot be read: {_SAVE_AS}"
MSG_STARCALC = f"This is a StarCalc workbook, which cannot be read: {_SAVE_AS}"
MSG_GNUMERIC = f"This is a Gnumeric workbook, which cannot be read: {_SAVE_AS}"
MSG_NUMBERS = ("This is an Apple Numbers document, which cannot be read: open it in Numbers and export it "
               "to Excel (File → Export To → Excel), then try again.")
MSG_OTHER_XML = f"This is an XML file, but not a spreadsheet saved by Excel or LibreOffice: {_SAVE_AS}"
MSG_OLD_EXCEL = f"This workbook was saved by a very old Excel (version 2, 3 or 4): {_SAVE_AS}"
MSG_WORD = "This is a Word document, not a spreadsheet: choose the Excel or CSV file with the contacts."
MSG_POWERPOINT = "This is a PowerPoint presentation, not a spreadsheet: choose the Excel or CSV file with the contacts."
MSG_FLAT_ODF = ("This is an OpenDocument text or presentation saved as flat XML, not a spreadsheet: "
                "choose the spreadsheet with the contacts.")
MSG_XML = "The file contains XML constructs that are not allowed (DTD or entity declarations); it was not opened."


@dataclass(frozen=True)
class FileKind:
    """What a file is: ``kind`` in xlsx, xlsm, xlsb, ods, xls, text, fods (flat ODS), xml2003 (SpreadsheetML 2003).

    ``repair`` names the zip member calamine cannot find where it looks (a workbook part outside ``xl/``,
    member names with backslashes, UTF-16 parts, an ODS without ``mimetype``): reading.repair rewrites such a
    package into the scratch folder first. None for a package calamine reads as it is.
    """

    kind: str
    size: int
    repair: str | None = None


def sniff(path: str | os.PathLike[str]) -> FileKind:
    """Identify ``path`` by magic bytes; raise ImportInputError with a user message for unusable files."""
    p = Path(path)
    try:
        info = p.stat()
        size = info.st_size
        if stat.S_ISFIFO(info.st_mode):  # opening a pipe waits for a writer: say so at once instead
            raise ImportInputError(f"{p.name} is a pipe (FIFO), not a file: save the data to a file and choose "
                                   "that file.", kind="not_a_file")
        if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
            raise ImportInputError(f"{p.name} is a device, not a file: choose a spreadsheet or text file.",
                                   kind="not_a_file")
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(p)
        with p.open("rb") as fh:
            head = fh.read(HEAD_SCAN)
    except FileNotFoundError:
        raise ImportInputError(f"File not found: {p.name}", kind="not_found") from None
    except IsADirectoryError:
        raise ImportInputError(f"{p.name} is a folder, not a file.", kind="not_found") from None
    except OSError as exc:
        raise ImportInputError(f"Cannot read {p.name}: {exc.strerror or exc}", kind="unreadable") from None
    if size == 0 or not head:
        raise ImportInputError(MSG_EMPTY, kind="empty")
    if head.startswith(ZIP_MAGIC) or head.startswith(b"PK\x05\x06"):
        kind, repair = check_zip(p)
        return FileKind(kind, size, repair)
    if head.startswith(CFB_MAGIC):
        kind, repair = _check_cfb(p)
        return FileKind(kind, size, repair)
    _check_binary_formats(head)
    text = _ascii_head(head)
    if _looks_xml2003(text):
        return FileKind("xml2003", size)
    flat = _FLAT_ODF.search(text)
    if flat is not None:
        if flat.group(1) != "spreadsheet":
            raise ImportInputError(MSG_FLAT_ODF, kind="unknown_format")
        if _DTD_RE.search(text.encode("utf-8", "replace")):
            raise ImportInputError(MSG_XML, kind="xml_entities")
        return FileKind("fods", size)
    if _looks_html(text):
        raise ImportInputError(MSG_HTML, kind="html")
    if text.lstrip().startswith("<?xml"):  # XML of another kind: its markup is no delimited text
        raise ImportInputError(MSG_OTHER_XML, kind="other_format")
    _check_text_formats(text)
    if looks_text(head):
        return FileKind("text", size)
    raise ImportInputError(MSG_BINARY, kind="unknown_format")


# Legacy binary formats, by their first record: Excel 2.x-4.0 worksheets and workbooks (BIFF2-4 BOF records,
# not inside an OLE2 file), Lotus 1-2-3 (WKS/WK1: BOF 0x0000 with version 0x0404-0x0406; WK3/WK4: 0x1A00),
# Quattro Pro for DOS/Windows (BOF 0x0000 with another version), gzip (Gnumeric saves compressed XML).
_BIFF_OLD = re.compile(rb"\A(\x09\x00\x04\x00|\x09\x02\x06\x00|\x09\x04\x06\x00|\x09\x04\x08\x00)")
_LOTUS = re.compile(rb"\A(\x00\x00\x02\x00[\x04-\x06]\x04|\x00\x00\x1a\x00[\x00-\x05]\x10)")
_QUATTRO = re.compile(rb"\A\x00\x00\x02\x00[\x20-\x22\x01-\x07][\x10\x51]")


def _check_binary_formats(head: bytes) -> None:
    if _BIFF_OLD.match(head):
        raise ImportInputError(MSG_OLD_EXCEL, kind="old_excel")
    if _LOTUS.match(head):
        raise ImportInputError(MSG_LOTUS, kind="other_format")
    if _QUATTRO.match(head):
        raise ImportInputError(MSG_QUATTRO, kind="other_format")
    if head.startswith(b"\x1f\x8b"):
        try:
            inner = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
        except zlib.error:
            inner = b""
        if b"gnumeric" in inner.lower():
            raise ImportInputError(MSG_GNUMERIC, kind="other_format")
        raise ImportInputError(MSG_BINARY, kind="unknown_format")


_SYLK_RECORD = re.compile(r"(c|f|b|p|o|nu|nn|ne|w|e)(;|$)")
_FLAT_ODF = re.compile(r"<office:document\b[^>]*office:mimetype=[\"']application/vnd\.oasis\.opendocument\.(\w+)")


def _check_text_formats(text: str) -> None:
    """SYLK and DIF are text, but no CSV: name them rather than read their records as rows."""
    lines = [line.strip() for line in text.splitlines()[:60]]
    lines = [line for line in lines if line]
    if len(lines) >= 2 and lines[0].startswith("id;p"):
        records = lines[1:-1] if len(lines) > 2 else lines[1:]  # the sample may end mid-record
        if sum(1 for line in records if _SYLK_RECORD.match(line)) >= max(1, len(records) * 0.8):
            raise ImportInputError(MSG_SYLK, kind="other_format")
    if len(lines) >= 3 and lines[0] == "table" and re.fullmatch(r"0\s*,\s*1", lines[1]):
        raise ImportInputError(MSG_DIF, kind="other_format")


def check_zip(path: Path) -> tuple[str, str | None]:
    """Identify an OOXML/ODF package and check its directory against zip bombs and XML entity attacks.

    Returns (kind, repair): see FileKind. The workbook part is found through the package's relationships
    and content types, whatever its folder and however its member names are written.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_directory(infos)
            parts = {part_name(i.filename): i for i in infos}
            mime_info = parts.get("mimetype")
            mime = _read_capped(zf, mime_info, 256).strip() if mime_info is not None else b""
            if mime == ODS_MIME or mime_info is None and _odf_spreadsheet(zf, parts):
                utf16 = _scan_xml_heads(zf, [i for n, i in parts.items() if n.endswith(".xml")])
                odd = mime_info is None or "META-INF/manifest.xml" not in zf.NameToInfo or utf16 or any(
                    "\\" in i.filename for i in infos)
                return "ods", ("mimetype" if odd else None)
            found = _ooxml_workbook(zf, parts)
            if found is not None:
                return found
            if any(n.startswith("index/") and n.endswith(".iwa") or n in ("index.zip", "index.xml", "index.xml.gz")
                   for n in parts):
                raise ImportInputError(MSG_NUMBERS, kind="other_format")
    except zipfile.BadZipFile:
        raise ImportInputError(MSG_CORRUPT, kind="corrupt") from None
    except (zlib.error, EOFError, NotImplementedError):
        raise ImportInputError(MSG_CORRUPT, kind="corrupt") from None
    raise ImportInputError(MSG_NOT_SHEET, kind="unknown_format")


def part_name(name: str) -> str:
    """A zip member's OPC part name as compared: forward slashes, no leading slash, lower case."""
    return name.replace("\\", "/").lstrip("/").lower()


SHEET_MAIN_TYPES = ("spreadsheetml.sheet.main+xml", "spreadsheetml.template.main+xml",
                    "ms-excel.sheet.macroenabled.main+xml", "ms-excel.template.macroenabled.main+xml",
                    "ms-excel.addin.macroenabled.main+xml", "ms-excel.sheet.binary.macroenabled.main")
_CANONICAL = {"xlsx": "xl/workbook.xml", "xlsm": "xl/workbook.xml", "xlsb": "xl/workbook.bin"}


def content_types(zf: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo]) -> tuple[dict[str, str], dict[str, str]]:
    """([Content_Types].xml's overrides by part name, its defaults by extension), lower-cased."""
    info = parts.get("[content_types].xml")
    if info is None:
        return {}, {}
    root = _parse_defused(_read_capped(zf, info, 4 * 1024**2))
    overrides, defaults = {}, {}
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag == "Override":
            overrides[part_name(el.get("PartName", ""))] = el.get("ContentType", "").lower()
        elif tag == "Default":
            defaults[el.get("Extension", "").lower()] = el.get("ContentType", "").lower()
    return overrides, defaults


def content_type(name: str, types: tuple[dict[str, str], dict[str, str]]) -> str:
    overrides, defaults = types
    return overrides.get(name) or defaults.get(posixpath.splitext(name)[1].lstrip("."), "")


def office_document(zf: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo]) -> str | None:
    """The part name ``_rels/.rels`` gives as the package's main (officeDocument) part."""
    info = parts.get("_rels/.rels")
    if info is None:
        return None
    root = _parse_defused(_read_capped(zf, info, 4 * 1024**2))
    for el in root.iter():
        if el.tag.rsplit("}", 1)[-1] == "Relationship" and el.get("Type", "").endswith("/officeDocument") \
                and el.get("TargetMode", "Internal") != "External":
            return part_name(posixpath.normpath(el.get("Target", "").replace("\\", "/").lstrip("/")))
    return None


def _ooxml_workbook(zf: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo]) -> tuple[str, str | None] | None:
    types = content_types(zf, parts)
    main = office_document(zf, parts)
    claimed = [n for n, t in types[0].items() if t.endswith(SHEET_MAIN_TYPES)]
    candidates = [n for n in (main, *claimed, "xl/workbook.xml", "xl/workbook.bin") if n]
    member = next((n for n in candidates if n in parts), None)
    if member is None:
        if claimed or main is not None and main.startswith("xl/"):
            raise ImportInputError(MSG_CORRUPT, kind="corrupt")  # says it is a workbook, but its part is missing
        every = " ".join(types[0].values()) + " " + " ".join(types[1].values())
        if "wordprocessingml" in every or "ms-word" in every:
            raise ImportInputError(MSG_WORD, kind="unknown_format")
        if "presentationml" in every or "ms-powerpoint" in every:
            raise ImportInputError(MSG_POWERPOINT, kind="unknown_format")
        return None
    ctype = content_type(member, types)
    if "wordprocessingml" in ctype:
        raise ImportInputError(MSG_WORD, kind="unknown_format")
    if "presentationml" in ctype:
        raise ImportInputError(MSG_POWERPOINT, kind="unknown_format")
    if ("officedocument" in ctype or "vnd.ms-" in ctype) and "spreadsheetml" not in ctype and "ms-excel" not in ctype:
        raise ImportInputError(MSG_NOT_SHEET, kind="unknown_format")  # Visio, XPS and other packages
    if "binary" in ctype or member.endswith(".bin"):
        kind = "xlsb"
    elif "macroenabled" in ctype:
        kind = "xlsm"
    else:
        kind = "xlsx"
    info = parts[member]
    if kind != "xlsb":
        _parse_defused(_read_capped(zf, info, 16 * 1024**2))
    utf16 = _scan_xml_heads(zf, [i for n, i in parts.items() if n.endswith((".xml", ".rels"))])
    odd = info.filename != _CANONICAL[kind] or utf16 or any("\\" in i.filename for i in parts.values())
    return kind, (info.filename if odd else None)


def _odf_spreadsheet(zf: zipfile.ZipFile, parts: dict[str, zipfile.ZipInfo]) -> bool:
    """An OpenDocument package without its ``mimetype`` member: its manifest or its content says spreadsheet."""
    manifest = parts.get("meta-inf/manifest.xml")
    if manifest is not None and ODS_MIME in _read_capped(zf, manifest, 4 * 1024**2):
        return True
    content = parts.get("content.xml")
    if content is None:
        return False
    with zf.open(content) as fh:
        head = fh.read(HEAD_SCAN)
    return "<office:spreadsheet" in _ascii_head(head)


def verify_zip_members(path: str | os.PathLike[str], members: list[str] | None = None) -> None:
    """Decompress members with a cap (declared sizes may lie) and check their CRC before calamine reads them.

    zipfile stops at the declared size and fails the CRC when the stream holds more, so a member that
    lies about its size cannot make us inflate more than the (already bounded) declared total.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            infos = [i for i in zf.infolist() if members is None or i.filename in members]
            for info in infos:
                with zf.open(info) as fh:
                    total = 0
                    while chunk := fh.read(4 * 1024**2):
                        total += len(chunk)
                    if total != info.file_size:
                        raise ImportInputError(MSG_BOMB, kind="zip_bomb")
    except zipfile.BadZipFile as exc:
        kind = "zip_bomb" if "CRC" in str(exc) else "corrupt"
        raise ImportInputError(MSG_BOMB if kind == "zip_bomb" else MSG_CORRUPT, kind=kind) from None
    except (zlib.error, EOFError, NotImplementedError):
        raise ImportInputError(MSG_CORRUPT, kind="corrupt") from None


def _check_directory(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise ImportInputError(MSG_BOMB, kind="zip_bomb")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ImportInputError(MSG_BOMB, kind="zip_bomb")
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise ImportInputError(MSG_TOO_LARGE, kind="too_large")


def _read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    if info.file_size > cap:
        raise ImportInputError(MSG_BOMB, kind="zip_bomb")
    with zf.open(info) as fh:
        data = fh.read(cap + 1)
    if len(data) > cap:
        raise ImportInputError(MSG_BOMB, kind="zip_bomb")
    return data


def _parse_defused(data: bytes) -> Any:
    try:
        return DET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ImportInputError(MSG_XML, kind="xml_entities") from None
    except DET.ParseError:
        raise ImportInputError(MSG_CORRUPT, kind="corrupt") from None


_DTD_RE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def _scan_xml_heads(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> bool:
    """A DTD (and so any entity declaration) can only sit in an XML document's prolog: scan each part's head.
    True when a part is encoded in UTF-16 (calamine reads UTF-8 only)."""
    utf16 = False
    for info in infos:
        with zf.open(info) as fh:
            head = fh.read(HEAD_SCAN)
        encoding = utf16_encoding(head)
        if encoding is not None:
            utf16 = True
            head = head.decode(encoding, errors="ignore").encode("utf-8")
        if _DTD_RE.search(head):
            raise ImportInputError(MSG_XML, kind="xml_entities")
    return utf16


def utf16_encoding(head: bytes) -> str | None:
    """'utf-16' (with a BOM), 'utf-16-le' or 'utf-16-be' for an XML document in UTF-16, else None."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if head.startswith(b"<\x00"):
        return "utf-16-le"
    if head.startswith(b"\x00<"):
        return "utf-16-be"
    return None


def _looks_html(text: str) -> bool:
    return bool(re.match(r"\s*(<!doctype\s+html|<html|<head|<body|<table|<meta|mime-version:)", text)) or (
        text.lstrip().startswith("<") and ("<html" in text or "<table" in text))


_XML2003_ROOT = re.compile(r"<(\w+:)?workbook\b[^>]*urn:schemas-microsoft-com:office:spreadsheet")


def _looks_xml2003(text: str) -> bool:
    """SpreadsheetML 2003: a ``<Workbook>`` in the spreadsheet namespace (its ``<Table>`` is no web page)."""
    return text.lstrip().startswith("<") and _XML2003_ROOT.search(text) is not None


def _ascii_head(head: bytes) -> str:
    encoding = utf16_encoding(head)
    if encoding is not None:
        text = head[:8192].decode(encoding, errors="ignore")
    else:
        text = head[:4096].decode("latin-1")
    return text.lstrip("\ufeff\xef\xbb\xbf").lower()


def looks_text(head: bytes) -> bool:
    """True when the bytes are plausibly delimited text (any 8-bit codepage, UTF-8 or UTF-16)."""
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = head[:HEAD_SCAN]
    if _utf16_without_bom(sample):
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 and b not in (26, 27))
    nuls = sample.count(0)
    text = len(sample) - nuls
    if text == 0 or controls - nuls > text * 0.01:
        return False  # a binary file has many control bytes besides NULs
    # Stray NULs are tolerated (csv_reader strips them): a few of them whatever the size, or single ones among
    # the text however short it is (a NUL run marks binary data). The file is still mostly text.
    return nuls <= len(sample) * 0.05 or nuls <= 4 or nuls * 3 < len(sample) and b"\0\0" not in sample


def _utf16_without_bom(sample: bytes) -> bool:
    even = sample[0::2]
    odd = sample[1::2]
    n = min(len(even), len(odd))
    if n < 8:
        return False
    return odd.count(0) > 0.4 * n and even.count(0) < 0.05 * n or even.count(0) > 0.4 * n and odd.count(0) < 0.05 * n


# --- OLE2 compound files (legacy .xls and encrypted OOXML) ---------------------------------

_FREESECT = 0xFFFFFFFF
_ENDOFCHAIN = 0xFFFFFFFE


class _Cfb:
    """The directory of an OLE2 compound file, and the first bytes of its streams (bounded walks)."""

    def __init__(self, fh: BinaryIO, limit: int = 4096) -> None:
        self.fh = fh
        data = fh.read(512)
        if len(data) < 512 or not data.startswith(CFB_MAGIC):
            raise ImportInputError(MSG_CORRUPT, kind="corrupt")
        sector_shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if sector_shift not in (9, 12):
            raise ImportInputError(MSG_CORRUPT, kind="corrupt")
        self.ssize = 1 << sector_shift
        self.mini_size = 1 << min(mini_shift, 12)
        n_fat, first_dir = struct.unpack_from("<I I", data, 0x2C)
        self.cutoff, first_minifat, n_minifat = struct.unpack_from("<III", data, 0x38)
        first_difat, n_difat = struct.unpack_from("<I I", data, 0x44)
        fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s < _ENDOFCHAIN]
        nxt = first_difat
        for _ in range(min(n_difat, 1024)):
            if nxt >= _ENDOFCHAIN:
                break
            vals = struct.unpack(f"<{self.ssize // 4}I", self._sector(nxt))
            fat_sectors.extend(s for s in vals[:-1] if s < _ENDOFCHAIN)
            nxt = vals[-1]
        self.fat: list[int] = []
        for s in fat_sectors[: max(n_fat, 0)][:65536]:
            self.fat.extend(struct.unpack(f"<{self.ssize // 4}I", self._sector(s)))
        self.entries: dict[str, tuple[int, int]] = {}  # lower-cased name -> (start sector, size)
        self.names: list[str] = []
        root: tuple[int, int] | None = None
        for block in self._chain(first_dir, limit * 128):
            for off in range(0, len(block) - 127, 128):
                name_len = struct.unpack_from("<H", block, off + 0x40)[0]
                kind = block[off + 0x42]
                if 2 <= name_len <= 64 and kind in (1, 2, 5):
                    name = block[off:off + name_len - 2].decode("utf-16-le", errors="replace")
                    start, size = struct.unpack_from("<IQ", block, off + 0x74)
                    if kind == 5:
                        root = (start, size)
                    self.names.append(name)
                    self.entries.setdefault(name.lower(), (start, size))
        self.root = root
        self.first_minifat, self.n_minifat = first_minifat, n_minifat

    def _sector(self, sector: int) -> bytes:
        self.fh.seek(512 + sector * self.ssize if self.ssize == 512 else (sector + 1) * self.ssize)
        block = self.fh.read(self.ssize)
        if len(block) < self.ssize:
            raise ImportInputError(MSG_CORRUPT, kind="corrupt")
        return block

    def _chain(self, sector: int, limit: int) -> Iterator[bytes]:
        seen: set[int] = set()
        read = 0
        while sector < _ENDOFCHAIN and sector not in seen and read < limit:
            seen.add(sector)
            yield self._sector(sector)
            read += self.ssize
            sector = self.fat[sector] if sector < len(self.fat) else _ENDOFCHAIN

    def file_offset(self, name: str, pos: int) -> int | None:
        """Where byte ``pos`` of the stream ``name`` sits in the file (None when the chain is broken)."""
        found = self.entries.get(name.lower())
        if found is None or pos < 0:
            return None
        start, size = found
        if size >= self.cutoff or self.root is None:
            return self._offset_in_chain(start, pos)
        minifat: list[int] = []
        for block in self._chain(self.first_minifat, max(self.n_minifat, 1) * self.ssize):
            minifat.extend(struct.unpack(f"<{self.ssize // 4}I", block))
        sector = start
        for _ in range(pos // self.mini_size):
            sector = minifat[sector] if sector < len(minifat) else _ENDOFCHAIN
            if sector >= _ENDOFCHAIN:
                return None
        return self._offset_in_chain(self.root[0], sector * self.mini_size + pos % self.mini_size)

    def _offset_in_chain(self, sector: int, pos: int) -> int | None:
        for _ in range(pos // self.ssize):
            sector = self.fat[sector] if sector < len(self.fat) else _ENDOFCHAIN
            if sector >= _ENDOFCHAIN:
                return None
        if sector >= _ENDOFCHAIN:
            return None
        base = 512 + sector * self.ssize if self.ssize == 512 else (sector + 1) * self.ssize
        return int(base + pos % self.ssize)

    def head(self, name: str, limit: int) -> bytes:
        """Up to ``limit`` first bytes of the stream ``name`` (b"" when there is none)."""
        found = self.entries.get(name.lower())
        if found is None:
            return b""
        start, size = found
        want = min(size, limit)
        if size >= self.cutoff or self.root is None:
            return b"".join(self._chain(start, want))[:want]
        # a small stream lives in the mini stream (the root entry's chain), cut in 64-byte mini sectors
        minifat: list[int] = []
        for block in self._chain(self.first_minifat, max(self.n_minifat, 1) * self.ssize):
            minifat.extend(struct.unpack(f"<{self.ssize // 4}I", block))
        ministream = b"".join(self._chain(self.root[0], min(self.root[1], 64 * 1024**2)))
        out = bytearray()
        sector, seen = start, set()
        while sector < _ENDOFCHAIN and sector not in seen and len(out) < want:
            seen.add(sector)
            out += ministream[sector * self.mini_size:(sector + 1) * self.mini_size]
            sector = minifat[sector] if sector < len(minifat) else _ENDOFCHAIN
        return bytes(out[:want])


def cfb_stream_names(path: Path, limit: int = 4096) -> list[str]:
    """Names of the entries of an OLE2 compound file's directory (bounded walk)."""
    with path.open("rb") as fh:
        return _Cfb(fh, limit).names


MAC_CODEPAGES = {10000: "Mac Roman", 10001: "Mac Japanese", 10002: "Mac Traditional Chinese", 10003: "Mac Korean",
                 10004: "Mac Arabic", 10005: "Mac Hebrew", 10006: "Mac Greek", 10007: "Mac Cyrillic",
                 10008: "Mac Simplified Chinese", 10010: "Mac Romanian", 10017: "Mac Ukrainian", 10021: "Mac Thai",
                 10029: "Mac Central European", 10079: "Mac Icelandic", 10081: "Mac Turkish",
                 10082: "Mac Croatian", 32768: "Mac Roman"}


def codepage_message(codepage: int) -> str:
    """The refusal of an old workbook whose 8-bit code page cannot be decoded, naming it."""
    name = MAC_CODEPAGES.get(codepage, "unsupported")
    return (f"This old Excel workbook is written in the {name} code page ({codepage}), which cannot be read: "
            f"{_SAVE_AS}")


def biff_globals(stream: bytes) -> tuple[bool, int | None, int]:
    """(encrypted, code page, where its value sits in the stream) from the records of a BIFF5/BIFF8 workbook's
    globals: FILEPASS (XOR obfuscation or RC4 alike) follows the first BOF; CODEPAGE comes before the sheets."""
    pos, codepage, at = 0, None, -1
    while pos + 4 <= len(stream):
        rtype, length = struct.unpack_from("<HH", stream, pos)
        if rtype == 0x002F:
            return True, codepage, at
        if rtype == 0x0042 and length >= 2 and pos + 6 <= len(stream):
            codepage, at = struct.unpack_from("<H", stream, pos + 4)[0], pos + 4
        if rtype in (0x000A, 0x0085) and pos > 0:  # EOF of the globals, or the first BOUNDSHEET
            break
        pos += 4 + length
    return False, codepage, at


MAC_ROMAN_BIFF = 32768  # what Mac Excel (BIFF2-5) writes for Mac Roman; calamine knows it as 10000 only


def _check_cfb(path: Path) -> tuple[str, str | None]:
    with path.open("rb") as fh:
        cfb = _Cfb(fh)
        names = {n.lower() for n in cfb.names}
        if "encryptioninfo" in names or "encryptedpackage" in names:
            raise ImportInputError(MSG_ENCRYPTED, kind="encrypted")
        stream = "workbook" if "workbook" in names else "book" if "book" in names else None
        if stream is not None:
            encrypted, codepage, at = biff_globals(cfb.head(stream, 256 * 1024))
            if encrypted:
                raise ImportInputError(MSG_ENCRYPTED, kind="encrypted")
            if codepage == MAC_ROMAN_BIFF:
                offset = cfb.file_offset(stream, at)
                if offset is not None:  # read from a copy that says 10000 (the same code page)
                    return "xls", f"{MAC_ROMAN_BIFF}@{offset}"
            if codepage is not None and codepage in MAC_CODEPAGES and codepage not in (10000, 10007):
                # calamine decodes Mac Roman and Mac Cyrillic; the other Mac code pages it refuses
                raise ImportInputError(codepage_message(codepage), kind="codepage")
            return "xls", None
    if "worddocument" in names:
        raise ImportInputError(MSG_WORD, kind="unknown_format")
    if "powerpoint document" in names:
        raise ImportInputError(MSG_POWERPOINT, kind="unknown_format")
    if "nativecontent_main" in names:
        raise ImportInputError(MSG_QUATTRO, kind="other_format")
    if "matost" in names:
        raise ImportInputError(MSG_WORKS, kind="other_format")
    if "starcalcdocument" in names:
        raise ImportInputError(MSG_STARCALC, kind="other_format")
    raise ImportInputError("This Office file is not a spreadsheet (is it a Word or PowerPoint document?).",
                           kind="unknown_format")

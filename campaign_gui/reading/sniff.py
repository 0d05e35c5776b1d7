"""Identify an input file by its bytes (not its extension) and refuse hostile or unusable ones early."""

from __future__ import annotations

import os
import re
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

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
MSG_XML2003 = ("This file is an 'XML Spreadsheet 2003', which cannot be read: open it in Excel and "
               "Save As .xlsx, then try again.")
MSG_CORRUPT = ("The file is damaged or incomplete (the workbook could not be unpacked): "
               "open it in Excel, save it again and retry.")
MSG_BINARY = ("This is not a spreadsheet or text file that can be read "
              "(supported: .xlsx, .xlsm, .xlsb, .xls, .ods, .csv, .tsv, .txt).")
MSG_NOT_SHEET = "This zip/Office file does not contain a spreadsheet (is it a Word or PowerPoint document?)."
MSG_BOMB = ("The workbook unpacks to far more data than it holds (a 'zip bomb' or a damaged file); "
            "it was not opened.")
MSG_TOO_LARGE = "The workbook is too large once unpacked (over 3 GB); split it into smaller files."
MSG_XML = "The file contains XML constructs that are not allowed (DTD or entity declarations); it was not opened."


@dataclass(frozen=True)
class FileKind:
    """What a file is: ``kind`` in xlsx, xlsm, xlsb, ods, xls, text."""

    kind: str
    size: int


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
        return FileKind(check_zip(p), size)
    if head.startswith(CFB_MAGIC):
        return FileKind(_check_cfb(p), size)
    if _looks_html(head):
        raise ImportInputError(MSG_HTML, kind="html")
    if _looks_xml2003(head):
        raise ImportInputError(MSG_XML2003, kind="xml2003")
    if looks_text(head):
        return FileKind("text", size)
    raise ImportInputError(MSG_BINARY, kind="unknown_format")


def check_zip(path: Path) -> str:
    """Identify an OOXML/ODF package and check its directory against zip bombs and XML entity attacks."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_directory(infos)
            names = {i.filename for i in infos}
            if "mimetype" in names:
                mime = _read_capped(zf, zf.getinfo("mimetype"), 256).strip()
                if mime == ODS_MIME:
                    _scan_xml_heads(zf, [i for i in infos if i.filename.endswith(".xml")])
                    return "ods"
            if "xl/workbook.xml" in names:
                kind = "xlsx"
                if "[Content_Types].xml" in names:
                    types = _read_capped(zf, zf.getinfo("[Content_Types].xml"), 4 * 1024**2)
                    _parse_defused(types)
                    if XLSM_MAIN.encode() in types:
                        kind = "xlsm"
                _parse_defused(_read_capped(zf, zf.getinfo("xl/workbook.xml"), 16 * 1024**2))
                _scan_xml_heads(zf, [i for i in infos if i.filename.endswith((".xml", ".rels"))])
                return kind
            if "xl/workbook.bin" in names:
                return "xlsb"
    except zipfile.BadZipFile:
        raise ImportInputError(MSG_CORRUPT, kind="corrupt") from None
    except (zlib.error, EOFError, NotImplementedError):
        raise ImportInputError(MSG_CORRUPT, kind="corrupt") from None
    raise ImportInputError(MSG_NOT_SHEET, kind="unknown_format")


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


def _parse_defused(data: bytes) -> None:
    try:
        DET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ImportInputError(MSG_XML, kind="xml_entities") from None
    except DET.ParseError:
        raise ImportInputError(MSG_CORRUPT, kind="corrupt") from None


_DTD_RE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def _scan_xml_heads(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    """A DTD (and so any entity declaration) can only sit in an XML document's prolog: scan each part's head."""
    for info in infos:
        with zf.open(info) as fh:
            head = fh.read(HEAD_SCAN)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            head = head.decode("utf-16", errors="ignore").encode("utf-8")
        if _DTD_RE.search(head):
            raise ImportInputError(MSG_XML, kind="xml_entities")


def _looks_html(head: bytes) -> bool:
    text = _ascii_head(head)
    return bool(re.match(r"\s*(<!doctype\s+html|<html|<head|<body|<table|<meta|mime-version:)", text)) or (
        text.lstrip().startswith("<") and ("<html" in text or "<table" in text))


def _looks_xml2003(head: bytes) -> bool:
    text = _ascii_head(head)
    return text.lstrip().startswith("<?xml") and "urn:schemas-microsoft-com:office:spreadsheet" in text


def _ascii_head(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head[:4096].decode("utf-16", errors="ignore")
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
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 and b != 27)
    nuls = sample.count(0)
    # A few stray NULs are tolerated in CSV (stripped later); a binary file has many control bytes.
    return (controls - nuls) <= len(sample) * 0.01 and nuls <= len(sample) * 0.05


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


def cfb_stream_names(path: Path, limit: int = 4096) -> list[str]:
    """Names of the entries of an OLE2 compound file's directory (bounded walk)."""
    with path.open("rb") as fh:
        data = fh.read(512)
        if len(data) < 512 or not data.startswith(CFB_MAGIC):
            raise ImportInputError(MSG_CORRUPT, kind="corrupt")
        sector_shift = struct.unpack_from("<H", data, 0x1E)[0]
        if sector_shift not in (9, 12):
            raise ImportInputError(MSG_CORRUPT, kind="corrupt")
        ssize = 1 << sector_shift
        n_fat, first_dir = struct.unpack_from("<I I", data, 0x2C)
        first_difat, n_difat = struct.unpack_from("<I I", data, 0x44)
        fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s < _ENDOFCHAIN]
        nxt = first_difat
        for _ in range(min(n_difat, 1024)):
            if nxt >= _ENDOFCHAIN:
                break
            block = _read_sector(fh, nxt, ssize)
            vals = struct.unpack(f"<{ssize // 4}I", block)
            fat_sectors.extend(s for s in vals[:-1] if s < _ENDOFCHAIN)
            nxt = vals[-1]
        fat: list[int] = []
        for s in fat_sectors[: max(n_fat, 0)][:65536]:
            fat.extend(struct.unpack(f"<{ssize // 4}I", _read_sector(fh, s, ssize)))
        names: list[str] = []
        sector, seen = first_dir, set()
        while sector < _ENDOFCHAIN and sector not in seen and len(names) < limit:
            seen.add(sector)
            block = _read_sector(fh, sector, ssize)
            for off in range(0, ssize, 128):
                name_len = struct.unpack_from("<H", block, off + 0x40)[0]
                if 2 <= name_len <= 64 and block[off + 0x42] in (1, 2, 5):
                    names.append(block[off:off + name_len - 2].decode("utf-16-le", errors="replace"))
            sector = fat[sector] if sector < len(fat) else _ENDOFCHAIN
        return names


def _read_sector(fh: object, sector: int, ssize: int) -> bytes:
    import io

    assert isinstance(fh, io.BufferedReader)
    fh.seek(512 + sector * ssize if ssize == 512 else (sector + 1) * ssize)
    block = fh.read(ssize)
    if len(block) < ssize:
        raise ImportInputError(MSG_CORRUPT, kind="corrupt")
    return block


def _check_cfb(path: Path) -> str:
    names = {n.lower() for n in cfb_stream_names(path)}
    if "encryptioninfo" in names or "encryptedpackage" in names:
        raise ImportInputError(MSG_ENCRYPTED, kind="encrypted")
    if "workbook" in names or "book" in names:
        return "xls"
    raise ImportInputError("This Office file is not a spreadsheet (is it a Word or PowerPoint document?).",
                           kind="unknown_format")

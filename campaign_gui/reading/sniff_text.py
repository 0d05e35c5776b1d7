"""Sniffing a file that is neither a zip package nor an OLE2 file: legacy binary formats by their first record,
SpreadsheetML 2003 and flat ODS by their root, web pages, other XML, SYLK/DIF, and plausible delimited text."""

from __future__ import annotations

import re
import zlib

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading.sniff_messages import (
    MSG_BINARY,
    MSG_DIF,
    MSG_GNUMERIC,
    MSG_LOTUS,
    MSG_OLD_EXCEL,
    MSG_QUATTRO,
    MSG_SYLK,
)

HEAD_SCAN = 64 * 1024

# Legacy binary formats, by their first record: Excel 2.x-4.0 worksheets and workbooks (BIFF2-4 BOF records,
# not inside an OLE2 file), Lotus 1-2-3 (WKS/WK1: BOF 0x0000 with version 0x0404-0x0406; WK3/WK4: 0x1A00),
# Quattro Pro for DOS/Windows (BOF 0x0000 with another version), gzip (Gnumeric saves compressed XML).
_BIFF_OLD = re.compile(rb"\A(\x09\x00\x04\x00|\x09\x02\x06\x00|\x09\x04\x06\x00|\x09\x04\x08\x00)")
_LOTUS = re.compile(rb"\A(\x00\x00\x02\x00[\x04-\x06]\x04|\x00\x00\x1a\x00[\x00-\x05]\x10)")
_QUATTRO = re.compile(rb"\A\x00\x00\x02\x00[\x20-\x22\x01-\x07][\x10\x51]")


def check_binary_formats(head: bytes) -> None:
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
FLAT_ODF = re.compile(r"<office:document\b[^>]*office:mimetype=[\"']application/vnd\.oasis\.opendocument\.(\w+)")


def check_text_formats(text: str) -> None:
    """SYLK and DIF are text, but no CSV: name them rather than read their records as rows."""
    lines = [line.strip() for line in text.splitlines()[:60]]
    lines = [line for line in lines if line]
    if len(lines) >= 2 and lines[0].startswith("id;p"):
        records = lines[1:-1] if len(lines) > 2 else lines[1:]  # the sample may end mid-record
        if sum(1 for line in records if _SYLK_RECORD.match(line)) >= max(1, len(records) * 0.8):
            raise ImportInputError(MSG_SYLK, kind="other_format")
    if len(lines) >= 3 and lines[0] == "table" and re.fullmatch(r"0\s*,\s*1", lines[1]):
        raise ImportInputError(MSG_DIF, kind="other_format")



DTD_RE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)

def utf16_encoding(head: bytes) -> str | None:
    """'utf-16' (with a BOM), 'utf-16-le' or 'utf-16-be' for an XML document in UTF-16, else None."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if head.startswith(b"<\x00"):
        return "utf-16-le"
    if head.startswith(b"\x00<"):
        return "utf-16-be"
    return None


def looks_html(text: str) -> bool:
    return bool(re.match(r"\s*(<!doctype\s+html|<html|<head|<body|<table|<meta|mime-version:)", text)) or (
        text.lstrip().startswith("<") and ("<html" in text or "<table" in text))


_XML2003_ROOT = re.compile(r"<(\w+:)?workbook\b[^>]*urn:schemas-microsoft-com:office:spreadsheet")


def looks_xml2003(text: str) -> bool:
    """SpreadsheetML 2003: a ``<Workbook>`` in the spreadsheet namespace (its ``<Table>`` is no web page)."""
    return text.lstrip().startswith("<") and _XML2003_ROOT.search(text) is not None


def ascii_head(head: bytes) -> str:
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



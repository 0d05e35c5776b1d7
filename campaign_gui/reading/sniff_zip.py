"""Sniffing a zip package: an OOXML workbook (.xlsx, .xlsm, .xlsb) found through its relationships and content
types, or an OpenDocument spreadsheet; refusing zip bombs, DTDs/entities in its XML, and packages that hold no
sheet (Word, PowerPoint, Numbers, Visio). Also the capped CRC check of members before calamine reads them."""

from __future__ import annotations

import os
import posixpath
import zipfile
import zlib
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading.sniff_messages import (
    MSG_BOMB,
    MSG_CORRUPT,
    MSG_NOT_SHEET,
    MSG_NUMBERS,
    MSG_POWERPOINT,
    MSG_TOO_LARGE,
    MSG_WORD,
    MSG_XML,
)
from campaign_gui.reading.sniff_text import DTD_RE, HEAD_SCAN, ascii_head, utf16_encoding

ZIP_MAGIC = b"PK\x03\x04"
XLSM_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"

# Zip bomb limits. A real 1,048,576-row sheet unpacks to a few hundred MB and deflates 5-40x;
# styled empty rows compress better, hence the ratio limit only on big members.
MAX_MEMBERS = 10_000
MAX_TOTAL_UNCOMPRESSED = 3 * 1024**3
MAX_RATIO = 100
RATIO_MIN_SIZE = 64 * 1024**2


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
    return "<office:spreadsheet" in ascii_head(head)


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
        if DTD_RE.search(head):
            raise ImportInputError(MSG_XML, kind="xml_entities")
    return utf16

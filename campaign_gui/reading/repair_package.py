"""Zip packages calamine cannot open as they are, rewritten (streaming) into a new package in the usual layout.

* an OOXML package laid out unusually (the workbook part found through ``_rels/.rels`` and the content types
  outside ``xl/workbook.xml``, member names with backslashes, parts in UTF-16): the workbook, its sheets,
  shared strings and styles are copied to the usual names, UTF-16 parts re-encoded to UTF-8;
* an ODS without its ``mimetype`` (or manifest) member: both are added;
* a flat ODS (.fods, one XML document): packed as the ``content.xml`` of an ODS, as it is.

Also the package pieces xml2003 writes its .xlsx with (``zip_writer``, ``rels_xml``, ``content_types_xml``).
"""

from __future__ import annotations

import codecs
import posixpath
import re
import shutil
import zipfile
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import quoteattr

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading import sniff_messages as msg
from campaign_gui.reading import sniff_zip as sz
from campaign_gui.reading.sniff_text import utf16_encoding

CHUNK = 4 * 1024**2
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml"
WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
ODS_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>")


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


def zip_writer(path: Path) -> zipfile.ZipFile:
    """A new zip package at ``path``, deflated fast (it is read once, from the scratch folder)."""
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
        with zip_writer(dest) as out:
            overrides = [(f"/xl/workbook{main}", wb_type)] + [("/" + n, t) for n, _i, t in copies if t]
            out.writestr("[Content_Types].xml", content_types_xml(overrides))
            out.writestr("_rels/.rels", rels_xml([("rId1", f"{DOC_RELS}/officeDocument", f"xl/workbook{main}", False)]))
            _copy_member(zf, parts[wb_name], out, f"xl/workbook{main}")
            out.writestr(f"xl/_rels/workbook{main}.rels", rels_xml(rels))
            for name, info, _type in copies:
                _copy_member(zf, info, out, name)


def content_types_xml(overrides: list[tuple[str, str]]) -> str:
    """``[Content_Types].xml`` with these (part name, content type) overrides."""
    body = "".join(f"<Override PartName={quoteattr(n)} ContentType={quoteattr(t)}/>" for n, t in overrides)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="{RELS_TYPE}"/><Default Extension="xml" '
            f'ContentType="application/xml"/>{body}</Types>')


def rels_xml(rels: list[tuple[str, str, str, bool]]) -> str:
    """A relationships part of these (id, type, target, external) relationships."""
    body = "".join(f"<Relationship Id={quoteattr(i)} Type={quoteattr(t)} Target={quoteattr(g)}"
                   + (' TargetMode="External"' if ext else "") + "/>" for i, t, g, ext in rels)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG_RELS}">{body}</Relationships>'


# --- OpenDocument ---------------------------------------------------------------------------------------

def normalise_ods(src: Path, dest: Path) -> None:
    """An ODS package with ``mimetype`` first (stored) and a manifest; other members copied, in UTF-8."""
    with zipfile.ZipFile(src) as zf, zip_writer(dest) as out:
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
    with src.open("rb") as fh, zip_writer(dest) as out:
        out.writestr(zipfile.ZipInfo("mimetype"), sz.ODS_MIME)
        out.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        with out.open("content.xml", "w", force_zip64=True) as dst:
            copy_utf8(fh, dst)

"""Identify an input file by its bytes (not its extension) and refuse hostile or unusable ones early.

The dispatcher: the file's first bytes choose sniff_zip (OOXML and ODS packages), sniff_ole (OLE2: .xls and
encrypted workbooks) or sniff_text (everything else: old binary formats, XML spreadsheets, web pages, text);
what the user is told sits in sniff_messages.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading.sniff_messages import MSG_BINARY, MSG_EMPTY, MSG_FLAT_ODF, MSG_HTML, MSG_OTHER_XML, MSG_XML
from campaign_gui.reading.sniff_ole import CFB_MAGIC, check_cfb
from campaign_gui.reading.sniff_text import (
    DTD_RE,
    FLAT_ODF,
    HEAD_SCAN,
    ascii_head,
    check_binary_formats,
    check_text_formats,
    looks_html,
    looks_text,
    looks_xml2003,
)
from campaign_gui.reading.sniff_zip import ZIP_MAGIC, check_zip


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
        kind, repair = check_cfb(p)
        return FileKind(kind, size, repair)
    check_binary_formats(head)
    text = ascii_head(head)
    if looks_xml2003(text):
        return FileKind("xml2003", size)
    flat = FLAT_ODF.search(text)
    if flat is not None:
        if flat.group(1) != "spreadsheet":
            raise ImportInputError(MSG_FLAT_ODF, kind="unknown_format")
        if DTD_RE.search(text.encode("utf-8", "replace")):
            raise ImportInputError(MSG_XML, kind="xml_entities")
        return FileKind("fods", size)
    if looks_html(text):
        raise ImportInputError(MSG_HTML, kind="html")
    if text.lstrip().startswith("<?xml"):  # XML of another kind: its markup is no delimited text
        raise ImportInputError(MSG_OTHER_XML, kind="other_format")
    check_text_formats(text)
    if looks_text(head):
        return FileKind("text", size)
    raise ImportInputError(MSG_BINARY, kind="unknown_format")


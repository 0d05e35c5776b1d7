"""Workbooks calamine cannot open as they are, rewritten into the scratch folder first; ``prepare`` chooses.

* zip packages laid out unusually (OOXML, ODS) and flat ODS: repair_package rewrites them;
* a SpreadsheetML 2003 workbook (XML): xml2003 converts it to an .xlsx;
* a legacy .xls whose CODEPAGE says Mac Roman under Mac Excel's number: a copy relabelled here.

And a file whose extension lies is given calamine under the right one (calamine picks the format by it):
a link in the scratch folder, or a copy where links cannot be made.
Every file made here is the caller's to remove (``Prepared.remove``).
"""

from __future__ import annotations

import os
import shutil
import struct
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading import sniff_messages as msg
from campaign_gui.reading.repair_package import normalise_ods, normalise_ooxml, pack_fods
from campaign_gui.reading.scratch import scratch_dir
from campaign_gui.reading.sniff_ole import MAC_ROMAN_BIFF
from campaign_gui.reading.xml2003 import convert_xml2003

EXTENSIONS = {"xlsx": ".xlsx", "xlsm": ".xlsm", "xlsb": ".xlsb", "ods": ".ods", "xls": ".xls"}
# the extensions under which calamine opens each kind with the right reader (it chooses by the extension)
_OOXML_NAMES = frozenset({".xlsx", ".xlsm", ".xlam"})
READ_AS = {"xlsx": _OOXML_NAMES, "xlsm": _OOXML_NAMES, "xlsb": frozenset({".xlsb"}), "ods": frozenset({".ods"}),
           "xls": frozenset({".xls", ".xla"})}



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


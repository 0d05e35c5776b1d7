"""Sniffing an OLE2 compound file: a legacy .xls (BIFF5/BIFF8) workbook, whose globals are read for FILEPASS
(password) and CODEPAGE (Mac code pages calamine cannot decode, Mac Roman read through a patched copy), an
encrypted OOXML package, or another Office document (Word, PowerPoint, Quattro Pro, Works, StarCalc)."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading.sniff_messages import (
    MAC_CODEPAGES,
    MSG_CORRUPT,
    MSG_ENCRYPTED,
    MSG_POWERPOINT,
    MSG_QUATTRO,
    MSG_STARCALC,
    MSG_WORD,
    MSG_WORKS,
    codepage_message,
)

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
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


def check_cfb(path: Path) -> tuple[str, str | None]:
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

"""Delimited text (.csv/.tsv/.txt): encoding detection, delimiter sniffing, NUL stripping, NFC text."""

from __future__ import annotations

import codecs
import csv
import logging
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading.source import CellValue, SheetInfo, Source, check_cancel

if TYPE_CHECKING:
    from campaign_gui.reading.xlsx_split import Offload

logger = logging.getLogger(__name__)

FIELD_LIMIT = 16 * 1024 * 1024  # a field longer than this is a broken quote, not data
SAMPLE = 256 * 1024
DELIMITERS = (",", ";", "\t", "|")
EIGHT_BIT = ("cp1258", "cp1251", "cp1252")

_VN_LOWER = ("aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ")
VIETNAMESE = frozenset(_VN_LOWER + _VN_LOWER.upper())
WESTERN = frozenset("àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿßšžœŸŠŽŒ" + "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def detect_encoding(path: Path) -> str:
    """BOM, then strict UTF-8 (whole file), then UTF-16 without BOM, then 8-bit codepages by scoring."""
    with path.open("rb") as fh:
        head = fh.read(SAMPLE)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16"
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    nul_even, nul_odd = head[0::2].count(0), head[1::2].count(0)
    half = max(len(head) // 2, 1)
    # UTF-16 has a NUL in every other byte of ASCII text: not one stray NUL in a short file
    if nul_odd > 0.4 * half and nul_even < 0.05 * half and nul_odd >= 4:
        return "utf-16-le"
    if nul_even > 0.4 * half and nul_odd < 0.05 * half and nul_even >= 4:
        return "utf-16-be"
    if _is_utf8(path):
        return "utf-8"
    return guess_8bit(head)


def _is_utf8(path: Path) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(4 * 1024 * 1024):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def guess_8bit(sample: bytes) -> str:
    """Pick the codepage whose decoding yields the most plausible words (Vietnamese, Cyrillic, Western)."""
    scores: dict[str, int] = {}
    for enc in EIGHT_BIT:
        text = unicodedata.normalize("NFC", sample.decode(enc, errors="replace"))
        scores[enc] = _score(text)
    best = max(EIGHT_BIT, key=lambda e: scores[e])
    if scores[best] > 0:
        return best
    try:
        from charset_normalizer import from_bytes

        match = from_bytes(sample, cp_isolation=["cp1258", "cp1251", "cp1252", "cp1250", "latin_1"]).best()
        if match is not None:
            return str(match.encoding)
    except Exception:  # the detector is a hint only
        logger.debug("charset-normalizer failed", exc_info=True)
    return "cp1252"


def _score(text: str) -> int:
    score = 0
    for word in _WORD.findall(text):
        high = [c for c in word if ord(c) > 127]
        if not high:
            continue
        if "\ufffd" in word or any(unicodedata.combining(c) for c in word):
            score -= 2 * len(word)
        elif all("\u0400" <= c <= "\u04ff" for c in word):
            score += len(word)
        elif all(c in VIETNAMESE for c in high):
            score += len(word)
        elif all(c in WESTERN for c in high) and len(high) * 2 <= len(word):
            score += len(word) // 2
        else:
            score -= len(word)
    return score


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter among , ; tab | that splits the first records most consistently (quotes respected)."""
    best, best_key = ",", (0.0, 0)
    text = "".join(lines)
    for delim in DELIMITERS:
        if delim not in text:
            continue
        try:
            counts = [len(r) for r in csv.reader(lines, delimiter=delim) if r]
        except csv.Error:
            continue
        if len(counts) > 1 and len(lines) >= 2 and not lines[-1].endswith(("\n", "\r")):
            counts = counts[:-1]  # the sample may end in the middle of a record
        if not counts:
            continue
        mode, freq = Counter(counts).most_common(1)[0]
        if mode < 2:
            continue
        key = (freq / len(counts), mode)
        if key > best_key:
            best, best_key = delim, key
    return best


class CsvSource(Source):
    """A delimited text file as a one-sheet source."""

    def __init__(self, path: Path, *, encoding: str | None = None, delimiter: str | None = None) -> None:
        super().__init__()
        self.path = path
        self.kind = "csv"
        if encoding:
            try:
                codecs.lookup(encoding)
            except LookupError:
                raise ImportInputError(f"Unknown text encoding {encoding!r}.", kind="bad_encoding") from None
        self.encoding = encoding or detect_encoding(path)
        self._nuls = 0
        self._info: SheetInfo | None = None
        csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
        self.delimiter = delimiter or sniff_delimiter(self._head_lines(50))

    @property
    def sheet_names(self) -> list[str]:
        return [self.path.stem]

    @property
    def sheets(self) -> list[SheetInfo]:
        if self._info is None:
            rows = cols = 0
            for row in self._records(None):
                rows += 1
                cols = max(cols, len(row))
            self._info = SheetInfo(self.path.stem, 0, rows, cols, False)
        return [self._info]

    def iter_rows(self, sheet: str | int, *, start_row: int = 0,
                  cancel: threading.Event | None = None) -> Iterator[list[CellValue]]:
        for row in self.iter_rows_fast(sheet, start_row=start_row, cancel=cancel):
            yield [v if v != "" else None for v in row]

    def iter_rows_fast(self, sheet: str | int, *, start_row: int = 0, cancel: threading.Event | None = None,
                       offload: Offload | None = None) -> Iterator[list[CellValue]]:
        self.resolve_sheet(sheet)
        for i, row in enumerate(self._records(cancel)):
            if i >= start_row:
                yield row  # type: ignore[misc]  # list[str] is a list of CellValue

    def _open_text(self) -> Iterator[str]:
        assert self.encoding is not None
        try:
            with self.path.open("r", encoding=self.encoding, errors="replace", newline="") as fh:
                for line in fh:
                    if "\x00" in line:
                        self._nuls += line.count("\x00")
                        line = line.replace("\x00", "")
                    if not line.isascii():
                        line = unicodedata.normalize("NFC", line)
                    yield line
        except OSError as exc:
            raise ImportInputError(f"Cannot read {self.path.name}: {exc.strerror or exc}", kind="unreadable") from None

    def _head_lines(self, n: int) -> list[str]:
        out: list[str] = []
        for line in self._open_text():
            out.append(line)
            if len(out) >= n:
                break
        return out

    def _records(self, cancel: threading.Event | None) -> Iterator[list[str]]:
        self._nuls = 0
        reader = csv.reader(self._open_text(), delimiter=self.delimiter or ",")
        try:
            for i, row in enumerate(reader):
                if not i & 0x3FFF:
                    check_cancel(cancel)
                yield row
        except csv.Error as exc:
            raise ImportInputError(
                f"The text file could not be read near line {reader.line_num}: {exc} "
                "(an unclosed quote?)", kind="corrupt") from None
        if self._nuls:
            msg = f"{self._nuls} NUL byte(s) were removed from the file."
            if msg not in self.warnings:
                self.warnings.append(msg)

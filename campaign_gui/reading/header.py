"""Find the header row (title and blank rows above it skipped) and give every column a unique name."""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from campaign_gui.reading.mapping import SYNONYMS, fold
from campaign_gui.reading.source import CellValue

SCAN_ROWS = 30
_KNOWN = frozenset(fold(s) for syns in SYNONYMS.values() for s, _ in syns) | {"stt", "id", "no", "note", "ghi chu"}
_PHONEISH = re.compile(r"^[\s+()\-.\d\uff10-\uff19]{8,}$")
# text that is a value, not a label: numbers (signs, separators, exponents), booleans, dates and times
_VALUE_TEXT = re.compile(r"^[-+]?[\d\s.,]*\d[\d\s.,]*(e[-+]?\d+)?%?$|^(true|false)$|^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}"
                         r"|^\d{1,2}:\d{2}", re.IGNORECASE)


def _text(v: CellValue) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, datetime.datetime | datetime.date | datetime.time):
        return v.isoformat()
    return str(v).strip()


def _is_label(v: CellValue) -> bool:
    """A header-like cell: text that is not a number or a phone."""
    if not isinstance(v, str):
        return False
    s = v.strip()
    return bool(s) and not _PHONEISH.match(s) and not _VALUE_TEXT.match(s) and "@" not in s


def _phoneish(v: CellValue) -> bool:
    if isinstance(v, int | float) and not isinstance(v, bool):
        return 8 <= len(str(int(v))) <= 15
    return isinstance(v, str) and bool(_PHONEISH.match(v.strip()))


def detect_header(rows: Sequence[Sequence[CellValue]]) -> int | None:
    """0-based index of the header row among the first rows, or None when row 1 is already data."""
    best: tuple[float, int] | None = None
    widest = max((sum(1 for v in r if v not in (None, "")) for r in rows[:SCAN_ROWS]), default=0)
    for i, row in enumerate(rows[:SCAN_ROWS]):
        filled = [v for v in row if v not in (None, "")]
        if not filled:
            continue
        labels = [v for v in filled if _is_label(v)]
        if not labels or any(_phoneish(v) for v in filled):  # a header holds no phone numbers
            if best is None:
                return None  # the first non-blank row is data: there is no header
            continue
        known = sum(1 for v in labels if fold(str(v)) in _KNOWN)
        score = 3.0 * known + len(labels) - (len(filled) - len(labels))
        if len(filled) == 1 and widest > 1:
            score -= 2  # a lone title cell above a wider table
        # header labels are distinct: "blah blah" repeated along a row is a banner or data, not a header
        score -= 2 * (len(labels) - len({fold(str(v)) for v in labels}))
        below = _next_filled(rows, i)
        if below is not None:
            under = [below[c] for c in range(min(len(below), len(row))) if row[c] not in (None, "")
                     and below[c] not in (None, "")]
            if any(_phoneish(v) for v in under):
                score += 2
            elif any(not _is_label(v) for v in under):
                score += 1.5  # labels above values (numbers, dates): the shape of a header over data
            if sum(1 for v in below if v not in (None, "")) >= max(1, len(filled) // 2):
                score += 1
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best is not None else None


def _next_filled(rows: Sequence[Sequence[CellValue]], i: int) -> Sequence[CellValue] | None:
    for row in rows[i + 1:i + 4]:
        if any(v not in (None, "") for v in row):
            return row
    return None


def column_letter(index: int) -> str:
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def header_names(row: Sequence[CellValue] | None, width: int) -> list[str]:
    """Unique column names: blank -> 'Column C'; repeats -> 'Phone (2)'.

    Linear in the number of columns: each label remembers the next suffix to try, so a row of 16,384 equal
    labels costs 16,384 look-ups, not 16,384² / 2 (benchmarks/header_bench.py)."""
    cells = list(row or [])
    used: set[str] = set()  # (a call: tests count its look-ups)
    next_suffix: dict[str, int] = {}  # folded base label -> the next "(n)" to try
    names: list[str] = []
    for c in range(max(width, len(cells))):
        base = (" ".join(_text(cells[c]).split()) if c < len(cells) else "") or f"Column {column_letter(c)}"
        name, key = base, base.casefold()
        if key in used:
            n = next_suffix.get(key, 2)
            name = f"{base} ({n})"
            while name.casefold() in used:  # "A (2)" typed as a label of its own: skip past it
                n += 1
                name = f"{base} ({n})"
            next_suffix[key] = n + 1
        used.add(name.casefold())
        names.append(name)
    return names

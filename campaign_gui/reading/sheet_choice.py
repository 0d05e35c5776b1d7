"""Which sheet holds the contacts: every visible sheet scored by the phone-like rows under its header."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading.header import detect_header, header_names
from campaign_gui.reading.mapping import propose_mapping
from campaign_gui.reading.source import CellValue, Source

SCORE_ROWS = 60  # rows read from the top of each sheet
CONTACTS = 3  # a sheet with this many phone-like rows under its header holds a contact list


@dataclass(frozen=True)
class SheetScore:
    index: int
    name: str
    phones: int  # valid phone numbers in the phone column of the first SCORE_ROWS rows


@dataclass(frozen=True)
class SheetChoice:
    """``index``: the sheet to read, None when the user must choose among ``contenders``; ``skipped``: the
    first visible sheet, passed over because it holds no contact list (instructions, a cover page)."""

    index: int | None
    scores: tuple[SheetScore, ...]
    skipped: str | None = None
    contenders: tuple[SheetScore, ...] = ()

    def note(self) -> str | None:
        """The English note a chosen sheet deserves (the CLI's; the window translates its own)."""
        if self.index is None or self.skipped is None:
            return None
        name = next(s.name for s in self.scores if s.index == self.index)
        return f"Read sheet '{name}': the first sheet '{self.skipped}' holds no contact list."


def phone_rows(rows: Sequence[Sequence[CellValue]], region: str) -> int:
    """Valid phone numbers under the detected header: in the proposed phone column, else in the best column."""
    from campaign_gui.domain.phones import normalize_column

    found = detect_header(rows)
    start = 0 if found is None else found + 1
    data = [r for r in rows[start:] if any(v not in (None, "") for v in r)]
    if not data:
        return 0
    width = max(len(r) for r in data)
    headers = header_names(rows[found] if found is not None else None, width)
    mapping = propose_mapping(headers, data, region=region)
    columns = [mapping.fields["phone"]] if "phone" in mapping.fields else range(width)
    best = 0
    for col in columns:
        values = [r[col] for r in data if col < len(r) and r[col] not in (None, "")]
        if values:
            best = max(best, len(values) - normalize_column(values, region).status.count(2))
    return best


def choose_sheet(source: Source, region: str) -> SheetChoice:
    """The first visible sheet, unless it holds no contact list and another one does (one: that one; several:
    ask). A single visible sheet is never scored."""
    hidden = source.hidden_sheets()
    visible = [i for i, name in enumerate(source.sheet_names) if name not in hidden]
    if len(visible) <= 1:
        return SheetChoice(visible[0] if visible else 0, ())
    names = source.sheet_names
    scores = tuple(SheetScore(i, names[i], phone_rows(source.preview(i, SCORE_ROWS), region)) for i in visible)
    first = scores[0]
    best = max(s.phones for s in scores)
    if first.phones >= CONTACTS or first.phones == best:
        return SheetChoice(first.index, scores)
    contenders = tuple(s for s in scores[1:] if s.phones >= CONTACTS) or tuple(
        s for s in scores[1:] if s.phones == best)
    if len(contenders) == 1:
        return SheetChoice(contenders[0].index, scores, skipped=first.name)
    return SheetChoice(None, scores, skipped=first.name, contenders=contenders)


def ask_message(choice: SheetChoice) -> str:
    listed = ", ".join(f"'{s.name}' ({s.phones})" for s in choice.contenders)
    return (f"Several sheets hold phone numbers ({listed} in their first rows) and the first sheet holds no "
            f"contact list: choose the sheet to read (--sheet NAME).")


def resolve_default_sheet(source: Source, region: str) -> int:
    """``choose_sheet``'s index; raises ImportInputError(kind="choose_sheet") when the user must choose."""
    choice = choose_sheet(source, region)
    if choice.index is None:
        raise ImportInputError(ask_message(choice), kind="choose_sheet")
    note = choice.note()
    if note is not None:
        source.warnings.append(note)
    return choice.index

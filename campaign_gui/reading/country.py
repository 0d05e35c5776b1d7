"""A phone column written for another country: most numbers invalid here but valid there, said once."""

from __future__ import annotations

from itertools import compress, islice

from campaign_gui.reading.result import INVALID, ColumnStore

# the countries asked about: the providers' own and those whose numbers Vietnamese and Belarusian users meet
NAMES = {"VN": "Vietnam", "RU": "Russia", "BY": "Belarus", "UA": "Ukraine", "KZ": "Kazakhstan", "AU": "Australia",
         "GB": "the United Kingdom", "US": "the United States", "CN": "China", "TH": "Thailand", "LA": "Laos",
         "KH": "Cambodia", "PH": "the Philippines", "ID": "Indonesia", "MY": "Malaysia", "SG": "Singapore",
         "KR": "South Korea", "JP": "Japan", "IN": "India", "DE": "Germany", "FR": "France", "PL": "Poland",
         "LT": "Lithuania", "LV": "Latvia"}
CANDIDATES = tuple(NAMES)
SAMPLE = 200
MIN_INVALID = 5
INVALID_SHARE = 0.5  # of the rows with something in the phone cell
FOREIGN_SHARE = 0.8  # of the sampled invalid numbers, valid in the other country
OTHER_COUNTRY = "other_country"


def country_message(hint: str, region: str) -> str:
    """The once-per-column note (CLI and window; the window translates it)."""
    return (f"Most phone numbers look like numbers of {NAMES.get(hint, hint)} ({hint}), not of "
            f"{NAMES.get(region, region)} ({region}): choose country {hint}.")


def row_message(hint: str, region: str) -> str:
    return f"Not a valid {region} number; a valid number of {NAMES.get(hint, hint)} ({hint}): choose country {hint}."


def foreign_country(store: ColumnStore, region: str) -> str | None:
    """The country most invalid numbers of the column belong to, when most numbers are invalid here."""
    from campaign_gui.domain.phones import normalize_column

    status = store.status.tobytes()
    invalid = status.count(INVALID)
    if invalid < MIN_INVALID:
        return None
    empty = store.reasons.code("empty")
    typed = len(status) - sum(1 for i in compress(range(len(status)), map(INVALID.__eq__, status))
                              if store.reason[i] == empty)
    if invalid - (len(status) - typed) < INVALID_SHARE * max(1, typed):
        return None
    originals = store.original
    sample = list(islice((originals[i] for i in compress(range(len(status)), map(INVALID.__eq__, status))
                          if originals[i].strip()), SAMPLE))
    if len(sample) < MIN_INVALID:
        return None
    best: tuple[int, str] | None = None
    for other in CANDIDATES:
        if other == region:
            continue
        valid = len(sample) - normalize_column(sample, other).status.count(2)
        if best is None or valid > best[0]:
            best = (valid, other)
    if best is None or best[0] < FOREIGN_SHARE * len(sample):
        return None
    return best[1]


def mark_foreign(store: ColumnStore, region: str, hint: str) -> int:
    """Invalid rows valid in ``hint`` say so (reason OTHER_COUNTRY, the number there suggested); how many."""
    from campaign_gui.domain.phones import normalize_column

    status = store.status.tobytes()
    rows = list(compress(range(len(status)), map(INVALID.__eq__, status)))
    column = normalize_column([store.original[i] for i in rows], hint)
    reason, message = store.reasons.code(OTHER_COUNTRY), store.messages.code(row_message(hint, region))
    marked = 0
    for i, e164 in zip(rows, column.e164, strict=True):
        if e164:
            store.reason[i], store.message[i] = reason, message
            store.suggestion[i] = e164
            store.numbers.pop(i, None)
            marked += 1
    return marked

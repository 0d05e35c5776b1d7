"""Phone normalisation to E.164 with Excel repairs: valid / fixed / invalid, one answer per cell.

Boundary between the three statuses (tests pin every line):

* ``valid``: the cell is text spelling a valid number in an ordinary way. ASCII digits with optional
  spaces, tabs, dots, dashes (also Unicode dashes), slashes, parentheses; a leading ``+``, ``00`` (or the
  region's own IDD, e.g. AU ``0011``); national with trunk prefix (``0901 234 567``), international with
  (``+84 90 123 4567``, ``0084…``) or without the plus when phonenumbers reads it so (``84901234567``). A
  foreign number written with ``+``/``00`` is valid and keeps its country. Numbers normally written without
  a trunk prefix (VN ``1800 1234``, AU ``1300…``) are valid as written.
* ``fixed``: valid only after a repair of what Excel or copy-paste did; ``fix`` names the most important
  one (order of ``FIX_ORDER``) and ``message`` lists them all: ``leading_zero`` (national number whose
  national format starts with a trunk prefix, written without it: VN ``901234567``, AU ``400000000``),
  ``numeric_cell`` (an int, or a float with an integral value, e.g. ``84901234567.0``), ``float_suffix``
  (text ``"84901234567.0"``), ``apostrophe`` (``"'0901…"``), ``fullwidth`` (``０９０…``),
  ``unicode_digits``, ``nbsp`` (non-breaking/thin/other Unicode spaces), ``invisible`` (zero-width and
  direction marks).
* ``invalid``: ``reason`` is one of ``REASONS``: ``empty`` (None, blank, NaN, only separators), ``formula``
  (text starting with ``=``), ``scientific`` (text like ``8.49012E+10``: never guessed), ``not_a_number``
  (letters, other symbols, bool, dates, negative numbers), ``not_integral`` (a number with decimals),
  ``too_long`` (more than 15 digits), ``too_short``, ``invalid_length``, ``invalid_country_code``,
  ``invalid_number`` (phonenumbers says no), ``invalid_for_region`` (no ``+`` and invalid here, but valid
  with a ``+``: ``suggestion`` is that E.164), ``old_prefix`` (an old 11-digit VN mobile number:
  ``suggestion`` is the renumbered E.164; never applied silently).

Validity is ``phonenumbers.is_valid_number`` with the given default region. ``normalize_column`` answers the
common valid shapes, and invalid national numbers, from tables compiled from phonenumbers' own metadata
(``phones_fast``), asks phonenumbers for everything else, and returns columns (no object per cell);
``normalize_many`` builds PhoneResult objects from it. Property tests hold both equal to
``normalize_phone_reference``.
"""

from __future__ import annotations

import gc
from array import array
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, ValidationResult

from campaign_gui.domain import phones_clean as _clean
from campaign_gui.domain.phones_clean import FIX_ORDER, clean_cell, split_idd
from campaign_gui.domain.phones_fast import (
    MISS,
    RegionTable,
    invalid_nsn,
    plan_cache,
    region_table,
)
from campaign_gui.domain.phones_format import to_provider_format
from campaign_gui.domain.phones_multi import SEVERAL, TEXT_AROUND, find_numbers
from campaign_gui.domain.phones_oracle import MAX_LENGTH
from campaign_gui.domain.phones_suggest import (
    OLD_VN_PREFIXES,
    may_be_valid_international,
    old_vn_suggestion,
    valid_e164,
)

__all__ = [
    "OLD_VN_PREFIXES",
    "REASONS",
    "STATUS_CODES",
    "PhoneColumn",
    "PhoneResult",
    "normalize_column",
    "normalize_many",
    "normalize_phone",
    "normalize_phone_reference",
    "phone_key",
    "to_provider_format",
]


@dataclass(frozen=True, slots=True)
class PhoneResult:
    status: str  # "valid" | "fixed" | "invalid"
    e164: str | None  # "+84901234567" when valid/fixed
    reason: str  # "" unless invalid; one of REASONS
    message: str  # the reason or the repair in the user's terms
    suggestion: str | None  # E.164 the user may accept (old VN prefixes, number missing its '+')
    fix: str  # "" or the main repair applied (phones_clean.FIX_ORDER)


REASONS: Mapping[str, str] = MappingProxyType(
    {
        _clean.EMPTY: "The phone cell is empty.",
        _clean.FORMULA: "The cell holds a formula, not a phone number.",
        _clean.SCIENTIFIC: "Excel turned this number into scientific notation (like 8.49012E+10) and its last "
        "digits are lost; format the column as text and type the number again.",
        _clean.NOT_A_NUMBER: "This is not a phone number (letters or other characters).",
        _clean.NOT_INTEGRAL: "The cell holds a number with decimals, not a phone number.",
        _clean.TOO_LONG: "Too many digits for a phone number (more than 15).",
        "too_short": "Too few digits for a phone number.",
        "invalid_length": "The number of digits does not fit this country's phone numbers.",
        "invalid_country_code": "Unknown country code after the '+'.",
        "invalid_number": "Not a valid phone number.",
        "invalid_for_region": "Not a valid number for this country; with a '+' in front it is a valid foreign number.",
        "old_prefix": "Old 11-digit Vietnamese mobile number; the prefix changed in 2018.",
        SEVERAL: "More than one phone number in one cell.",
        TEXT_AROUND: "Other text around the phone number.",
    }
)
# invalid cells worth a look for numbers among other text (phones_multi); the rest say all there is
_EXPLAINED = frozenset({_clean.NOT_A_NUMBER, _clean.TOO_LONG, "too_short", "invalid_length", "invalid_number",
                        "invalid_country_code", SEVERAL, TEXT_AROUND})

_FIX_MESSAGES = {
    "leading_zero": "Excel dropped the leading 0; read as a national number.",
    "numeric_cell": "The cell was stored as a number; read as digits.",
    "float_suffix": "Removed the '.0' that Excel added.",
    "apostrophe": "Removed the leading apostrophe.",
    "fullwidth": "Converted full-width digits.",
    "unicode_digits": "Converted non-Latin digits.",
    "nbsp": "Removed non-breaking or other special spaces.",
    "invisible": "Removed invisible characters.",
}
_PARSE_REASONS = {
    NumberParseException.INVALID_COUNTRY_CODE: "invalid_country_code",
    NumberParseException.NOT_A_NUMBER: _clean.NOT_A_NUMBER,
    NumberParseException.TOO_SHORT_AFTER_IDD: "too_short",
    NumberParseException.TOO_SHORT_NSN: "too_short",
    NumberParseException.TOO_LONG: _clean.TOO_LONG,
}
_POSSIBLE_REASONS = {
    ValidationResult.TOO_SHORT: "too_short",
    ValidationResult.TOO_LONG: _clean.TOO_LONG,
    ValidationResult.INVALID_COUNTRY_CODE: "invalid_country_code",
    ValidationResult.INVALID_LENGTH: "invalid_length",
}

MAX_DIGITS = 15  # E.164's limit: REASONS["too_long"] says "more than 15"
_new = object.__new__
_set_fields = tuple(getattr(PhoneResult, name).__set__ for name in PhoneResult.__slots__)


def _result(status: str, e164: str | None, reason: str, message: str, suggestion: str | None, fix: str) -> PhoneResult:
    """PhoneResult without the frozen-dataclass __init__ (about 2x faster; the same object and equality)."""
    result: PhoneResult = _new(PhoneResult)
    s0, s1, s2, s3, s4, s5 = _set_fields
    s0(result, status)
    s1(result, e164)
    s2(result, reason)
    s3(result, message)
    s4(result, suggestion)
    s5(result, fix)
    return result


def _invalid(reason: str, message: str = "", suggestion: str | None = None) -> PhoneResult:
    return _result("invalid", None, reason, message or REASONS.get(reason, REASONS["invalid_number"]), suggestion, "")


_INVALID = {reason: _invalid(reason) for reason in REASONS}

Outcome = tuple[str, str, str, str]  # (status, reason, message, fix) shared by many cells
_PLAIN: Outcome = ("valid", "", "", "")
STATUS_CODES = {"valid": 0, "fixed": 1, "invalid": 2}  # PhoneColumn.status bytes


@dataclass(frozen=True, slots=True)
class PhoneColumn:
    """Answers for a column of cells without an object per cell (cheap to build, pickle and store)."""

    status: bytes  # per cell: STATUS_CODES of its status
    e164: list[str]  # per cell: the E.164, '' when invalid
    outcome: Sequence[int]  # per cell: index in ``outcomes`` (0 = plainly valid)
    outcomes: list[Outcome]
    suggestions: dict[int, str]  # cell index -> suggested E.164 (sparse)
    numbers: dict[int, tuple[str, ...]] = field(default_factory=dict)  # cell index -> every number it holds

    @classmethod
    def build(cls, e164: list[str], kinds: list[int], outcomes: list[Outcome],
              suggestions: dict[int, str], numbers: dict[int, tuple[str, ...]] | None = None) -> PhoneColumn:
        codes = [STATUS_CODES[o[0]] for o in outcomes]
        if len(outcomes) <= 256:
            packed = bytes(kinds)
            return cls(packed.translate(bytes(codes + [0] * (256 - len(codes)))), e164, packed, outcomes, suggestions,
                       numbers or {})
        return cls(bytes(map(codes.__getitem__, kinds)), e164, array("I", kinds), outcomes, suggestions, numbers or {})

    def __len__(self) -> int:
        return len(self.status)

    def result(self, i: int) -> PhoneResult:
        status, reason, message, fix = self.outcomes[self.outcome[i]]
        return _result(status, self.e164[i] or None, reason, message, self.suggestions.get(i), fix)

    def results(self) -> list[PhoneResult]:
        out: list[PhoneResult] = []
        append, outcomes, suggestions = out.append, self.outcomes, self.suggestions
        new, cls = _new, PhoneResult
        s0, s1, s2, s3, s4, s5 = _set_fields
        for i, (e164, kind) in enumerate(zip(self.e164, self.outcome, strict=True)):
            status, reason, message, fix = outcomes[kind]
            result = new(cls)
            s0(result, status)
            s1(result, e164 or None)
            s2(result, reason)
            s3(result, message)
            s4(result, suggestions.get(i) if suggestions else None)
            s5(result, fix)
            append(result)
        return out


class _LazyCodes(dict[str, int]):
    """Outcome code of each reason decided before phonenumbers is asked, registered on first use."""

    def __init__(self, code_of: Callable[[Outcome], int]) -> None:
        super().__init__()
        self._code_of = code_of

    def __missing__(self, reason: str) -> int:
        code = self[reason] = self._code_of(("invalid", reason, REASONS[reason], ""))
        return code


@lru_cache(maxsize=256)
def _outcome(fixes: tuple[str, ...], leading_zero: bool) -> tuple[str, str, str]:
    """(status, fix, message) of a valid number after these repairs."""
    applied = set(fixes) | ({"leading_zero"} if leading_zero else set())
    ordered = [fix for fix in FIX_ORDER if fix in applied]
    if not ordered:
        return ("valid", "", "")
    return ("fixed", ordered[0], " ".join(_FIX_MESSAGES[fix] for fix in ordered))


def _ok(e164: str, fixes: tuple[str, ...], leading_zero: bool) -> PhoneResult:
    status, fix, message = _outcome(fixes, leading_zero)
    return _result(status, e164, "", message, None, fix)


def _check_region(region: str) -> str:
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise ValueError(f"unknown region {region!r}")
    return region


# ---- the reference path: phonenumbers decides every number -------------------------------------


def normalize_phone_reference(value: object, region: str) -> PhoneResult:
    """normalize_phone computed by phonenumbers alone (the oracle the fast path is tested against)."""
    result = _reference(value, region)
    if result.status == "invalid" and result.reason in _EXPLAINED:
        found = find_numbers(value, region)
        if found is not None:
            return _invalid(found.reason, found.message, found.numbers[0])
    return result


def _reference(value: object, region: str) -> PhoneResult:
    _check_region(region)
    cleaned = clean_cell(value)
    if isinstance(cleaned, str):
        return _INVALID[cleaned]
    digits, plus, fixes = cleaned
    split = split_idd(digits, plus, region)
    if isinstance(split, str):
        return _INVALID[split]
    return _resolve_reference(split[0], split[1], region, fixes)


def _resolve_reference(digits: str, plus: bool, region: str, fixes: tuple[str, ...]) -> PhoneResult:
    number = None
    try:
        number = phonenumbers.parse("+" + digits if plus else digits, region)
    except NumberParseException as exc:
        reason = _PARSE_REASONS.get(exc.error_type, _clean.NOT_A_NUMBER)
    else:
        if phonenumbers.is_valid_number(number):
            nsn = phonenumbers.national_significant_number(number)
            national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
            leading_zero = not plus and nsn == digits and _digits_of(national) != digits
            return _ok(phonenumbers.format_number(number, PhoneNumberFormat.E164), fixes, leading_zero)
        possible = phonenumbers.is_possible_number_with_reason(number)
        reason = _POSSIBLE_REASONS.get(possible, "invalid_number")
    where = region
    if number is not None and number.country_code is not None:
        where = phonenumbers.region_code_for_country_code(number.country_code)
    return _invalid_answer(digits, plus, region, reason, where)


def _resolve_invalid_fast(digits: str, plus: bool, region: str, table: RegionTable) -> PhoneResult | None:
    """_resolve_reference for an invalid national number whose parse the tables model; None = ask it."""
    nsn = None if plus else invalid_nsn(digits, table)
    if nsn is None:
        return None
    reason = _POSSIBLE_REASONS.get(table.lengths[len(nsn)], "invalid_number")  # nsn is no longer than digits
    return _invalid_answer(digits, plus, region, reason, region)


def _invalid_answer(digits: str, plus: bool, region: str, reason: str, where: str) -> PhoneResult:
    """The answer for a number phonenumbers calls invalid for ``reason``: suggestions first."""
    old = old_vn_suggestion(digits, plus, region)
    if old is not None:
        prefix, new_prefix, suggestion = old
        message = (
            f"Old 11-digit Vietnamese mobile number: prefix {prefix} became {new_prefix} in 2018. "
            f"Suggested: {suggestion}."
        )
        return _invalid("old_prefix", message, suggestion)
    if not plus and may_be_valid_international(digits):
        foreign = valid_e164("+" + digits)
        if foreign is not None:
            message = (
                f"Not a valid {region} number; with a '+' in front it is a valid number of "
                f"{phonenumbers.region_code_for_number(foreign[1])}: {foreign[0]}."
            )
            return _invalid("invalid_for_region", message, foreign[0])
    if reason in ("too_short", "invalid_length", "invalid_number"):
        return _invalid(reason, REASONS[reason][:-1] + f" ({where}).")
    if reason == _clean.TOO_LONG and len(digits) <= MAX_DIGITS:  # too long for this country, not for any phone
        return _invalid(reason, f"Too many digits for a phone number ({where}).")
    return _INVALID[reason]


def _digits_of(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


# ---- public API ---------------------------------------------------------------------------------


def normalize_phone(value: object, region: str) -> PhoneResult:
    """Normalise one cell (str, int, float, None, …) for a default region such as "VN"."""
    return normalize_many((value,), region)[0]


def normalize_many(values: Sequence[object], region: str) -> list[PhoneResult]:
    """Normalise many cells; the same answers as normalize_phone_reference, much faster."""
    column = normalize_column(values, region)
    if len(column) < 10_000 or not gc.isenabled():
        return column.results()
    # A million new result objects would trigger the cyclic collector over and over (about 40 % of the
    # time); results hold no cycles, so pause it for the batch and restore it.
    gc.disable()
    try:
        return column.results()
    finally:
        gc.enable()


def normalize_column(values: Sequence[object], region: str) -> PhoneColumn:
    """normalize_many as columns (no object per cell): what validation of a big sheet uses."""
    _check_region(region)
    table = region_table(region)
    if table is None:
        column = _column_of([normalize_phone_reference(value, region) for value in values])
    else:
        column = _normalize_batch(values, region, table)
    if 2 in column.status:  # only invalid cells are looked at again: the valid path pays one bytes scan
        return _explain(values, column, region)
    return column


def _explain(values: Sequence[object], column: PhoneColumn, region: str) -> PhoneColumn:
    """Invalid cells holding numbers among other text (two numbers, words around one) say so (phones_multi)."""
    status, outcome, outcomes = column.status, column.outcome, column.outcomes
    explained = [code for code, o in enumerate(outcomes) if o[0] == "invalid" and o[1] in _EXPLAINED]
    if not explained:
        return column
    wanted = frozenset(explained)
    kinds: list[int] | None = None
    new_outcomes = list(outcomes)
    codes = {o: code for code, o in enumerate(outcomes)}
    suggestions, numbers = dict(column.suggestions), dict(column.numbers)
    if not isinstance(values, list | tuple):
        values = list(values)  # any iterable the batch took, indexed here
    i = status.find(2)
    while i != -1:
        if outcome[i] in wanted:
            found = find_numbers(values[i], region)
            if found is not None:
                key: Outcome = ("invalid", found.reason, found.message, "")
                code = codes.get(key)
                if code is None:
                    code = codes[key] = len(new_outcomes)
                    new_outcomes.append(key)
                if kinds is None:
                    kinds = list(outcome)
                kinds[i] = code
                suggestions[i] = found.numbers[0]
                numbers[i] = found.numbers
        i = status.find(2, i + 1)
    if kinds is None:
        return column
    return PhoneColumn.build(column.e164, kinds, new_outcomes, suggestions, numbers)


def _column_of(results: Sequence[PhoneResult]) -> PhoneColumn:
    outcomes: list[Outcome] = [_PLAIN]
    codes = {_PLAIN: 0}
    kinds: list[int] = []
    suggestions: dict[int, str] = {}
    for i, r in enumerate(results):
        key = (r.status, r.reason, r.message, r.fix)
        code = codes.get(key)
        if code is None:
            code = codes[key] = len(outcomes)
            outcomes.append(key)
        kinds.append(code)
        if r.suggestion is not None:
            suggestions[i] = r.suggestion
    return PhoneColumn.build([r.e164 or "" for r in results], kinds, outcomes, suggestions)


def _normalize_batch(values: Sequence[object], region: str, table: RegionTable) -> PhoneColumn:
    plans = plan_cache(table)
    widths, memos, head_size, find_plan = plans.widths, plans.plans, plans.head_size, plans.plan
    e164s: list[str] = []
    kinds: list[int] = []
    add_e164, add_kind = e164s.append, kinds.append
    outcomes: list[Outcome] = [_PLAIN]
    codes: dict[Outcome, int] = {_PLAIN: 0}
    suggestions: dict[int, str] = {}

    def code_of(key: Outcome) -> int:
        code = codes.get(key)
        if code is None:
            code = codes[key] = len(outcomes)
            outcomes.append(key)
        return code

    def ok_code(fixes: tuple[str, ...], lost_zero: bool) -> int:
        status, fix, message = _outcome(fixes, lost_zero)
        return code_of((status, "", message, fix))

    numeric = ("numeric_cell",)
    valid_code, lost_zero_code = ok_code((), False), ok_code((), True)
    numeric_code, lost_zero_numeric_code = ok_code(numeric, False), ok_code(numeric, True)
    invalid_codes = _LazyCodes(code_of)
    clean, float_text, ws = clean_cell, _clean.FLOAT_TEXT.fullmatch, _clean.ASCII_WS
    cache: dict[tuple[str, bool, tuple[str, ...]], PhoneResult] = {}
    for value in values:
        fixes: tuple[str, ...]
        # Inline copies of phones_clean.clean_cell for the common shapes (same answers, tested).
        if type(value) is str and value.isascii():
            if value.isdigit():
                digits, plus, fixes = value, False, ()
            else:
                compact = value.replace(" ", "").replace("-", "").replace(".", "")
                if "." in value and float_text(value.strip(ws)):
                    compact = ""  # "84901234567.0": a repair, answered by clean_cell
                if compact.isdigit():
                    digits, plus, fixes = compact, False, ()
                elif compact[:1] == "+" and compact[1:].isdigit():
                    digits, plus, fixes = compact[1:], True, ()
                else:
                    cleaned = clean(value)
                    if isinstance(cleaned, str):
                        add_e164("")
                        add_kind(invalid_codes[cleaned])
                        continue
                    digits, plus, fixes = cleaned
        elif type(value) is float and 0 <= value < 1e15 and value.is_integer():
            digits, plus, fixes = str(int(value)), False, numeric
        elif type(value) is int and 0 <= value < 10**15:
            digits, plus, fixes = str(value), False, numeric
        else:
            cleaned = clean(value)
            if isinstance(cleaned, str):
                add_e164("")
                add_kind(invalid_codes[cleaned])
                continue
            digits, plus, fixes = cleaned
        if digits[:2] == "00" or len(digits) > 15:
            split = split_idd(digits, plus, region)
            if isinstance(split, str):
                add_e164("")
                add_kind(invalid_codes[split])
                continue
            digits, plus = split
        # Inline copy of PlanCache.plan's memo hit.
        width = widths[plus].get(digits[:head_size])
        plan = MISS if width is None or len(digits) > MAX_LENGTH else memos[plus][len(digits)].get(digits[:width], MISS)
        if plan is MISS:
            plan = find_plan(digits, plus)
        if plan is None:
            key = (digits, plus, fixes)
            result = cache.get(key)
            if result is None:
                if len(cache) > 100_000:
                    cache.clear()
                result = _resolve_invalid_fast(digits, plus, region, table)
                if result is None:
                    result = _resolve_reference(digits, plus, region, fixes)
                cache[key] = result
            if result.suggestion is not None:
                suggestions[len(kinds)] = result.suggestion
            add_e164(result.e164 or "")
            add_kind(code_of((result.status, result.reason, result.message, result.fix)))
            continue
        add_e164(plan[0] + digits[plan[1] :])
        if not fixes:
            add_kind(lost_zero_code if plan[2] else valid_code)
        elif fixes is numeric or fixes == numeric:
            add_kind(lost_zero_numeric_code if plan[2] else numeric_code)
        else:
            add_kind(ok_code(fixes, plan[2]))
    return PhoneColumn.build(e164s, kinds, outcomes, suggestions)


def phone_key(value: str, region: str) -> str | None:
    """E.164 of a phone as a server returns it ('84…', '403816000', '+44…'), for dedupe and lookup."""
    result = normalize_phone(value, region)
    return result.e164

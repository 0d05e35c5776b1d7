"""Per-region tables compiled from phonenumbers' metadata that answer common valid shapes fast."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import phonenumberutil as _util

from campaign_gui.domain.phones_oracle import MAX_LENGTH, PrefixMatcher, PrefixOracle

_TYPE_DESCS = (
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
    "voicemail",
    "fixed_line",
)
_KEEP_UNSTRIPPED = (
    _util.ValidationResult.TOO_SHORT,
    _util.ValidationResult.IS_POSSIBLE_LOCAL_ONLY,
    _util.ValidationResult.INVALID_LENGTH,
)
_GROUP_REF = re.compile(r"\\\d|\$\d|\$NP|\$FG")


@dataclass(frozen=True, slots=True)
class RegionTable:
    """What phonenumbers' parse + is_valid_number does for one region, as memoised regex oracles."""

    cc: str
    idd: PrefixMatcher | None  # region's international prefix
    national_prefix: PrefixMatcher | None  # national_prefix_for_parsing
    general: PrefixOracle  # general_desc pattern, no length check (as _match_national_number)
    valid: PrefixOracle  # "number type is not UNKNOWN" in this region
    too_long: frozenset[int]  # lengths _test_number_length calls TOO_LONG
    keep_unstripped: frozenset[int]  # lengths after which parse() refuses to strip the national prefix
    national_format: PrefixOracle | None  # phonenumbers' choice of national format
    trunk: tuple[str, ...]  # per national format: the trunk prefix digits its rule writes ("0", "80", "")
    lengths: tuple[int, ...]  # phonenumbers' _test_number_length verdict for national numbers of 0..20 digits
    single: bool  # the region is the only one of its calling code (validity does not depend on siblings)


def _desc_regex(desc: object) -> str | None:
    pattern = getattr(desc, "national_number_pattern", None)
    if desc is None or not pattern:
        return None
    lengths = [n for n in getattr(desc, "possible_length", ()) if n > 0]
    if getattr(desc, "possible_length", ()) and not lengths:
        return None  # the type exists in name only (possible length -1)
    if not lengths:
        return f"(?:{pattern})"
    alternatives = "|".join(rf"\d{{{n}}}" for n in sorted(set(lengths)))
    return rf"(?=(?:{alternatives})\Z)(?:{pattern})"


def _valid_regex(metadata: phonenumbers.PhoneMetadata) -> str | None:
    general = _desc_regex(metadata.general_desc)
    if general is None:
        return None
    types = [_desc_regex(getattr(metadata, name)) for name in _TYPE_DESCS]
    if not metadata.same_mobile_and_fixed_line_pattern:
        types.append(_desc_regex(metadata.mobile))
    alternatives = [f"(?:{t})" for t in types if t is not None]
    if not alternatives:
        return None
    return rf"(?={general}\Z)(?:{'|'.join(alternatives)})"


def _formats(metadata: phonenumbers.PhoneMetadata) -> tuple[list[str], list[str]] | None:
    """National format patterns (leading digits as a lookahead) and the trunk digits each one writes."""
    patterns: list[str] = []
    prefixes: list[str] = []
    for number_format in metadata.number_format:
        literal = _GROUP_REF.sub("", number_format.format or "")
        rule = number_format.national_prefix_formatting_rule or ""
        before, _, after = rule.partition("\\1")
        if any(ch.isdigit() for ch in literal + _GROUP_REF.sub("", after)):
            return None  # a format that writes digits of its own: leave such regions to phonenumbers
        leading = number_format.leading_digits_pattern
        look = f"(?={leading[-1]})" if leading else ""
        patterns.append(f"{look}(?:{number_format.pattern})")
        prefixes.append("".join(ch for ch in before if ch.isdigit()))
    return patterns, prefixes


_UNSAFE = re.compile(r"\[\^|\\[1-9DSWbB]|\(\?<|\(\?!")


def _probe_safe(pattern: str) -> bool:
    """No negated classes, backreferences, negated escapes or negative/behind lookarounds: the probes in
    phones_oracle.widen are only sound without them."""
    return _UNSAFE.search(pattern) is None


@lru_cache(maxsize=64)
def region_table(region: str) -> RegionTable | None:
    """The table for ``region``, or None when its metadata is outside what the fast path models."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if metadata is None or metadata.country_code is None:
        return None
    if phonenumbers.region_code_for_country_code(metadata.country_code) != region or metadata.leading_digits:
        return None  # not the main region of its calling code: validity may depend on sibling regions
    if metadata.national_prefix_transform_rule:
        return None
    try:
        return _build(metadata)
    except ValueError:
        return None


def _build(metadata: phonenumbers.PhoneMetadata) -> RegionTable | None:
    valid = _valid_regex(metadata)
    formats = _formats(metadata)
    general = metadata.general_desc.national_number_pattern if metadata.general_desc is not None else None
    if valid is None or not general:
        return None
    if not all(_probe_safe(p) for p in (valid, general, *(formats[0] if formats else ()))):
        return None
    lengths = {n: _util._test_number_length("5" * n, metadata) for n in range(0, 21)}
    return RegionTable(
        cc=str(metadata.country_code),
        idd=PrefixMatcher(metadata.international_prefix) if metadata.international_prefix else None,
        national_prefix=(
            PrefixMatcher(metadata.national_prefix_for_parsing) if metadata.national_prefix_for_parsing else None
        ),
        general=PrefixOracle([general]),
        valid=PrefixOracle([valid]),
        too_long=frozenset(n for n, r in lengths.items() if r == _util.ValidationResult.TOO_LONG)
        | frozenset(range(21, 40)),
        keep_unstripped=frozenset(n for n, r in lengths.items() if r in _KEEP_UNSTRIPPED),
        national_format=PrefixOracle(formats[0]) if formats else None,
        trunk=tuple(formats[1]) if formats else (),
        lengths=tuple(lengths[n] for n in range(21)),
        single=len(phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(int(metadata.country_code or 0), ())) == 1,
    )


Answer = tuple[str, bool]  # (E.164, the trunk prefix was missing)
Plan = tuple[str, int, bool]  # E.164 = plan[0] + digits[plan[1]:]; plan[2] = trunk prefix missing
_UNDECIDED = ("", -1, False)


def resolve_fast(digits: str, plus: bool, table: RegionTable) -> Answer | None:
    """(E.164, trunk prefix missing) when the number is valid in the table's region, else None.

    None means "ask phonenumbers": every shape not modelled here, and every invalid number. The logic
    mirrors phonenumbers.parse (IDD, country code without '+', national prefix for parsing, the length
    checks around stripping) and is_valid_number for the main region of a calling code.
    """
    plan = plan_cache(table).plan(digits, plus)
    if plan is None:
        return None
    return (plan[0] + digits[plan[1] :], plan[2])


def _plan(digits: str, plus: bool, table: RegionTable, exact: bool) -> Plan | None:
    """How to turn digits into E.164. With ``exact`` False, oracles answer from length and first digits
    only, and _UNDECIDED is returned when those do not settle it (so the plan holds for every string of
    this length that shares the digits the plan looked at; see ``_key_width``)."""
    cc = table.cc
    national_end = table.national_prefix.end if table.national_prefix is not None else None
    general = table.general.first if exact else table.general.decide
    valid = table.valid.first if exact else table.valid.decide
    if plus:
        if not digits.startswith(cc):
            return None
        nsn = digits[len(cc) :]
        if nsn[:1] == "0" or (national_end is not None and national_end(nsn) >= 0):
            return None  # phonenumbers would try to strip a national prefix here
        ok = valid(nsn)
        return _UNDECIDED if ok == -2 else ("+", 0, False) if ok == 0 else None
    if table.idd is not None and table.idd.end(digits) >= 0:
        return None
    if digits.startswith(cc):
        rest = digits[len(cc) :]
        if national_end is not None and national_end(rest) >= 0:
            return None
        whole, part = general(digits), general(rest)
        if len(digits) in table.too_long or (whole == -1 and part == 0):
            ok = valid(rest) if rest[:1] != "0" else -1
            return _UNDECIDED if ok == -2 else ("+", 0, False) if ok == 0 else None
        if whole == -2 or part == -2:
            return _UNDECIDED
    if national_end is not None:
        end = national_end(digits)
        if end >= 0:
            nsn = digits[end:]
            if end == 0 or nsn[:1] == "0" or len(nsn) in table.keep_unstripped:
                return None
            shape = general(nsn)
            ok = valid(nsn) if shape == 0 else -1
            if shape == -2 or ok == -2:
                return _UNDECIDED
            return ("+" + cc, end, False) if ok == 0 else None
    if digits[:1] == "0" or table.national_format is None:
        return None
    ok = valid(digits)
    if ok != 0:
        return _UNDECIDED if ok == -2 else None
    chosen = table.national_format.first(digits) if exact else table.national_format.decide(digits)
    if chosen == -2:
        return _UNDECIDED
    return ("+" + cc, 0, chosen >= 0 and table.trunk[chosen] != "")


def invalid_nsn(digits: str, table: RegionTable) -> str | None:
    """The national number phonenumbers.parse reads from national ``digits`` (no '+') when it is invalid in
    the table's region; None when it is valid or the shape is not modelled here (ask phonenumbers).

    Modelled: at least 4 digits, not starting with the calling code or the region's IDD, a region alone on
    its calling code. Mirrors parse's national prefix stripping (kept only when the original is not viable
    with the stripped one not, and the stripped length is not one parse refuses) and is_valid_number.
    """
    if not table.single or not 4 <= len(digits) < len(table.lengths) or digits.startswith(table.cc):
        return None
    if table.idd is not None and table.idd.end(digits) >= 0:
        return None
    nsn = digits
    if table.national_prefix is not None:
        end = table.national_prefix.end(digits)
        if end == 0:
            return None
        if end > 0:
            stripped = digits[end:]
            general = table.general.first
            viable = general(digits) == 0
            if not (viable and general(stripped) != 0) and len(stripped) not in table.keep_unstripped:
                nsn = stripped
    if len(nsn) < 2 or table.valid.first(nsn) == 0:
        return None
    return nsn


def international_invalid(digits: str) -> bool:
    """True when '+' + digits is certainly not a valid number (phonenumbers would say so); False = ask it."""
    cc = 0
    if digits[:1] != "0":  # as phonenumbers' _extract_country_code: the first 1-3 digits naming one
        for size in range(1, min(len(digits), 3) + 1):
            if int(digits[:size]) in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
                cc = int(digits[:size])
                break
    if cc == 0:
        return True  # parse raises INVALID_COUNTRY_CODE
    regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE[cc]
    table = region_table(regions[0]) if len(regions) == 1 else None
    if table is None or not table.single:
        return False
    nsn = digits[len(str(cc)) :]
    if len(nsn) < 2 or nsn[:1] == "0" or (table.national_prefix is not None and table.national_prefix.end(nsn) >= 0):
        return False
    return table.valid.first(nsn) != 0


def _key_width(head: str, plus: bool, table: RegionTable) -> int:
    """How many leading digits (with the length) decide every step of _plan for inputs starting ``head``."""
    cc, depth = table.cc, table.valid.depth

    def read(matcher: PrefixMatcher | None, char: str) -> int:
        return 0 if matcher is None else matcher.width.get(char, MAX_LENGTH)

    after_cc = read(table.national_prefix, head[len(cc) : len(cc) + 1]) if head.startswith(cc) else 0
    if plus:
        return len(cc) + max(after_cc, depth) if head.startswith(cc) else len(cc)
    first = head[:1]
    width = max(read(table.idd, first), read(table.national_prefix, first) + depth, depth)
    if head.startswith(cc):
        width = max(width, len(cc) + max(after_cc, depth))
    return width


class PlanCache:
    """Plans memoised by (plus, length, first ``widths[plus][head]`` digits); head = first len(cc)+1 digits.

    A key is only ever produced with one width for its head, and every step of _plan reads only the key's
    digits and the length, so one plan per key is exact. The hot loop reads ``widths``/``plans`` directly;
    ``plan`` fills them and answers misses.
    """

    __slots__ = ("head_size", "plans", "table", "widths")

    def __init__(self, table: RegionTable) -> None:
        self.table = table
        self.head_size = len(table.cc) + 1
        self.widths: tuple[dict[str, int], dict[str, int]] = ({}, {})
        self.plans: tuple[list[dict[str, Plan | None]], ...] = tuple(
            [{} for _ in range(MAX_LENGTH + 1)] for _ in range(2)
        )

    def plan(self, digits: str, plus: bool) -> Plan | None:
        """The plan for these digits (exact; None = ask phonenumbers), memoised when the prefix decides it."""
        size = len(digits)
        if size > MAX_LENGTH:
            return _plan(digits, plus, self.table, exact=True)
        head = digits[: self.head_size]
        width = self.widths[plus].get(head)
        if width is None:
            width = self.widths[plus][head] = _key_width(head, plus, self.table)
        key = digits[:width]
        memo = self.plans[plus][size]
        plan = memo.get(key, _UNDECIDED)
        if plan is _UNDECIDED and key not in memo:
            if len(memo) > 50_000:
                memo.clear()
            plan = memo[key] = _plan(digits, plus, self.table, exact=False)
        if plan is _UNDECIDED:
            return _plan(digits, plus, self.table, exact=True)
        return plan


@lru_cache(maxsize=64)
def plan_cache(table: RegionTable) -> PlanCache:
    return PlanCache(table)


MISS = _UNDECIDED  # what the hot loop's memo lookup gets when it must call PlanCache.plan

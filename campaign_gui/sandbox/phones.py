"""Phone checks the simulated providers apply (each as lenient or strict as its document says)."""

from __future__ import annotations

import functools
import re

import phonenumbers

_JUNK = re.compile(r"[\s.\-()]")


_TYPES = ("mobile", "fixed_line", "premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager",
          "uan", "voicemail")  # any match makes a number valid; the common types first
_DIGITS = re.compile(r"^\+?\d{4,17}$")


Check = tuple[frozenset[int] | None, "re.Pattern[str]"]  # (possible lengths or None = any, national pattern)


def _desc_check(desc: object) -> Check | None:
    """One desc as (its possible lengths, its national number pattern compiled for ``fullmatch``)."""
    pattern = getattr(desc, "national_number_pattern", None)
    if desc is None or not pattern:
        return None
    lengths = frozenset(getattr(desc, "possible_length", ()) or ())
    return (lengths or None), re.compile(pattern)


@functools.cache
def _validators(country_code: int) -> list[tuple[Check, list[Check]]]:
    """Per region sharing ``country_code``: general desc AND any type desc, as phonenumbers checks them."""
    out = []
    for region in phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(country_code, ()):
        md = phonenumbers.PhoneMetadata.metadata_for_region(region)
        general = _desc_check(md.general_desc) if md else None
        types = [c for t in _TYPES if (c := _desc_check(getattr(md, t, None))) is not None]
        if general is None or not types:
            continue
        out.append((general, types))
    return out


def fast_valid(country_code: int, nsn: str) -> bool:
    """``phonenumbers.is_valid_number`` for +``country_code`` ``nsn`` without parsing (same metadata).

    Hot (every phone of every sandbox request): a length set lookup, then plain ``fullmatch`` calls.
    """
    # a length check stands for the old ``(?=[0-9]{n}$)`` lookahead: ASCII digits only
    size = len(nsn) if nsn.isascii() and nsn.isdigit() else -1
    for (lengths, pattern), types in _validators(country_code):
        if (lengths is not None and size not in lengths) or pattern.fullmatch(nsn) is None:
            continue
        for type_lengths, type_pattern in types:
            if (type_lengths is None or size in type_lengths) and type_pattern.fullmatch(nsn) is not None:
                return True
    return False


@functools.cache
def _country_code(region: str) -> int:
    return int(phonenumbers.country_code_for_region(region))


def to_e164(raw: str, region: str) -> str | None:
    """E.164 (``+…``) for a valid number in ``region``, else None (fast path for plain digit shapes)."""
    text = _JUNK.sub("", str(raw or ""))
    if not text:
        return None
    if _DIGITS.match(text):
        code = _country_code(region)
        if text.startswith("+"):
            for size in (1, 2, 3):
                cc = int(text[1:1 + size])
                if cc in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
                    if fast_valid(cc, text[1 + size:]):
                        return text
                    break
        elif text.startswith("0") and region in ("VN", "GB", "AU") and fast_valid(code, text[1:]):
            return f"+{code}{text[1:]}"
        elif region in ("VN", "GB", "AU") and fast_valid(code, text):
            return f"+{code}{text}"
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def stringee_normalise(raw: object) -> str | None:
    """``0901234567`` / ``84901234567`` / ``+84901234567`` / ``901234567`` → ``84901234567``; None if invalid."""
    if type(raw) is str and raw.isascii() and raw.isdigit() and raw[:2] == "84" and len(raw) in (11, 12) \
            and fast_valid(84, raw[2:]):  # the common shape (what clients send), same answer as below
        return raw
    text = _JUNK.sub("", str(raw)) if isinstance(raw, str | int) else ""
    if not text.lstrip("+").isdigit():
        return None
    if text.startswith("+"):
        candidate = text
    elif text.startswith("84") and len(text) in (11, 12):
        candidate = "+" + text
    elif text.startswith("0"):
        candidate = "+84" + text[1:]
    elif len(text) == 9:
        candidate = "+84" + text
    else:
        return None
    if fast_valid(84, candidate[3:]) and candidate.startswith("+84"):  # the common case, without a re-parse
        return candidate[1:]
    e164 = to_e164(candidate, "VN")
    return e164[1:] if e164 and e164.startswith("+84") else None


def vn_national(raw: str) -> tuple[str, str] | None:
    """Alohub: (national ``0…`` form, E.164) of a valid VN number, else None."""
    text = _JUNK.sub("", str(raw or ""))
    if text.startswith("84") and len(text) in (11, 12):
        text = "+" + text
    if text.startswith("0") and text.isdigit() and fast_valid(84, text[1:]):  # the common case
        return text, "+84" + text[1:]
    e164 = to_e164(text, "VN")
    if e164 is None or not e164.startswith("+84"):
        return None
    return "0" + e164[3:], e164


_AU_MOBILE = re.compile(r"^(?:\+?61|0)?(4\d{8})$")


def au_mobile(raw: str) -> tuple[str, str] | None:
    """Cellcast: ``+614…``, ``614…``, ``04…``, ``4…`` → (national without 0, E.164), else None."""
    if isinstance(raw, str) and len(raw) == 12 and raw[:4] == "+614" and raw.isascii() and raw[1:].isdigit():
        # E.164 as sent: what the pattern below answers for it, without the two regular expressions
        return raw[3:], raw
    match = _AU_MOBILE.match(_JUNK.sub("", str(raw or "")))
    if not match:
        return None
    national = match.group(1)
    return national, "+61" + national


def by_number(raw: str) -> str | None:
    """SMS.by: ``375XXXXXXXXX`` (with or without ``+``) or a BY national number → E.164."""
    digits = (raw[1:] if raw[:1] == "+" else raw) if isinstance(raw, str) else ""
    if digits.isascii() and digits.isdigit() and len(digits) == 12 and digits[:3] == "375" \
            and fast_valid(375, digits[3:]):  # the common shape: what to_e164 answers for it (+3, +37 unassigned)
        return "+" + digits
    text = _JUNK.sub("", str(raw or ""))
    if text.startswith("375") and len(text) == 12:
        text = "+" + text
    e164 = to_e164(text, "BY")
    return e164 if e164 and e164.startswith("+375") else None

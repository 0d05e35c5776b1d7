"""Turns a spreadsheet cell into phone digits, undoing what Excel and copy-paste do to it."""

from __future__ import annotations

import math
import numbers
import re
import unicodedata
from decimal import Decimal
from functools import cache

import phonenumbers

# Repair codes (PhoneResult.fix), most important first: the first one applied is reported.
FIX_LEADING_ZERO = "leading_zero"  # national number without its trunk prefix (Excel dropped the 0)
FIX_NUMERIC_CELL = "numeric_cell"  # the cell held a number (int or integral float), not text
FIX_FLOAT_SUFFIX = "float_suffix"  # text like "84901234567.0"
FIX_APOSTROPHE = "apostrophe"  # text like "'0901234567" (Excel's "keep as text" mark, exported to CSV)
FIX_FULLWIDTH = "fullwidth"  # full-width digits / plus / punctuation (０９０…)
FIX_UNICODE_DIGITS = "unicode_digits"  # other scripts' decimal digits (Arabic-Indic, Devanagari…)
FIX_NBSP = "nbsp"  # non-breaking, thin or other Unicode spaces
FIX_INVISIBLE = "invisible"  # zero-width and direction-control characters
FIX_ORDER = (
    FIX_LEADING_ZERO,
    FIX_NUMERIC_CELL,
    FIX_FLOAT_SUFFIX,
    FIX_APOSTROPHE,
    FIX_FULLWIDTH,
    FIX_UNICODE_DIGITS,
    FIX_NBSP,
    FIX_INVISIBLE,
)

# Reasons decided before phonenumbers is asked.
EMPTY = "empty"
FORMULA = "formula"
SCIENTIFIC = "scientific"
NOT_A_NUMBER = "not_a_number"
NOT_INTEGRAL = "not_integral"
TOO_LONG = "too_long"

MAX_DIGITS = 15  # E.164: at most 15 digits after the '+'

Cleaned = tuple[str, bool, tuple[str, ...]]  # (digits, had '+' or '00', repairs applied)

ASCII_WS = " \t\r\n\v\f"
# Separators of ordinary spellings: "0901 234 567", "090-123-4567", "(090) 123.4567", "090/1234567".
SEPARATORS = str.maketrans("", "", " \t\r\n\v\f.-()/")
_SCIENTIFIC = re.compile(r"[+-]?\d+(?:[.,]\d*)?[eE][+-]?\d+")
FLOAT_TEXT = re.compile(r"(\+?\d+)\.0+")  # text "84901234567.0"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"
_FULLWIDTH = {0xFF10 + i: str(i) for i in range(10)} | {
    0xFF0B: "+",
    0xFF08: "(",
    0xFF09: ")",
    0xFF0D: "-",
    0xFF0E: ".",
    0xFF0F: "/",
    0x3000: " ",
}


def clean_cell(value: object) -> Cleaned | str:
    """Digits, '+' flag and repairs of a cell, or the reason code when it cannot be a phone."""
    if type(value) is str:
        return clean_text(value)
    if value is None:
        return EMPTY
    if isinstance(value, bool):
        return NOT_A_NUMBER
    if isinstance(value, numbers.Integral):
        return _clean_integer(int(value))
    if isinstance(value, numbers.Real | Decimal):
        return _clean_real(value)
    if isinstance(value, str):  # str subclasses
        return clean_text(str(value))
    return NOT_A_NUMBER


def _clean_integer(number: int) -> Cleaned | str:
    if number < 0:
        return NOT_A_NUMBER
    if number >= 10**MAX_DIGITS:
        return TOO_LONG
    return (str(number), False, (FIX_NUMERIC_CELL,))


def _clean_real(value: numbers.Real | Decimal) -> Cleaned | str:
    if isinstance(value, Decimal):
        if value.is_nan():
            return EMPTY
        if not value.is_finite():
            return NOT_A_NUMBER
        if value != value.to_integral_value():
            return NOT_INTEGRAL
        return _clean_integer(int(value))
    number = float(value)
    if math.isnan(number):
        return EMPTY  # pandas-style empty cell
    if math.isinf(number):
        return NOT_A_NUMBER
    if not number.is_integer():
        return NOT_INTEGRAL
    return _clean_integer(int(number))


def clean_text(text: str) -> Cleaned | str:
    """Clean a text cell; ordinary separators are not repairs, Unicode oddities are."""
    fixes: tuple[str, ...] = ()
    if not text.isascii():
        text, fixes = _asciify(text)
        if not text.isascii():
            return NOT_A_NUMBER
    text = text.strip(ASCII_WS)
    if not text:
        return EMPTY
    first = text[0]
    if first == "=":
        return FORMULA
    if first == "'":
        text = text[1:].lstrip(ASCII_WS)
        fixes += (FIX_APOSTROPHE,)
    if "e" in text or "E" in text:
        if _SCIENTIFIC.fullmatch(text):
            return SCIENTIFIC
        return NOT_A_NUMBER
    if text.endswith("0") and "." in text:
        match = FLOAT_TEXT.fullmatch(text)
        if match is not None:
            text = match.group(1)
            fixes += (FIX_FLOAT_SUFFIX,)
    compact = text.translate(SEPARATORS)
    plus = compact[:1] == "+"
    digits = compact[1:] if plus else compact
    if not digits.isdigit():  # ASCII only here, so isdigit() means [0-9]+
        return EMPTY if not digits and not plus and not compact else NOT_A_NUMBER
    return (digits, plus, fixes)


def _asciify(text: str) -> tuple[str, tuple[str, ...]]:
    """Map full-width and other-script digits to ASCII and drop Unicode spaces and invisible marks."""
    found: set[str] = set()
    out: list[str] = []
    for char in text:
        if char.isascii():
            out.append(char)
            continue
        code = ord(char)
        if code in _FULLWIDTH:
            out.append(_FULLWIDTH[code])
            found.add(FIX_FULLWIDTH)
        elif char in _DASHES:
            out.append("-")
        elif unicodedata.category(char) == "Zs":
            out.append(" ")
            found.add(FIX_NBSP)
        elif unicodedata.category(char) == "Cf" or char == "\u00ad":
            found.add(FIX_INVISIBLE)
        elif unicodedata.decimal(char, None) is not None:
            out.append(str(unicodedata.decimal(char)))
            found.add(FIX_UNICODE_DIGITS)
        else:
            out.append(char)
    return "".join(out), tuple(fix for fix in FIX_ORDER if fix in found)


@cache
def _idd_pattern(region: str) -> re.Pattern[str] | None:
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if metadata is None or not metadata.international_prefix:
        return None
    return re.compile(metadata.international_prefix)


def split_idd(digits: str, plus: bool, region: str) -> tuple[str, bool] | str:
    """Treat a leading '00' as '+', unless the region's own longer IDD (AU 0011) is there; check length."""
    idd_length = 0
    if not plus and digits.startswith("00"):
        pattern = _idd_pattern(region)
        match = pattern.match(digits) if pattern is not None else None
        if match is not None and match.end() > 2:
            idd_length = match.end()  # phonenumbers reads the region's own IDD itself
        else:
            digits, plus = digits[2:], True
    if len(digits) - idd_length > MAX_DIGITS:
        return TOO_LONG
    if not digits:
        return NOT_A_NUMBER
    return (digits, plus)

"""Finding a contact as an operator types it: without diacritics or case, and a phone in any format."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import phonenumbers

from campaign_gui.domain.phones import phone_key

_PHONE_TEXT = re.compile(r"^[\s+()./\-\d]+$")
_MIN_PHONE_DIGITS = 3
# Letters that Unicode does not decompose into a base letter and a mark.
_NO_DECOMPOSITION = str.maketrans({"đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "ß": "ss"})


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """``text`` without diacritics, case or repeated spaces: "Lý  Thị Hoa" → "ly thi hoa"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_NO_DECOMPOSITION))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


@functools.lru_cache(maxsize=8192)
def national_digits(phone: str, region: str) -> str:
    """The national significant number of a phone as a provider shows it ('84…', '0885…', '+44…'),
    or its bare digits when it is not a phone number."""
    e164 = phone_key(phone, region) if phone else None
    if e164:
        return str(phonenumbers.parse(e164, None).national_number)
    return "".join(c for c in phone if c.isdigit())


@dataclass(frozen=True)
class Needle:
    """What the user typed, prepared once for every row."""

    text: str
    digits: str | None  # the national digits to find when the text is a phone (whole or part)

    @classmethod
    def of(cls, typed: str, region: str) -> Needle:
        typed = typed.strip()
        digits: str | None = None
        count = sum(c.isdigit() for c in typed)
        if _PHONE_TEXT.match(typed) and count >= _MIN_PHONE_DIGITS:
            whole = phone_key(typed, region) if count >= 8 else None
            bare = "".join(c for c in typed if c.isdigit())
            if whole:
                digits = str(phonenumbers.parse(whole, None).national_number)
            else:
                digits = bare.lstrip("0") or bare
        return cls(fold(typed), digits)

    def __bool__(self) -> bool:
        return bool(self.text)

    def matches(self, phone: str, texts: tuple[str, ...], region: str) -> bool:
        """Whether a contact with ``phone`` and other shown ``texts`` (name, email, …) is a hit."""
        if not self.text:
            return True
        if self.digits is not None and phone and self.digits in national_digits(phone, region):
            return True
        return any(self.text in fold(t) for t in (phone, *texts) if t)


def sort_key(text: str) -> tuple[str, str]:
    """Order names as an operator reads them: letters first without their marks, then the exact text."""
    return (fold(text), text)


def phone_sort_key(phone: str, region: str) -> str:
    """Order phones by their E.164 form, whatever format the provider shows them in."""
    return (phone_key(phone, region) if phone else None) or phone


@functools.lru_cache(maxsize=8192)
def display_phone(phone: str, region: str) -> str:
    """A phone in its country's national format (0472 534 401, 0885 476 875), or as given when it is none."""
    e164 = phone_key(phone, region) if phone else None
    if not e164:
        return phone
    number = phonenumbers.parse(e164, None)
    if phonenumbers.region_code_for_number(number) != region:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)

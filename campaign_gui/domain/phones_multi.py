"""Invalid cells that hold phone numbers among other things: two numbers in one cell, text around a number.

Asked only about cells already found invalid (the fast path never comes here for a valid cell): phonenumbers'
``PhoneNumberMatcher`` finds the valid numbers in the text; the answer says what the cell is, suggests the
first number and lists them all (for importing each as its own contact).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher

SEVERAL = "several_numbers"
TEXT_AROUND = "text_around"
MIN_DIGITS = 6  # fewer digits cannot hold a valid number worth finding
_DIGIT_RUNS = re.compile(r"\d+")
_PLAIN = re.compile(r"[\d\s.\-()+]*")


@dataclass(frozen=True, slots=True)
class Found:
    reason: str  # SEVERAL or TEXT_AROUND
    message: str
    numbers: tuple[str, ...]  # E.164, in the order of the cell


def several_message(numbers: tuple[str, ...]) -> str:
    if len(numbers) == 2:
        return f"Two phone numbers in one cell: {numbers[0]} and {numbers[1]}."
    return f"{len(numbers)} phone numbers in one cell: {', '.join(numbers)}."


def text_around_message(number: str) -> str:
    return f"Other text around the phone number: {number} was found in the cell."


def find_numbers(value: object, region: str) -> Found | None:
    """What an invalid cell holds when it holds valid numbers among other text; None otherwise."""
    if type(value) is not str or sum(map(str.isdigit, value)) < MIN_DIGITS:
        return None
    if _PLAIN.fullmatch(value) and len(_DIGIT_RUNS.findall(value)) < 2:
        return None  # one run of digits and the signs of a number: the number itself was judged already
    return _find(value, region)


@lru_cache(maxsize=4096)
def _find(text: str, region: str) -> Found | None:
    numbers: list[str] = []
    rest = text
    matches = 0
    for match in PhoneNumberMatcher(text, region, leniency=Leniency.VALID):
        matches += 1
        e164 = phonenumbers.format_number(match.number, PhoneNumberFormat.E164)
        if e164 not in numbers:
            numbers.append(e164)
        rest = rest.replace(match.raw_string, " ", 1)
    if len(numbers) > 1:
        return Found(SEVERAL, several_message(tuple(numbers)), tuple(numbers))
    if len(numbers) == 1 and (rest.strip() or matches > 1 or any(map(str.isalpha, text))):
        # the cell as a whole was invalid: what is left around the number (words, a stray comma or digit,
        # the same number again) is the other text
        return Found(TEXT_AROUND, text_around_message(numbers[0]), tuple(numbers))
    return None

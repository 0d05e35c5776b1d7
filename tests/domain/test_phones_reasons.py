"""Every reason is true of the cell it describes (issue 14 item 10): checked against phonenumbers' own matcher."""

from __future__ import annotations

import re

import phonenumbers
from hypothesis import example, given, settings
from hypothesis import strategies as st
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher

from campaign_gui.domain.phones import normalize_many, normalize_phone

VALID = ["0901234567", "0912345678", "0355036104", "0399135022", "059.987.3689", "+84 90 123 4567",
         "0243 123 4567", "84901234567", "+7 985 998-75-99", "8 985 998-75-99", "+375 29 123-45-67"]
WORDS = ["Zalo:", "chị Lan", "ĐT:", "ext 12", "anh Tuấn", "gọi sau 5h", "x", "máy bàn", "Tel."]
SEPARATORS = [" - ", "/", "\n", ", ", " ", "; ", " hoặc ", ""]
DIGITS = re.compile(r"\d")

part = st.one_of(st.sampled_from(VALID), st.sampled_from(WORDS), st.from_regex(r"\+?[0-9]{1,18}", fullmatch=True))
cells = st.builds(lambda parts, seps: "".join(p + s for p, s in zip(parts, seps, strict=False)),
                  st.lists(part, min_size=1, max_size=4), st.lists(st.sampled_from(SEPARATORS), min_size=4,
                                                                      max_size=4))


def found(cell: str) -> list[str]:
    numbers: list[str] = []
    for match in PhoneNumberMatcher(cell, "VN", leniency=Leniency.VALID):
        e164 = phonenumbers.format_number(match.number, PhoneNumberFormat.E164)
        if e164 not in numbers:
            numbers.append(e164)
    return numbers


def national_digits(e164: str) -> str:
    return str(phonenumbers.parse(e164).national_number)


@settings(max_examples=400, deadline=None)
@given(cells)
@example("0901234567 - 0912345678")
@example("8 985 998-75-99")
@example("1234567890123456")
@example("Zalo: 0355036104")
@example("0901234567 0901234567")
@example("059.987.3689, ")
@example("0901234567,")
def test_every_reason_is_true_of_its_cell(cell: str) -> None:
    result = normalize_phone(cell, "VN")
    assert normalize_many([cell], "VN") == [result]
    digits = "".join(DIGITS.findall(cell))
    if result.status != "invalid":
        assert result.e164 is not None and phonenumbers.is_valid_number(phonenumbers.parse(result.e164))
        assert national_digits(result.e164) in digits
        return
    numbers = found(cell)
    if result.reason == "several_numbers":
        assert len(numbers) >= 2
        for number in numbers:
            assert number in result.message and national_digits(number) in digits
        assert result.suggestion == numbers[0]
    elif result.reason == "text_around":
        assert len(numbers) == 1 and result.suggestion == numbers[0]
        assert national_digits(numbers[0]) in digits
        rest, matches = cell, 0
        for match in PhoneNumberMatcher(cell, "VN", leniency=Leniency.VALID):
            rest, matches = rest.replace(match.raw_string, "", 1), matches + 1
        # something else is in the cell: words (an extension), a stray sign, the number again
        assert rest.strip() or matches > 1 or any(ch.isalpha() for ch in cell)
    elif result.reason == "too_long":
        if "more than 15" in result.message:
            assert len(digits) > 15
        else:
            assert len(digits) <= 15 + 2  # too long for the country (a 00 prefix may stand before 15 digits)
    elif result.reason == "empty":
        assert not digits
    if result.reason in ("not_a_number", "too_short", "invalid_length", "invalid_number", "invalid_country_code"):
        # "not a (valid) phone number": the matcher finds none in it either, unless the cell is one run of
        # digits that was judged whole
        assert not numbers or (len(re.findall(r"\d+", cell)) < 2 and re.fullmatch(r"[\d\s.\-()+]*", cell)), numbers

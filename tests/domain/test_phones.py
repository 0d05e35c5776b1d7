"""Example tests for phone normalisation: every phone-cell item of RELIABILITY.md, per provider region."""

from __future__ import annotations

import datetime as dt
import math
import pickle
from decimal import Decimal

import phonenumbers
import pytest

from campaign_gui.domain.phones import (
    OLD_VN_PREFIXES,
    REASONS,
    PhoneResult,
    normalize_column,
    normalize_many,
    normalize_phone,
    normalize_phone_reference,
    phone_key,
    to_provider_format,
)


def check(value: object, region: str) -> PhoneResult:
    """normalize_phone, asserting the batch path and the phonenumbers-only path agree on it."""
    result = normalize_phone(value, region)
    assert normalize_many([value, value], region) == [result, result]
    assert normalize_phone_reference(value, region) == result
    if result.status == "invalid":
        assert result.e164 is None and result.reason in REASONS and result.message and result.fix == ""
    else:
        assert result.e164 is not None and result.reason == ""
        assert (result.status == "fixed") == bool(result.fix) == bool(result.message)
    return result


@pytest.mark.parametrize(
    ("value", "region", "e164"),
    [
        ("0901234567", "VN", "+84901234567"),
        ("0901 234 567", "VN", "+84901234567"),
        ("090.123.4567", "VN", "+84901234567"),
        ("090-123-4567", "VN", "+84901234567"),
        ("(090) 123 4567", "VN", "+84901234567"),
        ("090/1234567", "VN", "+84901234567"),
        ("  0901234567\t", "VN", "+84901234567"),
        ("+84 90 123 4567", "VN", "+84901234567"),
        ("+84901234567", "VN", "+84901234567"),
        ("(+84) 901 234 567", "VN", "+84901234567"),
        ("0084901234567", "VN", "+84901234567"),
        ("0084 90 123 4567", "VN", "+84901234567"),
        ("84901234567", "VN", "+84901234567"),  # Stringee's own spelling
        ("090\u2013123\u20134567", "VN", "+84901234567"),  # en dashes from a word processor
        ("024 3825 1234", "VN", "+842438251234"),
        ("1800 1234", "VN", "+8418001234"),  # written without a 0 by design: not a lost zero
        ("1300 123 456", "AU", "+611300123456"),
        ("375291111111", "BY", "+375291111111"),  # SMS.by's spelling
        ("+375 29 111-11-11", "BY", "+375291111111"),
        ("8 029 111-11-11", "BY", "+375291111111"),
        ("80291111111", "BY", "+375291111111"),
        ("0400 000 000", "AU", "+61400000000"),
        ("+61400000000", "AU", "+61400000000"),
        ("61400000000", "AU", "+61400000000"),
        ("0061 400 000 000", "AU", "+61400000000"),
        ("0011 61 400 000 000", "AU", "+61400000000"),  # Australia's own IDD
        ("07722 123456", "GB", "+447722123456"),
        ("+44 7722 123456", "GB", "+447722123456"),
        ("0044 7722 123456", "GB", "+447722123456"),
        ("447722123456", "GB", "+447722123456"),
        ("020 7946 0000", "GB", "+442079460000"),
        ("+447722123456", "VN", "+447722123456"),  # a foreign number with '+' keeps its country
        ("0044 7722 123456", "VN", "+447722123456"),
        ("+84901234567", "GB", "+84901234567"),
    ],
)
def test_ordinary_spellings_are_valid(value: str, region: str, e164: str) -> None:
    result = check(value, region)
    assert (result.status, result.e164, result.fix, result.message) == ("valid", e164, "", "")


@pytest.mark.parametrize(
    ("value", "region", "e164", "fix"),
    [
        (901234567, "VN", "+84901234567", "leading_zero"),  # numeric cell: Excel dropped the 0
        (901234567.0, "VN", "+84901234567", "leading_zero"),  # the same as calamine reads it
        ("901234567", "VN", "+84901234567", "leading_zero"),  # the same exported to CSV
        ("901234567.0", "VN", "+84901234567", "leading_zero"),
        ("403816000", "AU", "+61403816000", "leading_zero"),  # Cellcast's stored form
        (400000000, "AU", "+61400000000", "leading_zero"),
        (7722123456, "GB", "+447722123456", "leading_zero"),
        ("291111111", "BY", "+375291111111", "leading_zero"),
        (84901234567, "VN", "+84901234567", "numeric_cell"),
        (84901234567.0, "VN", "+84901234567", "numeric_cell"),
        (Decimal("84901234567"), "VN", "+84901234567", "numeric_cell"),
        (375291111111.0, "BY", "+375291111111", "numeric_cell"),
        ("84901234567.0", "VN", "+84901234567", "float_suffix"),
        ("+84901234567.00", "VN", "+84901234567", "float_suffix"),
        ("'0901234567", "VN", "+84901234567", "apostrophe"),
        ("０９０１２３４５６７", "VN", "+84901234567", "fullwidth"),
        ("＋８４ ９０１ ２３４ ５６７", "VN", "+84901234567", "fullwidth"),
        ("\u0660\u0669\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667", "VN", "+84901234567", "unicode_digits"),
        ("0901\u00a0234\u00a0567", "VN", "+84901234567", "nbsp"),
        ("0901\u2009234\u202f567", "VN", "+84901234567", "nbsp"),
        ("\u00a00901234567\u00a0", "VN", "+84901234567", "nbsp"),
        ("0901\u200b234567", "VN", "+84901234567", "invisible"),
        ("\ufeff+84901234567", "VN", "+84901234567", "invisible"),
        ("\u202e0901234567", "VN", "+84901234567", "invisible"),  # right-to-left override
    ],
)
def test_excel_damage_is_repaired_and_reported(value: object, region: str, e164: str, fix: str) -> None:
    result = check(value, region)
    assert (result.status, result.e164, result.fix) == ("fixed", e164, fix)


def test_the_message_names_every_repair_applied() -> None:
    result = check(901234567.0, "VN")
    assert "leading 0" in result.message and "number" in result.message
    assert check("０９０１\u00a0２３４５６７", "VN").message.count(".") == 2


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (None, "empty"),
        ("", "empty"),
        ("   ", "empty"),
        ("\u00a0", "empty"),
        ("-", "empty"),
        (math.nan, "empty"),
        ("8.49012E+10", "scientific"),
        ("8,49012E+10", "scientific"),
        ("8.49012e10", "scientific"),
        ("  8.49012E+10 ", "scientific"),
        ("1234567890123456", "too_long"),
        ("+1234567890123456", "too_long"),
        ("0084 1234567890123456", "too_long"),
        (10**15, "too_long"),
        (1e16, "too_long"),
        (10**400, "too_long"),
        (84901234567.5, "not_integral"),
        (Decimal("0.5"), "not_integral"),
        ('=HYPERLINK("tel:0901234567")', "formula"),
        ("=A1", "formula"),
        ("@SUM(1)", "not_a_number"),
        ("+1+1", "not_a_number"),
        ("+", "not_a_number"),
        ("\u0661\u2028", "not_a_number"),
        (True, "not_a_number"),
        (-901234567, "not_a_number"),
        (math.inf, "not_a_number"),
        (dt.datetime(2024, 1, 2), "not_a_number"),
        (b"0901234567", "not_a_number"),
        ("123", "too_short"),
        ("+0901234567", "invalid_country_code"),
        ("0901234", "invalid_number"),
        ("+84 12 345", "too_short"),
        ("0201234567", "invalid_number"),
    ],
)
def test_invalid_cells_have_a_reason(value: object, reason: str) -> None:
    result = check(value, "VN")
    assert (result.status, result.reason, result.suggestion) == ("invalid", reason, None)


@pytest.mark.parametrize(
    ("value", "reason", "numbers"),
    [
        ("0901234567 - 0912345678", "several_numbers", ("+84901234567", "+84912345678")),
        ("0943300083/0995559862", "several_numbers", ("+84943300083", "+84995559862")),
        ("0901234567\n0912345678", "several_numbers", ("+84901234567", "+84912345678")),
        ("0901234567, 0912345678; 0355036104", "several_numbers", ("+84901234567", "+84912345678", "+84355036104")),
        ("Zalo: 0355036104", "text_around", ("+84355036104",)),
        ("0399135022 chị Lan", "text_around", ("+84399135022",)),
        ("ĐT: 059.987.3689", "text_around", ("+84599873689",)),
        ("+84991571696 ext 12", "text_around", ("+84991571696",)),
        ("call 0901234567", "text_around", ("+84901234567",)),
        ("0901234567 ext 12", "text_around", ("+84901234567",)),
    ],
)
def test_numbers_among_other_text_are_named_and_suggested(value: str, reason: str, numbers: tuple[str, ...]) -> None:
    result = check(value, "VN")
    assert (result.status, result.reason, result.suggestion) == ("invalid", reason, numbers[0])
    for number in numbers:
        assert number in result.message
    column = normalize_column(["0901234567", value, "abc"], "VN")
    assert column.numbers == {1: numbers}
    assert column.result(1) == result


def test_too_long_for_a_country_is_not_more_than_15_digits() -> None:
    result = check("8 985 998-75-99", "VN")  # a Russian mobile: 11 digits, too many for Vietnam
    assert (result.reason, result.message) == ("too_long", "Too many digits for a phone number (VN).")
    assert check("1234567890123456", "VN").message == "Too many digits for a phone number (more than 15)."


def test_scientific_text_is_never_guessed_but_a_numeric_cell_is_read_exactly() -> None:
    assert check("8.49012E+10", "VN").e164 is None
    assert check(8.49012e10, "VN").status != "invalid"  # the cell value itself is exact: 84901200000


EXPECTED_OLD_PREFIXES = {
    "0162": "032", "0163": "033", "0164": "034", "0165": "035", "0166": "036", "0167": "037", "0168": "038",
    "0169": "039", "0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078", "0123": "083",
    "0124": "084", "0125": "085", "0127": "081", "0129": "082", "0186": "056", "0188": "058", "0199": "059",
}  # fmt: skip


def test_old_prefix_table_is_the_2018_renumbering() -> None:
    assert dict(OLD_VN_PREFIXES) == EXPECTED_OLD_PREFIXES


@pytest.mark.parametrize(("old", "new"), sorted(EXPECTED_OLD_PREFIXES.items()))
def test_old_vn_mobile_numbers_get_a_suggestion_not_a_silent_fix(old: str, new: str) -> None:
    expected = "+84" + new[1:] + "3456789"
    for value in (old + "3456789", "+84" + old[1:] + "3456789", "84" + old[1:] + "3456789", int(old[1:] + "3456789")):
        result = check(value, "VN")
        assert (result.status, result.reason, result.e164, result.suggestion) == (
            "invalid",
            "old_prefix",
            None,
            expected,
        )
        assert old in result.message and new in result.message
        assert check(expected, "VN").status == "valid"


def test_a_number_missing_its_plus_gets_a_suggestion() -> None:
    result = check("447722123456", "VN")
    assert (result.reason, result.suggestion) == ("invalid_for_region", "+447722123456")
    assert "GB" in result.message
    assert check("84901234567", "GB").suggestion == "+84901234567"


def test_invalid_messages_name_the_country() -> None:
    assert "(VN)" in check("0901234", "VN").message
    assert "(GB)" in check("+44 1234", "VN").message


def test_duplicates_in_different_formats_share_one_key() -> None:
    spellings: list[object] = [
        "0901 234 567", "+84901234567", "84901234567", "0084901234567", "901234567", 901234567.0,
        84901234567, "０９０１２３４５６７", "0901\u00a0234\u00a0567", "(090) 123-4567",
    ]  # fmt: skip
    assert {result.e164 for result in normalize_many(spellings, "VN")} == {"+84901234567"}
    assert {phone_key(str(value), "VN") for value in spellings} == {"+84901234567"}


@pytest.mark.parametrize(
    ("value", "region", "key"),
    [
        ("84901234567", "VN", "+84901234567"),  # Stringee's skipped_phones / invalid_phones
        ("0901234567", "VN", "+84901234567"),  # Alohub
        ("375291111111", "BY", "+375291111111"),  # SMS.by
        ("403816000", "AU", "+61403816000"),  # Cellcast v2 listing
        ("+61403816000", "AU", "+61403816000"),
        ("07722123456", "GB", "+447722123456"),  # Dynamic Messaging
        ("not a phone", "VN", None),
        ("01623456789", "VN", None),
    ],
)
def test_phone_key_of_server_side_phones(value: str, region: str, key: str | None) -> None:
    assert phone_key(value, region) == key


@pytest.mark.parametrize(
    ("e164", "e164_style", "digits", "national", "no_zero"),
    [
        ("+84901234567", "+84901234567", "84901234567", "0901234567", "901234567"),
        ("+8418001234", "+8418001234", "8418001234", "18001234", "18001234"),
        ("+375291111111", "+375291111111", "375291111111", "80291111111", "291111111"),
        ("+61400000000", "+61400000000", "61400000000", "0400000000", "400000000"),
        ("+447722123456", "+447722123456", "447722123456", "07722123456", "7722123456"),
        ("+12015550123", "+12015550123", "12015550123", "2015550123", "2015550123"),
        ("+390612345678", "+390612345678", "390612345678", "0612345678", "0612345678"),
    ],
)
def test_provider_formats(e164: str, e164_style: str, digits: str, national: str, no_zero: str) -> None:
    assert to_provider_format(e164, "e164") == e164_style
    assert to_provider_format(e164, "international_digits") == digits
    assert to_provider_format(e164, "national") == national
    assert to_provider_format(e164, "national_no_zero") == no_zero
    number = phonenumbers.parse(e164)
    expected = "".join(
        ch for ch in phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL) if ch.isdigit()
    )
    assert to_provider_format(e164, "national") == expected


@pytest.mark.parametrize(
    ("e164", "style"), [("0901234567", "e164"), ("+", "national"), ("+999123", "national"), ("+84901234567", "fax")]
)
def test_provider_format_rejects_bad_input(e164: str, style: str) -> None:
    with pytest.raises(ValueError):
        to_provider_format(e164, style)


def test_unknown_region_is_an_error_not_a_guess() -> None:
    with pytest.raises(ValueError):
        normalize_phone("0901234567", "XX")
    with pytest.raises(ValueError):
        normalize_many(["0901234567"], "vn")


def test_any_supported_region_works() -> None:
    assert check("(201) 555-0123", "US").e164 == "+12015550123"
    assert check("030 123456", "DE").e164 == "+4930123456"
    assert check("06 12 34 56 78", "FR").e164 == "+33612345678"


def test_results_are_frozen_values() -> None:
    first = normalize_many(["0901234567"], "VN")[0]
    assert first == PhoneResult("valid", "+84901234567", "", "", None, "")
    assert hash(first) == hash(PhoneResult("valid", "+84901234567", "", "", None, ""))
    with pytest.raises(AttributeError):
        first.e164 = "+1"  # type: ignore[misc]


def test_results_cross_process_boundaries() -> None:
    results = normalize_many(["0901234567", 901234567.0, "01623456789"], "VN")
    assert pickle.loads(pickle.dumps(results)) == results


def test_batch_keeps_order_and_length() -> None:
    values: list[object] = ["0901234567", None, 84901234567.0, "8.49012E+10", "01623456789", "+447722123456"] * 50
    results = normalize_many(values, "VN")
    assert len(results) == len(values)
    assert [r.status for r in results[:6]] == ["valid", "invalid", "fixed", "invalid", "invalid", "valid"]
    assert results[6:12] == results[:6]

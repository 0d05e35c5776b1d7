"""Property tests: the fast batch path equals the phonenumbers-only path; phonenumbers' own examples round-trip."""

from __future__ import annotations

import random

import phonenumbers
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from campaign_gui.domain.phones import normalize_many, normalize_phone_reference, phone_key, to_provider_format
from campaign_gui.domain.phones_fast import region_table, resolve_fast

REGIONS = ("VN", "BY", "AU", "GB")
PREFIXES = ("", "0", "00", "+", "84", "+84", "0084", "84 0", "375", "+375", "80", "8", "61", "+61", "0011 61", "44", "+44",
            "0044", "1", "+1", "+0", "01")  # fmt: skip
SEPARATORS = ("", "", "", " ", ".", "-", "(", ")", "/", "\u00a0", "\u2009", "\u200b", "\u2013", "\t")
FULLWIDTH = str.maketrans("0123456789+", "０１２３４５６７８９＋")


def _example_nsns() -> list[tuple[str, str]]:
    """(region, national significant number) of phonenumbers' example numbers, every type."""
    found = []
    for region in REGIONS:
        for number_type in range(12):
            number = phonenumbers.example_number_for_type(region, number_type)
            if number is not None:
                found.append((region, phonenumbers.national_significant_number(number)))
    return found


EXAMPLES = _example_nsns()


@st.composite
def digit_cells(draw: st.DrawFn) -> str:
    """Text cells built from a prefix and digits, mostly near real numbers, with spelling noise."""
    prefix = draw(st.sampled_from(PREFIXES))
    if draw(st.booleans()):
        region, nsn = draw(st.sampled_from(EXAMPLES))
        keep = draw(st.integers(min_value=0, max_value=len(nsn)))
        rest = len(nsn) - keep
        body = nsn[:keep] + draw(st.text("0123456789", min_size=max(0, rest - 1), max_size=rest + 1))
    else:
        body = draw(st.text("0123456789", min_size=0, max_size=17))
    chars = []
    for char in prefix + body:
        chars.append(char)
        if draw(st.integers(0, 5)) == 0:
            chars.append(draw(st.sampled_from(SEPARATORS)))
    text = "".join(chars)
    if draw(st.integers(0, 9)) == 0:
        text = text.translate(FULLWIDTH)
    if draw(st.integers(0, 9)) == 0:
        text += draw(st.sampled_from((".0", ".00", ".5", "e10", "E+10")))
    if draw(st.integers(0, 19)) == 0:
        text = draw(st.sampled_from(("'", "=", " ", "\ufeff", "@"))) + text
    return text


def _numeric(text: str) -> int | None:
    digits = "".join(ch for ch in text if ch.isascii() and ch.isdigit())
    return int(digits) if digits else None


cells = st.one_of(
    digit_cells(),
    digit_cells().map(_numeric),
    digit_cells().map(lambda text: float(value) if (value := _numeric(text)) is not None else None),
    st.integers(min_value=-10, max_value=10**17),
    st.floats(allow_nan=True, allow_infinity=True),
    st.from_regex(r"[0-9]\.[0-9]{1,6}[eE][+-]?[0-9]{1,2}", fullmatch=True),
    st.text(max_size=12),
    st.none(),
    st.booleans(),
)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=cells, region=st.sampled_from(REGIONS))
def test_fast_path_equals_phonenumbers_path(value: object, region: str) -> None:
    assert normalize_many([value], region) == [normalize_phone_reference(value, region)]


@settings(max_examples=150, deadline=None)
@given(values=st.lists(cells, max_size=30), region=st.sampled_from(REGIONS))
def test_batches_equal_rows_one_by_one(values: list[object], region: str) -> None:
    assert normalize_many(values, region) == [normalize_phone_reference(value, region) for value in values]


def _random_numbers(region: str, rng: random.Random, per_example: int) -> list[str]:
    """Numbers that share a long prefix with phonenumbers' examples: they exercise the table memos."""
    out = []
    for number_type in range(12):
        example = phonenumbers.example_number_for_type(region, number_type)
        if example is None:
            continue
        nsn = phonenumbers.national_significant_number(example)
        for _ in range(per_example):
            keep = rng.randint(max(0, len(nsn) - 6), len(nsn))
            out.append(nsn[:keep] + "".join(rng.choice("0123456789") for _ in range(len(nsn) - keep)))
    return out


def test_every_region_with_a_table_agrees_with_phonenumbers() -> None:
    rng = random.Random(20260310)
    checked = 0
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        table = region_table(region)
        if table is None:
            continue
        values: list[object] = []
        for nsn in _random_numbers(region, rng, 2):
            values += [nsn, "0" + nsn, table.cc + nsn, "+" + table.cc + nsn, "00" + table.cc + nsn]
        assert normalize_many(values, region) == [normalize_phone_reference(value, region) for value in values], region
        checked += 1
    assert checked > 150


@pytest.mark.parametrize("region", REGIONS)
def test_many_realistic_numbers_agree_with_phonenumbers(region: str) -> None:
    rng = random.Random(region)
    table = region_table(region)
    assert table is not None
    values: list[object] = []
    for nsn in _random_numbers(region, rng, 60):
        values += [nsn, "0" + nsn, table.cc + nsn, "+" + table.cc + nsn, float(nsn)]
    results = normalize_many(values, region)
    assert results == [normalize_phone_reference(value, region) for value in values]
    assert sum(result.status != "invalid" for result in results) > len(values) // 4


@pytest.mark.parametrize(
    ("digits", "plus", "region", "answer"),
    [
        ("0901234567", False, "VN", ("+84901234567", False)),
        ("901234567", False, "VN", ("+84901234567", True)),
        ("84901234567", False, "VN", ("+84901234567", False)),
        ("84901234567", True, "VN", ("+84901234567", False)),
        ("02438251234", False, "VN", ("+842438251234", False)),
        ("80291111111", False, "BY", ("+375291111111", False)),
        ("0291111111", False, "BY", ("+375291111111", False)),
        ("375291111111", True, "BY", ("+375291111111", False)),
        ("0412345678", False, "AU", ("+61412345678", False)),
        ("412345678", False, "AU", ("+61412345678", True)),
        ("61412345678", False, "AU", ("+61412345678", False)),
        ("07722123456", False, "GB", ("+447722123456", False)),
        ("447722123456", True, "GB", ("+447722123456", False)),
        ("7722123456", False, "GB", ("+447722123456", True)),
    ],
)
def test_the_fast_path_answers_the_common_shapes_itself(digits: str, plus: bool, region: str, answer: object) -> None:
    table = region_table(region)
    assert table is not None
    assert resolve_fast(digits, plus, table) == answer
    assert resolve_fast(digits[:-1], plus, table) is None  # invalid numbers always go to phonenumbers


EXAMPLE_REGIONS = (*REGIONS, "US", "DE", "FR", "JP", "IN", "RU", "BR", "IT", "CN", "NG")


@pytest.mark.parametrize("region", EXAMPLE_REGIONS)
def test_phonenumbers_examples_round_trip_in_every_format(region: str) -> None:
    tested = 0
    for number_type in [t for t in vars(PhoneNumberType).values() if isinstance(t, int)]:
        number = phonenumbers.example_number_for_type(region, number_type)
        if number is None or not phonenumbers.is_valid_number(number):
            continue
        e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
        spellings = [
            phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL),
            phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL),
            e164,
            to_provider_format(e164, "national"),
        ]
        results = normalize_many(spellings, region)
        assert [r.e164 for r in results] == [e164] * len(spellings), (number_type, spellings, results)
        assert {phone_key(spelling, region) for spelling in spellings} == {e164}
        # International forms read the same under any other default region.
        for other in ("VN", "GB"):
            assert normalize_many(spellings[1:3], other)[0].e164 == e164
            assert normalize_many(spellings[1:3], other)[1].e164 == e164
        tested += 1
    assert tested > 0

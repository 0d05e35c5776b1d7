"""The columnar path (normalize_column) and the table answers for invalid numbers equal the reference path."""

from __future__ import annotations

import random

import phonenumbers
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_phones_properties import REGIONS, cells

from campaign_gui.domain.phones import STATUS_CODES, normalize_column, normalize_phone_reference
from campaign_gui.domain.phones_fast import international_invalid, invalid_nsn, region_table
from campaign_gui.domain.phones_suggest import valid_e164


def _check_column(values: list[object], region: str) -> None:
    column = normalize_column(values, region)
    expected = [normalize_phone_reference(value, region) for value in values]
    assert len(column) == len(values)
    assert column.results() == expected
    assert [column.result(i) for i in range(len(values))] == expected
    assert list(column.status) == [STATUS_CODES[r.status] for r in expected]
    assert column.e164 == [r.e164 or "" for r in expected]
    assert column.suggestions == {i: r.suggestion for i, r in enumerate(expected) if r.suggestion is not None}
    assert column.outcomes[0] == ("valid", "", "", "")
    assert all(column.outcome[i] == 0 for i, r in enumerate(expected) if r.status == "valid")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=st.lists(cells, max_size=40), region=st.sampled_from(REGIONS))
def test_column_equals_reference(values: list[object], region: str) -> None:
    _check_column(values, region)


def test_column_with_many_outcomes_uses_wide_codes() -> None:
    # old VN prefixes: every message names its own suggestion, so outcomes pass 256
    values: list[object] = [f"0162{n:07d}" for n in range(400)] + ["0901234567", 901234567.0, None]
    column = normalize_column(values, "VN")
    assert len(column.outcomes) > 256
    _check_column(values, "VN")


def _invalid_national(rng: random.Random, region: str) -> list[object]:
    """National numbers near real ones but mostly invalid: cut, extended, re-prefixed, as text and numbers."""
    out: list[object] = []
    for number_type in range(12):
        example = phonenumbers.example_number_for_type(region, number_type)
        if example is None:
            continue
        nsn = phonenumbers.national_significant_number(example)
        for _ in range(2):
            cut = nsn[: rng.randint(2, len(nsn))] + "".join(rng.choice("0123456789") for _ in range(rng.randint(0, 3)))
            mixed = "".join(rng.choice("0123456789") for _ in range(rng.randint(4, 13)))
            out += [cut, "0" + cut, mixed, "0" + mixed, float(cut)]
    return out


def test_invalid_numbers_answered_from_tables_equal_reference() -> None:
    rng = random.Random(20261123)
    modelled = foreign = checked = 0
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        table = region_table(region)
        if table is None:
            continue
        values = _invalid_national(rng, region)
        for value in values:
            digits = str(int(value)) if isinstance(value, float) else str(value)
            modelled += invalid_nsn(digits, table) is not None
            foreign += international_invalid(digits)
        _check_column(values, region)
        checked += 1
    assert checked > 150
    assert modelled > 3_000  # the table path answered most of them (and equalled the reference)
    assert foreign > 3_000


@settings(max_examples=400, deadline=None)
@given(digits=st.text("0123456789", min_size=1, max_size=15))
def test_international_invalid_only_when_phonenumbers_says_invalid(digits: str) -> None:
    if international_invalid(digits):
        assert valid_e164("+" + digits) is None


def test_international_invalid_on_real_numbers_is_false() -> None:
    for region in ("VN", "BY", "AU", "GB", "US", "DE", "FR", "JE", "RU", "CN"):
        example = phonenumbers.example_number(region)
        assert example is not None
        e164 = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
        assert not international_invalid(e164[1:])

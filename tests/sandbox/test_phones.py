"""The sandbox's fast phone checks agree with ``phonenumbers`` (property tests)."""

from __future__ import annotations

import phonenumbers
from hypothesis import given, settings
from hypothesis import strategies as st

from campaign_gui.sandbox.phones import au_mobile, by_number, stringee_normalise, to_e164, vn_national


def reference(text: str, region: str) -> str | None:
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


PREFIXES = {"VN": ["", "0", "+84", "84", "09", "03"], "GB": ["", "0", "+44", "07", "+447"],
            "AU": ["", "0", "+61", "04", "+614"], "BY": ["+375", "375", "8", "", "+37529"]}


@settings(max_examples=400, deadline=None)
@given(region=st.sampled_from(sorted(PREFIXES)), data=st.data())
def test_fast_path_matches_phonenumbers(region: str, data: st.DataObject) -> None:
    prefix = data.draw(st.sampled_from(PREFIXES[region]))
    digits = data.draw(st.text(alphabet="0123456789", min_size=4, max_size=12))
    assert to_e164(prefix + digits, region) == reference(prefix + digits, region)


def test_provider_shapes() -> None:
    assert {stringee_normalise(p) for p in ("0901234567", "84901234567", "+84901234567", "901234567")} == {
        "84901234567"}
    assert stringee_normalise("09123329999") is None and stringee_normalise("") is None
    assert vn_national("84901234567") == ("0901234567", "+84901234567")
    assert {au_mobile(p) for p in ("+61400000000", "61400000000", "0400000000", "400000000")} == {
        ("400000000", "+61400000000")}
    assert au_mobile("0212345678") is None
    assert by_number("375291111111") == by_number("+375 29 111-11-11") == "+375291111111"
    assert by_number("12") is None


@settings(max_examples=300, deadline=None)
@given(prefix=st.sampled_from(["", "0", "+84", "84", "+840", "09", "03"]),
       digits=st.text(alphabet="0123456789", min_size=4, max_size=11))
def test_vn_shapes_agree_with_phonenumbers(prefix: str, digits: str) -> None:
    text = prefix + digits
    normal = stringee_normalise(text)
    if normal is not None:
        assert reference("+" + normal, "VN") == "+" + normal
    national = vn_national(text)
    if national is not None:
        assert reference(national[0], "VN") == national[1]


def _au_by_pattern(raw: str) -> tuple[str, str] | None:
    """``au_mobile`` without its fast path (the pattern alone)."""
    from campaign_gui.sandbox.phones import _AU_MOBILE, _JUNK

    match = _AU_MOBILE.match(_JUNK.sub("", raw))
    return None if match is None else (match.group(1), "+61" + match.group(1))


@settings(max_examples=400, deadline=None)
@given(prefix=st.sampled_from(["+614", "+61", "614", "04", "4", "+6140", "+615", "-614", "+61 4"]),
       digits=st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩ \n", min_size=6, max_size=10))
def test_au_fast_path_matches_the_pattern(prefix: str, digits: str) -> None:
    # E.164 as the client sends it skips the regular expressions: same answer as the pattern for any text
    # (Arabic-Indic digits, which the pattern's \d takes, and a trailing newline, which its $ allows, included)
    assert au_mobile(prefix + digits) == _au_by_pattern(prefix + digits)
    assert au_mobile("+61412345678") == ("412345678", "+61412345678")

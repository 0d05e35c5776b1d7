"""E.164 numbers written the way each provider wants them."""

from __future__ import annotations

import phonenumbers
from phonenumbers import PhoneNumberFormat

from campaign_gui.domain.phones_fast import region_table


def _digits_of(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _split_cc(e164: str) -> tuple[int, str]:
    if not e164.startswith("+") or not e164[1:].isdigit():
        raise ValueError("not an E.164 number")
    for size in (1, 2, 3):
        cc = int(e164[1 : 1 + size])
        if cc in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
            return cc, e164[1 + size :]
    raise ValueError("not an E.164 number")


def _national_digits(cc: int, nsn: str) -> str:
    number = phonenumbers.PhoneNumber(country_code=cc, national_number=int(nsn))
    if nsn.startswith("0"):
        number.italian_leading_zero = True
        number.number_of_leading_zeros = len(nsn) - len(nsn.lstrip("0"))
    return _digits_of(phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL))


def to_provider_format(e164: str, style: str) -> str:
    """Write an E.164 number as a provider wants it: "e164", "international_digits", "national",
    "national_no_zero"."""
    if style == "e164":
        _split_cc(e164)
        return e164
    if style == "international_digits":
        _split_cc(e164)
        return e164[1:]
    cc, nsn = _split_cc(e164)
    if style == "national_no_zero":
        return nsn
    if style == "national":
        table = region_table(phonenumbers.region_code_for_country_code(cc))
        if table is None or table.national_format is None or nsn[:1] == "0":
            return _national_digits(cc, nsn)
        chosen = table.national_format.first(nsn)
        return (table.trunk[chosen] if chosen >= 0 else "") + nsn
    raise ValueError(f"unknown phone style {style!r}")

"""Suggestions for invalid numbers: the renumbered old VN mobile prefixes, numbers missing their '+'."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

from campaign_gui.domain.phones_fast import international_invalid

# The 2018 renumbering of Vietnamese 11-digit mobile numbers to 10 digits (from 15 September 2018).
OLD_VN_PREFIXES: Mapping[str, str] = MappingProxyType(
    {
        # Viettel
        "0162": "032", "0163": "033", "0164": "034", "0165": "035",
        "0166": "036", "0167": "037", "0168": "038", "0169": "039",
        # MobiFone
        "0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078",
        # VinaPhone
        "0123": "083", "0124": "084", "0125": "085", "0127": "081", "0129": "082",
        # Vietnamobile, Gmobile
        "0186": "056", "0188": "058", "0199": "059",
    }
)  # fmt: skip


def may_be_valid_international(digits: str) -> bool:
    """False when '+' + digits cannot be valid: no calling code starts with 0, or too few digits."""
    if digits[:1] == "0" or (len(digits) < 8 and len(digits) < _min_valid_digits()):
        return False
    return not international_invalid(digits)


@lru_cache(maxsize=1)
def _min_valid_digits() -> int:
    """Fewest digits (calling code + national number) of any valid number in phonenumbers' metadata."""
    found = 99
    metadata = [phonenumbers.PhoneMetadata.metadata_for_region(r) for r in phonenumbers.SUPPORTED_REGIONS]
    metadata += [phonenumbers.PhoneMetadata.metadata_for_nongeo_region(c)
                 for c in phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS]
    for meta in metadata:
        lengths = [n for n in meta.general_desc.possible_length if n > 0] if meta and meta.general_desc else []
        if meta is None or meta.country_code is None or not lengths:
            return 0  # no bound known here: always ask phonenumbers
        found = min(found, len(str(meta.country_code)) + min(lengths))
    return found


def valid_e164(text: str) -> tuple[str, phonenumbers.PhoneNumber] | None:
    try:
        number = phonenumbers.parse(text, None)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164), number


def old_vn_suggestion(digits: str, plus: bool, region: str) -> tuple[str, str, str] | None:
    """(old prefix, new prefix, suggested E.164) for an old 11-digit VN mobile number, else None."""
    if plus:
        if not digits.startswith("84"):
            return None
        nsn = digits[2:]
    elif region != "VN":
        return None
    elif digits.startswith("0"):
        nsn = digits[1:]
    elif digits.startswith("84") and len(digits) == 12:
        nsn = digits[2:]
    else:
        nsn = digits  # a numeric cell that also lost its 0
    if len(nsn) != 10:
        return None
    old_prefix = "0" + nsn[:3]
    new_prefix = OLD_VN_PREFIXES.get(old_prefix)
    if new_prefix is None:
        return None
    suggestion = valid_e164("+84" + new_prefix[1:] + nsn[3:])
    return None if suggestion is None else (old_prefix, new_prefix, suggestion[0])

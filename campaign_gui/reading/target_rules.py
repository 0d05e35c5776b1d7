"""The target provider's own rules on numbers (countries it takes, SMS to fixed lines), checked before upload."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberType

COUNTRY_REASON = "country_not_accepted"
LANDLINE_REASON = "landline"
# Number types a fixed line has; FIXED_LINE_OR_MOBILE (the US, some others) cannot be told apart: not flagged.
_FIXED = frozenset({PhoneNumberType.FIXED_LINE, PhoneNumberType.SHARED_COST, PhoneNumberType.TOLL_FREE,
                    PhoneNumberType.PREMIUM_RATE, PhoneNumberType.UAN, PhoneNumberType.VOIP})
_TYPE_KEY = 9  # "+" and up to 8 digits: enough for every type pattern of the countries providers take


class LandlinePolicy(str, enum.Enum):
    """What an import to an SMS provider does with fixed-line numbers (a warning, not an error)."""

    DROP = "drop"  # not sent, listed with the reason (default: an SMS to a fixed line is paid for and lost)
    INCLUDE = "include"  # sent anyway (some lines read SMS aloud)


def country_message(provider: str, accepted: tuple[int, ...], code: int) -> str:
    plus = ", ".join(f"+{c}" for c in accepted)
    return f"{provider} only accepts {plus} numbers; this one is +{code}."


def landline_message(provider: str) -> str:
    return f"A fixed-line number: {provider} sends SMS, which a fixed line usually cannot receive."


@dataclass(frozen=True)
class TargetRules:
    """What one provider accepts: ``country_codes`` (empty: any) and, when it ``sends_sms``, fixed lines or not."""

    provider: str  # the display name, for messages
    country_codes: tuple[int, ...] = ()
    sends_sms: bool = False
    landline: LandlinePolicy = LandlinePolicy.DROP
    region: str = "VN"  # the provider's default country for numbers written without +code

    def check(self, numbers: Iterable[tuple[int, str]]) -> tuple[dict[int, tuple[str, str]], int]:
        """For ``(index, E.164)`` pairs: the rows this target cannot take ``{index: (reason, message)}`` and
        how many fixed-line numbers there are (dropped or, per the policy, sent with a warning)."""
        prefixes = tuple(f"+{c}" for c in self.country_codes)
        excluded: dict[int, tuple[str, str]] = {}
        landlines = 0
        types: dict[tuple[str, int], bool] = {}  # (leading digits, length) -> fixed line
        for i, e164 in numbers:
            if prefixes and not e164.startswith(prefixes):
                code = _country_code(e164)
                if code not in self.country_codes:
                    excluded[i] = (COUNTRY_REASON, country_message(self.provider, self.country_codes, code))
                    continue
            if not self.sends_sms:
                continue
            key = (e164[:_TYPE_KEY], len(e164))
            fixed = types.get(key)
            if fixed is None:
                fixed = types[key] = _is_fixed_line(e164)
            if fixed:
                landlines += 1
                if self.landline is LandlinePolicy.DROP:
                    excluded[i] = (LANDLINE_REASON, landline_message(self.provider))
        return excluded, landlines


def _country_code(e164: str) -> int:
    try:
        return int(phonenumbers.parse(e164).country_code or 0)
    except phonenumbers.NumberParseException:
        return 0


def _is_fixed_line(e164: str) -> bool:
    """Cached per leading digits and length by the caller: a million numbers cost a few thousand look-ups."""
    try:
        return phonenumbers.number_type(phonenumbers.parse(e164)) in _FIXED
    except phonenumbers.NumberParseException:
        return False


__all__ = ["COUNTRY_REASON", "LANDLINE_REASON", "LandlinePolicy", "TargetRules", "country_message",
           "landline_message"]

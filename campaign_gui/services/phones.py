"""Phone checks for a contact typed by hand, in the account's region (via ``domain.phones``)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication


@dataclass(frozen=True)
class PhoneCheck:
    ok: bool
    e164: str = ""
    message: str = ""
    suggestion: str = ""


def check_phone(value: str, region: str) -> PhoneCheck:
    """Normalise ``value`` for ``region``; a suggested fix is offered, never applied silently."""
    text = value.strip()
    if not text:
        return PhoneCheck(False, message=QCoreApplication.translate("PhoneCheck", "Enter a phone number."))
    try:
        from campaign_gui.domain.phones import normalize_phone
    except ImportError:  # the shared normaliser is not there: phonenumbers directly
        return _fallback(text, region)
    result = normalize_phone(text, region)
    e164 = getattr(result, "e164", None) or ""
    status = str(getattr(getattr(result, "status", ""), "value", getattr(result, "status", ""))).lower()
    suggestion = str(getattr(result, "suggestion", "") or "")
    if e164 and status in ("valid", "ok", "fixed", "repaired"):
        return PhoneCheck(True, e164=e164)
    message = str(getattr(result, "message", "") or getattr(result, "reason", "") or "")
    return PhoneCheck(False, message=message or _invalid(region), suggestion=suggestion)


def _fallback(text: str, region: str) -> PhoneCheck:
    import phonenumbers

    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return PhoneCheck(False, message=_invalid(region))
    if not phonenumbers.is_valid_number(number):
        return PhoneCheck(False, message=_invalid(region))
    return PhoneCheck(True, e164=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def _invalid(region: str) -> str:
    return QCoreApplication.translate("PhoneCheck", "Not a valid phone number for region {0}.").format(region)

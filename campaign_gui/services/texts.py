"""The user's-language text of the Qt-free layers' English reasons, codes and messages, and locale numbers."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QLocale

from campaign_gui.services import texts_catalogue as cat
from campaign_gui.services import texts_catalogue_input as cat_input

__all__ = [
    "CONTEXT", "decimal", "fix_text", "input_error_text", "mapping_reason_text", "number", "outcome_reason_text",
    "percent", "phone_message_text", "phone_reason_text", "stop_message_text", "target_problem_text", "tr",
    "waiting_reason_text",
    "waiting_text", "warning_text",
]

CONTEXT = "ReasonText"
Rule = tuple[re.Pattern[str], str, tuple[str, ...]]


def tr(source: str) -> str:
    """``source`` (an English text listed with QT_TRANSLATE_NOOP under ``ReasonText``) in the user's language."""
    return QCoreApplication.translate(CONTEXT, source)


# --- numbers ------------------------------------------------------------------------------------------
def _locale() -> QLocale:
    """The default locale when the app chose Vietnamese; English otherwise (never the C locale's "3996")."""
    locale = QLocale()
    return locale if locale.language() == QLocale.Language.Vietnamese else QLocale(QLocale.Language.English)


def number(n: int) -> str:
    """A count with the language's digit grouping: ``3,996`` in English, ``3.996`` in Vietnamese."""
    return _locale().toString(int(n))


def decimal(x: float, places: int = 0) -> str:
    return _locale().toString(float(x), "f", places)


def percent(fraction: float) -> str:
    """``0.42`` → ``42%``."""
    return decimal(round(fraction * 100), 0) + "%"


def _num(text: str) -> str:
    return number(int(text)) if text.isdigit() else text


# --- the matcher --------------------------------------------------------------------------------------
def _rules(specs: Iterable[cat.Spec]) -> list[Rule]:
    return [(re.compile(regex, re.DOTALL), source, kinds) for regex, source, kinds in specs]


def _group(kind: str, value: str) -> str:
    if kind == "num":
        return _num(value)
    if kind == "country":
        return tr(value) if value in cat.COUNTRY_NAMES else value
    if kind == "nested":
        return outcome_reason_text(value)
    return value


def _match(rules: list[Rule], text: str) -> str | None:
    """The first rule whose regex matches all of ``text``: its translated template with the groups."""
    for pattern, source, kinds in rules:
        found = pattern.fullmatch(text)
        if found is not None:
            args = [_group(kinds[i] if i < len(kinds) else "", g or "") for i, g in enumerate(found.groups())]
            return tr(source).format(*args)
    return None


def _exact(known: Iterable[str], text: str) -> str | None:
    return tr(text) if text in known else None


# --- phone numbers -------------------------------------------------------------------------------------
def phone_reason_text(code: str, fallback: str = "") -> str:
    """The sentence for an invalid-phone ``reason`` code (``domain.phones.REASONS``)."""
    source = cat.PHONE_REASONS.get(code)
    return tr(source) if source else (fallback or code)


def fix_text(code: str) -> str:
    """The sentence for a repair code (``phones_clean.FIX_ORDER``); the code itself when unknown."""
    source = cat.FIX_MESSAGES.get(code)
    return tr(source) if source else code


def _fixes_text(message: str) -> str | None:
    """A fixed row's message: the repairs' sentences joined by spaces (in FIX_ORDER)."""
    rest, parts = message, []
    while rest:
        source = next((s for s in cat.FIX_MESSAGES.values() if rest.startswith(s)), None)
        if source is None:
            return None
        parts.append(tr(source))
        rest = rest[len(source):].lstrip(" ")
    return " ".join(parts) if parts else None


_PHONE_RULES = _rules(cat.PHONE_PATTERNS)


def phone_message_text(message: str, reason: str = "") -> str:
    """A validation message (review grid, report reasons, add-contact dialog) in the user's language."""
    if not message:
        return phone_reason_text(reason) if reason else ""
    found = _exact(cat.PHONE_REASONS.values(), message) or _match(_PHONE_RULES, message) or _fixes_text(message)
    return found if found is not None else message


# --- the target -----------------------------------------------------------------------------------------
_TARGET_RULES = _rules(cat.TARGET_PATTERNS)


def target_problem_text(message: str) -> str:
    """A ``services.target_check`` problem (a wrong list id, start time, unknown campaign) in the user's language."""
    return _match(_TARGET_RULES, message) or message


# --- column mapping ------------------------------------------------------------------------------------
_MAPPING_RULES = _rules(cat.MAPPING_PATTERNS)


def mapping_reason_text(reason: str) -> str:
    """Why a column was matched (``importer.mapping``): ``exact header 'Email'`` etc."""
    return _match(_MAPPING_RULES, reason) or reason


# --- file and input errors -------------------------------------------------------------------------------
_INPUT_RULES: dict[str, list[Rule]] = {kind: _rules(specs) for kind, specs in cat_input.INPUT_PATTERNS.items()}
_ALL_INPUT_RULES = [rule for rules in _INPUT_RULES.values() for rule in rules]
_ALL_INPUT_MESSAGES = frozenset(m for messages in cat_input.INPUT_MESSAGES.values() for m in messages)


def input_error_text(kind: str, message: str) -> str:
    """An ImportInputError's message (``kind`` from sniff/reader/validate/jobs) in the user's language."""
    found = _exact(cat_input.INPUT_MESSAGES.get(kind, ()), message) or _match(_INPUT_RULES.get(kind, []), message)
    if found is None:  # another kind's text, or no kind given
        found = _exact(_ALL_INPUT_MESSAGES, message) or _match(_ALL_INPUT_RULES, message)
    return found if found is not None else message


_WARNING_RULES = _rules(cat_input.WARNING_PATTERNS)


def warning_text(warning: str) -> str:
    """A reader warning (merged cells, formulas without values, NUL bytes)."""
    return _match(_WARNING_RULES, warning) or warning


# --- upload outcomes, stops and waits ------------------------------------------------------------------
_OUTCOME_RULES = _rules(cat.OUTCOME_PATTERNS)


def outcome_reason_text(reason: str) -> str:
    """A row's reason in the journal/results (engine, providers, validation) in the user's language."""
    if not reason:
        return ""
    found = _exact(cat.OUTCOME_MESSAGES, reason) or _match(_OUTCOME_RULES, reason)
    if found is not None:
        return found
    return _exact(_ALL_INPUT_MESSAGES, reason) or phone_message_text(reason)


def stop_message_text(message: str) -> str:
    """A job's message (why it paused, failed or was cancelled) in the user's language."""
    if not message:
        return ""
    found = _exact(cat.OUTCOME_MESSAGES, message) or _match(_OUTCOME_RULES, message)
    return found if found is not None else input_error_text("", message)


def waiting_reason_text(reason: str) -> str:
    """Why an upload waits (``ProgressSnapshot.waiting_reason`` without its ``, 12 s`` tail)."""
    return _exact(cat.WAITING_MESSAGES, reason) or _match(_OUTCOME_RULES, reason) or reason


def waiting_text(reason: str | None, seconds_left: int) -> str:
    """``Waiting 12 s (rate limited)``; empty when not waiting."""
    if not reason:
        return ""
    head = reason.rsplit(",", 1)[0] if re.search(r", \d+ s$", reason) else reason
    if "rate" in head.lower() or "quota" in head.lower():
        return QCoreApplication.translate("UploadPage", "Waiting {0} s (rate limited)").format(seconds_left)
    return QCoreApplication.translate("UploadPage", "Waiting {0} s ({1})").format(
        seconds_left, waiting_reason_text(head))


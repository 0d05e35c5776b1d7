"""The English texts of domain/importer/engine reasons, listed for lupdate (context ReasonText) with their patterns."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    def QT_TRANSLATE_NOOP(context: str, source: str) -> str: ...  # the stubs say object; it returns source
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

# Each text must stay equal to what the Qt-free layer writes (tests/ui/test_reason_texts.py checks the
# constants it can import). Patterns: (regex matched against the whole English text, template, group kinds)
# where a group kind is "" (kept as is), "num" (a count, grouped by the locale) or "nested" (itself a reason).
Spec = tuple[str, str, tuple[str, ...]]

# domain.phones.REASONS
PHONE_REASONS = {
    "empty": QT_TRANSLATE_NOOP("ReasonText", "The phone cell is empty."),
    "formula": QT_TRANSLATE_NOOP("ReasonText", "The cell holds a formula, not a phone number."),
    "scientific": QT_TRANSLATE_NOOP("ReasonText", "Excel turned this number into scientific notation (like 8.49012E+10) and its last digits are lost; format the column as text and type the number again."),
    "not_a_number": QT_TRANSLATE_NOOP("ReasonText", "This is not a phone number (letters or other characters)."),
    "not_integral": QT_TRANSLATE_NOOP("ReasonText", "The cell holds a number with decimals, not a phone number."),
    "too_long": QT_TRANSLATE_NOOP("ReasonText", "Too many digits for a phone number (more than 15)."),
    "too_short": QT_TRANSLATE_NOOP("ReasonText", "Too few digits for a phone number."),
    "invalid_length": QT_TRANSLATE_NOOP("ReasonText", "The number of digits does not fit this country's phone numbers."),
    "invalid_country_code": QT_TRANSLATE_NOOP("ReasonText", "Unknown country code after the '+'."),
    "invalid_number": QT_TRANSLATE_NOOP("ReasonText", "Not a valid phone number."),
    "invalid_for_region": QT_TRANSLATE_NOOP("ReasonText", "Not a valid number for this country; with a '+' in front it is a valid foreign number."),
    "old_prefix": QT_TRANSLATE_NOOP("ReasonText", "Old 11-digit Vietnamese mobile number; the prefix changed in 2018."),
    "several_numbers": QT_TRANSLATE_NOOP("ReasonText", "More than one phone number in one cell."),
    "text_around": QT_TRANSLATE_NOOP("ReasonText", "Other text around the phone number."),
}

# reading.country.NAMES (the countries a column's numbers may belong to), translated inside its messages
COUNTRY_NAMES = frozenset((
    QT_TRANSLATE_NOOP("ReasonText", "Vietnam"), QT_TRANSLATE_NOOP("ReasonText", "Russia"),
    QT_TRANSLATE_NOOP("ReasonText", "Belarus"), QT_TRANSLATE_NOOP("ReasonText", "Ukraine"),
    QT_TRANSLATE_NOOP("ReasonText", "Kazakhstan"), QT_TRANSLATE_NOOP("ReasonText", "Australia"),
    QT_TRANSLATE_NOOP("ReasonText", "the United Kingdom"), QT_TRANSLATE_NOOP("ReasonText", "the United States"),
    QT_TRANSLATE_NOOP("ReasonText", "China"), QT_TRANSLATE_NOOP("ReasonText", "Thailand"),
    QT_TRANSLATE_NOOP("ReasonText", "Laos"), QT_TRANSLATE_NOOP("ReasonText", "Cambodia"),
    QT_TRANSLATE_NOOP("ReasonText", "the Philippines"), QT_TRANSLATE_NOOP("ReasonText", "Indonesia"),
    QT_TRANSLATE_NOOP("ReasonText", "Malaysia"), QT_TRANSLATE_NOOP("ReasonText", "Singapore"),
    QT_TRANSLATE_NOOP("ReasonText", "South Korea"), QT_TRANSLATE_NOOP("ReasonText", "Japan"),
    QT_TRANSLATE_NOOP("ReasonText", "India"), QT_TRANSLATE_NOOP("ReasonText", "Germany"),
    QT_TRANSLATE_NOOP("ReasonText", "France"), QT_TRANSLATE_NOOP("ReasonText", "Poland"),
    QT_TRANSLATE_NOOP("ReasonText", "Lithuania"), QT_TRANSLATE_NOOP("ReasonText", "Latvia"),
))

# domain.phones._FIX_MESSAGES (a fixed cell's message joins them with spaces)
FIX_MESSAGES = {
    "leading_zero": QT_TRANSLATE_NOOP("ReasonText", "Excel dropped the leading 0; read as a national number."),
    "numeric_cell": QT_TRANSLATE_NOOP("ReasonText", "The cell was stored as a number; read as digits."),
    "float_suffix": QT_TRANSLATE_NOOP("ReasonText", "Removed the '.0' that Excel added."),
    "apostrophe": QT_TRANSLATE_NOOP("ReasonText", "Removed the leading apostrophe."),
    "fullwidth": QT_TRANSLATE_NOOP("ReasonText", "Converted full-width digits."),
    "unicode_digits": QT_TRANSLATE_NOOP("ReasonText", "Converted non-Latin digits."),
    "nbsp": QT_TRANSLATE_NOOP("ReasonText", "Removed non-breaking or other special spaces."),
    "invisible": QT_TRANSLATE_NOOP("ReasonText", "Removed invisible characters."),
}

# domain.phones messages with values; importer.result (duplicates, accepted suggestions)
PHONE_PATTERNS: tuple[Spec, ...] = (
    (r"Too few digits for a phone number \((.+)\)\.",
     QT_TRANSLATE_NOOP("ReasonText", "Too few digits for a phone number ({0})."), ("",)),
    (r"The number of digits does not fit this country's phone numbers \((.+)\)\.",
     QT_TRANSLATE_NOOP("ReasonText", "The number of digits does not fit this country's phone numbers ({0})."), ("",)),
    (r"Not a valid phone number \((.+)\)\.", QT_TRANSLATE_NOOP("ReasonText", "Not a valid phone number ({0})."), ("",)),
    (r"Old 11-digit Vietnamese mobile number: prefix (\d+) became (\d+) in 2018\. Suggested: (\S+)\.",
     QT_TRANSLATE_NOOP("ReasonText", "Old 11-digit Vietnamese mobile number: prefix {0} became {1} in 2018. Suggested: {2}."), ()),
    (r"Not a valid (\S+) number; with a '\+' in front it is a valid number of (\S+): (\S+)\.",
     QT_TRANSLATE_NOOP("ReasonText", "Not a valid {0} number; with a '+' in front it is a valid number of {1}: {2}."), ()),
    (r"Too many digits for a phone number \((\w+)\)\.",
     QT_TRANSLATE_NOOP("ReasonText", "Too many digits for a phone number ({0})."), ("",)),
    (r"Two phone numbers in one cell: (\S+) and (\S+)\.",
     QT_TRANSLATE_NOOP("ReasonText", "Two phone numbers in one cell: {0} and {1}."), ()),
    (r"(\d+) phone numbers in one cell: (.+)\.",
     QT_TRANSLATE_NOOP("ReasonText", "{0} phone numbers in one cell: {1}."), ("num", "")),
    (r"Other text around the phone number: (\S+) was found in the cell\.",
     QT_TRANSLATE_NOOP("ReasonText", "Other text around the phone number: {0} was found in the cell."), ()),
    (r"Not a valid (\S+) number; a valid number of (.+) \((\w+)\): choose country (\w+)\.",
     QT_TRANSLATE_NOOP("ReasonText", "Not a valid {0} number; a valid number of {1} ({2}): choose country {3}."),
     ("", "country")),
    (r"Another number from the cell of row (\d+): (\S+)\.",
     QT_TRANSLATE_NOOP("ReasonText", "Another number from the cell of row {0}: {1}."), ()),
    (r"Same phone number as row (\d+)\.", QT_TRANSLATE_NOOP("ReasonText", "Same phone number as row {0}."), ()),
    (r"Accepted the suggested number (\S+)\.", QT_TRANSLATE_NOOP("ReasonText", "Accepted the suggested number {0}."), ()),
    # reading.target_rules: the target provider's own rules
    (r"(.+) only accepts (\+[\d, +]+) numbers; this one is (\+\d+)\.",
     QT_TRANSLATE_NOOP("ReasonText", "{0} only accepts {1} numbers; this one is {2}."), ()),
    (r"A fixed-line number: (.+) sends SMS, which a fixed line usually cannot receive\.",
     QT_TRANSLATE_NOOP("ReasonText", "A fixed-line number: {0} sends SMS, which a fixed line usually cannot receive."),
     ()),
)

# services.target_check: a target that cannot be used
TARGET_PATTERNS: tuple[Spec, ...] = (
    (r"The SMS\.by mailing list id must be a number \(got (.*)\)\.",
     QT_TRANSLATE_NOOP("ReasonText", "The SMS.by mailing list id must be a number (got {0})."), ()),
    (r"The Alohub campaign id must be a number \(got (.*)\)\.",
     QT_TRANSLATE_NOOP("ReasonText", "The Alohub campaign id must be a number (got {0})."), ()),
    (r"The Alohub list id must be a number \(got (.*)\)\.",
     QT_TRANSLATE_NOOP("ReasonText", "The Alohub list id must be a number (got {0})."), ()),
    (r"The start time must be an ISO 8601 time such as (\S+) \(got (.*)\)\.",
     QT_TRANSLATE_NOOP("ReasonText", "The start time must be an ISO 8601 time such as {0} (got {1})."), ()),
    (r"Alohub has no campaign (.+) for this account\.",
     QT_TRANSLATE_NOOP("ReasonText", "Alohub has no campaign {0} for this account."), ()),
    (r"Alohub campaign (.+) has no list (.+)\.",
     QT_TRANSLATE_NOOP("ReasonText", "Alohub campaign {0} has no list {1}."), ()),
    (r"SMS\.by has no mailing list (.+) for this account\.",
     QT_TRANSLATE_NOOP("ReasonText", "SMS.by has no mailing list {0} for this account."), ()),
)

# importer.mapping reasons
MAPPING_PATTERNS: tuple[Spec, ...] = (
    (r"exact header '(.*)'", QT_TRANSLATE_NOOP("ReasonText", "exact header '{0}'"), ()),
    (r"English synonym '(.*)'", QT_TRANSLATE_NOOP("ReasonText", "English synonym '{0}'"), ()),
    (r"Vietnamese synonym '(.*)'", QT_TRANSLATE_NOOP("ReasonText", "Vietnamese synonym '{0}'"), ()),
    (r"Russian synonym '(.*)'", QT_TRANSLATE_NOOP("ReasonText", "Russian synonym '{0}'"), ()),
    (r"synonym '(.*)'", QT_TRANSLATE_NOOP("ReasonText", "synonym '{0}'"), ()),
    (r"column content looks like phone numbers \((\d+)/(\d+)\)",
     QT_TRANSLATE_NOOP("ReasonText", "column content looks like phone numbers ({0}/{1})"), ("num", "num")),
    (r"column content looks like email addresses \((\d+)/(\d+)\)",
     QT_TRANSLATE_NOOP("ReasonText", "column content looks like email addresses ({0}/{1})"), ("num", "num")),
    (r"remembered from an earlier import \('(.*)'\)",
     QT_TRANSLATE_NOOP("ReasonText", "remembered from an earlier import ('{0}')"), ()),
)

# row reasons and job messages written by the engine, jobs, services.import_jobs and the providers
OUTCOME_MESSAGES = (
    QT_TRANSLATE_NOOP("ReasonText", "not sent"),
    QT_TRANSLATE_NOOP("ReasonText", "not sent: the import was cancelled"),
    QT_TRANSLATE_NOOP("ReasonText", "not uploaded"),
    QT_TRANSLATE_NOOP("ReasonText", "cancelled by the user"),
    QT_TRANSLATE_NOOP("ReasonText", "paused by the user"),
    QT_TRANSLATE_NOOP("ReasonText", "interrupted; resume the job to continue"),
    QT_TRANSLATE_NOOP("ReasonText", "sent when the app stopped; the answer was lost: check at the provider"),
    QT_TRANSLATE_NOOP("ReasonText", "the app stopped while the campaign was being created"),
    QT_TRANSLATE_NOOP("ReasonText", "the provider did not say what happened to this row"),
    QT_TRANSLATE_NOOP("ReasonText", "the provider's import job rejected the rows"),
    QT_TRANSLATE_NOOP("ReasonText", "no reason given"),
    QT_TRANSLATE_NOOP("ReasonText", "already in the list"),
    QT_TRANSLATE_NOOP("ReasonText", "already in the list (perhaps from this batch's lost first attempt)"),
    QT_TRANSLATE_NOOP("ReasonText", "already in the campaign"),
    QT_TRANSLATE_NOOP("ReasonText", "Stringee: invalid phone number"),
    QT_TRANSLATE_NOOP("ReasonText", "rejected by SMS.by"),
    QT_TRANSLATE_NOOP("ReasonText", "rejected with its batch"),
    QT_TRANSLATE_NOOP("ReasonText", "ignored by Dynamic Messaging as an invalid number"),
    # upload.verify (reading back)
    QT_TRANSLATE_NOOP("ReasonText", "found at the provider when read back"),
    QT_TRANSLATE_NOOP("ReasonText", "found when read back; the provider counted some rows of its batch as already there"),
    QT_TRANSLATE_NOOP("ReasonText", "the import was stopped before the check ended"),
    QT_TRANSLATE_NOOP("ReasonText", "Cellcast can only be read back by list or tag, and this import named neither"),
)

OUTCOME_PATTERNS: tuple[Spec, ...] = (
    (r"the provider rejected every row: (.*)",
     QT_TRANSLATE_NOOP("ReasonText", "the provider rejected every row: {0}"), ("nested",)),
    (r"not sent: (.*)", QT_TRANSLATE_NOOP("ReasonText", "not sent: {0}"), ("nested",)),
    (r"provider unreachable, will resume \((.*)\)",
     QT_TRANSLATE_NOOP("ReasonText", "provider unreachable, will resume ({0})"), ("nested",)),
    (r"the provider is not answering \((.*)\)",
     QT_TRANSLATE_NOOP("ReasonText", "the provider is not answering ({0})"), ("nested",)),
    (r"(.*) did not accept the key: re-enter the key, then resume the job",
     QT_TRANSLATE_NOOP("ReasonText", "{0} did not accept the key: re-enter the key, then resume the job"), ()),
    (r"the campaign may not have been created \((.*)\); check before creating it again",
     QT_TRANSLATE_NOOP("ReasonText", "the campaign may not have been created ({0}); check before creating it again"),
     ("nested",)),
    (r"(.*): it may have been saved; check before sending again",
     QT_TRANSLATE_NOOP("ReasonText", "{0}: it may have been saved; check before sending again"), ("nested",)),
    (r"the provider rejected (\d+) of (\d+) rows of this batch without naming them",
     QT_TRANSLATE_NOOP("ReasonText", "the provider rejected {0} of {1} rows of this batch without naming them"),
     ("num", "num")),
    (r"the provider counted (\d+) of (\d+) rows of this batch as already there",
     QT_TRANSLATE_NOOP("ReasonText", "the provider counted {0} of {1} rows of this batch as already there"),
     ("num", "num")),
    (r"added or updated \(SMS\.by: (\d+) of (\d+) updated\)",
     QT_TRANSLATE_NOOP("ReasonText", "added or updated (SMS.by: {0} of {1} updated)"), ("num", "num")),
    (r"retrying after an error \((.*)\)", QT_TRANSLATE_NOOP("ReasonText", "retrying after an error ({0})"), ("nested",)),
    (r"the provider's import job failed \((.*)\)",
     QT_TRANSLATE_NOOP("ReasonText", "the provider's import job failed ({0})"), ("nested",)),
    (r"(.*); the check failed: (.*)", QT_TRANSLATE_NOOP("ReasonText", "{0}; the check failed: {1}"),
     ("nested", "nested")),
    (r"(.*) refused this row without saying why \(it is not in the list when read back\)",
     QT_TRANSLATE_NOOP("ReasonText", "{0} refused this row without saying why (it is not in the list when read back)"),
     ("",)),
    (r"not in the campaign (.*) created \(read back\): it was left out as invalid",
     QT_TRANSLATE_NOOP("ReasonText", "not in the campaign {0} created (read back): it was left out as invalid"),
     ("",)),
    (r"could not be checked by reading back: (.*)",
     QT_TRANSLATE_NOOP("ReasonText", "could not be checked by reading back: {0}"), ("nested",)),
    (r"(.*) kept sending pages: the list could not be read to its end",
     QT_TRANSLATE_NOOP("ReasonText", "{0} kept sending pages: the list could not be read to its end"), ("",)),
)

# importer.engine / pacing waiting reasons (ProgressSnapshot.waiting_reason before ", 12 s")
WAITING_MESSAGES = (
    QT_TRANSLATE_NOOP("ReasonText", "rate limited"),
    QT_TRANSLATE_NOOP("ReasonText", "rate-limit quota used up"),
    QT_TRANSLATE_NOOP("ReasonText", "slowing down after rate limits"),
    QT_TRANSLATE_NOOP("ReasonText", "provider unreachable; resuming"),
)

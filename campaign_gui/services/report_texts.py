"""The result report's sheet names, headers, labels and reasons in the window's language (context ReportText).

The importer writes the report (Qt-free, English by default: the command line's reports stay English);
the window's reports (the one written when a job ends and "Export report…") use these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from campaign_gui.services.texts import outcome_reason_text, stop_message_text
from campaign_gui.upload.report import ReportTexts

if TYPE_CHECKING:
    def QT_TRANSLATE_NOOP(context: str, source: str) -> str: ...  # the stubs say object; it returns source
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "ReportText"

# The importer's English texts (tests/ui/test_report_texts.py checks that they stay equal).
SHEETS = (QT_TRANSLATE_NOOP("ReportText", "Not added"), QT_TRANSLATE_NOOP("ReportText", "Summary"))
HEADERS = (
    QT_TRANSLATE_NOOP("ReportText", "Row"), QT_TRANSLATE_NOOP("ReportText", "Outcome"),
    QT_TRANSLATE_NOOP("ReportText", "Reason"), QT_TRANSLATE_NOOP("ReportText", "Original phone"),
    QT_TRANSLATE_NOOP("ReportText", "Phone (E.164)"), QT_TRANSLATE_NOOP("ReportText", "Name"),
    QT_TRANSLATE_NOOP("ReportText", "Email"), QT_TRANSLATE_NOOP("ReportText", "Other fields"),
    QT_TRANSLATE_NOOP("ReportText", "Validation"), QT_TRANSLATE_NOOP("ReportText", "Batch"),
)
OUTCOMES = {
    "updated": QT_TRANSLATE_NOOP("ReportText", "updated (already there, details changed)"),
    "skipped": QT_TRANSLATE_NOOP("ReportText", "skipped (already there)"),
    "duplicate": QT_TRANSLATE_NOOP("ReportText", "duplicate in the file"),
    "invalid": QT_TRANSLATE_NOOP("ReportText", "invalid"),
    "rejected": QT_TRANSLATE_NOOP("ReportText", "rejected by the provider"),
    "failed": QT_TRANSLATE_NOOP("ReportText", "failed"),
    "needs_verification": QT_TRANSLATE_NOOP("ReportText", "needs verification"),
    "pending": QT_TRANSLATE_NOOP("ReportText", "not sent yet"),
}
STATUSES = {
    "valid": QT_TRANSLATE_NOOP("ReportText", "valid"),
    "fixed": QT_TRANSLATE_NOOP("ReportText", "fixed"),
    "invalid": QT_TRANSLATE_NOOP("ReportText", "invalid"),
    "duplicate": QT_TRANSLATE_NOOP("ReportText", "duplicate in the file"),
}
SUMMARY_HEADERS = (QT_TRANSLATE_NOOP("ReportText", "Field"), QT_TRANSLATE_NOOP("ReportText", "Value"))
SUMMARY_LABELS = {
    "job_id": QT_TRANSLATE_NOOP("ReportText", "Job"),
    "state": QT_TRANSLATE_NOOP("ReportText", "State"),
    "provider": QT_TRANSLATE_NOOP("ReportText", "Provider"),
    "rows": QT_TRANSLATE_NOOP("ReportText", "Rows in the file"),
    "valid": QT_TRANSLATE_NOOP("ReportText", "Valid"),
    "invalid": QT_TRANSLATE_NOOP("ReportText", "Invalid"),
    "duplicates": QT_TRANSLATE_NOOP("ReportText", "Duplicates in the file"),
    "sent": QT_TRANSLATE_NOOP("ReportText", "Sent"),
    "added": QT_TRANSLATE_NOOP("ReportText", "Added"),
    "updated": QT_TRANSLATE_NOOP("ReportText", "Updated"),
    "skipped": QT_TRANSLATE_NOOP("ReportText", "Already there"),
    "rejected": QT_TRANSLATE_NOOP("ReportText", "Rejected"),
    "failed": QT_TRANSLATE_NOOP("ReportText", "Failed"),
    "needs_verification": QT_TRANSLATE_NOOP("ReportText", "Needs verification"),
    "pending": QT_TRANSLATE_NOOP("ReportText", "Not sent yet"),
    "message": QT_TRANSLATE_NOOP("ReportText", "Message"),
    "target": QT_TRANSLATE_NOOP("ReportText", "Target"),
    "source": QT_TRANSLATE_NOOP("ReportText", "Source file"),
    "account": QT_TRANSLATE_NOOP("ReportText", "Account"),
}
STATES = {
    "creating": QT_TRANSLATE_NOOP("ReportText", "being created"),
    "pending": QT_TRANSLATE_NOOP("ReportText", "waiting to start"),
    "running": QT_TRANSLATE_NOOP("ReportText", "running"),
    "paused": QT_TRANSLATE_NOOP("ReportText", "paused"),
    "interrupted": QT_TRANSLATE_NOOP("ReportText", "interrupted"),
    "done": QT_TRANSLATE_NOOP("ReportText", "finished"),
    "cancelled": QT_TRANSLATE_NOOP("ReportText", "cancelled"),
    "failed": QT_TRANSLATE_NOOP("ReportText", "failed"),
}


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def report_texts() -> ReportTexts:
    """The report in the language the window shows now (English texts where a translation is missing).

    English keeps the importer's own texts (the same report the command line writes); labels and states
    are translated here, on the calling thread; reasons and the message when the report is written.
    """
    if all(_tr(s) == s for s in HEADERS):  # English (or no catalogue): exactly the command line's report
        return ReportTexts()
    return ReportTexts(
        rows_sheet=_tr(SHEETS[0]), summary_sheet=_tr(SHEETS[1]),
        row_headers=tuple(_tr(h) for h in HEADERS),
        outcomes={k: _tr(v) for k, v in OUTCOMES.items()},
        statuses={k: _tr(v) for k, v in STATUSES.items()},
        summary_headers=(_tr(SUMMARY_HEADERS[0]), _tr(SUMMARY_HEADERS[1])),
        summary_labels={k: _tr(v) for k, v in SUMMARY_LABELS.items()},
        states={k: _tr(v) for k, v in STATES.items()},
        reason=outcome_reason_text, message=stop_message_text,
    )


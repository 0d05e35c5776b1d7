"""The report's translatable texts stay equal to what the Qt-free report writes in English."""

from __future__ import annotations

from campaign_gui.reading.types import RowStatus
from campaign_gui.services import report_texts as rt
from campaign_gui.upload.journal_schema import JOB_STATES
from campaign_gui.upload.report import OUTCOME_LABELS, ROW_HEADERS, SUMMARY_KEYS, SUMMARY_LABELS, ReportTexts


def test_sources_are_the_importers_english_texts() -> None:
    english = ReportTexts()
    assert rt.HEADERS == ROW_HEADERS and (english.rows_sheet, english.summary_sheet) == rt.SHEETS
    assert rt.OUTCOMES == OUTCOME_LABELS and rt.SUMMARY_HEADERS == english.summary_headers
    assert set(rt.SUMMARY_LABELS) == {*SUMMARY_KEYS, "target", "source", "account"}
    assert rt.SUMMARY_LABELS == SUMMARY_LABELS == english.summary_labels  # English labels are words too
    assert set(rt.STATES) == set(JOB_STATES) and set(rt.STATUSES) == {s.value for s in RowStatus}


def test_english_is_the_command_lines_report(qapp: object) -> None:
    assert rt.report_texts() == ReportTexts()

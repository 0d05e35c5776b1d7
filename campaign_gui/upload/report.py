"""The result report: an .xlsx of every source row not added, plus the job's totals; all cells text."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from campaign_gui.upload.jobs import JobSummary, job_summary
from campaign_gui.upload.journal import Journal

ROW_HEADERS = ("Row", "Outcome", "Reason", "Original phone", "Phone (E.164)", "Name", "Email", "Other fields",
               "Validation", "Batch")
OUTCOME_LABELS = {
    "updated": "updated (already there, details changed)", "skipped": "skipped (already there)",
    "duplicate": "duplicate in the file", "invalid": "invalid", "rejected": "rejected by the provider",
    "failed": "failed", "needs_verification": "needs verification", "pending": "not sent yet",
}
SUMMARY_KEYS = ("job_id", "state", "provider", "rows", "valid", "invalid", "duplicates", "sent", "added",
                "updated", "skipped", "rejected", "failed", "needs_verification", "pending", "message")
_ILLEGAL = {c: " " for c in range(32) if c not in (9, 10, 13)}


def _as_is(text: str) -> str:
    return text


@dataclass(frozen=True)
class ReportTexts:
    """What the report's sheets say, in the user's language. English here (the command line's reports);
    the window passes its translations (services.report_texts). Cell values a user typed never change."""

    rows_sheet: str = "Not added"
    summary_sheet: str = "Summary"
    row_headers: tuple[str, ...] = ROW_HEADERS
    outcomes: Mapping[str, str] = field(default_factory=lambda: dict(OUTCOME_LABELS))
    statuses: Mapping[str, str] = field(default_factory=dict)  # a row's validation status; missing: as stored
    summary_headers: tuple[str, str] = ("Field", "Value")
    summary_labels: Mapping[str, str] = field(default_factory=dict)  # SUMMARY_KEYS and target/source/account
    states: Mapping[str, str] = field(default_factory=dict)  # a job's state
    reason: Callable[[str], str] = _as_is  # a row's reason (journal text, English)
    message: Callable[[str], str] = _as_is  # the job's message


ENGLISH = ReportTexts()


class ReportError(Exception):
    """The report could not be written; ``message`` is for the user. The job is unchanged."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _text_cell(sheet: WriteOnlyWorksheet, value: Any) -> WriteOnlyCell:
    """A cell that is always a string: formula-like text (``=…``, ``+…``, ``@…``) stays inert text."""
    text = "" if value is None else str(value)
    text = text.translate(_ILLEGAL)[:32767]
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # set after the value: openpyxl would otherwise mark '=…' as a formula
    return cell


def _append(sheet: WriteOnlyWorksheet, values: Iterable[Any]) -> None:
    sheet.append([_text_cell(sheet, v) for v in values])


def write_report(journal: Journal, job_id: str, out: str | os.PathLike[str],
                 texts: ReportTexts = ENGLISH) -> JobSummary:
    """Write ``out`` (atomically: a temp file renamed at the end) and return the totals it shows."""
    target = Path(out)
    summary = job_summary(journal, job_id, recount=True)
    record = journal.get_job(job_id)
    assert record is not None
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        book = Workbook(write_only=True)
        rows_sheet = book.create_sheet(texts.rows_sheet)
        _append(rows_sheet, texts.row_headers)
        outcomes, statuses, reason = texts.outcomes, texts.statuses, texts.reason
        for entry in journal.iter_rows(record.id, exclude_outcome="added"):
            extra = "; ".join(f"{k}={v}" for k, v in entry.extra.items())
            _append(rows_sheet, (entry.row, outcomes.get(entry.outcome, entry.outcome), reason(entry.reason),
                                 entry.original_phone, entry.phone or "", entry.name, entry.email, extra,
                                 statuses.get(entry.status, entry.status),
                                 "" if entry.batch_id is None else entry.batch_id))
        totals = book.create_sheet(texts.summary_sheet)
        data = summary.to_json()
        data["state"] = texts.states.get(str(data.get("state", "")), data.get("state", ""))
        data["message"] = texts.message(str(data.get("message") or ""))
        data["target"] = ", ".join(f"{k}={v}" for k, v in sorted(record.target.items()))
        data["source"], data["account"] = record.source_path, record.account_name
        label = texts.summary_labels
        _append(totals, texts.summary_headers)
        for key in (*SUMMARY_KEYS, "target", "source", "account"):
            _append(totals, (label.get(key, key), data.get(key, "")))
        book.save(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        _discard(tmp)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise ReportError(f"The disk is full: the report {target.name} could not be written. "
                              "Free some space and export it again (jobs report).") from None
        raise ReportError(f"Cannot write the report {target}: {exc.strerror or exc}") from None
    return summary


def _discard(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def default_report_path(data_dir: Path, job_id: str) -> Path:
    return Path(data_dir) / "reports" / f"{job_id}.xlsx"

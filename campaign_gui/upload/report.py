"""The result report: an .xlsx of every source row not added, plus the job's totals.

Row numbers, batch numbers and totals are number cells; every other cell is a string cell (text the user typed,
``=…`` included, never becomes a formula). Every column of the source row is kept: the unmapped ones (never sent
to the provider) follow the report's own columns, each under its header from the file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
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
SUMMARY_LABELS = {
    "job_id": "Job", "state": "State", "provider": "Provider", "rows": "Rows in the file", "valid": "Valid",
    "invalid": "Invalid", "duplicates": "Duplicates in the file", "sent": "Sent", "added": "Added",
    "updated": "Updated", "skipped": "Already there", "rejected": "Rejected", "failed": "Failed",
    "needs_verification": "Needs verification", "pending": "Not sent yet", "message": "Message",
    "target": "Target", "source": "Source file", "account": "Account",
}
SUMMARY_KEYS = ("job_id", "state", "provider", "rows", "valid", "invalid", "duplicates", "sent", "added",
                "updated", "skipped", "rejected", "failed", "needs_verification", "pending", "message")
# the totals: number cells (job_id stays text: a hex id may be all digits)
NUMBER_KEYS = frozenset({"rows", "valid", "invalid", "duplicates", "sent", "added", "updated", "skipped", "rejected",
                         "failed", "needs_verification", "pending"})
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
    summary_labels: Mapping[str, str] = field(default_factory=lambda: dict(SUMMARY_LABELS))  # missing: the key
    states: Mapping[str, str] = field(default_factory=dict)  # a job's state
    reason: Callable[[str], str] = _as_is  # a row's reason (journal text, English)
    message: Callable[[str], str] = _as_is  # the job's message


ENGLISH = ReportTexts()


class ReportError(Exception):
    """The report could not be written; ``message`` is for the user. The job is unchanged.

    ``kind``: ``exists`` (a file is there and replacing was not asked for), ``not_a_file`` (a folder, a
    device, a pipe or a symbolic link: never written to), ``full`` (the disk), ``unwritable`` (anything else).
    """

    def __init__(self, message: str, kind: str = "unwritable") -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind


def check_report_target(target: Path, *, overwrite: bool) -> None:
    """ReportError unless ``target`` is free, or a regular file that may be replaced (``overwrite``)."""
    try:
        info = os.lstat(target)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ReportError(f"Cannot write the report {target}: {exc.strerror or exc}") from None
    if stat.S_ISLNK(info.st_mode):
        raise ReportError(f"{target} is a symbolic link: a report is never written through a link. Choose "
                          "another file name.", "not_a_file")
    if stat.S_ISDIR(info.st_mode):
        raise ReportError(f"{target} is a folder: give the report a file name (….xlsx).", "not_a_file")
    if not stat.S_ISREG(info.st_mode):
        raise ReportError(f"{target} is not a regular file (a device or a pipe): choose a file name for the "
                          "report.", "not_a_file")
    if not overwrite:
        raise ReportError(f"{target} already exists and was left as it is. Choose another file name, or "
                          "replace it.", "exists")


def _text_cell(sheet: WriteOnlyWorksheet, value: Any) -> WriteOnlyCell:
    """A cell that is always a string: formula-like text (``=…``, ``+…``, ``@…``) stays inert text."""
    text = "" if value is None else str(value)
    text = text.translate(_ILLEGAL)[:32767]
    cell = WriteOnlyCell(sheet, value=text)
    cell.data_type = "s"  # set after the value: openpyxl would otherwise mark '=…' as a formula
    return cell


def _cell(sheet: WriteOnlyWorksheet, value: Any) -> WriteOnlyCell:
    """A number cell for a whole number (row numbers, totals), else a string cell."""
    if type(value) is int:
        return WriteOnlyCell(sheet, value=value)
    return _text_cell(sheet, value)


def _append(sheet: WriteOnlyWorksheet, values: Iterable[Any]) -> None:
    sheet.append([_text_cell(sheet, v) for v in values])


def write_report(journal: Journal, job_id: str, out: str | os.PathLike[str],
                 texts: ReportTexts = ENGLISH, *, overwrite: bool = True) -> JobSummary:
    """Write ``out`` (atomically: a private temp file beside it, renamed at the end); return its totals.

    Never writes to a device, a pipe or through a symbolic link; an existing file is replaced only with
    ``overwrite``. On any failure (a full disk…) the partial file is removed and ReportError explains.
    """
    target = Path(out)
    check_report_target(target, overwrite=overwrite)
    summary = job_summary(journal, job_id, recount=True)
    record = journal.get_job(job_id)
    assert record is not None
    tmp: Path | None = None
    book: Workbook | None = None
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)  # 0600
        os.close(fd)
        tmp = Path(tmp_name)
        book = Workbook(write_only=True)
        rows_sheet = book.create_sheet(texts.rows_sheet)
        others = journal.other_columns(record.id)  # the unmapped source columns, each under its own header
        _append(rows_sheet, (*texts.row_headers, *others))
        outcomes, statuses, reason = texts.outcomes, texts.statuses, texts.reason
        for entry in journal.iter_rows(record.id, exclude_outcome="added"):
            extra = "; ".join(f"{k}={v}" for k, v in entry.extra.items())
            if entry.others.keys() - set(others):  # not expected (every row has the same): still kept
                extra = "; ".join(filter(None, (extra, *(f"{k}={v}" for k, v in entry.others.items()
                                                        if k not in others))))
            rows_sheet.append([
                _cell(rows_sheet, entry.row),
                *(_text_cell(rows_sheet, v) for v in (
                    outcomes.get(entry.outcome, entry.outcome), reason(entry.reason), entry.original_phone,
                    entry.phone or "", entry.name, entry.email, extra, statuses.get(entry.status, entry.status))),
                _cell(rows_sheet, "" if entry.batch_id is None else entry.batch_id),
                *(_text_cell(rows_sheet, entry.others.get(h, "")) for h in others),
            ])
        totals = book.create_sheet(texts.summary_sheet)
        data = summary.to_json()
        data["state"] = texts.states.get(str(data.get("state", "")), data.get("state", ""))
        data["message"] = texts.message(str(data.get("message") or ""))
        data["target"] = ", ".join(f"{k}={v}" for k, v in sorted(record.target.items()))
        data["source"], data["account"] = record.source_path, record.account_name
        label = texts.summary_labels
        _append(totals, texts.summary_headers)
        for key in (*SUMMARY_KEYS, "target", "source", "account"):
            value = data.get(key, "")
            totals.append([_text_cell(totals, label.get(key, key)),
                           _cell(totals, value) if key in NUMBER_KEYS else _text_cell(totals, value)])
        book.save(tmp)
        _fsync(tmp)
        check_report_target(target, overwrite=overwrite)  # nothing appeared there while we wrote
        os.replace(tmp, target)
    except ReportError:
        _abandon(book, tmp)
        raise
    except OSError as exc:
        _abandon(book, tmp)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise ReportError(f"The disk is full: the report {target.name} could not be written and nothing "
                              "was left behind. Free some space, then export it again.", "full") from None
        raise ReportError(f"Cannot write the report {target}: {exc.strerror or exc}") from None
    except BaseException:
        _abandon(book, tmp)
        raise
    return summary


def _abandon(book: Workbook | None, tmp: Path | None) -> None:
    """After a failed save: end the sheets' row writers now (else each complains on stderr when collected)
    and remove their temporary files (the rows, phones included) and the partial report."""
    for sheet in (book.worksheets if book is not None else []):
        rows = getattr(sheet, "_rows", None)
        if rows is not None:
            with contextlib.suppress(Exception):
                rows.close()
            sheet._rows = None
        writer = getattr(sheet, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):
                writer.close()
            with contextlib.suppress(Exception):
                writer.cleanup()
    if tmp is not None:
        _discard(tmp)


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _discard(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def default_report_path(data_dir: Path, job_id: str) -> Path:
    return Path(data_dir) / "reports" / f"{job_id}.xlsx"

"""Import job setup and summaries: create a job from validated rows, re-check its source on resume."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.domain.models import Account, ProviderId, RowOutcome, UploadRow
from campaign_gui.reading.types import ColumnMapping, InvalidPolicy, RowRecord, RowStatus
from campaign_gui.upload.journal import Journal
from campaign_gui.upload.journal_errors import JournalError, JournalFull
from campaign_gui.upload.journal_schema import CREATING, FINAL_STATES, JobRecord

SOURCE_CHANGED = "the source file changed since the import started; start a new import"
SOURCE_MISSING = "the source file is gone since the import started; start a new import"
CREATE_FULL = ("The disk is full: the import was not started and nothing was sent. Free some space, then start "
               "the import again.")
INCOMPLETE = ("Job {job} is incomplete: its rows were not all recorded when it was created (the journal holds "
              "{have:,} rows, the job counts {want:,}). Nothing more will be sent for it; start the import again.")
DISCARDED = ("Job {job} was stopped while it was being created, before all of its rows were recorded; it was "
             "removed and nothing of it was sent. Start the import again.")
CRASH_ENV = "CAMPAIGN_GUI_TEST_CRASH_AFTER"
MAPPING_CHANGED = "the column mapping or settings changed since the import started; start a new import"


class ValidationLike(Protocol):
    """What ``create_job`` needs from ``importer.validate.ValidationResult``."""

    def records(self) -> Iterable[RowRecord]: ...

    def upload_rows(self, policy: InvalidPolicy) -> Iterable[UploadRow]: ...


@dataclass(frozen=True)
class JobSummary:
    """The totals of one job: ``sent = added + updated + skipped + rejected + failed + needs_verification``.

    ``sent`` counts rows that reached an upload outcome; ``pending`` rows are still to send.
    """

    job_id: str
    state: str
    rows: int
    valid: int
    invalid: int
    duplicates: int
    sent: int
    added: int
    updated: int
    skipped: int
    rejected: int
    failed: int
    needs_verification: int
    pending: int
    report: str
    message: str
    provider: str = ""
    target: Mapping[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["target"] = dict(self.target or {})
        return data


def summarize(record: JobRecord, counts: Mapping[str, int] | None = None) -> JobSummary:
    """A summary from the job record and outcome counts (the stored ones unless given)."""
    c = dict(record.counts if counts is None else counts)
    upload = {o.value: c.get(o.value, 0) for o in (
        RowOutcome.ADDED, RowOutcome.UPDATED, RowOutcome.SKIPPED, RowOutcome.REJECTED, RowOutcome.FAILED,
        RowOutcome.NEEDS_VERIFICATION)}
    return JobSummary(
        job_id=record.id, state=record.state, rows=record.rows, valid=record.valid, invalid=record.invalid,
        duplicates=record.duplicates, sent=sum(upload.values()), added=upload["added"], updated=upload["updated"],
        skipped=upload["skipped"], rejected=upload["rejected"], failed=upload["failed"],
        needs_verification=upload["needs_verification"], pending=c.get(RowOutcome.PENDING.value, 0),
        report=record.report, message=record.message, provider=record.provider, target=record.target)


def job_summary(journal: Journal, job_id: str, *, recount: bool = False) -> JobSummary:
    record = journal.get_job(job_id)
    if record is None:
        raise KeyError(job_id)
    return summarize(record, journal.outcome_counts(record.id) if recount else None)


def file_fingerprint(path: Path) -> tuple[int, float, str]:
    """Size, mtime and SHA-256 (streamed in 1 MiB blocks) of a source file."""
    stat = path.stat()
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return stat.st_size, stat.st_mtime, digest.hexdigest()


def settings_fingerprint(mapping: Mapping[str, Any], sheet: str | None, header_row: int | None,
                         policy: str, region: str) -> str:
    text = json.dumps({"mapping": mapping, "sheet": sheet, "header_row": header_row, "policy": policy,
                       "region": region}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def mapping_json(mapping: ColumnMapping | Mapping[str, Any] | None) -> dict[str, Any]:
    if mapping is None:
        return {}
    if isinstance(mapping, ColumnMapping):
        return {"fields": dict(mapping.fields)}
    return dict(mapping)


def create_job(journal: Journal, account: Account, target: Mapping[str, str], validation: ValidationLike,
               source_path: str | os.PathLike[str], mapping: ColumnMapping | Mapping[str, Any] | None,
               policy: InvalidPolicy, region: str, *, sheet: str | None = None,
               header_row: int | None = None) -> str:
    """Journal a new job: its source fingerprint, settings and every source row; returns the job id.

    Rows the policy sends are ``pending``; the others keep their validation outcome (invalid,
    duplicate). ``records()`` and ``upload_rows()`` must both come in ascending row order.
    """
    path = Path(source_path)
    try:
        size, mtime, sha = file_fingerprint(path)
    except OSError as exc:
        raise ImportInputError(f"Cannot read {path.name}: {exc.strerror or exc}", kind="unreadable") from None
    mapping_data = mapping_json(mapping)
    job_id = uuid.uuid4().hex[:12]
    target = job_target(account, target, job_id, path)
    counters = {"valid": 0, "invalid": 0, "duplicates": 0}
    # The job is ``creating`` until every row is journaled: never listed, shown or resumed, and removed at
    # the next start if this process dies or the disk fills up before ``finish_creation`` makes it whole.
    journal.insert_job({
        "id": job_id, "state": CREATING, "account_id": account.id, "account_name": account.name,
        "provider": account.provider.value, "target": dict(target), "source_path": str(path.resolve()),
        "source_size": size, "source_mtime": mtime, "source_sha256": sha, "mapping": mapping_data,
        "sheet": sheet, "header_row": header_row, "policy": policy.value, "region": region,
        "fingerprint": settings_fingerprint(mapping_data, sheet, header_row, policy.value, region),
    })
    crash_at = _creation_crash_point()
    try:
        if crash_at == "job":
            _crash()
        columnar = getattr(validation, "journal_rows", None)  # ValidationResult: built from its columns
        rows = (columnar(policy, counters) if columnar is not None
                else _merge(validation.records(), iter(validation.upload_rows(policy)), counters))
        on_chunk = None
        if crash_at.startswith("rows:"):
            after = int(crash_at.split(":", 1)[1] or 0)
            on_chunk = lambda n: _crash() if n >= after else None  # noqa: E731
        journal.insert_rows(job_id, rows, on_chunk=on_chunk)
        total = sum(counters.values())
        expected = getattr(validation, "rows", None)
        if isinstance(expected, int) and expected != total:
            raise JournalError(f"Only {total:,} of the {expected:,} rows of {path.name} could be recorded; "
                               "nothing was sent. Start the import again.")
        if crash_at == "totals":
            _crash()
        journal.finish_creation(job_id, rows=total, valid=counters["valid"], invalid=counters["invalid"],
                                duplicates=counters["duplicates"])
    except JournalFull:
        _forget(journal, job_id)
        raise JournalFull(CREATE_FULL) from None
    except BaseException:
        _forget(journal, job_id)
        raise
    if crash_at == "done":
        _crash()
    return job_id


def _forget(journal: Journal, job_id: str) -> None:
    """Remove a job whose creation failed; if even that fails (a full disk), ``recover()`` removes it later."""
    try:
        journal.delete_job(job_id)
    except JournalError:
        pass


def _creation_crash_point() -> str:
    """``CAMPAIGN_GUI_TEST_CRASH_AFTER=create:job|create:rows:N|create:totals|create:done`` (tests only):
    die by SIGKILL after the job row, after N chunks of rows, before the job is made whole, or right after."""
    value = os.environ.get(CRASH_ENV, "")
    return value.split(":", 1)[1] if value.startswith("create:") else ""


def _crash() -> None:
    if hasattr(signal, "SIGKILL"):
        os.kill(os.getpid(), signal.SIGKILL)
    os._exit(137)


def job_target(account: Account, target: Mapping[str, str], job_id: str, source: Path) -> dict[str, str]:
    """The target as journalled. An Alohub import without a list gets ONE list name for the whole job.

    Every batch of the job (and every resubmission after a crash or a lost job id) then names the same
    list, so the server's dedupe by list covers the whole import and the user finds one list, not one
    per thousand rows.
    """
    chosen = dict(target)
    if account.provider is ProviderId.ALOHUB and not chosen.get("list") and not chosen.get("list_name"):
        chosen["list_name"] = f"{source.stem[:40]} ({job_id[:6]})"
    return chosen


def _merge(records: Iterable[RowRecord], uploads: Iterator[UploadRow],
           counters: dict[str, int]) -> Iterator[tuple[Any, ...]]:
    """Walk records and the rows to upload together (both in row order) into journal tuples."""
    upload = next(uploads, None)
    last = -1
    kind = {RowStatus.VALID: "valid", RowStatus.FIXED: "valid", RowStatus.INVALID: "invalid",
            RowStatus.DUPLICATE: "duplicates"}
    status_value = {s: s.value for s in RowStatus}  # enum .value is slow in a million-row loop
    for rec in records:
        row, status = rec.row, rec.status
        if row <= last:
            raise ValueError("validation records are not in ascending row order")
        last = row
        counters[kind[status]] += 1
        while upload is not None and upload.index < row:
            upload = next(uploads, None)
        extra = json.dumps(dict(rec.extra), ensure_ascii=False) if rec.extra else None
        others = json.dumps(dict(rec.others), ensure_ascii=False) if rec.others else None  # never sent
        if upload is not None and upload.index == row:
            up_extra = json.dumps(dict(upload.extra), ensure_ascii=False) if upload.extra else extra
            yield (row, upload.phone, rec.original_phone, upload.name, upload.email, up_extra,
                   status_value[status], "pending", "", others)
            upload = next(uploads, None)
            continue
        if rec.status is RowStatus.DUPLICATE:
            outcome = RowOutcome.DUPLICATE
        elif rec.status is RowStatus.INVALID:
            outcome = RowOutcome.INVALID
        else:  # valid but not selected for upload (should not happen): say so rather than drop it
            outcome = RowOutcome.FAILED
        reason = rec.message or rec.reason or ("not uploaded" if outcome is RowOutcome.FAILED else "")
        yield (rec.row, rec.phone, rec.original_phone, rec.name, rec.email, extra, rec.status.value,
               outcome.value, reason, others)


def check_resumable(journal: Journal, job_id: str, *, mapping: Mapping[str, Any] | None = None,
                    sheet: str | None = None, header_row: int | None = None, policy: str | None = None,
                    region: str | None = None) -> JobRecord:
    """The job if it may resume; ImportInputError when it ended or its source/settings changed.

    Settings are compared only when the caller passes ``mapping`` (the GUI re-opening a job).
    """
    record = journal.get_job(job_id, include_creating=True)
    if record is None:
        gone = [j for j in journal.discarded if j.startswith(job_id)] if job_id else []
        if len(gone) == 1:
            raise ImportInputError(DISCARDED.format(job=gone[0]), kind="incomplete")
        raise ImportInputError(f"No import job {job_id!r} in this data directory", kind="not_found")
    if record.state == CREATING:
        raise ImportInputError(f"Job {record.id} is still being created by another import; wait for it to start",
                               kind="incomplete")
    if record.state in FINAL_STATES:
        raise ImportInputError(f"Job {record.id} has already ended ({record.state}); nothing to resume",
                               kind="finished")
    have = journal.row_count(record.id)
    if have != record.rows or record.rows != record.valid + record.invalid + record.duplicates:
        # a job journaled before creation was atomic, or a journal edited by hand: never "done" with rows missing
        raise ImportInputError(INCOMPLETE.format(job=record.id, have=have, want=record.rows),
                               kind="incomplete")
    path = Path(record.source_path)
    if not path.exists():
        raise ImportInputError(SOURCE_MISSING, kind="source_changed")
    stat = path.stat()
    if stat.st_size != record.source_size:
        raise ImportInputError(SOURCE_CHANGED, kind="source_changed")
    if file_fingerprint(path)[2] != record.source_sha256:
        raise ImportInputError(SOURCE_CHANGED, kind="source_changed")
    if mapping is not None:
        # Settings the caller leaves out are the job's own (only what is passed can differ).
        current = settings_fingerprint(mapping_json(mapping), record.sheet if sheet is None else sheet,
                                       record.header_row if header_row is None else header_row,
                                       policy or record.policy, region or record.region)
        if current != record.fingerprint:
            raise ImportInputError(MAPPING_CHANGED, kind="mapping_changed")
    return record


def resume_job(journal: Journal, job_id: str, **settings: Any) -> JobRecord:
    """Alias of ``check_resumable`` (the name the GUI service calls)."""
    return check_resumable(journal, job_id, **settings)

"""Upload jobs for the window: create, run, pause, resume, cancel, list, report, recover at start-up."""

from __future__ import annotations

import asyncio
import itertools
import logging
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from campaign_gui.domain.models import Account
from campaign_gui.reading.scratch import sweep_temp
from campaign_gui.reading.types import InvalidPolicy
from campaign_gui.reading.validate import ValidationResult
from campaign_gui.services.import_service import describe_import_error, freeze_heap, thaw_heap
from campaign_gui.services.import_undo import UndoResult, undo_job
from campaign_gui.services.report_texts import report_texts
from campaign_gui.services.tasks import TaskOwner
from campaign_gui.upload.engine import AUTO_RESUME_FIRST, UploadEngine
from campaign_gui.upload.jobs import JobSummary, create_job, resume_job, summarize
from campaign_gui.upload.journal import Journal
from campaign_gui.upload.journal_schema import FINAL_STATES, JobRecord
from campaign_gui.upload.locking import DataDirLock, DataDirLocked
from campaign_gui.upload.progress import ProgressSnapshot
from campaign_gui.upload.report import default_report_path, write_report

logger = logging.getLogger(__name__)

EMIT_INTERVAL_MS = 100  # ≤ 10 progress signals a second per job
MIN_GAP = EMIT_INTERVAL_MS / 1000 * 0.8  # a plain update never follows the last emit sooner than this
SHUTDOWN_SECONDS = 5.0
THAW_AFTER_MS = 60_000  # hand frozen objects back to the collector a minute after the last job ends


@dataclass
class _Live:
    """A job running (or just run) in this process."""

    job_id: str
    account: Account
    engine: UploadEngine | None = None
    task: asyncio.Task[Any] | None = None
    snapshot: ProgressSnapshot | None = None
    emitted: ProgressSnapshot | None = None
    emitted_at: float = 0.0  # time.monotonic() of the last emit
    dirty: bool = False
    ended: bool = False  # the run is over (set before jobFinished/failed, while its task still winds down)


class ImportJobService(QObject):
    """Owns the journal (and the data-directory lock) for the window; one engine task per running job."""

    jobCreated = Signal(int, str)  # ticket, job id
    jobStarted = Signal(str)  # job id
    jobProgress = Signal(str, object)  # job id, ProgressSnapshot (throttled ≤ 10 Hz)
    jobFinished = Signal(str, object)  # job id, JobSummary (any end: done, paused, interrupted, cancelled…)
    jobsChanged = Signal()
    failed = Signal(str, object)  # job id or "ticket:N", UserError
    reportWritten = Signal(str, str)  # job id, path
    undoFinished = Signal(str, object)  # job id, UndoResult
    interruptedFound = Signal(object)  # list[JobRecord] that may resume

    def __init__(self, data_dir: Path, accounts: Any, pool: Any, *, pacing: float | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.accounts = accounts
        self.pool = pool
        self.pacing = pacing  # None: each provider's own pacing
        self.journal: Journal | None = None
        self.reader: Journal | None = None
        self.lock = DataDirLock(self.data_dir)
        self.lock_message = ""
        self._live: dict[str, _Live] = {}
        self._tasks = TaskOwner("import-jobs")
        self._tickets = itertools.count(1)
        self._timer = QTimer(self)
        self._timer.setInterval(EMIT_INTERVAL_MS)
        self._timer.timeout.connect(self._flush)
        self._thaw = QTimer(self)
        self._thaw.setSingleShot(True)
        self._thaw.setInterval(THAW_AFTER_MS)
        self._thaw.timeout.connect(self._thaw_if_idle)

    # --- start-up -------------------------------------------------------------------------------------
    def open(self) -> list[JobRecord]:
        """Take the lock, open the journal, recover a crash; returns the jobs that may resume."""
        if self.journal is not None:
            return self.resumable()
        try:
            self.lock.acquire()
        except DataDirLocked as exc:
            self.lock_message = exc.message
            logger.warning("data directory locked: imports are read-only")
        self.journal = Journal.open(self.data_dir, read_only=False)
        if self.lock.held:
            self.journal.recover()
        # part files a killed validation left in the temporary folder (hundreds of MB for a big sheet)
        threading.Thread(target=sweep_temp, name="scratch-sweep", daemon=True).start()
        # The GUI thread lists and reads jobs on its own connection: WAL readers never wait for the
        # engine's writes (which hold the writing connection's lock for a batch or a whole job insert).
        self.reader = Journal.open(self.data_dir, read_only=True)
        return self.resumable()

    def offer_resume(self) -> None:
        """Emit ``interruptedFound`` (start-up) when there are jobs to resume."""
        found = self.open()
        if found:
            self.interruptedFound.emit(found)

    def _journal(self) -> Journal:
        if self.journal is None:
            self.open()
        assert self.journal is not None
        return self.journal

    def _reads(self) -> Journal:
        if self.reader is None:
            self.open()
        assert self.reader is not None
        return self.reader

    # --- listing --------------------------------------------------------------------------------------
    def records(self) -> list[JobRecord]:
        return list(reversed(self._reads().list_jobs()))

    def resumable(self) -> list[JobRecord]:
        return [r for r in self._reads().list_jobs() if r.state not in FINAL_STATES and not self.is_running(r.id)]

    def is_running(self, job_id: str) -> bool:
        live = self._live.get(job_id)
        return live is not None and live.task is not None and not live.task.done() and not live.ended

    def running(self) -> list[str]:
        return [j for j in self._live if self.is_running(j)]

    def snapshot(self, job_id: str) -> ProgressSnapshot | None:
        live = self._live.get(job_id)
        return live.snapshot if live is not None else None

    def record(self, job_id: str) -> JobRecord | None:
        return self._reads().get_job(job_id)

    def summary(self, job_id: str) -> JobSummary | None:
        record = self.record(job_id)
        return None if record is None else summarize(record, self._reads().outcome_counts(record.id))

    def created_campaign(self, job_id: str) -> str | None:
        """The id of the campaign a ``campaign=new`` import created (Dynamic Messaging), once known."""
        record = self.record(job_id)
        if record is None or str(record.target.get("campaign") or "") != "new":
            return None
        return next((b.provider_job_id for b in self._reads().batches(job_id) if b.provider_job_id), None)

    def state(self, job_id: str) -> str:
        live = self._live.get(job_id)
        if live is not None and live.engine is not None and self.is_running(job_id):
            return live.engine.state
        record = self.record(job_id)
        return record.state if record is not None else ""

    # --- creating and running -------------------------------------------------------------------------
    def start(self, account: Account, target: Mapping[str, Any], result: ValidationResult, source_path: str,
              policy: InvalidPolicy) -> int:
        """Journal a job from a validation result (in a thread), then upload it; answers ``jobCreated``."""
        ticket = next(self._tickets)

        async def create() -> None:
            journal = self._journal()
            loop = asyncio.get_running_loop()
            try:
                job_id = await loop.run_in_executor(None, lambda: create_job(
                    journal, account, target, result, source_path, result.mapping, policy, result.region,
                    sheet=result.sheet, header_row=result.header_row))
            except Exception as exc:
                self.failed.emit(f"ticket:{ticket}", describe_import_error(exc))
                return
            self.jobCreated.emit(ticket, job_id)
            self.jobsChanged.emit()
            self._run(job_id, account)

        self._tasks.spawn(create(), f"create-{ticket}")
        return ticket

    def _run(self, job_id: str, account: Account) -> None:
        live = self._live.setdefault(job_id, _Live(job_id, account))
        live.account = account
        live.engine = None
        live.ended = False
        live.task = self._tasks.spawn(self._drive(live), f"job-{job_id}")
        self._timer.start()
        self.jobStarted.emit(job_id)
        self.jobsChanged.emit()

    async def _provider(self, account: Account) -> Any:
        """The account's client, built in a thread the first time (loading CA certificates takes ~0.1 s)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(None, self.pool.get, account)

    async def _drive(self, live: _Live) -> None:
        job_id = live.job_id
        try:
            provider = await self._provider(live.account)
            engine = UploadEngine(provider, self._journal(), job_id, pacing=self.pacing,
                                  progress_cb=lambda snap: self._on_snapshot(job_id, snap))
            live.engine = engine
            freeze_heap()
            # a provider that cannot be reached or does not answer pauses the job; it resumes once a probe
            # gets an answer (or on Resume), while the window is open
            summary = await engine.run(auto_resume_after=AUTO_RESUME_FIRST)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            logger.warning("job %s failed", job_id, exc_info=True)
            live.ended = True
            self.failed.emit(job_id, describe_import_error(exc))
            self.jobsChanged.emit()
            return
        await self._emit_last(live)
        self._flush()
        if summary.state in FINAL_STATES:
            summary = await self._write_default_report(summary)
        live.ended = True  # listeners of the end see the job as not running
        self.jobFinished.emit(live.job_id, summary)
        self.jobsChanged.emit()
        if not [j for j in self.running() if j != live.job_id]:
            self._thaw.start()  # later: the full collection that follows a thaw is itself a stall

    async def _write_default_report(self, summary: JobSummary) -> JobSummary:
        path = default_report_path(self.data_dir, summary.job_id)
        journal = self._journal()
        loop = asyncio.get_running_loop()
        texts = report_texts()  # the window's language, read here on the GUI thread

        def write() -> None:
            write_report(journal, summary.job_id, path, texts)
            journal.set_report(summary.job_id, str(path))

        try:
            await loop.run_in_executor(None, write)
        except Exception as exc:
            self.failed.emit(summary.job_id, describe_import_error(exc))
            return summary
        return replace(summary, report=str(path))

    def resume(self, job_id: str) -> None:
        """Resume a paused job of this session, or restart an interrupted/paused job from the journal."""
        live = self._live.get(job_id)
        if live is not None and live.engine is not None and self.is_running(job_id):
            live.engine.resume()
            return

        async def restart() -> None:
            journal = self._journal()
            loop = asyncio.get_running_loop()
            try:
                record = await loop.run_in_executor(None, resume_job, journal, job_id)
                account = self.accounts.get(record.account_id)
                if account is None:
                    from campaign_gui.domain.errors import ImportInputError

                    raise ImportInputError(QCoreApplication.translate(
                        "ImportError", "The job's account no longer exists: add it again, then resume."),
                        kind="no_account")
            except Exception as exc:
                self.failed.emit(job_id, describe_import_error(exc))
                return
            self._run(record.id, account)

        self._tasks.spawn(restart(), f"resume-{job_id}")

    # --- verification by reading back ------------------------------------------------------------------
    def verify_status(self, job: str | JobRecord, counts: Mapping[str, int] | None = None) -> tuple[bool, str]:
        """Whether "Verify now" applies to the job, and if it cannot, why (translated; "" when it can).

        ``job``: its id or its record (no journal query); ``counts``: its outcome counts, when known."""
        record = self.record(job) if isinstance(job, str) else job
        if record is None:
            return False, ""
        job_id = record.id
        flagged = (record.counts if counts is None else counts).get("needs_verification", 0)
        if not flagged:
            return False, QCoreApplication.translate("ImportJobs", "No row needs verification.")
        from campaign_gui.providers import provider_info

        info = provider_info(record.provider)
        if not info.capabilities.read_back:
            return False, QCoreApplication.translate(
                "ImportJobs", "{0} cannot be read back from here: check these rows in its portal.").format(
                info.display_name)
        if self.is_running(job_id):
            return False, QCoreApplication.translate("ImportJobs", "The job is running: it checks by itself "
                                                                   "when its batches are sent.")
        return True, ""

    def verify(self, job_id: str) -> None:
        """Read the job's flagged rows back at the provider (sending again what proves absent): the job
        runs again, with its progress in the "verifying" phase, and ends with ``jobFinished``."""
        from campaign_gui.upload.verify import reopen_for_verification

        async def restart() -> None:
            journal = self._journal()
            loop = asyncio.get_running_loop()
            try:
                record = self.record(job_id)
                account = None if record is None else self.accounts.get(record.account_id)
                if record is None or account is None:
                    from campaign_gui.domain.errors import ImportInputError

                    raise ImportInputError(QCoreApplication.translate(
                        "ImportError", "The job's account no longer exists: add it again, then verify."),
                        kind="no_account")
                await loop.run_in_executor(None, reopen_for_verification, journal, record.id)
            except Exception as exc:
                self.failed.emit(job_id, describe_import_error(exc))
                return
            self._run(record.id, account)

        self._tasks.spawn(restart(), f"verify-{job_id}")

    def pause(self, job_id: str) -> None:
        live = self._live.get(job_id)
        if live is not None and live.engine is not None:
            live.engine.pause()

    def cancel(self, job_id: str) -> None:
        """Cancel a running job, or end a paused/interrupted one from an earlier session (rows → failed)."""
        live = self._live.get(job_id)
        if live is not None and live.engine is not None and self.is_running(job_id):
            live.engine.cancel()
            return
        record = self.record(job_id)
        if record is None or record.state in FINAL_STATES:
            return
        journal = self._journal()

        async def end() -> None:
            from campaign_gui.domain.models import RowOutcome

            loop = asyncio.get_running_loop()
            try:
                await loop.run_in_executor(None, journal.finish_pending, job_id, RowOutcome.FAILED,
                                           "not sent: the import was cancelled")
                counts = await loop.run_in_executor(None, journal.outcome_counts, job_id)
                await loop.run_in_executor(None, lambda: journal.set_job_state(
                    job_id, "cancelled", message="cancelled by the user", counts=counts))
                summary = await self._write_default_report(summarize(journal.get_job(job_id), counts))  # type: ignore[arg-type]
            except Exception as exc:
                self.failed.emit(job_id, describe_import_error(exc))
                return
            self.jobFinished.emit(job_id, summary)
            self.jobsChanged.emit()

        self._tasks.spawn(end(), f"cancel-{job_id}")

    def _thaw_if_idle(self) -> None:
        if not self.running():
            thaw_heap()

    # --- progress throttle ----------------------------------------------------------------------------
    def _on_snapshot(self, job_id: str, snap: ProgressSnapshot) -> None:
        live = self._live.get(job_id)
        if live is None:
            return
        live.snapshot = snap
        last = live.emitted
        if (last is None or last.state != snap.state or last.waiting_reason != snap.waiting_reason
                or last.phase != snap.phase):
            self._emit(live)  # a state or phase change or a wait shows at once
        else:
            live.dirty = True

    def _emit(self, live: _Live) -> None:
        if live.snapshot is None:
            return
        live.emitted = live.snapshot
        live.emitted_at = time.monotonic()
        live.dirty = False
        self.jobProgress.emit(live.job_id, live.snapshot)

    async def _emit_last(self, live: _Live) -> None:
        """The engine's last plain snapshot goes out before the end (never after it), but no sooner
        than the throttle allows: a run that stops right after an update waits out the gap (< 80 ms)."""
        # A loop: Qt's coarse timers (under qasync's sleep) may wake a few ms early.
        while live.dirty and (wait := live.emitted_at + MIN_GAP - time.monotonic()) > 0:
            await asyncio.sleep(wait)
        if live.dirty:  # the timer may have sent it meanwhile
            self._emit(live)

    def _flush(self) -> None:
        # A state change was emitted at once; the next plain update still waits most of an interval,
        # so updates never come faster than ~10 Hz even right after one (the timer does not reset).
        now = time.monotonic()
        for live in self._live.values():
            if live.dirty and now - live.emitted_at >= MIN_GAP:
                self._emit(live)
        if not self.running() and not any(live.dirty for live in self._live.values()):
            self._timer.stop()

    # --- reports and undo -----------------------------------------------------------------------------
    def export_report(self, job_id: str, path: str) -> None:
        journal = self._journal()
        texts = report_texts()

        async def export() -> None:
            loop = asyncio.get_running_loop()
            try:
                await loop.run_in_executor(None, write_report, journal, job_id, path, texts)
            except Exception as exc:
                self.failed.emit(job_id, describe_import_error(exc))
                return
            self.reportWritten.emit(job_id, path)

        self._tasks.spawn(export(), f"report-{job_id}")

    def can_undo(self, job_id: str) -> bool:
        record = self.record(job_id)
        if record is None or self.is_running(job_id) or record.state not in FINAL_STATES | {"paused", "interrupted"}:
            return False
        from campaign_gui.providers import provider_info

        info = provider_info(record.provider)
        return info.capabilities.delete_contact and info.capabilities.list_contacts and record.provider == "alohub"

    def undo(self, job_id: str) -> None:
        """Delete what this job added (pending contacts only); answers ``undoFinished``."""
        record = self.record(job_id)
        if record is None:
            return
        account = self.accounts.get(record.account_id)

        async def run() -> None:
            try:
                if account is None:
                    raise KeyError(record.account_id)
                result = await undo_job(self._journal(), record, self.pool.get(account))
            except Exception as exc:
                self.failed.emit(job_id, describe_import_error(exc))
                return
            self.undoFinished.emit(job_id, result)

        self._tasks.spawn(run(), f"undo-{job_id}")

    # --- shutdown -------------------------------------------------------------------------------------
    async def shutdown(self, timeout: float = SHUTDOWN_SECONDS) -> float:
        """Stop every job after its in-flight batch (or ``timeout``); journal committed. Returns seconds."""
        started = time.monotonic()
        tasks = []
        for live in self._live.values():
            if live.task is not None and not live.task.done():
                if live.engine is not None:
                    live.engine.interrupt()
                else:  # still building the client: nothing was sent yet
                    live.task.cancel()
                tasks.append(live.task)
        if tasks:
            done, pending = await asyncio.wait(tasks, timeout=timeout)
            for task in pending:  # a batch that never answers: recover() marks it unknown next time
                task.cancel()
            if pending:
                await asyncio.wait(pending, timeout=1.0)
        self._timer.stop()
        return time.monotonic() - started

    def close(self) -> None:
        self._tasks.cancel_all()
        self._timer.stop()
        self._thaw.stop()
        thaw_heap()
        for journal in (self.journal, self.reader):
            if journal is not None:
                journal.close()
        self.journal = self.reader = None
        self.lock.release()


__all__ = ["ImportJobService", "UndoResult"]

"""The import wizard's service: open a file, preview a sheet, propose a mapping, validate off the GUI thread."""

from __future__ import annotations

import asyncio
import gc
import itertools
import logging
import sys
import threading
from array import array
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.domain.models import Account
from campaign_gui.providers import provider_info
from campaign_gui.providers.base import ProviderInfo
from campaign_gui.reading.mapping import Extra, MappingMemory, propose_mapping
from campaign_gui.reading.sniff import sniff
from campaign_gui.reading.source import Cancelled
from campaign_gui.reading.types import ColumnMapping, InvalidPolicy, RowRecord, RowStatus
from campaign_gui.reading.validate import ValidationResult
from campaign_gui.services.errors import ErrorKind, UserError, describe_error
from campaign_gui.services.import_worker import (
    FileSummary,
    ImportWorker,
    SheetPreview,
    SheetSummary,
    ValidationRequest,
)
from campaign_gui.services.tasks import TaskOwner
from campaign_gui.services.texts import input_error_text
from campaign_gui.upload.jobs import CREATE_FULL, JobSummary
from campaign_gui.upload.journal_errors import JournalDamaged, JournalError, JournalFull
from campaign_gui.upload.progress import ProgressSnapshot
from campaign_gui.upload.report import ReportError

__all__ = ["ColumnMapping", "FileSummary", "ImportService", "InvalidPolicy", "JobSummary", "ProgressSnapshot",
           "RowRecord", "RowStatus", "SheetPreview", "SheetSummary", "UserError", "ValidationRequest",
           "ValidationResult", "describe_import_error", "header_labels", "upload_extras"]

logger = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".csv", ".tsv", ".txt")
PROGRESS_POLL_MS = 100
GIL_SWITCH_SECONDS = 0.0005


def freeze_heap() -> None:
    """Move every object alive now out of the collector's view (``gc.freeze``).

    A full collection walks every tracked object: with a window, a million-row validation result and
    an engine running, that takes 100-200 ms on the GUI thread, a visible stall. Frozen objects are
    skipped; ``thaw_heap()`` hands them back once no import is running.
    """
    gc.freeze()


def thaw_heap() -> None:
    gc.unfreeze()


def _import_upload_modules() -> None:
    import importlib

    for name in ("campaign_gui.upload.engine", "campaign_gui.upload.report", "campaign_gui.providers.stringee",
                 "campaign_gui.providers.smsby", "campaign_gui.providers.alohub", "campaign_gui.providers.cellcast",
                 "campaign_gui.providers.dynmsg", "httpx", "httpcore", "h11", "anyio._backends._asyncio",
                 "openpyxl"):
        try:
            importlib.import_module(name)
        except Exception:  # a warm-up must never fail the app
            logger.debug("warm-up import of %s failed", name, exc_info=True)


def describe_import_error(exc: BaseException) -> UserError:
    """Import-specific errors (journal, report, cancelled) first, then the app's one mapping."""
    if isinstance(exc, JournalDamaged):
        title = QCoreApplication.translate("ImportError", "The import journal is damaged")
        return UserError(ErrorKind.REJECTED, title, QCoreApplication.translate(
            "DataFiles", "The import journal {0} is damaged and cannot be read. Move it (and any {1}-wal and "
            "{1}-shm beside it) to another folder to start a new journal; the jobs recorded in it will no "
            "longer be listed or resumable. Then start Campaign Manager again.").format(exc.path, exc.path.name))
    if isinstance(exc, JournalFull) and exc.message == CREATE_FULL:
        title = QCoreApplication.translate("ImportError", "The disk is full")
        return UserError(ErrorKind.REJECTED, title, QCoreApplication.translate(
            "ImportError", "The disk is full: the import was not started and nothing was sent. Free some space, "
            "then start the import again."))
    if isinstance(exc, JournalError):
        title = QCoreApplication.translate("ImportError", "The import journal failed")
        return UserError(ErrorKind.RETRYABLE, title, exc.message)
    if isinstance(exc, ReportError):
        title = QCoreApplication.translate("ImportError", "The report could not be written")
        return UserError(ErrorKind.RETRYABLE, title, exc.message)
    if isinstance(exc, Cancelled):
        return UserError(ErrorKind.REJECTED, QCoreApplication.translate("ImportError", "Cancelled"),
                         QCoreApplication.translate("ImportError", "Cancelled by you."))
    if isinstance(exc, ImportInputError):
        title = QCoreApplication.translate("ImportError", "Cannot use this file")
        return UserError(ErrorKind.REJECTED, title, input_error_text(exc.kind, exc.message))
    if type(exc).__name__ == "DataDirLocked":
        title = QCoreApplication.translate("ImportError", "Imports are busy elsewhere")
        return UserError(ErrorKind.REJECTED, title, str(getattr(exc, "message", exc)))
    return describe_error(exc)


def header_labels(preview: SheetPreview, header_row: int) -> list[str]:
    """Unique column names for a header row (1-based; 0 = no header → 'Column A'…)."""
    from campaign_gui.reading.header import header_names

    raw = preview.raw[header_row - 1] if 0 < header_row <= len(preview.raw) else None
    return header_names(raw, preview.width)


def upload_extras(info: ProviderInfo) -> list[Extra]:
    """The provider's extra upload fields as mapping candidates (key, label, synonyms)."""
    core = {"phone", "name", "email", "first_name", "last_name"}
    return [(f.key, f.label, (f.label, f.key.replace("_", " "))) for f in info.upload_fields if f.key not in core]


class ImportService(QObject):
    """Tickets answer through signals; a new request of the same kind does not cancel an older one."""

    fileInspected = Signal(int, object)  # ticket, FileSummary
    previewReady = Signal(int, object)  # ticket, SheetPreview
    validationProgress = Signal(int, int)  # ticket, rows read
    validationFinished = Signal(int, object)  # ticket, ValidationResult
    computed = Signal(int, object)  # ticket, value of compute()
    targetChecked = Signal(int, str)  # ticket, the problem in the user's language ("" when the target is fine)
    failed = Signal(int, object)  # ticket, UserError
    cancelled = Signal(int)  # ticket

    def __init__(self, data_dir: Path, accounts: Any, jobs: Any = None, *, use_process: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.accounts = accounts  # services.accounts.AccountService
        self.jobs = jobs  # services.import_jobs.ImportJobService
        self.choices: Any = None  # services.target_choices.TargetChoices (set by import_setup)
        self.memory = MappingMemory(self.data_dir)
        self.worker = ImportWorker(use_process)
        self._tasks = TaskOwner("import")
        self._tickets = itertools.count(1)
        self._validating: set[int] = set()
        self._poll = QTimer(self)
        self._poll.setInterval(PROGRESS_POLL_MS)
        self._poll.timeout.connect(self._poll_progress)

    def warm_up(self) -> None:
        """Start the reading process and import the upload modules in a thread, so the first import
        does not stall the window. Also shorten the GIL switch interval: with worker threads busy
        (journal, report), the GUI thread gets the interpreter back within ~1 ms instead of 5 ms."""
        sys.setswitchinterval(GIL_SWITCH_SECONDS)
        self.worker.warm_up()
        threading.Thread(target=_import_upload_modules, name="import-warm-up", daemon=True).start()

    # --- drop-time checks --------------------------------------------------------------------------
    def check_file(self, path: str | Path) -> str | None:
        """None when ``path`` looks importable, else the reason in the user's terms (reads ≤ 64 KB)."""
        p = Path(path)
        if p.is_dir():
            return QCoreApplication.translate("ImportService", "{0} is a folder, not a spreadsheet.").format(p.name)
        try:
            sniff(p)
        except ImportInputError as exc:
            return input_error_text(exc.kind, exc.message)
        except OSError as exc:
            return QCoreApplication.translate("ImportService", "Cannot read {0}: {1}").format(p.name, exc)
        return None

    # --- accounts and providers --------------------------------------------------------------------
    def account_list(self) -> list[Account]:
        return list(self.accounts.accounts())

    def account(self, account_id: str) -> Account | None:
        found: Account | None = self.accounts.get(account_id)
        return found

    def info_for(self, account: Account) -> ProviderInfo:
        return provider_info(account.provider)

    # --- reading ------------------------------------------------------------------------------------
    def inspect(self, path: str, encoding: str | None = None, region: str = "VN") -> int:
        """Ticketed ``fileInspected``: the file's sheets and the one holding the contacts (for ``region``)."""
        ticket = next(self._tickets)
        self._spawn(ticket, self.worker.inspect(path, encoding, region), self.fileInspected, "inspect")
        return ticket

    def preview(self, path: str, sheet: int, encoding: str | None = None) -> int:
        ticket = next(self._tickets)
        self._spawn(ticket, self.worker.preview(path, sheet, encoding), self.previewReady, "preview")
        return ticket

    # --- mapping -------------------------------------------------------------------------------------
    def propose(self, account: Account | None, columns: Sequence[str], sample: Sequence[Sequence[Any]],
                region: str | None = None) -> ColumnMapping:
        """A remembered mapping for this account and header set, else the proposal (cheap: ≤ 60 rows)."""
        info = self.info_for(account) if account is not None else None
        if account is not None:
            remembered = self.memory.recall(account.id, columns)
            if remembered is not None and "phone" in remembered.fields:
                return remembered
        return propose_mapping(columns, sample, region=region or (info.default_region if info else "VN"),
                               extras=upload_extras(info) if info else ())

    def remember(self, account: Account, columns: Sequence[str], mapping: ColumnMapping) -> None:
        try:
            self.memory.remember(account.id, columns, mapping)
        except OSError:
            logger.warning("could not remember the column mapping", exc_info=True)

    # --- the target -----------------------------------------------------------------------------------
    def target_problem(self, account: Account, target: Mapping[str, Any]) -> str:
        """What is wrong with the target's form (no network), in the user's language; "" when nothing."""
        from campaign_gui.services.target_check import check_target_form
        from campaign_gui.services.texts import target_problem_text

        problem = check_target_form(self.info_for(account), target)
        return "" if problem is None else target_problem_text(problem.message)

    def check_target(self, account: Account, target: Mapping[str, Any]) -> int:
        """Ticketed ``targetChecked``: whether the provider has the campaign or list (where it can list them)."""
        from campaign_gui.services.target_check import check_target_exists
        from campaign_gui.services.texts import target_problem_text

        ticket = next(self._tickets)
        pool = self.jobs.pool if self.jobs is not None else None

        async def check() -> str:
            if pool is None:
                return ""
            loop = asyncio.get_running_loop()
            provider = await loop.run_in_executor(None, pool.get, account)
            problem = await check_target_exists(provider, dict(target))
            return "" if problem is None else target_problem_text(problem.message)

        self._spawn(ticket, check(), self.targetChecked, "check-target")
        return ticket

    # --- validation -----------------------------------------------------------------------------------
    def validate(self, request: ValidationRequest) -> int:
        ticket = next(self._tickets)
        self._validating.add(ticket)
        self._poll.start()
        self._spawn(ticket, self.worker.validate(request, ticket), self.validationFinished, "validate")
        return ticket

    def cancel(self, ticket: int) -> None:
        if ticket in self._validating:
            self.worker.cancel(ticket)

    def _poll_progress(self) -> None:
        for ticket, done in self.worker.poll_progress().items():
            if ticket in self._validating:
                self.validationProgress.emit(ticket, done)
        if not self._validating:
            self._poll.stop()

    # --- CPU work on big results (a thread: it only touches Python objects already here) -------------
    def compute(self, fn: Callable[..., Any], *args: Any) -> int:
        ticket = next(self._tickets)
        loop = asyncio.get_event_loop()
        self._spawn(ticket, loop.run_in_executor(None, fn, *args), self.computed, "compute")
        return ticket

    def filter_indices(self, result: ValidationResult, statuses: frozenset[RowStatus]) -> int:
        """Ticketed ``computed`` answer: an ``array('I')`` of row indexes with one of ``statuses``."""
        return self.compute(status_indices, result, statuses)

    def accept_suggestions(self, result: ValidationResult) -> int:
        """Ticketed ``computed`` answer: a new ValidationResult with every suggestion accepted."""
        return self.compute(lambda: result.accept_suggestions(tuple(set(result.reasons) | {"old_prefix"})))

    def accept_rows(self, result: ValidationResult, rows: Sequence[int]) -> int:
        """Ticketed ``computed`` answer: a new ValidationResult with the suggestions of these rows accepted."""
        chosen = list(rows)
        return self.compute(lambda: result.accept_suggestions(rows=chosen))

    def split_numbers(self, result: ValidationResult) -> int:
        """Ticketed ``computed`` answer: every number of a multi-number cell its own contact (a new result)."""
        return self.compute(result.split_numbers)

    # --- plumbing -------------------------------------------------------------------------------------
    def _spawn(self, ticket: int, awaitable: Any, signal: Any, name: str) -> None:
        async def run() -> None:
            try:
                value = await awaitable
            except asyncio.CancelledError:
                raise
            except Cancelled:
                self.cancelled.emit(ticket)
            except BaseException as exc:  # every failure becomes a message
                if not isinstance(exc, ImportInputError | JournalError):
                    logger.warning("import %s failed: %s", name, type(exc).__name__, exc_info=True)
                self.failed.emit(ticket, describe_import_error(exc))
            else:
                if name == "validate":
                    self._poll_progress()  # the last ticks land before the result
                    freeze_heap()
                signal.emit(ticket, value)
            finally:
                self._validating.discard(ticket)

        self._tasks.spawn(run(), name)

    def shutdown(self) -> None:
        self._tasks.cancel_all()
        if self.choices is not None:
            self.choices.shutdown()
        self._poll.stop()
        self.worker.shutdown()
        thaw_heap()


def status_indices(result: ValidationResult, statuses: frozenset[RowStatus]) -> array[int]:
    out: array[int] = array("I")
    if not statuses or len(statuses) == 4:
        out.extend(range(len(result)))
        return out
    status = result.status
    out.extend(i for i in range(len(result)) if status(i) in statuses)
    return out

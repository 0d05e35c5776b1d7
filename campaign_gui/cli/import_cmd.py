"""``campaign-gui import FILE``: validate a spreadsheet, journal a job and upload it to a provider."""

from __future__ import annotations

import argparse
import asyncio
import json
import signal
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from campaign_gui.domain.errors import AuthError, ImportInputError
from campaign_gui.domain.models import Account
from campaign_gui.domain.redaction import redact, register_secret
from campaign_gui.providers import make_provider, provider_info
from campaign_gui.providers.base import ProviderInfo
from campaign_gui.reading.sniff import sniff
from campaign_gui.reading.target_rules import LandlinePolicy
from campaign_gui.reading.types import InvalidPolicy
from campaign_gui.services.target_check import check_target_exists, check_target_form, target_rules
from campaign_gui.storage.paths import data_dir as resolve_data_dir
from campaign_gui.upload.jobs import JobSummary, create_job
from campaign_gui.upload.journal import Journal
from campaign_gui.upload.journal_errors import JournalDamaged, JournalError
from campaign_gui.upload.locking import DataDirLock, DataDirLocked
from campaign_gui.upload.progress import ProgressSnapshot

EXIT_OK, EXIT_INTERNAL, EXIT_BAD_INPUT, EXIT_ATTENTION = 0, 1, 2, 3


class CliError(Exception):
    """A message for stderr and the exit code to return."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("import", help="validate a spreadsheet and upload its contacts to a provider",
                              description="Validate FILE, journal the job, upload it, write the result report.")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--account", required=True, help="the account name (see: accounts list)")
    p.add_argument("--target", action="append", default=[], metavar="KEY=VALUE",
                   help="where to upload: campaign=CA123 (stringee), list=123 (smsby), campaign=1042 [list=501 | "
                        "list_name=…] (alohub), list=NAME tag=NAME (cellcast, repeatable), campaign=new sender=… "
                        "message=… start=ISO8601 (dynmsg)")
    p.add_argument("--sheet", help="sheet name or 1-based number (default: the sheet holding the contacts)")
    p.add_argument("--header-row", type=int, help="1-based header row (0 = no header; default: detected)")
    p.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                   help="FIELD=COLUMN, COLUMN a header name, a 1-based number or a letter; repeatable")
    p.add_argument("--split-numbers", action="store_true",
                   help="a cell holding several phone numbers gives one contact per number (same name and fields)")
    p.add_argument("--policy", choices=[x.value for x in InvalidPolicy], default=InvalidPolicy.DROP.value,
                   help="invalid rows: block the import, drop them (default), or include them as typed")
    p.add_argument("--landline", choices=[x.value for x in LandlinePolicy], default=LandlinePolicy.DROP.value,
                   help="fixed-line numbers for an SMS provider: drop them (default) or include them")
    p.add_argument("--pacing", type=float, help="seconds between request starts (default: the provider's; 0 = off)")
    p.add_argument("--country", help="default country for numbers without +code (default: the provider's)")
    p.add_argument("--encoding", help="text encoding of a CSV file (default: detected)")
    p.add_argument("--secret-stdin", action="store_true",
                   help="read the account's secret from stdin instead of the keyring (automation; never echoed)")
    p.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except CliError as exc:
        print(f"error: {redact(exc.message)}", file=sys.stderr)
        return exc.code


def _run(args: argparse.Namespace) -> int:
    data = resolve_data_dir(args.data_dir)
    account = find_account(data, args.account)
    info = provider_info(account.provider)
    target = parse_target(args.target, info)
    problem = check_target_form(info, target)
    if problem is not None:
        raise CliError(problem.message, EXIT_BAD_INPUT)
    path = Path(args.file)
    if not path.exists():
        raise CliError(f"No such file: {path}", EXIT_BAD_INPUT)
    try:
        sniff(path)  # a folder, a pipe, a device, a missing or empty file: its own message, at once
    except ImportInputError as exc:
        raise CliError(exc.message, EXIT_BAD_INPUT) from None
    secret = read_secret(account, args.secret_stdin)
    region = (args.country or info.default_region).upper()
    policy = InvalidPolicy(args.policy)
    with hold_lock(data):
        journal = open_journal(data)
        try:
            journal.recover()
            validation = _validate(args, path, region).for_target(
                target_rules(info, LandlinePolicy(args.landline)))
            print_target_flags(validation, info)
            typed = validation.invalid - validation.target_rejected  # "include" sends these as typed
            sendable = validation.valid + validation.fixed + (typed if policy is InvalidPolicy.INCLUDE else 0)
            if sendable == 0:
                raise CliError(f"No valid rows to upload in {path.name} ({validation.rows:,} rows, "
                               f"{validation.invalid:,} invalid, {validation.duplicates:,} duplicates)",
                               EXIT_BAD_INPUT)
            key_refused = False
            try:
                problem = asyncio.run(_check_exists(account, secret, target))
            except AuthError:  # the check was the first request: the job is recorded paused for the key
                problem, key_refused = None, True
            if problem is not None:
                raise CliError(problem.message, EXIT_BAD_INPUT)
            try:
                job_id = create_job(journal, account, target, validation, path, validation.mapping, policy, region,
                                    sheet=validation.sheet, header_row=validation.header_row)
            except ImportInputError as exc:
                raise CliError(exc.message, EXIT_BAD_INPUT) from None
            if not args.json:
                print(f"job {job_id}: {validation.rows:,} rows, uploading to {info.display_name}…", file=sys.stderr)
            if key_refused:
                summary = paused_for_key(journal, job_id, info, data)
            else:
                summary = upload(journal, job_id, account, secret, data, pacing=args.pacing)
        except JournalError as exc:
            raise CliError(exc.message, journal_exit(exc)) from None
        finally:
            journal.close()
    return finish(summary, args.json)


async def _check_exists(account: Account, secret: str, target: Mapping[str, Any]) -> Any:
    provider = make_provider(account, secret)
    try:
        return await check_target_exists(provider, target)
    finally:
        await provider.aclose()


def print_target_flags(validation: Any, info: ProviderInfo) -> None:
    """Rows the target cannot take, on stderr, before anything is sent (the report lists each with its reason)."""
    if validation.target_rejected:
        reasons = {"country_not_accepted": f"not a number {info.display_name} accepts",
                   "landline": "fixed-line numbers (SMS)"}
        parts = [f"{validation.reasons[k]:,} {text}" for k, text in reasons.items() if validation.reasons.get(k)]
        print(f"{validation.target_rejected:,} rows will not be sent: {'; '.join(parts)}", file=sys.stderr)
    if validation.landlines and not validation.reasons.get("landline"):
        print(f"warning: {validation.landlines:,} fixed-line numbers will be sent (--landline include)",
              file=sys.stderr)


def _validate(args: argparse.Namespace, path: Path, region: str) -> Any:
    from campaign_gui.cli.validate_cmd import _chooser, _sheet_arg
    from campaign_gui.reading.reader import open_source
    from campaign_gui.reading.validate import validate_sheet

    try:
        with open_source(path, encoding=args.encoding) as source:
            sheet = _sheet_arg(source, args.sheet)
            mapping = _chooser(args.map, region) if args.map else None
            result = validate_sheet(source, sheet, args.header_row, mapping, region)
    except ImportInputError as exc:
        raise CliError(exc.message, EXIT_BAD_INPUT) from None
    except ValueError as exc:  # an unknown country code
        raise CliError(str(exc), EXIT_BAD_INPUT) from None
    if args.split_numbers:
        result = result.split_numbers()
    if not args.json:
        for warning in result.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    return result


# -- shared with ``jobs`` ------------------------------------------------------------------------------


def find_account(data: Path, name: str) -> Account:
    from campaign_gui.storage.accounts import AccountStore

    try:
        account = AccountStore(data).find(name)
    except (OSError, ValueError) as exc:
        raise CliError(f"Cannot read the accounts: {exc}", EXIT_BAD_INPUT) from None
    if account is None:
        raise CliError(f"No account named {name!r} (see: campaign-gui accounts list)", EXIT_BAD_INPUT)
    return account


def account_by_id(data: Path, account_id: str) -> Account:
    from campaign_gui.storage.accounts import AccountStore

    try:
        return AccountStore(data).get(account_id)
    except KeyError:
        raise CliError("The job's account no longer exists: add it again, then resume", EXIT_ATTENTION) from None


def parse_target(items: list[str], info: ProviderInfo) -> dict[str, Any]:
    """``KEY=VALUE`` pairs checked against the provider's target keys; repeatable keys become lists."""
    specs = {t.key: t for t in info.targets}
    target: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise CliError(f"--target expects KEY=VALUE, got {item!r}", EXIT_BAD_INPUT)
        if key not in specs:
            known = ", ".join(specs) or "none"
            raise CliError(f"{info.display_name} has no target {key!r} (known: {known})", EXIT_BAD_INPUT)
        if specs[key].multiple:
            target.setdefault(key, []).append(value)
        elif key in target:
            raise CliError(f"--target {key}= given twice", EXIT_BAD_INPUT)
        else:
            target[key] = value
    missing = [t.key for t in info.targets if t.required and not target.get(t.key)]
    if missing:
        raise CliError(f"{info.display_name} needs --target {'=… --target '.join(missing)}=…", EXIT_BAD_INPUT)
    return target


def read_secret(account: Account, from_stdin: bool) -> str:
    if from_stdin:
        secret = sys.stdin.readline().strip()
        if not secret:
            raise CliError("--secret-stdin: nothing was read from standard input", EXIT_BAD_INPUT)
        register_secret(secret)
        return secret
    from campaign_gui.storage.secrets import CredentialError, CredentialStore

    try:
        stored = CredentialStore().get(account.id)
    except CredentialError as exc:
        raise CliError(str(exc), EXIT_ATTENTION) from None
    if not stored:
        raise CliError(f"No secret is stored for account {account.name!r}: add it again (accounts add) "
                       "or pass --secret-stdin", EXIT_ATTENTION)
    return stored


class hold_lock:
    """The data-directory lock for the length of a ``with``; a second importer gets a clear refusal."""

    def __init__(self, data: Path) -> None:
        self._lock = DataDirLock(data)

    def __enter__(self) -> DataDirLock:
        try:
            self._lock.acquire()
        except DataDirLocked as exc:
            raise CliError(exc.message, EXIT_ATTENTION) from None
        return self._lock

    def __exit__(self, *exc: object) -> None:
        self._lock.release()


def open_journal(data: Path, *, read_only: bool = False) -> Journal:
    try:
        return Journal.open(data, read_only=read_only)
    except JournalError as exc:
        raise CliError(exc.message, EXIT_ATTENTION if not read_only and not isinstance(exc, JournalDamaged)
                       else EXIT_BAD_INPUT) from None


def journal_exit(exc: JournalError) -> int:
    """A damaged journal file is bad input (the user must move it away); a full disk or a lock needs attention."""
    return EXIT_BAD_INPUT if isinstance(exc, JournalDamaged) else EXIT_ATTENTION


def upload(journal: Journal, job_id: str, account: Account, secret: str, data: Path, *,
           pacing: float | None = None) -> JobSummary:
    """Run the engine (Ctrl-C/SIGTERM → stop after the in-flight batch, twice → at once; job resumable) and
    write the report."""
    printer = ProgressPrinter()
    summary = asyncio.run(_upload(journal, job_id, account, secret, pacing, printer))
    printer.close()
    return with_report(journal, summary, data)


def paused_for_key(journal: Journal, job_id: str, info: ProviderInfo, data: Path) -> JobSummary:
    """The provider refused the key when the target was checked: the job waits for it, nothing was sent."""
    from campaign_gui.upload.jobs import summarize
    from campaign_gui.upload.sender import AUTH_MESSAGE

    message = AUTH_MESSAGE.format(provider=info.display_name)
    counts = journal.outcome_counts(job_id)
    journal.set_job_state(job_id, "paused", message=message, counts=counts)
    record = journal.get_job(job_id)
    assert record is not None
    return with_report(journal, JobSummary(**{**summarize(record, counts).__dict__, "message": message}), data)


def with_report(journal: Journal, summary: JobSummary, data: Path) -> JobSummary:
    """Write the job's default report; the summary names it."""
    from campaign_gui.upload.report import ReportError, default_report_path, write_report

    report = default_report_path(data, summary.job_id)
    try:
        write_report(journal, summary.job_id, report)
        journal.set_report(summary.job_id, str(report))
        summary = JobSummary(**{**summary.__dict__, "report": str(report)})
    except (ReportError, JournalError) as exc:
        print(f"warning: {exc.message}", file=sys.stderr)
    return summary


async def _upload(journal: Journal, job_id: str, account: Account, secret: str, pacing: float | None,
                  printer: ProgressPrinter) -> JobSummary:
    from campaign_gui.upload.engine import UploadEngine
    from campaign_gui.upload.jobs import summarize

    provider = make_provider(account, secret)
    engine = UploadEngine(provider, journal, job_id, pacing=pacing, progress_cb=printer)
    run = asyncio.ensure_future(engine.run())
    stops = StopSignals(engine, run)
    stops.install(asyncio.get_running_loop())
    try:
        return await run
    except asyncio.CancelledError:
        # A second Ctrl-C/SIGTERM ended the run at once: the engine recorded the job as interrupted.
        if not run.cancelled():
            raise
        record = journal.get_job(job_id)
        assert record is not None
        return summarize(record, journal.outcome_counts(job_id))
    finally:
        stops.remove()
        await provider.aclose()


class StopSignals:
    """Ctrl-C and SIGTERM during an upload: the first stops after the batch in flight, the second at once.

    Either way the job stays resumable (interrupted): unsent rows stay pending, a batch in flight stays
    ``sending`` and is settled at resume by the provider's retry class.
    """

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self, engine: Any, run: asyncio.Future[Any]) -> None:
        self._engine = engine
        self._run = run
        self._count = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._previous: dict[int, Any] = {}

    def install(self, loop: asyncio.AbstractEventLoop) -> None:
        for sig in self.SIGNALS:
            previous = signal.getsignal(sig)
            try:
                loop.add_signal_handler(sig, self.stop)
            except (NotImplementedError, RuntimeError, ValueError):  # Windows, or not the main thread
                continue
            self._previous[sig] = previous
        self._loop = loop

    def remove(self) -> None:
        for sig, previous in self._previous.items():
            try:
                assert self._loop is not None
                self._loop.remove_signal_handler(sig)
                signal.signal(sig, previous)  # asyncio leaves SIGTERM at its default (kill): restore ours
            except (NotImplementedError, RuntimeError, ValueError, TypeError):
                pass
        self._previous.clear()

    def stop(self) -> None:
        self._count += 1
        if self._count == 1:
            print("\nstopping after the batch in flight (the job can be resumed; press Ctrl-C again to stop "
                  "at once)", file=sys.stderr, flush=True)
            self._engine.interrupt()
        elif not self._run.done():
            print("\nstopping now (the job can be resumed)", file=sys.stderr, flush=True)
            self._run.cancel()


class ProgressPrinter:
    """Progress on stderr: a ``\\r``-updated line on a TTY, else one line about every second.

    The last line (the job ended or stopped) gives this run's own average (``run_rows_per_second``). The
    engine reports the end twice: it is printed once.
    """

    def __init__(self) -> None:
        self._tty = sys.stderr.isatty()
        self._last = 0.0
        self._dirty = False
        self._final: tuple[str, int, str | None] | None = None  # the last final line's state, rows, reason
        self._phase = "sending"

    def __call__(self, snap: ProgressSnapshot) -> None:
        now = time.monotonic()
        final = snap.state not in ("running", "pending")
        phase_changed, self._phase = snap.phase != self._phase, snap.phase
        if not final and not phase_changed and now - self._last < (0.2 if self._tty else 1.0):
            return
        self._last = now
        if final:
            key = (snap.state, snap.done, snap.waiting_reason)
            if key == self._final:
                return
            self._final = key
        wait = f" — {snap.waiting_reason}" if snap.waiting_reason else ""
        state = "verifying (reading back)" if snap.phase == "verifying" and not final else snap.state
        line = f"{state}: {snap.done:,}/{snap.total:,} rows"
        if final:
            average = snap.run_rows_per_second
            line += f" in {snap.run_seconds:,.1f} s" + (f", {average:,.0f} rows/s" if average else "") + wait
        else:
            rate = f"{snap.rows_per_second:,.0f} rows/s" if snap.rows_per_second else "… rows/s"
            eta = f", ETA {snap.eta_seconds:,.0f} s" if snap.eta_seconds else ""
            line += f", {rate}{eta}{wait}"
        if self._tty:
            print(f"\r{line[:150]:<150}", end="", file=sys.stderr, flush=True)
            self._dirty = True
        else:
            print(line, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self._dirty:
            print(file=sys.stderr)


def summary_json(summary: JobSummary) -> dict[str, Any]:
    return summary.to_json()


def exit_code(summary: JobSummary) -> int:
    if summary.state == "done" and summary.needs_verification == 0:
        return EXIT_OK
    return EXIT_ATTENTION


def finish(summary: JobSummary, as_json: bool) -> int:
    if as_json:
        print(json.dumps(summary_json(summary), ensure_ascii=False))
    else:
        print(human_summary(summary))
    if summary.message and summary.state != "done":
        print(f"{summary.state}: {redact(summary.message)}", file=sys.stderr)
    return exit_code(summary)


def human_summary(s: JobSummary | Mapping[str, Any]) -> str:
    d = s.to_json() if isinstance(s, JobSummary) else dict(s)
    lines = [f"job {d['job_id']} ({d.get('provider', '')}): {d['state']}",
             f"  rows {d['rows']:,}: valid {d['valid']:,}, invalid {d['invalid']:,}, duplicates {d['duplicates']:,}",
             f"  sent {d['sent']:,}: added {d['added']:,}, updated {d['updated']:,}, skipped {d['skipped']:,}, "
             f"rejected {d['rejected']:,}, failed {d['failed']:,}, needs verification {d['needs_verification']:,}"]
    if d.get("pending"):
        lines.append(f"  not sent yet {d['pending']:,} (campaign-gui jobs resume {d['job_id']})")
    if d.get("message"):
        lines.append(f"  {redact(str(d['message']))}")
    if d.get("report"):
        lines.append(f"  report: {d['report']}")
    return "\n".join(lines)

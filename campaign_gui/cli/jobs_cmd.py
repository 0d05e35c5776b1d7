"""``campaign-gui jobs list|show|resume|verify|report``: import jobs recorded in the data directory's journal."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from campaign_gui.cli.import_cmd import (
    EXIT_ATTENTION,
    EXIT_BAD_INPUT,
    EXIT_OK,
    CliError,
    account_by_id,
    finish,
    hold_lock,
    human_summary,
    journal_exit,
    open_journal,
    read_secret,
    upload,
)
from campaign_gui.domain.errors import ImportInputError
from campaign_gui.domain.redaction import redact
from campaign_gui.storage.paths import data_dir as resolve_data_dir
from campaign_gui.upload.jobs import check_resumable, summarize
from campaign_gui.upload.journal import JOURNAL_NAME, Journal
from campaign_gui.upload.journal_errors import JournalError
from campaign_gui.upload.journal_schema import JobRecord


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("jobs", help="list, show, resume and report import jobs")
    sub = p.add_subparsers(dest="jobs_command", metavar="ACTION")
    p.set_defaults(func=lambda args: _usage(p))

    lst = sub.add_parser("list", help="every import job in this data directory")
    lst.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    lst.set_defaults(func=cmd_list)

    show = sub.add_parser("show", help="one job's totals")
    show.add_argument("job", metavar="JOB", help="job id (a unique prefix is enough)")
    show.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    show.set_defaults(func=cmd_show)

    resume = sub.add_parser("resume", help="continue a paused or interrupted job from the journal")
    resume.add_argument("job", metavar="JOB")
    resume.add_argument("--pacing", type=float, help="seconds between request starts (0 = off)")
    resume.add_argument("--secret-stdin", action="store_true",
                        help="read the account's secret from stdin instead of the keyring")
    resume.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    resume.set_defaults(func=cmd_resume)

    verify = sub.add_parser("verify", help="check rows needing verification by reading the target back "
                                           "(sends again what is proven absent)")
    verify.add_argument("job", metavar="JOB")
    verify.add_argument("--pacing", type=float, help="seconds between request starts (0 = off)")
    verify.add_argument("--secret-stdin", action="store_true",
                        help="read the account's secret from stdin instead of the keyring")
    verify.add_argument("--json", action="store_true", help="print one JSON object on stdout (as jobs show)")
    verify.set_defaults(func=cmd_verify)

    report = sub.add_parser("report", help="export the rows not added, with reasons, to .xlsx")
    report.add_argument("job", metavar="JOB")
    report.add_argument("--out", required=True, metavar="FILE.xlsx")
    report.add_argument("--force", action="store_true", help="replace FILE.xlsx if it exists (a regular file only)")
    report.set_defaults(func=cmd_report)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return EXIT_BAD_INPUT


def _guard(func: Any) -> Any:
    def wrapped(args: argparse.Namespace) -> int:
        try:
            code: int = func(args)
            return code
        except CliError as exc:
            print(f"error: {redact(exc.message)}", file=sys.stderr)
            return exc.code
        except JournalError as exc:  # a damaged journal found while reading it
            print(f"error: {redact(exc.message)}", file=sys.stderr)
            return journal_exit(exc)
    return wrapped


def _reader(args: argparse.Namespace) -> Journal | None:
    data = resolve_data_dir(args.data_dir)
    if not (data / JOURNAL_NAME).exists():
        return None
    return open_journal(data, read_only=True)


@_guard
def cmd_list(args: argparse.Namespace) -> int:
    journal = _reader(args)
    jobs = [] if journal is None else journal.list_jobs()
    summaries = [summarize(j).to_json() | {"created_at": _when(j.created), "account": j.account_name} for j in jobs]
    if journal is not None:
        journal.close()
    if args.json:
        print(json.dumps({"jobs": summaries}, ensure_ascii=False))
        return EXIT_OK
    if not summaries:
        print("no import jobs yet", file=sys.stderr)
    for s in summaries:
        print(f"{s['job_id']}  {s['created_at']}  {s['state']:<11} {s['provider']:<8} {s['account']}: "
              f"{s['sent']:,}/{s['sent'] + s['pending']:,} sent, {s['added']:,} added")
    return EXIT_OK


@_guard
def cmd_show(args: argparse.Namespace) -> int:
    journal = _reader(args)
    record = None if journal is None else journal.get_job(args.job)
    if journal is None or record is None:
        raise CliError(f"No import job {args.job!r} in this data directory", EXIT_BAD_INPUT)
    data = _show_data(journal, record)
    journal.close()
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(human_summary(data))
        print(f"  source: {record.source_path}\n  batches: {data['batch_states']}")
    return EXIT_OK


def _show_data(journal: Journal, record: JobRecord) -> dict[str, Any]:
    """What ``jobs show --json`` prints (``jobs verify --json`` too)."""
    batches = journal.batches(record.id)
    return summarize(record).to_json() | {
        "created_at": _when(record.created), "updated_at": _when(record.updated), "account": record.account_name,
        "source": record.source_path, "batches": len(batches),
        "batch_states": {s: sum(1 for b in batches if b.state == s) for s in sorted({b.state for b in batches})}}


@_guard
def cmd_resume(args: argparse.Namespace) -> int:
    data = resolve_data_dir(args.data_dir)
    if not (data / JOURNAL_NAME).exists():
        raise CliError(f"No import job {args.job!r} in this data directory", EXIT_BAD_INPUT)
    with hold_lock(data):
        journal = open_journal(data)
        try:
            journal.recover()
            try:
                record = check_resumable(journal, args.job)
            except ImportInputError as exc:
                code = EXIT_BAD_INPUT if exc.kind != "finished" else EXIT_ATTENTION
                raise CliError(exc.message, code) from None
            account = account_by_id(data, record.account_id)
            secret = read_secret(account, args.secret_stdin)
            if not args.json:
                print(f"resuming job {record.id}…", file=sys.stderr)
            summary = upload(journal, record.id, account, secret, data, pacing=args.pacing)
        except JournalError as exc:
            raise CliError(exc.message, journal_exit(exc)) from None
        finally:
            journal.close()
    return finish(summary, args.json)


@_guard
def cmd_verify(args: argparse.Namespace) -> int:
    """Read back a job's flagged rows; exit 0 when nothing is left to verify, 3 otherwise."""
    from campaign_gui.providers import provider_info
    from campaign_gui.upload.verify import reopen_for_verification

    data = resolve_data_dir(args.data_dir)
    if not (data / JOURNAL_NAME).exists():
        raise CliError(f"No import job {args.job!r} in this data directory", EXIT_BAD_INPUT)
    with hold_lock(data):
        journal = open_journal(data)
        try:
            journal.recover()
            record = journal.get_job(args.job)
            if record is None:
                raise CliError(f"No import job {args.job!r} in this data directory", EXIT_BAD_INPUT)
            info = provider_info(record.provider)
            flagged = journal.outcome_counts(record.id).get("needs_verification", 0)
            if not flagged:
                print(f"job {record.id}: nothing to verify", file=sys.stderr)
            elif not info.capabilities.read_back:
                print(f"{flagged:,} rows still need verification: {info.notes.get('read_back', '')}",
                      file=sys.stderr)
            else:
                reopen_for_verification(journal, record.id)
                account = account_by_id(data, record.account_id)
                secret = read_secret(account, args.secret_stdin)
                if not args.json:
                    print(f"verifying job {record.id} by reading back…", file=sys.stderr)
                summary = upload(journal, record.id, account, secret, data, pacing=args.pacing)
                if summary.message and summary.state != "done":
                    print(f"{summary.state}: {redact(summary.message)}", file=sys.stderr)
                _print_unresolved(journal, record.id)
            shown = _show_data(journal, journal.get_job(record.id) or record)
        except JournalError as exc:
            raise CliError(exc.message, EXIT_ATTENTION) from None
        finally:
            journal.close()
    if args.json:
        print(json.dumps(shown, ensure_ascii=False))
    else:
        print(human_summary(shown))
    return EXIT_OK if shown["needs_verification"] == 0 else EXIT_ATTENTION


def _print_unresolved(journal: Journal, job_id: str) -> None:
    """Why rows are still flagged (the distinct reasons, a few at most)."""
    reasons: dict[str, int] = {}
    for entry in journal.iter_rows(job_id):
        if entry.outcome == "needs_verification":
            reasons[entry.reason] = reasons.get(entry.reason, 0) + 1
    for reason, n in sorted(reasons.items(), key=lambda item: -item[1])[:3]:
        print(f"{n:,} rows still need verification: {redact(reason)}", file=sys.stderr)


@_guard
def cmd_report(args: argparse.Namespace) -> int:
    from campaign_gui.upload.report import ReportError, write_report

    journal = _reader(args)
    record = None if journal is None else journal.get_job(args.job)
    if journal is None or record is None:
        raise CliError(f"No import job {args.job!r} in this data directory", EXIT_BAD_INPUT)
    try:
        summary = write_report(journal, record.id, args.out, overwrite=args.force)
    except ReportError as exc:
        if exc.kind == "exists":
            raise CliError(f"{args.out} already exists; add --force to replace it, or choose another file name",
                           EXIT_BAD_INPUT) from None
        raise CliError(exc.message, EXIT_BAD_INPUT if exc.kind == "not_a_file" else EXIT_ATTENTION) from None
    finally:
        journal.close()
    print(f"wrote {args.out}: {summary.rows - summary.added:,} rows not added", file=sys.stderr)
    return EXIT_OK


def _when(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts, tz=dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

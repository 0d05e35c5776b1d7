"""``campaign-gui validate FILE``: read, map and validate a spreadsheet without uploading anything."""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Sequence
from typing import Any

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading.header import column_letter
from campaign_gui.reading.mapping import propose_mapping
from campaign_gui.reading.reader import open_source
from campaign_gui.reading.source import CellValue, Source
from campaign_gui.reading.types import ColumnMapping, RowStatus
from campaign_gui.reading.validate import MappingChooser, ValidationResult, validate_sheet

EXIT_OK, EXIT_BAD_INPUT = 0, 2
SHOW_INVALID = 10
FIELDS = ("phone", "name", "email", "first_name", "last_name")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("validate", help="check a spreadsheet: counts of valid, fixed, invalid, duplicate rows")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--sheet", help="sheet name or 1-based number (default: the sheet holding the contacts: the "
                                   "first visible one unless it holds none)")
    p.add_argument("--header-row", type=int, help="1-based header row (0 = no header; default: detected)")
    p.add_argument("--country", help="default country for numbers without +code (default: the --provider's, else VN)")
    p.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                   help="FIELD=COLUMN, COLUMN a header name, a 1-based number or a letter (A, B…); repeatable")
    p.add_argument("--encoding", help="text encoding of a CSV file (default: detected)")
    p.add_argument("--split-numbers", action="store_true",
                   help="a cell holding several phone numbers gives one contact per number (same name and fields)")
    p.add_argument("--provider", help="check the rows against this provider's own rules too (countries it takes, "
                                      "fixed lines for SMS): stringee, smsby, alohub, cellcast, dynmsg")
    p.add_argument("--landline", choices=("drop", "include"), default="drop",
                   help="with --provider, for an SMS provider: fixed-line numbers dropped (default) or included")
    p.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    progress = None if args.json else _Progress()
    try:
        with open_source(args.file, encoding=args.encoding) as source:
            sheet = _sheet_arg(source, args.sheet)
            rules = _rules(args.provider, args.landline) if args.provider else None
            region = (args.country or (rules.region if rules is not None else "VN")).upper()
            mapping = _chooser(args.map, region) if args.map else None
            result = validate_sheet(source, sheet, args.header_row, mapping, region, progress=progress)
        if args.split_numbers:
            result = result.split_numbers()
        if rules is not None:
            result = result.for_target(rules)
    except ImportInputError as exc:
        _end(progress)
        print(f"error: {exc.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ValueError as exc:  # an unknown country code
        _end(progress)
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    _end(progress)
    if args.json:
        summary = result.summary()
        summary["file"] = str(args.file)
        summary["seconds"] = round(time.perf_counter() - started, 3)
        summary["invalid_rows"] = _invalid_rows(result, 50)
        utf8 = (getattr(sys.stdout, "encoding", "") or "").lower().replace("-", "") == "utf8"
        print(json.dumps(summary, ensure_ascii=not utf8))
    else:
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if reconfigure is not None:  # a Windows console or pipe may not take Vietnamese text
            reconfigure(errors="replace")
        print(_human(result, time.perf_counter() - started))
    return EXIT_OK


def _rules(provider: str, landline: str) -> Any:
    from campaign_gui.providers import provider_info
    from campaign_gui.reading.target_rules import LandlinePolicy
    from campaign_gui.services.target_check import target_rules

    try:
        info = provider_info(provider)
    except (KeyError, ValueError):
        raise ImportInputError(f"Unknown provider {provider!r} (stringee, smsby, alohub, cellcast, dynmsg).",
                               kind="bad_provider") from None
    return target_rules(info, LandlinePolicy(landline))


def _end(progress: _Progress | None) -> None:
    if progress is not None:
        progress.end()


def _sheet_arg(source: Source, sheet: str | None) -> str | int | None:
    if sheet is None:
        return None
    if sheet not in source.sheet_names and sheet.isdigit():
        return int(sheet) - 1
    return sheet


def _chooser(maps: list[str], region: str) -> MappingChooser:
    """--map FIELD=COLUMN overrides on top of the proposed mapping, resolved once the header is known."""
    pairs = []
    for item in maps:
        if "=" not in item:
            raise ImportInputError(f"--map expects FIELD=COLUMN, got {item!r}.", kind="bad_mapping")
        key, col_text = (part.strip() for part in item.split("=", 1))
        pairs.append((key, col_text))

    def choose(columns: list[str], sample: Sequence[Sequence[CellValue]]) -> ColumnMapping:
        proposed = propose_mapping(columns, sample, region=region)
        fields, reasons = dict(proposed.fields), dict(proposed.reasons)
        for key, col_text in pairs:
            col = _column(col_text, columns)
            for other, c in list(fields.items()):
                if c == col and other != key:
                    del fields[other]
                    reasons.pop(other, None)
            fields[key] = col
            reasons[key] = f"given on the command line ({col_text})"
        return ColumnMapping(fields=fields, reasons=reasons)

    return choose


def _column(text: str, columns: list[str]) -> int:
    folded = [c.casefold() for c in columns]
    if text.casefold() in folded:
        return folded.index(text.casefold())
    if text.isdigit() and int(text) >= 1:
        return int(text) - 1
    if re.fullmatch(r"[A-Za-z]{1,3}", text):
        n = 0
        for ch in text.upper():
            n = n * 26 + ord(ch) - 64
        return n - 1
    raise ImportInputError(f"There is no column {text!r} (columns: {', '.join(columns)}).", kind="bad_mapping")


class _Progress:
    """``read N rows…`` on stderr once a second (a terminal only); ``end`` finishes the line, so what follows
    does not run on after it."""

    def __init__(self) -> None:
        self.last = 0.0
        self.done = 0
        self.shown = False

    def __call__(self, done: int) -> None:
        self.done = done
        now = time.monotonic()
        if now - self.last >= 1.0 and sys.stderr.isatty():
            self.last, self.shown = now, True
            print(f"\rread {done:,} rows…", end="", file=sys.stderr, flush=True)

    def end(self) -> None:
        if self.shown:
            print(f"\rread {self.done:,} rows.", file=sys.stderr, flush=True)
            self.shown = False


def _invalid_rows(result: ValidationResult, limit: int, skip: str = "") -> list[dict[str, Any]]:
    """The first invalid rows; ``skip``: a reason said once for the whole column (the country hint)."""
    out = []
    for rec in result.records():
        if rec.status == RowStatus.INVALID and rec.reason != skip:
            out.append({"row": rec.row, "phone": rec.original_phone, "reason": rec.reason, "message": rec.message,
                        "suggestion": rec.suggestion})
            if len(out) >= limit:
                break
    return out


def _human(result: ValidationResult, seconds: float) -> str:
    lines = [f"sheet {result.sheet!r}, header row {result.header_row or 'none'}, {result.rows:,} data rows "
             f"({result.blank:,} blank rows skipped) in {seconds:.1f} s"]
    for key, col in result.mapping.fields.items():
        name = result.columns[col] if col < len(result.columns) else f"Column {column_letter(col)}"
        lines.append(f"  {key:<10} ← {name}  ({result.mapping.reasons.get(key, '')})")
    lines.append(f"valid {result.valid:,}  fixed {result.fixed:,}  invalid {result.invalid:,}  "
                 f"duplicates {result.duplicates:,}")
    for code, n in result.reasons.items():
        lines.append(f"  {n:>8,}  {code}")
    if result.suggestions:
        lines.append(f"{len(result.suggestions):,} row(s) have a suggested fix")
    if result.multi_number_rows:
        lines.append(f"{result.multi_number_rows:,} cell(s) hold several phone numbers: --split-numbers imports "
                     "each number as its own contact")
    bad = _invalid_rows(result, SHOW_INVALID, skip="other_country" if result.country_hint else "")
    if bad:
        lines.append("first invalid rows:")
        lines.extend(f"  row {b['row']}: {b['phone']!r}: {b['message']}" for b in bad)
    lines.extend(f"warning: {w}" for w in result.warnings)
    return "\n".join(lines)

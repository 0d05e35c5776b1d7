"""What the import journal stores: its tables, the job and batch
states, the creation and migration of its tables, and the record types Journal reads back with the codecs
between them and the tables' columns."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from campaign_gui.domain.models import NO_EXTRA, UploadRow

# ``creating``: the job's rows are still being journaled. Such a job is never listed, shown or resumed;
# ``recover()`` (start-up, with the data-directory lock) removes one a crash or a full disk left behind.
CREATING = "creating"
JOB_STATES = (CREATING, "pending", "running", "paused", "interrupted", "done", "cancelled", "failed")
FINAL_STATES = frozenset({"done", "cancelled", "failed"})
BATCH_STATES = ("planned", "sending", "unknown", "done", "failed", "needs_verification")
OPEN_BATCH_STATES = ("planned", "sending", "unknown")

SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY, created REAL NOT NULL, updated REAL NOT NULL, state TEXT NOT NULL,
    account_id TEXT NOT NULL, account_name TEXT NOT NULL DEFAULT '', provider TEXT NOT NULL,
    target TEXT NOT NULL, source_path TEXT NOT NULL, source_size INTEGER, source_mtime REAL,
    source_sha256 TEXT, mapping TEXT NOT NULL DEFAULT '{}', sheet TEXT, header_row INTEGER,
    policy TEXT NOT NULL DEFAULT 'drop', region TEXT NOT NULL DEFAULT '', fingerprint TEXT NOT NULL DEFAULT '',
    rows INTEGER NOT NULL DEFAULT 0, valid INTEGER NOT NULL DEFAULT 0, invalid INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0, counts TEXT NOT NULL DEFAULT '{}', message TEXT NOT NULL DEFAULT '',
    report TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS rows (
    job_id TEXT NOT NULL, row INTEGER NOT NULL, phone TEXT, original_phone TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '', extra TEXT, status TEXT NOT NULL,
    outcome TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', batch_id INTEGER, others TEXT,
    PRIMARY KEY (job_id, row)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS batches (
    job_id TEXT NOT NULL, batch_id INTEGER NOT NULL, seq INTEGER NOT NULL, state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0, provider_job_id TEXT, batch_key TEXT NOT NULL,
    row_list TEXT NOT NULL, result TEXT, updated REAL NOT NULL,
    PRIMARY KEY (job_id, batch_id)
);
"""


def create_or_migrate(db: sqlite3.Connection) -> None:
    """Create the tables a new journal lacks, and add the columns a journal made before them lacks."""
    db.executescript(SCHEMA)
    if not has_others(db):  # a journal from before the unmapped columns were kept
        db.execute("ALTER TABLE rows ADD COLUMN others TEXT")


def has_others(db: sqlite3.Connection) -> bool:
    """Whether the rows table has the ``others`` column (a read-only reader of an older journal sees none)."""
    return any(r[1] == "others" for r in db.execute("PRAGMA table_info(rows)"))


@dataclass(frozen=True)
class JobRecord:
    id: str
    created: float
    updated: float
    state: str
    account_id: str
    account_name: str
    provider: str
    target: Mapping[str, Any]
    source_path: str
    source_size: int | None
    source_mtime: float | None
    source_sha256: str | None
    mapping: Mapping[str, Any]
    sheet: str | None
    header_row: int | None
    policy: str
    region: str
    fingerprint: str
    rows: int
    valid: int
    invalid: int
    duplicates: int
    counts: Mapping[str, int]
    message: str
    report: str


@dataclass(frozen=True)
class BatchRecord:
    job_id: str
    batch_id: int
    seq: int
    state: str
    attempts: int
    provider_job_id: str | None
    batch_key: str
    rows: tuple[int, ...]
    result: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RowEntry:
    """One journal row as the report and ``jobs show`` see it."""

    row: int
    phone: str | None
    original_phone: str
    name: str
    email: str
    extra: Mapping[str, str]
    status: str
    outcome: str
    reason: str
    batch_id: int | None
    others: Mapping[str, str] = field(default_factory=dict)  # the source columns not mapped: header -> cell


def pack(rows: Sequence[int]) -> str:
    """A batch's row numbers as ``batches.row_list`` stores them (compact JSON)."""
    return json.dumps(list(rows), separators=(",", ":"))


def batch_record(r: Sequence[Any]) -> BatchRecord:
    """A ``batches`` row (job_id … result) as a BatchRecord."""
    return BatchRecord(r[0], int(r[1]), int(r[2]), r[3], int(r[4]), r[5], r[6], tuple(json.loads(r[7])),
                       json.loads(r[8]) if r[8] else {})


def upload_row(r: Sequence[Any]) -> UploadRow:
    """A ``rows`` row (row, phone, name, email, extra) as the UploadRow sent to the provider."""
    return UploadRow(r[0], r[1] or "", r[2] or "", r[3] or "", json.loads(r[4]) if r[4] else NO_EXTRA)


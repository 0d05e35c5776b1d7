"""The import journal: one SQLite database per data directory recording jobs, rows and batches.

Journal is the one handle on it (one connection, a write lock) and its methods are the journal's only SQL;
what it stores (tables, states, record types) is in journal_schema.py, how it fails in journal_errors.py, the
batch resolution's statements in journal_resolve.py.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from campaign_gui.domain.models import NO_EXTRA, RowOutcome, UploadRow
from campaign_gui.upload.journal_errors import JournalError, wrap
from campaign_gui.upload.journal_resolve import Resolution, resolve_statements
from campaign_gui.upload.journal_schema import (
    BATCH_STATES,
    CREATING,
    JOB_STATES,
    BatchRecord,
    JobRecord,
    RowEntry,
    batch_record,
    create_or_migrate,
    has_others,
    pack,
    upload_row,
)

JOURNAL_NAME = "journal.sqlite3"
CHUNK = 20_000


class Journal:
    """A thread-safe handle on ``data_dir/journal.sqlite3`` (one connection, serialised by a lock).

    Every write commits before it returns (``synchronous=FULL`` in WAL mode), so a crash right
    after a call leaves that call's effect on disk. ``read_only`` opens without recovering state.
    """

    def __init__(self, path: Path, *, read_only: bool = False, max_page_count: int | None = None) -> None:
        self.path = path
        self.read_only = read_only
        self.discarded: list[str] = []  # jobs ``recover()`` removed because their creation never finished
        self._lock = threading.RLock()
        try:
            if read_only and not path.exists():
                raise JournalError("No import journal here yet (no import has been run in this data directory)")
            path.parent.mkdir(parents=True, exist_ok=True)
            if not read_only:
                _private_file(path)
            self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA busy_timeout=5000")
            if read_only:  # a reader beside a running import (WAL): never writes, never recovers
                self._db.execute("PRAGMA query_only=ON")
            else:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=FULL")
                create_or_migrate(self._db)
                if max_page_count is not None:  # tests: force SQLITE_FULL without filling a real disk
                    self._db.execute(f"PRAGMA max_page_count={int(max_page_count)}")
            self._others = "others" if has_others(self._db) else "NULL"
        except sqlite3.DatabaseError as exc:
            raise wrap(exc, path) from None
        except OSError as exc:
            raise JournalError(f"Cannot open the import journal {path}: {exc.strerror or exc}") from None

    @classmethod
    def open(cls, data_dir: Path, *, read_only: bool = False) -> Journal:
        return cls(Path(data_dir) / JOURNAL_NAME, read_only=read_only)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- low level ---------------------------------------------------------------------------------

    def _write(self, statements: Iterable[tuple[str, Any]]) -> None:
        """Run statements in one transaction; ``("many", (sql, rows))`` uses executemany."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    for sql, params in statements:
                        if sql == "many":
                            self._db.executemany(params[0], params[1])
                        else:
                            self._db.execute(sql, params)
                    self._db.execute("COMMIT")
                except BaseException:
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise wrap(exc, self.path) from None

    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as exc:
                raise wrap(exc, self.path) from None

    # -- recovery ----------------------------------------------------------------------------------

    def recover(self) -> list[str]:
        """After a crash (call with the data-dir lock held): running → interrupted, sending → unknown.

        A job a crash or a full disk left ``creating`` (not all of its rows journaled) is removed: it was
        never visible and nothing of it was sent; its ids are kept in ``discarded`` for a clear message.
        """
        self.discarded = [r[0] for r in self._query("SELECT id FROM jobs WHERE state=?", (CREATING,))]
        for job_id in self.discarded:
            self.delete_job(job_id)
        jobs = [r[0] for r in self._query("SELECT id FROM jobs WHERE state='running'")]
        now = time.time()
        self._write([
            ("UPDATE jobs SET state='interrupted', updated=? WHERE state='running'", (now,)),
            ("UPDATE batches SET state='unknown', updated=? WHERE state='sending'", (now,)),
        ])
        return jobs

    # -- jobs --------------------------------------------------------------------------------------

    def insert_job(self, job: Mapping[str, Any]) -> None:
        now = time.time()
        values = dict(job)
        values.setdefault("created", now)
        values.setdefault("updated", now)
        for key in ("target", "mapping"):
            values[key] = json.dumps(values.get(key) or {}, ensure_ascii=False, sort_keys=True)
        values["counts"] = json.dumps(values.get("counts") or {})
        cols = ", ".join(values)
        marks = ", ".join(f":{k}" for k in values)
        self._write([(f"INSERT INTO jobs ({cols}) VALUES ({marks})", values)])

    def insert_rows(self, job_id: str, rows: Iterable[tuple[Any, ...]], *,
                    on_chunk: Callable[[int], None] | None = None) -> int:
        """Bulk-insert ``(row, phone, original_phone, name, email, extra_json, status, outcome, reason[,
        others_json])``: ``extra`` is sent to the provider, ``others`` (the unmapped source columns) never.

        Commits every ``CHUNK`` rows (another job's writes on this connection get their turn between
        chunks); ``on_chunk(n)`` is called after the n-th commit (the crash tests' hook).
        """
        sql = ("INSERT INTO rows (job_id, row, phone, original_phone, name, email, extra, status, outcome, reason,"
               " others) VALUES (?,?,?,?,?,?,?,?,?,?,?)")
        total = chunks = 0
        chunk: list[tuple[Any, ...]] = []
        for item in rows:
            chunk.append((job_id, *item) if len(item) == 10 else (job_id, *item, None))
            if len(chunk) >= CHUNK:
                self._write([("many", (sql, chunk))])
                total += len(chunk)
                chunk = []
                chunks += 1
                if on_chunk is not None:
                    on_chunk(chunks)
        if chunk:
            self._write([("many", (sql, chunk))])
            total += len(chunk)
            if on_chunk is not None:
                on_chunk(chunks + 1)
        return total

    def finish_creation(self, job_id: str, *, rows: int, valid: int, invalid: int, duplicates: int) -> None:
        """Make a ``creating`` job whole in one transaction: its totals and counts, then ``pending``.

        Refuses (JournalError, nothing changed) when the rows journaled are not ``rows``.
        """
        with self._lock:
            counts = self.outcome_counts(job_id)
            if sum(counts.values()) != rows:
                raise JournalError(f"The import job {job_id} was not recorded completely "
                                   f"({sum(counts.values()):,} of {rows:,} rows); start the import again.")
            self._write([("UPDATE jobs SET rows=?, valid=?, invalid=?, duplicates=?, counts=?, state='pending',"
                          " updated=? WHERE id=? AND state=?",
                          (rows, valid, invalid, duplicates, json.dumps(counts), time.time(), job_id, CREATING))])

    def row_count(self, job_id: str) -> int:
        """How many source rows the journal holds for the job (whatever their outcome)."""
        return int(self._query("SELECT COUNT(*) FROM rows WHERE job_id=?", (job_id,))[0][0])

    def delete_job(self, job_id: str) -> None:
        self._write([("DELETE FROM rows WHERE job_id=?", (job_id,)),
                     ("DELETE FROM batches WHERE job_id=?", (job_id,)),
                     ("DELETE FROM jobs WHERE id=?", (job_id,))])

    def get_job(self, job_id: str, *, include_creating: bool = False) -> JobRecord | None:
        """The job with this id or unique id prefix; a job still being created only when asked for."""
        hidden = "" if include_creating else f" AND state<>'{CREATING}'"
        rows = self._query(f"SELECT * FROM jobs WHERE id=?{hidden}", (job_id,))
        if not rows:
            matches = self._query(f"SELECT * FROM jobs WHERE id LIKE ?{hidden} ORDER BY created",
                                  (job_id.replace("%", "").replace("_", "") + "%",))
            if len(matches) != 1:
                return None
            rows = matches
        return self._job(rows[0])

    def list_jobs(self, *, include_creating: bool = False) -> list[JobRecord]:
        """Every job, oldest first; jobs whose rows are still being journaled only when asked for."""
        hidden = "" if include_creating else f" WHERE state<>'{CREATING}'"
        return [self._job(r) for r in self._query(f"SELECT * FROM jobs{hidden} ORDER BY created")]

    def _job(self, row: Sequence[Any]) -> JobRecord:
        names = [d[1] for d in self._query("PRAGMA table_info(jobs)")]
        data = dict(zip(names, row, strict=True))
        for key in ("target", "mapping", "counts"):
            data[key] = json.loads(data[key] or "{}")
        return JobRecord(**data)

    def set_job_state(self, job_id: str, state: str, *, message: str | None = None,
                      counts: Mapping[str, int] | None = None, report: str | None = None) -> None:
        if state not in JOB_STATES:
            raise ValueError(state)
        sets = ["state=?", "updated=?"]
        params: list[Any] = [state, time.time()]
        if message is not None:
            sets.append("message=?")
            params.append(message)
        if counts is not None:
            sets.append("counts=?")
            params.append(json.dumps(dict(counts)))
        if report is not None:
            sets.append("report=?")
            params.append(report)
        self._write([(f"UPDATE jobs SET {', '.join(sets)} WHERE id=?", (*params, job_id))])

    def set_job_totals(self, job_id: str, *, rows: int, valid: int, invalid: int, duplicates: int) -> None:
        counts = self.outcome_counts(job_id)
        self._write([("UPDATE jobs SET rows=?, valid=?, invalid=?, duplicates=?, counts=?, updated=? WHERE id=?",
                      (rows, valid, invalid, duplicates, json.dumps(counts), time.time(), job_id))])

    def set_report(self, job_id: str, report: str) -> None:
        self._write([("UPDATE jobs SET report=?, updated=? WHERE id=?", (report, time.time(), job_id))])

    # -- rows --------------------------------------------------------------------------------------

    def outcome_counts(self, job_id: str) -> dict[str, int]:
        return {o: n for o, n in self._query(
            "SELECT outcome, COUNT(*) FROM rows WHERE job_id=? GROUP BY outcome", (job_id,))}

    def pending_rows(self, job_id: str, after_row: int, limit: int) -> list[UploadRow]:
        """Rows still to send, in row order, after ``after_row`` (keyset paging on the primary key)."""
        found = self._query(
            "SELECT row, phone, name, email, extra FROM rows WHERE job_id=? AND row>? AND outcome='pending'"
            " ORDER BY row LIMIT ?", (job_id, after_row, limit))
        loads, empty, new = json.loads, NO_EXTRA, tuple.__new__  # hot loop: a million rows per job
        return [new(UploadRow, (r, p or "", n, e, loads(x) if x else empty)) for r, p, n, e, x in found]

    def rows_by_number(self, job_id: str, numbers: Sequence[int]) -> list[UploadRow]:
        result: list[UploadRow] = []
        for start in range(0, len(numbers), 500):
            part = list(numbers[start:start + 500])
            marks = ",".join("?" * len(part))
            found = self._query(f"SELECT row, phone, name, email, extra FROM rows WHERE job_id=? AND row IN ({marks})",
                                (job_id, *part))
            result.extend(upload_row(r) for r in found)
        result.sort(key=lambda r: r.index)
        return result

    def iter_rows(self, job_id: str, *, exclude_outcome: str | None = None, page: int = 5000) -> Iterator[RowEntry]:
        last = -1
        while True:
            sql = ("SELECT row, phone, original_phone, name, email, extra, status, outcome, reason, batch_id,"
                   f" {self._others} FROM rows WHERE job_id=? AND row>?")
            params: list[Any] = [job_id, last]
            if exclude_outcome is not None:
                sql += " AND outcome<>?"
                params.append(exclude_outcome)
            found = self._query(sql + " ORDER BY row LIMIT ?", (*params, page))
            if not found:
                return
            for r in found:
                yield RowEntry(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]) if r[5] else {}, r[6], r[7], r[8], r[9],
                               json.loads(r[10]) if r[10] else {})
            last = found[-1][0]

    def rows_to_verify(self, job_id: str) -> dict[int, list[UploadRow]]:
        """The rows still "needs verification", by the batch that sent them (0: no batch recorded)."""
        found = self._query("SELECT row, phone, name, email, extra, batch_id FROM rows WHERE job_id=? AND"
                            " outcome='needs_verification' ORDER BY row", (job_id,))
        by_batch: dict[int, list[UploadRow]] = {}
        for r in found:
            by_batch.setdefault(int(r[5] or 0), []).append(upload_row(r[:5]))
        return by_batch

    def other_columns(self, job_id: str) -> list[str]:
        """The headers of the job's unmapped source columns, in the file's order (none: []). Every row of a job
        has the same ones: the first row's say."""
        found = self._query(f"SELECT {self._others} FROM rows WHERE job_id=? ORDER BY row LIMIT 1", (job_id,))
        return list(json.loads(found[0][0])) if found and found[0][0] else []

    def finish_pending(self, job_id: str, outcome: RowOutcome, reason: str) -> int:
        """Give every still-pending row ``outcome`` (a job that ends without sending them)."""
        count = self._query("SELECT COUNT(*) FROM rows WHERE job_id=? AND outcome='pending'", (job_id,))[0][0]
        self._write([("UPDATE rows SET outcome=?, reason=? WHERE job_id=? AND outcome='pending'",
                      (outcome.value, reason, job_id))])
        return int(count)

    # -- batches -----------------------------------------------------------------------------------

    def next_batch_id(self, job_id: str) -> int:
        found = self._query("SELECT COALESCE(MAX(batch_id), 0) FROM batches WHERE job_id=?", (job_id,))
        return int(found[0][0]) + 1

    def open_batches(self, job_id: str) -> list[BatchRecord]:
        found = self._query(
            "SELECT job_id, batch_id, seq, state, attempts, provider_job_id, batch_key, row_list, result"
            " FROM batches WHERE job_id=? AND state IN ('planned','sending','unknown') ORDER BY seq", (job_id,))
        return [batch_record(r) for r in found]

    def batches(self, job_id: str) -> list[BatchRecord]:
        found = self._query(
            "SELECT job_id, batch_id, seq, state, attempts, provider_job_id, batch_key, row_list, result"
            " FROM batches WHERE job_id=? ORDER BY seq", (job_id,))
        return [batch_record(r) for r in found]

    def begin_batch(self, job_id: str, batch_id: int, batch_key: str, rows: Sequence[int], *,
                    resolved: Resolution | None = None) -> None:
        """Mark a batch ``sending`` (creating it if new) and commit: done before its request.

        ``resolved``: the previous batch's result, committed in the same transaction *before* this
        batch's ``sending`` (one fsync per batch instead of two; the order on disk is unchanged).
        """
        statements = resolve_statements(resolved, pack) if resolved is not None else []
        statements.append((
            "INSERT INTO batches (job_id, batch_id, seq, state, attempts, batch_key, row_list, updated)"
            " VALUES (?,?,?,'sending',1,?,?,?) ON CONFLICT(job_id, batch_id) DO UPDATE SET state='sending',"
            " attempts=attempts+1, row_list=excluded.row_list, updated=excluded.updated",
            (job_id, batch_id, batch_id, batch_key, pack(rows), time.time())))
        self._write(statements)

    def mark_batch(self, job_id: str, batch_id: int, state: str, *, provider_job_id: str | None = None,
                   rows: Sequence[int] | None = None) -> None:
        if state not in BATCH_STATES:
            raise ValueError(state)
        sets, params = ["state=?", "updated=?"], [state, time.time()]
        if provider_job_id is not None:
            sets.append("provider_job_id=?")
            params.append(provider_job_id)
        if rows is not None:
            sets.append("row_list=?")
            params.append(pack(rows))
        self._write([(f"UPDATE batches SET {', '.join(sets)} WHERE job_id=? AND batch_id=?",
                      (*params, job_id, batch_id))])

    def resolve_batch(self, job_id: str, batch_id: int, state: str, outcomes: Sequence[tuple[int, str, str]],
                      *, result: Mapping[str, Any] | None = None, rows: Sequence[int] | None = None,
                      counts: Mapping[str, int] | None = None) -> None:
        """In one transaction: the batch's final state and its rows' ``(row, outcome, reason)``."""
        self.write_resolution(Resolution(job_id, batch_id, state, outcomes, result, rows, counts))

    def write_resolution(self, resolved: Resolution) -> None:
        self._write(resolve_statements(resolved, pack))



def _private_file(path: Path) -> None:
    """Create ``path`` readable by its owner only (0600 on POSIX; it holds phones and names), or tighten it.

    SQLite gives the ``-wal`` and ``-shm`` files the database file's permissions.
    """
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        if os.fstat(fd).st_mode & 0o077:
            os.fchmod(fd, 0o600)
    finally:
        os.close(fd)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        try:
            if side.stat().st_mode & 0o077:
                side.chmod(0o600)
        except OSError:
            pass

"""The SQLite journal: schema, recovery, batches committed before requests, disk full, read-only."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from engine_fakes import new_job, vn_records

from campaign_gui.domain.models import RowOutcome
from campaign_gui.upload.journal import Journal
from campaign_gui.upload.journal_errors import JournalError, JournalFull


def test_pragmas_and_tables(tmp_path: Path) -> None:
    j = Journal.open(tmp_path)
    assert j._query("PRAGMA journal_mode")[0][0] == "wal"
    assert j._query("PRAGMA synchronous")[0][0] == 2  # FULL
    assert j._query("PRAGMA busy_timeout")[0][0] == 5000
    names = {r[0] for r in j._query("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"jobs", "rows", "batches"} <= names
    j.close()


def test_rows_and_counts_round_trip(tmp_path: Path) -> None:
    j = Journal.open(tmp_path / "d")
    job = new_job(tmp_path, j, vn_records(30, invalid=[3], duplicate=[4]))
    rec = j.get_job(job)
    assert (rec.rows, rec.valid, rec.invalid, rec.duplicates) == (30, 28, 1, 1)
    assert rec.counts == {"pending": 28, "invalid": 1, "duplicate": 1}
    assert j.get_job(job[:6]).id == job  # a unique prefix finds the job
    pending = j.pending_rows(job, -1, 5)
    assert [r.index for r in pending] == [2, 5, 6, 7, 8]
    assert pending[0].phone == "+84910000000" and pending[0].name == "Người 0"
    assert [r.index for r in j.pending_rows(job, 8, 2)] == [9, 10]
    j.close()


def test_batch_lifecycle_and_recover(tmp_path: Path) -> None:
    j = Journal.open(tmp_path / "d")
    job = new_job(tmp_path, j, vn_records(10))
    j.set_job_state(job, "running")
    j.begin_batch(job, 1, "k1", [2, 3, 4])
    j.begin_batch(job, 2, "k2", [5, 6])
    j.resolve_batch(job, 2, "done", [(5, "added", ""), (6, "skipped", "already there")],
                    result={"added": 1}, counts={"pending": 8, "added": 1, "skipped": 1})
    # a second connection (a new process after a crash) sees exactly what was committed
    other = Journal.open(tmp_path / "d")
    assert [b.state for b in other.batches(job)] == ["sending", "done"]
    assert other.recover() == [job]
    assert [b.state for b in other.open_batches(job)] == ["unknown"]
    assert other.open_batches(job)[0].rows == (2, 3, 4)
    assert other.get_job(job).state == "interrupted"
    assert other.outcome_counts(job) == {"pending": 8, "added": 1, "skipped": 1}
    assert other.next_batch_id(job) == 3
    j.begin_batch(job, 1, "k1", [2, 3])  # resent with fewer rows: attempts counted
    b = other.batches(job)[0]
    assert (b.state, b.attempts, b.rows) == ("sending", 2, (2, 3))
    j.close()
    other.close()


def test_resolve_is_one_transaction(tmp_path: Path) -> None:
    j = Journal.open(tmp_path / "d")
    job = new_job(tmp_path, j, vn_records(4))
    j.begin_batch(job, 1, "k", [2, 3])
    with pytest.raises(JournalError):  # an invalid batch state mid-way rolls back the row updates
        j._write([("UPDATE rows SET outcome='added' WHERE job_id=? AND row=2", (job,)),
                  ("INSERT INTO nowhere VALUES (1)", ())])
    assert j.outcome_counts(job) == {"pending": 4}
    j.close()


def test_disk_full_raises_journal_full_and_keeps_data(tmp_path: Path) -> None:
    j = Journal.open(tmp_path / "d")
    job = new_job(tmp_path, j, vn_records(50))
    pages = j._query("PRAGMA page_count")[0][0]
    j.close()
    small = Journal(tmp_path / "d" / "journal.sqlite3", max_page_count=pages)
    with pytest.raises(JournalFull) as info:
        small.insert_rows("other", ((i, "+1", "", "x" * 500, "", None, "valid", "pending", "") for i in range(5000)))
    assert "disk is full" in info.value.message
    assert small.outcome_counts(job) == {"pending": 50}
    assert small._query("PRAGMA integrity_check")[0][0] == "ok"
    small.close()


def test_read_only_open(tmp_path: Path) -> None:
    with pytest.raises(JournalError):
        Journal.open(tmp_path / "none", read_only=True)
    j = Journal.open(tmp_path / "d")
    job = new_job(tmp_path, j, vn_records(3))
    ro = Journal.open(tmp_path / "d", read_only=True)
    assert ro.get_job(job).rows == 3
    with pytest.raises(JournalError):
        ro.set_job_state(job, "done")
    ro.close()
    j.close()


def test_finish_pending(tmp_path: Path) -> None:
    j = Journal.open(tmp_path / "d")
    job = new_job(tmp_path, j, vn_records(5, invalid=[2]))
    assert j.finish_pending(job, RowOutcome.FAILED, "not sent: cancelled") == 4
    assert j.outcome_counts(job) == {"failed": 4, "invalid": 1}
    j.close()


def test_bulk_insert_is_chunked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """20k rows go in through executemany chunks of at most CHUNK rows (the benchmark measures speed)."""
    import campaign_gui.upload.journal as journal_mod

    monkeypatch.setattr(journal_mod, "CHUNK", 3000)
    j = Journal.open(tmp_path / "d")
    sizes: list[int] = []
    real_write = j._write

    def recording_write(ops: list) -> object:
        sizes.extend(len(args[1]) for kind, args in ops if kind == "many")
        return real_write(ops)

    monkeypatch.setattr(j, "_write", recording_write)
    job = new_job(tmp_path, j, vn_records(20_000))
    assert sizes == [3000] * 6 + [2000]  # one executemany per chunk, the last one the remainder
    assert j.get_job(job).rows == 20_000
    assert j._query("SELECT COUNT(*) FROM rows WHERE job_id=?", (job,))[0][0] == 20_000
    j.close()


def test_corrupt_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "journal.sqlite3").write_bytes(b"not a database at all" * 100)
    with pytest.raises(JournalError) as info:
        Journal.open(tmp_path)
    assert "journal" in info.value.message
    assert not isinstance(info.value.__cause__, sqlite3.Error)

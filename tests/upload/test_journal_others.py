"""The journal's ``others`` column (the unmapped source columns): added to a journal made before it existed, read
as empty by a read-only reader of such a journal, never part of what is sent."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from campaign_gui.upload.journal import JOURNAL_NAME, Journal

OLD_ROWS = """CREATE TABLE rows (
    job_id TEXT NOT NULL, row INTEGER NOT NULL, phone TEXT, original_phone TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '', extra TEXT, status TEXT NOT NULL,
    outcome TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', batch_id INTEGER,
    PRIMARY KEY (job_id, row)
) WITHOUT ROWID"""


def old_journal(data: Path) -> None:
    data.mkdir()
    db = sqlite3.connect(data / JOURNAL_NAME)
    db.execute(OLD_ROWS)
    db.execute("INSERT INTO rows (job_id, row, phone, status, outcome) VALUES ('j', 2, '+84386000001', 'valid',"
               " 'pending')")
    db.commit()
    db.close()


def test_old_journal_read_only_then_upgraded(tmp_path: Path) -> None:
    data = tmp_path / "d"
    old_journal(data)
    with Journal.open(data, read_only=True) as reader:  # never writes: the column is simply absent
        assert [e.others for e in reader.iter_rows("j")] == [{}] and reader.other_columns("j") == []
    with Journal.open(data) as journal:
        assert [e.others for e in journal.iter_rows("j")] == [{}]
        journal.insert_rows("j", [(3, "+84386000002", "0386000002", "An", "", None, "valid", "pending", "",
                                   '{"Tỉnh/Thành": "Huế", "Ghi chú": "=1+1"}')])
        entries = list(journal.iter_rows("j"))
        assert entries[1].others == {"Tỉnh/Thành": "Huế", "Ghi chú": "=1+1"} and entries[1].extra == {}
        assert [r.extra for r in journal.pending_rows("j", 0, 10)] == [{}, {}]  # what is sent: no others
    with Journal.open(data, read_only=True) as reader:
        assert reader.other_columns("j") == []  # the job's first row has none (it came before)
        assert list(reader.iter_rows("j"))[1].others["Ghi chú"] == "=1+1"

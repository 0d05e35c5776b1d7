"""Per-row outcomes of a job for the results page: counted and paged from the journal on demand."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from campaign_gui.upload.journal import JOURNAL_NAME

PAGE = 500


@dataclass(frozen=True)
class OutcomeRow:
    row: int
    outcome: str
    reason: str
    original_phone: str
    phone: str
    name: str


class JobRowsReader:
    """A read-only view of one job's rows, optionally filtered by outcome, paged 500 at a time."""

    def __init__(self, data_dir: Path, job_id: str) -> None:
        path = Path(data_dir) / JOURNAL_NAME
        self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        self.job_id = job_id
        self._outcomes: tuple[str, ...] = ()
        self._count: int | None = None
        self._pages: dict[int, list[OutcomeRow]] = {}

    def set_filter(self, outcomes: Sequence[str]) -> None:
        if tuple(outcomes) == self._outcomes and self._count is not None:
            return
        self._outcomes = tuple(outcomes)
        self._count = None
        self._pages.clear()

    def _where(self) -> tuple[str, list[object]]:
        sql = "job_id=?"
        params: list[object] = [self.job_id]
        if self._outcomes:
            sql += f" AND outcome IN ({','.join('?' * len(self._outcomes))})"
            params.extend(self._outcomes)
        return sql, params

    def count(self) -> int:
        if self._count is None:
            where, params = self._where()
            self._count = int(self._db.execute(f"SELECT COUNT(*) FROM rows WHERE {where}", params).fetchone()[0])
        return self._count

    def counts(self) -> dict[str, int]:
        return {o: n for o, n in self._db.execute(
            "SELECT outcome, COUNT(*) FROM rows WHERE job_id=? GROUP BY outcome", (self.job_id,))}

    def row(self, i: int) -> OutcomeRow | None:
        page, offset = divmod(i, PAGE)
        rows = self._pages.get(page)
        if rows is None:
            if len(self._pages) > 40:
                self._pages.clear()
            where, params = self._where()
            found = self._db.execute(
                f"SELECT row, outcome, reason, original_phone, COALESCE(phone, ''), name FROM rows WHERE {where}"
                " ORDER BY row LIMIT ? OFFSET ?", (*params, PAGE, page * PAGE)).fetchall()
            rows = self._pages[page] = [OutcomeRow(*r) for r in found]
        return rows[offset] if offset < len(rows) else None

    def close(self) -> None:
        self._db.close()

"""BatchSource: pending rows paged out of the journal into batches; rows given back go first."""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_fakes import vn_records

from campaign_gui.domain.models import UploadRow
from campaign_gui.upload.batches import PAGE, BatchSource


class Pending:
    """Pending rows 2..n+1 as the journal's ``pending_rows(after, limit)`` gives them; records each read."""

    def __init__(self, n: int) -> None:
        self.rows = [UploadRow(i, f"+8491{i:07d}") for i in range(2, n + 2)]
        self.reads: list[tuple[int, int]] = []

    async def __call__(self, after: int, limit: int) -> list[UploadRow]:
        self.reads.append((after, limit))
        return [r for r in self.rows if r.index > after][:limit]


def numbers(rows: list[UploadRow]) -> list[int]:
    return [r.index for r in rows]


async def drain(source: BatchSource) -> list[list[int]]:
    out = []
    while (batch := await source.next_batch()) is not None:
        out.append(numbers(batch.rows))
    return out


async def test_batches_in_row_order_with_keys_and_ids_from_first_id() -> None:
    pending = Pending(25)
    source = BatchSource(pending, "job1", 10, first_id=4)
    first = await source.next_batch()
    assert first is not None and first.id == 4 and first.key == "job1-00004" and first.state == "planned"
    assert numbers(first.rows) == list(range(2, 12))
    assert await drain(source) == [list(range(12, 22)), list(range(22, 27))]
    assert source.next_id == 7
    assert await source.next_batch() is None
    assert pending.reads == [(-1, PAGE), (26, PAGE)]  # one page, then the end; nothing read after it


async def test_pages_are_read_after_the_cursor() -> None:
    pending = Pending(PAGE + 30)
    source = BatchSource(pending, "j", 300)
    batches = await drain(source)
    assert sum(len(b) for b in batches) == PAGE + 30
    assert [r for b in batches for r in b] == list(range(2, PAGE + 32))
    assert pending.reads == [(-1, PAGE), (PAGE + 1, PAGE), (PAGE + 31, PAGE)]
    assert batches[16] == list(range(4802, 5032))  # a batch spans two pages (the last rows)


async def test_rows_given_back_go_first_in_their_order() -> None:
    source = BatchSource(Pending(30), "j", 5)
    first = await source.next_batch()
    second = await source.next_batch()
    assert first is not None and second is not None
    source.give_back(second.rows[3:])  # rows 10, 11
    assert source.given_back
    source.give_back(first.rows[2:4])  # rows 4, 5: ahead of the ones given back before
    assert await drain(source) == [[4, 5, 10, 11, 12], list(range(13, 18)), list(range(18, 23)),
                                   list(range(23, 28)), [28, 29, 30, 31]]
    assert not source.given_back


async def test_excluded_rows_stay_out_until_included() -> None:
    source = BatchSource(Pending(12), "j", 4)
    source.exclude([3, 4, 9])
    assert await drain(source) == [[2, 5, 6, 7], [8, 10, 11, 12], [13]]
    source = BatchSource(Pending(12), "j", 4)
    source.exclude([3, 4])
    source.include([4])
    assert (await drain(source))[0] == [2, 4, 5, 6]


async def test_size_only_shrinks_and_a_limit_overrides_it() -> None:
    source = BatchSource(Pending(30), "j", 10)
    assert source.shrink(4) == 4
    assert source.shrink(8) == 4
    assert source.shrink(0) == 1
    assert numbers((await source.next_batch()).rows) == [2]  # type: ignore[union-attr]
    whole = BatchSource(Pending(30), "j", 10, limit=1000)  # one campaign with every row
    assert await drain(whole) == [list(range(2, 32))]


async def test_pages_a_real_journal(tmp_path: Path) -> None:
    from engine_fakes import new_job

    from campaign_gui.upload.journal import Journal

    journal = Journal.open(tmp_path / "data")
    try:
        job = new_job(tmp_path, journal, vn_records(23, invalid=[5]))

        async def fetch(after: int, limit: int) -> list[UploadRow]:
            return journal.pending_rows(job, after, limit)

        batches = await drain(BatchSource(fetch, job, 10))
        assert batches == [[2, 3, 4, *range(6, 13)], list(range(13, 23)), [23, 24]]
    finally:
        journal.close()


@pytest.mark.parametrize("size", [1, 7])
async def test_every_row_once_whatever_the_size(size: int) -> None:
    source = BatchSource(Pending(40), "j", size)
    rows = [r for b in await drain(source) for r in b]
    assert rows == list(range(2, 42))


async def test_rewind_pages_rows_made_pending_again_from_the_start() -> None:
    """After a verification puts rows back to pending, a rewound source hands them out (new batch ids)."""
    pending = Pending(12)
    source = BatchSource(pending, "job1", 10)
    assert await drain(source) == [list(range(2, 12)), [12, 13]]
    pending.rows = [r for r in pending.rows if r.index in (3, 4, 12)]  # what the read-back proved absent
    assert await source.next_batch() is None  # exhausted until rewound
    before = len(pending.reads)
    source.rewind()
    again = await source.next_batch()
    assert again is not None and numbers(again.rows) == [3, 4, 12] and again.id == 3
    assert pending.reads[before][0] == -1  # read again from the start
    assert await source.next_batch() is None

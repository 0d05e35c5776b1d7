"""A big sheet's last part walked by a real child process: same answers as one process, whatever happens to
the child (lost, never started, the part unreadable, the validation cancelled)."""

from __future__ import annotations

import multiprocessing
import tempfile
import threading
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from sheet_files import leftovers

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading import part_worker, xlsx_split
from campaign_gui.reading import reader as reader_mod
from campaign_gui.reading import walk as walk_mod
from campaign_gui.reading.source import Cancelled
from campaign_gui.reading.validate import ValidationResult, validate_file

ROWS = 12_000


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Shared strings, numbers, duplicates within and across the parts, invalid phones, a gap of blank rows,
    an extra column (first/last names composed)."""
    path = tmp_path_factory.mktemp("book") / "big.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Big")
    ws.write_row(0, 0, ["Số điện thoại", "Họ", "Tên", "Email"])
    for r in range(1, ROWS + 1):
        phone: object = f"09{r:08d}" if r % 4 else 900000000 + r
        if r % 97 == 0:
            phone = f"09{r - 50:08d}"  # a duplicate of a row 50 above
        if r % 1009 == 0:
            phone = f"09{r % 300 + 1:08d}"  # a duplicate of a row in the first part
        if r % 89 == 0:
            phone = f"0{r % 1000:04d}"  # too short
        if 10_400 <= r < 10_500:
            continue  # blank rows inside the last part
        ws.write_row(r, 0, [phone, f"Nguyễn {r}", "Văn An", f"u{r}@example.vn" if r % 3 else ""])
    wb.close()
    return path


@pytest.fixture
def split(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Big sheets split from 1 KiB on; part files go to a folder of their own (returned)."""
    monkeypatch.setattr(reader_mod, "SPLIT_MIN", 1024)
    monkeypatch.setattr(xlsx_split, "STRINGS_BIG", 1 << 40)
    parts = tmp_path / "parts"
    parts.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(parts))
    return parts


def _expected(book: Path) -> ValidationResult:
    return validate_file(book, workers=0, offload=False)


def _same(got: ValidationResult, want: ValidationResult) -> None:
    assert got.counts() == want.counts() and got.reasons == want.reasons
    assert list(got.records()) == list(want.records())


def _spy(monkeypatch: pytest.MonkeyPatch, name: str) -> list[Any]:
    calls: list[Any] = []
    real = getattr(part_worker.PartWorker, name)

    def spy(self: part_worker.PartWorker, *args: Any) -> Any:
        out = real(self, *args)
        calls.append(out)
        return out

    monkeypatch.setattr(part_worker.PartWorker, name, spy)
    return calls


def test_the_last_part_walked_by_a_child_gives_the_same_answers(book: Path, split: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    want = _expected(book)
    assert want.duplicates > 100 and want.invalid > 100 and want.blank == 100
    taken = _spy(monkeypatch, "take")
    merged: list[int] = []
    real_merge = walk_mod.Walk.merge

    def merge(walk: Any, part: Any, *rest: Any) -> None:
        merged.append(len(part.row_no))
        real_merge(walk, part, *rest)

    monkeypatch.setattr(walk_mod.Walk, "merge", merge)
    seen: list[int] = []
    got = validate_file(book, workers=0, progress=seen.append)
    assert taken == [True] and merged and 0.25 * ROWS < merged[0] < 0.45 * ROWS  # the last ~36 % of the rows
    _same(got, want)
    assert seen == sorted(seen) and seen[-1] == ROWS  # the child's rows count as they are walked
    assert not leftovers(split)


def test_a_lost_child_leaves_its_part_to_this_process(book: Path, split: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    want = _expected(book)
    real_take = part_worker.PartWorker.take

    def take_and_die(self: part_worker.PartWorker, path: Path, start: int) -> bool:
        taken = real_take(self, path, start)
        self.proc.kill()  # killed (out of memory, a user's task manager…) before it answers
        return taken

    monkeypatch.setattr(part_worker.PartWorker, "take", take_and_die)
    walked_here = _spy(monkeypatch, "local_rows")
    _same(validate_file(book, workers=0), want)
    assert len(walked_here) == 1
    assert not leftovers(split)


def test_without_a_child_process_the_part_is_parsed_here(book: Path, split: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    want = _expected(book)

    def cannot_start(self: Any) -> None:
        raise OSError("no way to start Python here")

    monkeypatch.setattr("multiprocessing.context.SpawnProcess.start", cannot_start)
    taken = _spy(monkeypatch, "take")
    loaders: list[int] = []
    real_close = xlsx_split._Pool.close

    def close(pool: xlsx_split._Pool) -> None:
        loaders.append(len(pool._threads))
        real_close(pool)

    monkeypatch.setattr(xlsx_split._Pool, "close", close)
    _same(validate_file(book, workers=0), want)
    assert taken == [False]
    assert loaders == [xlsx_split.LOADERS]  # the part left here is parsed as without a child
    assert not leftovers(split)


def test_an_unreadable_last_part_is_reported_in_the_users_terms(book: Path, split: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    real_take = part_worker.PartWorker.take

    def take_broken(self: part_worker.PartWorker, path: Path, start: int) -> bool:
        path.write_bytes(b"PK\x03\x04 not a zip any more")
        return real_take(self, path, start)

    monkeypatch.setattr(part_worker.PartWorker, "take", take_broken)
    with pytest.raises(ImportInputError) as err:
        validate_file(book, workers=0)
    assert err.value.kind == "corrupt" and "damaged" in err.value.message.lower()
    assert not leftovers(split)


def test_cancelling_stops_the_child_and_removes_the_parts(book: Path, split: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    cancel = threading.Event()
    children: list[part_worker.PartWorker] = []
    real_walk = part_worker.PartWorker.walk

    def walk(self: part_worker.PartWorker, *args: Any) -> None:
        children.append(self)
        real_walk(self, *args)

    monkeypatch.setattr(part_worker.PartWorker, "walk", walk)

    def progress(done: int) -> None:
        if done >= 3000:
            cancel.set()

    joins: list[float | None] = []
    real_join = multiprocessing.process.BaseProcess.join

    def join(proc: Any, timeout: float | None = None) -> None:
        joins.append(timeout)
        real_join(proc, timeout)

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "join", join)
    with pytest.raises(Cancelled):
        validate_file(book, workers=0, cancel=cancel, progress=progress)
    assert len(children) == 1 and children[0].proc is None  # stopped and reaped
    # killed at once: a busy child is not given 2 s to stop (it may be blocked sending its columns)
    assert joins == [None]
    assert not leftovers(split)


def test_the_child_knows_running_numbers_and_multi_number_cells(split: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A numbered template (STT down to the end, contacts on some rows) and cells of two numbers, the last
    part walked by the child: the STT-only rows are blank there too, the numbers of each cell kept."""
    path = tmp_path / "stt.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Mẫu")
    ws.write_row(0, 0, ["STT", "Họ tên", "Số điện thoại"])
    for r in range(1, ROWS + 1):
        if r % 3 == 0:
            ws.write_row(r, 0, [r])  # numbered, nothing else
        else:
            phone = f"09{r:08d}" if r % 50 else f"09{r:08d} - 09{r + 1:08d}"
            ws.write_row(r, 0, [r, f"Khách {r}", phone])
    wb.close()
    want = validate_file(path, workers=0, offload=False)
    assert want.blank == ROWS // 3 and want.rows == ROWS - ROWS // 3
    assert want.reasons == {"several_numbers": want.invalid} and want.multi_number_rows == want.invalid > 100
    taken = _spy(monkeypatch, "take")
    got = validate_file(path, workers=0)
    assert taken == [True]
    _same(got, want)
    assert got.multi_number_rows == want.multi_number_rows
    assert list(got.split_numbers().records()) == list(want.split_numbers().records())

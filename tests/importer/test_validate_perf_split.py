"""Big sheets cut into several parts parsed in parallel read and validate exactly like the whole sheet."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import xlsxwriter

from campaign_gui.importer import reader as reader_mod
from campaign_gui.importer import xlsx_split
from campaign_gui.importer.reader import open_source
from campaign_gui.importer.validate import validate_file


def _write(path: Path, rows: int, shared: bool) -> Path:
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": not shared})
    ws = wb.add_worksheet("Big")
    ws.write_row(0, 0, ["Phone", "Name", "Email", "Note"])
    for r in range(1, rows + 1):
        phone: object = f"09{r:08d}" if r % 4 else 900000000 + r
        if r % 97 == 0:
            phone = f"09{r - 50:08d}"  # a duplicate
        if r % 89 == 0:
            phone = f"0{r % 1000:04d}"  # too short
        if 4000 <= r < 4300:
            continue  # a gap of empty rows, maybe across a cut
        ws.write_row(r, 0, [phone, f"Tên {r}", f"u{r}@example.vn" if r % 3 else "", "VIP" if r % 7 == 0 else ""])
    wb.close()
    return path


def _trimmed(rows: list[list[object]]) -> list[list[object]]:
    out = []
    for row in rows:
        row = list(row)
        while row and row[-1] == "":
            row.pop()
        out.append(row)
    return out


@pytest.mark.parametrize("shared", [False, True])
def test_sheet_in_four_parts_reads_and_validates_like_the_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                shared: bool) -> None:
    p = _write(tmp_path / "big.xlsx", 12_000, shared)
    with open_source(p) as src:
        whole = list(src.iter_rows_fast(0))
    expected = validate_file(p, workers=0)
    monkeypatch.setattr(reader_mod, "SPLIT_MIN", 1024)
    monkeypatch.setattr(xlsx_split, "PART_BYTES", 1024)
    monkeypatch.setattr(xlsx_split, "STRINGS_BIG", 1 << 40)
    starts: list[int] = []
    real_add = xlsx_split._Pool.add

    def add(pool: xlsx_split._Pool, path: Path, start: int) -> None:
        starts.append(start)
        real_add(pool, path, start)

    monkeypatch.setattr(xlsx_split._Pool, "add", add)
    parts_dir = tmp_path / "parts"
    parts_dir.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(parts_dir))
    with open_source(p) as src:
        parts = list(src.iter_rows_fast(0))
    assert len(starts) == xlsx_split.MAX_PARTS and starts[0] == 0 and starts == sorted(set(starts))
    assert _trimmed(parts) == _trimmed(whole)
    split = validate_file(p, workers=0)
    assert not list(parts_dir.iterdir())  # every part file removed
    assert split.counts() == expected.counts() and split.reasons == expected.reasons
    assert list(split.records()) == list(expected.records())
    assert split.duplicates > 100 and split.invalid > 100


def test_fewer_parts_for_a_big_shared_strings_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = _write(tmp_path / "s.xlsx", 3_000, shared=True)
    monkeypatch.setattr(xlsx_split, "PART_BYTES", 1024)
    assert xlsx_split.part_count(p, "xl/worksheets/sheet1.xml") == xlsx_split.MAX_PARTS
    monkeypatch.setattr(xlsx_split, "STRINGS_BIG", 1024)
    assert xlsx_split.part_count(p, "xl/worksheets/sheet1.xml") < xlsx_split.MAX_PARTS


def test_an_abandoned_walk_removes_the_part_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = _write(tmp_path / "a.xlsx", 6_000, shared=False)
    monkeypatch.setattr(reader_mod, "SPLIT_MIN", 1024)
    monkeypatch.setattr(xlsx_split, "PART_BYTES", 1024)
    parts_dir = tmp_path / "parts"
    parts_dir.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(parts_dir))
    cuts: list[int | None] = []
    real = xlsx_split.split_package

    def spy(*args: object, **kw: object) -> int | None:
        cut = real(*args, **kw)  # type: ignore[arg-type]
        cuts.append(cut)
        return cut

    monkeypatch.setattr(xlsx_split, "split_package", spy)
    with open_source(p) as src:
        rows = src.iter_rows_fast(0)
        assert next(rows)[0] == "Phone"
        rows.close()  # type: ignore[attr-defined]  # a generator: stop after the first row
    assert cuts and cuts[0] is not None  # the sheet was split
    assert not list(parts_dir.iterdir())

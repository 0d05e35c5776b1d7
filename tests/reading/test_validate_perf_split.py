"""Big sheets cut into several parts parsed in parallel read and validate exactly like the whole sheet."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import xlsxwriter
from sheet_files import leftovers

from campaign_gui.reading import reader as reader_mod
from campaign_gui.reading import xlsx_split
from campaign_gui.reading.reader import open_source
from campaign_gui.reading.validate import validate_file


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

    folders: set[Path] = set()

    def add(pool: xlsx_split._Pool, path: Path, start: int) -> None:
        starts.append(start)
        folders.add(path.parent.parent)
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
    assert folders == {parts_dir}  # the parts were written there (in this process's scratch folder)
    assert not leftovers(parts_dir)  # every part file removed
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
    assert not leftovers(parts_dir)


def test_strings_prefix_keeps_exactly_the_first_items() -> None:
    items = [b"<si><t>%d</t></si>" % i for i in range(50)] + [b"<si/>", b"<si><r><t>rich</t></r></si>"]
    sst = b'<?xml version="1.0"?><sst count="52" uniqueCount="52">' + b"".join(items) + b"</sst>"
    for keep in (0, 1, 7, 49, 50):
        cut = xlsx_split.strings_prefix(sst, keep, step=40)  # small steps: the count crosses step bounds
        assert cut is not None and cut.endswith(b"</sst>")
        assert cut.count(b"<si>") == keep and cut.startswith(sst[:sst.index(b"<si>")])
    assert xlsx_split.strings_prefix(sst, 51) is None  # '<si/>' is not counted: kept whole
    assert xlsx_split.strings_prefix(sst, 52) is None
    assert xlsx_split.strings_prefix(b"<sst/>", 3) is None


def _part_strings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    """(source table size, part table size) for every part package written."""
    sizes: list[tuple[int, int]] = []
    real = xlsx_split.strings_for

    def spy(sst: bytes, tail: bytes) -> bytes:
        out = real(sst, tail)
        sizes.append((len(sst), len(out)))
        return out

    monkeypatch.setattr(xlsx_split, "strings_for", spy)
    return sizes


def test_the_first_parts_carry_only_the_strings_they_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = _write(tmp_path / "big.xlsx", 12_000, shared=True)
    with open_source(p) as src:
        whole = list(src.iter_rows_fast(0))
    monkeypatch.setattr(reader_mod, "SPLIT_MIN", 1024)
    monkeypatch.setattr(xlsx_split, "STRINGS_BIG", 1 << 40)
    monkeypatch.setattr(xlsx_split, "STRINGS_SLACK", 0)  # exactly the highest index seen near the end
    sizes = _part_strings(monkeypatch)
    retried: list[Path] = []
    real_retry = xlsx_split.with_all_strings
    monkeypatch.setattr(xlsx_split, "with_all_strings", lambda part, src: retried.append(part) or real_retry(part, src))
    with open_source(p) as src:
        parts = list(src.iter_rows_fast(0))
    assert _trimmed(parts) == _trimmed(whole)
    assert len(sizes) == 3 and not retried
    assert sizes[0][1] < 0.4 * sizes[0][0] and sizes[1][1] < 0.8 * sizes[1][0]  # about 20 % and 60 % of it
    assert sizes[2][1] == sizes[2][0]


def _strings_out_of_order(src: Path, dst: Path) -> None:
    """The same workbook with its header's four strings moved to the end of the shared-strings table (the
    cells renumbered to match), as after editing the header of a saved sheet: the first part's last rows
    then use low numbers while its first row uses the highest."""
    import re
    import zipfile

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        sst = zin.read("xl/sharedStrings.xml")
        items = re.findall(rb"<si>.*?</si>", sst, flags=re.S)
        n = len(items)
        head, tail = sst[:sst.index(b"<si>")], sst[sst.rindex(b"</si>") + 5:]
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/sharedStrings.xml":
                data = head + b"".join(items[4:] + items[:4]) + tail
            elif info.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'(t="s"><v>)(\d+)(</v>)',
                              lambda m: m.group(1) + str((int(m.group(2)) - 4) % n).encode() + m.group(3), data)
            zout.writestr(info, data)


def test_a_table_not_in_order_of_use_is_parsed_again_in_full(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "reordered.xlsx"
    _strings_out_of_order(_write(tmp_path / "big.xlsx", 12_000, shared=True), p)
    with open_source(p) as src:
        whole = list(src.iter_rows_fast(0))
        preview = src.preview(0, 30)
    expected = validate_file(p, workers=0)
    assert whole[1][1] == "Tên 1" and preview[1][1] == "Tên 1"
    monkeypatch.setattr(reader_mod, "SPLIT_MIN", 1024)
    monkeypatch.setattr(xlsx_split, "STRINGS_BIG", 1 << 40)
    sizes = _part_strings(monkeypatch)
    retried: list[Path] = []
    real_retry = xlsx_split.with_all_strings

    def retry(part: Path, src: Path) -> Path | None:
        retried.append(part)
        return real_retry(part, src)

    monkeypatch.setattr(xlsx_split, "with_all_strings", retry)
    real_head = xlsx_split.head_package
    monkeypatch.setattr(reader_mod, "head_package", lambda *a: real_head(*a, head_bytes=200_000))
    monkeypatch.setattr(xlsx_split, "TAIL", 20_000)  # a part's tail then misses the header row
    parts_dir = tmp_path / "parts"
    parts_dir.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(parts_dir))
    with open_source(p) as src:
        parts = list(src.iter_rows_fast(0))
        assert src.preview(0, 30) == preview  # the head package is cut too, and parsed again in full
    assert _trimmed(parts) == _trimmed(whole)
    assert sum(cut < full for full, cut in sizes) >= 3 and len(retried) == 2  # the first part and the head
    split = validate_file(p, workers=0)
    assert list(split.records()) == list(expected.records())
    assert not leftovers(parts_dir)  # the parts and their full copies removed

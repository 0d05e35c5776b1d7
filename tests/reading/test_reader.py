"""Workbooks through calamine: sheets, hidden sheets, merged cells, formulas, odd dimensions, big sheets."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import sheet_files as sf
import xlsxwriter

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading import reader as reader_mod
from campaign_gui.reading import xlsx_split
from campaign_gui.reading.reader import col_letter, open_source
from campaign_gui.reading.source import Cancelled

ROWS = [["Phone", "Name"], ["0901234567", "An"], [912345678, "Bình"]]


def test_several_sheets_and_hidden_ones(tmp_path: Path) -> None:
    p = sf.write_xlsx(tmp_path / "s.xlsx", {"Hidden": [["x"]], "Data": ROWS, "Secret": [["y"]], "Notes": [["n"]]},
                      hidden=["Hidden"], very_hidden=["Secret"])
    with open_source(p) as src:
        assert src.sheet_names == ["Hidden", "Data", "Secret", "Notes"]
        assert src.hidden_sheets() == {"Hidden", "Secret"}
        infos = src.sheets
        assert [(i.name, i.index, i.rows, i.cols, i.hidden) for i in infos] == [
            ("Hidden", 0, 1, 1, True), ("Data", 1, 3, 2, False), ("Secret", 2, 1, 1, True), ("Notes", 3, 1, 1, False)]
        assert src.resolve_sheet(None) == 1  # the first visible sheet
        assert src.resolve_sheet("data") == 1
        assert list(src.iter_rows("Notes")) == [["n"]]
        with pytest.raises(ImportInputError) as info:
            src.resolve_sheet("Missing")
        assert info.value.kind == "unknown_sheet" and "'Data'" in info.value.message


def test_raw_values_numbers_come_as_floats(tmp_path: Path) -> None:
    p = sf.write_xlsx(tmp_path / "v.xlsx", {"S": [["Phone", "Ok", "N"], [901234567, True, None], [8.4901e10, False, 1.5]]})
    with open_source(p) as src:
        rows = list(src.iter_rows(0))
    assert rows[1] == [901234567.0, True, None]
    assert isinstance(rows[1][0], float)
    assert rows[2] == [84901000000.0, False, 1.5]


def test_leading_blank_rows_and_columns_keep_positions(tmp_path: Path) -> None:
    p = sf.write_xlsx(tmp_path / "off.xlsx", {"S": [[], [], [None, None, "Phone"], [None, None, "0901234567"]]})
    with open_source(p) as src:
        rows = list(src.iter_rows(0))
        assert rows[2] == [None, None, "Phone"] and rows[3] == [None, None, "0901234567"]
        assert rows[0] == [None, None, None]
        assert list(src.iter_rows(0, start_row=3)) == [[None, None, "0901234567"]]
        assert src.preview(0, n=2) == rows[:2]


def test_merged_cells_reported(tmp_path: Path) -> None:
    p = sf.write_xlsx(tmp_path / "m.xlsx", {"S": [["Title"], ["Phone", "Name"], ["0901234567", "An"]]},
                      merges={"S": ["A1:B1"]})
    with open_source(p) as src:
        assert src.sheets[0].rows == 3
        assert any("merged cells A1:B1" in w and "'S'" in w for w in src.warnings)


def test_formula_without_cached_value_reported(tmp_path: Path) -> None:
    p = sf.write_xlsx(tmp_path / "f.xlsx", {"S": [["Phone", "Name"], ["0901234567", "=A2&\"x\""],
                                                  ["=\"0912\"&\"345678\"", "B"]]})
    with open_source(p) as src:
        rows = list(src.iter_rows(0))
        assert rows[2][0] is None  # no value saved: read as empty, not guessed
        warning = next(w for w in src.warnings if "formula" in w)
        assert "B2" in warning and "A3" in warning and "2 formula" in warning


def test_formula_with_cached_value_is_read(tmp_path: Path) -> None:
    p = tmp_path / "cached.xlsx"
    wb = xlsxwriter.Workbook(str(p))
    ws = wb.add_worksheet("S")
    ws.write_row(0, 0, ["Phone", "Name"])
    ws.write_formula(1, 0, '="0901"&"234567"', None, "0901234567")
    ws.write_string(1, 1, "An")
    wb.close()
    with open_source(p) as src:
        assert list(src.iter_rows(0))[1] == ["0901234567", "An"]
        assert not any("formula" in w for w in src.warnings)


def test_wrong_dimension_record(tmp_path: Path) -> None:
    p = sf.write_xlsx(tmp_path / "dim.xlsx", {"S": ROWS + [[f"09{i:08d}", f"n{i}"] for i in range(50)]})
    sf.patch_zip(p, "xl/worksheets/sheet1.xml", lambda d: sf.set_dimension(d, "A1:A1"))
    with open_source(p) as src:
        rows = list(src.iter_rows(0))
    assert len(rows) == 53 and rows[-1] == ["0900000049", "n49"]


def test_styled_empty_rows_after_data(tmp_path: Path) -> None:
    p = sf.write_xlsx(tmp_path / "styled.xlsx", {"S": ROWS})
    sf.patch_zip(p, "xl/worksheets/sheet1.xml",
                 lambda d: sf.set_dimension(sf.styled_empty_rows(d, 4, 200_000), "A1:B200003"))
    with open_source(p) as src:
        rows = [r for r in src.iter_rows(0) if any(v is not None for v in r)]
    assert rows == [["Phone", "Name"], ["0901234567", "An"], [912345678.0, "Bình"]]


def test_big_sheet_split_in_parts_reads_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = [["Phone", "Name", "Email"]] + [[f"09{i:08d}" if i % 3 else 900000000 + i, f"Tên {i}", ""]
                                           for i in range(12_000)]
    p = tmp_path / "big.xlsx"
    wb = xlsxwriter.Workbook(str(p), {"constant_memory": True})
    ws = wb.add_worksheet("Big")
    for r, row in enumerate(data):
        ws.write_row(r, 1, row)  # start in column B: the halves must keep column positions
    wb.close()
    with open_source(p) as src:
        whole = list(src.iter_rows_fast(0))
    monkeypatch.setattr(reader_mod, "SPLIT_MIN", 1024)
    calls: list[int] = []
    real = xlsx_split.split_package

    def spy(*args: object, **kw: object) -> object:
        cut = real(*args, **kw)  # type: ignore[arg-type]
        calls.append(cut if isinstance(cut, int) else -1)
        return cut

    monkeypatch.setattr(xlsx_split, "split_package", spy)
    with open_source(p) as src:
        halves = list(src.iter_rows_fast(0))
    assert calls and 1_500 < calls[0] < 3_500  # the first part holds about a fifth of the rows
    def trimmed(rows: list[list[object]]) -> list[list[object]]:
        out = []
        for r in rows:
            r = list(r)
            while r and r[-1] == "":
                r.pop()
            out.append(r)
        return out

    assert trimmed(halves) == trimmed(whole)
    assert len(halves) == 12_001
    assert trimmed(halves[1:2]) == [["", 900000000.0, "Tên 0"]]
    assert not list(tmp_path.glob("*.tmp"))


def test_cancel_between_chunks(tmp_path: Path) -> None:
    p = sf.write_xlsx(tmp_path / "c.xlsx", {"S": [[f"09{i:08d}"] for i in range(10)]})
    cancel = threading.Event()
    cancel.set()
    with open_source(p) as src, pytest.raises(Cancelled):
        list(src.iter_rows(0, cancel=cancel))


def test_corrupt_sheet_xml_is_a_clear_error(tmp_path: Path) -> None:
    p = sf.write_xlsx(tmp_path / "bad.xlsx", {"S": ROWS})
    sf.patch_zip(p, "xl/worksheets/sheet1.xml", lambda d: d[: len(d) // 2])
    with pytest.raises(ImportInputError) as info:
        with open_source(p) as src:
            list(src.iter_rows(0))
    assert info.value.kind == "corrupt"


def test_col_letter() -> None:
    assert [col_letter(i) for i in (0, 1, 25, 26, 27, 701, 702)] == ["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]


def test_big_sheet_preview_reads_only_the_head(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "head.xlsx"
    wb = xlsxwriter.Workbook(str(p), {"constant_memory": True})
    ws = wb.add_worksheet("Big")
    ws.write_row(0, 0, ["Phone", "Name"])
    for r in range(1, 8_000):
        ws.write_row(r, 0, [f"09{r:08d}", f"Tên {r}"])
    wb.close()
    monkeypatch.setattr(reader_mod, "SPLIT_MIN", 1024)
    head_bytes: list[int] = []
    real = xlsx_split.head_package

    def spy(src: Path, member: str, tmpdir: str, head: int = 64 * 1024) -> Path | None:
        head_bytes.append(head)
        return real(src, member, tmpdir, head)

    monkeypatch.setattr(reader_mod, "head_package", spy)
    with open_source(p) as src:
        rows = src.preview("Big", n=5)
        assert rows == [["Phone", "Name"]] + [[f"09{r:08d}", f"Tên {r}"] for r in range(1, 5)]
        assert src._loaded is None  # the sheet itself was not parsed
    assert head_bytes == [64 * 1024]


def test_ods(tmp_path: Path) -> None:
    p = sf.write_ods(tmp_path / "lo.ods", "Danh bạ", [["Phone", "Tên"], [901234567, "Lê Văn Tám"]])
    with open_source(p) as src:
        assert src.kind == "ods" and src.sheet_names == ["Danh bạ"]
        assert list(src.iter_rows(0)) == [["Phone", "Tên"], [901234567.0, "Lê Văn Tám"]]


def test_big_sheet_size_from_a_streaming_scan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = sf.write_xlsx(tmp_path / "size.xlsx", {"S": [["Phone", "Name", None, "Note"]]
                                               + [[f"09{i:08d}", f"n{i}"] for i in range(3000)]})
    sf.patch_zip(p, "xl/worksheets/sheet1.xml",
                 lambda d: sf.set_dimension(sf.styled_empty_rows(d, 3002, 5000), "A1:D9000"))
    with open_source(p) as src:
        exact = src.sheets[0]
    monkeypatch.setattr(reader_mod, "SPLIT_MIN", 1024)
    with open_source(p) as src:
        quick = src.sheets[0]
        assert src._loaded is None
    assert quick == exact
    assert (exact.rows, exact.cols) == (3001, 4)


def _shared_strings_book(path: Path) -> Path:
    wb = xlsxwriter.Workbook(str(path))  # text goes into a shared-strings table, as Excel writes it
    data = wb.add_worksheet("Data")
    for r, row in enumerate(ROWS):
        data.write_row(r, 0, row)
    wb.add_worksheet("Hidden").hide()
    wb.close()
    return path


@pytest.mark.parametrize("light", [False, True])
def test_a_big_string_table_is_not_parsed_to_list_the_sheets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              light: bool) -> None:
    if light:
        monkeypatch.setattr(xlsx_split, "STRINGS_LIGHT", 1)  # as if the table were big
    opened: list[str] = []
    real = reader_mod.pc.CalamineWorkbook.from_path
    monkeypatch.setattr(reader_mod.pc.CalamineWorkbook, "from_path",
                        lambda path: opened.append(path) or real(path))
    p = _shared_strings_book(tmp_path / "s.xlsx")
    with open_source(p) as src:
        assert src.sheet_names == ["Data", "Hidden"] and src.hidden_sheets() == {"Hidden"}
        assert opened == ([] if light else [str(p)])  # light: calamine opens the file when a sheet is read
        assert list(src.iter_rows("Data")) == [["Phone", "Name"], ["0901234567", "An"], [912345678.0, "Bình"]]
        assert src.preview("Data", 2) == [["Phone", "Name"], ["0901234567", "An"]]
        assert opened == [str(p)]


def test_a_broken_string_table_opened_light_is_reported_when_read(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    good = _shared_strings_book(tmp_path / "g.xlsx")
    bad = sf.patch_zip(good, "xl/sharedStrings.xml", lambda data: data[: len(data) // 2], tmp_path / "b.xlsx")
    monkeypatch.setattr(xlsx_split, "STRINGS_LIGHT", 1)
    with open_source(bad) as src:
        assert src.sheet_names == ["Data", "Hidden"]
        with pytest.raises(ImportInputError) as info:
            list(src.iter_rows("Data"))
    assert info.value.kind == "corrupt"

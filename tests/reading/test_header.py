"""Header row detection under title rows, and unique column names."""

from __future__ import annotations

from pathlib import Path

import pytest
import sheet_files as sf

from campaign_gui.reading import header
from campaign_gui.reading.header import detect_header, header_names
from campaign_gui.reading.reader import open_source


def test_header_on_first_row() -> None:
    rows = [["Phone", "Name"], ["0901234567", "An"], ["0912345678", "Bình"]]
    assert detect_header(rows) == 0


def test_header_on_row_4_under_a_title(tmp_path: Path) -> None:
    p = sf.write_xlsx(tmp_path / "t.xlsx", {"S": [
        ["DANH SÁCH KHÁCH HÀNG THÁNG 4"], ["Xuất ngày 10/04/2026"], [],
        ["STT", "Họ và tên", "Số điện thoại", "Ghi chú"],
        [1, "Nguyễn Văn An", "0901234567", ""], [2, "Trần Thị Bình", 912345678, "VIP"]]})
    with open_source(p) as src:
        assert detect_header(src.preview(0)) == 3


def test_no_header_when_first_row_is_data() -> None:
    rows = [["0901234567", "An"], ["0912345678", "Bình"]]
    assert detect_header(rows) is None
    rows = [[901234567.0, 1.0], [912345678.0, 2.0]]
    assert detect_header(rows) is None


def test_blank_rows_above_header_are_skipped() -> None:
    rows = [[None, None], ["", ""], ["Tel", "Customer"], ["0901234567", "An"]]
    assert detect_header(rows) == 2


def test_header_only() -> None:
    assert detect_header([["Phone", "Name"]]) == 0


def test_title_row_with_two_cells_loses_to_the_real_header() -> None:
    rows = [["Report", "2026"], ["Phone", "Name", "Email"], ["0901234567", "An", "an@example.vn"]]
    assert detect_header(rows) == 1


def test_duplicate_and_blank_header_names() -> None:
    assert header_names(["Phone", "Name", "phone", None, "", "Name", "Name (2)"], 8) == [
        "Phone", "Name", "phone (2)", "Column D", "Column E", "Name (2)", "Name (2) (2)", "Column H"]


def test_header_names_from_numbers_and_whitespace() -> None:
    assert header_names([2026.0, "  Số   điện thoại ", True], 3) == ["2026", "Số điện thoại", "True"]
    assert header_names(None, 3) == ["Column A", "Column B", "Column C"]


def test_16384_identical_labels_are_named_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """Excel's widest row of one repeated label: every name unique, and each column costs a bounded number of
    look-ups (the quadratic version tried n/2 suffixes per column on average; benchmarks/header_bench.py times it)."""
    calls = 0
    real = header._text

    def counted(v: object) -> str:
        nonlocal calls
        calls += 1
        return real(v)  # type: ignore[arg-type]

    monkeypatch.setattr(header, "_text", counted)
    names = header_names([True] * 16_384, 16_384)
    assert names[:3] == ["True", "True (2)", "True (3)"] and names[-1] == "True (16384)"
    assert len({n.casefold() for n in names}) == 16_384
    assert calls == 16_384
    looked_up = _Counting()
    monkeypatch.setattr(header, "set", lambda: looked_up, raising=False)
    header_names(["FALSE"] * 16_384, 16_384)
    assert looked_up.probes <= 3 * 16_384


class _Counting(set[str]):
    """A set that counts membership tests."""

    probes = 0

    def __contains__(self, item: object) -> bool:
        self.probes += 1
        return super().__contains__(item)


def test_typed_suffixes_are_stepped_over() -> None:
    assert header_names(["A", "A (2)", "A", "A", "a (3)"], 5) == ["A", "A (2)", "A (3)", "A (4)", "a (3) (2)"]

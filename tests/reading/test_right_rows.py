"""Issue 14 items 6-9 in the reading layer: the contacts' sheet, running numbers, labels over data, ids,
multi-number cells split and suggestions accepted one by one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sheet_files as sf

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading.header import detect_header
from campaign_gui.reading.mapping import counter_columns, propose_mapping
from campaign_gui.reading.reader import open_source
from campaign_gui.reading.sheet_choice import choose_sheet
from campaign_gui.reading.types import ColumnMapping, InvalidPolicy, RowStatus
from campaign_gui.reading.validate import validate_file

GUIDE: list[list[Any]] = [["Hướng dẫn"], ["Số điện thoại: ghi 10 chữ số, ví dụ 0901234567"], ["Số điện thoại", "0901234567"]]
LIST: list[list[Any]] = [["Tên", "SĐT"]] + [[f"K{i}", f"09{62345600 + i:08d}"] for i in range(6)]


def test_choice_skips_instructions_and_hidden_sheets(tmp_path: Path) -> None:
    path = sf.write_xlsx(tmp_path / "a.xlsx", {"Guide": GUIDE, "Old": LIST, "List": LIST}, hidden=["Old"])
    with open_source(path) as source:
        choice = choose_sheet(source, "VN")
    assert (choice.index, choice.skipped) == (2, "Guide")
    assert [(s.name, s.phones) for s in choice.scores] == [("Guide", 1), ("List", 6)]
    assert validate_file(path).sheet == "List"


def test_one_visible_sheet_is_never_scored(tmp_path: Path) -> None:
    path = sf.write_xlsx(tmp_path / "b.xlsx", {"Guide": GUIDE, "Hidden": LIST}, hidden=["Hidden"])
    with open_source(path) as source:
        choice = choose_sheet(source, "VN")
    assert (choice.index, choice.scores) == (0, ())


def test_few_contacts_on_a_later_sheet_still_beat_instructions(tmp_path: Path) -> None:
    path = sf.write_xlsx(tmp_path / "c.xlsx", {"Guide": [["Đọc kỹ trước khi nhập"]], "List": LIST[:3]})
    result = validate_file(path)
    assert (result.sheet, result.rows, result.valid) == ("List", 2, 2)


def test_asking_is_a_refusal_in_the_users_terms(tmp_path: Path) -> None:
    path = sf.write_xlsx(tmp_path / "d.xlsx", {"Guide": GUIDE, "A": LIST, "B": LIST})
    with pytest.raises(ImportInputError) as caught:
        validate_file(path)
    assert caught.value.kind == "choose_sheet" and "'A' (6), 'B' (6)" in caught.value.message
    assert validate_file(path, sheet="B").rows == 6


def test_running_number_columns() -> None:
    rows: list[list[Any]] = [[1, "An", "0901234567"], [2, "Bình", ""], [3, "", ""], [4, "", ""]]
    mapping = ColumnMapping({"phone": 2, "name": 1})
    assert counter_columns(["STT", "Tên", "SĐT"], rows, mapping) == [0]
    assert counter_columns(["Mã", "Tên", "SĐT"], rows, mapping) == [0]  # counting up by one
    assert counter_columns(["Mã", "Tên", "SĐT"], [[5], [9], [2]], mapping) == []
    assert counter_columns(["STT", "Tên", "SĐT"], rows, ColumnMapping({"phone": 0})) == []  # mapped: content


def test_a_row_with_only_a_running_number_is_blank_but_a_name_alone_is_not(tmp_path: Path) -> None:
    rows: list[list[Any]] = [["STT", "Tên", "SĐT"], [1, "An", "0901234567"], [2, "Bình", None], [3, None, None],
                             [4, None, None]]
    result = validate_file(sf.write_xlsx(tmp_path / "e.xlsx", {"S": rows}))
    assert (result.rows, result.blank, result.invalid) == (2, 2, 1)
    assert result.record(1).reason == "empty" and result.record(1).name == "Bình"


def test_a_header_of_labels_wins_over_a_row_of_words_above_numbers() -> None:
    rows: list[Any] = [["blah blah", "blah blah", "blah blah"], ["number", "number as text", "notes"],
                       [2147483647, "2147483647", "blah blah"], [-1, "-1", "blah blah"]]
    assert detect_header(rows) == 1
    rows = [["note", "", ""], ["ID", "Amount", "Paid"], [17, "1,250.50", "TRUE"], [18, "-3", "FALSE"]]
    assert detect_header(rows) == 1


def test_ids_and_test_integers_are_not_sniffed_as_phones() -> None:
    ids: list[list[Any]] = [[100200 + 2 * i, f"09{72345600 + 8111 * i:08d}"] for i in range(10)]
    assert propose_mapping(["a", "b"], ids).fields == {"phone": 1}
    tests: list[list[Any]] = [[v] for v in (2147483647, 4294967295, 2147483648, 9999999999, 1234567890, 1 << 40)]
    assert propose_mapping(["value"], tests).fields == {}
    phones: list[list[Any]] = [[v] for v in (901234567, 912345678, 355036104, 399135022, 943300083)]
    assert propose_mapping(["value"], phones).fields == {"phone": 0}  # numeric phones are still phones


def test_split_numbers_keeps_names_fields_and_dedupes(tmp_path: Path) -> None:
    rows: list[list[Any]] = [["Tên", "SĐT", "Ghi chú"], ["An", "0901234567 / 0912345678", "vip"],
                             ["Bình", "0912345678", ""], ["Chi", "Zalo 0355036104", "x"]]
    mapping = ColumnMapping({"phone": 1, "name": 0, "note": 2})
    result = validate_file(sf.write_xlsx(tmp_path / "f.xlsx", {"S": rows}), mapping=mapping)
    assert (result.invalid, result.multi_number_rows, len(result.suggestions)) == (2, 1, 2)
    split = result.split_numbers()
    assert split.split_numbers() is split and result.invalid == 2  # the original result is unchanged
    assert (split.rows, split.invalid, split.duplicates) == (4, 1, 1)
    added = split.record(3)
    assert (added.row, added.phone, added.name, added.extra, added.status) == (
        5, "+84912345678", "An", {"note": "vip"}, RowStatus.DUPLICATE)  # Bình's number, row 3
    assert split.record(0).message == "Accepted the suggested number +84901234567."
    sent = list(split.upload_rows(InvalidPolicy.DROP))
    assert [(r.index, r.phone) for r in sent] == [(2, "+84901234567"), (3, "+84912345678")]
    one = result.accept_suggestions(rows=[2])
    assert (one.invalid, one.fixed, one.status(2), one.status(0)) == (1, 1, RowStatus.FIXED, RowStatus.INVALID)

"""Validation: one status per data row, every phone cell form, dedupe, suggestions, policies, compact storage."""

from __future__ import annotations

import threading
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import sheet_files as sf
import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.reading.columns import BLOCK, PackedStrings
from campaign_gui.reading.reader import open_source
from campaign_gui.reading.source import Cancelled
from campaign_gui.reading.types import ColumnMapping, InvalidPolicy, RowStatus
from campaign_gui.reading.validate import validate_file, validate_sheet


def _xlsx(path: Path, rows: list[list[Any]]) -> Path:
    """Written with xlsxwriter so text stays text ('=HYPERLINK(…)' is not turned into a formula)."""
    wb = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False})
    ws = wb.add_worksheet("Danh sách")
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if isinstance(v, str):
                ws.write_string(r, c, v)
            elif v is not None:
                ws.write(r, c, v)
    wb.close()
    return path


PHONE_FORMS: list[tuple[Any, RowStatus, str | None, str]] = [
    # (cell, status, E.164, original text as shown)
    ("0901234567", RowStatus.VALID, "+84901234567", "0901234567"),
    (912345678, RowStatus.FIXED, "+84912345678", "912345678"),  # numeric cell, leading zero lost
    (84987654321.0, RowStatus.FIXED, "+84987654321", "84987654321"),  # float
    ("0903 111 222", RowStatus.VALID, "+84903111222", "0903 111 222"),
    ("0903.222.333", RowStatus.VALID, "+84903222333", "0903.222.333"),
    ("0903-444-555", RowStatus.VALID, "+84903444555", "0903-444-555"),
    ("(090) 3666777", RowStatus.VALID, "+84903666777", "(090) 3666777"),
    ("+84 90 388 8999", RowStatus.VALID, "+84903888999", "+84 90 388 8999"),
    ("0084903000111", RowStatus.VALID, "+84903000111", "0084903000111"),
    ("０９０４１２３４５６", RowStatus.FIXED, "+84904123456", "０９０４１２３４５６"),  # full-width
    ("0904\u00a0654\u00a0321", RowStatus.FIXED, "+84904654321", "0904\u00a0654\u00a0321"),  # NBSP
    ("84905123456.0", RowStatus.FIXED, "+84905123456", "84905123456.0"),
    ("8.49012E+10", RowStatus.INVALID, None, "8.49012E+10"),  # scientific text: never guessed
    ("0901234567890123", RowStatus.INVALID, None, "0901234567890123"),  # > 15 digits
    ("01662345678", RowStatus.INVALID, None, "01662345678"),  # old Viettel prefix: suggestion only
    ("abc", RowStatus.INVALID, None, "abc"),
    (None, RowStatus.INVALID, None, ""),  # empty phone, but the row has a name
]


@pytest.fixture
def forms(tmp_path: Path) -> Path:
    rows: list[list[Any]] = [["DANH SÁCH KHÁCH HÀNG"], [], [],
                             ["STT", "Số điện thoại", "Họ và tên", "Email", "Ghi chú"]]
    for i, (cell, _, _, _) in enumerate(PHONE_FORMS, start=1):
        rows.append([i, cell, f"Khách {i}", f"k{i}@example.vn ", ""])
        if i == 5:
            rows.append([])  # a blank row in the middle
    return _xlsx(tmp_path / "forms.xlsx", rows)


def test_every_phone_cell_form(forms: Path) -> None:
    res = validate_file(forms, region="VN")
    assert res.header_row == 4 and res.sheet == "Danh sách"
    assert res.columns == ["STT", "Số điện thoại", "Họ và tên", "Email", "Ghi chú"]
    assert dict(res.mapping.fields) == {"phone": 1, "name": 2, "email": 3}
    assert len(res) == res.rows == len(PHONE_FORMS) and res.blank == 1
    got = [(r.status, r.phone, r.original_phone) for r in res.records()]
    assert got == [(s, e, o) for _, s, e, o in PHONE_FORMS]
    rows = [r.row for r in res.records()]
    assert rows[:6] == [5, 6, 7, 8, 9, 11]  # row 10 is the blank one: sheet row numbers are kept
    old = res.record(14)
    assert old.reason == "old_prefix" and old.suggestion == "+84362345678" and old.phone is None
    assert res.record(12).reason == "scientific" and res.record(13).reason == "too_long"
    assert res.record(16).reason == "empty"
    assert res.record(0).email == "k1@example.vn"
    assert res.counts() == {"rows": 17, "valid": 7, "fixed": 5, "invalid": 5, "duplicates": 0, "blank": 1}
    assert sum(res.reasons.values()) == 5 and res.reasons["old_prefix"] == 1


def test_duplicates_in_different_formats_collapse(tmp_path: Path) -> None:
    p = _xlsx(tmp_path / "d.xlsx", [["Phone", "Name"], ["0901234567", "A"], [901234567, "B"],
                                    ["+84 90 123 45 67", "C"], ["0912345678", "D"], ["84901234567", "E"]])
    res = validate_file(p)
    assert [r.status for r in res.records()] == [RowStatus.VALID, RowStatus.DUPLICATE, RowStatus.DUPLICATE,
                                                 RowStatus.VALID, RowStatus.DUPLICATE]
    dup = res.record(1)
    assert dup.reason == "duplicate" and "row 2" in dup.message and dup.phone == "+84901234567"
    assert res.duplicates == 3 and res.valid == 2 and res.fixed == 0
    assert [u.index for u in res.upload_rows(InvalidPolicy.DROP)] == [2, 5]


def test_accept_suggestions_then_dedupe_again(tmp_path: Path) -> None:
    p = _xlsx(tmp_path / "s.xlsx", [["Phone"], ["01662345678"], ["0362345678"], ["01201234567"], ["bad"]])
    res = validate_file(p)
    assert res.invalid == 3 and len(res.suggestions) == 2
    accepted = res.accept_suggestions()
    assert res.invalid == 3  # the original is unchanged
    assert [r.status for r in accepted.records()] == [RowStatus.FIXED, RowStatus.DUPLICATE, RowStatus.FIXED,
                                                      RowStatus.INVALID]
    assert accepted.record(0).phone == "+84362345678" and accepted.record(0).suggestion is None
    assert accepted.record(2).phone == "+84701234567"
    assert accepted.counts() == {"rows": 4, "valid": 0, "fixed": 2, "invalid": 1, "duplicates": 1, "blank": 0}
    assert accepted.reasons == {"not_a_number": 1}
    assert [u.phone for u in accepted.upload_rows(InvalidPolicy.DROP)] == ["+84362345678", "+84701234567"]


def test_policies(tmp_path: Path) -> None:
    p = _xlsx(tmp_path / "p.xlsx", [["Phone", "Name", "City"], ["0901234567", "A", "HN"], ["12", "B", "HCM"],
                                    ["0901234567", "C", "DN"], [None, "D", ""]])
    mapping = ColumnMapping(fields={"phone": 0, "name": 1, "city": 2})
    with open_source(p) as src:
        res = validate_sheet(src, None, 1, mapping, "VN")
    with pytest.raises(ImportInputError) as info:
        list(res.upload_rows(InvalidPolicy.BLOCK))
    assert info.value.kind == "blocked"
    drop = list(res.upload_rows(InvalidPolicy.DROP))
    assert [(u.index, u.phone, u.name, dict(u.extra)) for u in drop] == [(2, "+84901234567", "A", {"city": "HN"})]
    include = list(res.rows_to_upload(InvalidPolicy.INCLUDE))
    assert [(u.index, u.phone) for u in include] == [(2, "+84901234567"), (3, "12")]  # empty phone never sent


def test_names_kept_as_text_nfc_and_odd_characters(tmp_path: Path) -> None:
    names = [unicodedata.normalize("NFD", "Nguyễn Văn Định"), "Nguyễn Văn Định", "Lan 🌸", "Zero\u200bWidth",
             "\u202eevil", "=HYPERLINK(\"http://x\",\"y\")", "@SUM(1)", "+1+1"]
    rows: list[list[Any]] = [["Phone", "Name"]] + [[f"09012345{i:02d}", n] for i, n in enumerate(names)]
    res = validate_file(_xlsx(tmp_path / "n.xlsx", rows))
    got = [r.name for r in res.records()]
    assert got[0] == got[1] == "Nguyễn Văn Định"
    assert got[2:] == names[2:]  # formula-like names stay text; nothing is evaluated or stripped
    csv = tmp_path / "n.csv"
    csv.write_text("\n".join(f"{r[0]},\"{r[1].replace(chr(34), chr(34) * 2)}\"" for r in rows) + "\n", encoding="utf-8")
    assert [r.name for r in validate_file(csv).records()] == got


def test_first_and_last_name_composed(tmp_path: Path) -> None:
    p = _xlsx(tmp_path / "fl.xlsx", [["Phone", "First name", "Last name"], ["0901234567", "Ann", "Lee"]])
    rec = validate_file(p).record(0)
    assert rec.name == "Ann Lee" and dict(rec.extra) == {"first_name": "Ann", "last_name": "Lee"}


def test_no_phone_column(tmp_path: Path) -> None:
    p = _xlsx(tmp_path / "x.xlsx", [["Name", "City"], ["A", "HN"], ["B", "HCM"]])
    with pytest.raises(ImportInputError) as info:
        validate_file(p)
    assert info.value.kind == "no_phone"


def test_header_only_and_explicit_no_header(tmp_path: Path) -> None:
    res = validate_file(_xlsx(tmp_path / "h.xlsx", [["Phone", "Name"]]))
    assert (res.rows, res.header_row) == (0, 1)
    p = _xlsx(tmp_path / "nh.xlsx", [["0901234567", "A"], ["0912345678", "B"], ["0987654321", "C"]])
    res = validate_file(p)
    assert res.header_row == 0 and res.columns == ["Column A", "Column B"] and res.valid == 3
    assert res.record(0).row == 1


def test_csv_windows_1258(tmp_path: Path) -> None:
    p = tmp_path / "vn.csv"
    p.write_bytes(sf.encode_cp1258("Số điện thoại;Họ và tên\r\n0901234567;Nguyễn Thị Hường\r\n912345678;Đặng Văn Lâm\r\n"))
    res = validate_file(p)
    assert [(r.status, r.name) for r in res.records()] == [(RowStatus.VALID, "Nguyễn Thị Hường"),
                                                           (RowStatus.FIXED, "Đặng Văn Lâm")]


def test_cancel_and_progress(tmp_path: Path) -> None:
    p = tmp_path / "big.csv"
    p.write_text("Phone\n" + "".join(f"09{i:08d}\n" for i in range(25_000)), encoding="utf-8")
    seen: list[int] = []
    res = validate_file(p, progress=seen.append, workers=0)
    assert res.rows == 25_000 and seen[-1] == 25_000 and len(seen) >= 3
    cancel = threading.Event()

    def stop_after_first(done: int) -> None:
        cancel.set()

    with pytest.raises(Cancelled):
        validate_file(p, progress=stop_after_first, cancel=cancel, workers=0)


def test_worker_process_gives_the_same_answers(tmp_path: Path) -> None:
    p = tmp_path / "w.csv"
    p.write_text("Phone,Name\n" + "".join(f"{'09' if i % 2 else '9'}{i:08d},N{i}\n" for i in range(12_000))
                 + "01662345678,old\n0900000001,dup\n", encoding="utf-8")
    a = validate_file(p, workers=0)
    b = validate_file(p, workers=1)
    assert a.counts() == b.counts() and a.reasons == b.reasons and a.suggestions == b.suggestions
    assert list(a.records()) == list(b.records())


def test_packed_strings_across_blocks() -> None:
    col = PackedStrings()
    items = [f"s{i}" * (i % 3) for i in range(BLOCK * 2 + 5)]
    col.extend(items[:10])
    col.extend(items[10:])
    assert len(col) == len(items)
    assert [col[i] for i in (0, 1, BLOCK - 1, BLOCK, BLOCK * 2 + 4, -1)] == [
        items[i] for i in (0, 1, BLOCK - 1, BLOCK, BLOCK * 2 + 4, -1)]
    assert list(col) == items
    with pytest.raises(IndexError):
        col[len(items)]


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 40), st.integers(0, 40), st.integers(0, 40), st.integers(0, 9))
def test_packed_strings_take_another_lists_blocks(mine: int, theirs: int, third: int, more: int) -> None:
    """extend_packed (blocks moved, or the other list kept as a tail) holds what extend would, wherever the
    blocks meet, merged twice and extended after."""
    import pickle

    from campaign_gui.reading import columns

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(columns, "BLOCK", 7)  # many block bounds in a few items
        a = [f"a{i}" + "é" * (i % 3) for i in range(mine)]
        b = [f"{i}" * (i % 4) for i in range(theirs)]
        c = [f"c{i}" for i in range(third)]
        col = PackedStrings()
        col.extend(a)
        for items in (b, c):
            other = PackedStrings()
            other.extend(items)
            col.extend_packed(other)
        col.extend(["z"] * more)
        want = a + b + c + ["z"] * more
        for got in (col, pickle.loads(pickle.dumps(col))):
            assert list(got) == want and len(got) == len(want)
            assert [got[i] for i in range(len(want))] == want
            assert [got[-i] for i in range(1, len(want) + 1)] == [want[-i] for i in range(1, len(want) + 1)]


def _deep_size(root: object) -> int:
    """Bytes of every object reachable from ``root`` (types and modules excluded)."""
    import gc
    import sys
    import types

    seen: set[int] = set()
    stack, total = [root], 0
    while stack:
        obj = stack.pop()
        if id(obj) in seen or isinstance(obj, type | types.ModuleType | types.FunctionType):
            continue
        seen.add(id(obj))
        total += sys.getsizeof(obj)
        stack.extend(gc.get_referents(obj))
    return total


def test_storage_is_compact(tmp_path: Path) -> None:
    n = 15_000
    p = tmp_path / "m.csv"
    p.write_text("Số điện thoại,Họ và tên,Email\n" + "".join(
        f"09{i:08d},Nguyễn Thị Hương {i},user{i}@example.vn\n" for i in range(n)), encoding="utf-8")
    res = validate_file(p, workers=0)
    assert res.valid == n
    per_row = _deep_size(res) / n
    # a RowRecord (or a list of cells) per row would take ~600 bytes; packed columns take ~150
    assert per_row < 250, per_row
    assert res.record(n - 1).name == f"Nguyễn Thị Hương {n - 1}"


def test_broken_worker_pool_falls_back_to_this_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from campaign_gui.reading import walk as walk_mod

    class DeadPool:
        def submit(self, *args: object) -> Future[object]:
            fut: Future[object] = Future()
            fut.set_exception(BrokenProcessPool("a child process terminated abruptly"))
            return fut

        def shutdown(self, **kw: object) -> None:
            pass

    monkeypatch.setattr(walk_mod, "ProcessPoolExecutor", lambda *a, **kw: DeadPool())
    p = tmp_path / "b.csv"
    p.write_text("Phone\n" + "".join(f"09{i:08d}\n" for i in range(25_000)), encoding="utf-8")
    res = validate_file(p, workers=1)
    assert res.valid == 25_000 and res.record(24_999).phone == "+84900024999"


def test_indices_by_status(tmp_path: Path) -> None:
    p = _xlsx(tmp_path / "i.xlsx", [["Phone"], ["0901234567"], ["bad"], [901234567], ["0912345678"], ["01662345678"],
                                    [912345678]])
    res = validate_file(p)
    assert list(res.indices(RowStatus.VALID)) == [0, 3]
    assert list(res.indices(RowStatus.DUPLICATE)) == [2, 5]
    assert list(res.indices({RowStatus.INVALID, RowStatus.FIXED})) == [1, 4]
    accepted = res.accept_suggestions()
    assert list(accepted.indices(RowStatus.FIXED)) == [4]
    assert [res.status(i) for i in res.indices(RowStatus.INVALID)] == [RowStatus.INVALID] * 2


@pytest.mark.parametrize("enabled", [True, False])
def test_the_cyclic_collector_is_paused_while_validating_and_restored(tmp_path: Path, enabled: bool,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from campaign_gui.reading import walk as walk_mod

    p = tmp_path / "g.csv"
    p.write_text("Phone\n0901234567\n0912345678\n", encoding="utf-8")
    no_phone = tmp_path / "n.csv"
    no_phone.write_text("Name\nAn\n", encoding="utf-8")
    during: list[bool] = []
    real = walk_mod.Walk.feed

    def spy(*args: Any, **kw: Any) -> Any:
        during.append(gc.isenabled())
        return real(*args, **kw)

    monkeypatch.setattr(walk_mod.Walk, "feed", spy)
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        assert validate_file(p).valid == 2
        assert during == [False] and gc.isenabled() is enabled
        with pytest.raises(ImportInputError):  # restored when validation fails too
            validate_file(no_phone, mapping=ColumnMapping(fields={"name": 0}))
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=6), st.floats(allow_nan=True, allow_infinity=True),
                          st.integers(0, 10**12).map(float)), max_size=12))
def test_column_texts_of_strings_and_numbers_are_cell_texts(values: list[Any]) -> None:
    from campaign_gui.reading.walk import _texts, cell_text

    assert _texts(list(values)) == [unicodedata.normalize("NFC", cell_text(v)) for v in values]


@pytest.mark.parametrize("policy", [InvalidPolicy.DROP, InvalidPolicy.INCLUDE, InvalidPolicy.BLOCK])
@pytest.mark.parametrize("with_extras", [True, False])
def test_journal_rows_from_the_columns_equal_those_built_row_by_row(tmp_path: Path, policy: InvalidPolicy,
                                                                   with_extras: bool) -> None:
    """create_job journals ValidationResult.journal_rows: the tuples jobs._merge builds from records() and
    upload_rows(), over blocks of rows with every status, accepted suggestions and text JSON must escape."""
    from campaign_gui.upload import jobs

    shapes = ["090{:07d}", "84912{:06d}", "01662{:06d}", "bad{}", "", "0901000007", "  ", "+84 93 {:03d} 1234", 0]
    notes = ['', 'he said "hi"', "back\\slash", "50 % off", "tab\there", "Nguyễn Văn Ánh", "\x01ctl", "{}"]
    rows: list[list[Any]] = [["Phone", "Name", "Ghi chú", "Tag"]]
    for i in range(BLOCK + 300):  # past one block of packed strings
        shape = shapes[i % len(shapes)]
        phone = shape.format(i % 1000) if isinstance(shape, str) else 912000000 + i  # a number: 'fixed'
        rows.append([phone, f"Tên {i}", notes[i % len(notes)], f"t{i % 5}"])
    mapping = ColumnMapping(fields={"phone": 0, "name": 1, **({"note": 2, "tag": 3} if with_extras else {})})
    base = validate_file(_xlsx(tmp_path / "j.xlsx", rows), mapping=mapping)
    for res in (base, base.accept_suggestions()):
        assert res.invalid and res.duplicates and res.fixed
        want_counts = {"valid": 0, "invalid": 0, "duplicates": 0}
        got_counts = dict(want_counts)
        if policy == InvalidPolicy.BLOCK:
            with pytest.raises(ImportInputError):
                res.journal_rows(policy, got_counts)
            continue
        want = list(jobs._merge(res.records(), iter(res.upload_rows(policy)), want_counts))
        got = list(res.journal_rows(policy, got_counts))
        assert got == want and got_counts == want_counts
        assert len(got) == res.rows and any(t[5] for t in got) == with_extras

"""The result report keeps every source column (issue 15, item 9): the unmapped ones (Tỉnh/Thành, Ghi chú) each
under its own header, never sent to the provider; row numbers and totals are numbers, labels words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cli_support import add_account, run_cli

from campaign_gui.upload.journal import Journal
from campaign_gui.upload.report import NUMBER_KEYS, OUTCOME_LABELS, ROW_HEADERS, SUMMARY_LABELS

OUTCOMES = ("added", "updated", "skipped", "rejected", "failed", "needs_verification")
HEADERS = ["STT", "Họ và tên", "Số điện thoại", "Tỉnh/Thành", "Ghi chú"]
ROWS = [
    [1, "Nguyễn Văn An", "0386000001", "Hà Nội", "gọi sau 17h"],
    [2, "Trần Thị Bình", "12ab", "Đà Nẵng", "=1+1"],  # invalid phone; a note that looks like a formula
    [3, "Lê Văn Cường", "0386000003", "Huế", ""],
    [4, "Phạm Thị Dung", "0386000001", "Cần Thơ", "trùng"],  # duplicate of row 2
    [5, "Hoàng Văn Em", "0386000005", "", "@SUM(1)"],
]


def source_file(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append(row)
    sheet["E3"].data_type = "s"  # typed text, not a formula
    book.save(path)
    return path


def check_report(report: Path, job_id: str) -> None:
    book = openpyxl.load_workbook(report)
    rows = list(book["Not added"].iter_rows())
    assert tuple(c.value for c in rows[0]) == (*ROW_HEADERS, "STT", "Tỉnh/Thành", "Ghi chú")
    body = {r[0].value: r for r in rows[1:]}
    assert set(body) == {3, 5}  # the invalid row (sheet row 3) and the duplicate (sheet row 5)
    for row in body.values():
        assert row[0].data_type == "n" and type(row[0].value) is int
        assert all(c.data_type == "s" or (c.value is None and c.data_type == "inlineStr") for c in row[1:])
    invalid, duplicate = body[3], body[5]
    assert invalid[1].value == OUTCOME_LABELS["invalid"] and duplicate[1].value == OUTCOME_LABELS["duplicate"]
    assert [c.value for c in invalid[10:]] == ["2", "Đà Nẵng", "=1+1"]  # the note stays text, not a formula
    assert [c.value for c in duplicate[10:]] == ["4", "Cần Thơ", "trùng"]
    assert invalid[7].value is None  # "Other fields": only mapped extra fields, and there are none
    summary = {r[0].value: r[1] for r in book["Summary"].iter_rows(min_row=2)}
    assert set(summary) == set(SUMMARY_LABELS.values())  # words: "Needs verification", never needs_verification
    totals = {key: summary[SUMMARY_LABELS[key]].value for key in NUMBER_KEYS}
    assert all(summary[SUMMARY_LABELS[k]].data_type == "n" and type(totals[k]) is int for k in NUMBER_KEYS)
    assert totals["rows"] == totals["valid"] + totals["invalid"] + totals["duplicates"] == 5
    assert totals["sent"] == sum(totals[k] for k in OUTCOMES) == totals["added"] == 3
    assert summary["Job"].value == job_id


def test_cli_report_keeps_every_source_column(sandbox: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    name = add_account(sandbox, data, "stringee")
    src = source_file(tmp_path / "khach hang.xlsx")
    code, out, err = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "import", str(src), "--account", name,
                                                   "--target", "campaign=CA100003", "--pacing", "0",
                                                   "--secret-stdin", "--json"], stdin=sandbox.secret("stringee"))
    assert code == 0, err
    check_report(Path(out["report"]), out["job_id"])
    again = tmp_path / "again.xlsx"
    code, _, err = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "jobs", "report", out["job_id"],
                                                 "--out", str(again)])
    assert code == 0, err
    check_report(again, out["job_id"])
    with Journal.open(data) as journal:  # what is sent (extra) holds none of the unmapped columns
        entries = list(journal.iter_rows(out["job_id"]))
        assert [e.extra for e in entries] == [{}] * 5
        assert [e.others["Tỉnh/Thành"] for e in entries] == [r[3] for r in ROWS]
        assert all(u.extra == {} for u in journal.rows_by_number(out["job_id"], [e.row for e in entries]))

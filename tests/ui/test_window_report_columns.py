"""The window's report keeps every source column (Tỉnh/Thành, Ghi chú under their own headers), numbers its rows
and totals, and labels its summary in words, in English and Vietnamese (issue 15, item 9)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pytestqt.qtbot import QtBot
from qt_support import add_account
from test_import_helpers import close_service, make_service

from campaign_gui.services import report_texts as rt
from campaign_gui.services.container import AppServices
from campaign_gui.services.import_service import ImportService, InvalidPolicy, ValidationRequest
from campaign_gui.ui.i18n import I18N_DIR, LanguageManager
from campaign_gui.upload.report import NUMBER_KEYS, ROW_HEADERS, SUMMARY_KEYS, SUMMARY_LABELS

OUTCOMES = ("added", "updated", "skipped", "rejected", "failed", "needs_verification")
HEADERS = ["STT", "Họ và tên", "Số điện thoại", "Tỉnh/Thành", "Ghi chú"]
ROWS = [
    [1, "Nguyễn Văn An", "0386000001", "Hà Nội", "gọi sau 17h"],
    [2, "Trần Thị Bình", "12ab", "Đà Nẵng", "=1+1"],
    [3, "Lê Văn Cường", "0386000003", "Huế", ""],
    [4, "Phạm Thị Dung", "0386000001", "Cần Thơ", "trùng"],
    [5, "Hoàng Văn Em", "0386000005", "", "@SUM(1)"],
]


@pytest.fixture
def service(services: AppServices) -> Iterator[ImportService]:
    built = make_service(services)
    yield built
    close_service(built)


def source_file(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append(row)
    sheet["E3"].data_type = "s"  # typed text, not a formula
    book.save(path)
    return path


def import_file(service: ImportService, qtbot: QtBot, account: Any, path: Path, campaign: str) -> str:
    with qtbot.waitSignal(service.validationFinished, timeout=30_000) as got:
        service.validate(ValidationRequest(str(path), 0, None, None, "VN"))
    with qtbot.waitSignal(service.jobs.jobFinished, timeout=60_000) as done:
        service.jobs.start(account, {"campaign": campaign}, got.args[1], str(path), InvalidPolicy.DROP)
    return str(done.args[0])


def check(report: Path, headers: tuple[str, ...], labels: dict[str, str], job: str) -> None:
    book = openpyxl.load_workbook(report)
    rows_sheet, summary_sheet = book.worksheets
    rows = list(rows_sheet.iter_rows())
    assert tuple(c.value for c in rows[0]) == (*headers, "STT", "Tỉnh/Thành", "Ghi chú")
    body = {r[0].value: r for r in rows[1:]}
    assert set(body) == {3, 5}  # sheet rows of the invalid phone and the duplicate: numbers
    assert all(r[0].data_type == "n" for r in body.values())
    assert all(c.data_type == "s" or (c.value is None and c.data_type == "inlineStr")
               for r in body.values() for c in r[1:])
    assert [c.value for c in body[3][10:]] == ["2", "Đà Nẵng", "=1+1"]
    assert [c.value for c in body[5][10:]] == ["4", "Cần Thơ", "trùng"]
    summary = {r[0].value: r[1] for r in summary_sheet.iter_rows(min_row=2)}
    assert set(summary) == set(labels.values()) and not set(summary) & {*SUMMARY_KEYS, "target", "source"}
    totals = {k: summary[labels[k]].value for k in NUMBER_KEYS}
    assert all(summary[labels[k]].data_type == "n" and type(totals[k]) is int for k in NUMBER_KEYS)
    assert totals["rows"] == totals["valid"] + totals["invalid"] + totals["duplicates"] == 5
    assert totals["sent"] == sum(totals[k] for k in OUTCOMES) == totals["added"] == 3
    assert summary[labels["job_id"]].value == job


def test_window_report_keeps_columns_in_english_and_vietnamese(services: AppServices, service: ImportService,
                                                               sandbox: Any, qtbot: QtBot, tmp_path: Path) -> None:
    account = add_account(services, sandbox, "stringee")
    path = source_file(tmp_path / "khach hang.xlsx")
    job = import_file(service, qtbot, account, path, "CA100002")  # English: the command line's report
    check(Path(service.jobs.record(job).report), ROW_HEADERS, SUMMARY_LABELS, job)  # type: ignore[union-attr]
    assert SUMMARY_LABELS["needs_verification"] == "Needs verification"

    languages = LanguageManager(I18N_DIR)
    try:
        languages.apply("vi")
        texts = rt.report_texts()
        vi_job = import_file(service, qtbot, account, path, "CA100003")  # another campaign: all added again
    finally:
        languages.clear()
    labels = dict(texts.summary_labels)
    assert labels["needs_verification"] != "Needs verification" and labels["rows"] == "Số dòng trong tệp"
    check(Path(service.jobs.record(vi_job).report), texts.row_headers, labels, vi_job)  # type: ignore[union-attr]
    exported = tmp_path / "vi.xlsx"  # "Export report…" in Vietnamese writes the same
    languages.apply("vi")
    try:
        with qtbot.waitSignal(service.jobs.reportWritten, timeout=30_000):
            service.jobs.export_report(vi_job, str(exported))
    finally:
        languages.clear()
    check(exported, texts.row_headers, labels, vi_job)

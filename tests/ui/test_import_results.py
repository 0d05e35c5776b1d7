"""The results view: totals as the CLI prints them, the outcome model, report export, Alohub undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from qt_support import add_account
from test_import_helpers import close_service, contacts_xlsx, make_service

from campaign_gui.cli.import_cmd import human_summary
from campaign_gui.providers.base import ContactScope
from campaign_gui.services.container import AppServices
from campaign_gui.services.import_results import JobRowsReader
from campaign_gui.services.import_service import ImportService, InvalidPolicy, ValidationRequest
from campaign_gui.ui.import_wizard.results_model import ResultsModel
from campaign_gui.ui.import_wizard.results_view import ResultsView
from campaign_gui.upload.report import SUMMARY_LABELS


@pytest.fixture
def service(services: AppServices) -> Iterator[ImportService]:
    built = make_service(services)
    yield built
    close_service(built)


def finished_job(service: ImportService, qtbot: QtBot, account: Any, path: Path, target: dict[str, Any]) -> str:
    with qtbot.waitSignal(service.validationFinished, timeout=30_000) as got:
        service.validate(ValidationRequest(str(path), 0, None, None, "VN"))
    with qtbot.waitSignal(service.jobs.jobFinished, timeout=60_000) as done:
        service.jobs.start(account, target, got.args[1], str(path), InvalidPolicy.DROP)
    return str(done.args[0])


def test_results_match_the_cli_and_the_report(services: AppServices, service: ImportService, sandbox: Any,
                                              qtbot: QtBot, qtmodeltester: Any, tmp_path: Path) -> None:
    account = add_account(services, sandbox, "stringee")
    job = finished_job(service, qtbot, account, contacts_xlsx(tmp_path / "kh.xlsx", n=40, bad=3, dup=2),
                       {"campaign": "CA100002"})
    view = ResultsView(service)
    qtbot.addWidget(view)
    view.show_job(job)
    qtbot.waitUntil(lambda: view.summary is not None, timeout=10_000)
    summary = view.summary
    assert summary is not None
    cli = human_summary(summary)
    assert f"valid {summary.valid:,}, invalid 3, duplicates 2" in cli
    assert "Rows 45: valid 40, invalid 3, duplicates 2" in view.totals.text()
    assert "added 40" in view.totals.text() and "added 40" in cli
    report = Path(service.jobs.record(job).report)  # type: ignore[union-attr]
    sheet = {r[0].value: r[1].value for r in openpyxl.load_workbook(report)["Summary"].iter_rows(min_row=2)}
    assert tuple(sheet[SUMMARY_LABELS[k]] for k in ("rows", "added", "invalid", "duplicates")) == (45, 40, 3, 2)
    view.filter.setCurrentIndex(view.filter.findData("not_added"))
    assert view.model.rowCount() == 5
    assert {view.model.data(view.model.index(r, 1)) for r in range(5)} == {"invalid", "duplicate in the file"}
    assert not view.undo_button.isVisibleTo(view)  # Stringee cannot delete contacts
    model = ResultsModel()
    model.set_reader(JobRowsReader(service.jobs.data_dir, job))
    qtmodeltester.check(model, force_py=True)
    view.export_to(str(tmp_path / "out.xlsx"))
    qtbot.waitUntil(lambda: "Report saved" in view.note.text(), timeout=20_000)


def test_alohub_undo_deletes_only_what_the_job_added(services: AppServices, service: ImportService, sandbox: Any,
                                                     qtbot: QtBot, tmp_path: Path) -> None:
    account = add_account(services, sandbox, "alohub")
    job = finished_job(service, qtbot, account, contacts_xlsx(tmp_path / "kh.xlsx", "alohub", n=25),
                       {"campaign": "1042", "list_name": "Hoàn tác"})
    view = ResultsView(service)
    qtbot.addWidget(view)
    view.show_job(job)
    qtbot.waitUntil(lambda: view.summary is not None, timeout=10_000)
    assert view.undo_button.isVisibleTo(view)
    view.undo_button.click()
    box = view._box
    assert isinstance(box, QMessageBox) and "25" in box.text()
    with qtbot.waitSignal(service.jobs.undoFinished, timeout=30_000) as got:
        box.button(QMessageBox.StandardButton.Yes).click()
    result = got.args[1]
    assert result.deleted == 25 and result.kept == [] and result.missing == [] and result.lists == ["Hoàn tác"]
    assert "25 contact(s) deleted" in view.note.text()
    provider = services.pool.get(account)
    lists = qtbot_run(qtbot, provider.list_contact_lists("1042"))
    new = next(c for c in lists if c.name == "Hoàn tác")
    page = qtbot_run(qtbot, provider.list_contacts(ContactScope(campaign_id="1042", list_id=new.id), 0, 100))
    assert page.items == [] or all(not c.phone.startswith("0387") for c in page.items)
    seeded = qtbot_run(qtbot, provider.list_contacts(ContactScope(campaign_id="1042", list_id="501"), 0, 10))
    assert seeded.items  # other lists untouched


def qtbot_run(qtbot: QtBot, coro: Any) -> Any:
    import asyncio

    task = asyncio.ensure_future(coro)
    qtbot.waitUntil(task.done, timeout=20_000)
    return task.result()


def test_the_report_follows_the_window_language(services: AppServices, service: ImportService, sandbox: Any,
                                                qtbot: QtBot, tmp_path: Path) -> None:
    """In Vietnamese the report's sheets, headers, outcomes, reasons and labels are Vietnamese (what a user typed
    is kept as typed); in English it is the command line's report, cell for cell."""
    from campaign_gui.ui.i18n import I18N_DIR, LanguageManager
    from campaign_gui.upload.report import OUTCOME_LABELS, ROW_HEADERS, SUMMARY_KEYS, SUMMARY_LABELS

    account = add_account(services, sandbox, "stringee")
    path = contacts_xlsx(tmp_path / "kh.xlsx", n=20, bad=2, dup=1)
    languages = LanguageManager(I18N_DIR)
    try:
        languages.apply("vi")
        job = finished_job(service, qtbot, account, path, {"campaign": "CA100002"})
    finally:
        languages.clear()
    book = openpyxl.load_workbook(service.jobs.record(job).report)  # type: ignore[union-attr]
    assert book.sheetnames == ["Không được thêm", "Tổng hợp"]
    rows = [[c.value for c in r] for r in book["Không được thêm"].iter_rows()]
    assert rows[0] == ["Dòng", "Kết quả", "Lý do", "Số như đã nhập", "Số điện thoại (E.164)", "Tên", "Email",
                       "Trường khác", "Kết quả kiểm tra", "Lô", "STT"]  # the unmapped STT column is kept
    assert sorted(r[1] for r in rows[1:]) == ["không hợp lệ", "không hợp lệ", "trùng trong tệp"]
    assert {r[3] for r in rows[1:] if r[1] == "không hợp lệ"} == {"12ab"} and {r[5] for r in rows[1:]} == {
        "Sai 0", "Sai 1", "Trùng 0"}
    duplicate = next(r for r in rows[1:] if r[1] == "trùng trong tệp")
    assert duplicate[2].startswith("Trùng số điện thoại với dòng") and duplicate[8] == "trùng trong tệp"
    invalid = next(r for r in rows[1:] if r[1] == "không hợp lệ")
    journal_reasons = {e.reason for e in service.jobs.reader.iter_rows(job)}  # type: ignore[union-attr]
    assert invalid[2] and invalid[2] not in journal_reasons  # the journal keeps English; the report does not
    summary = {r[0].value: r[1].value for r in book["Tổng hợp"].iter_rows(min_row=2)}
    assert summary["Tác vụ"] == job and summary["Trạng thái"] == "đã xong" and summary["Đã thêm"] == 20
    assert summary["Số dòng trong tệp"] == 23 and summary["Tài khoản"] == account.name
    # text cells but the row and batch numbers (issue 15: numbers)
    assert all(isinstance(c.value, str) for r in book["Không được thêm"].iter_rows() for c in r[1:9] if c.value)
    assert all(type(r[0].value) is int for r in book["Không được thêm"].iter_rows(min_row=2))

    english = tmp_path / "en.xlsx"
    with qtbot.waitSignal(service.jobs.reportWritten, timeout=30_000):
        service.jobs.export_report(job, str(english))
    book = openpyxl.load_workbook(english)
    assert book.sheetnames == ["Not added", "Summary"]
    rows = [[c.value for c in r] for r in book["Not added"].iter_rows()]
    assert tuple(rows[0]) == (*ROW_HEADERS, "STT")
    assert sorted(r[1] for r in rows[1:]) == sorted([OUTCOME_LABELS["invalid"]] * 2 + [OUTCOME_LABELS["duplicate"]])
    assert {r[2] for r in rows[1:]} <= journal_reasons
    summary = {r[0].value: r[1].value for r in book["Summary"].iter_rows(min_row=2)}
    assert {SUMMARY_LABELS[k] for k in SUMMARY_KEYS} <= set(summary) and summary["State"] == "done"


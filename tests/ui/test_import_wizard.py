"""The import wizard end to end through the GUI into the sandbox, for each provider, ledger checked."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from qt_support import add_account
from test_import_helpers import close_service, contacts_xlsx, make_service, wizard_next

from campaign_gui.services.container import AppServices
from campaign_gui.services.import_service import ImportService
from campaign_gui.ui.import_wizard.wizard import ImportWizard, PageId

TARGETS: dict[str, dict[str, Any]] = {
    "stringee": {"campaign": "CA100001"},
    "smsby": {"list": "101"},
    "alohub": {"campaign": "1042", "list_name": "Nhập từ wizard"},
    "cellcast": {"list": ["Wizard list"], "tag": ["vip"]},
    "dynmsg": {"campaign": "new", "sender": "CampaignMgr", "message": "Xin chào"},
}


@pytest.fixture
def service(services: AppServices) -> Iterator[ImportService]:
    built = make_service(services)
    yield built
    close_service(built)


def run_to_upload(qtbot: QtBot, wizard: ImportWizard) -> None:
    """File → header → mapping → review → target → (commit) upload."""
    for _ in range(5):
        wizard_next(qtbot, wizard)
    assert wizard.currentId() == PageId.UPLOAD


@pytest.mark.parametrize("provider", ["stringee", "smsby", "alohub", "cellcast", "dynmsg"])
def test_import_through_the_wizard_reaches_the_sandbox_once(provider: str, services: AppServices,
                                                            service: ImportService, sandbox: Any, qtbot: QtBot,
                                                            tmp_path: Path) -> None:
    account = add_account(services, sandbox, provider)
    path = contacts_xlsx(tmp_path / f"{provider}.xlsx", provider, n=30, bad=2, dup=1)
    wizard = ImportWizard(service, str(path), account_id=account.id, target=TARGETS[provider])
    qtbot.addWidget(wizard)
    wizard.show()
    run_to_upload(qtbot, wizard)
    upload = wizard.upload_page
    qtbot.waitUntil(upload.isComplete, timeout=60_000)
    summary = upload.finished_summary
    assert summary is not None and summary.state == "done", summary
    assert (summary.rows, summary.valid, summary.invalid, summary.duplicates) == (33, 30, 2, 1)
    assert summary.added == 30 and summary.sent == 30
    # the end shows this run's own figures, never "speed unknown yet" (30 rows end within half a second),
    # and a last snapshot arriving after the end does not overwrite them
    qtbot.wait(300)
    assert upload.state.text() == "Done: 30 sent, 30 added.", upload.state.text()
    assert not upload.pause_button.isEnabled() and not upload.cancel_button.isEnabled()  # nothing left to stop
    assert re.fullmatch(r"30 rows in [\d.,]+ s, [\d,]+ rows/s", upload.rate.text()), upload.rate.text()
    ledger = sandbox.control.ledger(provider)
    sent = {e.phone for e in service.jobs.journal.iter_rows(summary.job_id) if e.outcome == "added"}
    assert set(ledger) == sent and len(sent) == 30 and all(n == 1 for n in ledger.values())
    wizard_next(qtbot, wizard)
    results = wizard.results_page.view
    qtbot.waitUntil(lambda: results.summary is not None, timeout=10_000)
    assert "added 30" in results.totals.text() and "invalid 2" in results.totals.text()
    assert results.model.rowCount() == 33
    results.filter.setCurrentIndex(results.filter.findData("invalid"))
    assert results.model.rowCount() == 2
    assert Path(service.jobs.record(summary.job_id).report).exists()  # type: ignore[union-attr]


def test_each_page_shows_what_the_file_holds(services: AppServices, service: ImportService, sandbox: Any,
                                             qtbot: QtBot, tmp_path: Path) -> None:
    account = add_account(services, sandbox, "alohub")
    path = contacts_xlsx(tmp_path / "kh.xlsx", "alohub", n=12, bad=1)
    wizard = ImportWizard(service, str(path), account_id=account.id, target={"campaign": "1042", "list": "501"})
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    assert page.sheets.rowCount() == 2 and page.sheets.item(0, 0).text() == "Khách hàng"
    assert "1 hidden sheet" in page.message.text()
    page.show_hidden.setChecked(True)
    assert page.sheets.rowCount() == 3 and page.sheets.item(1, 3).text() == "hidden"
    page.show_hidden.setChecked(False)
    wizard_next(qtbot, wizard)
    header = wizard.header_page
    qtbot.waitUntil(header.isComplete, timeout=10_000)
    assert header.row_spin.value() == 3 and "row 3" in header.detected.text()
    assert header.table.verticalHeaderItem(0).text() == "skipped"
    header.row_spin.setValue(4)  # the user picks another header row, then goes back to the detected one
    assert header.table.horizontalHeaderItem(2).text() == "0387000001"
    header.row_spin.setValue(3)
    wizard_next(qtbot, wizard)
    mapping = wizard.mapping_page
    assert mapping.combos["phone"].currentText() == "Số điện thoại"
    assert "Vietnamese synonym" in mapping.reasons["phone"].text()
    assert mapping.combos["name"].currentText() == "Họ và tên"
    assert mapping.region.text() == "VN"
    mapping.combos["phone"].setCurrentIndex(0)
    assert not mapping.isComplete()
    mapping.combos["phone"].setCurrentIndex(mapping.combos["phone"].findText("Số điện thoại"))
    wizard_next(qtbot, wizard)
    review = wizard.review_page
    qtbot.waitUntil(review.isComplete, timeout=20_000)
    assert "Valid: " in review.counts.text() and "Invalid: 1" in review.counts.text()
    review.policy_buttons[review.draft.policy.BLOCK].setChecked(True)
    assert not review.isComplete()
    review.policy_buttons[review.draft.policy.DROP].setChecked(True)
    wizard_next(qtbot, wizard)
    target = wizard.target_page
    assert target.editors["campaign"].value() == "1042" and target.editors["list"].value() == "501"  # pickers
    target.editors["list_name"].setText("Both")
    assert not target.isComplete() and "not both" in target.problem.text()
    target.editors["list_name"].setText("")
    assert target.isComplete()


def test_closing_the_wizard_leaves_the_upload_running(services: AppServices, service: ImportService, sandbox: Any,
                                                      qtbot: QtBot, tmp_path: Path) -> None:
    account = add_account(services, sandbox, "smsby")
    path = contacts_xlsx(tmp_path / "by.xlsx", "smsby", n=1200)
    wizard = ImportWizard(service, str(path), account_id=account.id, target={"list": "102"})
    qtbot.addWidget(wizard)
    wizard.show()
    with qtbot.waitSignal(service.jobs.jobFinished, timeout=60_000) as finished:
        run_to_upload(qtbot, wizard)
        wizard.close()
    assert finished.args[1].state == "done" and finished.args[1].added == 1200
    assert len(sandbox.control.ledger("smsby")) == 1200


def test_a_csv_with_vietnamese_headers_and_a_title_row(services: AppServices, service: ImportService, sandbox: Any,
                                                       qtbot: QtBot, tmp_path: Path) -> None:
    from test_import_helpers import contacts_csv

    account = add_account(services, sandbox, "stringee")
    path = contacts_csv(tmp_path / "kh.csv", [["Danh sách gọi lại"], [], ["STT", "Tên KH", "SĐT"],
                                              ["1", "Lê Thị Hoa", "0386 111 222"], ["2", "Trần Văn Bảo", "386111223"]])
    wizard = ImportWizard(service, str(path), account_id=account.id, target={"campaign": "CA100001"})
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=10_000)
    assert wizard.file_page.sheets.rowCount() == 1 and "encoding" in wizard.file_page.message.text()
    wizard_next(qtbot, wizard)
    qtbot.waitUntil(wizard.header_page.isComplete, timeout=10_000)
    assert wizard.header_page.row_spin.value() == 3
    wizard_next(qtbot, wizard)
    assert wizard.mapping_page.combos["phone"].currentText() == "SĐT"
    wizard_next(qtbot, wizard)
    qtbot.waitUntil(wizard.review_page.isComplete, timeout=10_000)
    assert "Valid: 1   Fixed: 1" in wizard.review_page.counts.text()


def test_review_flags_numbers_the_provider_does_not_take(services: AppServices, service: ImportService,
                                                         sandbox: Any, qtbot: QtBot, tmp_path: Path) -> None:
    """Issue 13 item 4: Australian numbers for Stringee (Vietnamese only) are flagged on the review page with the
    reason, before anything is sent; with nothing left to send the page does not go on."""
    account = add_account(services, sandbox, "stringee")
    from test_import_helpers import contacts_csv

    path = contacts_csv(tmp_path / "au.csv", [["Họ và tên", "Số điện thoại"],
                                              *[[f"Khách {i}", f"+61 412 000 00{i}"] for i in range(1, 5)]])
    wizard = ImportWizard(service, str(path), account_id=account.id, target={"campaign": "CA100001"})
    qtbot.addWidget(wizard)
    wizard.show()
    for _ in range(3):
        wizard_next(qtbot, wizard)
    review = wizard.review_page
    qtbot.waitUntil(lambda: review.draft.result is not None, timeout=20_000)
    result = review.draft.result
    assert result is not None and result.target_rejected == 4 and result.invalid == 4
    assert "a country this provider does not take: 4" in review.counts.text()
    assert result.record(0).message == "Stringee only accepts +84 numbers; this one is +61."
    assert not review.isComplete()
    assert not review.landline.isVisible()  # Stringee calls: fixed lines are fine
    assert sandbox.control.requests("stringee")["count"] == 0


def test_target_page_says_what_is_wrong_with_the_target(services: AppServices, service: ImportService,
                                                        sandbox: Any, qtbot: QtBot, tmp_path: Path) -> None:
    """A list id that is no number: said at once. A list SMS.by does not have: said when "Start import" is
    pressed, after asking the provider; no job is created. A right one goes on to the upload."""
    account = add_account(services, sandbox, "smsby")
    path = contacts_xlsx(tmp_path / "by.xlsx", "smsby", n=3)
    wizard = ImportWizard(service, str(path), account_id=account.id, target={"list": "abc"})
    qtbot.addWidget(wizard)
    wizard.show()
    for _ in range(4):
        wizard_next(qtbot, wizard)
    target = wizard.target_page
    assert wizard.currentId() == PageId.TARGET
    assert not target.isComplete() and "must be a number (got 'abc')" in target.problem.text()
    target.editors["list"].set_value("999")  # the list picker (by name) keeps an id it does not know as typed
    target._changed()
    assert target.isComplete()
    with qtbot.waitSignal(service.targetChecked, timeout=10_000):
        wizard.next()
    qtbot.waitUntil(lambda: "no mailing list 999" in target.problem.text(), timeout=5_000)
    assert wizard.currentId() == PageId.TARGET and not target.isComplete()
    assert service.jobs.records() == [] and sandbox.control.ledger("smsby") == {}
    target.editors["list"].set_value("101")
    target._changed()
    with qtbot.waitSignal(service.jobs.jobFinished, timeout=60_000) as finished:
        wizard_next(qtbot, wizard)
    assert wizard.currentId() == PageId.UPLOAD and finished.args[1].added == 3

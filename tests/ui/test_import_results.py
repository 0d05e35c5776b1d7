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
    assert (sheet["rows"], sheet["added"], sheet["invalid"], sheet["duplicates"]) == ("45", "40", "3", "2")
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

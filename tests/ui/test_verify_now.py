""""Verify now" in the results and the Imports panel: reads flagged rows back through the service."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from qt_support import add_account
from test_import_helpers import close_service, contacts_xlsx, make_service

from campaign_gui.services.container import AppServices
from campaign_gui.services.import_service import ImportService, InvalidPolicy, ValidationRequest
from campaign_gui.ui.i18n import I18N_DIR, LanguageManager
from campaign_gui.ui.import_wizard.results_view import ResultsView
from campaign_gui.ui.jobs_panel import JobsPanel


@pytest.fixture
def service(services: AppServices) -> Iterator[ImportService]:
    built = make_service(services)
    yield built
    close_service(built)


def run_job(service: ImportService, qtbot: QtBot, account: Any, path: Path, target: dict[str, Any],
            region: str) -> Any:
    with qtbot.waitSignal(service.validationFinished, timeout=30_000) as got:
        service.validate(ValidationRequest(str(path), 0, None, None, region))
    with qtbot.waitSignal(service.jobs.jobFinished, timeout=60_000) as done:
        service.jobs.start(account, target, got.args[1], str(path), InvalidPolicy.DROP)
    return done.args[1]


def flagged_cellcast_job(services: AppServices, service: ImportService, sandbox: Any, qtbot: QtBot,
                         tmp_path: Path) -> str:
    """A Cellcast job whose only batch was saved but unanswered while its list could not be read."""
    account = add_account(services, sandbox, "cellcast")
    sandbox.control.fault(provider="cellcast", path="contact/bulk", action="commit_then_500", times=1)
    sandbox.control.fault(provider="cellcast", path="v2/contact", action="status", status=403, times=-1)
    summary = run_job(service, qtbot, account, contacts_xlsx(tmp_path / "au.xlsx", "cellcast", n=30),
                      {"list": ["Kiểm tra"]}, "AU")
    assert (summary.state, summary.needs_verification, summary.added) == ("done", 30, 0)
    sandbox.control.clear_faults()  # the list can be read now
    return str(summary.job_id)


def test_verify_now_in_the_results(services: AppServices, service: ImportService, sandbox: Any, qtbot: QtBot,
                                   tmp_path: Path) -> None:
    job = flagged_cellcast_job(services, service, sandbox, qtbot, tmp_path)
    view = ResultsView(service)
    qtbot.addWidget(view)
    view.show_job(job)
    qtbot.waitUntil(lambda: view.summary is not None, timeout=10_000)
    assert view.verify_button.isVisibleTo(view) and view.verify_button.isEnabled()
    assert view.verify_button.text() == "Verify now"
    phases: list[str] = []
    service.jobs.jobProgress.connect(lambda _job, snap: phases.append(snap.phase))
    with qtbot.waitSignal(service.jobs.jobFinished, timeout=60_000) as done:
        view.verify_button.click()
        assert not view.verify_button.isEnabled()
    summary = done.args[1]
    assert (summary.state, summary.added, summary.needs_verification, summary.sent) == ("done", 30, 0, 30)
    assert summary.sent == summary.added + summary.updated + summary.skipped + summary.rejected + summary.failed \
        + summary.needs_verification
    qtbot.waitUntil(lambda: view.summary is not None and view.summary.needs_verification == 0, timeout=10_000)
    assert "needs verification 0" in view.totals.text() and "added 30" in view.totals.text()
    assert view.note.text() == "Checked: every row is accounted for."
    assert not view.verify_button.isVisibleTo(view)
    assert "verifying" in phases
    posts = sum(n for p, n in sandbox.control.requests("cellcast")["by_path"].items() if p.startswith("POST"))
    assert posts == 1  # found by reading back: never sent again
    assert sorted(sandbox.control.ledger("cellcast").values()) == [1] * 30


def test_verify_now_in_the_imports_panel(services: AppServices, service: ImportService, sandbox: Any,
                                         qtbot: QtBot, tmp_path: Path) -> None:
    job = flagged_cellcast_job(services, service, sandbox, qtbot, tmp_path)
    panel = JobsPanel(service)
    qtbot.addWidget(panel)
    panel.select(job)
    button = panel.buttons["verify"]
    assert button.text() == "Verify now" and button.isEnabled()
    with qtbot.waitSignal(service.jobs.jobFinished, timeout=60_000) as done:
        button.click()
    assert done.args[1].needs_verification == 0 and done.args[1].added == 30
    qtbot.waitUntil(lambda: not panel.buttons["verify"].isEnabled(), timeout=5_000)
    assert panel.buttons["verify"].toolTip() == "No row needs verification."


def test_verify_now_disabled_where_the_provider_cannot_be_read(services: AppServices, service: ImportService,
                                                               sandbox: Any, qtbot: QtBot, tmp_path: Path) -> None:
    """A Stringee job with flagged rows: the action is shown, disabled, and says why, in Vietnamese too."""
    account = add_account(services, sandbox, "stringee")
    summary = run_job(service, qtbot, account, contacts_xlsx(tmp_path / "vn.xlsx", n=6), {"campaign": "CA100002"},
                      "VN")
    journal = service.jobs._journal()
    rows = [e.row for e in journal.iter_rows(summary.job_id)][:2]
    journal.resolve_batch(summary.job_id, 1, "needs_verification",
                          [(r, "needs_verification", "the answer was lost") for r in rows],
                          counts={"added": 4, "needs_verification": 2})
    view = ResultsView(service)
    qtbot.addWidget(view)
    view.show_job(summary.job_id)
    qtbot.waitUntil(lambda: view.summary is not None, timeout=10_000)
    assert view.verify_button.isVisibleTo(view) and not view.verify_button.isEnabled()
    assert view.verify_button.toolTip() == ("Stringee cannot be read back from here: check these rows in its "
                                            "portal.")
    languages = LanguageManager(I18N_DIR)
    try:
        languages.apply("vi")
        panel = JobsPanel(service)
        qtbot.addWidget(panel)
        panel.select(summary.job_id)
        assert panel.buttons["verify"].text() == "Kiểm tra ngay" and not panel.buttons["verify"].isEnabled()
        assert panel.buttons["verify"].toolTip().startswith("Không thể đọc lại dữ liệu từ Stringee")
    finally:
        languages.apply("en")

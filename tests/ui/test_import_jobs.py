"""Upload jobs in the window: pause/resume/cancel, a 429 storm shown as waiting, the jobs panel."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from qt_support import add_account
from test_import_helpers import close_service, contacts_xlsx, make_service

from campaign_gui.services.container import AppServices
from campaign_gui.services.import_service import ImportService, InvalidPolicy, ValidationRequest, ValidationResult
from campaign_gui.ui.import_wizard.draft import ImportDraft
from campaign_gui.ui.import_wizard.upload_page import UploadPage
from campaign_gui.ui.jobs_panel import JobsPanel


@pytest.fixture
def service(services: AppServices) -> Iterator[ImportService]:
    built = make_service(services, pacing=0.25)
    yield built
    close_service(built)


def prepared(service: ImportService, qtbot: QtBot, path: Path, region: str = "VN") -> ValidationResult:
    with qtbot.waitSignal(service.validationFinished, timeout=30_000) as got:
        service.validate(ValidationRequest(str(path), 0, None, None, region))
    result: ValidationResult = got.args[1]
    return result


def upload_page(service: ImportService, qtbot: QtBot, draft: ImportDraft) -> UploadPage:
    page = UploadPage(service, draft)
    qtbot.addWidget(page)
    page.show()
    page.initializePage()
    qtbot.waitUntil(lambda: draft.job_id is not None, timeout=20_000)
    return page


def stringee_draft(services: AppServices, service: ImportService, sandbox: Any, qtbot: QtBot, tmp_path: Path,
                   n: int) -> ImportDraft:
    account = add_account(services, sandbox, "stringee")
    path = contacts_xlsx(tmp_path / "kh.xlsx", "stringee", n=n)
    return ImportDraft(path=str(path), account=account, account_id=account.id, target={"campaign": "CA100002"},
                       result=prepared(service, qtbot, path), policy=InvalidPolicy.DROP)


def test_pause_resume_then_every_row_once(services: AppServices, service: ImportService, sandbox: Any,
                                          qtbot: QtBot, tmp_path: Path) -> None:
    service.jobs.pacing = 0.5
    draft = stringee_draft(services, service, sandbox, qtbot, tmp_path, 5000)
    emitted: list[tuple[float, str, str | None]] = []
    service.jobs.jobProgress.connect(lambda _j, s: emitted.append((time.monotonic(), s.state, s.waiting_reason)))
    page = upload_page(service, qtbot, draft)
    job = draft.job_id
    assert job is not None
    qtbot.waitUntil(lambda: page.last is not None and page.last.done >= 1000, timeout=20_000)
    page.pause_button.click()
    qtbot.waitUntil(lambda: page.last is not None and page.last.state == "paused", timeout=20_000)
    assert page.pause_button.text() == "Resume" and "Paused" in page.state.text()
    held = len(sandbox.control.ledger("stringee"))
    assert 1000 <= held < 5000  # stopped after the batch in flight
    assert sandbox.control.requests("stringee")["count"] == len(sandbox.control.requests("stringee")["times"])
    page.pause_button.click()
    qtbot.waitUntil(page.isComplete, timeout=30_000)
    assert page.finished_summary is not None and page.finished_summary.state == "done"
    ledger = sandbox.control.ledger("stringee")
    assert len(ledger) == 5000 and set(ledger.values()) == {1}
    assert page.count_labels["added"].text() == "5,000"
    # throttled: snapshots that only move the counts come at most every ~100 ms
    plain = [t for (t, state, wait), (_t0, state0, wait0) in zip(emitted[1:], emitted, strict=False)
             if (state, wait) == (state0, wait0)]
    times = sorted(plain)
    assert len(times) >= 2, emitted  # the check below must have something to compare
    assert all(b - a >= 0.05 for a, b in zip(times, times[1:], strict=False))


def test_last_snapshot_after_a_state_change_keeps_the_throttle(service: ImportService, qtbot: QtBot) -> None:
    # What the engine does when a run ends: a plain update, the new state (shown at once), then the same
    # state again with the final counts. That last one goes out before the end, but not sooner than the
    # throttle allows after the state change (it went out 0.01 s after it, and failed the test above in CI).
    import asyncio

    from campaign_gui.services.import_jobs import MIN_GAP, _Live
    from campaign_gui.upload.progress import ProgressSnapshot

    jobs = service.jobs
    live = jobs._live.setdefault("j1", _Live("j1", None))  # type: ignore[arg-type]
    sent: list[tuple[float, str, int]] = []
    jobs.jobProgress.connect(lambda _j, s: sent.append((time.monotonic(), s.state, s.done)))
    jobs._on_snapshot("j1", ProgressSnapshot(total=10, done=4))
    jobs._on_snapshot("j1", ProgressSnapshot(total=10, done=5, state="paused"))
    jobs._on_snapshot("j1", ProgressSnapshot(total=10, done=6, state="paused"))
    assert [(state, done) for _t, state, done in sent] == [("running", 4), ("paused", 5)] and live.dirty

    def run_last() -> None:
        task = asyncio.ensure_future(jobs._emit_last(live))
        qtbot.waitUntil(task.done, timeout=5_000)
        task.result()

    run_last()
    assert [(state, done) for _t, state, done in sent][2:] == [("paused", 6)] and not live.dirty
    assert sent[2][0] - sent[1][0] >= MIN_GAP
    run_last()  # nothing new: nothing sent
    assert len(sent) == 3
    jobs._live.pop("j1")


def test_start_up_removes_what_a_killed_validation_left(services: AppServices, qtbot: QtBot, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # kill -9 mid-validation leaves the parts of a big sheet in the temporary folder (importer.scratch);
    # the next start removes them without waiting for the next big sheet
    import tempfile

    from campaign_gui.reading import scratch
    from campaign_gui.services.import_jobs import ImportJobService

    base = tmp_path / "tmp"
    base.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(base))
    dead = base / f"{scratch.PREFIX}999999-abcd"
    dead.mkdir()
    (dead / scratch.OWNER).write_text("999999")  # nobody holds its lock
    (dead / "tmpk3j2.xlsx").write_bytes(b"x" * 100_000)
    jobs = ImportJobService(tmp_path / "data", services.accounts, services.pool)
    try:
        jobs.open()
        qtbot.waitUntil(lambda: not dead.exists(), timeout=10_000)
    finally:
        jobs.close()


def test_cancel_stops_after_the_batch_and_fails_the_rest(services: AppServices, service: ImportService,
                                                          sandbox: Any, qtbot: QtBot, tmp_path: Path) -> None:
    service.jobs.pacing = 0.5
    draft = stringee_draft(services, service, sandbox, qtbot, tmp_path, 5000)
    page = upload_page(service, qtbot, draft)
    qtbot.waitUntil(lambda: page.last is not None and page.last.done >= 1000, timeout=20_000)
    page.cancel_button.click()
    qtbot.waitUntil(page.isComplete, timeout=30_000)
    summary = page.finished_summary
    assert summary is not None and summary.state == "cancelled"
    assert summary.added == len(sandbox.control.ledger("stringee")) < 5000
    assert summary.failed == 5000 - summary.added and summary.sent == 5000


def test_rate_limit_storm_is_shown_as_waiting(services: AppServices, service: ImportService, sandbox: Any,
                                              qtbot: QtBot, tmp_path: Path) -> None:
    sandbox.control.fault(provider="stringee", path="add-by-phones", action="rate_limit", retry_after="2", times=-1)
    draft = stringee_draft(services, service, sandbox, qtbot, tmp_path, 50)
    page = upload_page(service, qtbot, draft)
    panel = JobsPanel(service)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: "(rate limited)" in page.waiting.text(), timeout=20_000)
    assert page.waiting.text().startswith("Waiting ")
    item = panel.item_for(draft.job_id or "")
    qtbot.waitUntil(lambda: item is not None and "(rate limited)" in item.text(5), timeout=10_000)
    assert sandbox.control.ledger("stringee") == {}
    sandbox.control.clear_faults()
    qtbot.waitUntil(page.isComplete, timeout=30_000)
    assert page.finished_summary is not None and page.finished_summary.added == 50
    assert page.waiting.text() == ""
    assert len(sandbox.control.ledger("stringee")) == 50


def test_jobs_panel_lists_states_and_actions(services: AppServices, service: ImportService, sandbox: Any,
                                             qtbot: QtBot, tmp_path: Path) -> None:
    draft = stringee_draft(services, service, sandbox, qtbot, tmp_path, 2500)
    panel = JobsPanel(service)
    qtbot.addWidget(panel)
    page = upload_page(service, qtbot, draft)
    job = draft.job_id or ""
    qtbot.waitUntil(lambda: panel.item_for(job) is not None and panel.item_for(job).text(3) == "running",
                    timeout=10_000)
    panel.select(job)
    assert panel.buttons["pause"].isEnabled() and not panel.buttons["resume"].isEnabled()
    panel.buttons["pause"].click()
    qtbot.waitUntil(lambda: panel.item_for(job).text(3) == "paused", timeout=20_000)
    qtbot.waitUntil(lambda: panel.buttons["resume"].isEnabled(), timeout=5_000)
    panel.buttons["resume"].click()
    qtbot.waitUntil(page.isComplete, timeout=30_000)
    qtbot.waitUntil(lambda: panel.item_for(job) is not None and panel.item_for(job).text(3) == "finished",
                    timeout=10_000)
    assert "2,500 of 2,500" in panel.item_for(job).text(4)
    qtbot.wait(300)  # no snapshot comes after the end to blank the panel's result column
    assert panel.item_for(job).text(5) == "2,500 added, 0 not added", panel.item_for(job).text(5)
    with qtbot.waitSignal(service.jobs.reportWritten, timeout=20_000):
        service.jobs.export_report(job, str(tmp_path / "r.xlsx"))
    assert (tmp_path / "r.xlsx").stat().st_size > 0

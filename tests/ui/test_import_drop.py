"""Import support on the main window: drops on the window and on tree nodes, close during an import, resume."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from qt_support import FakeSecrets, add_account
from test_import_helpers import contacts_xlsx

from campaign_gui.services.browse import NodeKind, NodeRef
from campaign_gui.services.container import AppServices, build_services
from campaign_gui.services.import_service import ImportService, InvalidPolicy, ValidationRequest
from campaign_gui.services.import_setup import build_import_service
from campaign_gui.storage.accounts import AccountStore
from campaign_gui.ui.import_drop import ImportSupport, install_import_support
from campaign_gui.ui.import_wizard.wizard import ImportWizard
from campaign_gui.ui.main_window import MainWindow


def make_window(services: AppServices, tmp_path: Path, qtbot: QtBot, *, ask_resume: bool = False,
                pacing: float | None = 0.0) -> tuple[MainWindow, ImportSupport, ImportService]:
    window = MainWindow(services, QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    service = build_import_service(services, use_process=False, pacing=pacing)
    support = install_import_support(window, service, ask_resume=ask_resume)
    window.show()
    return window, support, service


@pytest.fixture
def opened(services: AppServices, tmp_path: Path, qtbot: QtBot) -> Iterator[tuple[MainWindow, ImportSupport, ImportService]]:
    window, support, service = make_window(services, tmp_path, qtbot)
    yield window, support, service
    for wizard in list(support.wizards):
        wizard.close()
    service.shutdown()
    service.jobs.close()


def drop(widget: QWidget, paths: list[Path], pos: QPoint | None = None) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    where = QPointF(pos if pos is not None else widget.rect().center())
    with warnings.catch_warnings():  # PySide marks Qt 6's only QDragEnterEvent constructor deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    accepted = enter.isAccepted()
    event = QDropEvent(where, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier, QEvent.Type.Drop)
    QApplication.sendEvent(widget, event)
    return accepted


def test_drop_on_the_window_queues_one_import_per_file(opened: Any, services: AppServices, sandbox: Any,
                                                       qtbot: QtBot, tmp_path: Path) -> None:
    window, support, _service = opened
    add_account(services, sandbox, "stringee")
    a = contacts_xlsx(tmp_path / "a.xlsx", n=3)
    b = contacts_xlsx(tmp_path / "b.xlsx", n=3)
    png = tmp_path / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    opened_wizards: list[ImportWizard] = []
    support.wizardOpened.connect(opened_wizards.append)
    assert drop(window, [a, png, b])
    assert len(opened_wizards) == 1 and opened_wizards[0].draft.path == str(a)
    assert len(support.queue) == 1
    assert support.box is not None and support.box.isVisible()
    assert "photo.png" in support.box.text() and "not a spreadsheet" in support.box.text()
    support.box.close()
    opened_wizards[0].close()  # closing the first wizard opens the next queued file
    qtbot.waitUntil(lambda: len(opened_wizards) == 2, timeout=5_000)
    assert opened_wizards[1].draft.path == str(b)


def test_drop_on_a_campaign_node_preselects_the_target(opened: Any, services: AppServices, sandbox: Any,
                                                       qtbot: QtBot, tmp_path: Path) -> None:
    window, support, _service = opened
    account = add_account(services, sandbox, "alohub")
    window.populate()
    node = NodeRef(NodeKind.CAMPAIGN, account.id, id="1042")
    qtbot.waitUntil(lambda: window.tree.tree_model.index_of(node).isValid(), timeout=15_000)
    index = window.tree.tree_model.index_of(node)
    window.tree.scrollTo(index)
    pos = window.tree.visualRect(index).center()
    got: list[ImportWizard] = []
    support.wizardOpened.connect(got.append)
    assert drop(window.tree.viewport(), [contacts_xlsx(tmp_path / "a.xlsx", "alohub", n=3)], pos)
    assert len(got) == 1
    assert got[0].draft.account_id == account.id and got[0].draft.target == {"campaign": "1042"}
    assert support.node_at(pos) == window.tree.tree_model.node(index)
    window.tree.setCurrentIndex(window.tree.tree_model.account_index(account.id))
    assert support.open_target(account.id, {"campaign": "1042"})  # the results page's "Open target"
    assert (window.tree.current_node() or node).key == node.key and window.tree.current_node() is not None


def test_ctrl_i_opens_the_wizard(opened: Any, qtbot: QtBot) -> None:
    window, support, _service = opened
    got: list[ImportWizard] = []
    support.wizardOpened.connect(got.append)
    support.import_action.trigger()
    assert len(got) == 1 and got[0].isVisible()
    assert support.import_action.shortcut().toString() == "Ctrl+I"
    assert window.jobs.widget() is support.panel


def start_job(service: ImportService, account: Any, path: Path, qtbot: QtBot) -> str:
    with qtbot.waitSignal(service.validationFinished, timeout=30_000) as got:
        service.validate(ValidationRequest(str(path), 0, None, None, "VN"))
    with qtbot.waitSignal(service.jobs.jobCreated, timeout=30_000) as created:
        service.jobs.start(account, {"campaign": "CA100002"}, got.args[1], str(path), InvalidPolicy.DROP)
    return str(created.args[1])


def test_close_during_import_asks_stops_safely_and_resumes_next_start(services: AppServices, secrets: FakeSecrets,
                                                                      sandbox: Any, qloop: Any,
                                                                      qtbot: QtBot, tmp_path: Path) -> None:
    window, support, service = make_window(services, tmp_path, qtbot, pacing=0.25)
    account = add_account(services, sandbox, "stringee")
    path = contacts_xlsx(tmp_path / "kh.xlsx", n=4000)
    job = start_job(service, account, path, qtbot)
    qtbot.waitUntil(lambda: (service.jobs.snapshot(job) or type("S", (), {"done": 0})).done >= 1000, timeout=20_000)
    window.close()
    assert window.isVisible() and support.box is not None and support.box.objectName() == "closeBox"
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    support.box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: bool(closed), timeout=10_000)  # within a few seconds, journal committed
    sent = len(sandbox.control.ledger("stringee"))
    assert 1000 <= sent < 4000

    again = build_services(tmp_path, store=AccountStore(tmp_path), secrets=secrets,
                           sandbox_factory=lambda: None)
    window2, support2, service2 = make_window(again, tmp_path / "2", qtbot, ask_resume=True)
    try:
        assert service2.jobs.record(job).state == "interrupted"  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: support2.box is not None and support2.box.isVisible(), timeout=10_000)
        assert support2.box.objectName() == "resumeBox" and "kh.xlsx" in support2.box.text()
        with qtbot.waitSignal(service2.jobs.jobFinished, timeout=60_000) as finished:
            support2.box.button(QMessageBox.StandardButton.Yes).click()
        assert finished.args[1].state == "done"
        ledger = sandbox.control.ledger("stringee")
        assert len(ledger) == 4000 and set(ledger.values()) == {1}
        support2.panel.select(job)
        with qtbot.waitSignal(service2.computed, timeout=10_000):
            support2.panel.buttons["results"].click()  # the Imports panel opens the job's results
        dialog = support2._results
        qtbot.waitUntil(lambda: dialog.view.summary is not None, timeout=10_000)
        assert "added 4,000" in dialog.view.totals.text()
        dialog.close()
    finally:
        window2.close()
        service2.shutdown()
        service2.jobs.close()
        closing = qloop.create_task(again.aclose())
        qtbot.waitUntil(closing.done, timeout=10_000)


def test_quit_during_a_batch_slower_than_the_grace_leaves_the_job_resumable(
        services: AppServices, secrets: FakeSecrets, sandbox: Any, qloop: Any, qtbot: QtBot, tmp_path: Path) -> None:
    """Issue 13 item 2: "Stop and quit" while a batch stalls past the shutdown grace. The window still closes
    within seconds; no unsent row becomes "failed"; the job is interrupted, the stalled batch still `sending`;
    the next start offers it, and resuming sends every row exactly once."""
    from campaign_gui.services.import_jobs import SHUTDOWN_SECONDS
    from campaign_gui.upload.journal import Journal

    window, support, service = make_window(services, tmp_path, qtbot, pacing=0.2)  # paced: one batch in flight
    account = add_account(services, sandbox, "stringee")
    stall = SHUTDOWN_SECONDS + 25  # far beyond the grace: the request never answers before the window closes
    sandbox.control.fault(provider="stringee", path="add-by-phones", action="stall", seconds=stall, after=2)
    path = contacts_xlsx(tmp_path / "kh.xlsx", n=5000)
    job = start_job(service, account, path, qtbot)
    qtbot.waitUntil(lambda: sandbox.control.faults()[0]["fired"] == 1, timeout=30_000)  # the third batch stalls
    window.close()
    assert support.box is not None and support.box.objectName() == "closeBox"
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    support.box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: bool(closed), timeout=(SHUTDOWN_SECONDS + 4) * 1000)  # grace + cancel, not the stall
    sent = len(sandbox.control.ledger("stringee"))
    assert sent == 2000  # two batches answered, the third still stalled at the provider

    journal = Journal.open(tmp_path, read_only=True)
    try:
        record = journal.get_job(job)
        counts = journal.outcome_counts(job)
        batches = {b.batch_id: b.state for b in journal.open_batches(job)}
    finally:
        journal.close()
    assert record is not None and record.state == "interrupted"
    assert counts.get("failed", 0) == 0 and counts.get("added", 0) == 2000
    assert counts.get("pending", 0) == 3000  # the stalled batch's rows included: not sent as far as we know
    assert list(batches.values()) == ["sending"]  # resolved at resume by Stringee's retry class (resend)

    again = build_services(tmp_path, store=AccountStore(tmp_path), secrets=secrets, sandbox_factory=lambda: None)
    window2, support2, service2 = make_window(again, tmp_path / "2", qtbot, ask_resume=True)
    try:
        qtbot.waitUntil(lambda: support2.box is not None and support2.box.isVisible(), timeout=10_000)
        assert support2.box.objectName() == "resumeBox" and "kh.xlsx" in support2.box.text()
        with qtbot.waitSignal(service2.jobs.jobFinished, timeout=60_000) as finished:
            support2.box.button(QMessageBox.StandardButton.Yes).click()
        summary = finished.args[1]
        assert summary.state == "done" and summary.failed == 0 and summary.sent == 5000
        ledger = sandbox.control.ledger("stringee")
        assert len(ledger) == 5000 and set(ledger.values()) == {1}
    finally:
        window2.close()
        service2.shutdown()
        service2.jobs.close()
        closing = qloop.create_task(again.aclose())
        qtbot.waitUntil(closing.done, timeout=10_000)


def test_stop_and_quit_without_asking(services: AppServices, sandbox: Any, qtbot: QtBot, tmp_path: Path) -> None:
    """The path a SIGTERM takes: no question, the job stops and stays resumable, the window closes."""
    from campaign_gui.upload.journal import Journal

    window, support, service = make_window(services, tmp_path, qtbot, pacing=0.25)
    account = add_account(services, sandbox, "stringee")
    job = start_job(service, account, contacts_xlsx(tmp_path / "kh.xlsx", n=4000), qtbot)
    qtbot.waitUntil(lambda: len(sandbox.control.ledger("stringee")) >= 1000, timeout=20_000)
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    support.stop_and_quit()
    assert support.box is None or support.box.objectName() != "closeBox"
    qtbot.waitUntil(lambda: bool(closed), timeout=10_000)
    with Journal.open(tmp_path, read_only=True) as journal:
        record = journal.get_job(job)
        counts = journal.outcome_counts(job)
    assert record is not None and record.state == "interrupted"
    assert counts.get("failed", 0) == 0 and counts["pending"] == 4000 - len(sandbox.control.ledger("stringee"))

"""The window shows what is true now: tree counts, banners per account, expansion kept, targets opened, paused said."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import test_import_drop
import test_main_window
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from qt_support import add_account
from test_import_helpers import contacts_xlsx

from campaign_gui.services.browse import NodeKind, NodeRef
from campaign_gui.services.container import AppServices
from campaign_gui.services.import_service import ImportService, InvalidPolicy, ValidationRequest
from campaign_gui.ui.import_drop import ImportSupport
from campaign_gui.ui.main_window import MainWindow

window = test_main_window.window  # the window on demo data (fixture)
pytestmark = [pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("does not support propagateSizeHints", "does not support raise")]


def label(win: MainWindow, node: NodeRef) -> str:
    return str(win.tree.tree_model.index_of(node).data())


def test_tree_count_follows_an_add(window: MainWindow, qtbot: QtBot) -> None:
    node = window.tree.current_node()
    assert node is not None and node.count == 150 and label(window, node).endswith("— 150")
    window.contact_actions.add.trigger()
    dialog = window.contact_actions._dialog
    dialog.phone.setText("0901 234 568")
    with qtbot.waitSignal(window.services.contacts.actionFinished, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "151 contacts" in window.pane.count_label.text(), timeout=10_000)
    assert label(window, node).endswith("— 151")
    assert (window.tree.current_node() or node).count == 151


def dynmsg_account(win: MainWindow) -> Any:
    model = win.tree.tree_model
    dm = next(model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == "Dynamic Messaging")
    return model.index(0, 0, dm)


def test_an_error_banner_belongs_to_its_account(window: MainWindow, sandbox: Any, qtbot: QtBot) -> None:
    sandbox.control.fault(provider="dynmsg", path="Campaigns", action="status", status=500, times=1)
    list_node = window.tree.current_node()
    account = dynmsg_account(window)
    with qtbot.waitSignal(window.tree.tree_model.childrenError, timeout=20_000):
        window.tree.expand(account)
    banner = window.pane.banner
    qtbot.waitUntil(banner.isVisible, timeout=5_000)
    assert (banner.error.title if banner.error else "").startswith("Dynamic Messaging demo: ")  # whose error it is
    assert list_node is not None
    other = NodeRef(NodeKind.LIST, list_node.account_id, id="502", campaign_id="1042")
    with qtbot.waitSignal(window.pane.model.firstPageShown, timeout=10_000):
        assert window.tree.select_node(other)  # another Alohub list is shown
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5_000)
    window.tree.setCurrentIndex(account)  # the account it came from: the error is still true
    qtbot.waitUntil(banner.isVisible, timeout=5_000)
    assert (banner.error.title if banner.error else "").startswith("Dynamic Messaging demo: ") and banner.action_text() == "Retry"
    with qtbot.waitSignal(window.tree.tree_model.childrenArrived, timeout=10_000):
        banner._action.click()
    window.tree.setCurrentIndex(account.model().index(0, 0, account))
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5_000)
    window.tree.setCurrentIndex(account)
    assert not banner.isVisible()  # loaded since: no stale error


def test_saving_an_account_keeps_expansion_and_selection(window: MainWindow, qtbot: QtBot) -> None:
    current = window.tree.current_node()
    assert current is not None and current.kind is NodeKind.LIST
    account = dynmsg_account(window)
    with qtbot.waitSignal(window.tree.tree_model.childrenArrived, timeout=10_000):
        window.tree.expand(account)
    alohub = window.services.accounts.get(current.account_id)
    assert alohub is not None
    dialog = window.open_account_dialog(alohub)
    dialog.name.setText("Alohub renamed")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: (window.tree.current_node() or current).key == current.key
                    and window.tree.current_node() is not None
                    and window.tree.current_node().kind is NodeKind.LIST, timeout=15_000)
    assert window.tree.isExpanded(dynmsg_account(window))
    assert window.tree.isExpanded(window.tree.tree_model.index_of(NodeRef(NodeKind.CAMPAIGN, current.account_id,
                                                                          id="1042")))
    assert any("Alohub renamed" in str(window.tree.tree_model.index_of(n).data())
               for n in window.tree.tree_model.nodes() if n.kind is NodeKind.ACCOUNT)


@pytest.fixture
def opened(services: AppServices, tmp_path: Path, qtbot: QtBot) -> Iterator[tuple[MainWindow, ImportSupport,
                                                                                    ImportService]]:
    win, support, service = test_import_drop.make_window(services, tmp_path, qtbot)
    yield win, support, service
    for wizard in list(support.wizards):
        wizard.close()
    service.shutdown()
    service.jobs.close()


def run_import(service: ImportService, account: Any, target: dict[str, str], path: Path, region: str,
               qtbot: QtBot) -> Any:
    with qtbot.waitSignal(service.validationFinished, timeout=30_000) as got:
        service.validate(ValidationRequest(str(path), 0, None, None, region))
    with qtbot.waitSignal(service.jobs.jobFinished, timeout=60_000) as finished:
        service.jobs.start(account, target, got.args[1], str(path), InvalidPolicy.DROP)
    return finished.args[1]


def test_counts_follow_an_import_and_open_target_selects_the_new_list(opened: Any, services: AppServices,
                                                                      sandbox: Any, qtbot: QtBot,
                                                                      tmp_path: Path) -> None:
    win, support, service = opened
    account = add_account(services, sandbox, "alohub")
    with qtbot.waitSignal(win.pane.model.firstPageShown, timeout=15_000):
        win.populate()
    other = NodeRef(NodeKind.LIST, account.id, id="502", campaign_id="1042")
    shown = win.tree.current_node()
    assert shown is not None and shown.id == "501"
    assert label(win, other).endswith("— 30")
    summary = run_import(service, account, {"campaign": "1042", "list": "502"},
                         contacts_xlsx(tmp_path / "a.xlsx", "alohub", n=5), "VN", qtbot)
    assert summary.added == 5
    qtbot.waitUntil(lambda: label(win, other).endswith("— 35"), timeout=5_000)
    with qtbot.waitSignal(win.pane.model.firstPageShown, timeout=10_000):  # the shown list reloads itself
        summary = run_import(service, account, {"campaign": "1042", "list": "501"},
                             contacts_xlsx(tmp_path / "b.xlsx", "alohub", n=4), "VN", qtbot)
    qtbot.waitUntil(lambda: label(win, shown).endswith("— 154"), timeout=10_000)
    assert win.pane.model.total == 154

    target = {"campaign": "1042", "list_name": "Danh sách mới tháng 6"}
    run_import(service, account, target, contacts_xlsx(tmp_path / "c.xlsx", "alohub", n=3), "VN", qtbot)
    support.open_target(account.id, target)
    qtbot.waitUntil(lambda: (win.tree.current_node() or shown).name == "Danh sách mới tháng 6", timeout=15_000)
    node = win.tree.current_node()
    assert node is not None and node.kind is NodeKind.LIST and node.campaign_id == "1042"
    qtbot.waitUntil(lambda: win.pane.model.total == 3, timeout=10_000)


def test_open_target_selects_the_campaign_dynmsg_created(opened: Any, services: AppServices, sandbox: Any,
                                                         qtbot: QtBot, tmp_path: Path) -> None:
    win, support, service = opened
    account = add_account(services, sandbox, "dynmsg")
    win.populate()
    target = {"campaign": "new", "sender": "Shop", "message": "Spring sale", "start": "2026-05-01T09:00:00Z"}
    summary = run_import(service, account, target, contacts_xlsx(tmp_path / "d.xlsx", "dynmsg", n=3), "GB", qtbot)
    assert summary.added == 3
    created = service.jobs.created_campaign(summary.job_id)
    assert created
    support.open_target(account.id, target)
    qtbot.waitUntil(lambda: (win.tree.current_node() is not None and win.tree.current_node().kind is NodeKind.CAMPAIGN
                             and win.tree.current_node().id == created), timeout=15_000)


def test_a_paused_import_is_called_paused_at_quit(services: AppServices, sandbox: Any, qtbot: QtBot,
                                                  tmp_path: Path) -> None:
    win, support, service = test_import_drop.make_window(services, tmp_path, qtbot, pacing=0.25)
    try:
        account = add_account(services, sandbox, "stringee")
        job = test_import_drop.start_job(service, account, contacts_xlsx(tmp_path / "p.xlsx", n=4000), qtbot)
        qtbot.waitUntil(lambda: service.jobs.state(job) == "running", timeout=20_000)
        service.jobs.pause(job)
        qtbot.waitUntil(lambda: service.jobs.state(job) == "paused", timeout=20_000)
        win.close()
        box = support.box
        assert box is not None and box.objectName() == "closeBox" and win.isVisible()
        assert "paused" in box.text() and "still running" not in box.text()
        assert box.button(QMessageBox.StandardButton.Yes).text() == "Quit"
        box.button(QMessageBox.StandardButton.No).click()
    finally:
        for wizard in list(support.wizards):
            wizard.close()
        service.shutdown()
        service.jobs.close()

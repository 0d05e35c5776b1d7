"""The main window on demo data: first run, lazy tree, add/delete, error banners, language, layout."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot
from qt_support import show_all_contacts

from campaign_gui.services.browse import NodeKind
from campaign_gui.services.container import AppServices
from campaign_gui.ui.i18n import LanguageManager
from campaign_gui.ui.main_window import MainWindow


@pytest.fixture
def window(services: AppServices, sandbox: Any, tmp_path: Path, qtbot: QtBot) -> Iterator[MainWindow]:
    languages = LanguageManager()
    languages.apply("en")  # as the app does: English plural forms come from its catalogue
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    win = MainWindow(services, settings)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(services.demo.ready, timeout=10_000):
        services.demo.start(first_run=True)
    with qtbot.waitSignal(win.pane.model.firstPageShown, timeout=15_000):
        win.populate()
    yield win
    win.close()
    languages.clear()


def tree_texts(win: MainWindow) -> list[str]:
    model = win.tree.tree_model
    out = []
    for row in range(model.rowCount()):
        provider = model.index(row, 0)
        out += [model.index(r, 0, provider).data() for r in range(model.rowCount(provider))]
    return out


def test_first_run_shows_five_demo_accounts_and_contacts(window: MainWindow) -> None:
    texts = tree_texts(window)
    assert len(texts) == 5 and all(t.endswith("· Demo") for t in texts)
    node = window.tree.current_node()
    assert node is not None and node.kind is NodeKind.LIST and node.id == "501"
    assert window.pane.model.rowCount() > 0
    assert "150 contacts" in window.pane.count_label.text()


def test_tree_loads_children_only_when_opened(window: MainWindow, sandbox: Any, qtbot: QtBot) -> None:
    assert sandbox.control.requests("dynmsg")["count"] == 0
    model = window.tree.tree_model
    dm = next(model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == "Dynamic Messaging")
    account = model.index(0, 0, dm)
    assert model.hasChildren(account) and model.rowCount(account) == 0
    with qtbot.waitSignal(model.childrenArrived, timeout=10_000):
        window.tree.expand(account)
    assert model.rowCount(account) > 20
    assert sandbox.control.requests("dynmsg")["count"] >= 1
    assert " — " in model.index(0, 0, account).data()  # counts shown


def test_add_contact_by_hand(window: MainWindow, sandbox: Any, qtbot: QtBot) -> None:
    actions = window.contact_actions
    assert actions.add.isEnabled()
    actions.add.trigger()
    dialog = actions._dialog
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.phone.setText("12345")
    assert not ok.isEnabled() and dialog.phone_status.text()
    dialog.phone.setText("0901 234 567")
    assert ok.isEnabled() and "+84901234567" in dialog.phone_status.text()
    dialog.name.setText("Nguyễn Văn Thử")
    with qtbot.waitSignal(window.services.contacts.actionFinished, timeout=10_000) as blocker:
        ok.click()
    assert blocker.args[:2] == ["add", True]
    assert sandbox.control.ledger("alohub") == {"+84901234567": 1}
    qtbot.waitUntil(lambda: "151 contacts" in window.pane.count_label.text(), timeout=10_000)


def select_row(window: MainWindow, status: str) -> Any:
    model = window.pane.model
    row = next(r for r in range(model.rowCount()) if model.contact(r).status == status)
    window.pane.table.selectRow(row)
    return model.contact(row)


def test_alohub_deletes_only_pending_contacts(window: MainWindow, qtbot: QtBot) -> None:
    delete = window.contact_actions.delete
    select_row(window, "processed")
    assert not delete.isEnabled()
    assert "only pending" in delete.toolTip()
    contact = select_row(window, "pending")
    assert delete.isEnabled()
    delete.trigger()
    box: QMessageBox = window.contact_actions._box
    qtbot.waitUntil(box.isVisible)
    with qtbot.waitSignal(window.services.contacts.actionFinished, timeout=10_000) as blocker:
        box.button(QMessageBox.StandardButton.Yes).click()
    assert blocker.args[:2] == ["delete", True]
    qtbot.waitUntil(lambda: "149 contacts" in window.pane.count_label.text(), timeout=10_000)
    model = window.pane.model
    assert contact.id not in {model.contact(r).id for r in range(model.rowCount())}


def test_providers_without_delete_say_why(window: MainWindow, qtbot: QtBot) -> None:
    show_all_contacts(window, qtbot, "Cellcast")  # "All contacts"
    window.pane.table.selectRow(0)
    assert not window.contact_actions.delete.isEnabled()
    assert "no way to delete" in window.contact_actions.delete.toolTip()


def test_401_banner_offers_to_reenter_the_key(window: MainWindow, sandbox: Any, qtbot: QtBot) -> None:
    sandbox.control.fault(provider="alohub", path="contact-lists/501/contacts", action="status", status=401, times=-1)
    window.pane.reload()
    banner = window.pane.banner
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    assert "Re-enter the key" in banner.action_text()
    banner._action.click()
    qtbot.waitUntil(lambda: window._account_dialog.isVisible(), timeout=5_000)
    window._account_dialog.reject()


def test_429_banner_counts_down_and_retries(window: MainWindow, sandbox: Any, qtbot: QtBot) -> None:
    sandbox.control.fault(provider="alohub", path="contact-lists/501/contacts", action="rate_limit",
                          retry_after="2", times=1)
    banner = window.pane.banner
    window.pane.reload()
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    assert banner.remaining >= 1 and "Waiting" in banner.message_text()
    assert window.pane.model.rowCount() == 0
    with qtbot.waitSignal(window.pane.model.firstPageShown, timeout=15_000):
        pass  # the countdown ends and the banner retries by itself
    assert not banner.isVisible() and window.pane.model.rowCount() == 50


def test_language_switch_applies_live(window: MainWindow, qtbot: QtBot) -> None:
    languages = LanguageManager()
    window.settingsApplied.connect(lambda language, _scheme: languages.apply(language))
    try:
        window.settingsApplied.emit("vi", "system")
        qtbot.waitUntil(lambda: window.windowTitle() == "Quản lý chiến dịch", timeout=5_000)
        assert window.pane.model.headerData(0, Qt.Orientation.Horizontal) == "Điện thoại"
        assert "150 liên hệ" in window.pane.count_label.text()
        assert any("Tất cả" in t or "Demo" in t for t in tree_texts(window))
        dialog = window.open_account_dialog(None)
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).text() == "Lưu"
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
        dialog.reject()
    finally:
        languages.apply("en")
    qtbot.waitUntil(lambda: window.windowTitle() == "Campaign Manager", timeout=5_000)


def test_remembered_campaign_for_stringee(window: MainWindow, qtbot: QtBot) -> None:
    account = next(a for a in window.services.accounts.accounts() if a.provider.value == "stringee")
    window.tree.rememberRequested.emit(account.id)
    dialog = window._dialog
    dialog.ident.setText("CA100001")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    node = window.tree.current_node()
    assert node is not None and node.id == "CA100001" and node.remembered
    assert window.contact_actions.add.isEnabled()  # Stringee adds by phone to a campaign
    assert "no documented endpoint" in window.pane.hint.text()
    assert window.services.accounts.store.remembered(account.id, "campaign")[0]["id"] == "CA100001"


def test_layout_is_remembered(window: MainWindow, services: AppServices, tmp_path: Path, qtbot: QtBot) -> None:
    window.resize(760, 560)
    window.splitter.setSizes([300, 460])
    window.pane.table.setColumnWidth(1, 333)
    left = window.splitter.sizes()[0]
    window.close()
    settings = QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)
    again = MainWindow(services, settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.size() == window.size()
    assert abs(again.splitter.sizes()[0] - left) <= 2
    assert again.pane.table.columnWidth(1) == 333


def open_dynmsg_campaign(window: MainWindow, qtbot: QtBot) -> None:
    show_all_contacts(window, qtbot, "Dynamic Messaging")  # "All contacts"


def test_dynmsg_search_and_sort_are_server_side(window: MainWindow, qtbot: QtBot) -> None:
    open_dynmsg_campaign(window, qtbot)
    model = window.pane.model
    total = model.total
    name = model.contact(0).name.split()[0]
    with qtbot.waitSignal(model.firstPageShown, timeout=10_000):
        window.pane.search.setText(name)
    assert model.view is not None and model.view.scope.search == name
    assert model.rowCount() > 0 and all(name.lower() in model.contact(r).name.lower() or
                                        name in model.contact(r).phone for r in range(model.rowCount()))
    assert model.total is not None and total is not None and model.total < total
    with qtbot.waitSignal(model.firstPageShown, timeout=10_000):
        window.pane.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    assert model.view.scope.sort == "-name" and model.view.scope.search == name
    names = [model.contact(r).name for r in range(model.rowCount())]
    assert names == sorted(names, reverse=True)


def test_alohub_filters_loaded_rows_locally(window: MainWindow, sandbox: Any, qtbot: QtBot) -> None:
    pane = window.pane
    before = sandbox.control.requests("alohub")["count"]
    needle = pane.model.contact(3).name
    pane.search.setText(needle)
    qtbot.waitUntil(lambda: pane.proxy.rowCount() < pane.model.rowCount(), timeout=5_000)
    assert all(needle in pane.proxy.index(r, 1).data() for r in range(pane.proxy.rowCount()))
    assert "shown" in pane.count_label.text()
    assert sandbox.control.requests("alohub")["count"] == before  # no server round trip
    assert pane.table.horizontalHeader().isSortIndicatorShown()  # Alohub's loaded rows sort locally
    # The filter covers the loaded rows only: the short view never pages from the server by itself
    # (Qt asks from a delayed layout, so ask here as the view would, and run its pending layout).
    loaded = pane.model.rowCount()
    assert loaded < (pane.model.total or 0)
    assert not pane.proxy.canFetchMore(QModelIndex())
    pane.proxy.fetchMore(QModelIndex())
    pane.table.doItemsLayout()
    QApplication.processEvents()
    assert pane.model.rowCount() == loaded
    assert sandbox.control.requests("alohub")["count"] == before
    assert "clear it to load more" in pane.count_label.toolTip()
    pane.search.clear()
    qtbot.waitUntil(lambda: pane.proxy.rowCount() == pane.model.rowCount(), timeout=5_000)
    assert pane.proxy.canFetchMore(QModelIndex()) or pane.model.rowCount() > loaded
    assert pane.count_label.toolTip() == ""


def test_demo_accounts_can_be_removed(window: MainWindow, qtbot: QtBot) -> None:
    account = next(a for a in window.services.accounts.accounts() if a.provider.value == "smsby")
    window.tree.removeAccountRequested.emit(account.id)
    box: QMessageBox = window._box
    qtbot.waitUntil(box.isVisible)
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: len(tree_texts(window)) == 4)
    assert window.services.accounts.get(account.id) is None


def test_settings_dialog_applies_language_and_scheme(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.open_settings()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    dialog.scheme.setCurrentIndex(dialog.scheme.findData("dark"))
    with qtbot.waitSignal(window.settingsApplied) as blocker:
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert blocker.args == ["en", "dark"]
    assert window.settings.value("ui/scheme") == "dark"


def open_cellcast_all(window: MainWindow, qtbot: QtBot) -> None:
    show_all_contacts(window, qtbot, "Cellcast")  # "All contacts"


def test_cellcast_filters_by_tag_on_the_server(window: MainWindow, qtbot: QtBot) -> None:
    open_cellcast_all(window, qtbot)
    pane = window.pane
    assert pane.filter_kind.isVisible()
    all_total = pane.model.total
    pane.filter_kind.setCurrentIndex(pane.filter_kind.findData("tag"))
    pane.search.setText("Customer")
    qtbot.waitUntil(lambda: pane.model.view is not None and pane.model.view.scope.tag == "Customer"
                    and pane.model.rowCount() > 0, timeout=10_000)
    tags = [str(pane.model.contact(r).extra) for r in range(pane.model.rowCount())]
    assert tags and all("Customer" in t for t in tags)
    assert pane.model.total is None or all_total is None or pane.model.total < all_total


def test_server_error_banner_has_a_retry_button(window: MainWindow, sandbox: Any, qtbot: QtBot) -> None:
    sandbox.control.fault(provider="alohub", path="contact-lists/501/contacts", action="status", status=503, times=1)
    window.pane.reload()
    banner = window.pane.banner
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    assert banner.action_text() == "Retry" and "503" in banner.message_text()
    with qtbot.waitSignal(window.pane.model.firstPageShown, timeout=10_000):
        banner._action.click()
    assert not banner.isVisible() and window.pane.model.rowCount() == 50


def test_export_from_the_window(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "list.xlsx"
    with qtbot.waitSignal(window.services.export.finished, timeout=20_000) as blocker:
        window.contact_actions.start_export(target)
    assert blocker.args == [str(target), 150] and target.exists()
    qtbot.waitUntil(lambda: "Exported 150 contacts" in window.statusBar().currentMessage(), timeout=2_000)
    assert window.contact_actions.export_.isEnabled()


def test_keyboard_shortcuts(window: MainWindow, qtbot: QtBot) -> None:
    actions = window.contact_actions
    keys = {name: action.shortcut().toString() for name, action in
            (("refresh", actions.refresh), ("add", actions.add), ("delete", actions.delete), ("find", actions.find),
             ("import", actions.import_), ("quit", window.quit_action))}
    assert keys == {"refresh": "F5", "add": "Ctrl+N", "delete": "Del", "find": "Ctrl+F", "import": "Ctrl+I",
                    "quit": "Ctrl+Q"}
    actions.find.trigger()
    qtbot.waitUntil(window.pane.search.hasFocus, timeout=2_000)


def test_tree_errors_show_in_the_banner_with_retry(window: MainWindow, sandbox: Any, qtbot: QtBot) -> None:
    sandbox.control.fault(provider="dynmsg", path="Campaigns", action="status", status=500, times=1)
    model = window.tree.tree_model
    dm = next(model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == "Dynamic Messaging")
    account = model.index(0, 0, dm)
    window.tree.expand(account)
    banner = window.pane.banner
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    assert banner.action_text() == "Retry" and model.rowCount(account) == 0
    with qtbot.waitSignal(model.childrenArrived, timeout=10_000):
        banner._action.click()
    assert model.rowCount(account) > 20


def test_the_last_selected_node_is_selected_again(window: MainWindow, services: AppServices, tmp_path: Path,
                                                  qtbot: QtBot) -> None:
    model = window.tree.tree_model
    campaign = model.index_of(window.tree.current_node()).parent()
    other = model.index(1, 0, campaign)  # "Default List" of the same campaign
    with qtbot.waitSignal(window.pane.model.firstPageShown, timeout=10_000):
        window.tree.setCurrentIndex(other)
    wanted = window.tree.current_node()
    window.close()
    again = MainWindow(services, QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.pane.model.firstPageShown, timeout=10_000):
        again.populate()
    assert again.tree.current_node() == wanted and wanted is not None and wanted.id == "502"


def test_uncaught_errors_show_a_redacted_dialog(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    from campaign_gui.domain.redaction import register_secret
    from campaign_gui.services.diagnostics import CrashReporter
    from campaign_gui.ui.crash_dialog import show_crash_dialog

    register_secret("dynmsg-live-key-77aa11")
    boxes: list[QMessageBox] = []
    reporter = CrashReporter(lambda title, message: boxes.append(show_crash_dialog(window, title, message,
                                                                                   tmp_path / "logs")))
    try:
        raise RuntimeError("boom with dynmsg-live-key-77aa11")
    except RuntimeError as exc:
        reporter.report(exc, exc.__traceback__)
    qtbot.waitUntil(boxes[0].isVisible)
    assert "RuntimeError" in boxes[0].text() and "***" in boxes[0].text()
    assert "dynmsg-live-key-77aa11" not in boxes[0].text() and "logs" in boxes[0].text()
    boxes[0].close()


def test_removing_every_account_says_what_to_do(window: MainWindow, qtbot: QtBot) -> None:
    for account in window.services.accounts.accounts():
        window.services.accounts.remove(account.id)
    assert tree_texts(window) == []
    assert "Add account" in window.pane.hint.text()


def test_add_campaign_by_id_refuses_an_id_stringee_would_refuse(window: MainWindow, qtbot: QtBot) -> None:
    """NOPE-123 is not kept (it used to be, until an import failed): OK stays disabled and the reason is shown."""
    account = next(a for a in window.services.accounts.accounts() if a.provider.value == "stringee")
    window.tree.rememberRequested.emit(account.id)
    dialog = window._dialog
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.ident.setText("NOPE-123")
    assert not ok.isEnabled()
    assert "CA100001" in dialog.problem.text() and "NOPE-123" in dialog.problem.text()
    dialog._ok()  # even pressed through Enter, nothing is kept
    kept = lambda: [i["id"] for i in window.services.accounts.store.remembered(account.id, "campaign")]  # noqa: E731
    assert "NOPE-123" not in kept()
    assert window.services.browse.remember(account, "NOPE-123", "x") is None  # nor through the service
    assert "NOPE-123" not in kept()
    assert dialog.checked_later.isVisibleTo(dialog) and "first batch" in dialog.checked_later.text()
    dialog.ident.setText("")
    dialog.name.setText("Chiến dịch Tết")  # a name alone would be kept as the id: refused too
    assert not ok.isEnabled() and "Chiến dịch Tết" in dialog.problem.text()
    dialog.ident.setText("CA100002")
    assert ok.isEnabled() and not dialog.problem.isVisibleTo(dialog)
    dialog.reject()

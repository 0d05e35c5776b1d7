"""The main window: account tree, contacts, the Imports dock, menus, shortcuts and remembered layout."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QToolBar, QVBoxLayout, QWidget

from campaign_gui.domain.models import Account
from campaign_gui.services.browse import NodeKind, NodeRef, remember_kind, scope_for, shows_contacts, target_for
from campaign_gui.services.contacts import ContactView
from campaign_gui.services.container import AppServices
from campaign_gui.services.errors import UserError
from campaign_gui.services.target_choices import remembered_id_problem
from campaign_gui.ui.account_dialog import AccountDialog, provider_text
from campaign_gui.ui.account_tree import AccountTreeView
from campaign_gui.ui.contact_actions import ContactActions
from campaign_gui.ui.contacts_pane import ContactsPane
from campaign_gui.ui.demo_banner import DemoBanner
from campaign_gui.ui.icons import app_icon, retint, themed
from campaign_gui.ui.jobs_area import JobsArea
from campaign_gui.ui.remember_dialog import RememberDialog
from campaign_gui.ui.settings_dialog import SettingsDialog


class MainWindow(QMainWindow):
    """Built in code; ``closed`` fires after the layout has been saved."""

    closed = Signal()
    settingsApplied = Signal(str, str)  # language, scheme

    def __init__(self, services: AppServices, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.tree = AccountTreeView(services.browse, self)
        self.tree.setObjectName("accountTree")
        self.pane = ContactsPane(services.contacts, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.pane)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 900])
        self.demo_banner = DemoBanner(self)
        self.demo_banner.addAccountRequested.connect(lambda: self.open_account_dialog(None))
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.demo_banner)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.jobs = JobsArea(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.jobs)
        self.status_where = QLabel(self)
        self.statusBar().addWidget(self.status_where)
        self.status_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.status_label)

        self.contact_actions = ContactActions(self.pane, services.contacts, services.export, self, self.view_for)
        self.contact_actions.statusMessage.connect(self.show_status)
        self.contact_actions.refreshRequested.connect(self.refresh)
        self.pane.statusMessage.connect(self.show_status)
        self.pane.banner.editAccountRequested.connect(self._edit_current_account)
        self._make_actions()
        self._make_menus()

        self.tree.nodeSelected.connect(self._node_selected)
        self.tree.editAccountRequested.connect(self.edit_account)
        self.tree.removeAccountRequested.connect(self.confirm_remove_account)
        self.tree.rememberRequested.connect(self._remember)
        self.tree.childrenFailed.connect(self._tree_failed)
        self._error_account: str | None = None
        self._tree_errors: dict[str, tuple[NodeRef, UserError]] = {}  # account id → its last tree error
        self.pane.model.totalChanged.connect(self._sync_count)
        self.tree.tree_model.childrenArrived.connect(self._children_arrived)
        services.accounts.accountsChanged.connect(self._accounts_changed)
        services.demo.failed.connect(lambda m: self.show_status(self.tr("Demo mode could not start: {0}").format(m)))
        services.contacts.busyChanged.connect(self._busy)
        self._ready = False
        self.retranslate()
        self.restore_layout()

    # --- actions and menus --------------------------------------------------------------------
    def _make_actions(self) -> None:
        self.add_account_action = QAction("", self)
        themed(self.add_account_action, "account")
        self.add_account_action.triggered.connect(lambda: self.open_account_dialog(None))
        self.edit_account_action = QAction("", self)
        themed(self.edit_account_action, "key")
        self.edit_account_action.triggered.connect(self._edit_current_account)
        self.remove_account_action = QAction("", self)
        themed(self.remove_account_action, "delete")
        self.remove_account_action.triggered.connect(lambda: self._with_current_account(self.confirm_remove_account))
        self.remember_action = QAction("", self)
        themed(self.remember_action, "add")
        self.remember_action.triggered.connect(lambda: self._with_current_account(self._remember))
        self.settings_action = QAction("", self)
        themed(self.settings_action, "settings")
        self.settings_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
                                          or [QKeySequence("Ctrl+,")])
        self.settings_action.triggered.connect(self.open_settings)
        self.quit_action = QAction("", self)
        self.quit_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
                                      or [QKeySequence("Ctrl+Q")])
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction("", self)
        self.about_action.triggered.connect(self._about)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        ca = self.contact_actions
        for action in (ca.refresh, ca.add, ca.delete, ca.export_, ca.import_):
            self.toolbar.addAction(action)
        ca.delete_rule_action = self.toolbar.insertWidget(ca.export_, ca.delete_rule)  # the rule, beside its button
        ca.update_state()
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.add_account_action)
        self.toolbar.addAction(self.settings_action)
        self.addToolBar(self.toolbar)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.contact_actions.import_)
        self.file_menu.addAction(self.contact_actions.export_)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.accounts_menu = bar.addMenu("")
        self.accounts_menu.addAction(self.add_account_action)
        self.accounts_menu.addAction(self.edit_account_action)
        self.accounts_menu.addAction(self.remove_account_action)
        self.accounts_menu.addSeparator()
        self.accounts_menu.addAction(self.remember_action)
        self.contacts_menu = bar.addMenu("")
        for action in self.contact_actions.actions():
            if action is not self.contact_actions.import_ and action is not self.contact_actions.export_:
                self.contacts_menu.addAction(action)
        self.view_menu = bar.addMenu("")
        self.imports_toggle = self.jobs.toggleViewAction()
        self.view_menu.addAction(self.imports_toggle)
        self.view_menu.addAction(self.toolbar.toggleViewAction())
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Campaign Manager"))
        self.add_account_action.setText(self.tr("Add &account…"))
        self.add_account_action.setToolTip(self.tr("Add an account at a provider"))
        self.edit_account_action.setText(self.tr("&Edit account…"))
        self.remove_account_action.setText(self.tr("&Remove account…"))
        self.remember_action.setText(self.tr("Add a campaign or list &by id…"))
        self.remember_action.setToolTip(self.tr("For providers whose API cannot list them (Stringee campaigns, "
                                                "Cellcast lists)"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About Campaign Manager"))
        self.file_menu.setTitle(self.tr("&File"))
        self.accounts_menu.setTitle(self.tr("A&ccounts"))
        self.contacts_menu.setTitle(self.tr("&Contacts"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self.tree.setAccessibleName(self.tr("Accounts, campaigns and lists"))
        self.pane.table.setAccessibleName(self.tr("Contacts"))
        self.contact_actions.retranslate()
        self.demo_banner.retranslate()
        self.pane.retranslate()
        self.jobs.retranslate()
        self.pane.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0,
                                               max(0, self.pane.model.columnCount() - 1))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.tree.tree_model.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:  # light/dark switch: redraw the tinted icons
            retint(self)
            self.tree.tree_model.retint()
            self.pane.banner.retint()
            self.demo_banner.retint()
        super().changeEvent(event)

    # --- accounts and the tree ----------------------------------------------------------------
    def populate(self) -> None:
        """Fill the tree once the accounts are usable (after demo mode is ready)."""
        self._ready = True
        self._show_demo_banner()
        self._rebuild_tree(auto_select=True)
        if not self.services.accounts.accounts():
            self.pane.show_hint(lambda: self.tr("No accounts yet. Use “Add account…” to connect a provider."))

    def _rebuild_tree(self, auto_select: bool) -> None:
        current = self.tree.current_node()
        expanded = self.tree.expanded_keys()
        prefer = _node_key(str(self.settings.value("ui/last_node", "") or ""))
        self.tree.set_accounts(self.services.accounts.accounts(), auto_select=auto_select and current is None,
                               prefer=prefer)
        if current is None:
            return
        # Saving an account keeps what was open and selected: nodes open again as their children arrive.
        self.tree.restore(expanded, current)
        if self.tree.current_node() is None:
            account_index = self.tree.tree_model.account_index(current.account_id)
            if account_index.isValid():
                self.tree.setCurrentIndex(account_index)  # until the node itself is back

    def _accounts_changed(self) -> None:
        if self._ready:
            self._show_demo_banner()
            self._rebuild_tree(auto_select=False)
            if not self.services.accounts.accounts():
                self.pane.show_hint(lambda: self.tr("No accounts yet. Use “Add account…” to connect a provider."))

    def demo_active(self) -> bool:
        return any(a.demo for a in self.services.accounts.accounts())

    def _show_demo_banner(self) -> None:
        self.demo_banner.setVisible(self.demo_active())

    def account_for(self, node: NodeRef | None) -> Account | None:
        return self.services.accounts.get(node.account_id) if node is not None else None

    def view_for(self, node: NodeRef) -> ContactView | None:
        account = self.account_for(node)
        if account is None:
            return None
        info = self.services.browse.info_for(account)
        return ContactView(account, scope_for(node), tuple(target_for(info, node).items()))

    def _sync_count(self) -> None:
        """The tree's count beside the shown node follows what the provider says now (adds, deletes, imports)."""
        node, view, total = self.tree.current_node(), self.pane.current_view(), self.pane.model.total
        if node is None or view is None or total is None or node.count is None:
            return
        if dataclasses.replace(view.scope, sort=None) == scope_for(node) and view.account.id == node.account_id:
            self.tree.tree_model.set_count(node, total)

    def _children_arrived(self, index: QModelIndex) -> None:
        node = self.tree.tree_model.node(index)
        pending = self._tree_errors.get(node.account_id) if node is not None else None
        if node is not None and pending is not None and pending[0].key == node.key:
            del self._tree_errors[node.account_id]  # loaded this time: the error is over

    def _node_selected(self, node: NodeRef | None) -> None:
        self._error_account = None
        self.contact_actions.set_node(node)
        account_node = self.account_for(node)
        kind = remember_kind(self.services.browse.info_for(account_node)) if account_node is not None else None
        self.remember_action.setEnabled(kind is not None)
        account = self.account_for(node)
        if node is not None and account is not None:
            self.settings.setValue("ui/last_node", json.dumps(list(node.key)))
            where = account.name if node.kind is NodeKind.ACCOUNT else f"{account.name} › {node.name or node.id}"
            self.status_where.setText(where)
        if node is None or account is None:
            self.pane.show_hint(lambda: self.tr("Choose a campaign or a contact list on the left."))
            return
        info = self.services.browse.info_for(account)
        view = self.view_for(node)
        if view is not None and shows_contacts(info, node):
            self.pane.show_view(view)
        elif node.kind is NodeKind.ACCOUNT:
            self.pane.show_hint(lambda: self._account_hint(account))
        elif not info.capabilities.list_contacts:
            self.pane.show_hint(lambda: self._no_list_hint(account))
        else:
            self.pane.show_hint(lambda: self.tr("Choose a contact list of this campaign to see its contacts."))
        self.contact_actions.update_state()
        pending = self._tree_errors.get(account.id)
        if pending is not None:  # an error of this account that came while another one was shown
            self._show_tree_error(*pending)

    def _account_hint(self, account: Account) -> str:
        info = self.services.browse.info_for(account)
        kind = remember_kind(info)
        text = self.tr("{0} at {1}.").format(account.name, info.display_name)
        if kind is not None:
            text += " " + (self.tr("Its API cannot list campaigns: right-click the account to add one by id.")
                           if kind == "campaign" else
                           self.tr("Its API cannot list contact lists: right-click the account to add one."))
        else:
            text += " " + self.tr("Open it to see its campaigns and lists.")
        return text

    def _no_list_hint(self, account: Account) -> str:
        info = self.services.browse.info_for(account)
        note = provider_text(info.notes.get("list_contacts", "")) or self.tr("This provider cannot list contacts.")
        extra = self.tr("You can still add contacts here.") if info.capabilities.add_contact else ""
        return f"{note}. {extra}".replace("..", ".").strip()

    def refresh(self) -> None:
        node = self.tree.current_node()
        if node is not None and node.kind is not NodeKind.LIST:
            self.tree.reload_current()
        self.pane.reload()

    def _remember(self, account_id: str) -> None:
        account = self.services.accounts.get(account_id)
        if account is None:
            return
        info = self.services.browse.info_for(account)
        kind = remember_kind(info) or "campaign"
        hint = provider_text(info.notes.get("list_campaigns" if kind == "campaign" else "list_contact_lists", ""))
        dialog = RememberDialog(kind, hint, self, check=lambda ident: remembered_id_problem(info, ident))
        dialog.chosen.connect(lambda ident, name: self._remembered(account, ident, name))
        self._dialog = dialog
        dialog.open()

    def _remembered(self, account: Account, ident: str, name: str) -> None:
        node = self.services.browse.remember(account, ident, name)
        if node is not None:
            self.tree.add_remembered(node)

    # --- dialogs ------------------------------------------------------------------------------
    def open_account_dialog(self, account: Account | None) -> AccountDialog:
        dialog = AccountDialog(self.services.accounts, account, self)
        dialog.saved.connect(lambda _id: self.show_status(self.tr("Account saved.")))
        dialog.removed.connect(lambda _id: self.show_status(self.tr("Account removed.")))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._account_dialog = dialog
        dialog.open()
        return dialog

    def edit_account(self, account_id: str) -> None:
        account = self.services.accounts.get(account_id)
        if account is not None:
            self.open_account_dialog(account)

    def _with_current_account(self, action: Callable[[str], None]) -> None:
        node = self.tree.current_node()
        if node is None:
            self.show_status(self.tr("Choose an account on the left first."))
            return
        action(node.account_id)

    def confirm_remove_account(self, account_id: str) -> None:
        account = self.services.accounts.get(account_id)
        if account is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Remove account"),
                          self.tr("Remove the account “{0}” and forget its key? Campaigns and contacts at the "
                                  "provider are not touched.").format(account.name),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda _r: self._remove_account(account_id)
                             if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes) else None)
        self._box = box
        box.open()

    def _remove_account(self, account_id: str) -> None:
        self.services.accounts.remove(account_id)
        self.show_status(self.tr("Account removed."))

    def _edit_current_account(self) -> None:
        node = self.tree.current_node()
        account_id = self._error_account or (node.account_id if node is not None else None)
        self._error_account = None
        if account_id is not None:
            self.edit_account(account_id)

    def _tree_failed(self, node: NodeRef, error: UserError) -> None:
        """Loading campaigns/lists failed: say so above the table, with the action that helps."""
        self.show_status(self.tr("Could not load {0}: {1}").format(node.name or node.id, error.title))
        self._tree_errors[node.account_id] = (node, error)
        self._show_tree_error(node, error)

    def _show_tree_error(self, node: NodeRef, error: UserError) -> None:
        """The banner belongs to the account the error came from: it names that account, goes when another
        account's node is shown, and comes back with that account until its nodes load."""
        self._error_account = node.account_id
        account = self.services.accounts.get(node.account_id)
        if account is not None:
            error = dataclasses.replace(error, title=self.tr("{0}: {1}").format(account.name, error.title))

        def retry() -> None:
            index = self.tree.tree_model.index_of(node)
            if index.isValid():
                self.tree.tree_model.reload(index)

        self.pane.show_error(error, retry)

    def open_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(str(self.settings.value("ui/language", "system")),
                                str(self.settings.value("ui/scheme", "system")),
                                self.services.accounts.backend_description(), str(self.services.data_dir), self)
        dialog.applied.connect(self._settings_applied)
        self._settings_dialog = dialog
        dialog.open()
        return dialog

    def _settings_applied(self, language: str, scheme: str) -> None:
        self.settings.setValue("ui/language", language)
        self.settings.setValue("ui/scheme", scheme)
        self.settingsApplied.emit(language, scheme)

    def _about(self) -> None:
        from campaign_gui import __version__

        text = self.tr("Campaign Manager {0}\nBrowse and manage contacts of SMS and call-center "
                       "campaigns at five providers.\nLog: {1}").format(__version__, self.services.data_dir / "logs")
        if self.demo_active():
            text += "\n\n" + self.tr("Demo mode: the demo accounts use the built-in sandbox, which simulates the "
                                     "five providers on this computer. Its data is reset at every start and "
                                     "nothing reaches a real provider.")
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About Campaign Manager"), text,
                          QMessageBox.StandardButton.Ok, self)
        self._box = box
        box.open()

    # --- status -------------------------------------------------------------------------------
    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 10_000)

    def _busy(self, busy: bool) -> None:
        self.status_label.setText(self.tr("Loading…") if busy else "")

    # --- layout persistence -------------------------------------------------------------------
    def restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = self.settings.value("window/state")
        if not isinstance(state, QByteArray) or state.isEmpty():  # first run: a slim Imports dock
            QTimer.singleShot(0, lambda: self.resizeDocks([self.jobs], [90], Qt.Orientation.Vertical))
        for key, restore in (("window/state", self.restoreState), ("window/splitter", self.splitter.restoreState),
                             ("window/columns", self.pane.table.horizontalHeader().restoreState)):
            value = self.settings.value(key)
            if isinstance(value, QByteArray) and not value.isEmpty():
                restore(value)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/columns", self.pane.table.horizontalHeader().saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
        self.closed.emit()


def _node_key(text: str) -> tuple[str, str, str, str] | None:
    """The node key saved by the last session (a JSON list of four strings), if valid."""
    try:
        value = json.loads(text) if text else None
    except ValueError:
        return None
    if isinstance(value, list) and len(value) == 4 and all(isinstance(v, str) for v in value):
        return (value[0], value[1], value[2], value[3])
    return None

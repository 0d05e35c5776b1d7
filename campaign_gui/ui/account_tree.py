"""The account tree view: lazy expansion, a context menu, and finding a first node with contacts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeView, QWidget

from campaign_gui.domain.models import Account
from campaign_gui.services.browse import BrowseService, NodeKind, NodeRef, remember_kind, shows_contacts
from campaign_gui.services.errors import UserError
from campaign_gui.ui.account_tree_model import AccountTreeModel
from campaign_gui.ui.icons import icon


class AccountTreeView(QTreeView):
    """Emits ``nodeSelected`` for account/campaign/list nodes and requests for the context actions."""

    nodeSelected = Signal(object)  # NodeRef | None
    editAccountRequested = Signal(str)
    removeAccountRequested = Signal(str)
    rememberRequested = Signal(str)  # account id: add a campaign/list by id or name
    childrenFailed = Signal(object, object)  # NodeRef, UserError

    def __init__(self, browse: BrowseService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._browse = browse
        self.tree_model = AccountTreeModel(browse, self)
        self.setModel(self.tree_model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.tree_model.childrenArrived.connect(self._children_arrived)
        self.tree_model.childrenError.connect(self._children_error)
        self._auto_queue: list[QModelIndex] = []
        self._auto_select = False
        self._prefer: tuple[str, str, str, str] | None = None
        self._restore_expanded: set[tuple[str, str, str, str]] = set()
        self._reveal: Callable[[NodeRef], bool] | None = None

    def set_accounts(self, accounts: list[Account], auto_select: bool = True,
                     prefer: tuple[str, str, str, str] | None = None) -> None:
        """Rebuild the tree; ``auto_select`` opens the way to ``prefer`` (a node key) or else to the
        first node that shows contacts, loading only the nodes on that way."""
        self.tree_model.set_accounts(accounts)
        self.expandToDepth(0)
        self._auto_select = auto_select
        self._prefer = prefer
        self._auto_queue = self._account_indexes()
        self._auto_next()

    def _account_indexes(self) -> list[QModelIndex]:
        out = []
        for row in range(self.tree_model.rowCount()):
            provider = self.tree_model.index(row, 0)
            out += [self.tree_model.index(child, 0, provider) for child in range(self.tree_model.rowCount(provider))]
        return out

    def expanded_keys(self) -> set[tuple[str, str, str, str]]:
        """The nodes open now (to open them again after a rebuild)."""
        out = set()
        for node in self.tree_model.nodes():
            index = self.tree_model.index_of(node)
            if index.isValid() and self.isExpanded(index):
                out.add(node.key)
        return out

    def restore(self, expanded: set[tuple[str, str, str, str]], current: NodeRef | None) -> None:
        """After a rebuild: open the nodes that were open and select ``current`` once it is loaded again."""
        self._restore_expanded = set(expanded)
        for index in self._account_indexes():
            node = self.tree_model.node(index)
            if node is not None and node.key in self._restore_expanded:
                self.expand(index)
        if current is not None and not self.select_node(current):
            key = current.key
            self.reveal(lambda n: n.key == key)

    def reveal(self, match: Callable[[NodeRef], bool], reload: QModelIndex | None = None) -> bool:
        """Select the first node ``match`` accepts, now or when it arrives (after reloading ``reload``)."""
        self._reveal = None
        if reload is None:
            for node in self.tree_model.nodes():
                if match(node) and self.select_node(node):
                    return True
        self._reveal = match
        if reload is not None and reload.isValid():
            self.expand(reload)
            self.tree_model.reload(reload)
        return False

    def current_node(self) -> NodeRef | None:
        return self.tree_model.node(self.currentIndex())

    def select_node(self, node: NodeRef) -> bool:
        index = self.tree_model.index_of(node)
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        return True

    def reload_current(self) -> None:
        index = self.currentIndex()
        node = self.tree_model.node(index)
        if node is not None and self._browse.can_have_children(node):
            self.tree_model.reload(index)

    def add_remembered(self, node: NodeRef) -> None:
        parent = self.tree_model.account_index(node.account_id)
        if not parent.isValid():
            return
        existing = self.tree_model.index_of(node)
        index = existing if existing.isValid() else self.tree_model.add_child(parent, node)
        self.expand(parent)
        self.setCurrentIndex(index)

    # --- auto-select: depth-first to the first node that shows contacts ------------------------
    def _auto_next(self) -> None:
        while self._auto_select and self._auto_queue:
            index = self._auto_queue.pop(0)
            node = self.tree_model.node(index)
            if node is None or not self._on_the_way(node):
                continue
            if self._wanted(node):
                self._auto_select = False
                self.setCurrentIndex(index)
                return
            if self.tree_model.canFetchMore(index):
                self._auto_queue.insert(0, index)
                self.tree_model.fetchMore(index)  # continues in _children_arrived
                self.expand(index)
                return
            children = [self.tree_model.index(r, 0, index) for r in range(self.tree_model.rowCount(index))]
            if children:
                self.expand(index)
            self._auto_queue[0:0] = children
        if self._auto_select and self._prefer is not None:  # the remembered node is gone: first one instead
            self._prefer = None
            self._auto_queue = self._account_indexes()
            self._auto_next()

    def _wanted(self, node: NodeRef) -> bool:
        if self._prefer is not None:
            return node.key == self._prefer
        account = self._browse_account(node)
        return account is not None and shows_contacts(self._browse.info_for(account), node)

    def _on_the_way(self, node: NodeRef) -> bool:
        if self._prefer is None:
            return True
        account_id, _kind, campaign_id, _ident = self._prefer
        if node.account_id != account_id:
            return False
        return node.kind is not NodeKind.CAMPAIGN or node.key == self._prefer or node.id == campaign_id

    def _children_arrived(self, index: QModelIndex) -> None:
        for row in range(self.tree_model.rowCount(index)):
            child = self.tree_model.index(row, 0, index)
            node = self.tree_model.node(child)
            if node is None:
                continue
            if node.key in self._restore_expanded:
                self._restore_expanded.discard(node.key)
                self.expand(child)
            if self._reveal is not None and self._reveal(node):
                self._reveal = None
                self._auto_select = False
                self.setCurrentIndex(child)
        if self._auto_select and self._auto_queue and self._auto_queue[0] == index:
            self._auto_queue.pop(0)
            children = [self.tree_model.index(r, 0, index) for r in range(self.tree_model.rowCount(index))]
            self._auto_queue[0:0] = children
            self._auto_next()

    def _children_error(self, index: QModelIndex, error: UserError) -> None:
        node = self.tree_model.node(index)
        if node is not None:
            self.childrenFailed.emit(node, error)
        if self._auto_select and self._auto_queue and self._auto_queue[0] == index:
            self._auto_queue.pop(0)
            self._auto_next()

    def _browse_account(self, node: NodeRef) -> Account | None:
        return self._browse.account(node.account_id)

    # --- selection and context menu -------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.nodeSelected.emit(self.tree_model.node(current))

    def _context_menu(self, pos: QPoint) -> None:
        index = self.indexAt(pos)
        node = self.tree_model.node(index)
        if node is None:
            return
        menu = QMenu(self)
        account = self._browse_account(node)
        kind = remember_kind(self._browse.info_for(account)) if account is not None else None
        if node.kind is NodeKind.ACCOUNT:
            self._add(menu, "refresh", self.tr("Refresh"), lambda: self.tree_model.reload(index))
            if kind is not None:
                label = self.tr("Add campaign by id…") if kind == "campaign" else self.tr("Add list by id or name…")
                self._add(menu, "add", label, lambda: self.rememberRequested.emit(node.account_id))
            menu.addSeparator()
            self._add(menu, "key", self.tr("Edit account…"), lambda: self.editAccountRequested.emit(node.account_id))
            self._add(menu, "delete", self.tr("Remove account…"),
                      lambda: self.removeAccountRequested.emit(node.account_id))
        else:
            if self.tree_model.hasChildren(index):
                self._add(menu, "refresh", self.tr("Refresh"), lambda: self.tree_model.reload(index))
            if node.remembered:
                self._add(menu, "delete", self.tr("Forget this entry"), lambda: self._forget(node))
        if not menu.isEmpty():
            menu.popup(self.viewport().mapToGlobal(pos))

    def _add(self, menu: QMenu, icon_name: str, text: str, slot: object) -> QAction:
        action = menu.addAction(icon(icon_name), text)
        action.triggered.connect(slot)
        return action

    def _forget(self, node: NodeRef) -> None:
        self._browse.forget(node)
        self.tree_model.remove_node(node)

"""The account tree model: provider → account → campaigns → contact lists, children fetched lazily."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel

from campaign_gui.domain.models import Account
from campaign_gui.services.browse import BrowseService, NodeKind, NodeRef
from campaign_gui.services.errors import UserError
from campaign_gui.ui.icons import icon

NodeRole = Qt.ItemDataRole.UserRole + 1
StateRole = Qt.ItemDataRole.UserRole + 2  # "", "loading", "loaded"
ProviderRole = Qt.ItemDataRole.UserRole + 3
AnyIndex = QModelIndex | QPersistentModelIndex
_ICONS = {NodeKind.ACCOUNT: "account", NodeKind.CAMPAIGN: "campaign", NodeKind.LIST: "list",
          NodeKind.ALL_CONTACTS: "all"}


class AccountTreeModel(QStandardItemModel):
    """Items carry a ``NodeRef``; ``fetchMore`` on an unloaded node asks the browse service."""

    childrenArrived = Signal(QModelIndex)
    childrenError = Signal(QModelIndex, object)  # index, UserError

    def __init__(self, browse: BrowseService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._browse = browse
        self._items: dict[tuple[str, str, str, str], QStandardItem] = {}
        browse.childrenLoaded.connect(self._on_children)
        browse.childrenFailed.connect(self._on_failed)
        self.setColumnCount(1)

    def set_accounts(self, accounts: list[Account]) -> None:
        """Rebuild the tree (collapses everything; children load again on demand)."""
        self.clear()
        self._items.clear()
        self.setColumnCount(1)
        by_provider: dict[str, QStandardItem] = {}
        for account in sorted(accounts, key=lambda a: (a.provider.value, not a.demo, a.name.lower())):
            info = self._browse.info_for(account)
            parent = by_provider.get(info.id.value)
            if parent is None:
                parent = QStandardItem(icon("provider"), info.display_name)
                parent.setData(info.id.value, ProviderRole)
                parent.setEditable(False)
                self.invisibleRootItem().appendRow(parent)
                by_provider[info.id.value] = parent
            node = dataclasses.replace(self._browse.account_node(account), demo=account.demo)
            parent.appendRow(self._make_item(node))

    def retranslate(self) -> None:
        """Relabel every item in place (the language changed); nothing is reloaded."""
        for item in self._items.values():
            value: Any = item.data(NodeRole)
            if isinstance(value, NodeRef):
                item.setText(self._label(value))
                self._set_tooltip(item, value)

    def retint(self) -> None:
        """Redraw the icons for the current palette."""
        for item in self._items.values():
            value: Any = item.data(NodeRole)
            if isinstance(value, NodeRef):
                item.setIcon(icon(_ICONS[value.kind]))
        root = self.invisibleRootItem()
        for row in range(root.rowCount()):
            child = root.child(row)
            if child is not None:
                child.setIcon(icon("provider"))

    def node(self, index: AnyIndex) -> NodeRef | None:
        if not index.isValid():
            return None
        value = self.data(index, NodeRole)
        return value if isinstance(value, NodeRef) else None

    def index_of(self, node: NodeRef) -> QModelIndex:
        item = self._items.get(node.key)
        return item.index() if item is not None else QModelIndex()

    def account_index(self, account_id: str) -> QModelIndex:
        return self.index_of(NodeRef(NodeKind.ACCOUNT, account_id, id=account_id))

    def reload(self, index: QModelIndex) -> None:
        """Forget the children of ``index`` and fetch them again."""
        item = self.itemFromIndex(index)
        if item is None or self.node(index) is None:
            return
        self._drop_children(item)
        item.setData("", StateRole)
        if self.canFetchMore(index):
            self.fetchMore(index)

    def add_child(self, parent: QModelIndex, node: NodeRef) -> QModelIndex:
        item = self.itemFromIndex(parent)
        if item is None:
            return QModelIndex()
        child = self._make_item(node)
        item.appendRow(child)
        return child.index()

    def set_count(self, node: NodeRef, count: int | None) -> NodeRef | None:
        """Show ``count`` beside ``node`` (the contacts it holds now); returns the updated node."""
        item = self._items.get(node.key)
        value: Any = item.data(NodeRole) if item is not None else None
        if item is None or not isinstance(value, NodeRef):
            return None
        if value.count != count:
            value = dataclasses.replace(value, count=count)
            item.setData(value, NodeRole)
            item.setText(self._label(value))
        return value

    def nodes(self) -> list[NodeRef]:
        """Every node of the tree (accounts, campaigns, lists) as loaded now."""
        out = []
        for item in self._items.values():
            value: Any = item.data(NodeRole)
            if isinstance(value, NodeRef):
                out.append(value)
        return out

    def remove_node(self, node: NodeRef) -> None:
        item = self._items.pop(node.key, None)
        if item is not None:
            parent = item.parent() or self.invisibleRootItem()
            parent.removeRow(item.row())

    # --- lazy loading -------------------------------------------------------------------------
    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:
        node = self.node(parent)
        if node is not None and self.data(parent, StateRole) != "loaded" and self._browse.can_have_children(node):
            return True
        return super().hasChildren(parent)

    def canFetchMore(self, parent: AnyIndex) -> bool:
        node = self.node(parent)
        return (node is not None and not self.data(parent, StateRole)
                and self._browse.can_have_children(node))

    def fetchMore(self, parent: AnyIndex) -> None:
        node = self.node(parent)
        if node is None or self.data(parent, StateRole):
            return
        self.setData(parent, "loading", StateRole)
        self._browse.request_children(node)

    def _on_children(self, parent: NodeRef, children: list[NodeRef]) -> None:
        item = self._items.get(parent.key)
        if item is None:
            return
        self._drop_children(item)
        for child in children:
            item.appendRow(self._make_item(child))
        item.setData("loaded", StateRole)
        self.childrenArrived.emit(item.index())

    def _on_failed(self, parent: NodeRef, error: UserError) -> None:
        item = self._items.get(parent.key)
        if item is None:
            return
        item.setData("", StateRole)
        self.childrenError.emit(item.index(), error)

    # --- items --------------------------------------------------------------------------------
    def _make_item(self, node: NodeRef) -> QStandardItem:
        item = QStandardItem(icon(_ICONS[node.kind]), self._label(node))
        item.setEditable(False)
        item.setData(node, NodeRole)
        item.setData("", StateRole)
        self._set_tooltip(item, node)
        self._items[node.key] = item
        return item

    def _set_tooltip(self, item: QStandardItem, node: NodeRef) -> None:
        if node.demo:
            item.setToolTip(self.tr("Demo account on the built-in sandbox; remove it when you no longer need it."))
        elif node.kind is not NodeKind.ACCOUNT and node.id and node.name and node.id != node.name:
            item.setToolTip(self.tr("ID: {0}").format(node.id))

    def _label(self, node: NodeRef) -> str:
        if node.kind is NodeKind.ALL_CONTACTS:
            return self.tr("All contacts")
        if node.demo:
            return self.tr("{0} · Demo").format(node.name)
        text = node.name or node.id
        if node.kind is NodeKind.CAMPAIGN and node.name and node.id not in node.name:
            text = f"{node.name} ({node.id})" if node.remembered else node.name
        if node.count is not None:
            text = self.tr("{0} — {1}").format(text, node.count)
        return text

    def _drop_children(self, item: QStandardItem) -> None:
        for row in range(item.rowCount()):
            child = item.child(row)
            if child is not None:
                self._drop_children(child)
                value: Any = child.data(NodeRole)
                if isinstance(value, NodeRef):
                    self._items.pop(value.key, None)
        item.removeRows(0, item.rowCount())

"""The contacts table: a model that pages from the server through ``canFetchMore``/``fetchMore``."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from campaign_gui.domain.models import Contact, Page
from campaign_gui.domain.search import display_phone
from campaign_gui.services.contacts import ContactsService, ContactView, sort_field
from campaign_gui.services.errors import UserError
from campaign_gui.ui.contact_columns import ExtraColumn, extra_columns, value_text
from campaign_gui.ui.contact_columns import title as column_title

ContactRole = Qt.ItemDataRole.UserRole + 1
_BASE_COLUMNS = 5  # phone, name, email, status, id; then the provider's own columns
_SORT_FIELDS = ("phone", "name", "email", "status", None)
AnyIndex = QModelIndex | QPersistentModelIndex


class ContactsTableModel(QAbstractTableModel):
    """Rows arrive page by page for the current view only (the service drops stale pages too)."""

    pageAppended = Signal(int)  # rows now loaded
    totalChanged = Signal()
    loadFailed = Signal(object)  # UserError
    firstPageShown = Signal()

    def __init__(self, service: ContactsService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self._view: ContactView | None = None
        self._rows: list[Contact] = []
        self._total: int | None = None
        self._next_page = 0
        self._page_size = 50
        self._generation = 0
        self._exhausted = True
        self._failed = False
        service.pageLoaded.connect(self._on_page)
        service.pageFailed.connect(self._on_failed)

    # --- the view -----------------------------------------------------------------------------
    @property
    def view(self) -> ContactView | None:
        return self._view

    @property
    def total(self) -> int | None:
        return self._total

    @property
    def page_size(self) -> int:
        return self._page_size

    @property
    def generation(self) -> int:
        return self._generation

    def exhausted(self) -> bool:
        """Every page of the view is loaded (or it cannot be listed)."""
        return self._exhausted

    def loaded(self) -> int:
        return len(self._rows)

    def service_loading(self) -> bool:
        return self._service.loading()

    def contact(self, row: int) -> Contact:
        return self._rows[row]

    def set_view(self, view: ContactView | None, page_size: int | None = None) -> None:
        """Show ``view`` from its first page (``None`` clears the table)."""
        if page_size is not None:
            self._page_size = max(1, page_size)
        if view is not None:
            self._page_size = min(self._page_size, max(1, view.info.max_page_size))
        self.beginResetModel()
        self._view = view
        self._rows = []
        self._total = None
        self._next_page = 0
        self._failed = False
        self._exhausted = view is None or not view.capabilities.list_contacts
        self._generation = self._service.set_view(view if not self._exhausted else None)
        self.endResetModel()
        self.totalChanged.emit()
        if not self._exhausted:
            self._service.request_page(0, self._page_size)

    def reload(self) -> None:
        self.set_view(self._view)

    def retry(self) -> None:
        """Ask again for the page that failed."""
        if self._view is None or not self._failed:
            return
        self._failed = False
        self._service.request_page(self._next_page, self._page_size)

    # --- paging -------------------------------------------------------------------------------
    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:
        if parent.isValid() or self._view is None:
            return False
        return not self._exhausted and not self._failed and not self._service.loading()

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._service.request_page(self._next_page, self._page_size)

    def _on_page(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return
        items = list(page.items)
        first = not self._rows and self._next_page == 0
        # Paging state first: a view (or the model tester) may call fetchMore from rowsInserted.
        self._next_page = page.number + 1
        self._total = page.total
        loaded = len(self._rows) + len(items)
        self._exhausted = (not items or len(items) < page.size or len(items) < self._page_size
                           or (page.total is not None and loaded >= page.total))
        if items:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(items) - 1)
            self._rows.extend(items)
            self.endInsertRows()
        self.totalChanged.emit()
        self.pageAppended.emit(len(self._rows))
        if first:
            self.firstPageShown.emit()

    def _on_failed(self, generation: int, number: int, error: UserError) -> None:
        if generation != self._generation:
            return
        self._failed = True
        self.loadFailed.emit(error)

    # --- Qt model -----------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def _extras(self) -> Sequence[ExtraColumn]:
        return extra_columns(self._view.account.provider if self._view is not None else None)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else _BASE_COLUMNS + len(self._extras())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [self.tr("Phone"), self.tr("Name"), self.tr("Email"), self.tr("Status"), self.tr("ID")]
        titles += [column_title(c) for c in self._extras()]
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        extras = self._extras()
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= _BASE_COLUMNS + len(extras):
            return None
        contact = self._rows[index.row()]
        if role == ContactRole:
            return contact
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column >= _BASE_COLUMNS:
                return value_text(contact.extra.get(extras[column - _BASE_COLUMNS].key))
            if column == 0:  # one format per country: 0472 534 401, not 472534401 or 61472534401
                region = self._view.info.default_region if self._view is not None else "VN"
                shown = display_phone(contact.phone, region)
                return shown if role == Qt.ItemDataRole.DisplayRole else f"{shown} ({contact.phone})"
            status = QCoreApplication.translate("ContactStatus", contact.status) if contact.status else ""
            values = (contact.phone, contact.name, contact.email, status, contact.id or "")
            return values[column]
        return None

    def sortable(self, column: int) -> bool:
        view = self._view
        logical = _SORT_FIELDS[column] if 0 <= column < len(_SORT_FIELDS) else None
        return view is not None and logical is not None and sort_field(view.info, logical) is not None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Server-side sort where the provider sorts; otherwise nothing (the header is not clickable)."""
        view = self._view
        if view is None or not 0 <= column < len(_SORT_FIELDS):
            return
        logical = _SORT_FIELDS[column]
        field = sort_field(view.info, logical) if logical else None
        if field is None:
            return
        key = field if order is Qt.SortOrder.AscendingOrder else f"-{field}"
        if view.scope.sort == key:
            return
        self.set_view(dataclasses.replace(view, scope=dataclasses.replace(view.scope, sort=key)))


"""The centre of the window: search, paging controls, the error banner and the contacts table."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from campaign_gui.domain.models import Contact
from campaign_gui.services.contacts import ContactsService, ContactView, SearchMode, search_mode
from campaign_gui.services.errors import UserError
from campaign_gui.ui.contact_columns import hidden_columns
from campaign_gui.ui.contacts_model import ContactRole, ContactsTableModel
from campaign_gui.ui.contacts_proxy import ContactFilterProxy
from campaign_gui.ui.error_banner import ErrorBanner
from campaign_gui.ui.icons import icon, themed

PAGE_SIZES = (25, 50, 100, 200, 500)
LOCAL_SEARCH_LOADS = 5000  # rows a local search loads before it answers "no match"


class ContactsPane(QWidget):
    """Shows the contacts of one view; ``selectionChanged`` drives the delete action."""

    selectionChanged = Signal()
    statusMessage = Signal(str)

    def __init__(self, service: ContactsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ContactsTableModel(service, self)
        self.proxy = ContactFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._mode = SearchMode.LOCAL
        self._base_view: ContactView | None = None
        self._sort: str | None = None
        self._retry_hook: Callable[[], None] | None = None

        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        search_icon = self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        themed(search_icon, "search")
        self.filter_kind = QComboBox(self)
        self.page_size = QComboBox(self)
        for size in PAGE_SIZES:
            self.page_size.addItem(str(size), size)
        self.page_size.setCurrentIndex(1)
        self.count_label = QLabel(self)
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._page_label = QLabel(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(350)
        self._debounce.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.filter_kind.currentIndexChanged.connect(lambda _i: self._apply_search())
        self.page_size.currentIndexChanged.connect(lambda _i: self.reload())

        self.banner = ErrorBanner(self)
        self.banner.retryRequested.connect(self.retry)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(120)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        for column, width in enumerate((130, 210, 170, 110, 80)):
            self.table.setColumnWidth(column, width)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.hint = QLabel(self)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setMargin(24)
        self.no_match = QLabel(self)
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.setWordWrap(True)
        self.no_match.setMargin(24)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.no_match)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 4, 6, 0)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.filter_kind)
        bar.addWidget(self._page_label)
        bar.addWidget(self.page_size)
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)

        self.model.totalChanged.connect(self._update_count)
        self.model.pageAppended.connect(lambda _n: self._update_count())
        self.model.loadFailed.connect(self._failed)
        service.busyChanged.connect(lambda _b: self._update_count())
        self.retranslate()
        self.show_hint(lambda: self.tr("Choose a campaign or a contact list on the left."))

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search contacts"))
        self.page_size.setToolTip(self.tr("Contacts per page"))
        self.page_size.setAccessibleName(self.tr("Contacts per page"))
        self._page_label.setText(self.tr("Page size:"))
        self.filter_kind.setAccessibleName(self.tr("Search in"))
        current = self.filter_kind.currentIndex()
        self.filter_kind.blockSignals(True)
        self.filter_kind.clear()
        self.filter_kind.addItem(self.tr("Loaded rows"), "text")
        self.filter_kind.addItem(self.tr("Tag"), "tag")
        self.filter_kind.addItem(self.tr("List name"), "list")
        self.filter_kind.setCurrentIndex(max(0, current))
        self.filter_kind.blockSignals(False)
        self.banner.retranslate()
        hint = getattr(self, "_hint_text", None)
        if callable(hint):
            self.hint.setText(hint())
        self._update_count()

    # --- what is shown ------------------------------------------------------------------------
    def show_view(self, view: ContactView) -> None:
        self._base_view = view
        self._sort = None
        self._mode = search_mode(view.info)
        self.filter_kind.setVisible(self._mode is SearchMode.SERVER_TAG)
        self.search.setEnabled(True)
        self.banner.dismiss()
        self.stack.setCurrentWidget(self.table)
        header = self.table.horizontalHeader()
        self.proxy.clear_sort()
        # Loaded rows sort here on every provider; where the provider sorts (Dynamic Messaging) it sorts.
        header.setSortIndicatorShown(bool(view.capabilities.list_contacts))
        header.blockSignals(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)
        self._load(self._scoped(view))
        hidden = hidden_columns(view.account.provider)  # what this provider never fills (Alohub: email)
        for column in range(self.model.columnCount()):
            self.table.setColumnHidden(column, column in hidden)

    def show_hint(self, text: str | Callable[[], str]) -> None:
        """Show a sentence instead of the table; a callable is asked again when the language changes."""
        self._base_view = None
        self.banner.dismiss()
        self.model.set_view(None)
        self._hint_text = text
        self.hint.setText(text() if callable(text) else text)
        self.stack.setCurrentWidget(self.hint)
        self.filter_kind.setVisible(False)
        self.search.setEnabled(False)
        self._update_count()

    def reload(self) -> None:
        if self._base_view is not None:
            self.banner.dismiss()
            self._load(self._scoped(self._base_view))

    def show_error(self, error: UserError, retry: Callable[[], None] | None = None) -> None:
        """Show an error that is not the table's own (e.g. the tree); ``retry`` runs on "Retry"."""
        self._retry_hook = retry
        self.banner.show_error(error)

    def retry(self) -> None:
        hook, self._retry_hook = self._retry_hook, None
        if hook is not None:
            hook()
            return
        if self.model.loaded() == 0:
            self.reload()
        else:
            self.model.retry()

    def current_view(self) -> ContactView | None:
        return self.model.view

    def selected_contacts(self) -> list[Contact]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.proxy.index(row, 0).data(ContactRole) for row in rows]

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # --- internals ----------------------------------------------------------------------------
    def _load(self, view: ContactView) -> None:
        size = int(self.page_size.currentData())
        self.model.set_view(view, size)
        self.table.scrollToTop()

    def _scoped(self, view: ContactView) -> ContactView:
        text = self.search.text().strip()
        scope = dataclasses.replace(view.scope, sort=self._sort)
        if self._mode is SearchMode.SERVER_TEXT:
            scope = dataclasses.replace(scope, search=text or None)
            self._filter_locally("")
        elif self._mode is SearchMode.SERVER_TAG and self.filter_kind.currentData() != "text":
            key = "tag" if self.filter_kind.currentData() == "tag" else "list_name"
            scope = dataclasses.replace(scope, **{key: text or getattr(scope, key)})
            self._filter_locally("")
        else:
            self._filter_locally(text)
        return dataclasses.replace(view, scope=scope)

    def _apply_search(self) -> None:
        if self._base_view is None:
            return
        if self._mode is SearchMode.LOCAL or (self._mode is SearchMode.SERVER_TAG
                                              and self.filter_kind.currentData() == "text"):
            self._filter_locally(self.search.text().strip())
            if self.model.view is not None and self.model.view.scope != self._base_view.scope:
                self._load(self._scoped(self._base_view))
            self._update_count()
            return
        self._load(self._scoped(self._base_view))

    def _sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        if section < 0 or self.model.view is None:
            return
        if not self.model.sortable(section):
            self.proxy.sort(section, order)  # the loaded rows, here
            return
        self.proxy.clear_sort()
        self.model.sort(section, order)
        self._sort = self.model.view.scope.sort if self.model.view is not None else None

    def _filter_locally(self, text: str) -> None:
        region = self._base_view.info.default_region if self._base_view is not None else "VN"
        self.proxy.set_search(text, region)

    def _failed(self, error: UserError) -> None:
        self._retry_hook = None
        self.banner.show_error(error)
        self._update_count()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.selectionChanged.emit()

    def _update_count(self) -> None:
        if self.model.view is None:
            self.count_label.setText("")
            return
        loaded = self.model.loaded()
        total = self.model.total
        shown = self.proxy.rowCount(QModelIndex())
        if total is None:
            text = self.tr("%n contact(s) loaded", "", loaded)
        else:
            text = self.tr("%n contact(s)", "", total)
            if loaded < total:
                text += " " + self.tr("(%n loaded)", "", loaded)
        filtered = bool(self.proxy.needle_text)
        if shown != loaded:
            text += " · " + self.tr("%n shown", "", shown)
        self.count_label.setText(text)
        more = filtered and (total is None or loaded < total) and not self.model.exhausted()
        self.count_label.setToolTip(self.tr("The search looks through the contacts loaded so far; clear it to "
                                            "load more.") if more else "")
        self._show_no_match(shown, loaded, total)

    def _show_no_match(self, shown: int, loaded: int, total: int | None) -> None:
        """Say so when a search finds nobody, instead of a blank table."""
        typed = self.search.text().strip()
        if self.stack.currentWidget() is self.hint:
            return
        if not typed or shown or self.model.view is None or self.model.service_loading():
            self.stack.setCurrentWidget(self.table)
            return
        if self.proxy.needle_text and loaded < LOCAL_SEARCH_LOADS and self.model.canFetchMore():
            self.model.fetchMore()  # a local search looks further before it says "nobody"
            return
        text = self.tr("No contact matches \u201c{0}\u201d.").format(typed)
        if self.proxy.needle_text and (self.model.canFetchMore() or (total is not None and loaded < total)):
            text += " " + self.tr("Only the %n loaded contact(s) were searched.", "", loaded)
        self.no_match.setText(text)
        self.stack.setCurrentWidget(self.no_match)

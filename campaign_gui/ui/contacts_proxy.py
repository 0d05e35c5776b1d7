"""Filter and sort the loaded contacts as an operator expects: no diacritics, no case, phones in any format."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt

from campaign_gui.domain.models import Contact
from campaign_gui.domain.search import Needle, phone_sort_key, sort_key
from campaign_gui.ui.contacts_model import ContactRole

AnyIndex = QModelIndex | QPersistentModelIndex
_PHONE_COLUMN = 0


class ContactFilterProxy(QSortFilterProxyModel):
    """Local search and sort over the rows the source model has loaded."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = Needle("", None)
        self._region = "VN"
        self.setDynamicSortFilter(True)

    @property
    def needle_text(self) -> str:
        return self._needle.text

    def set_search(self, typed: str, region: str) -> None:
        """Show only the rows matching ``typed`` ('' shows every row)."""
        needle = Needle.of(typed, region)
        if needle == self._needle and region == self._region:
            return
        self.beginFilterChange()
        self._needle, self._region = needle, region
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    # While a search is on, the view never pages from the server by itself: a search that leaves a few rows
    # makes the view ask for more to fill its height (Qt calls fetchMore from a delayed layout), and a narrow
    # search would then walk page after page behind the user's back, the counts changing under their eyes
    # (and test_alohub_filters_loaded_rows_locally failed half the time). The pane looks further on purpose,
    # through the source model, only when nothing matches (ContactsPane._show_no_match).
    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # type: ignore[override]
        if self._needle:
            return False
        return super().canFetchMore(parent)

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # type: ignore[override]
        if self.canFetchMore(parent):
            super().fetchMore(parent)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        contact = model.index(source_row, 0, source_parent).data(ContactRole)
        if not isinstance(contact, Contact):
            return True
        texts = tuple(str(model.index(source_row, c, source_parent).data() or "")
                      for c in range(1, model.columnCount(source_parent)))
        return self._needle.matches(contact.phone, texts, self._region)

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        if left.column() == _PHONE_COLUMN:
            a, b = (str(i.data(ContactRole).phone or "") for i in (left, right))
            return phone_sort_key(a, self._region) < phone_sort_key(b, self._region)
        return sort_key(str(left.data() or "")) < sort_key(str(right.data() or ""))

    def clear_sort(self) -> None:
        self.sort(-1, Qt.SortOrder.AscendingOrder)

"""A searchable list of the account's campaigns, lists or tags by name with their counts, fetched lazily."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from campaign_gui.domain.models import Account
from campaign_gui.services.target_choices import Choice, TargetChoices, matches, remembered_id_problem
from campaign_gui.services.texts import number

AUTO_FETCH_BELOW = 8  # while a search shows fewer rows than this and pages remain, the next page is fetched

_Index = QModelIndex | QPersistentModelIndex


class ChoiceModel(QAbstractListModel):
    """Loaded choices filtered by the search; ``canFetchMore``/``fetchMore`` ask the picker for the next page."""

    def __init__(self, picker: TargetPicker) -> None:
        super().__init__(picker)
        self.picker = picker
        self.all: list[Choice] = []
        self.shown: list[Choice] = []
        self.checked: list[str] = []
        self.search = ""

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.shown)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.shown):
            return None
        choice = self.shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.picker.describe(choice)
        if role == Qt.ItemDataRole.ToolTipRole:
            return choice.id
        if role == Qt.ItemDataRole.UserRole:
            return choice.id
        if role == Qt.ItemDataRole.CheckStateRole and self.picker.multiple:
            return Qt.CheckState.Checked if choice.id in self.checked else Qt.CheckState.Unchecked
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if self.picker.multiple else base

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        ident = self.shown[index.row()].id
        on = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        if on and ident not in self.checked:
            self.checked.append(ident)
        elif not on and ident in self.checked:
            self.checked.remove(ident)
        self.dataChanged.emit(index, index, [role])
        self.picker.changed.emit()
        return True

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self.picker.can_fetch()

    def fetchMore(self, parent: _Index) -> None:
        if not parent.isValid():
            self.picker.fetch()

    def add(self, choices: list[Choice]) -> None:
        known = {c.id for c in self.all}
        self.all.extend(c for c in choices if c.id not in known)
        self.refilter()

    def refilter(self) -> None:
        self.picker.resetting = True
        try:
            self.beginResetModel()
            self.shown = [c for c in self.all if matches(c, self.search)]
            self.endResetModel()
        finally:
            self.picker.resetting = False
        self.picker.restore_selection()

    def row_of(self, ident: str) -> int:
        return next((i for i, c in enumerate(self.shown) if c.id == ident), -1)


class TargetPicker(QWidget):
    """``key`` is the target key (campaign, list or tag). ``value()`` is the chosen id (a list when multiple)."""

    changed = Signal()
    picked = Signal(object)  # Choice chosen by the user (single mode)

    def __init__(self, choices: TargetChoices, account: Account, key: str, *, multiple: bool = False,
                 paged: bool = False, new_item: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices
        self.account = account
        self.key = key
        self.multiple = multiple
        self.paged = paged
        self.new_item = new_item  # "" | "create" (SMS.by) | "name" (Cellcast) | "remember" (Stringee)
        self.parent_id: str | None = None
        self.resetting = False
        self._ticket = 0
        self._page = 0
        self._more = False
        self._loaded = False
        self._pending: Any = None
        self._selected = ""
        self.model = ChoiceModel(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("pickerSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.view = QListView(self)
        self.view.setObjectName("pickerList")
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        self.view.setMinimumHeight(90)
        self.view.setMaximumHeight(150)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection if multiple
                                   else QAbstractItemView.SelectionMode.SingleSelection)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.clicked.connect(self._clicked)
        self.status = QLabel(self)
        self.status.setObjectName("pickerStatus")
        self.status.setWordWrap(True)
        self.note = QLabel(self)
        self.note.setObjectName("pickerNote")
        self.note.setWordWrap(True)
        self.note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view)
        layout.addWidget(self.status)
        layout.addWidget(self.note)
        self.new_id = QLineEdit(self)
        self.new_id.setObjectName("pickerNewId")
        self.new_name = QLineEdit(self)
        self.new_name.setObjectName("pickerNewName")
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("pickerNewButton")
        row = QHBoxLayout()
        row.addWidget(self.new_id, 2)
        row.addWidget(self.new_name, 3)
        row.addWidget(self.new_button)
        layout.addLayout(row)
        self.new_id.setVisible(new_item == "remember")
        for widget in (self.new_name, self.new_button):
            widget.setVisible(bool(new_item))
        self.new_button.clicked.connect(self._add_new)
        self.new_name.returnPressed.connect(self._add_new)
        self.new_id.textChanged.connect(self._new_changed)
        self.new_name.textChanged.connect(self._new_changed)
        choices.loaded.connect(self._loaded_page)
        choices.failed.connect(self._failed)
        choices.created.connect(self._created)
        self.retranslate()
        self._new_changed()

    # --- texts ---------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search by name or id"))
        self.new_id.setPlaceholderText(self.tr("Id, e.g. CA100001"))
        if self.new_item == "remember":
            self.new_name.setPlaceholderText(self.tr("Name (optional)"))
            self.new_button.setText(self.tr("Add campaign"))
        elif self.new_item == "create":
            self.new_name.setPlaceholderText(self.tr("New list name"))
            self.new_button.setText(self.tr("Create list"))
        elif self.key == "tag":
            self.new_name.setPlaceholderText(self.tr("New tag name"))
            self.new_button.setText(self.tr("Add tag"))
        else:
            self.new_name.setPlaceholderText(self.tr("New list name"))
            self.new_button.setText(self.tr("Add list"))
        self.model.refilter()
        self._show_status()

    def describe(self, choice: Choice) -> str:
        parts = [choice.name or choice.id]
        if choice.count is not None:
            parts.append(self.tr("%n contact(s)", "", choice.count).replace(str(choice.count), number(choice.count)))
        if choice.detail:
            parts.append(choice.detail)
        if choice.name and choice.id != choice.name and len(choice.id) <= 16:  # not a Dynamic Messaging GUID
            parts.append(self.tr("id {0}").format(choice.id))
        if choice.get("new"):
            parts.append(self.tr("new: created by the import"))
        return " — ".join(parts[:2]) + ("  ·  " + "  ·  ".join(parts[2:]) if parts[2:] else "")

    def _show_status(self) -> None:
        if not self._loaded:
            self.status.setText(self.tr("Loading…"))
        elif not self.model.all:
            self.status.setText(self.tr("Nothing to choose from yet."))
        elif not self.model.shown:
            self.status.setText(self.tr("Nothing matches “{0}”.").format(self.search.text().strip()))
        elif self._more:
            self.status.setText(self.tr("{0} shown; scroll down for more.").format(number(len(self.model.shown))))
        else:
            self.status.setText(self.tr("{0} shown.").format(number(len(self.model.shown))))

    # --- loading -------------------------------------------------------------------------------------
    def load(self, parent_id: str | None = None) -> None:
        """(Re)load from the first page; for Alohub lists ``parent_id`` is the campaign."""
        self.parent_id = parent_id
        self.model.all.clear()
        self.model.refilter()
        self._page, self._more, self._loaded = 0, False, False
        self._request()

    def _request(self) -> None:
        if self.key == "campaign":
            self._ticket = self.choices.campaigns(self.account, self._page)
        else:
            self._ticket = self.choices.lists(self.account, self.key, self.parent_id)
        self._show_status()

    def can_fetch(self) -> bool:
        return self._more and self._ticket == 0

    def fetch(self) -> None:
        if self.can_fetch():
            self._page += 1
            self._request()

    def _loaded_page(self, ticket: int, choices: list[Choice], more: bool) -> None:
        if ticket != self._ticket:
            return
        self._ticket = 0
        self._loaded, self._more = True, bool(more and self.paged)
        extra = [Choice(i, "", extra=(("new", True),)) for i in self._wanted() if i and
                 not self._more and i not in {c.id for c in self.model.all} | {c.id for c in choices}]
        self.model.add(list(choices) + extra)
        self._apply_pending()
        self._show_status()
        if self._more and self.search.text().strip() and len(self.model.shown) < AUTO_FETCH_BELOW:
            self.fetch()
        self.changed.emit()

    def _failed(self, ticket: int, error: Any) -> None:
        if ticket not in (self._ticket, getattr(self, "_create_ticket", -1)):
            return
        if ticket == self._ticket:
            self._ticket, self._loaded = 0, True
        self.status.setText(self.tr("Could not load the names: {0}").format(getattr(error, "message", str(error))))

    # --- value ---------------------------------------------------------------------------------------
    def _wanted(self) -> list[str]:
        if self._pending is None:
            return []
        if isinstance(self._pending, list | tuple):
            return [str(v) for v in self._pending]
        return [str(self._pending)]

    def set_value(self, value: Any) -> None:
        self._pending = value if value not in (None, "", []) else None
        self._apply_pending()

    def _apply_pending(self) -> None:
        wanted = self._wanted()
        if not wanted or not self._loaded:
            return
        known = {c.id for c in self.model.all}
        if self.multiple:
            for ident in wanted:
                if ident in known and ident not in self.model.checked:
                    self.model.checked.append(ident)
            self.model.refilter()
        elif wanted[0] in known:
            self.select(wanted[0])
        else:
            return
        self._pending = None

    def select(self, ident: str) -> None:
        self._selected = ident
        row = self.model.row_of(ident)
        if row >= 0:
            index = self.model.index(row)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        self.changed.emit()

    def clear_selection(self) -> None:
        self._selected = ""
        self.view.clearSelection()
        self.view.setCurrentIndex(QModelIndex())
        self.changed.emit()

    def value(self) -> Any:
        if self.multiple:
            names = list(self.model.checked)
            names += [i for i in self._wanted() if i not in names]
            return names
        if self._selected:
            return self._selected
        wanted = self._wanted()
        return wanted[0] if wanted else ""

    def chosen(self) -> Choice | None:
        return next((c for c in self.model.all if c.id == self._selected), None)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.multiple or not current.isValid():
            return
        ident = str(current.data(Qt.ItemDataRole.UserRole))
        if ident != self._selected:
            self._selected = ident
            self.changed.emit()
            choice = self.chosen()
            if choice is not None:
                self.picked.emit(choice)

    def restore_selection(self) -> None:
        row = self.model.row_of(self._selected) if self._selected and not self.multiple else -1
        if row >= 0 and self.view.currentIndex().row() != row:
            self.view.setCurrentIndex(self.model.index(row))

    def _selection_changed(self, *_args: Any) -> None:
        if not self.multiple and not self.resetting and self._selected and not self.view.selectionModel().hasSelection() \
                and self.model.row_of(self._selected) >= 0:
            self._selected = ""  # deselected (Ctrl+click)
            self.changed.emit()

    def _clicked(self, index: QModelIndex) -> None:
        if self.multiple and index.isValid():
            state = self.model.data(index, Qt.ItemDataRole.CheckStateRole)
            self.model.setData(index, state != Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)

    def _search_changed(self, text: str) -> None:
        self.model.search = text
        self.model.refilter()
        if self._more and text.strip() and len(self.model.shown) < AUTO_FETCH_BELOW and self._ticket == 0:
            self.fetch()
        self._show_status()

    # --- a new list or campaign typed in place ---------------------------------------------------------
    def new_problem(self) -> str:
        if self.new_item != "remember":
            return ""
        info = self.choices.info_for(self.account)
        return remembered_id_problem(info, self.new_id.text())

    def _new_changed(self) -> None:
        wanted = self.new_id.text().strip() if self.new_item == "remember" else self.new_name.text().strip()
        problem = self.new_problem()
        self.new_button.setEnabled(bool(wanted) and not problem)
        if problem:
            self.status.setText(problem)
        elif self._loaded:
            self._show_status()

    def _add_new(self) -> None:
        if not self.new_button.isEnabled():
            return
        name = self.new_name.text().strip()
        if self.new_item == "create":
            self._create_ticket = self.choices.create_list(self.account, name)
            self.new_button.setEnabled(False)
            self.status.setText(self.tr("Creating the list “{0}”…").format(name))
            return
        if self.new_item == "remember":
            ident = self.new_id.text().strip()
            self.choices.remember(self.account, ident, name)
            choice = Choice(ident, name, remembered=True)
        else:
            choice = Choice(name, name, extra=(("new", True),))
        self._insert(choice)

    def _created(self, ticket: int, choice: Choice) -> None:
        if ticket != getattr(self, "_create_ticket", -1):
            return
        self._insert(choice)

    def _insert(self, choice: Choice) -> None:
        self.model.all = [choice] + [c for c in self.model.all if c.id != choice.id]
        self.search.clear()
        self.model.refilter()
        self.new_id.clear()
        self.new_name.clear()
        if self.multiple:
            if choice.id not in self.model.checked:
                self.model.checked.append(choice.id)
            self.model.refilter()
            self.changed.emit()
        else:
            self.select(choice.id)
        self._show_status()

"""The review grid's model: rows of a ValidationResult read on demand through an index array."""

from __future__ import annotations

from array import array
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from campaign_gui.services.import_service import RowRecord, RowStatus, ValidationResult
from campaign_gui.services.texts import phone_message_text

Index = QModelIndex | QPersistentModelIndex
CACHE_LIMIT = 4000
ERROR_BG = QColor(255, 205, 205)
SUGGEST_BG = QColor(255, 240, 170)
DUP_BG = QColor(225, 225, 225)
TEXT_FG = QColor(20, 20, 20)


class ReviewModel(QAbstractTableModel):
    """Columns: row, status, problem/suggestion (text, not only colour), as typed, E.164, name, email.

    ``indices`` maps view rows to result rows (a filter); None shows every row. Nothing is built per row
    up front: a million rows cost one array of ints.
    """

    COLUMNS = ("row", "status", "problem", "original", "phone", "name", "email")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._result: ValidationResult | None = None
        self._indices: array[int] | None = None
        self._cache: dict[int, RowRecord] = {}

    def set_result(self, result: ValidationResult | None, indices: array[int] | None = None) -> None:
        self.beginResetModel()
        self._result = result
        self._indices = indices
        self._cache.clear()
        self.endResetModel()

    @property
    def result(self) -> ValidationResult | None:
        return self._result

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if parent.isValid() or self._result is None:
            return 0
        return len(self._indices) if self._indices is not None else len(self._result)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.COLUMNS):
            return (self.tr("Row"), self.tr("Status"), self.tr("Problem or suggestion"), self.tr("Phone as typed"),
                    self.tr("Phone (E.164)"), self.tr("Name"), self.tr("Email"))[section]
        return None

    def result_index(self, row: int) -> int | None:
        """The result's row index shown at view row ``row`` (through the filter)."""
        if self._result is None or not 0 <= row < self.rowCount():
            return None
        return self._indices[row] if self._indices is not None else row

    def record(self, row: int) -> RowRecord | None:
        if self._result is None or not 0 <= row < self.rowCount():
            return None
        i = self._indices[row] if self._indices is not None else row
        found = self._cache.get(i)
        if found is None:
            if len(self._cache) > CACHE_LIMIT:
                self._cache.clear()
            found = self._cache[i] = self._result.record(i)
        return found

    def status_text(self, status: RowStatus) -> str:
        return {RowStatus.VALID: self.tr("Valid"), RowStatus.FIXED: self.tr("Fixed"),
                RowStatus.INVALID: self.tr("Invalid"), RowStatus.DUPLICATE: self.tr("Duplicate")}[status]

    def problem_text(self, rec: RowRecord) -> str:
        text = phone_message_text(rec.message, rec.reason)
        if rec.suggestion:
            text = (text + " " if text else "") + self.tr("Suggestion: {0}").format(rec.suggestion)
        return text

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        rec = self.record(index.row())
        if rec is None:
            return None
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == "row":
                return str(rec.row)
            if column == "status":
                text = self.status_text(rec.status)
                return text + (" ⚑" if rec.suggestion else "")
            if column == "original":
                return rec.original_phone
            if column == "phone":
                return rec.phone or ""
            if column == "name":
                return rec.name
            if column == "email":
                return rec.email
            return self.problem_text(rec)
        if role == Qt.ItemDataRole.BackgroundRole and column in ("status", "problem"):
            if rec.suggestion:
                return QBrush(SUGGEST_BG)
            if rec.status is RowStatus.INVALID:
                return QBrush(ERROR_BG)
            if rec.status is RowStatus.DUPLICATE:
                return QBrush(DUP_BG)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column in ("status", "problem") and (
                rec.suggestion or rec.status in (RowStatus.INVALID, RowStatus.DUPLICATE)):
            return QBrush(TEXT_FG)  # readable on the light backgrounds in dark mode too
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "row":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return rec.status.value
        return None

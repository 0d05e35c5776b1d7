"""Per-row outcomes of a job, paged from the journal as the view scrolls."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from campaign_gui.services.import_results import JobRowsReader
from campaign_gui.services.texts import outcome_reason_text

Index = QModelIndex | QPersistentModelIndex


class ResultsModel(QAbstractTableModel):
    """Columns: row, outcome, phone as typed, E.164, name, reason; a filter on outcomes."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader: JobRowsReader | None = None
        self._count = 0

    def set_reader(self, reader: JobRowsReader | None) -> None:
        self.beginResetModel()
        self._reader = reader
        self._count = reader.count() if reader is not None else 0
        self.endResetModel()

    def set_filter(self, outcomes: list[str]) -> None:
        if self._reader is None:
            return
        self.beginResetModel()
        self._reader.set_filter(outcomes)
        self._count = self._reader.count()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 6:
            return (self.tr("Row"), self.tr("Outcome"), self.tr("Phone as typed"), self.tr("Phone (E.164)"),
                    self.tr("Name"), self.tr("Reason"))[section]
        return None

    def outcome_text(self, outcome: str) -> str:
        return {"added": self.tr("added"), "updated": self.tr("updated"), "skipped": self.tr("already there"),
                "duplicate": self.tr("duplicate in the file"), "invalid": self.tr("invalid"),
                "rejected": self.tr("rejected by the provider"), "failed": self.tr("failed"),
                "needs_verification": self.tr("needs verification"), "pending": self.tr("not sent yet")
                }.get(outcome, outcome)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._reader is None or role not in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole):
            return None
        row = self._reader.row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return row.outcome
        values = (str(row.row), self.outcome_text(row.outcome), row.original_phone, row.phone, row.name,
                  outcome_reason_text(row.reason))
        return values[index.column()]

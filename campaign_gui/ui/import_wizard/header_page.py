"""Wizard page 2: the header row, detected (title rows above skipped); pick another in the preview."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from campaign_gui.services.import_service import ImportService, SheetPreview, UserError, header_labels
from campaign_gui.ui.import_wizard.draft import ImportDraft


class HeaderPage(QWizardPage):
    """A preview of the first 60 rows; the header row is bold, rows above it are greyed (skipped)."""

    def __init__(self, service: ImportService, draft: ImportDraft) -> None:
        super().__init__()
        self.service = service
        self.draft = draft
        self._ticket = 0
        self.setObjectName("headerPage")
        self.detected = QLabel(self)
        self.detected.setWordWrap(True)
        self.row_label = QLabel(self)
        self.row_spin = QSpinBox(self)
        self.row_spin.setObjectName("headerRowSpin")
        self.row_spin.setRange(0, 60)
        self.row_spin.valueChanged.connect(self._row_changed)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(12)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.table = QTableWidget(0, 0, self)
        self.table.setObjectName("previewTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.cellClicked.connect(lambda r, _c: self.row_spin.setValue(r + 1))
        self.table.setWordWrap(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setDefaultSectionSize(150)
        row = QHBoxLayout()
        row.addWidget(self.row_label)
        row.addWidget(self.row_spin)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.detected)
        layout.addLayout(row)
        layout.addWidget(self.busy)
        layout.addWidget(self.table, 1)
        service.previewReady.connect(self._previewed)
        service.failed.connect(self._failed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Header row"))
        self.setSubTitle(self.tr("The row with the column names. Rows above it (titles, notes) are skipped. "
                                 "Click a row to choose another one; 0 means the sheet has no header row."))
        self.row_label.setText(self.tr("Header row:"))

    def initializePage(self) -> None:
        if self.draft.preview is not None and self.draft.preview.sheet == self._sheet_name():
            self._show(self.draft.preview)
            return
        self.table.setRowCount(0)
        self.busy.show()
        self.detected.setText(self.tr("Reading the first rows…"))
        self._ticket = self.service.preview(self.draft.path, self.draft.sheet,
                                            self.draft.file.encoding if self.draft.file else None)
        self.completeChanged.emit()

    def _sheet_name(self) -> str:
        file = self.draft.file
        return next((s.name for s in file.sheets if s.index == self.draft.sheet), "") if file else ""

    def isComplete(self) -> bool:
        return self.draft.preview is not None and self._ticket == 0

    def validatePage(self) -> bool:
        preview = self.draft.preview
        if preview is None:
            return False
        header = self.row_spin.value()
        columns = header_labels(preview, header)
        if header != self.draft.header_row or columns != self.draft.columns:
            self.draft.mapping = None
            self.draft.result = None
        self.draft.header_row = header
        self.draft.columns = columns
        return True

    def _previewed(self, ticket: int, preview: SheetPreview) -> None:
        if ticket != self._ticket:
            return
        self._ticket = 0
        self.busy.hide()
        self.draft.preview = preview
        self.draft.header_row = preview.detected_header
        self._show(preview)
        self.completeChanged.emit()

    def _failed(self, ticket: int, error: UserError) -> None:
        if ticket == self._ticket:
            self._ticket = 0
            self.busy.hide()
            self.detected.setText(f"{error.title}: {error.message}")
            self.completeChanged.emit()

    def _show(self, preview: SheetPreview) -> None:
        self.table.setUpdatesEnabled(False)
        try:
            self._fill(preview)
        finally:
            self.table.setUpdatesEnabled(True)

    def _fill(self, preview: SheetPreview) -> None:
        self.table.setRowCount(len(preview.rows))
        self.table.setColumnCount(preview.width)
        self.table.setHorizontalHeaderLabels(header_labels(preview, 0))
        for r, values in enumerate(preview.rows):
            for c, value in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(value))
        if preview.detected_header:
            self.detected.setText(self.tr("Detected header: row {0}.").format(preview.detected_header))
        else:
            self.detected.setText(self.tr("No header row was found: the first row is data."))
        self.row_spin.setMaximum(max(1, len(preview.rows)))
        self.row_spin.setValue(self.draft.header_row)
        self._row_changed(self.draft.header_row)

    def _row_changed(self, header: int) -> None:
        """Bold the header row, grey the skipped rows above it."""
        grey = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        normal = QBrush(self.palette().color(QPalette.ColorRole.Text))
        for r in range(self.table.rowCount()):
            for c in range(self.table.columnCount()):
                item = self.table.item(r, c)
                if item is None:
                    continue
                font = QFont(item.font())
                font.setBold(r + 1 == header)
                item.setFont(font)
                item.setForeground(grey if r + 1 < header else normal)
            label = QTableWidgetItem(self.tr("header") if r + 1 == header else
                                     (self.tr("skipped") if r + 1 < header else str(r + 1)))
            label.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setVerticalHeaderItem(r, label)
        if self.draft.preview is not None and header:
            self.table.setHorizontalHeaderLabels(header_labels(self.draft.preview, header))

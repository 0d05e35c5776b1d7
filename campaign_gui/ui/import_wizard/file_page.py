"""Wizard page 1: the file, the account to import into, and the sheet (row counts, hidden sheets skipped)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from campaign_gui.services.import_service import FileSummary, ImportService, UserError
from campaign_gui.services.texts import number, warning_text
from campaign_gui.ui.import_wizard.draft import ImportDraft

FILE_FILTER = "Spreadsheets (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv *.tsv *.txt);;All files (*)"


class FilePage(QWizardPage):
    """Opens the file in the reading process and lists its sheets; the first visible sheet is chosen."""

    def __init__(self, service: ImportService, draft: ImportDraft) -> None:
        super().__init__()
        self.service = service
        self.draft = draft
        self._ticket = 0
        self._loaded_path = ""
        self.setObjectName("filePage")
        self.path_label = QLabel(self)
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose = QPushButton(self)
        self.choose.clicked.connect(self._choose)
        self.account_combo = QComboBox(self)
        self.account_combo.setObjectName("accountCombo")
        self.account_combo.currentIndexChanged.connect(self._account_changed)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(12)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("fileMessage")
        self.sheets = QTableWidget(0, 4, self)
        self.sheets.setObjectName("sheetTable")
        self.sheets.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.sheets.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.sheets.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.sheets.verticalHeader().hide()
        self.sheets.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.sheets.itemSelectionChanged.connect(self._sheet_changed)
        self.show_hidden = QCheckBox(self)
        self.show_hidden.toggled.connect(self._fill_sheets)

        row = QHBoxLayout()
        row.addWidget(self.path_label, 1)
        row.addWidget(self.choose)
        form = QFormLayout()
        self.file_caption = QLabel(self)
        self.account_caption = QLabel(self)
        form.addRow(self.file_caption, row)
        form.addRow(self.account_caption, self.account_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.sheets, 1)
        layout.addWidget(self.show_hidden)
        service.fileInspected.connect(self._inspected)
        service.failed.connect(self._failed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("File and sheet"))
        self.setSubTitle(self.tr("Choose the spreadsheet, the account to import into, and the sheet to read."))
        self.file_caption.setText(self.tr("File:"))
        self.account_caption.setText(self.tr("Import into:"))
        self.choose.setText(self.tr("Choose…"))
        self.show_hidden.setText(self.tr("Show hidden sheets"))
        self.sheets.setHorizontalHeaderLabels([self.tr("Sheet"), self.tr("Rows"), self.tr("Columns"),
                                               self.tr("Visibility")])

    # --- wizard hooks ------------------------------------------------------------------------------
    def initializePage(self) -> None:
        self._fill_accounts()
        if self.draft.path and self.draft.path != self._loaded_path:
            self.load(self.draft.path)

    def isComplete(self) -> bool:
        return (self.draft.file is not None and self._selected_sheet() is not None
                and self.account_combo.currentData() is not None and self._ticket == 0)

    def validatePage(self) -> bool:
        sheet = self._selected_sheet()
        if sheet is None:
            return False
        if sheet != self.draft.sheet or self.draft.preview is None:
            self.draft.preview = None
        self.draft.sheet = sheet
        self.draft.account_id = self.account_combo.currentData()
        self.draft.account = self.service.account(self.draft.account_id) if self.draft.account_id else None
        return True

    # --- accounts ----------------------------------------------------------------------------------
    def _fill_accounts(self) -> None:
        self.account_combo.blockSignals(True)
        self.account_combo.clear()
        for account in self.service.account_list():
            info = self.service.info_for(account)
            self.account_combo.addItem(f"{account.name} ({info.display_name})", account.id)
        index = self.account_combo.findData(self.draft.account_id) if self.draft.account_id else -1
        self.account_combo.setCurrentIndex(max(0, index) if self.account_combo.count() else -1)
        self.account_combo.blockSignals(False)
        if not self.account_combo.count():
            self.message.setText(self.tr("Add an account first (Accounts → Add account…)."))

    def _account_changed(self, _index: int) -> None:
        new = self.account_combo.currentData()
        if new != self.draft.account_id:
            self.draft.target = {}  # a preselected target belongs to the dropped-on account only
            self.draft.mapping = None
        self.completeChanged.emit()

    # --- file --------------------------------------------------------------------------------------
    def _choose(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose a spreadsheet"), str(Path(self.draft.path).parent)
                             if self.draft.path else "", FILE_FILTER)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.load)
        self._dialog = dialog
        dialog.open()

    def load(self, path: str) -> None:
        """Open ``path`` (in the reading process); the sheets appear when it answers."""
        self.draft.path = path
        self.draft.file = None
        self.draft.preview = None
        self.draft.result = None
        self._loaded_path = path
        self.path_label.setText(path)
        self.sheets.setRowCount(0)
        problem = self.service.check_file(path)
        if problem is not None:
            self.message.setText(problem)
            self._ticket = 0
            self.completeChanged.emit()
            return
        self.message.setText(self.tr("Reading {0}…").format(Path(path).name))
        self.busy.show()
        self._ticket = self.service.inspect(path, region=self.draft.region or self._account_region())
        self.completeChanged.emit()

    def _account_region(self) -> str:
        account = self.service.account(self.account_combo.currentData()) if self.account_combo.currentData() else None
        return self.service.info_for(account).default_region if account is not None else "VN"

    def _inspected(self, ticket: int, summary: FileSummary) -> None:
        if ticket != self._ticket:
            return
        self._ticket = 0
        self.busy.hide()
        self.draft.file = summary
        hidden = sum(1 for s in summary.sheets if s.hidden)
        text = self.tr("%n sheet(s).", "", len(summary.sheets))
        if hidden:
            text += " " + self.tr("%n hidden sheet(s) skipped.", "", hidden)
        if summary.encoding:
            text += " " + self.tr("Text encoding: {0}.").format(summary.encoding)
        if summary.warnings:
            text += "\n" + "\n".join(warning_text(w) for w in summary.warnings)
        choice = self.choice_text(summary)
        if choice:
            text += "\n" + choice
        self.message.setText(text)
        self._fill_sheets()
        self.completeChanged.emit()

    def choice_text(self, summary: FileSummary) -> str:
        """Why a sheet other than the first is selected, or why none is: the user must choose."""
        if summary.chosen is None:
            return self.tr("Several sheets hold phone numbers ({0}) and the first sheet “{1}” holds no contact "
                           "list: choose the sheet to read.").format(", ".join(f"“{n}”" for n in summary.contenders),
                                                                     summary.skipped)
        if summary.skipped:
            name = next((s.name for s in summary.sheets if s.index == summary.chosen), "")
            return self.tr("Sheet “{0}” is selected: the first sheet “{1}” holds no contact list.").format(
                name, summary.skipped)
        return ""

    def _failed(self, ticket: int, error: UserError) -> None:
        if ticket != self._ticket:
            return
        self._ticket = 0
        self.busy.hide()
        self.message.setText(f"{error.title}: {error.message}")
        self.completeChanged.emit()

    def _fill_sheets(self) -> None:
        summary = self.draft.file
        self.sheets.setRowCount(0)
        if summary is None:
            return
        shown = [s for s in summary.sheets if self.show_hidden.isChecked() or not s.hidden]
        self.sheets.setRowCount(len(shown))
        select: int | None = 0 if summary.suggested is not None or self.draft.preview else None
        for r, sheet in enumerate(shown):
            values: list[Any] = [sheet.name, number(sheet.rows), str(sheet.cols),
                                 self.tr("hidden") if sheet.hidden else self.tr("visible")]
            for c, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                item.setData(Qt.ItemDataRole.UserRole, sheet.index)
                if c in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.sheets.setItem(r, c, item)
            if sheet.index == (self.draft.sheet if self.draft.preview else summary.suggested):
                select = r
        if shown and select is not None:
            self.sheets.selectRow(select)  # none when the user must choose: Next waits for a click

    def _selected_sheet(self) -> int | None:
        rows = self.sheets.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.sheets.item(rows[0].row(), 0)
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _sheet_changed(self) -> None:
        self.completeChanged.emit()

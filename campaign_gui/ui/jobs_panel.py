"""The Imports panel: running, paused, interrupted and finished jobs with their state and actions."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from campaign_gui.services.import_service import ImportService, JobSummary, ProgressSnapshot, UserError
from campaign_gui.services.texts import decimal, number, percent, stop_message_text
from campaign_gui.ui.import_wizard.upload_page import waiting_text

COLUMNS = 6  # job/file, account, target, state, progress, message


class JobsPanel(QWidget):
    """Lists the journal's jobs (newest first); live ones update from the service's snapshots."""

    resultsRequested = Signal(str)  # job id: show its results

    def __init__(self, service: ImportService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.jobs = service.jobs
        self.setObjectName("jobsPanel")
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("jobsTree")
        self.tree.setColumnCount(COLUMNS)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.header().setStretchLastSection(True)
        for column, width in enumerate((220, 150, 160, 110, 200)):
            self.tree.setColumnWidth(column, width)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda item, _c: self.resultsRequested.emit(item.data(0, Qt.ItemDataRole.UserRole)))
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key in ("pause", "resume", "cancel", "verify", "results", "report"):
            button = QPushButton(self)
            button.setObjectName(f"job_{key}")
            button.clicked.connect(lambda _c=False, k=key: self._act(k))
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        self.jobs.jobsChanged.connect(self.refresh)
        self.jobs.jobProgress.connect(self._progress)
        self.jobs.jobFinished.connect(self._finished)
        self.jobs.failed.connect(self._failed)
        self._messages: dict[str, str] = {}
        self._added: dict[str, tuple[int, int]] = {}  # finished without a message: added, not added (shown translated)
        self._states: dict[str, str] = {}  # from the last refresh: no journal query at 10 Hz
        # (account id, target) → the target in words ("Chiến dịch tháng 4 › Danh sách tháng 4"); the window sets it
        self.target_namer: Callable[[str, dict[str, Any]], str] = lambda _a, _t: ""
        self._verify: dict[str, tuple[bool, str]] = {}  # from the last refresh: "Verify now" and why not
        self.retranslate()

    def retranslate(self) -> None:
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Account"), self.tr("Target"), self.tr("State"),
                                   self.tr("Progress"), self.tr("Message")])
        self.empty.setText(self.tr("No imports yet. Drop a spreadsheet on the window, or use File → Import…"))
        texts = {"pause": self.tr("Pause"), "resume": self.tr("Resume"), "cancel": self.tr("Cancel"),
                 "verify": self.tr("Verify now"), "results": self.tr("Results…"),
                 "report": self.tr("Export report…")}
        for key, text in texts.items():
            self.buttons[key].setText(text)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- listing ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_job()
        self.tree.clear()
        try:
            records = self.jobs.records()
        except Exception as exc:  # the journal could not be opened: say so in the panel
            self.empty.setText(self.tr("The import journal cannot be read: {0}").format(exc))
            self.empty.show()
            return
        for record in records:
            item = QTreeWidgetItem()
            item.setData(0, Qt.ItemDataRole.UserRole, record.id)
            item.setText(0, f"{Path(record.source_path).name} ({record.id[:6]})")
            item.setToolTip(0, record.source_path)
            item.setText(1, record.account_name)
            raw = ", ".join(f"{k}={v}" for k, v in sorted(record.target.items()) if v)
            item.setText(2, self.target_namer(record.account_id, dict(record.target)) or raw)
            item.setToolTip(2, raw)
            state = self.jobs.state(record.id)
            self._states[record.id] = state
            item.setText(3, self.state_text(state))
            counts = dict(record.counts)
            done = sum(n for k, n in counts.items() if k not in ("pending", "invalid", "duplicate"))
            total = done + counts.get("pending", 0)
            item.setText(4, self.tr("{0} of {1}").format(number(done), number(total)))
            item.setText(5, self._message(record.id, record.message))
            self._verify[record.id] = self.jobs.verify_status(record, counts)
            self.tree.addTopLevelItem(item)
            snap = self.jobs.snapshot(record.id)
            if snap is not None and self.jobs.is_running(record.id):
                self._show_snapshot(item, snap)
            if record.id == selected:
                item.setSelected(True)
        self.empty.setVisible(not records)
        self._update_buttons()

    def item_for(self, job_id: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, Qt.ItemDataRole.UserRole) == job_id:
                return item
        return None

    def state_text(self, state: str) -> str:
        return {"pending": self.tr("preparing"), "running": self.tr("running"), "paused": self.tr("paused"),
                "interrupted": self.tr("interrupted"), "done": self.tr("finished"),
                "cancelled": self.tr("cancelled"), "failed": self.tr("failed")}.get(state, state)

    def _progress(self, job_id: str, snap: ProgressSnapshot) -> None:
        item = self.item_for(job_id)
        if item is None:
            self.refresh()
            return
        self._show_snapshot(item, snap)
        self._update_buttons()

    def _show_snapshot(self, item: QTreeWidgetItem, snap: ProgressSnapshot) -> None:
        self._states[str(item.data(0, Qt.ItemDataRole.UserRole))] = snap.state
        item.setText(3, self.tr("verifying") if snap.phase == "verifying" and snap.state == "running"
                     else self.state_text(snap.state))
        rate = self.tr(", {0} rows/s").format(decimal(snap.rows_per_second)) if snap.rows_per_second else ""
        item.setText(4, self.tr("{0} of {1} ({2}){3}").format(number(snap.done), number(snap.total),
                                                              percent(snap.fraction), rate))
        wait = waiting_text(snap)
        item.setText(5, wait or stop_message_text(snap.message))

    def _message(self, job_id: str, fallback: str) -> str:
        if job_id in self._added:
            added, not_added = self._added[job_id]
            return self.tr("{0} added, {1} not added").format(number(added), number(not_added))
        return stop_message_text(self._messages.get(job_id, fallback))  # translated now: follows the language

    def _finished(self, job_id: str, summary: JobSummary) -> None:
        if summary.message:
            self._messages[job_id] = summary.message
            self._added.pop(job_id, None)
        else:
            self._added[job_id] = (summary.added, summary.rows - summary.added)
        self.refresh()

    def _failed(self, key: str, error: UserError) -> None:
        if not key.startswith("ticket:"):
            self._messages[key] = f"{error.title}: {error.message}"
            self._added.pop(key, None)
            item = self.item_for(key)
            if item is not None:
                item.setText(5, self._messages[key])

    # --- actions ---------------------------------------------------------------------------------------
    def selected_job(self) -> str | None:
        items = self.tree.selectedItems()
        return str(items[0].data(0, Qt.ItemDataRole.UserRole)) if items else None

    def select(self, job_id: str) -> None:
        item = self.item_for(job_id)
        if item is not None:
            self.tree.setCurrentItem(item)

    def _update_buttons(self) -> None:
        job = self.selected_job()
        state = self._states.get(job, "") if job else ""
        running = job is not None and self.jobs.is_running(job)
        self.buttons["pause"].setEnabled(running and state == "running")
        self.buttons["resume"].setEnabled(job is not None and state in ("paused", "interrupted", "pending")
                                          and (running or not self.jobs.is_running(job)))
        self.buttons["cancel"].setEnabled(job is not None and state in ("running", "paused", "interrupted",
                                                                         "pending"))
        can_verify, why_not = self._verify.get(job or "", (False, ""))
        self.buttons["verify"].setEnabled(can_verify and not running)
        self.buttons["verify"].setToolTip(why_not if not can_verify else self.tr(
            "Read the target back at the provider: rows found count as added, rows proven missing are sent again"))
        self.buttons["results"].setEnabled(job is not None)
        self.buttons["report"].setEnabled(job is not None)

    def _act(self, key: str) -> None:
        job = self.selected_job()
        if job is None:
            return
        if key == "pause":
            self.jobs.pause(job)
        elif key == "resume":
            self._messages.pop(job, None)
            self._added.pop(job, None)
            self.jobs.resume(job)
        elif key == "cancel":
            self.jobs.cancel(job)
        elif key == "verify":
            self._messages.pop(job, None)
            self._added.pop(job, None)
            self._verify[job] = (False, "")
            self.jobs.verify(job)
        elif key == "results":
            self.resultsRequested.emit(job)
        elif key == "report":
            dialog = QFileDialog(self, self.tr("Save the report"), f"import-{job}-{time.strftime('%Y%m%d')}.xlsx",
                                 self.tr("Excel workbook (*.xlsx)"))
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix("xlsx")
            dialog.fileSelected.connect(lambda path: self.jobs.export_report(job, path))
            self._dialog = dialog
            dialog.open()
        self._update_buttons()

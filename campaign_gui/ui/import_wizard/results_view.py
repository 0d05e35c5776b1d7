"""A finished job's results: totals (as the CLI and the report show them), per-row outcomes, actions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from campaign_gui.services.import_results import JobRowsReader
from campaign_gui.services.import_service import ImportService, JobSummary, UserError
from campaign_gui.services.texts import number, stop_message_text
from campaign_gui.ui.import_wizard.results_model import ResultsModel

FILTERS = (("all", ()), ("not_added", ("updated", "skipped", "duplicate", "invalid", "rejected", "failed",
                                       "needs_verification", "pending")),
           ("added", ("added",)), ("skipped", ("skipped", "updated")), ("duplicate", ("duplicate",)),
           ("invalid", ("invalid",)), ("rejected", ("rejected",)), ("failed", ("failed",)),
           ("needs_verification", ("needs_verification",)))


class ResultsView(QWidget):
    """``openTargetRequested(account_id, target)`` asks the window to show the target in the browser."""

    openTargetRequested = Signal(str, object)

    def __init__(self, service: ImportService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.jobs = service.jobs
        self.job_id: str | None = None
        self.summary: JobSummary | None = None
        self.totals = QLabel(self)
        self.totals.setObjectName("resultTotals")
        self.totals.setWordWrap(True)
        self.filter = QComboBox(self)
        self.filter.setObjectName("resultFilter")
        self.filter.currentIndexChanged.connect(self._filter)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportReport")
        self.export_button.clicked.connect(self._choose_report)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openTarget")
        self.open_button.clicked.connect(self._open_target)
        self.undo_button = QPushButton(self)
        self.undo_button.setObjectName("undoImport")
        self.undo_button.clicked.connect(self._confirm_undo)
        self.verify_button = QPushButton(self)
        self.verify_button.setObjectName("verifyNow")
        self.verify_button.clicked.connect(self.verify)
        self._verifying = False
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setObjectName("resultNote")
        self.model = ResultsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("resultTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((60, 150, 120, 130, 160)):
            self.table.setColumnWidth(column, width)
        tools = QHBoxLayout()
        self.filter_label = QLabel(self)
        tools.addWidget(self.filter_label)
        tools.addWidget(self.filter)
        tools.addStretch(1)
        tools.addWidget(self.open_button)
        tools.addWidget(self.verify_button)
        tools.addWidget(self.undo_button)
        tools.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.totals)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self.jobs.reportWritten.connect(self._report_written)
        self.jobs.undoFinished.connect(self._undone)
        self.jobs.jobFinished.connect(self._job_finished)
        self.jobs.failed.connect(self._failed)
        service.computed.connect(self._loaded)
        self._ticket: int | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.filter_label.setText(self.tr("Show:"))
        self.export_button.setText(self.tr("Export report…"))
        self.open_button.setText(self.tr("Open target"))
        self.undo_button.setText(self.tr("Undo import…"))
        self.verify_button.setText(self.tr("Verify now"))
        self.undo_button.setToolTip(self.tr("Delete the contacts this import added that are still pending"))
        names = {"all": self.tr("All rows"), "not_added": self.tr("Not added"), "added": self.tr("Added"),
                 "skipped": self.tr("Already there"), "duplicate": self.tr("Duplicates in the file"),
                 "invalid": self.tr("Invalid"), "rejected": self.tr("Rejected"), "failed": self.tr("Failed"),
                 "needs_verification": self.tr("Needs verification")}
        current = max(0, self.filter.currentIndex())
        self.filter.blockSignals(True)
        self.filter.clear()
        for key, _ in FILTERS:
            self.filter.addItem(names[key], key)
        self.filter.setCurrentIndex(current)
        self.filter.blockSignals(False)

    def show_job(self, job_id: str) -> None:
        """Load the totals and the first count in a thread (a big job's journal takes a moment)."""
        self.job_id = job_id
        self.totals.setText(self.tr("Loading the results…"))
        self.undo_button.hide()
        self.verify_button.hide()
        jobs = self.jobs

        def load() -> tuple[str, JobSummary | None, JobRowsReader, bool]:
            reader = JobRowsReader(jobs.data_dir, job_id)
            reader.count()
            return job_id, jobs.summary(job_id), reader, jobs.can_undo(job_id)

        self._ticket = self.service.compute(load)

    def _loaded(self, ticket: int, value: object) -> None:
        if ticket != getattr(self, "_ticket", None) or not isinstance(value, tuple):
            return
        job_id, summary, reader, can_undo = value
        if job_id != self.job_id:
            return
        self.summary = summary
        self.totals.setText(self.totals_text(summary) if summary else "")
        self.model.set_reader(reader)
        self._filter()
        self.undo_button.setVisible(can_undo)
        self._show_verify(summary)

    def _show_verify(self, summary: JobSummary | None) -> None:
        """"Verify now" is shown while rows need verification; disabled, with the reason, where it cannot run."""
        flagged = summary is not None and summary.needs_verification > 0
        self.verify_button.setVisible(flagged)
        if not flagged or self.job_id is None:
            return
        can, why_not = self.jobs.verify_status(self.job_id, {"needs_verification": summary.needs_verification})
        self.verify_button.setEnabled(can and not self._verifying)
        self.verify_button.setToolTip(why_not or self.tr(
            "Read the target back at the provider: rows found count as added, rows proven missing are sent again"))
    def totals_text(self, s: JobSummary) -> str:
        states = {"pending": self.tr("pending"), "running": self.tr("running"), "paused": self.tr("paused"),
                  "interrupted": self.tr("interrupted"), "done": self.tr("done"), "cancelled": self.tr("cancelled"),
                  "failed": self.tr("failed")}  # English shows the state as the CLI prints it
        lines = [self.tr("Job {0}: {1}").format(s.job_id, states.get(s.state, s.state)),
                 self.tr("Rows {0}: valid {1}, invalid {2}, duplicates {3}").format(
                     *map(number, (s.rows, s.valid, s.invalid, s.duplicates))),
                 self.tr("Sent {0}: added {1}, updated {2}, already there {3}, rejected {4}, failed {5}, "
                         "needs verification {6}").format(*map(number, (s.sent, s.added, s.updated, s.skipped,
                                                                        s.rejected, s.failed, s.needs_verification)))]
        if s.pending:
            lines.append(self.tr("Not sent yet: {0}").format(number(s.pending)))
        if s.message:
            lines.append(stop_message_text(s.message))
        return "\n".join(lines)

    def _filter(self) -> None:
        outcomes = dict(FILTERS).get(self.filter.currentData() or "all", ())
        self.model.set_filter(list(outcomes))

    # --- actions ------------------------------------------------------------------------------------
    def _choose_report(self) -> None:
        if self.job_id is None:
            return
        dialog = QFileDialog(self, self.tr("Save the report"), str(self.default_report_path()),
                             self.tr("Excel workbook (*.xlsx)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("xlsx")
        dialog.fileSelected.connect(self.export_to)
        self._dialog = dialog
        dialog.open()

    def default_report_path(self) -> Path:
        """``<source name> – not added – <date>.xlsx`` in the user's Documents folder."""
        record = self.service.jobs.record(self.job_id) if self.job_id is not None else None
        source = Path(record.source_path).stem if record is not None else "import"
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self.tr("{0} – not added – {1}.xlsx").format(source, date.today().isoformat())
        return Path(folder or Path.home()) / "".join("_" if c in '<>:"/\\|?*' else c for c in name)

    def export_to(self, path: str) -> None:
        if self.job_id is not None:
            self.note.setText(self.tr("Writing the report…"))
            self.jobs.export_report(self.job_id, path)

    def _report_written(self, job_id: str, path: str) -> None:
        if job_id == self.job_id:
            self.note.setText(self.tr("Report saved: {0}").format(path))

    def _open_target(self) -> None:
        record = self.jobs.record(self.job_id) if self.job_id else None
        if record is not None:
            self.openTargetRequested.emit(record.account_id, dict(record.target))

    def _confirm_undo(self) -> None:
        if self.summary is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Undo import"),
                          self.tr("Delete the {0} contacts this import added? Only contacts that are still "
                                  "pending can be deleted; the others are listed afterwards.").format(
                              number(self.summary.added)),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda code: self.undo() if code == QMessageBox.StandardButton.Yes else None)
        self._box = box
        box.open()

    def undo(self) -> None:
        if self.job_id is not None:
            self.undo_button.setEnabled(False)
            self.note.setText(self.tr("Deleting the contacts this import added…"))
            self.jobs.undo(self.job_id)

    def verify(self) -> None:
        if self.job_id is not None:
            self._verifying = True
            self.verify_button.setEnabled(False)
            self.note.setText(self.tr("Checking the rows that need verification at the provider…"))
            self.jobs.verify(self.job_id)

    def _job_finished(self, job_id: str, summary: object) -> None:
        if job_id != self.job_id or not self._verifying:
            return
        self._verifying = False
        left = getattr(summary, "needs_verification", 0)
        self.note.setText(self.tr("Checked: every row is accounted for.") if not left else
                          self.tr("Checked: {0} rows still need verification (see their reason).").format(
                              number(left)))
        self.show_job(job_id)

    def _undone(self, job_id: str, result: object) -> None:
        if job_id != self.job_id:
            return
        deleted = getattr(result, "deleted", 0)
        kept = getattr(result, "kept", [])
        missing = getattr(result, "missing", [])
        text = self.tr("Undo: %n contact(s) deleted.", "", deleted)
        if kept:
            text += " " + self.tr("{0} kept because they are already called or in a call: {1}").format(
                number(len(kept)), ", ".join(kept[:10]) + ("…" if len(kept) > 10 else ""))
        if missing:
            text += " " + self.tr("{0} not found in the list any more.").format(number(len(missing)))
        self.note.setText(text)

    def _failed(self, key: str, error: UserError) -> None:
        if key == self.job_id:
            self.undo_button.setEnabled(True)
            if self._verifying:
                self._verifying = False
                self.verify_button.setEnabled(True)
            self.note.setText(f"{error.title}: {error.message}")

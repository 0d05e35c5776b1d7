"""Wizard page 6: the upload's live progress (bar, rows/s, ETA, counts, batch, waits), pause/resume/cancel."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWizardPage

from campaign_gui.services.import_service import ImportService, JobSummary, ProgressSnapshot, UserError
from campaign_gui.services.texts import decimal, number, stop_message_text
from campaign_gui.services.texts import waiting_text as reason_waiting_text
from campaign_gui.ui.import_wizard.draft import ImportDraft

COUNT_KEYS = ("added", "updated", "skipped", "rejected", "failed", "needs_verification")


def waiting_text(snap: ProgressSnapshot) -> str:
    """'Waiting 12 s (rate limited)' from a snapshot's wait, counting down to ``waiting_until``."""
    if not snap.waiting_reason:
        return ""
    left = max(0, round((snap.waiting_until or time.time()) - time.time()))
    return reason_waiting_text(snap.waiting_reason, left)


class UploadPage(QWizardPage):
    """Starts the job when shown (the previous page is the commit page) and follows its snapshots."""

    def __init__(self, service: ImportService, draft: ImportDraft) -> None:
        super().__init__()
        self.service = service
        self.jobs = service.jobs
        self.draft = draft
        self._ticket = 0
        self.finished_summary: JobSummary | None = None
        self.last: ProgressSnapshot | None = None
        self.setObjectName("uploadPage")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("uploadProgress")
        self.state = QLabel(self)
        self.state.setObjectName("uploadState")
        self.rate = QLabel(self)
        self.rate.setObjectName("uploadRate")
        self.waiting = QLabel(self)
        self.waiting.setObjectName("uploadWaiting")
        self.waiting.setStyleSheet("font-weight: bold")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setObjectName("uploadMessage")
        self.count_labels: dict[str, QLabel] = {}
        grid = QGridLayout()
        for i, key in enumerate(COUNT_KEYS):
            name = QLabel(self)
            value = QLabel("0", self)
            value.setObjectName(f"count_{key}")
            grid.addWidget(name, i // 3, (i % 3) * 2)
            grid.addWidget(value, i // 3, (i % 3) * 2 + 1)
            self.count_labels[key] = value
            self.count_labels[key + "_name"] = name
        self.pause_button = QPushButton(self)
        self.pause_button.setObjectName("pauseButton")
        self.pause_button.clicked.connect(self._pause_or_resume)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self._cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.state)
        layout.addWidget(self.rate)
        layout.addWidget(self.waiting)
        layout.addLayout(grid)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.tick = QTimer(self)
        self.tick.setInterval(1000)
        self.tick.timeout.connect(self._tick)
        self.jobs.jobCreated.connect(self._created)
        self.jobs.jobProgress.connect(self._progress)
        self.jobs.jobFinished.connect(self._finished)
        self.jobs.failed.connect(self._failed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Upload"))
        self.setSubTitle(self.tr("You may close this window: the import goes on and is listed under Imports."))
        names = {"added": self.tr("Added"), "updated": self.tr("Updated"), "skipped": self.tr("Already there"),
                 "rejected": self.tr("Rejected"), "failed": self.tr("Failed"),
                 "needs_verification": self.tr("Needs verification")}
        for key, text in names.items():
            self.count_labels[key + "_name"].setText(text + ":")
        self.cancel_button.setText(self.tr("Cancel import"))
        self._update_buttons()

    def initializePage(self) -> None:
        if self.draft.job_id is not None or self._ticket:
            return
        account, result = self.draft.account, self.draft.result
        if account is None or result is None:
            return
        self.state.setText(self.tr("Preparing the job…"))
        self.bar.setRange(0, 0)
        self._ticket = self.jobs.start(account, self.draft.target, result, self.draft.path, self.draft.policy)
        self._update_buttons()

    def follow(self, job_id: str) -> None:
        """Show an existing job (resumed from the jobs panel)."""
        self.draft.job_id = job_id
        snap = self.jobs.snapshot(job_id)
        if snap is not None:
            self._progress(job_id, snap)

    def _created(self, ticket: int, job_id: str) -> None:
        if ticket == self._ticket:
            self._ticket = 0
            self.draft.job_id = job_id
            self.state.setText(self.tr("Job {0} started.").format(job_id))
            self._update_buttons()

    def _progress(self, job_id: str, snap: ProgressSnapshot) -> None:
        if job_id != self.draft.job_id:
            return
        self.last = snap
        self.bar.setRange(0, max(1, snap.total))
        self.bar.setValue(snap.done)
        shown = self.tr("Checking at the provider") if snap.phase == "verifying" and snap.state == "running" \
            else self.state_text(snap.state)
        self.state.setText(self.tr("{0}: {1} of {2} rows").format(shown, number(snap.done), number(snap.total))
                           + (self.tr(", batch {0}").format(snap.current_batch) if snap.current_batch else ""))
        rate = self.tr("{0} rows/s").format(decimal(snap.rows_per_second)) if snap.rows_per_second else \
            self.tr("speed unknown yet")
        eta = self.tr("about {0} left").format(self.duration(snap.eta_seconds)) if snap.eta_seconds else ""
        self.rate.setText(", ".join(t for t in (rate, eta) if t))
        for key in COUNT_KEYS:
            self.count_labels[key].setText(number(snap.counts.get(key, 0)))
        self.waiting.setText(waiting_text(snap))
        if snap.waiting_reason:
            self.tick.start()
        if snap.message:
            self.message.setText(stop_message_text(snap.message))
        self._update_buttons()

    def _tick(self) -> None:
        if self.last is None or not self.last.waiting_reason:
            self.tick.stop()
            self.waiting.clear()
            return
        self.waiting.setText(waiting_text(self.last))

    def _finished(self, job_id: str, summary: JobSummary) -> None:
        if job_id != self.draft.job_id:
            return
        self.finished_summary = summary
        self.tick.stop()
        self.waiting.clear()
        self.state.setText(self.tr("{0}: {1} sent, {2} added.").format(
            self.state_text(summary.state), number(summary.sent), number(summary.added)))
        self.rate.setText(self._average())
        if summary.message:
            self.message.setText(stop_message_text(summary.message))
        self._update_buttons()
        self.completeChanged.emit()

    def _failed(self, key: str, error: UserError) -> None:
        if key == f"ticket:{self._ticket}" or (self.draft.job_id and key == self.draft.job_id):
            self._ticket = 0
            self.bar.setRange(0, 1)
            self.message.setText(f"{error.title}: {error.message}")
            self._update_buttons()

    def _average(self) -> str:
        """This run's own figures once it ended (the last snapshot's ``run_rows_per_second``)."""
        last = self.last
        average = last.run_rows_per_second if last is not None else None
        if last is None or average is None:
            return ""
        seconds = last.run_seconds
        took = self.tr("{0} s").format(decimal(seconds, 1)) if seconds < 60 else self.duration(seconds)
        return self.tr("{0} rows in {1}, {2} rows/s").format(number(last.run_done), took, decimal(average))

    def state_text(self, state: str) -> str:
        return {"pending": self.tr("Preparing"), "running": self.tr("Uploading"), "paused": self.tr("Paused"),
                "interrupted": self.tr("Interrupted"), "done": self.tr("Done"), "cancelled": self.tr("Cancelled"),
                "failed": self.tr("Failed")}.get(state, state)

    def duration(self, seconds: float | None) -> str:
        if seconds is None:
            return ""
        s = int(seconds)
        return self.tr("{0} min {1} s").format(s // 60, s % 60) if s >= 60 else self.tr("{0} s").format(s)

    def _running(self) -> bool:
        return self.draft.job_id is not None and self.jobs.is_running(self.draft.job_id)

    def _update_buttons(self) -> None:
        paused = self.last is not None and self.last.state == "paused"
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        resumable = self.finished_summary is not None and self.finished_summary.state in ("paused", "interrupted")
        self.pause_button.setEnabled(self._running() or resumable)
        self.cancel_button.setEnabled(self._running() or resumable)

    def _pause_or_resume(self) -> None:
        job = self.draft.job_id
        if job is None:
            return
        if (self.last is not None and self.last.state == "paused") or not self._running():
            self.finished_summary = None
            self.jobs.resume(job)
        else:
            self.jobs.pause(job)
        self.completeChanged.emit()

    def _cancel(self) -> None:
        if self.draft.job_id is not None:
            self.jobs.cancel(self.draft.job_id)

    def isComplete(self) -> bool:
        return self.finished_summary is not None

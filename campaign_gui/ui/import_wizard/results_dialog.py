"""A window with one job's results (opened from the Imports panel), non-modal."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from campaign_gui.services.import_service import ImportService
from campaign_gui.ui.import_wizard.results_view import ResultsView


class ResultsDialog(QDialog):
    def __init__(self, service: ImportService, job_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resultsDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.view = ResultsView(service, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Import results"))
        self.resize(900, 560)
        self.view.show_job(job_id)

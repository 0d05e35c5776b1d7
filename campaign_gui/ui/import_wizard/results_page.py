"""Wizard page 7: the results of the upload (a ResultsView on the wizard's job)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWizardPage

from campaign_gui.services.import_service import ImportService
from campaign_gui.ui.import_wizard.draft import ImportDraft
from campaign_gui.ui.import_wizard.results_view import ResultsView


class ResultsPage(QWizardPage):
    """Totals that match the CLI and the report; per-row outcomes; export; open target; undo."""

    def __init__(self, service: ImportService, draft: ImportDraft) -> None:
        super().__init__()
        self.draft = draft
        self.setObjectName("resultsPage")
        self.view = ResultsView(service, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Results"))
        self.setSubTitle(self.tr("What happened to every row. The report lists every row that was not added, "
                                 "with its reason and the cell as typed."))
        self.view.retranslate()

    def initializePage(self) -> None:
        if self.draft.job_id is not None:
            self.view.show_job(self.draft.job_id)

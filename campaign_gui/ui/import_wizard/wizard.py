"""The import wizard: one QWizard over the seven pages, opened non-modally (``show()``/``open()``)."""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget, QWizard

from campaign_gui.services.import_service import ImportService
from campaign_gui.ui.import_wizard.draft import ImportDraft
from campaign_gui.ui.import_wizard.file_page import FilePage
from campaign_gui.ui.import_wizard.header_page import HeaderPage
from campaign_gui.ui.import_wizard.mapping_page import MappingPage
from campaign_gui.ui.import_wizard.results_page import ResultsPage
from campaign_gui.ui.import_wizard.review_page import ReviewPage
from campaign_gui.ui.import_wizard.target_page import TargetPage
from campaign_gui.ui.import_wizard.upload_page import UploadPage


class PageId(enum.IntEnum):
    FILE = 0
    HEADER = 1
    MAPPING = 2
    REVIEW = 3
    TARGET = 4
    UPLOAD = 5
    RESULTS = 6


class ImportWizard(QWizard):
    """Closing the wizard during the upload leaves the job running (it is listed under Imports)."""

    openTargetRequested = Signal(str, object)  # account id, target mapping

    def __init__(self, service: ImportService, path: str = "", *, account_id: str | None = None,
                 target: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.draft = ImportDraft(path=path, account_id=account_id, target=dict(target or {}))
        self.setObjectName("importWizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.file_page = FilePage(service, self.draft)
        self.header_page = HeaderPage(service, self.draft)
        self.mapping_page = MappingPage(service, self.draft)
        self.review_page = ReviewPage(service, self.draft)
        self.target_page = TargetPage(service, self.draft)
        self.upload_page = UploadPage(service, self.draft)
        self.results_page = ResultsPage(service, self.draft)
        for page_id, page in zip(PageId, (self.file_page, self.header_page, self.mapping_page, self.review_page,
                                          self.target_page, self.upload_page, self.results_page), strict=True):
            self.setPage(int(page_id), page)
        self.results_page.view.openTargetRequested.connect(self.openTargetRequested)
        self.resize(960, 680)
        self.retranslate()

    def retranslate(self) -> None:
        name = Path(self.draft.path).name
        self.setWindowTitle(self.tr("Import {0}").format(name) if name else self.tr("Import a spreadsheet"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Close"))

    def page_widget(self, page_id: PageId) -> Any:
        return self.page(int(page_id))

    def done(self, result: int) -> None:
        """Closing: a running check is cancelled; a running upload goes on in the background."""
        self.review_page.cleanupPage()
        super().done(result)

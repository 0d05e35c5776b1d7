"""Wizard page 4: validation (off the GUI thread, with progress and cancel) and the review grid."""

from __future__ import annotations

from array import array
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from campaign_gui.services.import_service import (
    ImportService,
    InvalidPolicy,
    RowStatus,
    UserError,
    ValidationRequest,
    ValidationResult,
    upload_extras,
)
from campaign_gui.services.target_check import LandlinePolicy, target_rules
from campaign_gui.services.texts import number
from campaign_gui.ui.import_wizard.draft import ImportDraft
from campaign_gui.ui.import_wizard.review_model import ReviewModel

FILTERS: tuple[tuple[str, frozenset[RowStatus]], ...] = (
    ("all", frozenset()),
    ("problems", frozenset({RowStatus.INVALID, RowStatus.DUPLICATE, RowStatus.FIXED})),
    ("invalid", frozenset({RowStatus.INVALID})),
    ("fixed", frozenset({RowStatus.FIXED})),
    ("duplicate", frozenset({RowStatus.DUPLICATE})),
    ("valid", frozenset({RowStatus.VALID})),
)


class ReviewPage(QWizardPage):
    """Counts, a filterable virtual grid, 'accept every suggestion', and the invalid-row policy."""

    def __init__(self, service: ImportService, draft: ImportDraft) -> None:
        super().__init__()
        self.service = service
        self.draft = draft
        self._ticket = 0
        self._filter_ticket = 0
        self._accept_ticket = 0
        self._unsplit: ValidationResult | None = None  # the result before --split-numbers, to go back to
        self.setObjectName("reviewPage")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("validationProgress")
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self._cancel)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("reviewStatus")
        self.counts = QLabel(self)
        self.counts.setObjectName("reviewCounts")
        self.counts.setWordWrap(True)
        self.filter = QComboBox(self)
        self.filter.setObjectName("reviewFilter")
        self.filter.currentIndexChanged.connect(self._apply_filter)
        self.accept_all = QPushButton(self)
        self.accept_all.setObjectName("acceptSuggestions")
        self.accept_all.clicked.connect(self._accept_suggestions)
        self.accept_all.hide()  # shown with the check's result (its label holds a count)
        self.accept_selected = QPushButton(self)
        self.accept_selected.setObjectName("acceptSelected")
        self.accept_selected.clicked.connect(self._accept_selected)
        self.accept_selected.hide()
        self.banner = QLabel(self)  # said once for the whole column: another country's numbers
        self.banner.setObjectName("reviewBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff4ce; padding: 6px;")
        self.banner.hide()
        self.use_country = QPushButton(self)
        self.use_country.setObjectName("useCountry")
        self.use_country.clicked.connect(self._use_country)
        self.use_country.hide()
        self.split = QCheckBox(self)
        self.split.setObjectName("splitNumbers")
        self.split.toggled.connect(self._split_toggled)
        self.split.hide()
        self.model = ReviewModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("reviewTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        for column, width in enumerate((60, 110, 310, 120, 130, 160)):  # 110: “Không hợp lệ” fits
            self.table.setColumnWidth(column, width)
        self.policy_label = QLabel(self)
        self.policy_group = QButtonGroup(self)
        self.policy_buttons: dict[InvalidPolicy, QRadioButton] = {}
        policy_row = QHBoxLayout()
        policy_row.addWidget(self.policy_label)
        for policy in (InvalidPolicy.DROP, InvalidPolicy.BLOCK, InvalidPolicy.INCLUDE):
            button = QRadioButton(self)
            button.setObjectName(f"policy_{policy.value}")
            self.policy_group.addButton(button)
            self.policy_buttons[policy] = button
            button.toggled.connect(self._policy_changed)
            policy_row.addWidget(button)
        policy_row.addStretch(1)
        # an SMS provider: fixed-line numbers are a warning with their own policy (dropped unless ticked)
        self.landline = QCheckBox(self)
        self.landline.setObjectName("sendLandlines")
        self.landline.hide()
        self.landline.toggled.connect(self._landline_changed)
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(self.cancel_button)
        tools = QHBoxLayout()
        self.filter_label = QLabel(self)
        tools.addWidget(self.filter_label)
        tools.addWidget(self.filter)
        tools.addStretch(1)
        tools.addWidget(self.accept_selected)
        tools.addWidget(self.accept_all)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.use_country)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.counts)
        layout.addLayout(banner_row)
        layout.addWidget(self.split)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addLayout(policy_row)
        layout.addWidget(self.landline)
        service.validationProgress.connect(self._progress)
        service.validationFinished.connect(self._finished)
        service.computed.connect(self._computed)
        service.failed.connect(self._failed)
        service.cancelled.connect(self._cancelled)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Review"))
        self.setSubTitle(self.tr("Every row is checked before anything is sent. Problems are listed with their "
                                 "reason; choose what to do with invalid rows."))
        self.cancel_button.setText(self.tr("Cancel check"))
        self.accept_selected.setText(self.tr("Accept the selected rows' suggestions"))
        self.split.setText(self.tr("Import every number of a cell holding several as its own contact "
                                   "(same name and fields)"))
        self.filter_label.setText(self.tr("Show:"))
        self.policy_label.setText(self.tr("Invalid rows:"))
        self.policy_buttons[InvalidPolicy.DROP].setText(self.tr("Skip them, upload the rest"))
        self.policy_buttons[InvalidPolicy.BLOCK].setText(self.tr("Block the import until fixed"))
        self.policy_buttons[InvalidPolicy.INCLUDE].setText(self.tr("Send them as typed"))
        self.landline.setText(self.tr("Send to fixed-line numbers too (they usually cannot receive SMS)"))
        names = {"all": self.tr("All rows"), "problems": self.tr("Rows with a problem or a fix"),
                 "invalid": self.tr("Invalid"), "fixed": self.tr("Fixed"), "duplicate": self.tr("Duplicates"),
                 "valid": self.tr("Valid")}
        current = max(0, self.filter.currentIndex())
        self.filter.blockSignals(True)
        self.filter.clear()
        for key, _statuses in FILTERS:
            self.filter.addItem(names[key], key)
        self.filter.setCurrentIndex(current)
        self.filter.blockSignals(False)

    # --- validation --------------------------------------------------------------------------------
    def initializePage(self) -> None:
        self.policy_buttons[self.draft.policy].setChecked(True)
        if self.draft.result is not None:
            self._show(self.draft.result)
            return
        self.model.set_result(None)
        self.counts.clear()
        self._unsplit = None
        self.split.blockSignals(True)
        self.split.setChecked(False)
        self.split.blockSignals(False)
        for widget in (self.banner, self.use_country, self.split, self.accept_selected):
            widget.hide()
        file = self.draft.file
        rows = next((s.rows for s in file.sheets if s.index == self.draft.sheet), 0) if file else 0
        self.progress.setRange(0, max(1, rows - self.draft.header_row))
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.accept_all.setEnabled(False)
        self.accept_all.hide()
        self.status.setText(self.tr("Checking the rows…"))
        account = self.draft.account
        info = self.service.info_for(account) if account is not None else None
        extras = upload_extras(info) if info is not None else []
        self.landline.setVisible(info is not None and info.sends_sms)
        self.landline.blockSignals(True)
        self.landline.setChecked(self.draft.landline is LandlinePolicy.INCLUDE)
        self.landline.blockSignals(False)
        request = ValidationRequest(path=self.draft.path, sheet=self.draft.sheet, header_row=self.draft.header_row,
                                    mapping=self.draft.mapping, region=self.draft.region or "VN",
                                    encoding=file.encoding if file else None, extras=tuple(extras),
                                    target=target_rules(info, self.draft.landline) if info is not None else None)
        self._ticket = self.service.validate(request)
        self.completeChanged.emit()

    def cleanupPage(self) -> None:
        if self._ticket:
            self.service.cancel(self._ticket)

    def _cancel(self) -> None:
        if self._ticket:
            self.service.cancel(self._ticket)

    def _progress(self, ticket: int, done: int) -> None:
        if ticket == self._ticket:
            if done > self.progress.maximum():
                self.progress.setMaximum(done)
            self.progress.setValue(done)
            self.status.setText(self.tr("Checking the rows… {0} read").format(number(done)))

    def _finished(self, ticket: int, result: ValidationResult) -> None:
        if ticket != self._ticket:
            return
        self._ticket = 0
        self.draft.result = result
        self._show(result)

    def _failed(self, ticket: int, error: UserError) -> None:
        if ticket in (self._ticket, self._filter_ticket, self._accept_ticket):
            self._ticket = self._filter_ticket = self._accept_ticket = 0
            self.split.setEnabled(True)
            self.progress.hide()
            self.cancel_button.hide()
            self.status.setText(f"{error.title}: {error.message}")
            self.completeChanged.emit()

    def _cancelled(self, ticket: int) -> None:
        if ticket == self._ticket:
            self._ticket = 0
            self.progress.hide()
            self.cancel_button.hide()
            self.status.setText(self.tr("The check was cancelled. Go back and forward again to restart it."))
            self.completeChanged.emit()

    def _show(self, result: ValidationResult) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.status.setText(self.tr("Sheet “{0}”, header row {1}: {2} data rows ({3} blank rows skipped).")
                            .format(result.sheet, result.header_row, number(result.rows), number(result.blank)))
        self.counts.setText(self.counts_text(result))
        pending = len(result.suggestions)
        self.accept_all.setText(self.tr("Accept all suggestions (%n)", "", pending))
        self.accept_all.setEnabled(pending > 0)
        self.accept_all.show()
        self.accept_selected.setVisible(pending > 0)
        self.accept_selected.setEnabled(pending > 0)
        hint = result.country_hint
        if hint:
            self.banner.setText(self.tr("Most phone numbers look like numbers of another country ({0}), not of "
                                        "{1}: check again with country {0}, or accept their suggestions.")
                                .format(hint, result.region))
            self.use_country.setText(self.tr("Check again as {0}").format(hint))
        self.banner.setVisible(bool(hint))
        self.use_country.setVisible(bool(hint))
        self.split.setVisible(result.multi_number_rows > 0 or self._unsplit is not None)
        self._apply_filter()
        self.completeChanged.emit()

    def counts_text(self, result: ValidationResult) -> str:
        text = self.tr("Valid: {0}   Fixed: {1}   Invalid: {2}   Duplicate: {3}").format(
            number(result.valid), number(result.fixed), number(result.invalid), number(result.duplicates))
        if result.reasons:
            # The parts shown always add up to the invalid total: past the top three, the rest is "other".
            reasons = list(result.reasons.items())
            shown = reasons if len(reasons) <= 4 else reasons[:3]
            parts = [f"{self.reason_text(k)}: {number(v)}" for k, v in shown]
            rest = sum(v for _k, v in reasons[len(shown):])
            if rest:
                parts.append(self.tr("other reasons: {0}").format(number(rest)))
            text += "\n" + self.tr("Invalid because: {0}").format(", ".join(parts))
        return text

    def reason_text(self, code: str) -> str:
        names = {"empty": self.tr("empty"), "formula": self.tr("a formula"),
                 "scientific": self.tr("scientific notation"), "not_a_number": self.tr("not a number"),
                 "not_integral": self.tr("decimals"), "too_long": self.tr("too long"), "too_short": self.tr("too short"),
                 "invalid_length": self.tr("wrong length"), "invalid_country_code": self.tr("unknown country code"),
                 "invalid_number": self.tr("not a valid number"),
                 "invalid_for_region": self.tr("needs its +country code"),
                 "old_prefix": self.tr("old 11-digit mobile prefix"),
                 "several_numbers": self.tr("several numbers in one cell"),
                 "text_around": self.tr("text around the number"), "other_country": self.tr("another country's number"),
                 "country_not_accepted": self.tr("a country this provider does not take"),
                 "landline": self.tr("a fixed line (SMS)")}
        return names.get(code, code)

    # --- filter and suggestions -------------------------------------------------------------------
    def _apply_filter(self) -> None:
        result = self.draft.result
        if result is None:
            return
        statuses = FILTERS[max(0, self.filter.currentIndex())][1]
        if not statuses:
            self._filter_ticket = 0
            self.model.set_result(result)
            return
        self._filter_ticket = self.service.filter_indices(result, statuses)

    def _accept_suggestions(self) -> None:
        if self.draft.result is not None:
            self.accept_all.setEnabled(False)
            self._accept_ticket = self.service.accept_suggestions(self.draft.result)

    def _accept_selected(self) -> None:
        result = self.draft.result
        rows = [i for i in (self.model.result_index(index.row())
                            for index in self.table.selectionModel().selectedRows()) if i is not None]
        if result is not None and rows:
            self.accept_selected.setEnabled(False)
            self._accept_ticket = self.service.accept_rows(result, rows)

    def _use_country(self) -> None:
        result = self.draft.result
        if result is not None and result.country_hint:
            self.draft.region = result.country_hint
            self.draft.result = None
            self.initializePage()

    def _split_toggled(self, checked: bool) -> None:
        result = self.draft.result
        if result is None:
            return
        if checked:
            self._unsplit = result
            self.split.setEnabled(False)
            self._accept_ticket = self.service.split_numbers(result)
        elif self._unsplit is not None:
            self.draft.result, self._unsplit = self._unsplit, None
            self._show(self.draft.result)

    def _computed(self, ticket: int, value: Any) -> None:
        if ticket == self._filter_ticket and isinstance(value, array):
            self._filter_ticket = 0
            self.model.set_result(self.draft.result, value)
        elif ticket == self._accept_ticket and isinstance(value, ValidationResult):
            self._accept_ticket = 0
            self.split.setEnabled(True)
            self.draft.result = value
            self._show(value)

    def _landline_changed(self, checked: bool) -> None:
        self.draft.landline = LandlinePolicy.INCLUDE if checked else LandlinePolicy.DROP
        result, account = self.draft.result, self.draft.account
        if result is None or account is None:
            return
        rules = target_rules(self.service.info_for(account), self.draft.landline)
        self._accept_ticket = self.service.compute(lambda: result.for_target(rules))
        self.completeChanged.emit()

    # --- policy ------------------------------------------------------------------------------------
    def _policy_changed(self) -> None:
        for policy, button in self.policy_buttons.items():
            if button.isChecked():
                self.draft.policy = policy
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        result = self.draft.result
        if result is None or self._ticket:
            return False
        if self.draft.policy is InvalidPolicy.BLOCK and result.invalid:
            return False
        typed = result.invalid - result.target_rejected  # "send as typed" never overrides the provider's rules
        sendable = result.valid + result.fixed + (typed if self.draft.policy is InvalidPolicy.INCLUDE else 0)
        return sendable > 0 and not self._accept_ticket

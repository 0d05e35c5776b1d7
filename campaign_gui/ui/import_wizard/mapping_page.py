"""Wizard page 3: which column feeds which field, with the reason for each proposed match."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from campaign_gui.services.import_service import ColumnMapping, ImportService
from campaign_gui.services.texts import mapping_reason_text
from campaign_gui.ui.import_wizard.draft import ImportDraft

CORE = ("phone", "name", "email", "first_name", "last_name")


class MappingPage(QWizardPage):
    """One combo per field (core fields + the provider's upload fields); phone is required."""

    def __init__(self, service: ImportService, draft: ImportDraft) -> None:
        super().__init__()
        self.service = service
        self.draft = draft
        self.setObjectName("mappingPage")
        self.combos: dict[str, QComboBox] = {}
        self.reasons: dict[str, QLabel] = {}
        self._proposed: ColumnMapping | None = None
        self.grid_host = QWidget(self)
        self.grid = QGridLayout(self.grid_host)
        self.grid.setColumnStretch(2, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.region_label = QLabel(self)
        self.region = QLineEdit(self)
        self.region.setObjectName("regionEdit")
        self.region.setMaxLength(2)
        self.region.setMaximumWidth(60)
        self.region.setValidator(QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,2}"), self))
        self.region.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.remember = QCheckBox(self)
        self.remember.setChecked(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        region_row = QGridLayout()
        region_row.addWidget(self.region_label, 0, 0)
        region_row.addWidget(self.region, 0, 1)
        region_row.setColumnStretch(2, 1)
        layout.addLayout(region_row)
        layout.addWidget(self.remember)
        layout.addWidget(self.hint)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Check which column holds each field. The phone column is required; the "
                                 "reason for each proposed match is shown next to it."))
        self.region_label.setText(self.tr("Country for numbers without a +code:"))
        self.remember.setText(self.tr("Remember this mapping for this account and these columns"))

    def field_labels(self) -> list[tuple[str, str]]:
        labels = {"phone": self.tr("Phone"), "name": self.tr("Name"), "email": self.tr("Email"),
                  "first_name": self.tr("First name"), "last_name": self.tr("Last name")}
        account = self.draft.account
        accepted = {f.key for f in self.service.info_for(account).upload_fields} if account is not None else set()
        if "first_name" in accepted or "last_name" in accepted:
            accepted.add("name")  # a full name is split or sent as the first name
        report_only = self.tr("(report only)")
        out = [(k, labels[k] if k == "phone" or k in accepted or account is None else f"{labels[k]} {report_only}")
               for k in CORE]
        if account is not None:
            for f in self.service.info_for(account).upload_fields:
                if f.key not in CORE:
                    out.append((f.key, QCoreApplication.translate("ProviderText", f.label)))
        return out

    def initializePage(self) -> None:
        account = self.draft.account
        info = self.service.info_for(account) if account is not None else None
        if not self.draft.region or (info is not None and self.draft.mapping is None):
            self.draft.region = info.default_region if info is not None else "VN"
        self.region.setText(self.draft.region)
        preview = self.draft.preview
        sample = [list(r) for r in preview.raw[self.draft.header_row:]] if preview is not None else []
        mapping = self.draft.mapping or self.service.propose(account, self.draft.columns, sample, self.draft.region)
        self._proposed = mapping
        self._build(mapping)
        if info is not None:
            self.hint.setText(self.tr("{0} accepts: phone, {1}. Fields marked “report only” are not sent; they "
                                      "help you recognise rows in the report.").format(
                info.display_name, ", ".join(QCoreApplication.translate("ProviderText", f.label).lower()
                                            for f in info.upload_fields) or self.tr("nothing else")))

    def _build(self, mapping: ColumnMapping) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.combos.clear()
        self.reasons.clear()
        for r in range(self.grid.rowCount()):
            self.grid.setRowStretch(r, 0)
        for r, (key, label) in enumerate(self.field_labels()):
            caption = QLabel(label + (" *" if key == "phone" else ""), self.grid_host)
            combo = QComboBox(self.grid_host)
            combo.setObjectName(f"map_{key}")
            combo.addItem(self.tr("— not imported —"), -1)
            for c, name in enumerate(self.draft.columns):
                combo.addItem(name, c)
            column = mapping.fields.get(key)
            combo.setCurrentIndex(combo.findData(column) if column is not None else 0)
            reason = QLabel(self._reason_text(key, mapping), self.grid_host)
            reason.setWordWrap(True)
            reason.setObjectName(f"reason_{key}")
            combo.currentIndexChanged.connect(lambda _i, k=key: self._changed(k))
            self.grid.addWidget(caption, r, 0)
            self.grid.addWidget(combo, r, 1)
            self.grid.addWidget(reason, r, 2)
            self.combos[key] = combo
            self.reasons[key] = reason
            combo.setMinimumWidth(220)
        self.grid.setRowStretch(len(self.combos), 1)
        self.completeChanged.emit()

    def _reason_text(self, key: str, mapping: ColumnMapping) -> str:
        if key in mapping.reasons:
            return mapping_reason_text(mapping.reasons[key])
        return self.tr("no matching column") if key == "phone" else ""

    def _changed(self, key: str) -> None:
        combo = self.combos[key]
        proposed = self._proposed.fields.get(key) if self._proposed is not None else None
        self.reasons[key].setText(self._reason_text(key, self._proposed) if combo.currentData() == proposed
                                  and self._proposed is not None else self.tr("chosen by you"))
        self.completeChanged.emit()

    def current_mapping(self) -> ColumnMapping:
        fields = {k: int(c.currentData()) for k, c in self.combos.items() if int(c.currentData()) >= 0}
        proposed = self._proposed
        reasons = {k: proposed.reasons[k] if proposed is not None and k in proposed.reasons
                   and proposed.fields.get(k) == v else self.reasons[k].text() for k, v in fields.items()}
        return ColumnMapping(fields=fields, reasons=reasons)

    def isComplete(self) -> bool:
        combo = self.combos.get("phone")
        return combo is not None and int(combo.currentData()) >= 0 and len(self.region.text()) == 2

    def validatePage(self) -> bool:
        mapping = self.current_mapping()
        region = self.region.text().upper()
        if self.draft.mapping is None or dict(mapping.fields) != dict(self.draft.mapping.fields) \
                or region != self.draft.region:
            self.draft.result = None
        self.draft.mapping = mapping
        self.draft.region = region
        if self.remember.isChecked() and self.draft.account is not None:
            self.service.remember(self.draft.account, self.draft.columns, mapping)
        return True

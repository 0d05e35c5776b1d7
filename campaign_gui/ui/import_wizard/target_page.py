"""Wizard page 5: where the contacts go, with the fields each provider's targets need."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from campaign_gui.providers.base import TargetSpec
from campaign_gui.services.import_service import ImportService
from campaign_gui.services.texts import number
from campaign_gui.ui.import_wizard.draft import ImportDraft


class TargetPage(QWizardPage):
    """A form built from ``ProviderInfo.targets``: ids, a new list name, lists/tags, sender/message/start."""

    def __init__(self, service: ImportService, draft: ImportDraft) -> None:
        super().__init__()
        self.service = service
        self.draft = draft
        self.setObjectName("targetPage")
        self.setCommitPage(True)
        self.account_label = QLabel(self)
        self.form_host = QWidget(self)
        self.form = QFormLayout(self.form_host)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setObjectName("targetProblem")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.account_label)
        layout.addWidget(self.form_host)
        layout.addWidget(self.summary)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.editors: dict[str, QWidget] = {}
        self.specs: dict[str, TargetSpec] = {}
        self._targets: tuple[TargetSpec, ...] = ()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Target"))
        self.setSubTitle(self.tr("Where the contacts go. The upload starts when you press “Start import”."))
        self.setButtonText(self.wizard_button(), self.tr("Start import"))

    @staticmethod
    def wizard_button() -> Any:
        from PySide6.QtWidgets import QWizard

        return QWizard.WizardButton.CommitButton

    def initializePage(self) -> None:
        account = self.draft.account
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors.clear()
        self.specs.clear()
        if account is None:
            return
        info = self.service.info_for(account)
        self._targets = info.targets
        self.account_label.setText(self.tr("Account: {0} ({1})").format(account.name, info.display_name))
        for spec in info.targets:
            editor = self._editor(spec, self.draft.target.get(spec.key))
            editor.setObjectName(f"target_{spec.key}")
            label = QCoreApplication.translate("ProviderText", spec.label) + (" *" if spec.required else "")
            if spec.multiple:
                label += " " + self.tr("(comma-separated)")
            self.form.addRow(label, editor)
            self.editors[spec.key] = editor
            self.specs[spec.key] = spec
        result = self.draft.result
        if result is not None:
            policy = {"drop": self.tr("invalid rows skipped"), "block": self.tr("invalid rows block the import"),
                      "include": self.tr("invalid rows sent as typed")}.get(self.draft.policy.value,
                                                                            self.draft.policy.value)
            self.summary.setText(self.tr("{0} rows will be sent ({1}).").format(number(self._sendable()), policy))
        self._changed()

    def _sendable(self) -> int:
        result = self.draft.result
        if result is None:
            return 0
        extra = result.invalid if self.draft.policy.value == "include" else 0
        return result.valid + result.fixed + extra

    def _editor(self, spec: TargetSpec, value: Any) -> QWidget:
        if spec.key == "start":
            edit = QDateTimeEdit(self.form_host)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            parsed = QDateTime.fromString(str(value), Qt.DateFormat.ISODate) if value else QDateTime()
            edit.setDateTime(parsed if parsed.isValid() else QDateTime.currentDateTime().addSecs(3600))
            return edit
        if spec.key == "message":
            text = QPlainTextEdit(self.form_host)
            text.setPlainText(str(value or ""))
            text.setMaximumHeight(90)
            text.textChanged.connect(self._changed)
            return text
        if spec.key == "ignore_invalid":
            box = QCheckBox(self.form_host)
            box.setChecked(str(value).lower() in ("1", "true", "yes"))
            return box
        line = QLineEdit(self.form_host)
        if isinstance(value, list | tuple):
            line.setText(", ".join(str(v) for v in value))
        elif value:
            line.setText(str(value))
        if spec.key == "campaign" and "sender" in {t.key for t in self._targets}:
            line.setText("new")  # Dynamic Messaging: each import creates its campaign
            line.setReadOnly(True)
        line.textChanged.connect(self._changed)
        return line

    def target(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, editor in self.editors.items():
            spec = self.specs[key]
            if isinstance(editor, QDateTimeEdit):
                out[key] = editor.dateTime().toString(Qt.DateFormat.ISODate)
            elif isinstance(editor, QPlainTextEdit):
                text = editor.toPlainText().strip()
                if text:
                    out[key] = text
            elif isinstance(editor, QCheckBox):
                if editor.isChecked():
                    out[key] = "true"
            elif isinstance(editor, QLineEdit):
                text = editor.text().strip()
                if spec.multiple:
                    names = [t.strip() for t in text.split(",") if t.strip()]
                    if names:
                        out[key] = names
                elif text:
                    out[key] = text
        return out

    def problem_text(self) -> str:
        target = self.target()
        missing = [QCoreApplication.translate("ProviderText", self.specs[k].label) for k, s in self.specs.items() if s.required and not target.get(k)]
        if missing:
            return self.tr("Fill in: {0}.").format(", ".join(missing))
        if target.get("list") and target.get("list_name") and "list_name" in self.specs:
            return self.tr("Give either an existing list id or a new list name, not both.")
        return ""

    def _changed(self) -> None:
        self.problem.setText(self.problem_text())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.editors) and not self.problem_text()

    def validatePage(self) -> bool:
        if not self.isComplete():
            return False
        self.draft.target = self.target()
        return True

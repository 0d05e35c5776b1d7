"""Wizard page 5: where the contacts go, with the fields each provider's targets need."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, Qt
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

from campaign_gui.domain.models import Account, ProviderId
from campaign_gui.providers.base import TargetSpec
from campaign_gui.services.browse import remember_kind
from campaign_gui.services.import_service import ImportService
from campaign_gui.services.target_choices import Choice, remembered_id_problem
from campaign_gui.services.texts import number
from campaign_gui.ui.import_wizard.draft import ImportDraft
from campaign_gui.ui.import_wizard.target_picker import TargetPicker


class TargetPage(QWizardPage):
    """A form built from ``ProviderInfo.targets``: campaigns and lists picked by name (``TargetPicker``), a new
    list typed in place, sender/message/start. Dynamic Messaging also offers its earlier campaigns as templates."""

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
        self.pickers: dict[str, TargetPicker] = {}
        self.template: TargetPicker | None = None  # Dynamic Messaging: an earlier campaign to start from
        # the provider is asked once per target (on "Start import") whether it has the campaign or list
        self._check_ticket = 0
        self._checking: dict[str, Any] | None = None
        self._checked: dict[str, Any] | None = None
        self._missing = ""  # the provider's answer for ``_checked``: what it does not have
        service.targetChecked.connect(self._target_checked)
        service.failed.connect(self._check_failed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Target"))
        self.setSubTitle(self.tr("Where the contacts go. The upload starts when you press “Start import”."))
        self.setButtonText(self.wizard_button(), self.tr("Start import"))
        for picker in self.all_pickers():
            picker.retranslate()
        for key, editor in self.editors.items():  # a live language switch renames the rows too
            label = self.form.labelForField(editor)
            spec = self.specs[key]
            if isinstance(label, QLabel):
                text = self._label(spec) + (" *" if spec.required else "")
                if spec.multiple and not isinstance(editor, TargetPicker):
                    text += " " + self.tr("(comma-separated)")
                label.setText(text)
        self._note_texts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def all_pickers(self) -> list[TargetPicker]:
        return [*self.pickers.values(), *([self.template] if self.template is not None else [])]

    def _note_texts(self) -> None:
        picker = self.pickers.get("campaign")
        if picker is not None and picker.new_item == "remember":
            picker.note.setText(self.tr("{0} cannot list its campaigns: these are the campaigns you added by id, "
                                        "under the names you gave them. The first batch of the import checks that "
                                        "the campaign exists.").format(picker.choices.info_for(picker.account)
                                                                       .display_name))
            picker.note.show()
        if self.template is not None:
            self.template.note.setText(self.tr("Each import creates a new campaign. Pick an earlier one to copy its "
                                               "sender and message."))
            self.template.note.show()
        label = self.form.labelForField(self.template) if self.template is not None else None
        if isinstance(label, QLabel):
            label.setText(self.tr("Start from"))

    @staticmethod
    def wizard_button() -> Any:
        from PySide6.QtWidgets import QWizard

        return QWizard.WizardButton.CommitButton

    def initializePage(self) -> None:
        account = self.draft.account
        while self.form.rowCount():
            self.form.removeRow(0)
        for picker in self.all_pickers():
            picker.deleteLater()
        self.editors.clear()
        self.specs.clear()
        self.pickers.clear()
        self.template = None
        if account is None:
            return
        info = self.service.info_for(account)
        self._targets = info.targets
        if info.id is ProviderId.DYNMSG and self.service.choices is not None:
            self.template = TargetPicker(self.service.choices, account, "campaign", paged=True, parent=self.form_host)
            self.template.setObjectName("targetTemplate")
            self.template.picked.connect(self._use_template)
            self.form.addRow(self.tr("Start from"), self.template)
            self.template.load()
        self.account_label.setText(self.tr("Account: {0} ({1})").format(account.name, info.display_name))
        for spec in info.targets:
            editor = self._editor(spec, self.draft.target.get(spec.key))
            editor.setObjectName(f"target_{spec.key}")
            label = self._label(spec) + (" *" if spec.required else "")
            if spec.multiple and not isinstance(editor, TargetPicker):
                label += " " + self.tr("(comma-separated)")
            self.form.addRow(label, editor)
            self.editors[spec.key] = editor
            self.specs[spec.key] = spec
        self._start_pickers()
        self._note_texts()
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
        extra = result.invalid - result.target_rejected if self.draft.policy.value == "include" else 0
        return result.valid + result.fixed + extra

    def _picker(self, account: Account, spec: TargetSpec, value: Any) -> TargetPicker | None:
        """A campaign, list or tag picked by name, where the service can say which ones exist."""
        choices = self.service.choices
        if choices is None or spec.key not in ("campaign", "list", "tag"):
            return None
        info = self.service.info_for(account)
        if spec.key == "campaign" and info.id is ProviderId.DYNMSG:
            return None
        if spec.key == "campaign":
            new_item = "remember" if remember_kind(info) == "campaign" else ""
            picker = TargetPicker(choices, account, "campaign", paged=info.capabilities.list_campaigns,
                                  new_item=new_item, parent=self.form_host)
        elif info.id is ProviderId.CELLCAST:
            picker = TargetPicker(choices, account, spec.key, multiple=True, new_item="name", parent=self.form_host)
        else:
            new_item = "create" if info.capabilities.create_contact_list else ""
            picker = TargetPicker(choices, account, spec.key, new_item=new_item, parent=self.form_host)
        picker.set_value(value)
        picker.changed.connect(self._changed)
        self.pickers[spec.key] = picker
        return picker

    def _label(self, spec: TargetSpec) -> str:
        """A picker's row is named by what is picked ("Campaign"), not by the id the provider wants."""
        if spec.key in self.pickers:
            account = self.draft.account
            provider = self.service.info_for(account).id if account is not None else None
            if spec.key == "campaign":
                return self.tr("Campaign")
            if spec.key == "tag":
                return self.tr("Tags")
            if provider is ProviderId.CELLCAST:
                return self.tr("Lists")
            return self.tr("Mailing list") if provider is ProviderId.SMSBY else self.tr("Contact list")
        return QCoreApplication.translate("ProviderText", spec.label)

    def _start_pickers(self) -> None:
        campaign = self.pickers.get("campaign")
        if campaign is not None:
            campaign.load()
        lists = self.pickers.get("list")
        if lists is not None:
            if campaign is not None:  # Alohub: the lists of the chosen campaign
                campaign.changed.connect(self._campaign_changed)
                lists.load(str(campaign.value() or "") or None)
            else:
                lists.load()
        if "tag" in self.pickers:
            self.pickers["tag"].load()
        new_list = self.editors.get("list_name")
        if lists is not None and isinstance(new_list, QLineEdit):
            lists.picked.connect(lambda _choice: new_list.clear())  # Ctrl+click deselects a list for a new name

    def _campaign_changed(self) -> None:
        campaign, lists = self.pickers.get("campaign"), self.pickers.get("list")
        if campaign is None or lists is None:
            return
        wanted = str(campaign.value() or "") or None
        if wanted != lists.parent_id:
            lists.clear_selection()
            lists.load(wanted)

    def _use_template(self, choice: Choice) -> None:
        """Dynamic Messaging: copy an earlier campaign's sender and message."""
        sender, message = self.editors.get("sender"), self.editors.get("message")
        if isinstance(sender, QLineEdit) and choice.get("sender"):
            sender.setText(str(choice.get("sender")))
        if isinstance(message, QPlainTextEdit) and choice.get("message"):
            message.setPlainText(str(choice.get("message")))

    def _editor(self, spec: TargetSpec, value: Any) -> QWidget:
        account = self.draft.account
        picker = self._picker(account, spec, value) if account is not None else None
        if picker is not None:
            return picker
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
            elif isinstance(editor, TargetPicker):
                chosen = editor.value()
                if chosen:
                    out[key] = chosen
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
        missing = [self._label(s) for k, s in self.specs.items() if s.required and not target.get(k)]
        if missing:
            return self.tr("Fill in: {0}.").format(", ".join(missing))
        if target.get("list") and target.get("list_name") and "list_name" in self.specs:
            return self.tr("Give either an existing list id or a new list name, not both.")
        campaign = self.pickers.get("campaign")
        if campaign is not None and campaign.new_item == "remember" and self.draft.account is not None:
            problem = remembered_id_problem(self.service.info_for(self.draft.account), str(target.get("campaign", "")))
            if problem:
                return problem
        if self.draft.account is not None:
            form = self.service.target_problem(self.draft.account, target)
            if form:
                return form
        if self._missing and target == self._checked:
            return self._missing
        return ""

    def _changed(self) -> None:
        self.problem.setText(self.problem_text())
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.editors) and not self.problem_text()

    def validatePage(self) -> bool:
        if not self.isComplete() or self._check_ticket:
            return False
        target = self.target()
        if target != self._checked and self.draft.account is not None:
            # ask the provider first (where it can list campaigns or lists); the answer presses on or says why
            self._checking = target
            self._check_ticket = self.service.check_target(self.draft.account, target)
            self.problem.setText(self.tr("Checking the target with the provider…"))
            return False
        self.draft.target = target
        return True

    def _target_checked(self, ticket: int, missing: str) -> None:
        if ticket != self._check_ticket:
            return
        self._check_ticket = 0
        self._checked, self._missing = self._checking, missing
        self._changed()
        if not missing and self.target() == self._checked and self.wizard() is not None:
            self.wizard().next()

    def _check_failed(self, ticket: int, _error: Any) -> None:
        if ticket == self._check_ticket:  # the check could not be made: the upload says what the provider says
            self._target_checked(ticket, "")

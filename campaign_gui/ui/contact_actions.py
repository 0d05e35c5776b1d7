"""The contact actions (refresh, add, delete, export, find, import) and when each is allowed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox, QProgressDialog, QWidget

from campaign_gui.domain.models import Contact, UploadRow
from campaign_gui.domain.search import display_phone, phone_sort_key
from campaign_gui.providers.base import ProviderInfo
from campaign_gui.services.browse import NodeKind, NodeRef, can_add_to
from campaign_gui.services.contacts import ContactsService, ContactView
from campaign_gui.services.export import ExportService
from campaign_gui.ui.account_dialog import provider_text
from campaign_gui.ui.add_contact_dialog import AddContactDialog
from campaign_gui.ui.contacts_pane import ContactsPane
from campaign_gui.ui.icons import themed


class ContactActions(QObject):
    """Owns the QActions of the contacts pane and keeps their enabled state and tooltips true."""

    statusMessage = Signal(str)
    refreshRequested = Signal()

    def __init__(self, pane: ContactsPane, contacts: ContactsService, export: ExportService,
                 window: QWidget, view_for: Callable[[NodeRef], ContactView | None]) -> None:
        super().__init__(window)
        self._view_for = view_for
        self._pane = pane
        self._contacts = contacts
        self._export = export
        self._window = window
        self._node: NodeRef | None = None
        self._progress: QProgressDialog | None = None
        self.delete_rule = QLabel(window)  # the window puts it next to the delete button
        self.delete_rule.setObjectName("deleteRule")
        self.delete_rule.setContentsMargins(4, 0, 8, 0)
        self.delete_rule.hide()
        self.delete_rule_action: QAction | None = None
        self.refresh = self._make("refresh", QKeySequence.StandardKey.Refresh, self.refreshRequested.emit)
        self.add = self._make("add", QKeySequence.StandardKey.New, self._add)
        self.delete = self._make("delete", QKeySequence.StandardKey.Delete, self._confirm_delete)
        self.find = self._make("search", QKeySequence.StandardKey.Find, pane.focus_search)
        self.import_ = self._make("import", QKeySequence("Ctrl+I"), self._import)
        self.export_ = self._make("export", QKeySequence("Ctrl+E"), self._choose_export_file)
        pane.selectionChanged.connect(self.update_state)
        pane.model.totalChanged.connect(self.update_state)
        contacts.actionFinished.connect(self._action_finished)
        contacts.phoneLookedUp.connect(self._looked_up)
        self._pending_add: tuple[ContactView, UploadRow] | None = None
        export.progress.connect(self._export_progress)
        export.finished.connect(self._export_done)
        export.failed.connect(self._export_failed)
        export.cancelled.connect(self._export_cancelled)
        self.retranslate()

    def _make(self, icon_name: str, shortcut: QKeySequence | QKeySequence.StandardKey, slot: object) -> QAction:
        action = QAction("", self._window)
        themed(action, icon_name)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        self._window.addAction(action)
        return action

    def actions(self) -> list[QAction]:
        return [self.refresh, self.add, self.delete, self.find, self.import_, self.export_]

    def retranslate(self) -> None:
        self.refresh.setText(self.tr("&Refresh"))
        self.add.setText(self.tr("&Add contact…"))
        self.delete.setText(self.tr("&Delete contacts…"))
        self.find.setText(self.tr("&Find"))
        self.import_.setText(self.tr("&Import spreadsheet…"))
        self.export_.setText(self.tr("&Export to Excel…"))
        self.update_state()

    def set_node(self, node: NodeRef | None) -> None:
        self._node = node
        self.update_state()

    def update_state(self) -> None:
        view = self._pane.current_view()
        node = self._node
        info = view.info if view is not None else None
        self.refresh.setToolTip(self.tr("Reload (F5)"))
        # add
        account_info = self._account_info()
        can_add = account_info is not None and node is not None and can_add_to(account_info, node)
        self.add.setEnabled(can_add)
        if account_info is not None and not account_info.capabilities.add_contact:
            self.add.setToolTip(provider_text(account_info.notes.get("add_contact", ""))
                                or self.tr("This provider cannot add contacts."))
        elif not can_add:
            self.add.setToolTip(self.tr("Choose a campaign or a contact list first."))
        else:
            self.add.setToolTip(self.tr("Add a contact by hand (Ctrl+N)"))
        # delete
        selected = self._pane.selected_contacts()
        if info is None or not info.capabilities.delete_contact:
            self.delete.setEnabled(False)
            reason = provider_text(info.notes.get("delete_contact", "")) if info is not None else ""
            self.delete.setToolTip(reason or self.tr("This provider cannot delete contacts."))
        elif not selected:
            self.delete.setEnabled(False)
            self.delete.setToolTip(self.tr("Select the contacts to delete."))
        elif not any(c.deletable for c in selected):
            self.delete.setEnabled(False)
            blocked = sum(1 for c in selected if not c.deletable)
            self.delete.setToolTip(self.tr("{0} allows deleting only pending contacts; %n of the selected "
                                           "contact(s) are already called or in a call.", "", blocked)
                                   .format(info.display_name))
        elif not all(c.deletable for c in selected):
            self.delete.setEnabled(True)
            pending = sum(1 for c in selected if c.deletable)
            self.delete.setToolTip(self.tr("Delete the %n pending contact(s), keep the others (Del)", "", pending))
        else:
            self.delete.setEnabled(True)
            self.delete.setToolTip(self.tr("Delete the selected contacts (Del)"))
        self._show_delete_rule(info)
        # export
        can_export = view is not None and not self._export.running()
        self.export_.setEnabled(can_export)
        self.export_.setToolTip(self.tr("Save every contact of this view to an .xlsx file") if can_export
                                else self.tr("Choose a campaign or list that shows contacts."))
        self.import_.setToolTip(self.tr("Import a spreadsheet (Ctrl+I)"))
        self.find.setToolTip(self.tr("Search the contacts (Ctrl+F)"))

    def _show_delete_rule(self, info: ProviderInfo | None) -> None:
        """The provider's delete rule, written beside the button (not only in a disabled button's tooltip)."""
        rule = ""
        if info is not None and info.capabilities.delete_contact and "delete_contact" in info.notes:
            rule = provider_text(info.notes["delete_contact"])
        self.delete_rule.setText(rule)
        if self.delete_rule_action is not None:  # inside a tool bar, its action shows or hides it
            self.delete_rule_action.setVisible(bool(rule))
        else:
            self.delete_rule.setVisible(bool(rule))

    def _account_info(self) -> ProviderInfo | None:
        view = self._view_for(self._node) if self._node is not None else None
        return view.info if view is not None else None

    # --- add ----------------------------------------------------------------------------------
    def _add(self) -> None:
        info = self._account_info()
        if info is None or self._node is None or not self.add.isEnabled():
            return
        dialog = AddContactDialog(info, self._target_label(self._node), self._window)
        dialog.submitted.connect(self._submit_contact)
        dialog.open()
        self._dialog = dialog

    def _target_label(self, node: NodeRef) -> str:
        """Where a contact added by hand goes, in words ("All contacts", not "*")."""
        if node.kind is NodeKind.ALL_CONTACTS:
            return self.tr("All contacts")
        return node.name or node.id

    def _submit_contact(self, row: UploadRow) -> None:
        view = self._view_for(self._node) if self._node is not None else None
        if view is None:
            return
        region = view.info.default_region
        model = self._pane.model
        loaded = next((model.contact(r) for r in range(model.rowCount())
                       if phone_sort_key(model.contact(r).phone, region) == row.phone), None)
        if loaded is not None:
            self._confirm_duplicate(view, row, loaded)
            return
        if model.canFetchMore() and self._contacts.look_up_phone(view, row.phone):  # not all rows are here
            self.statusMessage.emit(self.tr("Checking whether {0} is already there…").format(row.phone))
            self._pending_add = (view, row)
            return
        self._add_now(view, row)

    def _looked_up(self, e164: str, found: object) -> None:
        pending, self._pending_add = self._pending_add, None
        if pending is None or pending[1].phone != e164:
            return
        view, row = pending
        if isinstance(found, Contact):
            self._confirm_duplicate(view, row, found)
        else:
            self._add_now(view, row)

    def _confirm_duplicate(self, view: ContactView, row: UploadRow, existing: Contact) -> None:
        """The number is already there: say who has it and let the user cancel."""
        who = existing.name or existing.phone
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Already in this list"),
                          self.tr("{0} is already here ({1}). Add a second copy anyway?").format(row.phone, who),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self._window)
        box.setObjectName("duplicateContact")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Add anyway"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(lambda _r: self._add_now(view, row)
                             if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)
                             else self.statusMessage.emit(self.tr("Not added: {0} is already there.")
                                                          .format(row.phone)))
        self._box = box
        box.open()

    def _add_now(self, view: ContactView, row: UploadRow) -> None:
        self.statusMessage.emit(self.tr("Adding {0}…").format(row.phone))
        self._contacts.add_contact(view, row)

    # --- delete -------------------------------------------------------------------------------
    def _confirm_delete(self) -> None:
        selected = self._pane.selected_contacts()
        view = self._pane.current_view()
        if not selected or view is None or not self.delete.isEnabled():
            return
        contacts = [c for c in selected if c.deletable]
        kept = [c for c in selected if not c.deletable]
        if not contacts:
            return
        text = self.tr("Delete %n contact(s) at the provider? This cannot be undone.", "", len(contacts))
        if kept:
            text = (self.tr("Delete the %n pending contact(s):", "", len(contacts)) + "\n" + self._names(contacts, view.info.default_region)
                    + "\n\n" + self.tr("Keep the %n in a call or already processed (the provider cannot "
                                        "delete them):", "", len(kept)) + "\n" + self._names(kept, view.info.default_region)
                    + "\n\n" + self.tr("This cannot be undone."))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Delete contacts"), text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self._window)
        box.setObjectName("deleteBox")
        if kept:
            box.button(QMessageBox.StandardButton.Yes).setText(
                self.tr("Delete the %n pending", "", len(contacts)))
            box.button(QMessageBox.StandardButton.No).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda _r: self._contacts.delete_contacts(view, contacts)
                             if box.clickedButton() is box.button(QMessageBox.StandardButton.Yes) else None)
        self._box = box
        box.open()

    def _names(self, contacts: list[Contact], region: str, limit: int = 8) -> str:
        """One bullet per contact (name and phone), the rest counted."""
        phones = [display_phone(c.phone, region) for c in contacts[:limit]]
        lines = [f"• {c.name} ({p})" if c.name else f"• {p}" for c, p in zip(contacts, phones, strict=False)]
        if len(contacts) > limit:
            lines.append(self.tr("… and %n more", "", len(contacts) - limit))
        return "\n".join(lines)

    def _action_finished(self, action: str, ok: bool, message: str) -> None:
        if ok:
            text = (self.tr("Added {0}.").format(message) if action == "add"
                    else self.tr("Deleted %n contact(s).", "", int(message or 0)))
            self.statusMessage.emit(text)
            self._pane.reload()
        else:
            self.statusMessage.emit(message)
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Could not add the contact") if action == "add"
                              else self.tr("Could not delete"), message, QMessageBox.StandardButton.Ok, self._window)
            self._box = box
            box.open()
            if action == "delete":
                self._pane.reload()

    # --- import placeholder ---------------------------------------------------------------------
    def _import(self) -> None:
        self.statusMessage.emit(self.tr("Importing spreadsheets arrives with the import wizard (Imports panel)."))

    # --- export -------------------------------------------------------------------------------
    def _choose_export_file(self) -> None:
        view = self._pane.current_view()
        if view is None or self._export.running():
            return
        name = (self._node.name or self._node.id) if self._node is not None else "contacts"
        safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in name).strip() or "contacts"
        dialog = QFileDialog(self._window, self.tr("Export contacts"), str(Path.home() / f"{safe}.xlsx"),
                             self.tr("Excel workbook (*.xlsx)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("xlsx")
        dialog.fileSelected.connect(lambda path: self.start_export(Path(path)))
        self._file_dialog = dialog
        dialog.open()

    def start_export(self, path: Path) -> None:
        view = self._pane.current_view()
        if view is None:
            return
        progress = QProgressDialog(self.tr("Exporting contacts…"), self.tr("Cancel"), 0, 0, self._window)
        progress.setWindowTitle(self.tr("Export"))
        progress.setMinimumDuration(0)
        progress.canceled.connect(self._export.cancel)
        self._progress = progress
        progress.open()
        self._export.start(view, path)
        self.update_state()

    def _export_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            if total > 0:
                self._progress.setMaximum(total)
                self._progress.setValue(min(done, total))
            self._progress.setLabelText(self.tr("Exporting contacts… %n done", "", done))

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.canceled.disconnect(self._export.cancel)
            self._progress.close()
            self._progress = None
        self.update_state()

    def _export_done(self, path: str, rows: int) -> None:
        self._close_progress()
        self.statusMessage.emit(self.tr("Exported %n contact(s) to {0}.", "", rows).format(path))

    def _export_failed(self, message: str) -> None:
        self._close_progress()
        self.statusMessage.emit(self.tr("Export failed: {0}").format(message))

    def _export_cancelled(self) -> None:
        self._close_progress()
        self.statusMessage.emit(self.tr("Export cancelled."))


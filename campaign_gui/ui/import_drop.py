"""Import support installed on the main window: drops, File → Import…, the Imports panel, resume, safe close."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox

from campaign_gui.services.browse import NodeKind, NodeRef, target_for
from campaign_gui.services.import_service import ImportService
from campaign_gui.ui.import_wizard.results_dialog import ResultsDialog
from campaign_gui.ui.import_wizard.wizard import ImportWizard
from campaign_gui.ui.jobs_panel import JobsPanel

logger = logging.getLogger(__name__)

WARM_UP_DELAY_MS = 1500


class ImportSupport(QObject):
    """Accepts file drops on the window and on tree nodes, queues one wizard per file, guards closing."""

    wizardOpened = Signal(object)  # ImportWizard
    dropRejected = Signal(str)  # the message shown for unsupported files

    def __init__(self, window: QMainWindow, service: ImportService, *, ask_resume: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.service = service
        self.jobs = service.jobs
        self.queue: deque[tuple[str, str | None, dict[str, Any]]] = deque()
        self.wizard: ImportWizard | None = None
        self.wizards: list[ImportWizard] = []
        self._may_close = False
        self._closing = False
        self.box: QMessageBox | None = None
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        self.tree = getattr(window, "tree", None)
        if self.tree is not None:
            self.tree.viewport().setAcceptDrops(True)
            self.tree.viewport().installEventFilter(self)
        self.panel = JobsPanel(service)
        self.panel.resultsRequested.connect(self.show_results)
        self.panel.target_namer = self.target_name
        dock = getattr(window, "jobs", None)
        if dock is not None and hasattr(dock, "setWidget"):
            dock.setWidget(self.panel)
        self._hook_import_action()
        self.jobs.interruptedFound.connect(self._offer_resume)
        self.jobs.jobFinished.connect(self._job_finished)
        if hasattr(window, "closed"):
            window.closed.connect(self._window_closed)
        QTimer.singleShot(WARM_UP_DELAY_MS, service.warm_up)  # after the first paint, not before it
        if ask_resume:
            QTimer.singleShot(0, self.jobs.offer_resume)

    def _hook_import_action(self) -> None:
        actions = getattr(getattr(self.window, "contact_actions", None), "import_", None)
        if actions is not None:
            try:
                actions.triggered.disconnect()
            except (RuntimeError, TypeError):
                pass
            actions.triggered.connect(lambda: self.open_wizard(""))
            actions.setEnabled(True)
            self.import_action = actions
        else:  # a window without the contacts' actions: add our own File → Import…
            from PySide6.QtGui import QAction, QKeySequence

            self.import_action = QAction(self.tr("&Import spreadsheet…"), self.window)
            self.import_action.setShortcut(QKeySequence("Ctrl+I"))
            self.import_action.triggered.connect(lambda: self.open_wizard(""))
            self.window.addAction(self.import_action)

    # --- drops -----------------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Close and obj is self.window:
            return self._close_requested(event)
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and isinstance(event, QDragEnterEvent | QDragMoveEvent):
            if self._paths(event):
                event.acceptProposedAction()
                return True
            return False
        if kind == QEvent.Type.Drop and isinstance(event, QDropEvent):
            paths = self._paths(event)
            if not paths:
                return False
            node = None
            if self.tree is not None and obj is self.tree.viewport():
                node = self.node_at(event.position().toPoint())
            event.acceptProposedAction()
            self.drop_files(paths, node)
            return True
        return super().eventFilter(obj, event)

    @staticmethod
    def _paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[str]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]

    def node_at(self, pos: QPoint) -> NodeRef | None:
        """The tree node under ``pos`` (viewport coordinates), if any."""
        if self.tree is None:
            return None
        node = self.tree.tree_model.node(self.tree.indexAt(pos))
        return node if isinstance(node, NodeRef) else None

    def drop_files(self, paths: list[str], node: NodeRef | None = None) -> None:
        """Queue one import per usable file; unusable ones are explained at once."""
        account_id, target = self._target_of(node)
        problems: list[str] = []
        for path in paths:
            problem = self.service.check_file(path)
            if problem is None:
                self.queue.append((path, account_id, target))
            else:
                problems.append(f"{Path(path).name}: {problem}")
        if problems:
            text = self.tr("These files cannot be imported:") + "\n\n" + "\n".join(problems)
            self.dropRejected.emit(text)
            self._message(self.tr("Cannot import"), text, QMessageBox.Icon.Warning)
        self._next()

    def _target_of(self, node: NodeRef | None) -> tuple[str | None, dict[str, Any]]:
        if node is None:
            return None, {}
        account = self.service.account(node.account_id)
        if account is None:
            return None, {}
        if node.kind is NodeKind.ACCOUNT:
            return account.id, {}
        return account.id, target_for(self.service.info_for(account), node)

    # --- wizards ---------------------------------------------------------------------------------------
    def open_wizard(self, path: str, account_id: str | None = None, target: dict[str, Any] | None = None) -> ImportWizard:
        if account_id is None and self.tree is not None:
            current = self.tree.current_node()
            account_id, target = self._target_of(current) if isinstance(current, NodeRef) else (None, {})
        wizard = ImportWizard(self.service, path, account_id=account_id, target=target, parent=self.window)
        wizard.setWindowFlag(Qt.WindowType.Window, True)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.openTargetRequested.connect(self.open_target)
        wizard.finished.connect(lambda _r, w=wizard: self._wizard_closed(w))
        wizard.currentIdChanged.connect(lambda page, w=wizard: self._wizard_page(w, page))
        self.wizards.append(wizard)
        logger.info("import wizard opened%s", f" on {Path(path).name}" if path else "")
        wizard.show()
        self.wizardOpened.emit(wizard)
        return wizard

    def _next(self) -> None:
        if self.wizard is not None or not self.queue:
            return
        path, account_id, target = self.queue.popleft()
        self.wizard = self.open_wizard(path, account_id, target)

    def _wizard_page(self, wizard: ImportWizard, page: int) -> None:
        if wizard is self.wizard and page >= 5:  # the upload started: the next queued file may go on
            self.wizard = None
            QTimer.singleShot(0, self._next)

    def _wizard_closed(self, wizard: ImportWizard) -> None:
        if wizard in self.wizards:
            self.wizards.remove(wizard)
        if wizard is self.wizard:
            self.wizard = None
            QTimer.singleShot(0, self._next)

    def show_results(self, job_id: str) -> ResultsDialog:
        dialog = ResultsDialog(self.service, job_id, self.window)
        dialog.view.openTargetRequested.connect(self.open_target)
        self._results = dialog
        dialog.show()
        return dialog

    def open_target(self, account_id: str, target: dict[str, Any]) -> bool:
        """Select what the job wrote to in the tree (the browser view shows its contacts): the list, the
        list it created by name (Alohub), the campaign it created (Dynamic Messaging), else the campaign."""
        if self.tree is None:
            return False
        self.window.raise_()
        self.window.activateWindow()
        campaign, lst = str(target.get("campaign") or ""), target.get("list")
        lst = str(lst[0] if isinstance(lst, list | tuple) and lst else lst or "")
        list_name = str(target.get("list_name") or "")
        model = self.tree.tree_model
        if campaign == "new":
            created = self._created_campaign(account_id, target)
            if created:
                return self.tree.reveal(lambda n: n.kind is NodeKind.CAMPAIGN and n.account_id == account_id
                                        and n.id == created) or self._reveal_later(
                    lambda n: n.kind is NodeKind.CAMPAIGN and n.account_id == account_id and n.id == created,
                    model.account_index(account_id))
        candidates = []
        if lst:
            candidates.append(NodeRef(NodeKind.LIST, account_id, id=lst, campaign_id=campaign or None))
        if list_name and campaign:
            def named(n: NodeRef) -> bool:
                return (n.kind is NodeKind.LIST and n.account_id == account_id and n.campaign_id == campaign
                        and n.name == list_name)
            campaign_index = model.index_of(NodeRef(NodeKind.CAMPAIGN, account_id, id=campaign))
            if self.tree.reveal(named) or (campaign_index.isValid() and self._reveal_later(named, campaign_index)):
                return True
        if campaign and campaign != "new":
            candidates.append(NodeRef(NodeKind.CAMPAIGN, account_id, id=campaign))
        for node in candidates:
            if self.tree.select_node(node):
                return True
        index = model.account_index(account_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        return False

    def target_name(self, account_id: str, target: dict[str, Any]) -> str:
        """A job's target in words from the tree's names ("Chiến dịch tháng 4 › Danh sách tháng 4");
        "" when the tree does not know it yet."""
        if self.tree is None:
            return ""
        nodes = [n for n in self.tree.tree_model.nodes() if n.account_id == account_id]
        campaign = str(target.get("campaign") or "")
        lst = target.get("list")
        lst = ", ".join(map(str, lst)) if isinstance(lst, list | tuple) else str(lst or "")
        parts: list[str] = []
        if campaign == "new":
            parts.append(self.tr("New campaign from {0}").format(target.get("sender") or "?"))
        elif campaign:
            parts.append(next((n.name for n in nodes if n.kind is NodeKind.CAMPAIGN and n.id == campaign and n.name),
                              campaign))
        if lst:
            names = [next((n.name for n in nodes if n.kind is NodeKind.LIST and n.id == one and n.name), one)
                     for one in lst.split(", ")]
            parts.append(", ".join(names))
        if target.get("list_name"):
            parts.append(str(target["list_name"]))
        if target.get("tag"):
            tags = target["tag"]
            parts.append(self.tr("tag {0}").format(", ".join(tags) if isinstance(tags, list | tuple) else tags))
        known = any(p != campaign and p != lst for p in parts)
        return " › ".join(parts) if known else ""

    def _reveal_later(self, match: Any, parent: Any) -> bool:
        """The node is new: load ``parent``'s children again and select it when it arrives."""
        if self.tree is None or not parent.isValid():
            return False
        self.tree.setCurrentIndex(parent)
        self.tree.reveal(match, reload=parent)
        return True

    def _created_campaign(self, account_id: str, target: dict[str, Any]) -> str | None:
        for record in self.jobs.records():  # newest first: the job these results belong to
            if record.account_id == account_id and dict(record.target) == dict(target):
                created = self.jobs.created_campaign(record.id)
                if created:
                    return created
        return None

    def _job_finished(self, job_id: str, summary: Any) -> None:
        """The tree's counts follow an import: the shown target reloads, another one adds what was added."""
        record = self.jobs.record(job_id)
        if self.tree is None or record is None:
            return
        added = int(getattr(summary, "added", 0) or 0)
        target = dict(record.target)
        current = self.tree.current_node()
        for node in self.tree.tree_model.nodes():
            if node.account_id != record.account_id or node.kind not in (NodeKind.LIST, NodeKind.CAMPAIGN):
                continue
            account = self.service.account(node.account_id)
            if account is None:
                continue
            node_target = target_for(self.service.info_for(account), node)
            if not node_target or any(str(target.get(k) or "") != v for k, v in node_target.items()):
                continue
            if node.kind is NodeKind.CAMPAIGN and "list" in target and target.get("list"):
                continue  # the list was written to; the campaign's own count (if any) comes from its lists
            if current is not None and current.key == node.key:
                pane = getattr(self.window, "pane", None)
                if pane is not None:
                    pane.reload()  # the exact total comes back and the tree follows it
            elif node.count is not None and added:
                self.tree.tree_model.set_count(node, node.count + added)

    # --- start-up and closing --------------------------------------------------------------------------
    def _offer_resume(self, records: list[Any]) -> None:
        names = "\n".join(f"• {Path(r.source_path).name} → {r.account_name} ({r.state})" for r in records[:8])
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Resume imports?"),
                          self.tr("%n import(s) did not finish last time:", "", len(records)) + "\n" + names
                          + "\n\n" + self.tr("Resume them now? Rows already sent are not sent again."),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
        box.setObjectName("resumeBox")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Resume"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Later"))
        box.finished.connect(lambda code: [self.jobs.resume(r.id) for r in records]
                             if code == QMessageBox.StandardButton.Yes else None)
        self.box = box
        box.open()

    def _close_requested(self, event: QEvent) -> bool:
        if self._may_close or not self.jobs.running():
            return False
        event.ignore()
        if self._closing:
            return True
        paused = [j for j in self.jobs.running() if self.jobs.state(j) == "paused"]
        running = len(self.jobs.running()) - len(paused)
        if running:
            title = self.tr("Imports are running")
            text = self.tr("%n import(s) are still running. Stop them and quit? Each stops after its "
                           "current batch and can be resumed at the next start.", "", running)
            if paused:
                text += " " + self.tr("%n paused import(s) can be resumed at the next start too.", "", len(paused))
        else:
            title = self.tr("Imports are paused")
            text = self.tr("%n import(s) are paused. Quit? Each can be resumed at the next start.", "", len(paused))
        box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
        box.setObjectName("closeBox")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Stop and quit") if running else self.tr("Quit"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Keep running"))
        box.finished.connect(lambda code: self._shutdown_then_close() if code == QMessageBox.StandardButton.Yes else None)
        self.box = box
        box.open()
        return True

    def _shutdown_then_close(self) -> None:
        self._closing = True
        status = getattr(self.window, "show_status", None)
        if callable(status):
            status(self.tr("Stopping the imports after their current batch…"))

        async def stop() -> None:
            try:
                await self.jobs.shutdown()
            finally:
                self._may_close = True
                self._closing = False
                self.window.close()

        asyncio.get_event_loop().create_task(stop(), name="import-shutdown")

    def stop_and_quit(self) -> None:
        """Quit without asking (SIGTERM, a logout): what "Stop and quit" does, without the question (an open
        question is dropped). Every import stops and stays resumable; the window closes within the shutdown
        grace whatever a batch is doing."""
        if self.box is not None:
            self.box.done(QMessageBox.StandardButton.Cancel)
            self.box = None
        if self._closing:
            return
        if not self.jobs.running():
            self._may_close = True
            self.window.close()
            return
        self._shutdown_then_close()

    def close_now(self) -> None:
        """The display is gone and the process ends when this returns: interrupt the imports, close the
        journal, stop the reading child (no event loop runs any more)."""
        self._may_close = True
        for live in list(getattr(self.jobs, "_live", {}).values()):
            engine = getattr(live, "engine", None)
            if engine is not None:
                engine.interrupt()
        self.service.shutdown()
        self.jobs.close()

    def _window_closed(self) -> None:
        for wizard in list(self.wizards):
            wizard.close()
        self.service.shutdown()
        self.jobs.close()

    def _message(self, title: str, text: str, icon: QMessageBox.Icon) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("importMessage")
        self.box = box
        box.open()


def install_import_support(window: QMainWindow, service: ImportService, *, ask_resume: bool = True) -> ImportSupport:
    """Make ``window`` accept spreadsheet drops, wire File → Import…, fill the Imports dock, offer to
    resume interrupted jobs, and guard closing while imports run. Keep the returned object alive
    (it is parented to the window)."""
    support = ImportSupport(window, service, ask_resume=ask_resume)
    setattr(window, "import_support", support)  # noqa: B010  (the window does not declare it)
    return support


__all__ = ["ImportSupport", "install_import_support"]

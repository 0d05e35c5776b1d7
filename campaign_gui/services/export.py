"""Export every contact of a campaign or list to .xlsx (all pages), with progress and cancel."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from campaign_gui.domain.models import Contact
from campaign_gui.services.contacts import ContactsService, ContactView
from campaign_gui.services.errors import describe_error
from campaign_gui.services.tasks import TaskOwner

if TYPE_CHECKING:
    def QT_TRANSLATE_NOOP(context: str, source: str) -> str: ...  # the stubs say object; it returns source
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

logger = logging.getLogger(__name__)

MAX_PAGES = 100_000
_CONTEXT = "ContactExport"
# Column labels in the user's language instead of field keys ("phone", "customerId").
HEADERS = (QT_TRANSLATE_NOOP("ContactExport", "Phone"), QT_TRANSLATE_NOOP("ContactExport", "Name"),
           QT_TRANSLATE_NOOP("ContactExport", "Email"), QT_TRANSLATE_NOOP("ContactExport", "Status"),
           QT_TRANSLATE_NOOP("ContactExport", "ID"))
EXTRA_LABELS = {
    "customerId": QT_TRANSLATE_NOOP("ContactExport", "Customer ID"),
    "callStatus": QT_TRANSLATE_NOOP("ContactExport", "Call result"),
    "tags": QT_TRANSLATE_NOOP("ContactExport", "Tags"),
    "lists": QT_TRANSLATE_NOOP("ContactExport", "Lists"),
    "custom1": QT_TRANSLATE_NOOP("ContactExport", "Custom 1"),
    "custom2": QT_TRANSLATE_NOOP("ContactExport", "Custom 2"),
}


def _label(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def write_contacts_xlsx(path: Path, contacts: Iterable[Contact]) -> int:
    """Write contacts as string cells (formula-safe); returns the number of rows written."""
    from openpyxl import Workbook  # imported on first export: keeps start-up fast
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Contacts")
    extras: list[str] = []
    rows = list(contacts)
    for contact in rows:
        for key in contact.extra:
            if key not in extras:
                extras.append(key)
    header = [_label(h) for h in HEADERS] + [_label(EXTRA_LABELS[k]) if k in EXTRA_LABELS else k for k in extras]
    sheet.append(header)
    for contact in rows:
        status = QCoreApplication.translate("ContactStatus", contact.status) if contact.status else ""
        values = [contact.phone, contact.name, contact.email, status, contact.id or ""]
        values += [_text(contact.extra.get(key)) for key in extras]
        cells = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"  # never a formula, whatever the text starts with
            cells.append(cell)
        sheet.append(cells)
    tmp = path.with_name(path.name + ".part")
    workbook.save(tmp)
    tmp.replace(path)
    return len(rows)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return str(value.get("Name") or value.get("name") or value)
    return str(value)


class ExportService(QObject):
    """One export at a time; ``progress(done, total)`` where total is -1 when unknown."""

    progress = Signal(int, int)
    finished = Signal(str, int)  # path, rows
    failed = Signal(str)  # message in user terms
    cancelled = Signal()

    def __init__(self, contacts: ContactsService, page_size: int = 100, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._contacts = contacts
        self._page_size = page_size
        self._tasks = TaskOwner("export")
        self._task: asyncio.Task[None] | None = None

    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def start(self, view: ContactView, path: Path) -> None:
        if self.running():
            return
        self._task = self._tasks.spawn(self._run(view, path), "export")

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    async def _run(self, view: ContactView, path: Path) -> None:
        contacts: list[Contact] = []
        size = max(1, min(self._page_size, view.info.max_page_size))
        try:
            for number in range(MAX_PAGES):
                page = await self._contacts.fetch_page(view, number, size)
                contacts.extend(page.items)
                self.progress.emit(len(contacts), -1 if page.total is None else page.total)
                if not page.items or len(page.items) < size or (page.total is not None and len(contacts) >= page.total):
                    break
            loop = asyncio.get_event_loop()
            rows = await loop.run_in_executor(None, write_contacts_xlsx, path, contacts)
        except asyncio.CancelledError:
            self._task = None
            self.cancelled.emit()
            raise
        except OSError as exc:
            self._task = None
            self.failed.emit(QCoreApplication.translate("ExportService", "Cannot write {0}: {1}")
                             .format(path.name, exc.strerror or exc))
        except Exception as exc:
            self._task = None
            error = describe_error(exc)
            self.failed.emit(f"{error.title}. {error.message}")
        else:
            self._task = None  # listeners may start the next export at once
            self.finished.emit(str(path), rows)

    def shutdown(self) -> None:
        self._tasks.cancel_all()

"""ContactsTableModel through qtmodeltester while it pages across several pages."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from qt_support import add_account

from campaign_gui.domain.search import display_phone
from campaign_gui.providers.base import ContactScope
from campaign_gui.services.contacts import ContactView
from campaign_gui.services.container import AppServices
from campaign_gui.ui.contacts_model import ContactRole, ContactsTableModel


def alohub_view(services: AppServices, sandbox: Any, list_id: str = "501") -> ContactView:
    account = add_account(services, sandbox, "alohub", f"Alohub {list_id}")
    return ContactView(account, ContactScope(campaign_id="1042", list_id=list_id))


def test_model_pages_and_passes_the_model_tester(services: AppServices, sandbox: Any, qtbot: QtBot,
                                                 qtmodeltester: Any) -> None:
    model = ContactsTableModel(services.contacts)
    qtmodeltester.check(model, force_py=True)
    with qtbot.waitSignal(model.firstPageShown, timeout=10_000):
        model.set_view(alohub_view(services, sandbox), page_size=40)
    assert model.rowCount() == 40 and model.total is not None and model.total > 120
    pages: list[int] = []
    model.pageAppended.connect(pages.append)
    while model.rowCount() < model.total:
        with qtbot.waitSignal(model.pageAppended, timeout=10_000):
            model.fetchMore()  # a no-op when the tester (or a view) already asked for the next page
    assert len(pages) >= 3
    assert not model.canFetchMore()
    assert model.rowCount() == model.total
    phones = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert len(set(model.index(r, 4).data() for r in range(model.rowCount()))) == model.rowCount()
    assert all(phones)
    assert display_phone(model.index(0, 0).data(ContactRole).phone, "VN") == phones[0]  # one format (issue 15)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Phone"


def test_a_new_view_never_shows_rows_of_the_old_one(services: AppServices, sandbox: Any, qtbot: QtBot) -> None:
    old, new = alohub_view(services, sandbox, "501"), alohub_view(services, sandbox, "502")
    sandbox.control.fault(provider="alohub", path="contact-lists/501/contacts", action="stall", seconds=30, times=1)
    model = ContactsTableModel(services.contacts)
    inserted: list[int] = []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append(last - first + 1))
    model.set_view(old, page_size=50)
    qtbot.waitUntil(lambda: sandbox.control.requests("alohub")["count"] >= 1, timeout=5_000)
    with qtbot.waitSignal(model.firstPageShown, timeout=10_000):
        model.set_view(new, page_size=50)
    sandbox.control.clear_faults()
    new_rows = model.rowCount()
    assert inserted == [new_rows]
    assert model.view is new
    assert sandbox.control.ledger("alohub") == {}


def test_view_without_listing_capability_stays_empty(services: AppServices, sandbox: Any) -> None:
    account = add_account(services, sandbox, "stringee")
    model = ContactsTableModel(services.contacts)
    model.set_view(ContactView(account, ContactScope(campaign_id="CA100001")))
    assert model.rowCount() == 0 and not model.canFetchMore()

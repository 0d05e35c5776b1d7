"""Issue 15 item 1: the wizard's target page offers the account's campaigns and lists by name with their counts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from qt_support import add_account
from test_import_helpers import close_service, contacts_xlsx, make_service, wizard_next

from campaign_gui.services.container import AppServices
from campaign_gui.services.import_service import ImportService
from campaign_gui.ui.i18n import LanguageManager
from campaign_gui.ui.import_wizard.target_picker import TargetPicker
from campaign_gui.ui.import_wizard.wizard import ImportWizard, PageId


@pytest.fixture
def languages() -> Iterator[LanguageManager]:
    manager = LanguageManager()
    manager.apply("en")  # as the app does: English plural forms come from its catalogue
    yield manager
    manager.apply("en")


@pytest.fixture
def service(services: AppServices, languages: LanguageManager) -> Iterator[ImportService]:
    built = make_service(services)
    yield built
    close_service(built)


def open_target_page(qtbot: QtBot, service: ImportService, services: AppServices, sandbox: Any, tmp_path: Path,
                     provider: str, target: dict[str, Any] | None = None) -> ImportWizard:
    account = add_account(services, sandbox, provider)
    path = contacts_xlsx(tmp_path / f"{provider}.xlsx", provider, n=5)
    wizard = ImportWizard(service, str(path), account_id=account.id, target=target or {})
    qtbot.addWidget(wizard)
    wizard.show()
    for _ in range(4):
        wizard_next(qtbot, wizard)
    assert wizard.currentId() == PageId.TARGET
    return wizard


def rows(picker: TargetPicker) -> list[str]:
    return [picker.model.data(picker.model.index(i)) for i in range(picker.model.rowCount())]


def loaded(picker: TargetPicker) -> bool:
    return picker._loaded and picker._ticket == 0


def test_alohub_campaigns_and_lists_by_name_with_the_dropped_on_list_preselected(
        qtbot: QtBot, service: ImportService, services: AppServices, sandbox: Any, tmp_path: Path) -> None:
    wizard = open_target_page(qtbot, service, services, sandbox, tmp_path, "alohub",
                              {"campaign": "1043", "list": "503"})
    page = wizard.target_page
    campaigns, lists = page.pickers["campaign"], page.pickers["list"]
    qtbot.waitUntil(lambda: loaded(campaigns) and loaded(lists), timeout=10_000)
    assert any(r.startswith("Chiến dịch tháng 4") and "id 1042" in r for r in rows(campaigns))
    assert campaigns.chosen() is not None and campaigns.chosen().name == "Chăm sóc khách hàng VIP"
    assert rows(lists) == ["Khách hàng VIP — 45 contacts  ·  id 503"]
    assert lists.chosen() is not None and page.target() == {"campaign": "1043", "list": "503"}
    # search ignores case and diacritics
    campaigns.search.setText("KHAO SAT")
    assert rows(campaigns) == ["Khảo sát sau bán hàng — 0 contacts  ·  id 1044"]
    campaigns.search.setText("zzz")
    assert rows(campaigns) == [] and "Nothing matches “zzz”" in campaigns.status.text()
    campaigns.search.clear()
    assert page.target() == {"campaign": "1043", "list": "503"}  # a search that hid it keeps the choice
    # another campaign: its own lists; a new list name typed in place
    campaigns.select("1042")
    qtbot.waitUntil(lambda: loaded(lists) and len(rows(lists)) == 2, timeout=10_000)
    assert rows(lists)[0] == "Danh sách tháng 4 — 150 contacts  ·  id 501"
    page.editors["list_name"].setText("Danh sách mới")
    assert page.target() == {"campaign": "1042", "list_name": "Danh sách mới"} and page.isComplete()


def test_smsby_lists_by_name_and_a_new_list_created_in_place(
        qtbot: QtBot, service: ImportService, services: AppServices, sandbox: Any, tmp_path: Path) -> None:
    wizard = open_target_page(qtbot, service, services, sandbox, tmp_path, "smsby", {"list": "102"})
    picker = wizard.target_page.pickers["list"]
    qtbot.waitUntil(lambda: loaded(picker), timeout=10_000)
    assert rows(picker) == ["Клиенты Минск — 60 contacts  ·  id 101", "Акция — весна 2026 — 25 contacts  ·  id 102"]
    assert picker.value() == "102"
    picker.search.setText("акция")
    assert len(rows(picker)) == 1
    picker.new_name.setText("Лето 2026")
    picker.new_button.click()
    qtbot.waitUntil(lambda: picker.value() == "103", timeout=10_000)
    assert rows(picker)[0] == "Лето 2026 — 0 contacts  ·  id 103"
    assert wizard.target_page.target() == {"list": "103"}
    assert sandbox.server.state.smsby.lists[103].name == "Лето 2026"


def test_cellcast_lists_and_tags_by_name_with_counts_and_new_names(
        qtbot: QtBot, service: ImportService, services: AppServices, sandbox: Any, tmp_path: Path) -> None:
    wizard = open_target_page(qtbot, service, services, sandbox, tmp_path, "cellcast", {"list": ["VIP Customers"]})
    page = wizard.target_page
    lists, tags = page.pickers["list"], page.pickers["tag"]
    qtbot.waitUntil(lambda: loaded(lists) and loaded(tags), timeout=10_000)
    contacts = sandbox.server.state.cellcast.contacts.values()
    state = sandbox.server.state.cellcast
    vip = sum(1 for c in contacts if any(state.lists[i] == "VIP Customers" for i in c.lists))
    assert f"VIP Customers — {vip} contacts" in rows(lists)
    assert {r.split(" — ")[0] for r in rows(tags)} <= {"Customer", "Prospect", "Event 2026", "Newsletter Opt-in"}
    assert lists.value() == ["VIP Customers"]
    tags.search.setText("cust")
    assert [r.split(" — ")[0] for r in rows(tags)] == ["Customer"]
    tags.model.setData(tags.model.index(0), True, 10)  # Qt.CheckStateRole
    lists.new_name.setText("Wizard list")
    lists.new_button.click()
    assert page.target() == {"list": ["VIP Customers", "Wizard list"], "tag": ["Customer"]}
    assert "new: created by the import" in rows(lists)[0]


def test_dynmsg_earlier_campaigns_come_a_page_at_a_time_and_fill_sender_and_message(
        qtbot: QtBot, service: ImportService, services: AppServices, sandbox: Any, tmp_path: Path) -> None:
    service.choices.page_size = 10
    wizard = open_target_page(qtbot, service, services, sandbox, tmp_path, "dynmsg")
    page = wizard.target_page
    picker = page.template
    assert picker is not None
    qtbot.waitUntil(lambda: loaded(picker), timeout=10_000)
    total = len(sandbox.server.state.dynmsg.campaigns)
    shown = picker.model.rowCount()  # the view asks for pages until it is full, not for all of them
    assert shown % 10 == 0 and 10 <= shown < total and picker.can_fetch()
    assert "scroll down for more" in picker.status.text()
    picker.model.fetchMore(picker.model.index(-1))
    qtbot.waitUntil(lambda: picker.model.rowCount() == shown + 10, timeout=10_000)
    picker.search.setText("no such campaign text")  # a search reads the next pages until it is all read
    qtbot.waitUntil(lambda: not picker.can_fetch() and picker._ticket == 0, timeout=10_000)
    assert len(picker.model.all) == total and rows(picker) == []
    picker.search.clear()
    first = picker.model.shown[0]
    assert f"{first.count} contacts" in rows(picker)[0] and first.get("sender") in rows(picker)[0]
    picker.view.setCurrentIndex(picker.model.index(0))
    assert page.editors["sender"].text() == first.get("sender")
    assert page.editors["message"].toPlainText() == first.get("message")
    assert page.target()["campaign"] == "new"


def test_stringee_offers_the_campaigns_added_before_by_their_names(
        qtbot: QtBot, service: ImportService, services: AppServices, sandbox: Any, tmp_path: Path) -> None:
    account = add_account(services, sandbox, "stringee")
    services.browse.remember(account, "CA100002", "Khách tiềm năng")
    path = contacts_xlsx(tmp_path / "s.xlsx", "stringee", n=5)
    wizard = ImportWizard(service, str(path), account_id=account.id, target={})
    qtbot.addWidget(wizard)
    wizard.show()
    for _ in range(4):
        wizard_next(qtbot, wizard)
    page = wizard.target_page
    picker = page.pickers["campaign"]
    qtbot.waitUntil(lambda: loaded(picker), timeout=10_000)
    assert rows(picker) == ["Khách tiềm năng — id CA100002"]
    assert "first batch" in picker.note.text() and picker.note.isVisibleTo(page)
    assert not page.isComplete()  # nothing chosen yet
    picker.view.setCurrentIndex(picker.model.index(0))
    assert page.target() == {"campaign": "CA100002"} and page.isComplete()
    # a new id typed in place: its form is checked, a good one is kept like "Add campaign by id"
    picker.new_id.setText("NOPE-123")
    assert not picker.new_button.isEnabled() and "CA100001" in picker.status.text()
    picker.new_id.setText("CA100001")
    picker.new_name.setText("Chăm sóc tháng 11")
    picker.new_button.click()
    assert page.target() == {"campaign": "CA100001"}
    assert [i["id"] for i in services.accounts.store.remembered(account.id, "campaign")] == ["CA100001", "CA100002"]


def test_the_picker_in_vietnamese_and_after_a_live_switch(
        qtbot: QtBot, service: ImportService, services: AppServices, sandbox: Any, tmp_path: Path,
        languages: LanguageManager) -> None:
    wizard = open_target_page(qtbot, service, services, sandbox, tmp_path, "smsby", {"list": "101"})
    page = wizard.target_page
    picker = page.pickers["list"]
    qtbot.waitUntil(lambda: loaded(picker), timeout=10_000)
    languages.apply("vi")
    qtbot.waitUntil(lambda: page.form.labelForField(picker).text() == "Danh sách gửi *", timeout=5_000)
    assert rows(picker)[0] == "Клиенты Минск — 60 liên hệ  ·  mã 101"
    assert picker.search.placeholderText() == "Tìm theo tên hoặc mã"
    assert picker.status.text() == "Đang hiện 2." and picker.new_button.text() == "Tạo danh sách"
    picker.search.setText("không có")
    assert picker.status.text() == "Không có mục nào khớp với “không có”."


def test_names_that_cannot_be_read_say_why_and_keep_the_dropped_on_target(
        qtbot: QtBot, service: ImportService, services: AppServices, sandbox: Any, tmp_path: Path) -> None:
    wizard = open_target_page(qtbot, service, services, sandbox, tmp_path, "smsby", {"list": "101"})
    picker = wizard.target_page.pickers["list"]
    qtbot.waitUntil(lambda: loaded(picker), timeout=10_000)
    sandbox.control.fault(provider="smsby", action="status", status=401, times=-1)
    try:
        picker.load()
        qtbot.waitUntil(lambda: "Could not load the names" in picker.status.text(), timeout=10_000)
    finally:
        sandbox.control.clear_faults()
    assert "Traceback" not in picker.status.text() and rows(picker) == []
    assert picker.value() == "101" and wizard.target_page.isComplete()  # the list dropped on stays the target

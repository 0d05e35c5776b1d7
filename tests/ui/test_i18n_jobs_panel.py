"""The Imports panel follows a live language change (LanguageChange → retranslate)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from test_import_helpers import close_service, make_service

from campaign_gui.services.container import AppServices
from campaign_gui.services.import_service import ImportService
from campaign_gui.ui.i18n import I18N_DIR, LanguageManager
from campaign_gui.ui.jobs_panel import JobsPanel


@pytest.fixture
def service(services: AppServices) -> Iterator[ImportService]:
    built = make_service(services)
    yield built
    close_service(built)


def headers(panel: JobsPanel) -> list[str]:
    item = panel.tree.headerItem()
    return [item.text(c) for c in range(panel.tree.columnCount())]


def test_jobs_panel_retranslates_on_language_change(service: ImportService, qtbot: QtBot) -> None:
    panel = JobsPanel(service)
    qtbot.addWidget(panel)
    assert headers(panel) == ["File", "Account", "Target", "State", "Progress", "Message"]
    assert panel.buttons["pause"].text() == "Pause"
    languages = LanguageManager(I18N_DIR)
    try:
        languages.apply("vi")
        qtbot.waitUntil(lambda: headers(panel)[0] == "Tệp", timeout=5_000)
        assert headers(panel) == ["Tệp", "Tài khoản", "Đích", "Trạng thái", "Tiến độ", "Thông báo"]
        assert panel.buttons["pause"].text() == "Tạm dừng"
        assert panel.buttons["results"].text() == "Kết quả…"
        assert panel.empty.text().startswith("Chưa có lần nhập nào.")
        assert panel.state_text("paused") == "tạm dừng"
    finally:
        languages.clear()
    qtbot.waitUntil(lambda: headers(panel)[0] == "File", timeout=5_000)
    assert panel.buttons["pause"].text() == "Pause"


def test_finished_counts_follow_the_language(service: ImportService, qtbot: QtBot) -> None:
    panel = JobsPanel(service)
    qtbot.addWidget(panel)
    panel._added["job1"] = (3, 1)
    assert panel._message("job1", "") == "3 added, 1 not added"
    languages = LanguageManager(I18N_DIR)
    try:
        languages.apply("vi")
        assert panel._message("job1", "") == "đã thêm 3, không thêm 1"
    finally:
        languages.clear()

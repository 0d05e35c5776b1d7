"""The review grid: its model (qtmodeltester), text not colour alone, accept-all, filters, a million rows."""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from test_import_helpers import close_service, contacts_csv, make_service

from campaign_gui.reading.columns import PackedStrings
from campaign_gui.reading.result import ColumnStore, ValidationResult
from campaign_gui.reading.types import ColumnMapping
from campaign_gui.services.container import AppServices
from campaign_gui.services.import_service import ImportService, RowStatus, ValidationRequest
from campaign_gui.ui.import_wizard.draft import ImportDraft
from campaign_gui.ui.import_wizard.review_model import CACHE_LIMIT, ReviewModel
from campaign_gui.ui.import_wizard.review_page import ReviewPage


@pytest.fixture
def service(services: AppServices) -> Iterator[ImportService]:
    built = make_service(services)
    yield built
    close_service(built)


def validated(service: ImportService, qtbot: QtBot, path: Path) -> ValidationResult:
    with qtbot.waitSignal(service.validationFinished, timeout=20_000) as got:
        service.validate(ValidationRequest(str(path), 0, 1, None, "VN"))
    result: ValidationResult = got.args[1]
    return result


def sample_file(tmp_path: Path) -> Path:
    return contacts_csv(tmp_path / "kh.csv", [["Số điện thoại", "Tên"], ["0386000001", "An"], ["01689123456", "Bình"],
                                              ["12ab", "Chi"], ["0386000001", "Dũng"], ["386000002", "Em"]])


def test_review_model_passes_the_model_tester(service: ImportService, qtbot: QtBot, qtmodeltester: Any,
                                              tmp_path: Path) -> None:
    model = ReviewModel()
    model.set_result(validated(service, qtbot, sample_file(tmp_path)))
    qtmodeltester.check(model, force_py=True)
    model.set_result(model.result, array("I", [1, 2]))
    qtmodeltester.check(model, force_py=True)


def test_problems_are_spelled_out_not_only_coloured(service: ImportService, qtbot: QtBot, tmp_path: Path) -> None:
    model = ReviewModel()
    model.set_result(validated(service, qtbot, sample_file(tmp_path)))
    text = {r: [model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())}
    assert text[1][1].startswith("Invalid") and "Suggestion: +84389123456" in text[1][2]
    assert text[2][1] == "Invalid" and text[2][2]
    assert text[3][1] == "Duplicate" and "row 2" in text[3][2]
    assert text[4][1] == "Fixed" and text[4][4] == "+84386000002"
    assert model.data(model.index(2, 1), Qt.ItemDataRole.BackgroundRole) is not None


def test_accept_all_suggestions_and_policy(service: ImportService, qtbot: QtBot, tmp_path: Path) -> None:
    draft = ImportDraft(path=str(sample_file(tmp_path)), header_row=1, region="VN")
    page = ReviewPage(service, draft)
    qtbot.addWidget(page)
    page.initializePage()
    assert page.accept_all.isHidden()  # no blank button while the rows are checked
    qtbot.waitUntil(page.isComplete, timeout=20_000)
    assert "Invalid: 2" in page.counts.text() and page.accept_all.isEnabled() and not page.accept_all.isHidden()
    assert "(1)" in page.accept_all.text()
    with qtbot.waitSignal(service.computed, timeout=10_000):
        page.accept_all.click()
    assert draft.result is not None and draft.result.invalid == 1 and draft.result.fixed == 2
    assert "Invalid: 1" in page.counts.text() and not page.accept_all.isEnabled()
    page.filter.setCurrentIndex(page.filter.findData("invalid"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert page.model.data(page.model.index(0, 0)) == "4"
    page.policy_buttons[draft.policy.BLOCK].setChecked(True)
    assert not page.isComplete()
    page.policy_buttons[draft.policy.INCLUDE].setChecked(True)
    assert page.isComplete()


def million_rows() -> ValidationResult:
    n = 1_000_000
    store = ColumnStore()
    store.row_no = array("I", range(2, n + 2))
    store.status = array("b", bytes([0, 0, 0, 2] * (n // 4)))
    store.reason = array("H", [0, 0, 0, 1] * (n // 4))
    store.message = array("I", [0, 0, 0, 1] * (n // 4))
    store.reasons.code("too_short")
    store.messages.code("Too short for a phone number.")
    for column, make in ((store.e164, lambda i: f"+84386{i:06d}" if i % 4 != 3 else ""),
                         (store.original, lambda i: f"0386{i:06d}"), (store.name, lambda i: ""),
                         (store.email, lambda i: "")):
        assert isinstance(column, PackedStrings)
        column.extend(make(i) for i in range(n))
    return ValidationResult(store, sheet="S", header_row=1, columns=["phone"], mapping=ColumnMapping({"phone": 0}),
                            region="VN", blank=0)


def test_a_million_rows_stay_virtual_and_filter_fast(service: ImportService, qtbot: QtBot) -> None:
    result = million_rows()
    model = ReviewModel()
    model.set_result(result)
    assert model.rowCount() == 1_000_000
    assert model.data(model.index(999_999, 1)) == "Invalid"
    for row in range(0, 1_000_000, 997):
        model.data(model.index(row, 2))
    assert len(model._cache) <= CACHE_LIMIT + 1  # records are built for visible rows only, never all
    with qtbot.waitSignal(service.computed, timeout=30_000) as got:
        service.filter_indices(result, frozenset({RowStatus.INVALID}))
    indices = got.args[1]
    model.set_result(result, indices)
    assert model.rowCount() == 250_000 and model.data(model.index(0, 0)) == "5"

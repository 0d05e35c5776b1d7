"""ImportService: reading, preview, mapping proposal and memory, validation off the GUI thread, cancel."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from qt_support import add_account
from test_import_helpers import close_service, contacts_csv, contacts_xlsx, make_service

from campaign_gui.services.container import AppServices
from campaign_gui.services.import_service import ImportService, RowStatus, ValidationRequest
from campaign_gui.services.import_worker import ImportWorker


@pytest.fixture
def service(services: AppServices) -> Iterator[ImportService]:
    built = make_service(services)
    yield built
    close_service(built)


def test_inspect_lists_sheets_with_rows_and_hidden(service: ImportService, qtbot: QtBot, tmp_path: Path) -> None:
    path = contacts_xlsx(tmp_path / "kh.xlsx", n=30)
    with qtbot.waitSignal(service.fileInspected, timeout=10_000) as got:
        ticket = service.inspect(str(path))
    assert got.args[0] == ticket
    summary = got.args[1]
    assert [(s.name, s.hidden) for s in summary.sheets] == [("Khách hàng", False), ("Ẩn", True), ("Ghi chú", False)]
    assert summary.sheets[0].rows == 33 and summary.first_visible == 0


def test_preview_detects_header_below_title_and_mapping_reasons(services: AppServices, service: ImportService,
                                                                qtbot: QtBot, tmp_path: Path, sandbox: Any) -> None:
    path = contacts_xlsx(tmp_path / "kh.xlsx", n=10)
    with qtbot.waitSignal(service.previewReady, timeout=10_000) as got:
        service.preview(str(path), 0)
    preview = got.args[1]
    assert preview.detected_header == 3 and preview.rows[0][0] == "DANH SÁCH KHÁCH HÀNG THÁNG 4"
    from campaign_gui.services.import_service import header_labels

    columns = header_labels(preview, 3)
    account = add_account(services, sandbox, "stringee")
    mapping = service.propose(account, columns, [list(r) for r in preview.raw[3:]])
    assert mapping.fields["phone"] == 2 and mapping.fields["name"] == 1 and mapping.fields["email"] == 3
    assert "Vietnamese" in mapping.reasons["phone"]
    assert "phone" not in {k for k, v in mapping.fields.items() if v == 0}  # STT is never the phone
    changed = type(mapping)(fields={"phone": 2}, reasons={})
    service.remember(account, columns, changed)
    recalled = service.propose(account, columns, [])
    assert dict(recalled.fields) == {"phone": 2} and "remembered" in recalled.reasons["phone"]


def test_validation_counts_and_progress(service: ImportService, qtbot: QtBot, tmp_path: Path) -> None:
    path = contacts_xlsx(tmp_path / "kh.xlsx", n=12_000, bad=3, dup=2)
    ticks: list[int] = []
    service.validationProgress.connect(lambda _t, n: ticks.append(n))
    request = ValidationRequest(path=str(path), sheet=0, header_row=None, mapping=None, region="VN")
    with qtbot.waitSignal(service.validationFinished, timeout=60_000) as got:
        service.validate(request)
    result = got.args[1]
    assert result.header_row == 3 and result.rows == 12_005
    assert (result.invalid, result.duplicates) == (3, 2)
    assert result.valid + result.fixed == 12_000
    assert ticks and ticks[-1] >= 10_000
    with qtbot.waitSignal(service.computed, timeout=10_000) as filtered:
        service.filter_indices(result, frozenset({RowStatus.INVALID}))
    assert [result.record(i).row for i in filtered.args[1]] == [12_004, 12_005, 12_006]


def test_validation_cancel(service: ImportService, qtbot: QtBot, tmp_path: Path) -> None:
    path = contacts_csv(tmp_path / "big.csv", [["phone"]] + [[f"0386{i:06d}"] for i in range(200_000)])
    request = ValidationRequest(path=str(path), sheet=0, header_row=1, mapping=None, region="VN")
    ticket = service.validate(request)
    qtbot.waitUntil(lambda: ticket in service._validating, timeout=5_000)
    with qtbot.waitSignal(service.cancelled, timeout=20_000) as got:
        service.cancel(ticket)
    assert got.args == [ticket]


def test_drop_check_names_unsupported_files(service: ImportService, tmp_path: Path) -> None:
    png = tmp_path / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    assert "not a spreadsheet" in (service.check_file(png) or "")
    assert "empty" in (service.check_file(empty) or "")
    assert service.check_file(tmp_path) is not None
    assert service.check_file(contacts_xlsx(tmp_path / "ok.xlsx", n=3)) is None


def test_child_process_worker_validates_and_cancels(qtbot: QtBot, qloop: Any, tmp_path: Path) -> None:
    """The real configuration: reading and validation in a spawned child process."""
    worker = ImportWorker(use_process=True)
    path = contacts_xlsx(tmp_path / "kh.xlsx", n=50)
    try:
        request = ValidationRequest(path=str(path), sheet=0, header_row=None, mapping=None, region="VN")
        task = worker.validate(request, 7)
        qtbot.waitUntil(task.done, timeout=60_000)
        assert task.result().rows == 50
        summary_task = qloop.create_task(worker.inspect(str(path)))
        qtbot.waitUntil(summary_task.done, timeout=30_000)
        assert summary_task.result().sheets[1].hidden
        big = contacts_csv(tmp_path / "big.csv", [["phone"]] + [[f"0386{i:06d}"] for i in range(300_000)])
        cancelled = (worker.validate(
            ValidationRequest(path=str(big), sheet=0, header_row=1, mapping=None, region="VN"), 8))
        qtbot.waitUntil(lambda: bool(worker.poll_progress()), timeout=30_000)
        worker.cancel(8)
        qtbot.waitUntil(cancelled.done, timeout=30_000)
        assert type(cancelled.exception()).__name__ == "Cancelled"
    finally:
        worker.shutdown()

"""Helpers for the import GUI tests: generated workbooks, the import service, driving the wizard."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
from pytestqt.qtbot import QtBot

from campaign_gui.services.container import AppServices
from campaign_gui.services.import_service import ImportService
from campaign_gui.services.import_setup import build_import_service

# Phone shapes per provider's country (numeric cells included: Excel drops the leading zero).
PHONES = {
    "stringee": lambda i: f"0386{i:06d}" if i % 2 else 386000000 + i,
    "alohub": lambda i: f"0387{i:06d}" if i % 2 else 387000000 + i,
    "smsby": lambda i: f"+37529{1000000 + i:07d}" if i % 2 else f"80291{100000 + i:06d}",
    "cellcast": lambda i: f"0412{i:06d}" if i % 2 else 412000000 + i,
    "dynmsg": lambda i: f"07911{i:06d}" if i % 2 else 7911000000 + i,
}
def contacts_xlsx(path: Path, provider: str = "stringee", n: int = 20, *, title: bool = True, bad: int = 0,
                  dup: int = 0, hidden_sheet: bool = True, extra_sheet: bool = True) -> Path:
    """A workbook with a title row, Vietnamese headers, numeric phones, a hidden sheet and a second sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Khách hàng"
    if title:
        ws.append(["DANH SÁCH KHÁCH HÀNG THÁNG 4"])
        ws.append([])
    ws.append(["STT", "Họ và tên", "Số điện thoại", "Email"])
    make = PHONES[provider]
    for i in range(1, n + 1):
        ws.append([i, f"Nguyễn Văn {i}", make(i), f"kh{i}@example.vn"])
    for j in range(bad):
        ws.append([n + j + 1, f"Sai {j}", "12ab", ""])
    for j in range(dup):
        ws.append([n + bad + j + 1, f"Trùng {j}", make(1), ""])
    if hidden_sheet:
        hidden = wb.create_sheet("Ẩn")
        hidden.append(["secret"])
        hidden.sheet_state = "hidden"
    if extra_sheet:
        other = wb.create_sheet("Ghi chú")
        other.append(["Ghi chú"])
        other.append(["none"])
    wb.save(path)
    return path


def contacts_csv(path: Path, rows: Sequence[Sequence[Any]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return path


def make_service(services: AppServices, *, pacing: float | None = 0.0) -> ImportService:
    """The import service on a thread (no child process: fast tests), pacing off by default."""
    service = build_import_service(services, use_process=False, pacing=pacing)
    service.jobs.open()
    return service


def close_service(service: ImportService) -> None:
    service.shutdown()
    service.jobs.close()


def wizard_next(qtbot: QtBot, wizard: Any, timeout: int = 20_000) -> None:
    """Wait until the current page is complete, then press Next (or Commit)."""
    page = wizard.currentPage()
    qtbot.waitUntil(page.isComplete, timeout=timeout)
    current = wizard.currentId()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() != current, timeout=timeout)


def test_workbook_has_title_rows_hidden_and_numeric_phones(tmp_path: Path) -> None:
    path = contacts_xlsx(tmp_path / "a.xlsx", n=4)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Khách hàng", "Ẩn", "Ghi chú"] and wb["Ẩn"].sheet_state == "hidden"
    values = [c.value for c in wb["Khách hàng"]["C"]][3:]
    assert any(isinstance(v, int) for v in values) and any(isinstance(v, str) for v in values)

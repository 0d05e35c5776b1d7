"""Every total shown equals the sum of its parts: review, results, the CLI text and JSON, the report."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from pytestqt.qtbot import QtBot
from qt_support import add_account
from test_import_helpers import close_service, contacts_csv, make_service

from campaign_gui.cli.import_cmd import human_summary
from campaign_gui.services.container import AppServices
from campaign_gui.services.import_service import ImportService, InvalidPolicy
from campaign_gui.ui.import_wizard.draft import ImportDraft
from campaign_gui.ui.import_wizard.results_view import ResultsView
from campaign_gui.ui.import_wizard.review_page import ReviewPage
from campaign_gui.upload.report import SUMMARY_LABELS

# Eight kinds of invalid phone (more than the review has room for), fixed ones and duplicates.
PHONES = ["", "=A1", "8.4E+10", "12ab", "123", "0386123456789012", "01689123456", "+999 12345678", "12cd", "",
          "386000001", "0386000002", "0386000002", "0386000003", "+84 386 000 004", "0386000005", "0386000005"]


@pytest.fixture
def service(services: AppServices) -> Iterator[ImportService]:
    built = make_service(services)
    yield built
    close_service(built)


def numbers(text: str) -> list[int]:
    return [int(n.replace(",", "").replace(".", "")) for n in re.findall(r"\d[\d,.]*", text)]


def test_every_total_is_the_sum_of_its_parts(services: AppServices, service: ImportService, sandbox: Any,
                                             qtbot: QtBot, tmp_path: Path) -> None:
    path = contacts_csv(tmp_path / "kh.csv", [["Số điện thoại", "Tên"]] + [[p, f"Khách {i}"]
                                                                            for i, p in enumerate(PHONES)])
    draft = ImportDraft(path=str(path), header_row=1, region="VN")
    page = ReviewPage(service, draft)
    qtbot.addWidget(page)
    page.initializePage()
    qtbot.waitUntil(lambda: draft.result is not None and "Invalid because" in page.counts.text(), timeout=20_000)
    result = draft.result
    assert result is not None and len(result.reasons) > 4
    counts_line, reasons_line = page.counts.text().split("\n")
    valid, fixed, invalid, duplicates = numbers(counts_line)
    assert invalid == result.invalid and sum(numbers(reasons_line)) == invalid
    assert "other reasons" in reasons_line
    assert valid + fixed + invalid + duplicates == result.rows == len(PHONES)
    reasons: Any = result.summary()["reasons"]  # the CLI's validate --json
    assert sum(reasons.values()) == result.invalid

    account = add_account(services, sandbox, "stringee")
    with qtbot.waitSignal(service.jobs.jobFinished, timeout=60_000) as done:
        service.jobs.start(account, {"campaign": "CA100002"}, result, str(path), InvalidPolicy.DROP)
    summary = done.args[1]
    assert summary.rows == summary.valid + summary.invalid + summary.duplicates == len(PHONES)
    assert summary.sent == (summary.added + summary.updated + summary.skipped + summary.rejected + summary.failed
                            + summary.needs_verification)
    assert summary.sent + summary.pending == summary.valid
    data = summary.to_json()  # the CLI's import --json
    assert data["rows"] == data["valid"] + data["invalid"] + data["duplicates"]

    view = ResultsView(service)
    qtbot.addWidget(view)
    view.show_job(summary.job_id)
    qtbot.waitUntil(lambda: view.summary is not None, timeout=10_000)
    lines = view.totals.text().split("\n")
    rows_line = next(line for line in lines if line.startswith("Rows"))
    sent_line = next(line for line in lines if line.startswith("Sent"))
    total, *parts = numbers(rows_line)
    assert total == sum(parts) == len(PHONES)
    total, *parts = numbers(sent_line)
    assert total == sum(parts)
    for line in human_summary(summary).split("\n")[1:3]:
        total, *parts = numbers(line)
        assert total == sum(parts)
    report = Path(service.jobs.record(summary.job_id).report)  # type: ignore[union-attr]
    sheet = {r[0].value: r[1].value for r in openpyxl.load_workbook(report)["Summary"].iter_rows(min_row=2)}
    rows, valid, invalid, duplicates = (sheet[SUMMARY_LABELS[k]] for k in ("rows", "valid", "invalid", "duplicates"))
    assert rows == valid + invalid + duplicates and type(rows) is int  # words as labels, numbers as totals
    not_added = openpyxl.load_workbook(report).worksheets[0].max_row - 1
    assert not_added == summary.invalid + summary.duplicates + summary.rejected + summary.failed

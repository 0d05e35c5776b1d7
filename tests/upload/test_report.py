"""The result report: only rows not added, row numbers and totals numbers, every other cell a string (formula-like
text inert), summary labels in words, totals match."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from engine_fakes import FakeProvider, FakeTime, make_info, new_job, vn_records
from openpyxl import load_workbook

from campaign_gui.domain.errors import Rejected
from campaign_gui.upload.engine import UploadEngine
from campaign_gui.upload.journal import Journal
from campaign_gui.upload.report import SUMMARY_LABELS, ReportError, write_report

NAMES = ['=HYPERLINK("http://evil.example","x")', "@SUM(1)", "+1+1", "-2+3", "Nguyễn Văn A", "Ba\u202eb"]


async def finished_job(tmp_path: Path) -> tuple[Journal, str]:
    j = Journal.open(tmp_path / "d")
    recs = vn_records(30, invalid=[3], duplicate=[4], name=lambda i: NAMES[i % len(NAMES)])
    job = new_job(tmp_path, j, recs)
    t = FakeTime()
    p = FakeProvider(make_info(batch_limit=10), t, script=[None, Rejected("Stringee rejected the batch (r=2)")])
    await UploadEngine(p, j, job, clock=t.clock, sleep=t.sleep, rng=random.Random(1)).run()
    return j, job


async def test_report_rows_are_strings_and_formulas_inert(tmp_path: Path) -> None:
    """Every cell a user typed is a string cell; the row and batch numbers are number cells (issue 15, item 9)."""
    j, job = await finished_job(tmp_path)
    out = tmp_path / "r" / "report.xlsx"
    summary = write_report(j, job, out)
    book = load_workbook(out)
    rows = list(book["Not added"].iter_rows())
    header = [c.value for c in rows[0]]
    assert header[:4] == ["Row", "Outcome", "Reason", "Original phone"]
    body = rows[1:]
    assert len(body) == 12  # 10 rejected + 1 invalid + 1 duplicate; the 18 added rows are not listed
    for i, row in enumerate(rows):
        for col, cell in enumerate(row):
            assert not (isinstance(cell.value, str) and cell.value.startswith("=") and cell.data_type == "f")
            if i and col == 0 or i and col == 9 and cell.value is not None:  # Row, Batch: numbers
                assert cell.data_type == "n" and type(cell.value) is int, cell
                continue
            # an empty inline string reads back as None with type 'inlineStr': still a text cell
            assert cell.data_type == "s" or (cell.value is None and cell.data_type == "inlineStr"), cell
    assert any(r[9].value is not None for r in body)  # the rejected rows name their batch
    names = {r[5].value for r in body}
    assert set(NAMES) <= names  # formula-like names came back verbatim, as text
    by_row = {r[0].value: r for r in body}
    assert by_row[3][1].value == "invalid" and by_row[3][3].value.startswith("09x")
    assert by_row[4][1].value == "duplicate in the file"
    assert all(r[2].value for r in body)  # every row has a reason
    labels = {r[0].value: r[0].data_type for r in book["Summary"].iter_rows(min_row=2)}
    assert set(labels) == set(SUMMARY_LABELS.values()) and set(labels.values()) == {"s"}  # words, not keys
    assert "Needs verification" in labels and "needs_verification" not in labels
    cells = {key: next(r[1] for r in book["Summary"].iter_rows(min_row=2) if r[0].value == label)
             for key, label in SUMMARY_LABELS.items()}
    totals = {k: c.value for k, c in cells.items()}
    assert totals["sent"] == summary.sent == 28
    assert totals["added"] == 18 and totals["rejected"] == 10
    assert totals["sent"] == sum(totals[k] for k in (
        "added", "updated", "skipped", "rejected", "failed", "needs_verification"))
    assert totals["rows"] == totals["valid"] + totals["invalid"] + totals["duplicates"]
    for key in ("rows", "valid", "invalid", "duplicates", "sent", "added", "updated", "skipped", "rejected",
                "failed", "needs_verification", "pending"):
        assert cells[key].data_type == "n" and type(totals[key]) is int, key
    assert cells["job_id"].data_type == "s" and totals["job_id"] == job
    j.close()


async def test_report_failure_leaves_job_unchanged(tmp_path: Path) -> None:
    j, job = await finished_job(tmp_path)
    before = j.get_job(job)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ReportError) as info:
        write_report(j, job, blocker / "sub" / "r.xlsx")  # parent is a file: cannot write
    assert "Cannot write the report" in info.value.message
    assert j.get_job(job) == before
    assert not list(tmp_path.glob("**/.r.xlsx.tmp"))
    j.close()


async def test_report_disk_full_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from openpyxl import Workbook

    j, job = await finished_job(tmp_path)

    original = Workbook.save

    def full(self: Workbook, filename: str) -> None:
        original(self, filename)  # the bytes went out, then the device filled up (e.g. on close)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Workbook, "save", full)
    out = tmp_path / "r.xlsx"
    with pytest.raises(ReportError) as info:
        write_report(j, job, out)
    assert "disk is full" in info.value.message
    assert not out.exists() and not (tmp_path / ".r.xlsx.tmp").exists()
    j.close()

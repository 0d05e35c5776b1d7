"""Verification by reading back, against the sandbox over real HTTP: ambiguous rows end with exact outcomes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from engine_fakes import PHONES, FakeTime, vn_records
from sandbox_import import assert_invariant, assert_once, run_import

from campaign_gui.upload.progress import ProgressSnapshot

ALOHUB = {"campaign": "1042", "list_name": "Read-back test"}
CELLCAST = {"list": "Read-back test"}
DYNMSG = {"campaign": "new", "sender": "ACME", "message": "Read back", "start": "2030-02-01T10:00:00Z"}
DM_CREATE = r"(?i)api/campaigns/(true|false)$"


@pytest.fixture(autouse=True)
def fresh(sandbox: Any) -> None:
    sandbox.control.configure(alohub={"job_seconds": 0})


def _posts(sandbox: Any, provider: str, suffix: str) -> int:
    return sum(n for p, n in sandbox.control.requests(provider)["by_path"].items()
               if p.startswith("POST") and p.lower().rstrip("/").endswith(suffix))


def _gets(sandbox: Any, provider: str, part: str) -> int:
    return sum(n for p, n in sandbox.control.requests(provider)["by_path"].items()
               if p.startswith("GET") and part in p.lower())


async def test_alohub_job_refusing_one_row_unnamed(sandbox: Any, tmp_path: Path) -> None:
    """357 rows, one refused by the bulk job without a name: 356 added, 1 rejected with its reason."""
    from campaign_gui.services.import_undo import _added_phones

    records = vn_records(357, phone=PHONES["alohub"])
    refused = records[200].phone
    sandbox.control.configure(alohub={"refuse_phones": [refused]})
    seen: list[ProgressSnapshot] = []
    run = await run_import(sandbox, tmp_path, "alohub", records, ALOHUB, fake_time=FakeTime(),
                           progress_cb=seen.append)
    s = run.summary
    assert (s.state, s.sent, s.added, s.rejected, s.needs_verification) == ("done", 357, 356, 1, 0)
    assert_invariant(s)
    outcomes = run.outcomes()
    refused_row = next(row for row, (outcome, _) in outcomes.items() if outcome == "rejected")
    assert refused_row == records[200].row
    assert "refused this row without saying why" in outcomes[refused_row][1]
    phones, uncertain = _added_phones(run.journal, run.job)  # what Undo offers to delete
    assert len(phones) == 356 and uncertain == 0 and refused not in phones
    assert _posts(sandbox, "alohub", "/contacts/bulk") == 1  # read, never resubmitted
    assert _gets(sandbox, "alohub", "/contacts") >= 4  # 357 contacts, 100 a page: every page read
    assert sorted(sandbox.control.ledger("alohub")) == sorted(r.phone for r in records if r.phone != refused)
    assert any(x.phase == "verifying" for x in seen) and seen[-1].phase == "sending"
    batch = run.journal.batches(run.job)[0]
    assert batch.state == "done" and batch.result["read_back"] == {"found": 356, "absent": 1, "container": True}


async def test_cellcast_stall_after_commit_rows_found_none_resent(sandbox: Any, tmp_path: Path) -> None:
    """The second batch is saved, then the server stalls past the deadline: read back, found, added."""
    records = vn_records(30, phone=PHONES["cellcast"])
    sandbox.control.fault(provider="cellcast", path="contact/bulk", action="stall", seconds=3, commit=True,
                          after=1, times=1)
    run = await run_import(sandbox, tmp_path, "cellcast", records, CELLCAST, fake_time=FakeTime(), batch_size=10,
                           client_kw={"deadline": 0.5})
    s = run.summary
    assert (s.state, s.added, s.needs_verification, s.pending) == ("done", 30, 0, 0)
    assert_invariant(s)
    assert _posts(sandbox, "cellcast", "contact/bulk") == 3  # none resent
    assert _gets(sandbox, "cellcast", "v2/contact") >= 1
    assert_once(sandbox.control.ledger("cellcast"), records)
    states = [b.state for b in run.journal.batches(run.job)]
    assert states == ["done", "done", "done"]
    assert run.journal.batches(run.job)[1].result["read_back"]["found"] == 10


async def test_cellcast_unanswered_batch_not_saved_is_resent_once(sandbox: Any, tmp_path: Path) -> None:
    """A 504 after the request was sent (nothing saved): read back, proven absent, sent again once."""
    records = vn_records(30, phone=PHONES["cellcast"])
    sandbox.control.fault(provider="cellcast", path="contact/bulk", action="status", status=504, after=1, times=1)
    run = await run_import(sandbox, tmp_path, "cellcast", records, CELLCAST, fake_time=FakeTime(), batch_size=10)
    s = run.summary
    assert (s.state, s.added, s.needs_verification, s.failed) == ("done", 30, 0, 0)
    assert_invariant(s)
    assert _posts(sandbox, "cellcast", "contact/bulk") == 4  # three batches, the lost one once more
    assert_once(sandbox.control.ledger("cellcast"), records)
    batches = run.journal.batches(run.job)
    assert batches[1].rows == () and batches[1].result["read_back"] == {"found": 0, "absent": 10,
                                                                         "container": True}
    assert sorted(batches[3].rows) == [r.row for r in records[10:20]]  # the resent rows, in a batch of their own


async def test_dynmsg_create_lost_after_commit_rows_added(sandbox: Any, tmp_path: Path) -> None:
    records = vn_records(12, phone=PHONES["dynmsg"])
    sandbox.control.fault(provider="dynmsg", path=DM_CREATE, method="POST", action="commit_then_500")
    run = await run_import(sandbox, tmp_path, "dynmsg", records, DYNMSG, fake_time=FakeTime())
    s = run.summary
    assert (s.state, s.added, s.needs_verification) == ("done", 12, 0)
    assert_invariant(s)
    assert _posts(sandbox, "dynmsg", "/false") == 1  # created once, found by listing
    assert_once(sandbox.control.ledger("dynmsg"), records)


async def test_dynmsg_plain_500_before_commit_is_created_after_all_once(sandbox: Any, tmp_path: Path) -> None:
    records = vn_records(12, phone=PHONES["dynmsg"])
    sandbox.control.fault(provider="dynmsg", path=DM_CREATE, method="POST", action="status", status=500, times=1)
    seen: list[ProgressSnapshot] = []
    run = await run_import(sandbox, tmp_path, "dynmsg", records, DYNMSG, fake_time=FakeTime(),
                           progress_cb=seen.append)
    s = run.summary
    assert (s.state, s.added, s.needs_verification, s.failed) == ("done", 12, 0, 0)
    assert_invariant(s)
    assert _posts(sandbox, "dynmsg", "/false") == 2  # the lost create, then one more after proving absence
    assert_once(sandbox.control.ledger("dynmsg"), records)
    batches = run.journal.batches(run.job)
    assert [b.state for b in batches] == ["done", "done"] and batches[1].provider_job_id
    assert batches[0].result["read_back"]["container"] is False
    assert "verifying" in {x.phase for x in seen}


async def test_dynmsg_always_500_stays_flagged_with_reason(sandbox: Any, tmp_path: Path) -> None:
    """A provider that never creates: bounded attempts, the rows stay flagged with the reason."""
    records = vn_records(5, phone=PHONES["dynmsg"])
    sandbox.control.fault(provider="dynmsg", path=DM_CREATE, method="POST", action="status", status=500, times=-1)
    run = await run_import(sandbox, tmp_path, "dynmsg", records, DYNMSG, fake_time=FakeTime())
    s = run.summary
    assert s.needs_verification == 5 and s.added == 0
    assert_invariant(s)
    assert _posts(sandbox, "dynmsg", "/false") == 4  # first try + one per verification round, never more
    assert sandbox.control.ledger("dynmsg") == {}
    assert all("campaign may not have been created" in why for _, why in run.outcomes().values())


async def test_unreadable_provider_keeps_rows_flagged(sandbox: Any, tmp_path: Path) -> None:
    """Cellcast read-back fails (the listing answers 403): the rows stay flagged, with the reason why."""
    records = vn_records(10, phone=PHONES["cellcast"])
    sandbox.control.fault(provider="cellcast", path="contact/bulk", action="reset", commit=True)
    sandbox.control.fault(provider="cellcast", path="v2/contact", action="status", status=403, times=-1)
    run = await run_import(sandbox, tmp_path, "cellcast", records, CELLCAST, fake_time=FakeTime())
    s = run.summary
    assert s.needs_verification == 10 and s.added == 0
    assert_invariant(s)
    reasons = {why for _, why in run.outcomes().values()}
    assert len(reasons) == 1 and reasons.pop().startswith("could not be checked by reading back:")
    assert _posts(sandbox, "cellcast", "contact/bulk") == 1


async def test_read_back_is_rate_limited_and_backed_off_like_any_request(sandbox: Any, tmp_path: Path) -> None:
    """A 429 (Retry-After 7) and then a 503 on the read-back listing: waited out, then read to the end."""
    records = vn_records(10, phone=PHONES["cellcast"])
    sandbox.control.fault(provider="cellcast", path="contact/bulk", action="reset", commit=True)
    sandbox.control.fault(provider="cellcast", path="v2/contact", action="rate_limit", retry_after="7", times=1)
    sandbox.control.fault(provider="cellcast", path="v2/contact", action="status", status=503, times=1)
    t = FakeTime()
    run = await run_import(sandbox, tmp_path, "cellcast", records, CELLCAST, fake_time=t)
    assert (run.summary.added, run.summary.needs_verification) == (10, 0)
    assert any(x >= 7 for x in t.sleeps)  # the Retry-After was honoured
    assert _gets(sandbox, "cellcast", "v2/contact") == 3  # 429, 503, then the page
    assert _posts(sandbox, "cellcast", "contact/bulk") == 1


async def test_read_back_pages_through_a_big_list(sandbox: Any, tmp_path: Path) -> None:
    """2,500 rows in three batches, the last one's answer lost: found by paging the list (1,000 a page)."""
    records = vn_records(2500, phone=PHONES["cellcast"])
    sandbox.control.fault(provider="cellcast", path="contact/bulk", action="reset", commit=True, after=2)
    run = await run_import(sandbox, tmp_path, "cellcast", records, CELLCAST, fake_time=FakeTime(), lanes=1)
    s = run.summary
    assert (s.added, s.needs_verification, s.sent) == (2500, 0, 2500)
    assert_invariant(s)
    assert _gets(sandbox, "cellcast", "v2/contact") == 3  # every page: the last batch's rows are on page 3
    assert _posts(sandbox, "cellcast", "contact/bulk") == 3
    assert_once(sandbox.control.ledger("cellcast"), records)


async def test_read_back_with_a_rejected_key_pauses_then_resumes(sandbox: Any, tmp_path: Path) -> None:
    """The key stops working before the check: the job pauses asking for the key, rows still flagged;
    resumed, it reads back and ends with every row accounted for."""
    records = vn_records(10, phone=PHONES["cellcast"])
    sandbox.control.fault(provider="cellcast", path="contact/bulk", action="reset", commit=True)
    sandbox.control.fault(provider="cellcast", path="v2/contact", action="status", status=401, times=1)
    run = await run_import(sandbox, tmp_path, "cellcast", records, CELLCAST, fake_time=FakeTime())
    s = run.summary
    assert (s.state, s.needs_verification) == ("paused", 10) and "did not accept the key" in s.message
    again = await run_import(sandbox, tmp_path, "cellcast", records, CELLCAST, fake_time=FakeTime(),
                             journal=run.journal, job=run.job)
    assert (again.summary.state, again.summary.added, again.summary.needs_verification) == ("done", 10, 0)
    assert _posts(sandbox, "cellcast", "contact/bulk") == 1
    assert_once(sandbox.control.ledger("cellcast"), records)

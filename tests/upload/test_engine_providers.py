"""Engine + real clients + sandbox: per-provider mapping, pacing, credentials, stops."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import httpx
from engine_fakes import PHONES, FakeTime, vn_records
from sandbox_import import assert_invariant, assert_once, run_import

from campaign_gui.reading.types import InvalidPolicy, RowRecord, RowStatus


def recs(provider: str, n: int, **kw: Any) -> list[RowRecord]:
    return vn_records(n, phone=PHONES[provider], **kw)


class StartTimes(httpx.AsyncBaseTransport):
    """Records the client-side start (``time.monotonic()``) of every request, then sends it for real."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.starts: list[float] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.starts.append(time.monotonic())
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


async def test_stringee_pacing_holds_with_an_instant_server(sandbox: Any, tmp_path: Path) -> None:
    records = recs("stringee", 60)
    transport = StartTimes()
    await run_import(sandbox, tmp_path, "stringee", records, {"campaign": "CA100003"}, batch_size=10,
                     client_kw={"transport": transport})
    # pacing is a client guarantee: measured where requests start, not where the (jittered) server sees them
    gaps = [b - a for a, b in zip(transport.starts, transport.starts[1:], strict=False)]
    assert len(transport.starts) == 6 and min(gaps) >= 0.2 - 0.002, gaps  # the default 0.2 s between starts
    times = sandbox.control.requests("stringee")["times"]
    # the server saw them spread out too (a loose bound: its arrival times jitter under load; unpaced ≈ 5 ms)
    assert len(times) == 6 and times[-1] - times[0] >= 0.5, times
    assert_once(sandbox.control.ledger("stringee"), records)


async def test_stringee_jwt_expiry_mid_import_reminted_once(sandbox: Any, tmp_path: Path) -> None:
    records = recs("stringee", 50)
    now = [time.time() - 120]  # the client clock runs behind: minted tokens are never "issued in the future"
    changed: list[bool] = []

    def on_progress(snap: Any) -> None:
        if snap.done >= 10 and not changed:  # after the first batch the server starts refusing old tokens
            sandbox.control.configure(stringee={"reject_tokens_issued_before": int(now[0]) + 5})
            now[0] += 60
            changed.append(True)

    run = await run_import(sandbox, tmp_path, "stringee", records, {"campaign": "CA100003"}, fake_time=FakeTime(),
                           batch_size=10, progress_cb=on_progress, client_kw={"clock": lambda: now[0]})
    assert changed and run.summary.state == "done" and run.summary.added == 50, run.summary.message
    assert sandbox.control.requests("stringee")["count"] == 6  # 5 batches + one resend after the re-mint
    assert_once(sandbox.control.ledger("stringee"), records)
    assert [b.attempts for b in run.journal.batches(run.job)] == [1] * 5  # no batch counted twice


async def test_wrong_key_fails_fast_and_pauses(sandbox: Any, tmp_path: Path) -> None:
    records = recs("smsby", 30)
    run = await run_import(sandbox, tmp_path, "smsby", records, {"list": "101"}, fake_time=FakeTime(),
                           secret="wrong-token-0000", batch_size=10)
    assert run.summary.state == "paused" and "re-enter the key" in run.summary.message
    assert sandbox.control.requests("smsby")["count"] == 1
    assert run.summary.pending == 30 and sandbox.control.ledger("smsby") == {}
    run2 = await run_import(sandbox, tmp_path, "cellcast", recs("cellcast", 5), {"list": "X"},
                            fake_time=FakeTime(), secret="nope-nope-nope")
    assert run2.summary.state == "paused" and sandbox.control.requests("cellcast")["count"] == 1


async def test_stringee_wrong_secret_tries_one_remint_only(sandbox: Any, tmp_path: Path) -> None:
    run = await run_import(sandbox, tmp_path, "stringee", recs("stringee", 30), {"campaign": "CA100003"},
                           fake_time=FakeTime(), secret="not-the-secret-xxxxxxxx", batch_size=10)
    assert run.summary.state == "paused" and "re-enter the key" in run.summary.message
    assert sandbox.control.requests("stringee")["count"] == 2  # the request and its one re-minted retry


async def test_forbidden_stops_after_first_batch(sandbox: Any, tmp_path: Path) -> None:
    run = await run_import(sandbox, tmp_path, "alohub", recs("alohub", 30), {"campaign": "1042"},
                           fake_time=FakeTime(), secret="sk_live_demo_alohub_noscope_3e5d", batch_size=10)
    assert run.summary.state == "failed" and "scope" in run.summary.message
    assert sandbox.control.requests("alohub")["count"] == 1
    assert run.summary.failed == 30
    assert_invariant(run.summary)


async def test_campaign_not_found_stops_after_first_batch(sandbox: Any, tmp_path: Path) -> None:
    run = await run_import(sandbox, tmp_path, "stringee", recs("stringee", 30), {"campaign": "CA999999"},
                           fake_time=FakeTime(), batch_size=10)
    assert run.summary.state == "failed" and "CA999999" in run.summary.message
    assert sandbox.control.requests("stringee")["count"] == 1


async def test_smsby_414_halves_the_batch_every_row_once(sandbox: Any, tmp_path: Path) -> None:
    records = recs("smsby", 1200)
    sandbox.control.fault(provider="smsby", path="importContacts", action="status", status=414)
    run = await run_import(sandbox, tmp_path, "smsby", records, {"list": "101"}, fake_time=FakeTime())
    assert run.summary.state == "done" and run.summary.added == 1200
    sizes = sorted({len(b.rows) for b in run.journal.batches(run.job)})
    assert max(sizes) == 250  # 500 halved, remembered for the rest of the job
    assert_once(sandbox.control.ledger("smsby"), records)


async def test_smsby_log_index_maps_to_source_rows(sandbox: Any, tmp_path: Path) -> None:
    records = recs("smsby", 12, invalid=[4, 9], bad_text=lambda i: "12345")
    run = await run_import(sandbox, tmp_path, "smsby", records, {"list": "101"}, fake_time=FakeTime(),
                           policy=InvalidPolicy.INCLUDE)
    o = run.outcomes()
    assert {row for row, (out, _) in o.items() if out == "rejected"} == {4, 9}
    assert o[4][1] and o[2][0] == "added"
    assert run.summary.sent == 12 and run.summary.rejected == 2 and run.summary.added == 10
    assert_invariant(run.summary)


async def test_cellcast_partial_success_rejects_exactly_those_rows(sandbox: Any, tmp_path: Path) -> None:
    records = recs("cellcast", 6, invalid=[3, 5], bad_text=lambda i: "12")  # batch indexes 1 and 3
    run = await run_import(sandbox, tmp_path, "cellcast", records, {"list": "Import test"}, fake_time=FakeTime(),
                           policy=InvalidPolicy.INCLUDE)
    o = run.outcomes()
    assert [o[r][0] for r in range(2, 8)] == ["added", "rejected", "added", "rejected", "added", "added"]
    assert "phone_number" in o[3][1]
    assert_invariant(run.summary)


async def test_stringee_skipped_and_invalid_phones_map_back(sandbox: Any, tmp_path: Path) -> None:
    existing = sandbox.control.contacts("stringee", "CA100001")[:3]
    records = recs("stringee", 8, invalid=[5], bad_text=lambda i: "0123")
    records[0] = RowRecord(2, RowStatus.VALID, existing[0], "0" + existing[0][3:])  # written 0…
    records[1] = RowRecord(3, RowStatus.VALID, existing[1], existing[1])  # written +84…
    run = await run_import(sandbox, tmp_path, "stringee", records, {"campaign": "CA100001"}, fake_time=FakeTime(),
                           policy=InvalidPolicy.INCLUDE)
    o = run.outcomes()
    assert o[2][0] == "skipped" and o[3][0] == "skipped"
    assert o[5][0] == "rejected"
    assert run.summary.added == 5 and run.summary.skipped == 2 and run.summary.rejected == 1
    assert_invariant(run.summary)


async def test_dynmsg_one_campaign_with_every_row(sandbox: Any, tmp_path: Path) -> None:
    records = recs("dynmsg", 40)
    target = {"campaign": "new", "sender": "ACME", "message": "Hi {name}", "start": "2030-02-01T09:00:00Z"}
    run = await run_import(sandbox, tmp_path, "dynmsg", records, target, fake_time=FakeTime())
    assert run.summary.state == "done" and run.summary.added == 40
    assert len(run.journal.batches(run.job)) == 1
    assert_once(sandbox.control.ledger("dynmsg"), records)

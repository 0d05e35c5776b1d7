"""Faults every client must meet the same way (real clients, sandbox over loopback HTTP)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from campaign_gui.domain.errors import ProviderError, Rejected, ServerError
from campaign_gui.domain.models import UploadRow
from campaign_gui.providers import make_provider

PROVIDERS = ("stringee", "smsby", "alohub", "cellcast", "dynmsg")
UPLOAD_TARGETS = {"stringee": {"campaign": "CA100003"}, "smsby": {"list": "101"}, "alohub": {"campaign": "1042"},
                  "cellcast": {"list": "Faults"}}
PHONES = {"stringee": "+84910000001", "smsby": "+375291000001", "alohub": "+84910000001",
          "cellcast": "+61400000001"}


def _rows(provider: str, n: int = 3) -> list[UploadRow]:
    base = PHONES[provider]
    return [UploadRow(index=2 + i, phone=base[:-3] + f"{i:03d}", name=f"Row {i}") for i in range(n)]


def _assert_clean(exc: ProviderError, sandbox: Any, provider: str, status: int) -> None:
    """A short message, no page markup, no secret, no query string."""
    text = f"{exc} {exc!r} {exc.message}"
    assert exc.status == status
    assert "<" not in exc.message and "nginx" not in text and len(exc.message) < 200, exc.message
    assert sandbox.secret(provider) not in text and "?" not in exc.message


@pytest.mark.parametrize("status", [502, 503, 504])
@pytest.mark.parametrize("provider", PROVIDERS)
async def test_5xx_html_page_is_a_server_error(sandbox: Any, provider: str, status: int) -> None:
    sandbox.control.fault(provider=provider, path=".*", action="html", status=status, times=-1)
    client = make_provider(sandbox.account(provider), sandbox.secret(provider), deadline=5.0)
    try:
        with pytest.raises(ServerError) as info:
            await client.test_connection()
        _assert_clean(info.value, sandbox, provider, status)
        if provider in UPLOAD_TARGETS:
            with pytest.raises(ServerError) as info:
                await client.upload_batch(UPLOAD_TARGETS[provider], _rows(provider), batch_key="k-1")
            _assert_clean(info.value, sandbox, provider, status)
    finally:
        await client.aclose()
    sandbox.control.clear_faults()
    assert sandbox.control.ledger(provider) == {}  # nothing was stored


async def test_stringee_r2_on_upload_is_rejected(sandbox: Any) -> None:
    sandbox.control.fault(provider="stringee", path="add-by-phones", action="json", status=200,
                          body={"r": 2, "msg": "Missing params: campaign_id"})
    client = make_provider(sandbox.account("stringee"), sandbox.secret("stringee"), deadline=5.0)
    try:
        with pytest.raises(Rejected) as info:
            await client.upload_batch(UPLOAD_TARGETS["stringee"], _rows("stringee"), batch_key="k-1")
    finally:
        await client.aclose()
    assert "Missing params" in info.value.message and not isinstance(info.value, ServerError)
    assert sandbox.control.ledger("stringee") == {}


async def test_cellcast_more_than_1000_rows_refused_before_sending(sandbox: Any) -> None:
    client = make_provider(sandbox.account("cellcast"), sandbox.secret("cellcast"), deadline=5.0)
    rows = [UploadRow(index=2 + i, phone=f"+61400{i:06d}", name=f"P{i}") for i in range(1001)]
    try:
        with pytest.raises(ValueError, match="at most 1000"):
            await client.upload_batch(UPLOAD_TARGETS["cellcast"], rows, batch_key="k-1")
        result = await client.upload_batch(UPLOAD_TARGETS["cellcast"], rows[:1000], batch_key="k-2")
    finally:
        await client.aclose()
    assert len(result.rows) == 1000
    assert sandbox.control.requests("cellcast")["count"] == 1  # only the 1000-row request went out


async def test_alohub_list_name_unchanged_after_lost_job_resubmit(sandbox: Any, tmp_path: Path) -> None:
    """The first job id is lost (poll → 404): the resubmission names the same list, so one list holds all."""
    import random
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "upload"))
    from engine_fakes import FakeTime, new_job, vn_records

    from campaign_gui.upload.engine import UploadEngine
    from campaign_gui.upload.journal import Journal

    sandbox.control.configure(alohub={"job_seconds": 0.0})
    account = sandbox.account("alohub")
    client = make_provider(account, sandbox.secret("alohub"), deadline=5.0)
    try:
        before = {lst.name for lst in await client.list_contact_lists("1042")}
        sandbox.control.fault(provider="alohub", path="contacts/import/", action="status", status=404)
        journal = Journal.open(tmp_path / "data")
        records = vn_records(20)
        job = new_job(tmp_path, journal, records, target={"campaign": "1042"}, account=account)
        list_name = journal.get_job(job).target["list_name"]
        t = FakeTime()
        summary = await UploadEngine(client, journal, job, clock=t.clock, sleep=t.sleep, rng=random.Random(3),
                                     poll_interval=0.01).run()
        assert summary.state == "done" and summary.sent == 20
        assert journal.get_job(job).target["list_name"] == list_name
        journal.close()
        by_path = sandbox.control.requests("alohub")["by_path"]
        assert sum(n for p, n in by_path.items() if p.endswith("/contacts/bulk")) == 2  # sent, then resubmitted
        after = await client.list_contact_lists("1042")
    finally:
        await client.aclose()
    new = [lst for lst in after if lst.name not in before]
    assert [lst.name for lst in new] == [list_name]  # one new list, under the journalled name
    assert new[0].contact_count == 20
    assert set(sandbox.control.contacts("alohub")) >= {r.phone for r in records}

"""Helpers for engine tests against the sandbox over real HTTP: run one import, check the ledger."""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from engine_fakes import FakeTime, new_job

from campaign_gui.domain.models import Account
from campaign_gui.providers import make_provider
from campaign_gui.providers.base import Provider
from campaign_gui.reading.types import InvalidPolicy, RowRecord
from campaign_gui.upload.engine import UploadEngine
from campaign_gui.upload.jobs import JobSummary
from campaign_gui.upload.journal import Journal


@dataclass
class Run:
    summary: JobSummary
    journal: Journal
    job: str
    provider: Provider

    def outcomes(self) -> dict[int, tuple[str, str]]:
        return {e.row: (e.outcome, e.reason) for e in self.journal.iter_rows(self.job)}


async def run_import(sandbox: Any, tmp_path: Path, provider_id: str, records: list[RowRecord],
                     target: Mapping[str, str], *, fake_time: FakeTime | None = None, secret: str | None = None,
                     account: Account | None = None, policy: InvalidPolicy = InvalidPolicy.DROP,
                     client_kw: Mapping[str, Any] | None = None, journal: Journal | None = None,
                     job: str | None = None, **engine_kw: Any) -> Run:
    """Create (or resume) a job and run it with the real client; ``fake_time`` makes waits instant."""
    account = account or sandbox.account(provider_id)
    journal = journal or Journal.open(tmp_path / "data")
    if job is None:
        job = new_job(tmp_path, journal, records, target=target, policy=policy, account=account)
    provider = make_provider(account, secret or sandbox.secret(provider_id), **dict(client_kw or {}))
    if fake_time is not None:
        engine_kw.setdefault("clock", fake_time.clock)
        engine_kw.setdefault("sleep", fake_time.sleep)
    engine_kw.setdefault("rng", random.Random(11))
    try:
        summary = await UploadEngine(provider, journal, job, **engine_kw).run()
    finally:
        await provider.aclose()
    return Run(summary, journal, job, provider)


def assert_invariant(s: JobSummary) -> None:
    assert s.sent == s.added + s.updated + s.skipped + s.rejected + s.failed + s.needs_verification


def assert_once(ledger: Mapping[str, int], records: list[RowRecord]) -> None:
    """Every valid phone of ``records`` was inserted exactly once, and nothing else."""
    wanted = {r.phone for r in records if r.status.value in ("valid", "fixed")}
    assert set(ledger) == wanted, (len(set(ledger) ^ wanted), sorted(set(ledger) ^ wanted)[:5])
    assert all(n == 1 for n in ledger.values()), {k: v for k, v in ledger.items() if v != 1}

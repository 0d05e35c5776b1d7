"""Hand-written fakes for the upload engine's unit tests: a scripted provider, fake time, validation."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from campaign_gui.domain.errors import NotFound
from campaign_gui.domain.models import (
    Account,
    BatchResult,
    JobStatus,
    ProviderId,
    RowOutcome,
    RowResult,
    UploadRow,
)
from campaign_gui.providers.base import Capabilities, PagingStyle, ProviderInfo, RetryClass
from campaign_gui.reading.types import InvalidPolicy, RowRecord, RowStatus
from campaign_gui.upload.batches import BatchSource
from campaign_gui.upload.control import RunControl
from campaign_gui.upload.jobs import create_job
from campaign_gui.upload.journal import Journal
from campaign_gui.upload.pacing import Pacer
from campaign_gui.upload.recorder import Recorder
from campaign_gui.upload.sender import Sender


class FakeTime:
    """A clock that only moves when the engine sleeps (so waits are instant and measurable)."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)


def make_info(retry: RetryClass = RetryClass.RESEND, *, batch_limit: int = 10, pacing: float = 0.0) -> ProviderInfo:
    return ProviderInfo(id=ProviderId.STRINGEE, display_name="Fake", secret_label="key", default_base_url="",
                        default_region="VN", batch_limit=batch_limit, pacing_seconds=pacing, retry_class=retry,
                        paging=PagingStyle.NONE, capabilities=Capabilities(upload_batch=True))


Action = Any  # None (normal answer), an exception instance, or a callable(provider, rows) -> BatchResult


@dataclass
class FakeProvider:
    """Applies a script of actions to successive upload calls; stores what it 'saved' (like a ledger)."""

    info: ProviderInfo
    time: FakeTime | None = None
    script: list[Action] = field(default_factory=list)
    saved: dict[str, int] = field(default_factory=dict)
    calls: list[tuple[float, list[int], str]] = field(default_factory=list)
    jobs: dict[str, list[UploadRow]] = field(default_factory=dict)
    poll_script: list[Action] = field(default_factory=list)
    polls: int = 0
    campaigns: list[str] = field(default_factory=list)
    find_result: str | None = None
    rate_limit: Any = None
    probe_script: list[Action] = field(default_factory=list)
    probes: int = 0

    def _save(self, rows: Sequence[UploadRow]) -> list[RowResult]:
        out = []
        for r in rows:
            if r.phone in self.saved:
                self.saved[r.phone] += 0
                out.append(RowResult(r.index, RowOutcome.SKIPPED, "already there"))
            else:
                self.saved[r.phone] = 1
                out.append(RowResult(r.index, RowOutcome.ADDED))
        return out

    def _next(self, rows: Sequence[UploadRow]) -> Any:
        action = self.script.pop(0) if self.script else None
        if callable(action) and not isinstance(action, BaseException):
            return action(self, rows)
        if isinstance(action, tuple) and action[0] == "commit":  # save, then fail
            self._save(rows)
            raise action[1]
        if isinstance(action, BaseException):
            raise action
        return None

    async def upload_batch(self, target: Mapping[str, str], rows: Sequence[UploadRow], *,
                           batch_key: str) -> BatchResult:
        assert len(rows) <= self.info.batch_limit
        self.calls.append((self.time.now if self.time else 0.0, [r.index for r in rows], batch_key))
        await asyncio.sleep(0)
        custom = self._next(rows)
        if isinstance(custom, BatchResult):
            return custom
        if self.info.retry_class is RetryClass.RESUBMIT_SAME_NAME:
            job = f"job{len(self.jobs) + 1}"
            self.jobs[job] = list(rows)
            return BatchResult(rows=[], job_id=job, complete=False)
        return BatchResult(rows=self._save(rows))

    async def poll_job(self, target: Mapping[str, str], job_id: str) -> JobStatus:
        self.polls += 1
        action = self.poll_script.pop(0) if self.poll_script else None
        if isinstance(action, BaseException):
            raise action
        if action == "processing":
            return JobStatus(job_id, "processing", 1, 0, 0, 0)
        if job_id not in self.jobs:
            raise NotFound("job lost")
        rows = self.jobs[job_id]
        results = self._save(rows)
        dups = sum(1 for r in results if r.outcome is RowOutcome.SKIPPED)
        return JobStatus(job_id, "done", len(rows), len(rows), 0, dups)

    async def create_campaign(self, target: Mapping[str, str], rows: Sequence[UploadRow]) -> tuple[str, BatchResult]:
        self.calls.append((self.time.now if self.time else 0.0, [r.index for r in rows], "create"))
        custom = self._next(rows)
        if isinstance(custom, BatchResult):
            return "C1", custom
        self.campaigns.append(f"C{len(self.campaigns) + 1}")
        return self.campaigns[-1], BatchResult(rows=self._save(rows))

    async def find_campaign(self, target: Mapping[str, str]) -> str | None:
        return self.find_result

    async def test_connection(self) -> str:
        """The engine's probe of a provider that paused a job: answers unless the probe script says otherwise."""
        self.probes += 1
        action = self.probe_script.pop(0) if self.probe_script else None
        if callable(action) and not isinstance(action, BaseException):
            action = action(self, [])
        if isinstance(action, BaseException):
            raise action
        return "ok"

    async def aclose(self) -> None:
        return None


@dataclass
class StubValidation:
    """Stands in for importer.validate.ValidationResult: ``records()`` and ``upload_rows(policy)``."""

    rows: list[RowRecord]

    def records(self) -> Iterator[RowRecord]:
        return iter(self.rows)

    def upload_rows(self, policy: InvalidPolicy) -> Iterator[UploadRow]:
        for rec in self.rows:
            if rec.status in (RowStatus.VALID, RowStatus.FIXED) and rec.phone:
                yield UploadRow(rec.row, rec.phone, rec.name, rec.email, dict(rec.extra))
            elif rec.status is RowStatus.INVALID and policy is InvalidPolicy.INCLUDE:
                yield UploadRow(rec.row, rec.original_phone, rec.name, rec.email, dict(rec.extra))


PHONES: dict[str, Callable[[int], str]] = {
    "stringee": lambda i: f"+849{10000000 + i:08d}",
    "alohub": lambda i: f"+849{10000000 + i:08d}",
    "smsby": lambda i: f"+37529{1000000 + i:07d}",
    "cellcast": lambda i: f"+61400{i:06d}",
    "dynmsg": lambda i: f"+447700{i:06d}",
}


def vn_records(n: int, *, start: int = 2, invalid: Iterable[int] = (), duplicate: Iterable[int] = (),
               name: Callable[[int], str] = lambda i: f"Người {i}", phone: Callable[[int], str] = PHONES["stringee"],
               bad_text: Callable[[int], str] = lambda i: f"09x{i}") -> list[RowRecord]:
    """``n`` validated rows from row ``start``; ``invalid``/``duplicate`` are row numbers."""
    bad, dup = set(invalid), set(duplicate)
    out = []
    for i in range(n):
        row = start + i
        e164 = phone(i)
        original = "0" + e164[3:] if e164.startswith("+84") else e164
        if row in bad:
            out.append(RowRecord(row, RowStatus.INVALID, None, bad_text(i), name(i), reason="bad",
                                 message="not a phone"))
        elif row in dup:
            out.append(RowRecord(row, RowStatus.DUPLICATE, e164, original, name(i), reason="dup", message="duplicate"))
        else:
            out.append(RowRecord(row, RowStatus.VALID, e164, original, name(i), email=f"u{i}@ex.vn"))
    return out


ACCOUNT = Account(id="acc1", provider=ProviderId.STRINGEE, name="fake", base_url="http://127.0.0.1:1")


def new_job(tmp_path: Path, journal: Journal, records: list[RowRecord], *, target: Mapping[str, str] | None = None,
            policy: InvalidPolicy = InvalidPolicy.DROP, account: Account = ACCOUNT) -> str:
    source = tmp_path / "source.csv"
    if not source.exists():
        source.write_text("phone\n" + "\n".join(r.original_phone for r in records), encoding="utf-8")
    return create_job(journal, account, dict(target or {"campaign": "CA1"}), StubValidation(records), source,
                      {"phone": 0}, policy, "VN")


def with_phone(rec: RowRecord, phone: str) -> RowRecord:
    return replace(rec, phone=phone)


@dataclass
class Parts:
    """The engine's collaborators wired by hand around one job, for their unit tests (no UploadEngine)."""

    journal: Journal
    job: str
    provider: FakeProvider
    time: FakeTime
    recorder: Recorder
    control: RunControl
    source: BatchSource
    pacer: Pacer
    sender: Sender

    def pending(self) -> int:
        return self.journal.outcome_counts(self.job).get("pending", 0)


def wire_parts(tmp_path: Path, journal: Journal, provider: FakeProvider, records: list[RowRecord], *,
               size: int = 10, pacing: float = 0.0, offload: bool = False, **sender_kw: Any) -> Parts:
    """A job of ``records`` and the collaborators UploadEngine would wire for it (fake time, real journal)."""
    assert provider.time is not None
    t = provider.time
    job = new_job(tmp_path, journal, records)
    recorder = Recorder(journal, job, offload=offload)
    recorder.counts = dict(journal.outcome_counts(job))
    control = RunControl(t.sleep, settle=recorder.flush)

    async def fetch(after: int, limit: int) -> list[UploadRow]:
        return await recorder.db(journal.pending_rows, job, after, limit)

    source = BatchSource(fetch, job, size)
    pacer = Pacer(pacing, clock=t.clock)
    sender = Sender(provider, {"campaign": "CA1"}, pacer=pacer, recorder=recorder, source=source, control=control,
                    clock=t.clock, rng=random.Random(7), **sender_kw)
    return Parts(journal, job, provider, t, recorder, control, source, pacer, sender)

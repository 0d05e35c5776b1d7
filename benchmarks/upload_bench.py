"""Upload benchmark: journaled engine vs a naive request loop against the sandbox (in another process).

Usage: python benchmarks/upload_bench.py [--rows 200000] [--pacing-rows N] [--journal-rows N]

Measures, for Stringee, SMS.by and Cellcast with pacing off: rows/s of the full engine (journal + HTTP +
provider client; unpaced, it keeps two batches in flight) and of a naive loop (the same client, one request
at a time, no journal), the CPU time of the engine's process and of the sandbox's, and where the
engine's time goes: "http" (the provider client's upload_batch: encoding, the request, the sandbox, mapping
the answer), "journal" (the commits on the critical path: a batch's result + the next batch's "sending",
one transaction each), "other" (wall - http - journal: the engine's own work, including "reads", the
pages of pending rows read from the journal, also shown on their own). Also what one fsync'd commit costs here
(synchronous=FULL vs OFF on the same disk). Then Stringee with its default pacing (0.2 s): wall time
against the pacing minimum (batches - 1) × 0.2 s. The sandbox runs in its own process. Ends with one
JSON line (with the load average before and after).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from campaign_gui.domain.models import Account, ProviderId, UploadRow  # noqa: E402
from campaign_gui.providers import make_provider  # noqa: E402
from campaign_gui.reading.types import InvalidPolicy, RowRecord, RowStatus  # noqa: E402
from campaign_gui.sandbox.control import SandboxControl  # noqa: E402
from campaign_gui.upload.engine import UploadEngine  # noqa: E402
from campaign_gui.upload.jobs import create_job  # noqa: E402
from campaign_gui.upload.journal import Journal  # noqa: E402

PHONES: dict[str, Callable[[int], str]] = {
    "stringee": lambda i: f"+849{10000000 + i:08d}",
    "smsby": lambda i: f"+37529{1000000 + i:07d}",
    "cellcast": lambda i: f"+61400{i:06d}",
}
TARGETS: dict[str, dict[str, Any]] = {"stringee": {"campaign": "CA100003"}, "smsby": {"list": "101"},
                                      "cellcast": {"list": ["Bench"]}}
BUDGET_ROWS_PER_S = 50_000
JOURNAL_WRITES = ("begin_batch", "resolve_batch", "write_resolution", "mark_batch")
PACING_TOLERANCE = 0.10


class Rows:
    """A stand-in ValidationResult of ``n`` valid rows (what importer.validate would give)."""

    def __init__(self, provider: str, n: int) -> None:
        self.provider, self.n = provider, n

    def records(self) -> Iterator[RowRecord]:
        phone = PHONES[self.provider]
        for i in range(self.n):
            p = phone(i)
            yield RowRecord(i + 2, RowStatus.VALID, p, p, f"Name {i}")

    def upload_rows(self, policy: InvalidPolicy) -> Iterator[UploadRow]:
        phone = PHONES[self.provider]
        for i in range(self.n):
            yield UploadRow(i + 2, phone(i), f"Name {i}")


class Sandbox:
    """``campaign-gui sandbox`` in a child process (the engine and the server do not share a GIL)."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "campaign_gui", "sandbox", "--port", "0"],
                                     stdout=subprocess.PIPE, text=True, cwd=ROOT)
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if "listening on" not in line:
            self.proc.kill()
            raise SystemExit(f"sandbox did not start: {line!r}")
        self.base_url = line.rsplit(" ", 1)[1].strip()
        self.control = SandboxControl(self.base_url)
        self.accounts = {a: self._account(a) for a in PHONES}

    def _account(self, provider: str) -> tuple[Account, str]:
        from campaign_gui.sandbox.server import DEMO_ACCOUNTS

        demo = next(d for d in DEMO_ACCOUNTS if d["provider"] == provider)
        account = Account(id=f"bench-{provider}", provider=ProviderId(provider), name=provider,
                          base_url=f"{self.base_url}/{provider}", fields=dict(demo["fields"]))
        return account, str(demo["secret"])

    def cpu_seconds(self) -> float:
        """CPU time the sandbox process has used so far (user + system)."""
        import psutil

        times = psutil.Process(self.proc.pid).cpu_times()
        return float(times.user + times.system)

    def close(self) -> None:
        self.control.close()
        self.proc.terminate()
        self.proc.wait(10)


class Timed:
    """Wraps callables to add up the time spent in them."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        if asyncio.iscoroutinefunction(fn):
            @functools.wraps(fn)
            async def awrapped(*a: Any, **kw: Any) -> Any:
                t0 = time.perf_counter()
                try:
                    return await fn(*a, **kw)
                finally:
                    self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - t0
            return awrapped

        @functools.wraps(fn)
        def wrapped(*a: Any, **kw: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - t0
        return wrapped


def new_job(journal: Journal, sandbox: Sandbox, provider: str, n: int, work: Path) -> tuple[str, float]:
    account, _ = sandbox.accounts[provider]
    src = work / f"{provider}-{n}.csv"
    src.write_text(f"bench {provider} {n}\n", encoding="utf-8")
    t0 = time.perf_counter()
    job = create_job(journal, account, TARGETS[provider], Rows(provider, n), src, {"phone": 0}, InvalidPolicy.DROP,
                     "VN")
    return job, time.perf_counter() - t0


async def engine_run(journal: Journal, sandbox: Sandbox, provider: str, job: str, *, pacing: float) -> dict[str, Any]:
    account, secret = sandbox.accounts[provider]
    client = make_provider(account, secret)
    timed = Timed()
    client.upload_batch = timed.wrap("http", client.upload_batch)  # type: ignore[method-assign]
    for name in JOURNAL_WRITES:
        setattr(journal, name, timed.wrap("journal", getattr(journal, name)))
    journal.pending_rows = timed.wrap("reads", journal.pending_rows)  # type: ignore[method-assign]
    t0 = time.perf_counter()
    summary = await UploadEngine(client, journal, job, pacing=pacing).run()
    wall = time.perf_counter() - t0
    await client.aclose()
    for name in (*JOURNAL_WRITES, "pending_rows"):
        delattr(journal, name)
    assert summary.state == "done" and summary.pending == 0, summary
    return {"wall": wall, "sent": summary.sent, "added": summary.added, "http": timed.seconds.get("http", 0.0),
            "journal": timed.seconds.get("journal", 0.0), "reads": timed.seconds.get("reads", 0.0)}


async def naive_run(sandbox: Sandbox, provider: str, n: int, offset: int) -> float:
    """The baseline: the same client, one request per batch, no journal, no pacing."""
    account, secret = sandbox.accounts[provider]
    client = make_provider(account, secret)
    limit = client.info.batch_limit
    phone = PHONES[provider]
    rows = [UploadRow(i + 2, phone(offset + i), f"Name {i}") for i in range(n)]
    t0 = time.perf_counter()
    for start in range(0, n, limit):
        await client.upload_batch(TARGETS[provider], rows[start:start + limit], batch_key=f"naive-{start}")
    wall = time.perf_counter() - t0
    await client.aclose()
    return wall


class InstantProvider:
    """An in-process provider that answers at once: measures the engine + journal alone (no HTTP)."""

    def __init__(self, info: Any) -> None:
        self.info = info

    async def upload_batch(self, target: Any, rows: Any, *, batch_key: str) -> Any:
        from campaign_gui.domain.models import BatchResult, RowOutcome, RowResult

        return BatchResult(rows=[RowResult(r.index, RowOutcome.ADDED) for r in rows])

    async def aclose(self) -> None:
        return None


async def engine_only(journal: Journal, sandbox: Sandbox, n: int, work: Path) -> float:
    from campaign_gui.providers import provider_info

    job, _ = new_job(journal, sandbox, "stringee", n, work)
    t0 = time.perf_counter()
    summary = await UploadEngine(InstantProvider(provider_info("stringee")), journal, job, pacing=0.0).run()  # type: ignore[arg-type]
    assert summary.added == n
    return time.perf_counter() - t0


def validation_result(n: int) -> Any:
    """A real ValidationResult of ``n`` rows (as validation leaves it: columns), ~3 % invalid and ~1 % duplicate."""
    from campaign_gui.reading.result import INVALID, VALID, ColumnStore, ValidationResult
    from campaign_gui.reading.types import ColumnMapping

    store = ColumnStore()
    phones = [f"+849{10000000 + i:08d}" for i in range(n)]
    bad = range(0, n, 33)
    for i in range(7, n, 97):
        phones[i] = phones[i - 5]  # a duplicate
    store.row_no.extend(range(2, n + 2))
    store.status.extend([VALID] * n)
    store.reason.extend([0] * n)
    store.message.extend([0] * n)
    reason, message = store.reasons.code("too_short"), store.messages.code("Too few digits for a phone number.")
    for i in bad:
        store.status[i], store.reason[i], store.message[i] = INVALID, reason, message
        phones[i] = ""
    store.e164.extend(phones)
    store.original.extend(p[3:] if p else "12345" for p in phones)
    store.name.extend(f"Nguyễn Văn {i}" for i in range(n))
    store.email.extend(f"user{i}@example.vn" if i % 3 else "" for i in range(n))
    return ValidationResult(store, sheet="Contacts", header_row=1, columns=["Phone", "Name", "Email"],
                            mapping=ColumnMapping(fields={"phone": 0, "name": 1, "email": 2}), region="VN", blank=0)


def journal_insert(n: int, work: Path) -> float:
    """create_job of a real ValidationResult of ``n`` rows, as the window and the CLI journal a job."""
    journal = Journal.open(work / "insert")
    src = work / "insert.csv"
    src.write_text("x", encoding="utf-8")
    account = Account(id="x", provider=ProviderId.STRINGEE, name="x", base_url="http://127.0.0.1:1")
    validation = validation_result(n)
    t0 = time.perf_counter()
    create_job(journal, account, {"campaign": "CA1"}, validation, src, validation.mapping, InvalidPolicy.DROP, "VN")
    seconds = time.perf_counter() - t0
    journal.close()
    return seconds


def commit_cost(work: Path, commits: int = 200) -> dict[str, float]:
    """Milliseconds per small WAL commit (one batch row) with synchronous=FULL and OFF: the difference is fsync."""
    out: dict[str, float] = {}
    for mode in ("FULL", "OFF"):
        db = sqlite3.connect(str(work / f"commit-{mode}.sqlite3"), isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute(f"PRAGMA synchronous={mode}")
        db.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)")
        t0 = time.perf_counter()
        for i in range(commits):
            db.execute("BEGIN IMMEDIATE")
            db.execute("INSERT INTO t VALUES (?, ?)", (i, "x" * 200))
            db.execute("COMMIT")
        out[mode] = (time.perf_counter() - t0) / commits * 1000
        db.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--pacing-rows", type=int, help="rows for the paced Stringee run (default: --rows)")
    parser.add_argument("--journal-rows", type=int, default=1_000_000, help="rows for the journal insert test")
    parser.add_argument("--providers", default="stringee,smsby,cellcast")
    args = parser.parse_args()
    figures: dict[str, Any] = {"rows": args.rows, "cpus": os.cpu_count(),
                               "load_before": [round(x, 2) for x in os.getloadavg()]}
    sandbox = Sandbox()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            seconds = journal_insert(args.journal_rows, work)
            figures["journal_insert_rows"] = args.journal_rows
            figures["journal_insert_rows_per_s"] = round(args.journal_rows / seconds)
            print(f"journal: {args.journal_rows:,} rows journaled (create_job) in {seconds:.2f} s "
                  f"= {args.journal_rows / seconds:,.0f} rows/s")
            cost = commit_cost(work)
            figures["commit_ms"] = {"full": round(cost["FULL"], 3), "off": round(cost["OFF"], 3),
                                    "fsync": round(cost["FULL"] - cost["OFF"], 3)}
            print(f"one WAL commit: {cost['FULL']:.2f} ms with synchronous=FULL, {cost['OFF']:.2f} ms with OFF "
                  f"(fsync ≈ {cost['FULL'] - cost['OFF']:.2f} ms per commit; the engine commits once per batch)")
            journal = Journal.open(work / "data")
            alone = asyncio.run(engine_only(journal, sandbox, args.rows, work))
            figures["engine_only_rows_per_s"] = round(args.rows / alone)
            print(f"engine + journal alone (instant in-process provider): {args.rows / alone:,.0f} rows/s "
                  f"({alone:.2f} s)")
            for provider in args.providers.split(","):
                sandbox.control.reset()
                job, setup = new_job(journal, sandbox, provider, args.rows, work)
                cpu0, server0 = time.process_time(), sandbox.cpu_seconds()
                result = asyncio.run(engine_run(journal, sandbox, provider, job, pacing=0.0))
                cpu, server = time.process_time() - cpu0, sandbox.cpu_seconds() - server0
                sandbox.control.reset()
                naive = asyncio.run(naive_run(sandbox, provider, args.rows, 0))
                rate, naive_rate = result["sent"] / result["wall"], args.rows / naive
                other = result["wall"] - result["http"] - result["journal"]
                figures[provider] = {
                    "engine_rows_per_s": round(rate), "naive_rows_per_s": round(naive_rate),
                    "engine_seconds": round(result["wall"], 3), "naive_seconds": round(naive, 3),
                    "overhead_ratio": round(result["wall"] / naive, 3), "job_setup_seconds": round(setup, 3),
                    "http_seconds": round(result["http"], 3), "journal_seconds": round(result["journal"], 3),
                    "reads_seconds": round(result["reads"], 3), "other_seconds": round(other, 3),
                    "engine_cpu_seconds": round(cpu, 3), "sandbox_cpu_seconds": round(server, 3),
                    "budget_met": rate >= BUDGET_ROWS_PER_S}
                print(f"{provider:<9} engine {rate:>9,.0f} rows/s ({result['wall']:.2f} s: http {result['http']:.2f}"
                      f" s, journal {result['journal']:.2f} s, other {other:.2f} s incl. reads {result['reads']:.2f} s)"
                      f" | naive loop {naive_rate:>9,.0f} "
                      f"rows/s ({naive:.2f} s) | engine/naive time {result['wall'] / naive:.2f} | "
                      f"budget ≥ {BUDGET_ROWS_PER_S:,}: {'met' if rate >= BUDGET_ROWS_PER_S else 'NOT met'}")
                print(f"{'':<9} CPU: engine process {cpu:.2f} s, sandbox process {server:.2f} s (two batches in "
                      f"flight: the busier process sets the pace)")
            paced_rows = args.pacing_rows or args.rows
            sandbox.control.reset()
            job, _ = new_job(journal, sandbox, "stringee", paced_rows, work)
            paced = asyncio.run(engine_run(journal, sandbox, "stringee", job, pacing=0.2))
            batches = -(-paced_rows // 1000)
            minimum = (batches - 1) * 0.2
            over = paced["wall"] / minimum - 1 if minimum else 0.0
            figures["stringee_paced"] = {"rows": paced_rows, "batches": batches, "pacing": 0.2,
                                         "wall_seconds": round(paced["wall"], 3), "minimum_seconds": round(minimum, 3),
                                         "over_minimum": round(over, 4), "budget_met": over <= PACING_TOLERANCE}
            print(f"stringee paced 0.2 s: {paced_rows:,} rows in {batches} batches, {paced['wall']:.2f} s vs minimum "
                  f"{minimum:.2f} s (+{over * 100:.1f} %, budget ≤ {PACING_TOLERANCE * 100:.0f} %: "
                  f"{'met' if over <= PACING_TOLERANCE else 'NOT met'})")
            journal.close()
    finally:
        sandbox.close()
    figures["load_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(figures))


if __name__ == "__main__":
    main()

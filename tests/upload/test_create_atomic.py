"""Creating a job is all or nothing: a real `campaign-gui import` killed inside job creation, a full disk, a
half job from before; then resume or import again, the sandbox ledger proving every valid phone once."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from cli_support import add_account, e164, run_cli, run_process, vn_phones, write_csv

from campaign_gui.upload import journal as journal_module
from campaign_gui.upload.journal import CHUNK, Journal
from campaign_gui.upload.journal_schema import CREATING

CRASH = "CAMPAIGN_GUI_TEST_CRASH_AFTER"
KILLED = (-9, 137)
ROWS = 2 * CHUNK + 5000  # three chunks of rows: kills after the first and the second land mid-creation


def _import(data: Path, src: Path, name: str, secret: str, crash: str = "") -> Any:
    return run_process(["--data-dir", str(data), "import", str(src), "--account", name, "--target",
                        "campaign=CA100003", "--pacing", "0", "--json", "--secret-stdin"], stdin=secret,
                       env={CRASH: crash}, timeout=300)


def _all_jobs(data: Path) -> list[Any]:
    with Journal.open(data, read_only=True) as journal:
        return journal.list_jobs(include_creating=True)


def _listed(data: Path) -> list[dict[str, Any]]:
    done = run_process(["--data-dir", str(data), "jobs", "list", "--json"])
    assert done.returncode == 0, done.stderr
    return list(json.loads(done.stdout)["jobs"])


def _done_once(sandbox: Any, result: Any, phones: list[str]) -> None:
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["state"] == "done" and out["rows"] == len(phones) and out["sent"] == len(phones)
    assert out["added"] == len(phones)
    ledger = sandbox.control.ledger("stringee")
    assert set(ledger) == e164(phones)
    assert all(n == 1 for n in ledger.values())


@pytest.fixture
def setup(sandbox: Any, tmp_path: Path) -> tuple[Path, Path, str, str, list[str]]:
    data = tmp_path / "data"
    name = add_account(sandbox, data, "stringee")
    phones = vn_phones(ROWS)
    return data, write_csv(tmp_path / "in.csv", phones), name, sandbox.secret("stringee"), phones


@pytest.mark.parametrize("point", ["job", "rows:1", "rows:2", "totals"])
def test_kill_inside_creation_leaves_no_job_then_import_again(sandbox: Any, setup: Any, point: str) -> None:
    data, src, name, secret, phones = setup
    killed = _import(data, src, name, secret, crash=f"create:{point}")
    assert killed.returncode in KILLED, killed.stderr
    assert sandbox.control.requests("stringee")["count"] == 0
    half = _all_jobs(data)
    assert [j.state for j in half] == [CREATING]  # on disk, but never visible ...
    assert _listed(data) == []
    shown = run_process(["--data-dir", str(data), "jobs", "show", half[0].id, "--json"])
    assert shown.returncode == 2 and "No import job" in shown.stderr
    # ... and never resumed: resume removes it and says to start again, sending nothing
    resumed = run_process(["--data-dir", str(data), "jobs", "resume", half[0].id, "--json", "--secret-stdin"],
                          stdin=secret)
    assert resumed.returncode == 2, resumed.stderr
    assert "while it was being created" in resumed.stderr and "Start the import again" in resumed.stderr
    assert "Traceback" not in resumed.stderr
    assert _all_jobs(data) == []
    with Journal.open(data, read_only=True) as journal:
        assert journal.row_count(half[0].id) == 0
    assert sandbox.control.requests("stringee")["count"] == 0
    _done_once(sandbox, _import(data, src, name, secret), phones)
    assert [j["state"] for j in _listed(data)] == ["done"]


def test_kill_right_after_creation_resumes_to_done(sandbox: Any, setup: Any) -> None:
    data, src, name, secret, phones = setup
    killed = _import(data, src, name, secret, crash="create:done")
    assert killed.returncode in KILLED, killed.stderr
    listed = _listed(data)
    assert [(j["state"], j["rows"], j["pending"]) for j in listed] == [("pending", ROWS, ROWS)]
    resumed = run_process(["--data-dir", str(data), "jobs", "resume", listed[0]["job_id"], "--json",
                           "--secret-stdin"], stdin=secret, timeout=300)
    _done_once(sandbox, resumed, phones)


def test_a_creation_left_by_a_crash_is_removed_at_start(sandbox: Any, setup: Any) -> None:
    """The next command that opens the journal for writing (here an import of another file) removes it."""
    data, src, name, secret, phones = setup
    assert _import(data, src, name, secret, crash="create:rows:1").returncode in KILLED
    assert len(_all_jobs(data)) == 1
    _done_once(sandbox, _import(data, src, name, secret), phones)
    assert [j.state for j in _all_jobs(data)] == ["done"]


def test_a_half_job_from_before_is_refused_not_done(sandbox: Any, setup: Any) -> None:
    """A job journaled by the old, chunk-committed creation and killed half-way (pending, its totals never
    written): resume refuses it with the counts instead of finishing it 'done' with rows missing."""
    data, src, name, secret, phones = setup
    assert _import(data, src, name, secret, crash="create:rows:1").returncode in KILLED
    with Journal.open(data) as journal:  # what the old code left: the same rows, the job already 'pending'
        job = journal.list_jobs(include_creating=True)[0].id
        journal._write([("UPDATE jobs SET state='pending' WHERE id=?", (job,))])
    assert [j["job_id"] for j in _listed(data)] == [job]
    resumed = run_process(["--data-dir", str(data), "jobs", "resume", job, "--json", "--secret-stdin"],
                          stdin=secret)
    assert resumed.returncode == 2, resumed.stderr
    assert "is incomplete" in resumed.stderr and f"holds {CHUNK:,} rows, the job counts 0" in resumed.stderr
    assert sandbox.control.requests("stringee")["count"] == 0
    shown = json.loads(run_process(["--data-dir", str(data), "jobs", "show", job, "--json"]).stdout)
    assert shown["state"] == "pending" and shown["sent"] == 0  # not turned into 'done'


def test_full_disk_during_creation_leaves_no_job(sandbox: Any, setup: Any, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """SQLITE_FULL (the database's page limit, as a full disk gives it) after the job row and some rows."""
    data, src, name, secret, phones = setup
    real_init = Journal.__init__

    def small_disk(self: Journal, path: Path, *, read_only: bool = False, max_page_count: int | None = None) -> None:
        real_init(self, path, read_only=read_only, max_page_count=None if read_only else 400)

    monkeypatch.setattr(journal_module.Journal, "__init__", small_disk)
    code, _, err = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "import", str(src), "--account", name,
                                                 "--target", "campaign=CA100003", "--pacing", "0", "--json",
                                                 "--secret-stdin"], stdin=secret)
    assert code == 3, err
    assert "disk is full" in err and "nothing was sent" in err and "start the import again" in err
    assert "Traceback" not in err
    monkeypatch.setattr(journal_module.Journal, "__init__", real_init)
    assert _all_jobs(data) == []  # no half job, not even a hidden one
    assert sandbox.control.requests("stringee")["count"] == 0
    _done_once(sandbox, _import(data, src, name, secret), phones)

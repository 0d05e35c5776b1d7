"""A killed import must not resume onto a changed source file, header or mapping: refuse, never mix."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cli_support import add_account, run_cli, run_process, write_csv

from campaign_gui.domain.errors import ImportInputError
from campaign_gui.upload.jobs import MAPPING_CHANGED, SOURCE_CHANGED, resume_job
from campaign_gui.upload.journal import Journal

CRASH = "CAMPAIGN_GUI_TEST_CRASH_AFTER"
PHONES = [f"+37529{1000000 + i}" for i in range(1500)]  # three SMS.by batches of 500


def _killed_job(sandbox: Any, tmp_path: Path) -> tuple[Path, Path, str]:
    """An SMS.by import SIGKILLed right after its second request: (data dir, source file, job id)."""
    data = tmp_path / "data"
    name = add_account(sandbox, data, "smsby")
    src = write_csv(tmp_path / "in.csv", PHONES)
    killed = run_process(["--data-dir", str(data), "import", str(src), "--account", name, "--target", "list=102",
                          "--json", "--secret-stdin"], stdin=sandbox.secret("smsby"),
                         env={CRASH: "sent:2", "CAMPAIGN_GUI_LANES": "1"})  # one batch in flight: exactly 2 sent
    assert killed.returncode in (-9, 137), killed.stderr
    listed = run_process(["--data-dir", str(data), "jobs", "list", "--json"])
    jobs = json.loads(listed.stdout)["jobs"]
    assert len(jobs) == 1 and jobs[0]["state"] == "running"  # as the kill left it
    return data, src, str(jobs[0]["job_id"])


def _resume(data: Path, job: str, sandbox: Any, monkeypatch: pytest.MonkeyPatch,
            capsys: pytest.CaptureFixture[str]) -> tuple[int, Any, str]:
    return run_cli(monkeypatch, capsys, ["--data-dir", str(data), "jobs", "resume", job, "--secret-stdin", "--json"],
                   stdin=sandbox.secret("smsby"))


@pytest.mark.parametrize("change", ["same_size_edit", "header_renamed", "row_appended"])
def test_resume_after_source_changed_is_refused(sandbox: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str], change: str) -> None:
    data, src, job = _killed_job(sandbox, tmp_path)
    original = src.read_bytes()
    before = sandbox.control.requests("smsby")["count"]
    if change == "same_size_edit":  # same size, one digit different: only the SHA-256 can tell
        edited = original.replace(b"+375291001499", b"+375291001498")
        assert len(edited) == len(original) and edited != original
    elif change == "header_renamed":  # a different header: the mapping would read other columns
        edited = original.replace(b"phone,name", b"name,phone", 1)
    else:
        edited = original + b'+375291009999,"late"\n'
    src.write_bytes(edited)
    code, _, err = _resume(data, job, sandbox, monkeypatch, capsys)
    assert code == 2 and SOURCE_CHANGED in err
    assert sandbox.control.requests("smsby")["count"] == before  # nothing was sent
    journal = Journal.open(data, read_only=True)
    record = journal.get_job(job)
    assert record.state == "interrupted"  # recovered from the kill, nothing more
    assert record.counts["added"] == 500 and record.counts["pending"] == 1000  # batch 2's answer was lost
    journal.close()
    src.write_bytes(original)  # the very same bytes again (new mtime): the resume is accepted
    code, out, err = _resume(data, job, sandbox, monkeypatch, capsys)
    assert code == 0, err
    assert out["state"] == "done" and out["sent"] == 1500 and out["failed"] == 0
    ledger = sandbox.control.ledger("smsby")
    assert set(ledger) == set(PHONES) and set(ledger.values()) == {1}


def test_resume_with_a_different_mapping_is_refused(sandbox: Any, tmp_path: Path) -> None:
    """The GUI re-opening a job passes its settings: any change of mapping, sheet, header row or policy
    is refused with kind ``mapping_changed``; the journalled settings themselves are accepted."""
    data, _src, job = _killed_job(sandbox, tmp_path)
    journal = Journal.open(data)
    try:
        record = journal.get_job(job)
        assert record is not None and record.mapping
        same = {"mapping": dict(record.mapping), "sheet": record.sheet, "header_row": record.header_row}
        assert resume_job(journal, job, **same).id == job
        # Only what the caller passes can differ: the job's own mapping alone is accepted too.
        assert resume_job(journal, job, mapping=dict(record.mapping)).id == job
        fields = dict(record.mapping["fields"])
        assert set(fields) >= {"phone", "name"}
        swapped = {"fields": {**fields, "phone": fields["name"], "name": fields["phone"]}}
        changes: list[dict[str, Any]] = [
            {**same, "mapping": swapped},
            {**same, "mapping": {"fields": {"phone": fields["phone"]}}},  # a column dropped
            {**same, "sheet": "Sheet2"},
            {**same, "header_row": (record.header_row or 0) + 1},
            {**same, "policy": "include" if record.policy != "include" else "drop"},
        ]
        for settings in changes:
            with pytest.raises(ImportInputError) as info:
                resume_job(journal, job, **settings)
            assert info.value.kind == "mapping_changed" and info.value.message == MAPPING_CHANGED, settings
        assert journal.get_job(job).state == "running"
    finally:
        journal.close()
    # only the two uploads before the kill (the import also read the mailing lists once: the target check)
    uploads = sandbox.control.requests("smsby")["by_path"]
    assert sum(n for path, n in uploads.items() if "importContacts" in path) == 2
    assert sandbox.control.requests("smsby")["count"] == 3

"""Local data on the command line: report files that are never clobbered, devices, pipes and links refused, a
full disk, private files, FIFO and folder inputs, damaged data files and a --data-dir that is a file."""

from __future__ import annotations

import errno
import os
import stat
import zipfile
from pathlib import Path
from typing import Any

import pytest
from cli_support import add_account, run_cli, run_process, write_csv
from openpyxl import load_workbook

from campaign_gui.upload.journal import Journal

POSIX = os.name == "posix"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def job(sandbox: Any, data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> str:
    """A finished SMS.by import of 12 rows, two of them invalid (so the report has rows)."""
    name = add_account(sandbox, data, "smsby")
    phones = [f"+37529{1000000 + i}" for i in range(10)] + ["12", "abc"]
    code, out, err = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "import",
                                                   str(write_csv(tmp_path / "in.csv", phones)), "--account", name,
                                                   "--target", "list=101", "--secret-stdin", "--json"],
                             stdin=sandbox.secret("smsby"))
    assert code == 0, err
    return str(out["job_id"])


def _report(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data: Path, job: str, out: Path,
            *extra: str) -> tuple[int, str]:
    code, _, err = run_cli(monkeypatch, capsys, ["--data-dir", str(data), "jobs", "report", job, "--out", str(out),
                                                 *extra])
    assert "Traceback" not in err
    return code, err


def test_report_never_replaces_a_file_unless_forced(data: Path, job: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "mine.xlsx"
    out.write_bytes(b"the user's own work")
    code, err = _report(monkeypatch, capsys, data, job, out)
    assert code == 2 and "already exists" in err and "--force" in err
    assert out.read_bytes() == b"the user's own work"
    code, err = _report(monkeypatch, capsys, data, job, out, "--force")
    assert code == 0, err
    assert load_workbook(out, read_only=True).sheetnames == ["Not added", "Summary"]
    if POSIX:
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temp file left


@pytest.mark.parametrize("kind", ["device", "fifo", "symlink", "folder"])
def test_report_refuses_devices_pipes_links_and_folders(data: Path, job: str, tmp_path: Path, kind: str,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    victim = tmp_path / "victim.xlsx"
    victim.write_bytes(b"keep me")
    if kind == "device":
        out = Path("/dev/full")
    elif kind == "fifo":
        out = tmp_path / "pipe.xlsx"
        os.mkfifo(out)
    elif kind == "symlink":
        out = tmp_path / "link.xlsx"
        out.symlink_to(victim)
    else:
        out = tmp_path / "folder.xlsx"
        out.mkdir()
    before = os.lstat(out)
    code, err = _report(monkeypatch, capsys, data, job, out, "--force")
    assert code == 2, err
    assert {"device": "not a regular file", "fifo": "not a regular file", "symlink": "symbolic link",
            "folder": "is a folder"}[kind] in err
    after = os.lstat(out)
    assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)  # still the same device/pipe/link
    assert victim.read_bytes() == b"keep me"


def test_report_on_a_full_disk_leaves_nothing(data: Path, job: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """ENOSPC after part of the workbook was written: a clear message, no partial file, no traceback."""
    real = zipfile.ZipFile.writestr
    calls = {"n": 0}

    def filling(self: zipfile.ZipFile, *args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", filling)
    out = tmp_path / "reports" / "r.xlsx"
    code, err = _report(monkeypatch, capsys, data, job, out)
    assert calls["n"] > 2  # it failed part-way, after writing
    assert code == 3 and "disk is full" in err and "Free some space" in err
    assert not out.exists() and list(out.parent.iterdir()) == []


def test_data_files_are_private(data: Path, job: str) -> None:
    if not POSIX:
        return
    from campaign_gui.services.diagnostics import setup_logging

    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    for name in ("journal.sqlite3", "accounts.json", f"reports/{job}.xlsx"):
        assert stat.S_IMODE((data / name).stat().st_mode) == 0o600, name
    with Journal.open(data) as journal:  # the WAL and shared-memory files exist while it is open
        journal.recover()
        for name in ("journal.sqlite3-wal", "journal.sqlite3-shm"):
            assert stat.S_IMODE((data / name).stat().st_mode) == 0o600, name
    assert stat.S_IMODE((data / "reports").stat().st_mode) == 0o700
    log = setup_logging(data)
    import logging

    logging.getLogger("campaign_gui.test").warning("a line")
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert stat.S_IMODE(log.parent.stat().st_mode) == 0o700
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "baseFilename", None) == str(log):
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_an_open_data_dir_is_made_private(tmp_path: Path) -> None:
    if not POSIX:
        return
    data = tmp_path / "wide"
    data.mkdir(mode=0o755)
    data.chmod(0o755)
    done = run_process(["--data-dir", str(data), "jobs", "list"])
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(data.stat().st_mode) == 0o700


def test_fifo_and_folder_inputs_get_their_own_message_at_once(sandbox: Any, data: Path, tmp_path: Path) -> None:
    name = add_account(sandbox, data, "smsby")
    fifo = tmp_path / "contacts.csv"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    for path, said in ((fifo, "is a pipe (FIFO), not a file"), (folder, "is a folder, not a file")):
        for args in (["validate", str(path)],
                     ["import", str(path), "--account", name, "--target", "list=101", "--secret-stdin"]):
            done = run_process(["--data-dir", str(data), *args], stdin=sandbox.secret("smsby"), timeout=30)
            assert done.returncode == 2, (args, done.stderr)
            assert said in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert sandbox.control.requests("smsby")["count"] == 0


@pytest.mark.parametrize("which", ["accounts", "journal"])
def test_a_damaged_data_file_exits_2_naming_it(sandbox: Any, data: Path, tmp_path: Path, which: str) -> None:
    name = add_account(sandbox, data, "smsby")
    src = write_csv(tmp_path / "in.csv", ["+375291000000"])
    damaged = data / ("accounts.json" if which == "accounts" else "journal.sqlite3")
    damaged.write_bytes(b"\x00garbage, not what it should be" * 40)
    commands = [["jobs", "list"], ["jobs", "show", "abc"], ["jobs", "resume", "abc", "--secret-stdin"],
                ["import", str(src), "--account", name, "--target", "list=101", "--secret-stdin"]]
    if which == "accounts":
        commands += [["accounts", "list"], ["accounts", "remove", name]]
        commands = [c for c in commands if c[0] != "jobs"]
    for args in commands:
        done = run_process(["--data-dir", str(data), *args], stdin=sandbox.secret("smsby"))
        assert done.returncode == 2, (args, done.returncode, done.stderr)
        assert str(damaged) in done.stderr and "damaged" in done.stderr, (args, done.stderr)
        assert ("move it away" in done.stderr if which == "accounts" else "Move it" in done.stderr), done.stderr
        assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    assert sandbox.control.requests("smsby")["count"] == 0


def test_data_dir_naming_a_file(tmp_path: Path) -> None:
    not_a_dir = tmp_path / "data.txt"
    not_a_dir.write_text("hello", encoding="utf-8")
    for args in (["jobs", "list"], ["jobs", "resume", "abc"], ["accounts", "list"],
                 ["import", str(not_a_dir), "--account", "x", "--target", "list=1"]):
        done = run_process(["--data-dir", str(not_a_dir), *args])
        assert done.returncode == 2, (args, done.stderr)
        assert f"The data directory {not_a_dir} is a file, not a folder" in done.stderr
        assert "Traceback" not in done.stderr
    assert not_a_dir.read_text(encoding="utf-8") == "hello"

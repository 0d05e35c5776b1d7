"""Part files of a process killed mid-validation (kill -9) are removed by the next one; a live process's
never are (importer.scratch)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
import xlsxwriter
from sheet_files import leftovers

from campaign_gui.reading import scratch

ROOT = Path(__file__).resolve().parents[2]

HOLDER = """
import sys, tempfile, time
tempfile.tempdir = sys.argv[1]
from campaign_gui.reading.scratch import scratch_dir
folder = scratch_dir()
with open(folder + "/part.xlsx", "wb") as fh:
    fh.write(b"x" * 4096)
print(folder, flush=True)
if sys.argv[2] == "wait":
    time.sleep(120)
"""

# A real validation of a sheet cut into parts, stopped once every part is written and none parsed yet:
# the moment a kill leaves the most behind.
VALIDATOR = """
import sys, tempfile, time
tempfile.tempdir = sys.argv[1]
from campaign_gui.reading import reader, xlsx_split
from campaign_gui.reading.validate import validate_file
reader.SPLIT_MIN = 1024
xlsx_split.PART_BYTES = 1024
xlsx_split.STRINGS_BIG = 1 << 40
xlsx_split._Part.load = lambda part, *args: time.sleep(120)
real_split = xlsx_split.split_package
def split(*args, **kw):
    cut = real_split(*args, **kw)
    print("split", flush=True)
    time.sleep(120)
xlsx_split.split_package = split
validate_file(sys.argv[2], workers=0, offload=False)
"""


def _start(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, cwd=ROOT)


def _kill(proc: subprocess.Popen[str]) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)


@pytest.fixture
def base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _scratch_folders(base: Path) -> list[Path]:
    return sorted(p for p in base.iterdir() if p.name.startswith(scratch.PREFIX))


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_live_owner_keeps_its_folder_a_killed_one_loses_it(base: Path) -> None:
    holder = _start(HOLDER, str(base), "wait")
    try:
        assert holder.stdout is not None
        folder = Path(holder.stdout.readline().strip())
        assert folder.parent == base and (folder / "part.xlsx").is_file()
        assert scratch.sweep(base) == 0 and (folder / "part.xlsx").is_file()  # its owner runs
        mine = Path(scratch.scratch_dir())  # this process's own, made after a sweep: the holder's is kept
        assert mine != folder and folder.is_dir()
    finally:
        _kill(holder)
    assert scratch.sweep(base) == 1 and not folder.exists()
    assert _scratch_folders(base) == [mine]  # never its own
    assert not leftovers(base)


def test_a_process_that_ends_normally_removes_its_folder(base: Path) -> None:
    proc = _start(HOLDER, str(base), "exit")
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0 and out.strip() and not Path(out.strip()).exists()
    assert not _scratch_folders(base)


def test_a_folder_without_its_lock_file_is_left_while_young(base: Path) -> None:
    folder = base / f"{scratch.PREFIX}999999-abc"
    folder.mkdir()
    (folder / "part.xlsx").write_bytes(b"x")
    assert scratch.sweep(base) == 0 and folder.is_dir()  # perhaps a process between mkdtemp and its lock
    old = time.time() - 2 * scratch.YOUNG_SECONDS
    os.utime(folder, (old, old))
    assert scratch.sweep(base) == 1 and not folder.exists()


def test_other_folders_are_never_touched(base: Path) -> None:
    other = base / "campaign-gui-data"
    other.mkdir()
    (other / "journal.sqlite3").write_bytes(b"x")
    (base / f"{scratch.PREFIX}file").write_bytes(b"not a folder")
    assert scratch.sweep(base) == 0
    assert (other / "journal.sqlite3").is_file() and (base / f"{scratch.PREFIX}file").is_file()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_parts_of_a_validation_killed_mid_split_go_with_the_next_one(base: Path, tmp_path: Path) -> None:
    book = tmp_path / "big.xlsx"
    wb = xlsxwriter.Workbook(str(book))
    ws = wb.add_worksheet("Big")
    ws.write_row(0, 0, ["Phone", "Name"])
    for r in range(1, 6001):
        ws.write_row(r, 0, [f"09{r:08d}", f"Tên {r}"])
    wb.close()
    proc = _start(VALIDATOR, str(base), str(book))
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "split"
        parts = [p for p in leftovers(base) if p.suffix == ".xlsx"]
        assert len(parts) >= 2 and sum(p.stat().st_size for p in parts) > 50_000  # the parts, on disk
    finally:
        _kill(proc)
    assert leftovers(base)  # what kill -9 leaves
    scratch.scratch_dir()  # the next validation's first part file
    assert not leftovers(base)

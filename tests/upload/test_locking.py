"""The data-directory lock: a second importer (another process) refuses with a clear message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from campaign_gui.upload.locking import DataDirLock, DataDirLocked

SCRIPT = """
import sys
from campaign_gui.upload.locking import DataDirLock, DataDirLocked
try:
    DataDirLock(sys.argv[1]).acquire()
except DataDirLocked as exc:
    print(exc.message)
    sys.exit(3)
print("acquired")
"""


def test_second_process_refuses_while_held(tmp_path: Path) -> None:
    with DataDirLock(tmp_path) as lock:
        assert lock.held
        out = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], capture_output=True, text=True,
                             timeout=30)
        assert out.returncode == 3
        assert "Another Campaign Manager" in out.stdout
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], capture_output=True, text=True, timeout=30)
    assert out.returncode == 0 and "acquired" in out.stdout


def test_same_process_second_handle_refuses(tmp_path: Path) -> None:
    first = DataDirLock(tmp_path)
    first.acquire()
    with pytest.raises(DataDirLocked):
        DataDirLock(tmp_path).acquire()
    first.release()
    DataDirLock(tmp_path).acquire()

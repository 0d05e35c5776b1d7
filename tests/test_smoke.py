"""The real ``python -m campaign_gui --smoke-test`` process: window, demo data, first paint, exit 0."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path


def test_smoke_test_process(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CAMPAIGN_GUI_DATA_DIR": ""}
    before = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "campaign_gui", "--smoke-test", "--data-dir", str(tmp_path)],
                            capture_output=True, text=True, timeout=90, env=env, check=False)
    lifetime = time.monotonic() - before
    assert result.returncode == 0, result.stderr[-2000:]
    match = re.search(r"^first paint: (\d+\.\d{3}) s$", result.stdout, re.MULTILINE)
    assert match, result.stdout
    assert 0 < float(match.group(1)) < 60
    # The figure counts from a clock read inside the process: never more than its whole life seen from outside.
    assert float(match.group(1)) < lifetime, (match.group(1), lifetime)
    log = (tmp_path / "logs" / "campaign-gui.log").read_text()
    assert "first paint" in log
    assert (tmp_path / "gui.ini").exists()  # the layout was saved
    assert "Traceback" not in result.stderr

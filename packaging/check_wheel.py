"""Packaging smoke check: build the wheel and verify it carries the code, resources and entry points."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = (
    "campaign_gui/__main__.py",
    "campaign_gui/app.py",
    "campaign_gui/sandbox/server.py",
    "campaign_gui/resources/icons/app.svg",
    "campaign_gui/resources/i18n/campaign_gui_vi.ts",
    "campaign_gui/resources/i18n/qtbase_vi.ts",
    "campaign_gui/py.typed",
)


def main() -> int:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
                        "-w", out, str(ROOT)], check=True)
        wheels = list(Path(out).glob("campaign_gui-*.whl"))
        if len(wheels) != 1:
            print(f"check_wheel: expected one wheel, found {wheels}", file=sys.stderr)
            return 1
        with zipfile.ZipFile(wheels[0]) as wheel:
            names = set(wheel.namelist())
            entry_points = next((wheel.read(n).decode() for n in names if n.endswith("entry_points.txt")), "")
        missing = [name for name in REQUIRED if name not in names]
        if missing:
            print(f"check_wheel: missing from the wheel: {missing}", file=sys.stderr)
            return 1
        for needle in ("[gui_scripts]", "campaign-gui = campaign_gui.__main__:main",
                       "[console_scripts]", "campaign-gui-cli = campaign_gui.cli:run"):
            if needle not in entry_points:
                print(f"check_wheel: entry point missing: {needle}", file=sys.stderr)
                return 1
        tests = [n for n in names if n.startswith("tests/")]
        if tests:
            print(f"check_wheel: tests leaked into the wheel: {tests[:3]}", file=sys.stderr)
            return 1
        print(f"check_wheel: {wheels[0].name} OK ({len(names)} files, {wheels[0].stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmark: the installed app's size and speed beside the development venv's, in the same run.

Prints the onedir's size and file count, the .deb's size and compression, and, interleaved run by run, the
frozen app's and the venv's first paint (as ``--smoke-test`` reports it, counted from a monotonic clock read
first thing in the entry point, and the whole process life measured from outside) and the wall time of
``validate`` on a small .xlsx. Budgets: onedir <= 140 MB, .deb <= 60 MB (zstd) or 45 MB (xz), frozen first
paint within 10 % of the venv's (medians). Ends with one JSON line. Needs ``make package`` first.

    .venv/bin/python benchmarks/package_bench.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONEDIR = ROOT / "dist" / "campaign-gui"
FROZEN = ONEDIR / "campaign-gui"
BUDGET_ONEDIR_MB = 140.0
BUDGET_DEB_MB = {"zstd": 60.0, "xz": 45.0}
BUDGET_PAINT_RATIO = 1.10


def tree_size(top: Path) -> tuple[int, int]:
    size = files = 0
    for path in top.rglob("*"):
        if path.is_file() and not path.is_symlink():
            size += path.stat().st_size
            files += 1
    return size, files


def deb_compression(deb: Path) -> str:
    members = subprocess.run(["ar", "t", str(deb)], capture_output=True, text=True, check=True).stdout.split()
    data = next((m for m in members if m.startswith("data.tar")), "data.tar")
    return {".zst": "zstd", ".xz": "xz", ".gz": "gzip"}.get(Path(data).suffix, "none")


def smoke(command: list[str], data: Path) -> tuple[float, float]:
    """(first paint as printed, the process's whole life measured from outside), seconds."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CAMPAIGN_GUI_DATA_DIR": ""}
    before = time.monotonic()
    result = subprocess.run([*command, "--smoke-test", "--data-dir", str(data)], capture_output=True, text=True,
                            env=env, timeout=120, check=False)
    life = time.monotonic() - before
    match = re.search(r"^first paint: (\d+\.\d+) s$", result.stdout, re.MULTILINE)
    if result.returncode != 0 or not match:
        raise SystemExit(f"{command[0]} --smoke-test failed: {result.stderr[-2000:]}")
    return float(match.group(1)), life


def validate(command: list[str], sheet: Path, data: Path) -> float:
    before = time.monotonic()
    result = subprocess.run([*command, "validate", str(sheet), "--data-dir", str(data), "--json"],
                            capture_output=True, text=True, timeout=120, check=False)
    took = time.monotonic() - before
    if result.returncode != 0:
        raise SystemExit(f"{command[0]} validate failed: {result.stderr[-2000:]}")
    return took


def make_sheet(path: Path, rows: int) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Khách hàng")
    sheet.write_row(0, 0, ["Họ và tên", "Số điện thoại"])
    for i in range(rows):
        sheet.write_row(i + 1, 0, [f"Khách {i}", f"09{i:08d}"])
    book.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="smoke tests and validations per build (interleaved)")
    parser.add_argument("--rows", type=int, default=200, help="rows in the small .xlsx")
    args = parser.parse_args(argv)
    if not FROZEN.exists():
        print("package_bench: dist/campaign-gui not built; run `make package` first (nothing measured)")
        return 0
    figures: dict[str, object] = {}
    size, files = tree_size(ONEDIR)
    figures.update(onedir_bytes=size, onedir_files=files)
    print(f"onedir: {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB), {files} files   budget <= {BUDGET_ONEDIR_MB:.0f} MB")
    ok = size / 1e6 <= BUDGET_ONEDIR_MB
    debs = sorted((ROOT / "dist").glob("campaign-gui_*_amd64.deb"))
    if debs:
        deb = debs[-1]
        kind = deb_compression(deb)
        budget = BUDGET_DEB_MB.get(kind, BUDGET_DEB_MB["zstd"])
        figures.update(deb_bytes=deb.stat().st_size, deb_compression=kind)
        print(f".deb: {deb.stat().st_size / 1e6:.1f} MB ({kind})   budget <= {budget:.0f} MB")
        ok = ok and deb.stat().st_size / 1e6 <= budget
    else:
        print(".deb: not built")

    venv = [sys.executable, "-m", "campaign_gui"]
    frozen = [str(FROZEN)]
    runs: dict[str, dict[str, list[float]]] = {name: {"paint": [], "life": [], "validate": []}
                                               for name in ("venv", "frozen")}
    with tempfile.TemporaryDirectory(prefix="campaign-gui-bench-") as tmp:
        sheet = Path(tmp) / "small.xlsx"
        make_sheet(sheet, args.rows)
        for name, command in (("venv", venv), ("frozen", frozen)):  # warm the page cache, not measured
            smoke(command, Path(tmp) / f"warm-{name}")
            validate(command, sheet, Path(tmp) / f"warm-{name}")
        for i in range(args.runs):
            for name, command in (("venv", venv), ("frozen", frozen)) if i % 2 == 0 else (("frozen", frozen),
                                                                                          ("venv", venv)):
                paint, life = smoke(command, Path(tmp) / f"{name}-{i}")
                runs[name]["paint"].append(paint)
                runs[name]["life"].append(life)
                runs[name]["validate"].append(validate(command, sheet, Path(tmp) / f"{name}-v{i}"))
    med = {name: {k: statistics.median(v) for k, v in values.items()} for name, values in runs.items()}
    for name in ("venv", "frozen"):
        m = med[name]
        print(f"{name:6}  first paint {m['paint']:.3f} s (process life {m['life']:.3f} s)   "
              f"validate {args.rows} rows {m['validate']:.3f} s   (medians of {args.runs})")
    ratio = med["frozen"]["paint"] / med["venv"]["paint"]
    print(f"frozen/venv first paint: {ratio:.2f}   budget <= {BUDGET_PAINT_RATIO:.2f}")
    ok = ok and ratio <= BUDGET_PAINT_RATIO
    figures.update(runs=args.runs, rows=args.rows, paint_ratio=round(ratio, 3),
                   **{f"{n}_{k}_s": round(v, 3) for n, m in med.items() for k, v in m.items()})
    print("budgets:", "met" if ok else "NOT met")
    print(json.dumps(figures))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

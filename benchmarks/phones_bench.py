"""Benchmark: normalize_many over realistic phone cells vs per-row phonenumbers parse + is_valid_number."""

from __future__ import annotations

import argparse
import json
import random
import sys
import time

import phonenumbers

from campaign_gui.domain.phones import normalize_column, normalize_many

# Candidate national prefixes (with trunk prefix) and digits after them; only prefixes whose random
# numbers phonenumbers accepts are kept (checked once at start), so the ~5 % invalid rows are deliberate.
_PREFIXES = {
    "VN": (
        "84",
        1,
        [
            ("090", 7),
            ("091", 7),
            ("093", 7),
            ("094", 7),
            ("096", 7),
            ("097", 7),
            ("098", 7),
            ("032", 7),
            ("033", 7),
            ("035", 7),
            ("038", 7),
            ("070", 7),
            ("077", 7),
            ("079", 7),
            ("081", 7),
            ("083", 7),
            ("085", 7),
            ("056", 7),
            ("086", 7),
            ("0243", 7),
            ("0283", 7),
        ],
    ),
    "BY": (
        "375",
        2,
        [
            ("80291", 6),
            ("80293", 6),
            ("80295", 6),
            ("80296", 6),
            ("80297", 6),
            ("80333", 6),
            ("80336", 6),
            ("80445", 6),
            ("80447", 6),
            ("80255", 6),
            ("80172", 6),
        ],
    ),
    "AU": (
        "61",
        1,
        [("040", 7), ("041", 7), ("042", 7), ("043", 7), ("045", 7), ("047", 7), ("048", 7), ("0292", 6), ("0398", 6)],
    ),
    "GB": (
        "44",
        1,
        [
            ("07700", 6),
            ("07711", 6),
            ("07723", 6),
            ("07801", 6),
            ("07903", 6),
            ("07412", 6),
            ("0207", 7),
            ("0161", 7),
            ("0131", 7),
        ],
    ),
}


def _usable_prefixes(rng: random.Random) -> dict[str, list[tuple[str, int]]]:
    usable: dict[str, list[tuple[str, int]]] = {}
    for region, (_, _, prefixes) in _PREFIXES.items():
        usable[region] = []
        for prefix, size in prefixes:
            samples = [prefix + "".join(rng.choice("0123456789") for _ in range(size)) for _ in range(30)]
            if all(phonenumbers.is_valid_number(phonenumbers.parse(s, region)) for s in samples):
                usable[region].append((prefix, size))
    return usable


def _cell(rng: random.Random, region: str, prefixes: list[tuple[str, int]]) -> object:
    cc, trunk_size, _ = _PREFIXES[region]
    prefix, size = rng.choice(prefixes)
    national = prefix + "".join(rng.choice("0123456789") for _ in range(size))
    nsn = national[trunk_size:]
    roll = rng.random()
    if roll < 0.05:  # ~5 % invalid: Excel's scientific text, blanks, words, too long, old VN prefix, short
        return rng.choice(["8.49012E+10", "", "n/a", "1" * 17, "01623456789", national[:5], "=A1", None])
    if roll < 0.35:
        return national
    if roll < 0.45:
        return f"{national[:4]} {national[4:7]} {national[7:]}"
    if roll < 0.55:
        return "+" + cc + nsn
    if roll < 0.62:
        return cc + nsn
    if roll < 0.72:
        return int(cc + nsn)
    if roll < 0.82:
        return float(nsn)  # a numeric cell that lost its leading 0, as calamine reads it
    if roll < 0.88:
        return f"{national[:3]}-{national[3:6]}-{national[6:]}"
    if roll < 0.92:
        return "00" + cc + nsn
    if roll < 0.96:
        return f"+{cc} {nsn[:2]} {nsn[2:5]} {nsn[5:]}"
    return int(nsn)


def make_cells(rows: int, seed: int = 7) -> dict[str, list[object]]:
    rng = random.Random(seed)
    usable = _usable_prefixes(rng)
    return {region: [_cell(rng, region, usable[region]) for _ in range(rows // len(usable))] for region in usable}


def _baseline(cells: dict[str, list[object]], limit: int) -> tuple[float, float, int]:
    done = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for region, values in cells.items():
        for value in values[:limit]:
            done += 1
            if value is None:
                continue
            text = value if isinstance(value, str) else str(value)
            try:
                phonenumbers.is_valid_number(phonenumbers.parse(text, region))
            except phonenumbers.NumberParseException:
                pass
    return time.perf_counter() - started, time.process_time() - cpu_started, done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--baseline-rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="fast runs; the best is reported")
    args = parser.parse_args(argv)
    cells = make_cells(args.rows)
    normalize_many(["0901234567"], "VN")  # build tables outside the timing, as the app does at start-up
    for region in cells:
        normalize_many(["1"], region)
    runs: list[tuple[float, float]] = []
    for _ in range(max(1, args.repeat)):
        started, cpu_started = time.perf_counter(), time.process_time()
        batches = [normalize_many(values, region) for region, values in cells.items()]
        runs.append((time.perf_counter() - started, time.process_time() - cpu_started))
    column_runs: list[tuple[float, float]] = []
    for _ in range(max(1, args.repeat)):
        started, cpu_started = time.perf_counter(), time.process_time()
        columns = [normalize_column(values, region) for region, values in cells.items()]
        column_runs.append((time.perf_counter() - started, time.process_time() - cpu_started))
    del columns
    column_seconds, column_cpu = min(run[0] for run in column_runs), min(run[1] for run in column_runs)
    cold_seconds, cold_cpu = runs[0]  # the first run also fills the prefix memos
    fast_seconds, fast_cpu = min(run[0] for run in runs), min(run[1] for run in runs)
    counts = {"valid": 0, "fixed": 0, "invalid": 0}
    for results in batches:
        for result in results:
            counts[result.status] += 1
    total = sum(counts.values())
    del batches
    base_seconds, base_cpu, base_rows = _baseline(cells, args.baseline_rows // len(cells))
    scaled = base_seconds * total / max(base_rows, 1)
    scaled_cpu = base_cpu * total / max(base_rows, 1)
    ratio = scaled / fast_seconds
    ratio_cpu = scaled_cpu / fast_cpu
    print(
        f"normalize_many: {total:,} cells in {fast_seconds:.2f} s wall, {fast_cpu:.2f} s CPU "
        f"({total / fast_seconds:,.0f}/s); first run {cold_seconds:.2f} s wall, {cold_cpu:.2f} s CPU",
        file=sys.stderr,
    )
    print(f"normalize_column (no object per cell): {column_seconds:.2f} s wall, {column_cpu:.2f} s CPU "
          f"({total / column_seconds:,.0f}/s)", file=sys.stderr)
    print(f"  valid {counts['valid']:,}  fixed {counts['fixed']:,}  invalid {counts['invalid']:,}", file=sys.stderr)
    print(
        f"phonenumbers per row: {base_rows:,} cells in {base_seconds:.2f} s -> {scaled:.2f} s wall, "
        f"{scaled_cpu:.2f} s CPU for {total:,}",
        file=sys.stderr,
    )
    print(f"speed-up: {ratio:.1f}x wall, {ratio_cpu:.1f}x CPU", file=sys.stderr)
    print(
        json.dumps(
            {
                "rows": total,
                "seconds": round(fast_seconds, 3),
                "cpu_seconds": round(fast_cpu, 3),
                "first_run_seconds": round(cold_seconds, 3),
                "first_run_cpu_seconds": round(cold_cpu, 3),
                "rows_per_s": round(total / fast_seconds),
                "column_seconds": round(column_seconds, 3),
                "column_cpu_seconds": round(column_cpu, 3),
                "baseline_rows": base_rows,
                "baseline_seconds": round(base_seconds, 3),
                "baseline_scaled_seconds": round(scaled, 3),
                "baseline_scaled_cpu_seconds": round(scaled_cpu, 3),
                "speedup": round(ratio, 2),
                "speedup_cpu": round(ratio_cpu, 2),
                **counts,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

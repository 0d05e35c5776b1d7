"""Benchmark: naming a header row of repeated labels (issue 14 item 11), against the old quadratic naming.

Prints the time to name N identical labels (TRUE, as a checkbox column row gives) for a few widths up to Excel's
16,384 columns, the old algorithm's time on the smaller widths, and ends with one JSON line of the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import time

from campaign_gui.reading.header import _text, column_letter, header_names


def quadratic_names(row: list[object], width: int) -> list[str]:
    """The naming before issue 14: each repeat tries (2), (3)… from the start."""
    cells = list(row)
    used: set[str] = set()
    names: list[str] = []
    for c in range(max(width, len(cells))):
        base = (" ".join(_text(cells[c]).split()) if c < len(cells) else "") or f"Column {column_letter(c)}"  # type: ignore[arg-type]
        name, n = base, 2
        while name.casefold() in used:
            name, n = f"{base} ({n})", n + 1
        used.add(name.casefold())
        names.append(name)
    return names


def timed(fn: object, width: int) -> float:
    assert callable(fn)
    row = [True] * width
    started = time.perf_counter()
    fn(row, width)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--baseline-max", type=int, default=4096, help="widest row the old naming is timed on")
    args = parser.parse_args()
    figures: dict[str, object] = {"bench": "header_names", "load_average": os.getloadavg()[0]}
    for width in (2048, 4096, 9000, 16_384):
        ours = min(timed(header_names, width) for _ in range(3))
        figures[f"ours_{width}_s"] = round(ours, 4)
        line = f"{width:>6} labels: {ours * 1000:8.1f} ms"
        if width <= args.baseline_max:
            old = timed(quadratic_names, width)
            figures[f"quadratic_{width}_s"] = round(old, 3)
            line += f"   quadratic {old:7.2f} s   ratio {old / max(ours, 1e-9):,.0f}x"
        print(line)
    mixed: list[object] = [True, "A", "a", "A (2)", None, "", False] * 300
    assert header_names(mixed, len(mixed)) == quadratic_names(mixed, len(mixed))  # the same names
    figures["load_average_end"] = os.getloadavg()[0]
    print(json.dumps(figures))


if __name__ == "__main__":
    main()

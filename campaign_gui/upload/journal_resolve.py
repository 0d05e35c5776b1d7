"""Journal SQL for resolving a batch: row outcomes by runs of consecutive rows, then the batch and job."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

IN_CHUNK = 500
MIN_RUN = 8  # shorter runs of consecutive rows go into the IN lists
_OUTCOME_REASON = itemgetter(1, 2)
_NUMBER = itemgetter(0)


@dataclass(frozen=True)
class Resolution:
    """A batch's final state and row outcomes, as ``resolve_batch`` takes them (to write now or later)."""

    job_id: str
    batch_id: int
    state: str
    outcomes: Sequence[tuple[int, str, str]]
    result: Mapping[str, Any] | None = None
    rows: Sequence[int] | None = None
    counts: Mapping[str, int] | None = None


def resolve_statements(res: Resolution, pack: Callable[[Sequence[int]], str]) -> list[tuple[str, Any]]:
    """The statements of one resolution (run them in one transaction).

    Rows sharing an outcome and reason are updated together: runs of consecutive row numbers with
    ``BETWEEN`` (the usual case: a batch is mostly "added" rows in file order), the rest with ``IN``
    lists — several times faster than one statement per row.
    """
    job_id, batch_id = res.job_id, res.batch_id
    keys = list(map(_OUTCOME_REASON, res.outcomes))
    groups: dict[tuple[str, str], list[int]] = {}
    if keys and keys.count(keys[0]) == len(keys):  # the usual batch: one outcome and reason for every row
        groups[keys[0]] = list(map(_NUMBER, res.outcomes))
    else:
        for number, key in zip(map(_NUMBER, res.outcomes), keys, strict=True):
            if key in groups:
                groups[key].append(number)
            else:
                groups[key] = [number]
    statements: list[tuple[str, Any]] = []
    for (outcome, reason), numbers in groups.items():
        runs, singles = _runs(numbers)
        for first, last in runs:
            statements.append(("UPDATE rows SET outcome=?, reason=?, batch_id=? WHERE job_id=? AND row BETWEEN"
                               " ? AND ?", (outcome, reason, batch_id, job_id, first, last)))
        for start in range(0, len(singles), IN_CHUNK):
            part = singles[start:start + IN_CHUNK]
            statements.append((f"UPDATE rows SET outcome=?, reason=?, batch_id=? WHERE job_id=? AND row IN "
                               f"({','.join('?' * len(part))})", (outcome, reason, batch_id, job_id, *part)))
    now = time.time()
    sets, params = ["state=?", "updated=?", "result=?"], [res.state, now, json.dumps(dict(res.result or {}))]
    if res.rows is not None:
        sets.append("row_list=?")
        params.append(pack(res.rows))
    statements.append((f"UPDATE batches SET {', '.join(sets)} WHERE job_id=? AND batch_id=?",
                       (*params, job_id, batch_id)))
    if res.counts is not None:
        statements.append(("UPDATE jobs SET counts=?, updated=? WHERE id=?",
                           (json.dumps(dict(res.counts)), now, job_id)))
    return statements


def _runs(numbers: Sequence[int]) -> tuple[list[tuple[int, int]], list[int]]:
    """Split distinct row numbers into runs of consecutive numbers (first, last) and the leftovers.

    A ``BETWEEN first AND last`` touches exactly the rows of a run only if every number in the range is
    listed, which a run of consecutive numbers guarantees (numbers are distinct: one outcome per row).
    """
    ordered = sorted(numbers)
    n = len(ordered)
    if n >= MIN_RUN and ordered[-1] - ordered[0] == n - 1:  # one run (distinct numbers: no gap)
        return [(ordered[0], ordered[-1])], []
    runs: list[tuple[int, int]] = []
    singles: list[int] = []
    i = 0
    while i < n:
        j = i
        while j + 1 < n and ordered[j + 1] == ordered[j] + 1:
            j += 1
        if j - i + 1 >= MIN_RUN:
            runs.append((ordered[i], ordered[j]))
        else:
            singles.extend(ordered[i:j + 1])
        i = j + 1
    return runs, singles

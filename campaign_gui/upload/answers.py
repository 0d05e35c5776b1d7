"""Pure mapping of provider answers to row outcomes: batch results and Alohub job counts."""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from campaign_gui.domain.models import BatchResult, JobStatus, RowOutcome, UploadRow

_OUTCOME_VALUES = {o: o.value for o in RowOutcome}
_INDEX = itemgetter(0)  # UploadRow.index, RowResult.index


def map_result(rows: Sequence[UploadRow], result: BatchResult) -> tuple[list[tuple[int, str, str]], list[UploadRow]]:
    """``(row, outcome, reason)`` for the rows the provider accounted for, and the rows it did not.

    Results for rows not in the batch, repeated rows and PENDING outcomes are ignored.
    """
    values, pending, got = _OUTCOME_VALUES, RowOutcome.PENDING, result.rows
    if len(got) == len(rows) and list(map(_INDEX, got)) == list(map(_INDEX, rows)):
        # the usual answer, one result per row in the batch's order: no sets needed
        outcomes = [(index, values[outcome], reason) for index, outcome, reason in got if outcome is not pending]
        if len(outcomes) == len(rows):
            return outcomes, []
    wanted = {r.index for r in rows}
    outcomes = []
    seen: set[int] = set()
    for item in got:  # hot loop (a million rows): plain dict lookups, no enum properties
        index, outcome = item.index, item.outcome
        if index in wanted and index not in seen and outcome is not pending:
            seen.add(index)
            outcomes.append((index, values[outcome], item.reason))
    missing = [r for r in rows if r.index not in seen] if len(seen) < len(wanted) else []
    return outcomes, missing


def job_outcome(status: JobStatus, n: int, *, resubmitted: bool) -> tuple[RowOutcome, str, dict[str, Any]]:
    """One outcome for all ``n`` rows of a finished bulk job (its counts do not name rows)."""
    summary = {"job_id": status.job_id, "state": status.state, "total": status.total,
               "processed": status.processed, "failed": status.failed, "duplicates": status.duplicates}
    if status.failed >= n:
        return RowOutcome.REJECTED, status.error or "the provider's import job rejected the rows", summary
    if status.failed > 0:
        return (RowOutcome.NEEDS_VERIFICATION,
                f"the provider rejected {status.failed} of {n} rows of this batch without naming them", summary)
    if status.duplicates >= n:
        reason = "already in the list"
        if resubmitted:
            reason += " (perhaps from this batch's lost first attempt)"
        return RowOutcome.SKIPPED, reason, summary
    reason = f"the provider counted {status.duplicates} of {n} rows of this batch as already there" \
        if status.duplicates else ""
    return RowOutcome.ADDED, reason, summary

"""Phone normalisation of one chunk in a compact, picklable form (also run in worker processes)."""

from __future__ import annotations

from collections.abc import Sequence

from campaign_gui.domain.phones import PhoneColumn, normalize_column

# (status bytes as ColumnStore.status codes, e164s, outcome codes, outcomes, suggestions)
Normalised = PhoneColumn


def normalise_chunk(values: Sequence[object], region: str) -> Normalised:
    """Phones of one chunk as columns (bytes, a list of str, small tables): cheap to pickle and store."""
    return normalize_column(values, region)

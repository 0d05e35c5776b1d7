"""Types shared by reading, validation and upload: the contract between the importer's parts."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field


class RowStatus(str, enum.Enum):
    """Local validation outcome of one source row (before any upload)."""

    VALID = "valid"
    FIXED = "fixed"  # valid after a repair (Excel float, lost leading zero, full-width digits…)
    INVALID = "invalid"
    DUPLICATE = "duplicate"  # same E.164 as an earlier row of the file


class InvalidPolicy(str, enum.Enum):
    BLOCK = "block"  # refuse to upload while any row is invalid
    DROP = "drop"  # upload valid rows, report the invalid ones
    INCLUDE = "include"  # send invalid rows too, as typed, and let the provider judge


@dataclass(frozen=True)
class RowRecord:
    """One source row after validation. ``row`` is the 1-based row number in the sheet."""

    row: int
    status: RowStatus
    phone: str | None  # E.164 with '+', None when invalid
    original_phone: str  # the cell as the user saw it
    name: str = ""
    email: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)
    reason: str = ""  # short code, e.g. "too_long"; empty when valid
    message: str = ""  # the user's-terms text for the reason
    suggestion: str | None = None  # E.164 suggestion (old VN prefixes), applied only when accepted
    others: Mapping[str, str] = field(default_factory=dict)  # unmapped source columns (header -> cell), never sent


@dataclass(frozen=True)
class ColumnMapping:
    """Which source column (0-based) feeds which field; ``reasons`` says why each was matched."""

    fields: Mapping[str, int]  # field key ("phone", "name", "email", "first_name", provider extras) -> column
    reasons: Mapping[str, str] = field(default_factory=dict)  # field key -> "exact header 'SĐT'" etc.

"""What the wizard's pages decide, shared between them (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from campaign_gui.domain.models import Account
from campaign_gui.services.import_service import (
    ColumnMapping,
    FileSummary,
    InvalidPolicy,
    SheetPreview,
    ValidationResult,
)
from campaign_gui.services.target_check import LandlinePolicy


@dataclass
class ImportDraft:
    """The import being prepared; ``target`` may come preselected from a drop on a tree node."""

    path: str = ""
    account_id: str | None = None
    target: dict[str, Any] = field(default_factory=dict)
    file: FileSummary | None = None
    sheet: int = 0
    preview: SheetPreview | None = None
    header_row: int = 1
    columns: list[str] = field(default_factory=list)
    mapping: ColumnMapping | None = None
    region: str = ""
    result: ValidationResult | None = None
    policy: InvalidPolicy = InvalidPolicy.DROP
    landline: LandlinePolicy = LandlinePolicy.DROP  # fixed-line numbers, for a provider that sends SMS
    job_id: str | None = None
    account: Account | None = None

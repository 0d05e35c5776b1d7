"""Build the import services from the app's services (the wiring the window's entry point calls)."""

from __future__ import annotations

from typing import Any

from campaign_gui.services.import_jobs import ImportJobService
from campaign_gui.services.import_service import ImportService
from campaign_gui.services.target_choices import TargetChoices


def build_import_service(services: Any, *, use_process: bool = True, pacing: float | None = None) -> ImportService:
    """An ImportService (reading, validation) with its ``jobs`` (ImportJobService) from ``AppServices``."""
    jobs = ImportJobService(services.data_dir, services.accounts, services.pool, pacing=pacing)
    service = ImportService(services.data_dir, services.accounts, jobs, use_process=use_process)
    service.choices = TargetChoices(services.accounts, services.pool, service)  # the target page's names
    return service

"""Is the target right, before a job is created? Its form (ids, times), then whether the provider has it.

Qt-free: the command line and the window's target page both call it. Messages are English; the window shows
them through ``services.texts.target_problem_text``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from campaign_gui.domain.errors import AuthError, NotFound, ProviderError
from campaign_gui.providers.base import Provider, ProviderInfo
from campaign_gui.reading.target_rules import LandlinePolicy, TargetRules

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class TargetProblem:
    """Why the target cannot be used: ``key`` is the target field to fix, ``message`` says it in English."""

    key: str
    message: str


def target_rules(info: ProviderInfo, landline: LandlinePolicy = LandlinePolicy.DROP) -> TargetRules:
    """The provider's own rules on numbers, for ``ValidationResult.for_target``."""
    return TargetRules(info.display_name, info.accepted_country_codes, info.sends_sms, landline, info.default_region)


def check_target_form(info: ProviderInfo, target: Mapping[str, Any]) -> TargetProblem | None:
    """What can be told without asking the provider: an SMS.by list id is a whole number, an Alohub campaign
    and list id too, a Dynamic Messaging start an ISO 8601 time."""
    provider = info.id.value
    if provider == "smsby" and not _whole(target.get("list")):
        return TargetProblem("list", f"The SMS.by mailing list id must be a number (got {_shown(target.get('list'))}).")
    if provider == "alohub":
        if not _whole(target.get("campaign")):
            return TargetProblem("campaign", f"The Alohub campaign id must be a number (got "
                                             f"{_shown(target.get('campaign'))}).")
        if target.get("list") and not _whole(target.get("list")):
            return TargetProblem("list", f"The Alohub list id must be a number (got {_shown(target.get('list'))}).")
    if provider == "dynmsg" and "start" in target and not _iso_time(target.get("start")):
        return TargetProblem("start", f"The start time must be an ISO 8601 time such as 2026-05-01T09:00:00 (got "
                                      f"{_shown(target.get('start'))}).")
    return None


async def check_target_exists(provider: Provider, target: Mapping[str, Any]) -> TargetProblem | None:
    """Where the provider can list them: the campaign or list exists. A check that cannot be made (no such
    listing, the provider not answering) is not a problem here: the upload reports what the provider says."""
    info = provider.info
    try:
        if info.id.value == "alohub":
            campaign = str(target.get("campaign", ""))
            try:
                lists = await provider.list_contact_lists(campaign)
            except NotFound:
                return TargetProblem("campaign", f"Alohub has no campaign {campaign} for this account.")
            wanted = str(target.get("list") or "")
            if wanted and wanted not in {x.id for x in lists}:
                return TargetProblem("list", f"Alohub campaign {campaign} has no list {wanted}.")
        elif info.id.value == "smsby" and info.capabilities.list_contact_lists:
            wanted = str(target.get("list", ""))
            lists = await provider.list_contact_lists(None)
            if lists and wanted not in {x.id for x in lists}:
                return TargetProblem("list", f"SMS.by has no mailing list {wanted} for this account.")
    except AuthError:
        raise  # not the target: the key (the caller records the job paused for the key, as the upload would)
    except ProviderError as exc:
        logger.info("could not check the target (%s): going on", type(exc).__name__)
    return None


def _whole(value: Any) -> bool:
    return isinstance(value, str) and value.strip().isascii() and value.strip().isdigit()


def _iso_time(value: Any) -> bool:
    if not isinstance(value, str) or not value.strip():
        return False
    try:
        datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _shown(value: Any) -> str:
    text = str(value if value is not None else "")
    return repr(text[:40])


__all__ = ["LandlinePolicy", "TargetProblem", "check_target_exists", "check_target_form", "target_rules"]

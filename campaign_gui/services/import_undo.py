"""Undo an Alohub import: delete the contacts this job added that are still pending, report the rest."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any

from campaign_gui.domain.errors import InvalidState, RateLimited
from campaign_gui.domain.models import Contact
from campaign_gui.domain.phones import normalize_phone
from campaign_gui.providers.base import ContactScope, Provider
from campaign_gui.upload.journal import Journal
from campaign_gui.upload.journal_schema import JobRecord

logger = logging.getLogger(__name__)

PAGE = 100
MAX_RATE_WAIT = 30.0


@dataclass
class UndoResult:
    """``deleted`` contacts removed; ``kept`` already called or in a call; ``missing`` not found in the lists;
    ``uncertain`` rows skipped because the provider said some of their batch were already there."""

    deleted: int = 0
    kept: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    uncertain: int = 0
    lists: list[str] = field(default_factory=list)


def _added_phones(journal: Journal, job_id: str) -> tuple[set[str], int]:
    phones: set[str] = set()
    uncertain = 0
    for entry in journal.iter_rows(job_id):
        if entry.outcome != "added" or not entry.phone:
            continue
        if "already" in entry.reason:  # its batch had contacts that were there before: not ours to delete
            uncertain += 1
            continue
        phones.add(entry.phone)
    return phones, uncertain


def _list_names(journal: Journal, record: JobRecord) -> set[str]:
    from campaign_gui.providers.alohub import derived_list_name

    name = str(record.target.get("list_name") or "").strip()
    if name:
        return {name}
    return {derived_list_name(b.batch_key) for b in journal.batches(record.id)}


async def undo_job(journal: Journal, record: JobRecord, provider: Provider) -> UndoResult:
    """Find the job's added phones in its target list(s) and delete the pending ones."""
    loop = asyncio.get_running_loop()
    campaign = str(record.target.get("campaign") or "")
    phones, uncertain = await loop.run_in_executor(None, _added_phones, journal, record.id)
    result = UndoResult(uncertain=uncertain)
    list_id = str(record.target.get("list") or "").strip()
    lists = await provider.list_contact_lists(campaign)
    if list_id:
        wanted = [c for c in lists if c.id == list_id]
    else:
        names = await loop.run_in_executor(None, _list_names, journal, record)
        wanted = [c for c in lists if c.name in names]
    result.lists = [c.name for c in wanted]
    region = record.region or "VN"
    found: set[str] = set()
    for contact_list in wanted:
        scope = ContactScope(campaign_id=campaign, list_id=contact_list.id)
        targets: list[Contact] = []
        page = 0
        while True:
            listed = await _retry(lambda p=page, s=scope: provider.list_contacts(s, p, PAGE))
            for contact in listed.items:
                e164 = normalize_phone(contact.phone, region).e164
                if e164 in phones and e164 not in found:
                    found.add(e164)
                    targets.append(contact)
            page += 1
            if not listed.items or (listed.total is not None and page * PAGE >= listed.total):
                break
        for contact in targets:
            if not contact.deletable:
                result.kept.append(contact.phone)
                continue
            try:
                await _retry(lambda c=contact, s=scope: provider.delete_contact(s, c))
                result.deleted += 1
            except InvalidState:  # called in the meantime
                result.kept.append(contact.phone)
    result.missing = sorted(phones - found)
    return result


async def _retry(call: Any) -> Any:
    for _ in range(5):
        try:
            return await call()
        except RateLimited as exc:
            await asyncio.sleep(min(MAX_RATE_WAIT, max(0.5, exc.retry_after or 1.0)))
    return await call()

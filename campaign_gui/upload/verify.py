"""Verification by reading back: rows whose fate is unknown are looked up at the provider and resolved."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from campaign_gui.domain.errors import ProviderError, Unsupported
from campaign_gui.domain.models import RowOutcome, UploadRow
from campaign_gui.domain.phones import phone_key
from campaign_gui.providers.base import ContactScope, Provider, RetryClass
from campaign_gui.upload.journal import Journal
from campaign_gui.upload.journal_resolve import Resolution
from campaign_gui.upload.journal_schema import FINAL_STATES, BatchRecord

logger = logging.getLogger(__name__)

T = TypeVar("T")
PHASE = "verifying"
MAX_PAGES = 20_000  # a provider that never ends its paging is not read for ever
FOUND = "found at the provider when read back"
# "already" marks an added row that Undo leaves alone (it may have been there before this import)
FOUND_MAYBE_OLD = "found when read back; the provider counted some rows of its batch as already there"
REFUSED_UNNAMED = "{provider} refused this row without saying why (it is not in the list when read back)"
NOT_IN_CAMPAIGN = "not in the campaign {provider} created (read back): it was left out as invalid"
UNREADABLE = "could not be checked by reading back: {why}"

Request = Callable[[Callable[[], Awaitable[Any]]], Awaitable[Any]]


class ReadBackFailed(Exception):
    """A read-back request kept failing (or the job was asked to stop): the rest stays flagged.

    ``pause``: the job should pause with ``message`` (a rejected key, a provider not answering), and
    ``auto``: it may resume by itself (the provider was unreachable)."""

    def __init__(self, message: str, *, pause: bool = True, auto: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.pause = pause
        self.auto = auto


@dataclass
class VerifyResult:
    """What one verification pass did: rows found, sent again, refused, still unknown, and why."""

    checked: int = 0
    found: int = 0
    resend: int = 0
    rejected: int = 0
    unresolved: int = 0
    reasons: list[str] = field(default_factory=list)
    failed: ReadBackFailed | None = None  # why reading back stopped early, if it did

    def note(self, reason: str) -> None:
        if reason not in self.reasons:
            self.reasons.append(reason)


class Verifier:
    """Resolve a job's "needs verification" rows by listing the target and matching on E.164.

    Found rows become added (skipped where the provider said some were already there); rows proven
    absent go back to pending to be sent again (Cellcast; Dynamic Messaging when the campaign was never
    created) or are rejected (refused by an Alohub job; left out of a created campaign). Each batch's rows
    are rewritten in one committed transaction: a crash leaves every row flagged or resolved, never lost.
    ``request`` runs one provider call with the engine's pacing, rate-limit waits and back-off (it raises
    ReadBackFailed when it gives up); ``db`` runs a journal call off the loop; ``counts`` is the engine's
    outcome-count dict, updated in place; ``changed`` is called after each committed step.
    """

    def __init__(self, provider: Provider, journal: Journal, job_id: str, target: Mapping[str, Any], *,
                 request: Request, db: Callable[..., Awaitable[Any]], counts: dict[str, int],
                 changed: Callable[[], None] = lambda: None) -> None:
        self.provider = provider
        self.info = provider.info
        self.journal = journal
        self.job_id = job_id
        self.target = target
        self._request = request
        self._db = db
        self.counts = counts
        self._changed = changed
        self._present: dict[ContactScope | None, set[str]] = {None: set()}

    async def run(self) -> VerifyResult:
        result = VerifyResult()
        flagged: dict[int, list[UploadRow]] = await self._db(self.journal.rows_to_verify, self.job_id)
        if not flagged:
            return result
        result.checked = sum(map(len, flagged.values()))
        if not self.info.capabilities.read_back:
            result.unresolved = result.checked
            result.note(self.info.notes.get("read_back", f"{self.info.display_name} cannot be read back"))
            return result
        batches: dict[int, BatchRecord] = {b.batch_id: b for b in await self._db(self.journal.batches, self.job_id)}
        for batch_id, rows in sorted(flagged.items()):
            record = batches.get(batch_id)
            key = record.batch_key if record is not None else f"{self.job_id}-{batch_id:05d}"
            summary = dict(record.result) if record is not None else {}
            try:
                scope = await self._request(partial(self.provider.read_back_scope, self.target, batch_key=key,
                                                    result=summary))
                present = await self._read(scope, {r.phone for r in rows})
            except ReadBackFailed as exc:
                result.unresolved += sum(len(r) for b, r in flagged.items() if b >= batch_id)
                result.note(exc.message)
                result.failed = exc
                break
            except (ProviderError, ValueError) as exc:  # Unsupported, NotFound, Forbidden, Rejected, bad answers
                why = exc.message if isinstance(exc, ProviderError) else str(exc)
                await self._keep(batch_id, rows, why)
                result.unresolved += len(rows)
                result.note(why)
                continue
            await self._settle(batch_id, rows, summary, scope, present, result)
        return result

    async def _read(self, scope: ContactScope | None, wanted: set[str]) -> set[str]:
        """E.164 numbers at ``scope`` (None: the list or campaign does not exist, so nothing is there).

        Pages until every wanted number was seen or the listing ends; a scope read once is reused."""
        if scope in self._present and (scope is None or wanted <= self._present[scope]):
            return self._present[scope]
        present = self._present.setdefault(scope, set())
        assert scope is not None
        size = max(1, self.info.max_page_size)
        region = self.info.default_region
        for page in range(MAX_PAGES):
            found = await self._request(partial(self.provider.list_contacts, scope, page, size))
            for contact in found.items:
                e164 = phone_key(str(contact.phone), region)
                if e164:
                    present.add(e164)
            if wanted <= present:
                return present
            if len(found.items) < size or (found.total is not None and (page + 1) * size >= found.total):
                return present
        raise Unsupported(f"{self.info.display_name} kept sending pages: the list could not be read to its end",
                          code="read_back")

    def _absent(self, scope: ContactScope | None) -> tuple[RowOutcome, str]:
        """What a row proven absent becomes, by the provider's retry class."""
        name = self.info.display_name
        retry = self.info.retry_class
        if retry is RetryClass.VERIFY or (retry is RetryClass.NEVER and scope is None):
            return RowOutcome.PENDING, ""  # send it again / create the campaign after all
        if retry is RetryClass.NEVER:
            return RowOutcome.REJECTED, NOT_IN_CAMPAIGN.format(provider=name)
        return RowOutcome.REJECTED, REFUSED_UNNAMED.format(provider=name)

    async def _settle(self, batch_id: int, rows: list[UploadRow], summary: Mapping[str, Any],
                      scope: ContactScope | None, present: set[str], result: VerifyResult) -> None:
        found_as = (RowOutcome.ADDED, FOUND_MAYBE_OLD if _int(summary.get("duplicates")) > 0 else FOUND)
        absent = self._absent(scope)
        outcomes = [(r.index, *(found_as if r.phone in present else absent)) for r in rows]
        resent = [i for i, outcome, _ in outcomes if outcome is RowOutcome.PENDING]
        found = sum(1 for r in rows if r.phone in present)
        result.found += found
        result.resend += len(resent)
        result.rejected += len(rows) - found - len(resent)
        verified = {"read_back": {"found": found, "absent": len(rows) - found, "container": scope is not None}}
        await self._write(batch_id, [(i, o.value, why) for i, o, why in outcomes], {**summary, **verified},
                          resent)

    async def _keep(self, batch_id: int, rows: list[UploadRow], why: str) -> None:
        """The rows stay flagged, now with the reason they could not be checked."""
        reason = UNREADABLE.format(why=why)
        outcomes = [(r.index, RowOutcome.NEEDS_VERIFICATION.value, reason) for r in rows]
        batches = await self._db(self.journal.batches, self.job_id)
        summary = next((dict(b.result) for b in batches if b.batch_id == batch_id), {})
        await self._write(batch_id, outcomes, summary, [], state="needs_verification")

    async def _write(self, batch_id: int, outcomes: list[tuple[int, str, str]], summary: Mapping[str, Any],
                     resent: list[int], *, state: str = "done") -> None:
        delta = Counter(o for _, o, _ in outcomes)
        delta[RowOutcome.NEEDS_VERIFICATION.value] -= len(outcomes)
        counts = dict(self.counts)
        for outcome, n in delta.items():
            counts[outcome] = counts.get(outcome, 0) + n
        rows = None
        if resent:  # the batch keeps only the rows it settled; the others are sent in new batches
            gone = set(resent)
            batch_rows = [b.rows for b in await self._db(self.journal.batches, self.job_id) if b.batch_id == batch_id]
            rows = [r for r in (batch_rows[0] if batch_rows else ()) if r not in gone]
        await self._db(self.journal.write_resolution,
                       Resolution(self.job_id, batch_id, state, outcomes, summary, rows, counts))
        self.counts.clear()
        self.counts.update(counts)
        self._changed()


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def reopen_for_verification(journal: Journal, job_id: str) -> bool:
    """Let an ended job run again to verify its flagged rows (and send what proves absent).

    True if the job has rows to verify; its state becomes ``interrupted`` (resumable, as after a stop)."""
    record = journal.get_job(job_id)
    if record is None:
        raise KeyError(job_id)
    if not journal.outcome_counts(record.id).get(RowOutcome.NEEDS_VERIFICATION.value):
        return False
    if record.state in FINAL_STATES:
        journal.set_job_state(record.id, "interrupted", message="verifying by reading back")
    return True

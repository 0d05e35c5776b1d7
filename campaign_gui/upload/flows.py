"""Provider-specific flows: import jobs polled to their end (Alohub), a campaign created once (Dynamic Messaging)."""

from __future__ import annotations

import enum
import logging
from typing import Any

from campaign_gui.domain.errors import AuthError, Forbidden, NotFound, RateLimited, Rejected, ServerError
from campaign_gui.domain.models import JobStatus, RowOutcome
from campaign_gui.upload.batches import Batch
from campaign_gui.upload.control import RunControl, Stop
from campaign_gui.upload.recorder import Recorder
from campaign_gui.upload.retry import may_have_reached_server
from campaign_gui.upload.sender import TRANSIENT, Sender, Sent

logger = logging.getLogger(__name__)

MAX_POLLS = 2000  # ~80 min at 2.5 s: an import job that never ends is treated as lost


class _Lost(enum.Enum):
    """The import job is lost (gone, failed, or never ending): send the batch again under the same name."""

    RESUBMIT = "resubmit"


class ImportJobFlow:
    """Sends a batch through ``sender``; when the provider takes it as an import job (Alohub), polls the job
    until it ends and records its counts. A lost job is resubmitted under the same list name (the provider
    counts rows already there as duplicates), after a back-off if the job failed."""

    def __init__(self, sender: Sender, recorder: Recorder, control: RunControl, target: dict[str, Any], *,
                 poll_interval: float = 2.5) -> None:
        self._sender = sender
        self._recorder = recorder
        self._control = control
        self.target = target
        self.poll_interval = poll_interval

    async def send(self, batch: Batch, *, submitted: bool = False) -> Stop | None:
        """Send the batch until it has outcomes; ``submitted``: it is already an import job (its id in
        ``provider_job_id``, a run resumed while the job ran), so poll it first."""
        answer: Stop | Sent | _Lost | None = Sent.AS_JOB if submitted else await self._sender.send(batch)
        while answer is Sent.AS_JOB or answer is _Lost.RESUBMIT:
            if answer is Sent.AS_JOB:
                answer = await self._poll(batch)
                continue
            batch.provider_job_id = None
            await self._recorder.mark(batch, "unknown")
            answer = await self._sender.send(batch)
        return answer

    async def _poll(self, batch: Batch) -> Stop | _Lost | None:
        """Poll the batch's import job until it ends; record its outcome (None), or why it cannot be."""
        sender, polls = self._sender, 0
        while True:
            job_id = batch.provider_job_id
            assert job_id is not None
            # the first look comes sooner: small jobs are often done within a second
            await self._control.wait(self.poll_interval if polls else min(1.0, self.poll_interval), None)
            await sender.pace()
            polls += 1
            try:
                status: JobStatus = await sender.call(sender.provider.poll_job(self.target, job_id))
            except RateLimited as exc:
                sender.rate_limited(exc)
                continue
            except AuthError:
                return sender.auth_stop()
            except NotFound:
                logger.info("import job %s was lost; resubmitting batch %s with the same name", job_id, batch.id)
                return _Lost.RESUBMIT
            except Forbidden as exc:
                return Stop("failed", exc.message)
            except TRANSIENT as exc:
                stop = await sender.failure_wait(exc)
                if stop is not None:
                    return stop
                continue
            sender.succeeded()
            if not status.finished:
                if polls >= MAX_POLLS:
                    return _Lost.RESUBMIT
                continue
            if status.state == "failed" and status.failed < len(batch.rows):
                failure = ServerError(f"the provider's import job failed ({status.error or 'no reason given'})")
                stop = await sender.failure_wait(failure)
                if stop is not None:
                    return stop
                return _Lost.RESUBMIT
            await self._recorder.resolve_job(batch, status)
            return None


class CampaignFlow:
    """Dynamic Messaging: a batch is one campaign, created once and never again by ourselves. A create
    whose answer was lost is looked for by listing campaigns; if it is not found, the rows need
    verification (the user checks before creating it again)."""

    def __init__(self, sender: Sender, recorder: Recorder, control: RunControl, target: dict[str, Any]) -> None:
        self._sender = sender
        self._recorder = recorder
        self._control = control
        self.target = target

    async def create(self, batch: Batch) -> Stop | None:
        sender, recorder, control = self._sender, self._recorder, self._control
        while True:
            if batch.state == "planned" and control.stop() is not None:
                return control.stop()
            await sender.pace()
            await recorder.begin(batch)
            try:
                campaign_id, result = await sender.call(sender.provider.create_campaign(self.target, batch.rows))
            except RateLimited as exc:
                await recorder.mark(batch, "planned")
                sender.rate_limited(exc)
                continue
            except AuthError:
                await recorder.mark(batch, "planned")
                return sender.auth_stop()
            except (Forbidden, NotFound) as exc:
                await recorder.resolve_all(batch, RowOutcome.FAILED, "failed", exc.message)
                return Stop("failed", exc.message)
            except Rejected as exc:
                await recorder.resolve_all(batch, RowOutcome.REJECTED, "failed", exc.message)
                return None
            except ValueError as exc:
                await recorder.resolve_all(batch, RowOutcome.FAILED, "failed", str(exc))
                return Stop("failed", str(exc))
            except TRANSIENT as exc:
                if may_have_reached_server(exc):
                    await recorder.mark(batch, "unknown")
                    return await self.verify(batch, exc.message)
                await recorder.mark(batch, "planned")
                stop = await sender.failure_wait(exc)
                if stop is not None:
                    return stop
                continue
            sender.failures = 0
            batch.provider_job_id = str(campaign_id)
            await recorder.mark(batch, "sending", provider_job_id=str(campaign_id))
            await sender.apply(batch, result)
            return None

    async def verify(self, batch: Batch, why: str) -> Stop | None:
        """A create whose answer was lost: look for the campaign; never create it again by ourselves."""
        sender, recorder = self._sender, self._recorder
        while True:
            await sender.pace()
            try:
                found = await sender.call(sender.provider.find_campaign(self.target))
            except RateLimited as exc:
                sender.rate_limited(exc)
                continue
            except AuthError:
                return sender.auth_stop()
            except (Forbidden, NotFound, Rejected, ValueError) as exc:
                found, why = None, f"{why}; the check failed: {getattr(exc, 'message', str(exc))}"
            except TRANSIENT as exc:
                stop = await sender.failure_wait(exc)
                if stop is not None:
                    return stop
                continue
            break
        if found:
            batch.provider_job_id = str(found)
            await recorder.mark(batch, "sending", provider_job_id=str(found))
            await recorder.resolve_all(batch, RowOutcome.ADDED, "done", "", {"campaign_id": str(found),
                                                                              "verified": True})
            return None
        await recorder.resolve_all(batch, RowOutcome.NEEDS_VERIFICATION, "needs_verification",
                                   f"the campaign may not have been created ({why}); check before creating it again")
        return None

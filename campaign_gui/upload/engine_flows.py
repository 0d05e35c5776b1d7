"""The upload engine's async-job and create-once flows (Alohub polling, Dynamic Messaging create)."""

from __future__ import annotations

import logging
import os
import random
import signal
from dataclasses import dataclass, field
from typing import Any

from campaign_gui.domain.errors import (
    AuthError,
    Forbidden,
    NetworkError,
    NotFound,
    ProtocolError,
    ProviderError,
    RateLimited,
    Rejected,
    ServerError,
)
from campaign_gui.domain.models import BatchResult, JobStatus, RowOutcome, UploadRow
from campaign_gui.providers.base import Provider
from campaign_gui.upload.pacing import Pacer
from campaign_gui.upload.retry import full_jitter, may_have_reached_server

logger = logging.getLogger(__name__)

_TRANSIENT = (ServerError, NetworkError, ProtocolError)
AUTH_MESSAGE = "{provider} did not accept the key: re-enter the key, then resume the job"
CRASH_ENV = "CAMPAIGN_GUI_TEST_CRASH_AFTER"
MAX_POLLS = 2000  # ~80 min at 2.5 s: an import job that never ends is treated as lost


@dataclass(frozen=True)
class Stop:
    """Why the engine stopped: the job state to record and a message for the user."""

    state: str
    message: str
    auto: bool = False  # a transient pause the engine may end by itself (provider unreachable)


@dataclass
class Batch:
    """A batch in memory: its journal id (= seq), rows, state and the provider job id if any."""

    id: int
    rows: list[UploadRow]
    key: str
    state: str = "planned"
    provider_job_id: str | None = None
    attempts: int = 0
    result: dict[str, Any] = field(default_factory=dict)


class FlowMixin:
    """Alohub submit/poll/resubmit and Dynamic Messaging create/verify, on top of the engine core."""

    provider: Provider
    target: dict[str, Any]
    pacer: Pacer
    poll_interval: float
    max_consecutive_failures: int
    _failures: int
    _rng: random.Random

    async def _wait(self, seconds: float, reason: str | None) -> None:
        raise NotImplementedError

    async def _pace(self) -> None:
        raise NotImplementedError

    async def _rate_limited(self, exc: RateLimited) -> None:
        raise NotImplementedError

    async def _call(self, request: Any) -> Any:
        raise NotImplementedError

    async def _mark(self, batch: Batch, state: str, *, provider_job_id: str | None = None) -> None:
        raise NotImplementedError

    async def _send_flow(self, batch: Batch) -> Stop | None:
        raise NotImplementedError

    async def _apply(self, batch: Batch, result: BatchResult) -> Stop | None:
        raise NotImplementedError

    async def _apply_job(self, batch: Batch, status: JobStatus) -> None:
        raise NotImplementedError

    async def _resolve_all(self, batch: Batch, outcome: RowOutcome, state: str, reason: str,
                           result: dict[str, Any] | None = None) -> None:
        raise NotImplementedError

    def _auth_stop(self) -> Stop:
        return Stop("paused", AUTH_MESSAGE.format(provider=self.provider.info.display_name))

    async def _failure_wait(self, exc: ProviderError) -> Stop | None:
        self._failures += 1
        if self._failures >= self.max_consecutive_failures:
            return Stop("paused", f"provider unreachable, will resume ({exc.message})", auto=True)
        await self._wait(full_jitter(self._failures, self._rng), f"retrying after an error ({exc.message})")
        return None

    # -- Alohub: poll the bulk job; a lost job is resubmitted with the same list name -------------

    async def _poll_flow(self, batch: Batch) -> Stop | None:
        polls = 0
        while True:
            job_id = batch.provider_job_id
            assert job_id is not None
            # the first look comes sooner: small jobs are often done within a second
            await self._wait(self.poll_interval if polls else min(1.0, self.poll_interval), None)
            await self._pace()
            polls += 1
            try:
                status = await self._call(self.provider.poll_job(self.target, job_id))
            except RateLimited as exc:
                await self._rate_limited(exc)
                continue
            except AuthError:
                return self._auth_stop()
            except NotFound:
                logger.info("import job %s was lost; resubmitting batch %s with the same name", job_id, batch.id)
                return await self._resubmit(batch)
            except Forbidden as exc:
                return Stop("failed", exc.message)
            except _TRANSIENT as exc:
                stop = await self._failure_wait(exc)
                if stop is not None:
                    return stop
                continue
            self._failures = 0
            self.pacer.throttle.on_success()
            if not status.finished:
                if polls >= MAX_POLLS:
                    return await self._resubmit(batch)
                continue
            if status.state == "failed" and status.failed < len(batch.rows):
                failure = ServerError(f"the provider's import job failed ({status.error or 'no reason given'})")
                stop = await self._failure_wait(failure)
                if stop is not None:
                    return stop
                return await self._resubmit(batch)
            await self._apply_job(batch, status)
            return None

    async def _resubmit(self, batch: Batch) -> Stop | None:
        batch.provider_job_id = None
        await self._mark(batch, "unknown")
        return await self._send_flow(batch)

    # -- Dynamic Messaging: one create, never repeated; a lost answer is checked by listing ----------

    async def _create_flow(self, batch: Batch) -> Stop | None:
        while True:
            if batch.state == "planned" and self._stop_check() is not None:
                return self._stop_check()
            await self._pace()
            await self._begin(batch)
            try:
                campaign_id, result = await self._call(self.provider.create_campaign(self.target, batch.rows))
            except RateLimited as exc:
                await self._mark(batch, "planned")
                await self._rate_limited(exc)
                continue
            except AuthError:
                await self._mark(batch, "planned")
                return self._auth_stop()
            except (Forbidden, NotFound) as exc:
                await self._resolve_all(batch, RowOutcome.FAILED, "failed", exc.message)
                return Stop("failed", exc.message)
            except Rejected as exc:
                await self._resolve_all(batch, RowOutcome.REJECTED, "failed", exc.message)
                return None
            except ValueError as exc:
                await self._resolve_all(batch, RowOutcome.FAILED, "failed", str(exc))
                return Stop("failed", str(exc))
            except _TRANSIENT as exc:
                if may_have_reached_server(exc):
                    await self._mark(batch, "unknown")
                    return await self._verify_campaign(batch, exc.message)
                await self._mark(batch, "planned")
                stop = await self._failure_wait(exc)
                if stop is not None:
                    return stop
                continue
            self._failures = 0
            batch.provider_job_id = str(campaign_id)
            await self._mark(batch, "sending", provider_job_id=str(campaign_id))
            return await self._apply(batch, result)

    async def _begin(self, batch: Batch) -> None:
        raise NotImplementedError

    def _stop_check(self) -> Stop | None:
        raise NotImplementedError

    async def _verify_campaign(self, batch: Batch, why: str) -> Stop | None:
        """A create whose answer was lost: look for the campaign; never create it again by ourselves."""
        while True:
            await self._pace()
            try:
                found = await self._call(self.provider.find_campaign(self.target))
            except RateLimited as exc:
                await self._rate_limited(exc)
                continue
            except AuthError:
                return self._auth_stop()
            except (Forbidden, NotFound, Rejected, ValueError) as exc:
                found, why = None, f"{why}; the check failed: {getattr(exc, 'message', str(exc))}"
            except _TRANSIENT as exc:
                stop = await self._failure_wait(exc)
                if stop is not None:
                    return stop
                continue
            break
        if found:
            batch.provider_job_id = str(found)
            await self._mark(batch, "sending", provider_job_id=str(found))
            await self._resolve_all(batch, RowOutcome.ADDED, "done", "", {"campaign_id": str(found),
                                                                           "verified": True})
            return None
        await self._resolve_all(batch, RowOutcome.NEEDS_VERIFICATION, "needs_verification",
                                f"the campaign may not have been created ({why}); check before creating it again")
        return None


LANES_ENV = "CAMPAIGN_GUI_LANES"


def lanes_setting() -> int | None:
    """``CAMPAIGN_GUI_LANES=1``: one batch in flight at a time even where two are allowed (a provider
    that objects to parallel requests; the crash tests that count requests exactly). None: not set."""
    value = os.environ.get(LANES_ENV, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else None


def crash_point() -> int | None:
    """``CAMPAIGN_GUI_TEST_CRASH_AFTER=sent:N``: die right after the N-th request returns (tests only)."""
    value = os.environ.get(CRASH_ENV, "")
    if value.startswith("sent:"):
        try:
            return int(value.split(":", 1)[1])
        except ValueError:
            return None
    return None


def crash() -> None:
    if hasattr(signal, "SIGKILL"):
        os.kill(os.getpid(), signal.SIGKILL)
    os._exit(137)

"""The upload engine's send flow: pacing, one request per batch, rate limits, back-off and shrinking."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from campaign_gui.domain.errors import (
    AuthError,
    Forbidden,
    NetworkError,
    NotFound,
    ProtocolError,
    ProviderError,
    RateLimited,
    Rejected,
    RequestTooLarge,
    ServerError,
)
from campaign_gui.domain.models import BatchResult, RowOutcome
from campaign_gui.providers.base import RetryClass
from campaign_gui.upload.engine_flows import AUTH_MESSAGE, Batch, Stop, crash
from campaign_gui.upload.engine_record import RecordMixin
from campaign_gui.upload.retry import full_jitter, may_have_reached_server, rate_limit_wait

logger = logging.getLogger(__name__)

T = TypeVar("T")
UNREACHABLE_MESSAGE = "provider unreachable, will resume ({error})"
_TRANSIENT = (ServerError, NetworkError, ProtocolError)


class SendMixin(RecordMixin):
    """Send (and resend) a batch until it has outcomes, pacing request starts and backing off on failures."""

    quota_wait: float
    _clock: Callable[[], float]
    _stop_state: str | None
    _returned: int
    _crash_after: int | None
    _last_ok: bool

    async def _send_flow(self, batch: Batch) -> Stop | None:
        """Send (and resend) one batch until it has outcomes, or the job must stop."""
        while True:
            if batch.state == "planned":
                stop = self._stop_check()
                if stop is not None:
                    return stop
            await self._pace(mark=False)
            if batch.state == "planned" and self._stop_check() is not None:
                return self._stop_check()
            await self._begin(batch)
            self.pacer.mark_start()  # after the journal write: the gap is between real request starts
            try:
                result = await self._upload(batch)
            except RateLimited as exc:
                await self._mark(batch, "planned")
                await self._rate_limited(exc)
                continue
            except AuthError:
                await self._mark(batch, "planned")
                return Stop("paused", AUTH_MESSAGE.format(provider=self.info.display_name))
            except (Forbidden, NotFound) as exc:
                await self._resolve_all(batch, RowOutcome.FAILED, "failed", exc.message)
                return Stop("failed", exc.message)
            except RequestTooLarge as exc:
                await self._mark(batch, "planned")
                if len(batch.rows) == 1:
                    await self._resolve_all(batch, RowOutcome.REJECTED, "failed", exc.message)
                    return None
                self._shrink(batch, len(batch.rows) // 2)
                continue
            except Rejected as exc:
                self._failures = 0
                await self._resolve_all(batch, RowOutcome.REJECTED, "failed", exc.message)
                return None
            except _TRANSIENT as exc:
                stop = await self._transient(batch, exc)
                if stop is not None or batch.state in ("done", "needs_verification"):
                    return stop
                continue
            except ValueError as exc:  # the target is unusable for this provider: a caller mistake
                await self._resolve_all(batch, RowOutcome.FAILED, "failed", str(exc))
                return Stop("failed", str(exc))
            self._failures = 0
            self.pacer.throttle.on_success()
            if result.job_id is not None and not result.complete:
                batch.provider_job_id = result.job_id
                await self._mark(batch, "sending", provider_job_id=result.job_id)
                return await self._poll_flow(batch)
            return await self._apply(batch, result)

    async def _upload(self, batch: Batch) -> BatchResult:
        """One upload request; afterwards the pacer counts from when it really left the client."""
        try:
            result = await self._call(self.provider.upload_batch(self.target, batch.rows, batch_key=batch.key))
        except BaseException:
            self._last_ok = False  # batches go one at a time again until one succeeds
            raise
        finally:
            if self._clock is time.monotonic:  # the transport's timestamps are monotonic seconds
                http = getattr(self.provider, "_http", None)
                self.pacer.started_at(getattr(http, "last_request_started", None))
        self._last_ok = True
        return result

    async def _transient(self, batch: Batch, exc: ProviderError) -> Stop | None:
        """A 5xx, network or protocol failure: back off; Cellcast's possibly-sent batch is flagged."""
        self._failures += 1
        reached = may_have_reached_server(exc)
        logger.info("batch %s failed (%s, reached=%s, failures=%s)", batch.id, type(exc).__name__, reached,
                    self._failures)
        if reached and self.info.retry_class is RetryClass.VERIFY:
            await self._resolve_all(batch, RowOutcome.NEEDS_VERIFICATION, "needs_verification",
                                    f"{exc.message}: it may have been saved; check before sending again")
        else:
            await self._mark(batch, "unknown" if reached else "planned")
        if self._failures >= self.max_consecutive_failures:
            return Stop("paused", UNREACHABLE_MESSAGE.format(error=exc.message), auto=True)
        await self._wait(full_jitter(self._failures, self._rng), f"retrying after an error ({exc.message})")
        return None

    async def _rate_limited(self, exc: RateLimited) -> None:
        self.pacer.throttle.on_rate_limited()
        wait = rate_limit_wait(exc.retry_after, self._rng)
        self.pacer.hold(wait, "rate limited")

    def _shrink(self, batch: Batch, size: int) -> None:
        """Keep the first ``size`` rows in this batch, requeue the rest, remember the smaller size."""
        size = max(1, size)
        self.batch_size = min(self.batch_size, size)
        rest = batch.rows[size:]
        batch.rows = batch.rows[:size]
        self._requeue.extendleft(reversed(rest))
        logger.info("batch size reduced to %s", self.batch_size)

    async def _call(self, request: Awaitable[T]) -> T:
        """Await one provider request; count it for the crash hook and honour quota headers."""
        try:
            return await request
        finally:
            self._returned += 1
            if self._crash_after is not None and self._returned == self._crash_after:
                crash()
            info = getattr(self.provider, "rate_limit", None)
            if info is None:
                http = getattr(self.provider, "_http", None)
                info = getattr(http, "last_rate_limit", None)
            if info is not None and getattr(info, "exhausted", False):
                reset = getattr(info, "reset_seconds", None)
                self.pacer.hold(self.quota_wait if reset is None else float(reset), "rate-limit quota used up")

    async def _pace(self, *, mark: bool = True) -> None:
        delay, reason = self.pacer.delay()
        if delay > 0 and self._deferred is not None:
            await self._flush()  # commit the last result first: that time counts towards the gap
            delay, reason = self.pacer.delay()
        for _ in range(3):  # a timer may fire early (clock resolution ~15 ms on Windows): check again
            if delay <= 0 or self._stop_state is not None:
                break
            await self._wait(delay, reason or None)
            delay, reason = self.pacer.delay()
        if mark:
            self.pacer.mark_start()

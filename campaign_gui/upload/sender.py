"""Sends one batch until it has outcomes: pacing, retries with back-off, halving, rate limits, quota holds."""

from __future__ import annotations

import enum
import logging
import os
import random
import signal
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

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
    Timeout,
)
from campaign_gui.domain.models import BatchResult, RowOutcome
from campaign_gui.providers.base import Provider, RetryClass
from campaign_gui.upload.answers import map_result
from campaign_gui.upload.batches import Batch, BatchSource
from campaign_gui.upload.control import RunControl, Stop
from campaign_gui.upload.pacing import Pacer
from campaign_gui.upload.recorder import Recorder
from campaign_gui.upload.retry import full_jitter, may_have_reached_server, rate_limit_wait
from campaign_gui.upload.verify import ReadBackFailed

logger = logging.getLogger(__name__)

T = TypeVar("T")
AUTH_MESSAGE = "{provider} did not accept the key: re-enter the key, then resume the job"
UNREACHABLE_MESSAGE = "provider unreachable, will resume ({error})"
NOT_ANSWERING_MESSAGE = "the provider is not answering ({error})"
# Consecutive timeouts for this long pause the job (the provider is not answering). A request may take up to its
# deadline (45 s) to time out: the pause comes at most this + one deadline + a short back-off after the first
# timed-out request started, about 2 minutes; with 45-s deadlines, at the second timeout (~90 s).
STALL_SECONDS = 75.0
TRANSIENT = (ServerError, NetworkError, ProtocolError)
CRASH_ENV = "CAMPAIGN_GUI_TEST_CRASH_AFTER"


class Sent(enum.Enum):
    """A send that ended without outcomes yet: the provider took the batch as an import job to poll."""

    AS_JOB = "as_job"


class Sender:
    """Sends (and resends) a batch until it has outcomes or the job must stop, one request at a time.

    Request starts are paced by ``pacer`` (its throttle slows down after rate limits, its holds honour
    Retry-After and exhausted quota headers). Transient failures back off with full jitter; after
    ``max_consecutive_failures`` in a row the job pauses (provider unreachable), and so it does once requests
    have timed out one after another for ``stall_seconds`` (the provider is not answering). A batch the provider finds
    too large is halved, the rest given back to ``source``; rows an answer leaves out are given back too
    (resendable providers) or flagged for verification. ``failures`` and ``last_ok`` are shared by every
    request of the run (the flows' polls and checks included).
    """

    def __init__(self, provider: Provider, target: dict[str, Any], *, pacer: Pacer, recorder: Recorder,
                 source: BatchSource, control: RunControl, clock: Callable[[], float] = time.monotonic,
                 rng: random.Random | None = None, max_consecutive_failures: int = 8,
                 quota_wait: float = 10.0, crash_after: int | None = None,
                 stall_seconds: float = STALL_SECONDS) -> None:
        self.provider = provider
        self.info = provider.info
        self.target = target
        self.pacer = pacer
        self._recorder = recorder
        self._source = source
        self._control = control
        self._clock = clock
        self._rng = rng if rng is not None else random.Random()
        self.max_consecutive_failures = max(1, max_consecutive_failures)
        self.quota_wait = quota_wait
        self._crash_after = crash_after
        self._returned = 0  # requests that came back (for the crash hook)
        self.failures = 0  # consecutive transient failures
        self.last_ok = False  # the last upload succeeded (a second lane opens only then)
        self.stall_seconds = stall_seconds
        self._stalled_since: float | None = None  # when the first of the timeouts in a row started

    # -- one batch ---------------------------------------------------------------------------------

    async def send(self, batch: Batch) -> Stop | Sent | None:
        """Send (and resend) one batch until it has outcomes (None), the job must stop (a Stop), or the
        provider took it as an import job still running (``Sent.AS_JOB``, its id in ``provider_job_id``)."""
        recorder, control = self._recorder, self._control
        while True:
            if batch.state == "planned":
                stop = control.stop()
                if stop is not None:
                    return stop
            await self.pace(mark=False)
            if batch.state == "planned" and control.stop() is not None:
                return control.stop()
            await recorder.begin(batch)
            self.pacer.mark_start()  # after the journal write: the gap is between real request starts
            try:
                result = await self._upload(batch)
            except RateLimited as exc:
                await recorder.mark(batch, "planned")
                self.rate_limited(exc)
                continue
            except AuthError:
                await recorder.mark(batch, "planned")
                return self.auth_stop()
            except (Forbidden, NotFound) as exc:
                await recorder.resolve_all(batch, RowOutcome.FAILED, "failed", exc.message)
                return Stop("failed", exc.message)
            except RequestTooLarge as exc:
                await recorder.mark(batch, "planned")
                if len(batch.rows) == 1:
                    await recorder.resolve_all(batch, RowOutcome.REJECTED, "failed", exc.message)
                    return None
                self._halve(batch)
                continue
            except Rejected as exc:
                self.failures = 0
                await recorder.resolve_all(batch, RowOutcome.REJECTED, "failed", exc.message)
                return None
            except TRANSIENT as exc:
                stop = await self._transient(batch, exc)
                if stop is not None or batch.state in ("done", "needs_verification"):
                    return stop
                continue
            except ValueError as exc:  # the target is unusable for this provider: a caller mistake
                await recorder.resolve_all(batch, RowOutcome.FAILED, "failed", str(exc))
                return Stop("failed", str(exc))
            self.succeeded()
            if result.job_id is not None and not result.complete:
                batch.provider_job_id = result.job_id
                await recorder.mark(batch, "sending", provider_job_id=result.job_id)
                return Sent.AS_JOB
            await self.apply(batch, result)
            return None

    async def apply(self, batch: Batch, result: BatchResult) -> None:
        """Record a provider answer; rows it did not account for are given back (resendable providers)
        or flagged for verification."""
        outcomes, missing = map_result(batch.rows, result)
        if missing and self.info.retry_class in (RetryClass.RESEND, RetryClass.RESUBMIT_SAME_NAME):
            gone = {r.index for r in missing}
            self._source.shrink(len(batch.rows) // 2)
            self._source.give_back(missing)
            batch.rows = [r for r in batch.rows if r.index not in gone]
            await self._recorder.resolve(batch, "done", outcomes, dict(result.raw_summary), rows_changed=True)
            return
        if missing:
            outcomes.extend((r.index, RowOutcome.NEEDS_VERIFICATION.value,
                             "the provider did not say what happened to this row") for r in missing)
        await self._recorder.resolve(batch, "done", outcomes, dict(result.raw_summary), defer=True)

    async def _upload(self, batch: Batch) -> BatchResult:
        """One upload request; afterwards the pacer counts from when it really left the client."""
        try:
            result = await self.call(self.provider.upload_batch(self.target, batch.rows, batch_key=batch.key))
        except BaseException:
            self.last_ok = False  # batches go one at a time again until one succeeds
            raise
        finally:
            if self._clock is time.monotonic:  # the transport's timestamps are monotonic seconds
                http = getattr(self.provider, "_http", None)
                self.pacer.started_at(getattr(http, "last_request_started", None))
        self.last_ok = True
        return result

    async def _transient(self, batch: Batch, exc: ProviderError) -> Stop | None:
        """A 5xx, network or protocol failure: back off; Cellcast's possibly-sent batch is flagged."""
        self.failures += 1
        reached = may_have_reached_server(exc)
        logger.info("batch %s failed (%s, reached=%s, failures=%s)", batch.id, type(exc).__name__, reached,
                    self.failures)
        if reached and self.info.retry_class is RetryClass.VERIFY:
            await self._recorder.resolve_all(batch, RowOutcome.NEEDS_VERIFICATION, "needs_verification",
                                             f"{exc.message}: it may have been saved; check before sending again")
        else:
            await self._recorder.mark(batch, "unknown" if reached else "planned")
        stop = self._give_up(exc)
        if stop is not None:
            return stop
        await self._control.wait(full_jitter(self.failures, self._rng), f"retrying after an error ({exc.message})")
        return None

    def _halve(self, batch: Batch) -> None:
        """Keep the first half of the batch, give the rest back, and send smaller batches from now on."""
        size = max(1, len(batch.rows) // 2)
        self._source.shrink(size)
        rest = batch.rows[size:]
        batch.rows = batch.rows[:size]
        self._source.give_back(rest)
        logger.info("batch size reduced to %s", self._source.size)

    # -- shared by every request of the run (the flows' too) ------------------------------------------

    def forget_failures(self) -> None:
        """Count failures afresh (the job resumes after a pause for failures)."""
        self.failures = 0
        self._stalled_since = None

    def succeeded(self) -> None:
        """A request succeeded: no failures in a row any more, and the throttle may ease."""
        self.failures = 0
        self.pacer.throttle.on_success()

    def auth_stop(self) -> Stop:
        return Stop("paused", AUTH_MESSAGE.format(provider=self.info.display_name))

    async def failure_wait(self, exc: ProviderError) -> Stop | None:
        """One more transient failure: back off, or pause the job once too many came in a row."""
        self.failures += 1
        stop = self._give_up(exc)
        if stop is not None:
            return stop
        await self._control.wait(full_jitter(self.failures, self._rng), f"retrying after an error ({exc.message})")
        return None

    def _give_up(self, exc: ProviderError) -> Stop | None:
        """The pause (to be ended by itself) that this many failures in a row call for, if any."""
        since = self._stalled_since
        if since is not None and self._clock() - since >= self.stall_seconds:
            return Stop("paused", NOT_ANSWERING_MESSAGE.format(error=exc.message), auto=True)
        if self.failures >= self.max_consecutive_failures:
            return Stop("paused", UNREACHABLE_MESSAGE.format(error=exc.message), auto=True)
        return None

    async def probe(self) -> bool:
        """One light request (the provider's connection test), paced like the others: True when the
        provider answered at all (even with an error of its own), False when it still does not."""
        await self.pace()
        try:
            await self.call(self.provider.test_connection())
        except TRANSIENT:
            return False
        except (ProviderError, ValueError):
            pass
        return True

    def rate_limited(self, exc: RateLimited) -> None:
        """A 429: slow down, and hold every request until Retry-After (with jitter) has passed."""
        self.pacer.throttle.on_rate_limited()
        self.pacer.hold(rate_limit_wait(exc.retry_after, self._rng), "rate limited")

    def may_overlap(self) -> bool:
        """A second batch may go out before this one is answered: the last upload succeeded, nothing slows
        requests down, and no rows given back wait to go first."""
        return (self.last_ok and self.pacer.throttle.delay == 0 and self.pacer.delay()[0] <= 0
                and not self._source.given_back)

    async def read_back(self, make: Callable[[], Awaitable[T]]) -> T:
        """One read-back request of the verification pass (verify.py), paced, rate-limited and backed off
        like every upload; raises ReadBackFailed when the run was stopped, the key refused or the provider
        does not answer."""
        while True:
            if self._control.stop_state is not None:
                raise ReadBackFailed("the import was stopped before the check ended", pause=False)
            await self.pace()
            try:
                found = await self.call(make())
            except RateLimited as exc:
                self.rate_limited(exc)
                continue
            except AuthError:
                raise ReadBackFailed(self.auth_stop().message) from None
            except TRANSIENT as exc:
                stop = await self.failure_wait(exc)
                if stop is not None:
                    raise ReadBackFailed(stop.message, auto=stop.auto) from None
                continue
            self.succeeded()
            return found

    async def call(self, request: Awaitable[T]) -> T:
        """Await one provider request; count it for the crash hook and honour quota headers, and note
        when timeouts in a row began."""
        started = self._clock()
        try:
            answer = await request
        except Timeout:
            if self._stalled_since is None:
                self._stalled_since = started
            raise
        except BaseException:
            self._stalled_since = None
            raise
        else:
            self._stalled_since = None
            return answer
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

    async def pace(self, *, mark: bool = True) -> None:
        """Wait until the next request may start (a stop cuts the wait short); ``mark``: count it started."""
        delay, reason = self.pacer.delay()
        if delay > 0 and self._recorder.holding:
            await self._recorder.flush()  # commit the last result first: that time counts towards the gap
            delay, reason = self.pacer.delay()
        for _ in range(3):  # a timer may fire early (clock resolution ~15 ms on Windows): check again
            if delay <= 0 or self._control.stop_state is not None:
                break
            await self._control.wait(delay, reason or None)
            delay, reason = self.pacer.delay()
        if mark:
            self.pacer.mark_start()


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

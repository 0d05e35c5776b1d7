"""Request pacing: a minimum gap between request starts, adaptive slow-down on 429, quota holds."""

from __future__ import annotations

import time
from collections.abc import Callable


class AdaptiveThrottle:
    """Per-account extra delay between requests (Picard-style): grows on 429, decays on success.

    Keep one per account (not a module global) and share it between jobs of that account.
    """

    def __init__(self, *, step: float = 0.25, factor: float = 2.0, decay: float = 0.8,
                 maximum: float = 30.0) -> None:
        self.delay = 0.0
        self._step = step
        self._factor = factor
        self._decay = decay
        self._maximum = maximum

    def on_rate_limited(self) -> None:
        self.delay = min(self._maximum, max(self._step, self.delay * self._factor))

    def on_success(self) -> None:
        self.delay *= self._decay
        if self.delay < self._step / 8:
            self.delay = 0.0


class Pacer:
    """Decides how long to wait before the next request starts.

    ``interval`` is the fixed minimum gap between request *starts* (0 = off); the throttle adds
    its adaptive delay; ``hold_until`` (an absolute clock time) blocks until a rate-limit window
    resets. Times come from ``clock`` (monotonic seconds), injectable for tests.
    """

    def __init__(self, interval: float, throttle: AdaptiveThrottle | None = None,
                 clock: Callable[[], float] = time.monotonic, *, slack: float = 0.0) -> None:
        self.interval = max(0.0, interval)
        # added to a non-zero interval: covers the time from mark_start() to the request leaving the client
        self.slack = max(0.0, slack) if self.interval > 0 else 0.0
        self.throttle = throttle if throttle is not None else AdaptiveThrottle()
        self._clock = clock
        self._last_start: float | None = None
        self._hold_until = 0.0
        self.hold_reason = ""

    def hold(self, seconds: float, reason: str) -> None:
        """No request may start for ``seconds`` from now (429 Retry-After, exhausted quota)."""
        until = self._clock() + max(0.0, seconds)
        if until > self._hold_until:
            self._hold_until = until
            self.hold_reason = reason

    def delay(self) -> tuple[float, str]:
        """Seconds to wait now before the next request may start, and why (empty when pacing)."""
        now = self._clock()
        wait, reason = 0.0, ""
        if self._last_start is not None:
            wait = self._last_start + self.interval + self.slack + self.throttle.delay - now
            reason = "slowing down after rate limits" if self.throttle.delay > 0 else ""
        hold = self._hold_until - now
        if hold > wait:
            wait, reason = hold, self.hold_reason
        return max(0.0, wait), reason

    def mark_start(self) -> None:
        self._last_start = self._clock()

    def started_at(self, when: float | None) -> None:
        """The request marked last really left at ``when`` (same clock): pace the next one from there.

        Work between ``mark_start`` and the wire (building the body, minting a token) would otherwise
        shorten the real gap to the next request.
        """
        if when is not None and self._last_start is not None and when > self._last_start:
            self._last_start = when

"""Upload progress as data: frozen snapshots, a rate estimate, and a ≤ 10 Hz throttle."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

MAX_RATE_HZ = 10.0
RATE_WINDOW = 10.0  # seconds of history used for rows/s


@dataclass(frozen=True)
class ProgressSnapshot:
    """Where an upload stands. ``done`` counts rows with a final outcome out of ``total`` to send.

    ``rows_per_second`` and ``eta_seconds`` are None while unknown (too early, or waiting);
    ``waiting_reason`` says why nothing moves (``"rate limited, 12 s"``) until ``waiting_until``
    (a ``time.time()`` wall-clock instant).
    """

    total: int
    done: int
    counts: Mapping[str, int] = field(default_factory=dict)
    rows_per_second: float | None = None
    eta_seconds: float | None = None
    current_batch: int | None = None
    state: str = "running"
    waiting_reason: str | None = None
    waiting_until: float | None = None
    message: str = ""
    run_seconds: float = 0.0  # since this run's first snapshot (a resume is a new run)
    run_done: int = 0  # rows settled in this run
    phase: str = "sending"  # "verifying" while ambiguous rows are read back from the provider

    @property
    def fraction(self) -> float:
        return 1.0 if self.total <= 0 else min(1.0, self.done / self.total)

    @property
    def run_rows_per_second(self) -> float | None:
        """This run's own average, what to show once it ended: the moving rate needs half a second of
        history (a short import ends without one) and describes the last seconds only."""
        return self.run_done / self.run_seconds if self.run_done > 0 and self.run_seconds > 0 else None


ProgressCallback = Callable[[ProgressSnapshot], None]


class ProgressReporter:
    """Builds snapshots and calls ``callback`` at most ``MAX_RATE_HZ`` times a second (plus forced ones)."""

    def __init__(self, callback: ProgressCallback | None, total: int, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._callback = callback
        self._clock = clock
        self.total = total
        self._last_emit: float | None = None
        self._history: deque[tuple[float, int]] = deque()
        self._start: tuple[float, int] | None = None  # (time, done) of the first snapshot
        self.phase = "sending"  # every snapshot carries it; the engine sets "verifying" while reading back

    def emit(self, done: int, counts: Mapping[str, int], *, state: str, current_batch: int | None = None,
             waiting_reason: str | None = None, waiting_seconds: float | None = None, message: str = "",
             force: bool = False) -> ProgressSnapshot | None:
        now = self._clock()
        if self._start is None:
            self._start = (now, done)
        self._history.append((now, done))
        while len(self._history) > 2 and self._history[0][0] < now - RATE_WINDOW:
            self._history.popleft()
        if self._callback is None:
            return None
        if not force and self._last_emit is not None and now - self._last_emit < 1.0 / MAX_RATE_HZ:
            return None
        self._last_emit = now
        rate = self._rate(now)
        remaining = max(0, self.total - done)
        eta = remaining / rate if rate and waiting_reason is None else (0.0 if remaining == 0 else None)
        snapshot = ProgressSnapshot(
            total=self.total, done=done, counts=MappingProxyType(dict(counts)), rows_per_second=rate,
            eta_seconds=eta, current_batch=current_batch, state=state, waiting_reason=waiting_reason,
            waiting_until=time.time() + waiting_seconds if waiting_seconds is not None else None,
            message=message, run_seconds=now - self._start[0], run_done=done - self._start[1], phase=self.phase)
        self._callback(snapshot)
        return snapshot

    def _rate(self, now: float) -> float | None:
        if len(self._history) < 2:
            return None
        t0, d0 = self._history[0]
        if now - t0 < 0.5 or self._history[-1][1] <= d0:
            return None
        return (self._history[-1][1] - d0) / (now - t0)

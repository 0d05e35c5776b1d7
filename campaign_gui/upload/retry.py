"""Retry decisions: backoff with full jitter, and whether a failed request may have reached the server."""

from __future__ import annotations

import random

from campaign_gui.domain.errors import NetworkError, ProviderError, Timeout

BACKOFF_BASE = 0.5
BACKOFF_CAP = 30.0
RATE_LIMIT_JITTER = 0.5  # up to this fraction of Retry-After (at least 0.1 s) added as jitter

_NOT_SENT_CAUSES = ("ConnectError", "ConnectTimeout", "PoolTimeout", "UnsupportedProtocol")


def full_jitter(attempt: int, rng: random.Random, *, base: float = BACKOFF_BASE, cap: float = BACKOFF_CAP) -> float:
    """AWS 'full jitter': uniform in [0, min(cap, base * 2**(attempt-1))] for attempt ≥ 1."""
    ceiling = min(cap, base * (2 ** max(0, min(attempt - 1, 30))))
    return rng.uniform(0.0, ceiling)


def rate_limit_wait(retry_after: float, rng: random.Random) -> float:
    """Retry-After (already clamped) plus a little jitter so several clients do not return together."""
    return retry_after + rng.uniform(0.0, max(0.1, retry_after * RATE_LIMIT_JITTER))


def may_have_reached_server(exc: ProviderError) -> bool:
    """False only when the request certainly never reached the server (connect refused/timeout).

    ``HttpClient`` raises its errors ``from None`` but Python keeps the original httpx exception
    as ``__context__``; its type name tells a refused connection from a reset after sending.
    """
    if isinstance(exc, NetworkError) or isinstance(exc, Timeout):
        context = exc.__context__
        while context is not None:
            if type(context).__name__ in _NOT_SENT_CAUSES:
                return False
            context = context.__context__
        return True
    return True

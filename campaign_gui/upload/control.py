"""What the user asks of a running upload (pause, cancel, interrupt), why a run stops, and its waits."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

CANCELLED_MESSAGE = "cancelled by the user"
INTERRUPTED_MESSAGE = "interrupted; resume the job to continue"


@dataclass(frozen=True)
class Stop:
    """Why the engine stopped: the job state to record and a message for the user."""

    state: str
    message: str
    auto: bool = False  # a transient pause the engine may end by itself (provider unreachable)


async def _nothing() -> None:
    return None


class RunControl:
    """One run's pause and stop requests, and the waits a stop cuts short.

    ``pause()``/``resume()``/``cancel()``/``interrupt()`` may be called from the loop at any time; the run
    loop acts on them between batches (``stop()``, ``until_resumed()``). ``wait()`` sleeps through the
    injectable ``sleep`` unless a cancel or an interrupt wakes it; before a sleep it calls ``settle`` (the
    recorder commits what it holds back) and, when the wait has a reason, ``show`` (progress shows it).
    """

    def __init__(self, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep, *,
                 settle: Callable[[], Awaitable[None]] = _nothing, show: Callable[[], None] = lambda: None) -> None:
        self._sleep = sleep
        self._settle = settle
        self._show = show
        self.pause_requested = False
        self.stop_state: str | None = None  # "cancelled" / "interrupted" once asked
        self.waiting: tuple[str, float] | None = None  # (reason, seconds) while a wait with a reason lasts
        self._wake = asyncio.Event()
        self._resumed = asyncio.Event()

    def pause(self) -> None:
        self.pause_requested = True

    def resume(self) -> None:
        self.pause_requested = False
        self._resumed.set()

    def cancel(self) -> None:
        self.stop_state = "cancelled"
        self._wake.set()
        self._resumed.set()

    def interrupt(self) -> None:
        if self.stop_state is None:
            self.stop_state = "interrupted"
        self._wake.set()
        self._resumed.set()

    def stop(self) -> Stop | None:
        """The Stop a cancel or an interrupt asks for, None while the run may go on."""
        if self.stop_state is None:
            return None
        return Stop(self.stop_state, CANCELLED_MESSAGE if self.stop_state == "cancelled" else INTERRUPTED_MESSAGE)

    @property
    def pausing(self) -> bool:
        """A pause is asked for and no stop: the run loop should pause at its next checkpoint."""
        return self.pause_requested and self.stop_state is None

    async def until_resumed(self) -> None:
        """Wait while paused: until ``resume()``, a cancel or an interrupt."""
        self._resumed.clear()
        while self.pause_requested and self.stop_state is None:
            await self._resumed.wait()
            self._resumed.clear()

    async def wait(self, seconds: float, reason: str | None, *, resumable: bool = False) -> bool:
        """Sleep ``seconds`` unless a cancel/interrupt wakes us; ``reason`` is shown in progress meanwhile.

        A wait with a reason (a back-off, a rate limit) is skipped once a stop is asked for. ``resumable``: a
        ``resume()`` during the wait ends it too (a pause the engine would end by itself); True if one did.
        """
        if seconds <= 0:
            return False
        if self.stop_state is not None and reason is not None:
            return False
        if resumable:
            self._resumed.clear()
        await self._settle()  # never sit on an uncommitted result
        self.waiting = (reason, seconds) if reason else None
        if reason:
            self._show()
        sleeper = asyncio.ensure_future(self._sleep(seconds))
        waker = asyncio.ensure_future(self._wake.wait())
        wakers = {sleeper, waker}
        if resumable:
            wakers.add(asyncio.ensure_future(self._resumed.wait()))
        try:
            await asyncio.wait(wakers, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in wakers:
                if not task.done():
                    task.cancel()
            self.waiting = None
        return resumable and self._resumed.is_set() and self.stop_state is None

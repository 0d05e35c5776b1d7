"""RunControl: pause/cancel/interrupt requests, the Stop they ask for, and the waits a stop cuts short."""

from __future__ import annotations

import asyncio

from engine_fakes import FakeTime

from campaign_gui.upload.control import CANCELLED_MESSAGE, INTERRUPTED_MESSAGE, RunControl, Stop


def test_stop_follows_the_requests() -> None:
    control = RunControl()
    assert control.stop() is None and not control.pausing
    control.pause()
    assert control.pausing
    control.interrupt()
    assert control.stop() == Stop("interrupted", INTERRUPTED_MESSAGE) and not control.pausing
    control.cancel()  # a cancel outranks an interrupt
    assert control.stop() == Stop("cancelled", CANCELLED_MESSAGE)
    control.interrupt()  # ... and an interrupt never undoes a cancel
    assert control.stop() == Stop("cancelled", CANCELLED_MESSAGE)


async def test_wait_settles_first_shows_its_reason_and_sleeps() -> None:
    t = FakeTime()
    seen: list[str] = []
    control: RunControl

    async def settle() -> None:
        seen.append("settle")

    def show() -> None:
        seen.append(f"show {control.waiting}")

    control = RunControl(t.sleep, settle=settle, show=show)
    await control.wait(2.5, "retrying after an error (x)")
    await control.wait(1.0, None)  # a poll interval: nothing to show
    await control.wait(0, "nothing")
    assert t.sleeps == [2.5, 1.0]
    assert seen == ["settle", "show ('retrying after an error (x)', 2.5)", "settle"]
    assert control.waiting is None


async def test_a_stop_wakes_a_wait_and_skips_the_next_one() -> None:
    control = RunControl()  # real asyncio.sleep: a long wait ends only by being woken
    waiting = asyncio.ensure_future(control.wait(3600, "rate limited"))
    while control.waiting is None:
        await asyncio.sleep(0)
    control.interrupt()
    await asyncio.wait_for(waiting, 5)
    assert control.waiting is None
    t = FakeTime()
    stopped = RunControl(t.sleep)
    stopped.cancel()
    await stopped.wait(30, "retrying after an error (x)")
    assert t.sleeps == []


async def test_until_resumed_returns_on_resume_or_on_a_stop() -> None:
    control = RunControl()
    control.pause()
    paused = asyncio.ensure_future(control.until_resumed())
    await asyncio.sleep(0)
    assert not paused.done()
    control.resume()
    await asyncio.wait_for(paused, 5)
    control.pause()
    paused = asyncio.ensure_future(control.until_resumed())
    await asyncio.sleep(0)
    control.cancel()
    await asyncio.wait_for(paused, 5)
    assert control.stop_state == "cancelled"

"""The pacer counts the gap from when a request really left, not from when it was marked."""

from __future__ import annotations

from campaign_gui.upload.pacing import Pacer


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_late_real_start_pushes_the_next_request_back() -> None:
    clock = Clock()
    pacer = Pacer(0.2, clock=clock)
    pacer.mark_start()  # marked at 0.0, but minting a token delayed the send to 0.03
    pacer.started_at(0.03)
    clock.now = 0.1
    assert pacer.delay()[0] == 0.2 + 0.03 - 0.1


def test_an_earlier_or_missing_real_start_changes_nothing() -> None:
    clock = Clock()
    pacer = Pacer(0.2, clock=clock)
    clock.now = 1.0
    pacer.mark_start()
    pacer.started_at(0.5)  # not later than the mark: ignored
    pacer.started_at(None)
    clock.now = 1.1
    assert abs(pacer.delay()[0] - 0.1) < 1e-9


def test_nothing_marked_yet_ignores_real_starts() -> None:
    pacer = Pacer(0.2, clock=Clock())
    pacer.started_at(5.0)
    assert pacer.delay()[0] == 0.0

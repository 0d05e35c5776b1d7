"""The Qt binding itself: guards against a PySide6 release that breaks long sessions."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(int, bool, str)


def test_emitting_signals_keeps_reference_counts(qapp: object) -> None:
    # PySide6 6.12.0 dropped a reference to True on every emit(): a long session crashed.
    emitter = _Emitter()
    received: list[int] = []
    emitter.fired.connect(lambda n, _flag, _text: received.append(n))
    before = sys.getrefcount(True), sys.getrefcount(False)
    for n in range(2_000):
        emitter.fired.emit(n, n % 2 == 0, "x")
    assert len(received) == 2_000
    assert abs(sys.getrefcount(True) - before[0]) < 50 and abs(sys.getrefcount(False) - before[1]) < 50

"""SIGTERM (and logout) during an import: the window closes as "Stop and quit" does, without the question."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from qt_support import add_account
from test_import_drop import make_window, start_job
from test_import_helpers import contacts_xlsx

from campaign_gui.services.container import AppServices
from campaign_gui.ui.quit_signals import QuitSignals


def test_sigterm_during_an_import_stops_it_after_its_batch_and_closes(services: AppServices, sandbox: Any,
                                                                      qloop: Any, qtbot: QtBot,
                                                                      tmp_path: Path) -> None:
    window, support, service = make_window(services, tmp_path, qtbot, pacing=0.25)
    account = add_account(services, sandbox, "stringee")
    job = start_job(service, account, contacts_xlsx(tmp_path / "kh.xlsx", n=4000), qtbot)
    qtbot.waitUntil(lambda: (service.jobs.snapshot(job) or type("S", (), {"done": 0})).done >= 1000, timeout=20_000)
    window.close()  # the user's close asks first; SIGTERM must not wait for an answer
    assert support.box is not None and support.box.objectName() == "closeBox" and window.isVisible()
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    quit_signals = QuitSignals(QApplication.instance(), support.stop_and_quit).install()
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: bool(closed), timeout=15_000)
    finally:
        quit_signals.uninstall()
    assert not window.isVisible()
    record = service.jobs.record(job)
    assert record is not None and record.state == "interrupted"  # resumable: committed, not failed
    sent = len(sandbox.control.ledger("stringee"))
    assert 1000 <= sent < 4000
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the previous handler is back

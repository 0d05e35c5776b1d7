"""The rotating log, Qt messages in it, and uncaught exceptions redacted to the user."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import qWarning

from campaign_gui.domain.redaction import register_secret
from campaign_gui.services.diagnostics import CrashReporter, install_qt_message_handler, setup_logging


@pytest.fixture
def log_path(tmp_path: Path) -> Iterator[Path]:
    path = setup_logging(tmp_path)
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == path:
            root.removeHandler(handler)
            handler.close()


def test_uncaught_exception_is_logged_and_shown_redacted(log_path: Path) -> None:
    register_secret("cellcast-live-key-91f2aa")
    shown: list[tuple[str, str]] = []
    reporter = CrashReporter(lambda title, message: shown.append((title, message)))
    try:
        raise ValueError("request failed with key cellcast-live-key-91f2aa")
    except ValueError:
        reporter.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    assert shown == [("ValueError", "request failed with key ***")]
    text = log_path.read_text()
    assert "uncaught exception" in text and "Traceback" in text
    assert "cellcast-live-key-91f2aa" not in text


def test_loop_exceptions_reach_the_same_place(log_path: Path) -> None:
    shown: list[str] = []
    reporter = CrashReporter(lambda title, _m: shown.append(title))
    reporter.loop_exception(None, {"message": "task failed", "exception": KeyError("x")})  # type: ignore[arg-type]
    assert shown == ["KeyError"]


def test_qt_warnings_go_to_the_log(log_path: Path) -> None:
    install_qt_message_handler()
    qWarning("a Qt warning for the log")
    assert "a Qt warning for the log" in log_path.read_text()
    assert log_path.parent.name == "logs"

"""GUI tests run offscreen: the platform is chosen before any QApplication exists."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pytest
from qt_support import _session_qloop, qloop, secrets, services  # noqa: F401  (fixtures)

_HERE = Path(__file__).resolve().parent
# The window/services modules of issue 4; other helpers' tests in this folder keep their own policy.
_STRICT = {"test_account_dialog.py", "test_contacts_model.py", "test_main_window.py", "test_i18n.py",
           "test_qt_runtime.py"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Any Qt warning during these tests fails them (qutebrowser's habit)."""
    for item in items:
        path = Path(str(item.fspath)).resolve()
        if path.parent == _HERE and path.name in _STRICT:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore("does not support propagateSizeHints"))  # offscreen

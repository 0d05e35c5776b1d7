"""The dialog an uncaught exception shows: what happened (redacted) and where the log is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def show_crash_dialog(parent: QWidget | None, title: str, message: str, log_dir: Path) -> QMessageBox:
    """Open (never ``exec``) a message box; ``message`` is already redacted by the reporter."""
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("CrashDialog", "Unexpected error"),
                      QCoreApplication.translate(
                          "CrashDialog", "Something went wrong ({0}): {1}\n\nThe details are in the log in {2}.")
                      .format(title, message, log_dir), QMessageBox.StandardButton.Close, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box

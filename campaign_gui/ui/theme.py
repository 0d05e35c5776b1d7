"""Colour scheme: follow the system, or force light/dark (Fusion palette where the platform cannot)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from campaign_gui.ui import icons

SCHEMES = ("system", "light", "dark")


def _dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2e", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e20", QPalette.ColorRole.AlternateBase: "#323236",
        QPalette.ColorRole.ToolTipBase: "#3a3a3e", QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#35353a",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Highlight: "#3d7bd9", QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#7aa7ff", QPalette.ColorRole.PlaceholderText: "#9a9aa0",
        QPalette.ColorRole.Mid: "#4a4a50", QPalette.ColorRole.Dark: "#202023", QPalette.ColorRole.Light: "#505056",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7d7d82"))
    return palette


def apply_scheme(app: QApplication, choice: str) -> None:
    """``system`` follows the platform; ``light``/``dark`` ask the platform, then fall back to Fusion."""
    hints = QGuiApplication.styleHints()
    if choice == "system":
        hints.unsetColorScheme()
        wanted = None
    else:
        wanted = Qt.ColorScheme.Dark if choice == "dark" else Qt.ColorScheme.Light
        hints.setColorScheme(wanted)
    if wanted is not None and hints.colorScheme() != wanted:
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(_dark_palette() if wanted is Qt.ColorScheme.Dark else app.style().standardPalette())
    elif wanted is not None:
        app.setPalette(app.style().standardPalette())
    icons.clear_cache()


def is_dark() -> bool:
    palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < palette.color(QPalette.ColorRole.WindowText).lightness()

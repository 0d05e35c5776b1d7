"""Colour scheme: follow the system, or force light/dark (Fusion palette where the platform cannot)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

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
        QPalette.ColorRole.Highlight: "#2f6bc8", QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#7aa7ff", QPalette.ColorRole.PlaceholderText: "#9a9aa0",
        QPalette.ColorRole.Mid: "#4a4a50", QPalette.ColorRole.Dark: "#202023", QPalette.ColorRole.Light: "#505056",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    # Disabled text stays readable (WCAG AA, 4.5:1 on every background it is drawn on): dimmer, not hidden.
    _legible_disabled(palette, "#a0a0a6")
    return palette


def _light_palette(standard: QPalette) -> QPalette:
    """Fusion's light palette with disabled text and the selection at WCAG AA contrast."""
    palette = QPalette(standard)
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2a6cb5"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    _legible_disabled(palette, "#6b6b6b")
    return palette


def _legible_disabled(palette: QPalette, text: str) -> None:
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        palette.setColor(disabled, role, QColor(text))
    for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
        palette.setColor(disabled, role, palette.color(QPalette.ColorGroup.Active, role))


class ContrastStyle(QProxyStyle):
    """Fusion whose check box and radio button outlines stand out (WCAG 1.4.11: 3:1 against the window);
    Fusion draws them a shade darker than the window, which in dark mode is nearly invisible."""

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption, painter: QPainter,
                      widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
                           QStyle.PrimitiveElement.PE_IndicatorRadioButton):
            return
        enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
        group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
        colour = option.palette.color(group, QPalette.ColorRole.Text if not enabled
                                      else QPalette.ColorRole.PlaceholderText)
        painter.save()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if element is QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(QPen(colour, 1.5))
            painter.drawEllipse(QRectF(option.rect).adjusted(1.25, 1.25, -1.25, -1.25))
        else:  # a crisp one-pixel square on the frame Fusion draws
            painter.setPen(QPen(colour, 1))
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
        painter.restore()


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
        app.setStyle(ContrastStyle("Fusion"))
        app.setPalette(_dark_palette() if wanted is Qt.ColorScheme.Dark
                       else _light_palette(app.style().standardPalette()))
    elif wanted is not None:
        app.setPalette(app.style().standardPalette())
    icons.clear_cache()


def is_dark() -> bool:
    palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < palette.color(QPalette.ColorRole.WindowText).lightness()

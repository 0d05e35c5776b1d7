"""Light and dark schemes meet WCAG AA: text 4.5:1 on its background (disabled too), indicators 3:1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleFactory,
    QStyleOptionButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from campaign_gui.ui.theme import apply_scheme

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("does not support propagateSizeHints")]

R, G = QPalette.ColorRole, QPalette.ColorGroup
TEXT_PAIRS = [(R.WindowText, R.Window), (R.Text, R.Base), (R.Text, R.AlternateBase), (R.ButtonText, R.Button),
              (R.HighlightedText, R.Highlight), (R.PlaceholderText, R.Base), (R.ToolTipText, R.ToolTipBase),
              (R.Link, R.Base), (R.WindowText, R.Button)]


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(colour.blue())


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def restore_look(qapp: QApplication) -> Iterator[QApplication]:
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    yield qapp
    QGuiApplication.styleHints().unsetColorScheme()
    qapp.setStyle(QStyleFactory.create(style))
    qapp.setPalette(palette)


def test_contrast_formula() -> None:
    assert round(contrast(QColor("#000000"), QColor("#ffffff")), 1) == 21.0
    assert round(contrast(QColor("#767676"), QColor("#ffffff")), 1) == 4.5  # the usual AA grey on white


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_text_colour_meets_aa_enabled_and_disabled(restore_look: QApplication, scheme: str) -> None:
    apply_scheme(restore_look, scheme)
    palette = restore_look.palette()
    failing = []
    for group in (G.Active, G.Inactive, G.Disabled):
        for fg, bg in TEXT_PAIRS:
            ratio = contrast(palette.color(group, fg), palette.color(group, bg))
            if ratio < 4.5:
                failing.append((group.name, fg.name, bg.name, round(ratio, 2)))
    assert failing == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", [QCheckBox, QRadioButton])
@pytest.mark.parametrize("enabled", [True, False])
def test_check_boxes_and_radio_buttons_stand_out(restore_look: QApplication, qtbot: QtBot, scheme: str,
                                                 kind: type[QCheckBox] | type[QRadioButton], enabled: bool) -> None:
    apply_scheme(restore_look, scheme)
    host = QWidget()
    qtbot.addWidget(host)
    button = kind("Gửi tin nhắn", host)
    button.setEnabled(enabled)
    QVBoxLayout(host).addWidget(button)
    host.show()
    qtbot.waitExposed(host)
    image = button.grab().toImage()
    option = QStyleOptionButton()
    option.initFrom(button)
    element = (QStyle.SubElement.SE_CheckBoxIndicator if kind is QCheckBox
               else QStyle.SubElement.SE_RadioButtonIndicator)
    rect = button.style().subElementRect(element, option, button)
    window = restore_look.palette().color(G.Active, R.Window)
    best = max(contrast(image.pixelColor(x, y), window)
               for x in range(rect.left(), rect.right() + 1) for y in range(rect.top(), rect.bottom() + 1))
    assert best >= 3.0  # WCAG 1.4.11: a control's boundary against what is around it

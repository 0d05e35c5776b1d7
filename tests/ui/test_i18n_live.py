"""After a live switch to Vietnamese no widget still says English, and no form has two rows with the same label."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest
import test_main_window
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from qt_support import show_all_contacts

from campaign_gui.ui.i18n import I18N_DIR, LanguageManager
from campaign_gui.ui.main_window import MainWindow

window = test_main_window.window  # the window on demo data (fixture)
pytestmark = [pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("does not support propagateSizeHints")]


def english_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every catalogue source whose Vietnamese differs, as a pattern that matches its English rendering."""
    root = ET.parse(I18N_DIR / "campaign_gui_vi.ts").getroot()
    out = []
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] if translation is not None else []
        vi = forms[0] if forms else (translation.text if translation is not None else "") or ""
        if not source or vi == source or len(re.sub(r"\{\d\}|%n|[^A-Za-z]", "", source)) < 4:
            continue
        text = source.replace("&", "")
        pattern = re.escape(text).replace(r"\{0\}", ".+").replace(r"\{1\}", ".+").replace(r"\{2\}", ".+")
        pattern = pattern.replace("%n", r"[\d.,]+").replace(r"\(s\)", "s?").replace(r"\(es\)", "(es)?")
        out.append((source, re.compile(pattern)))
    return out


def texts_of(root: QWidget) -> list[str]:
    found: list[str] = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if isinstance(widget, QLabel):
            found.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            found.append(widget.text())
        elif isinstance(widget, QLineEdit):
            found.append(widget.placeholderText())
        elif isinstance(widget, QGroupBox):
            found.append(widget.title())
        elif isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        if widget.toolTip():
            found.append(widget.toolTip())
    for action in root.findChildren(QAction):
        found += [action.text(), action.toolTip()]
    return [re.sub(r"<[^>]+>", "\n", t).replace("&", "") for t in found if t]


def english_left(texts: list[str]) -> list[tuple[str, str]]:
    patterns = english_patterns()
    left = []
    for text in texts:
        for part in (p.strip() for p in text.split("\n")):
            for source, pattern in patterns:
                if part and pattern.fullmatch(part):
                    left.append((part, source))
    return left


def tree_texts(win: MainWindow) -> list[str]:
    model = win.tree.tree_model
    out: list[str] = []

    def walk(parent: QModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            out.append(str(index.data()))
            walk(index)

    walk(QModelIndex())
    return out


def form_labels(widget: QWidget) -> list[str]:
    labels = []
    for form in widget.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel) and label.text() and label.isVisibleTo(widget):
                labels.append(label.text())
    return labels


@pytest.fixture
def vietnamese(window: MainWindow, qtbot: QtBot) -> Any:
    languages = LanguageManager()
    languages.apply("vi")
    qtbot.waitUntil(lambda: window.windowTitle() == "Quản lý chiến dịch", timeout=5_000)
    window.setProperty("test_languages", languages)
    yield window
    languages.apply("en")


def test_no_english_left_in_the_window_after_a_live_switch(vietnamese: MainWindow, qtbot: QtBot) -> None:
    win = vietnamese
    texts = texts_of(win) + tree_texts(win)
    texts += [str(win.pane.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(win.pane.model.columnCount())]
    assert english_left(texts) == []
    model = win.tree.tree_model
    account = model.index(0, 0, model.index(0, 0))
    win.tree.setCurrentIndex(account)  # the centre shows a hint for an account node
    qtbot.waitUntil(lambda: win.pane.hint.isVisible(), timeout=5_000)
    assert english_left([win.pane.hint.text()]) == []
    languages = win.property("test_languages")
    languages.apply("en")
    qtbot.waitUntil(lambda: win.windowTitle() == "Campaign Manager", timeout=5_000)
    english = win.pane.hint.text()
    languages.apply("vi")
    qtbot.waitUntil(lambda: win.pane.hint.text() != english, timeout=5_000)  # the centre hint follows too


def test_account_dialog_and_connection_summary_in_vietnamese(vietnamese: MainWindow, qtbot: QtBot) -> None:
    win = vietnamese
    account = next(a for a in win.services.accounts.accounts() if a.provider.value == "alohub")
    dialog = win.open_account_dialog(account)
    assert english_left(texts_of(dialog)) == []
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "Đã kết nối" in dialog.status.text(), timeout=10_000)
    assert re.search(r"Đã kết nối: \d+ chiến dịch", dialog.status.text()), dialog.status.text()
    assert english_left([dialog.status.text()]) == []
    dialog.reject()


def test_add_contact_dialog_has_distinct_labels_and_no_star(vietnamese: MainWindow, qtbot: QtBot) -> None:
    win = vietnamese
    show_all_contacts(win, qtbot, "Cellcast")  # "All contacts"
    win.contact_actions.add.trigger()
    dialog = win.contact_actions._dialog
    labels = form_labels(dialog)
    assert len(labels) == len(set(labels)), labels
    target = dialog.findChildren(QLabel)
    assert "*" not in [label.text() for label in target]
    assert "Tất cả liên hệ" in [label.text() for label in target]
    assert english_left(texts_of(dialog)) == []
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

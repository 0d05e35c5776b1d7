"""SVG icons drawn in the palette's text colour, so they follow light and dark schemes and any DPI."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QAbstractButton

ICON_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"
_SIZES = (16, 20, 24, 32, 48, 64)
_cache: dict[tuple[str, str], QIcon] = {}
_PROPERTY = "themedIcon"


def icon(name: str, color: QColor | None = None) -> QIcon:
    """The icon ``name`` (a file in resources/icons) tinted with ``color`` or the palette's text colour."""
    if color is None:
        color = QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
    key = (name, color.name())
    cached = _cache.get(key)
    if cached is not None:
        return cached
    path = ICON_DIR / f"{name}.svg"
    data = path.read_text(encoding="utf-8").replace("currentColor", color.name())
    renderer = QSvgRenderer(QByteArray(data.encode("utf-8")))
    result = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    _cache[key] = result
    return result


def clear_cache() -> None:
    """Forget tinted icons (the palette changed)."""
    _cache.clear()


def app_icon() -> QIcon:
    return QIcon(str(ICON_DIR / "app.svg"))


def themed(target: QAction | QAbstractButton, name: str) -> None:
    """Give ``target`` the icon ``name`` and remember it, so ``retint`` can redraw it for a new palette."""
    target.setIcon(icon(name))
    target.setProperty(_PROPERTY, name)


def retint(root: QObject) -> None:
    """Redraw every ``themed`` icon under ``root`` (call on a palette change)."""
    clear_cache()
    for obj in [root, *root.findChildren(QObject)]:
        name = obj.property(_PROPERTY)
        if isinstance(name, str) and isinstance(obj, (QAction, QAbstractButton)):
            obj.setIcon(icon(name))

"""The app icon in every form an installer wants, from resources/campaign-gui.svg.

Qt renders the SVG (QSvgRenderer, offscreen) to PNGs; Pillow packs them into a Windows ``.ico`` and a macOS
``.icns``. ``python packaging/icons.py OUT`` writes all of them (hicolor PNG sizes under OUT/hicolor).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "campaign-gui.svg"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_png(size: int, out: Path) -> Path:
    """One square PNG of the SVG at ``size`` pixels."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841  (QImage painting needs one)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"cannot write {out}")
    return out


def make_hicolor(out_dir: Path) -> list[Path]:
    """OUT/hicolor/<n>x<n>/apps/campaign-gui.png for each size, and scalable/apps/campaign-gui.svg."""
    written = [render_png(n, out_dir / "hicolor" / f"{n}x{n}" / "apps" / "campaign-gui.png") for n in HICOLOR_SIZES]
    scalable = out_dir / "hicolor" / "scalable" / "apps" / "campaign-gui.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(SVG.read_bytes())
    return [*written, scalable]


def make_ico(out_dir: Path) -> Path:
    from PIL import Image

    big = render_png(256, out_dir / "png" / "256.png")
    out = out_dir / "campaign-gui.ico"
    Image.open(big).save(out, format="ICO", sizes=[(n, n) for n in ICO_SIZES])
    return out


def make_icns(out_dir: Path) -> Path:
    from PIL import Image

    big = render_png(1024, out_dir / "png" / "1024.png")
    out = out_dir / "campaign-gui.icns"
    Image.open(big).save(out, format="ICNS", sizes=[(n, n) for n in ICNS_SIZES])
    return out


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else ROOT / "build" / "icons"
    for path in [*make_hicolor(out), make_ico(out), make_icns(out)]:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

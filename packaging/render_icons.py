"""Render the application icon's PNG sizes from ``resources/icons/offprint.svg``.

Owns the hicolor PNG set under ``resources/icons/hicolor/<N>x<N>/apps/``.  Run it
once after editing the SVG and commit the PNGs (``python packaging/render_icons.py``);
the build does not run it, so a machine without a display can still package.
Rendering uses Qt's own SVG renderer offscreen, the engine the app draws with.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
APP_ID = "io.github.offprint.Offprint"
ROOT = Path(__file__).resolve().parent.parent
SVG_PATH = ROOT / "resources" / "icons" / "offprint.svg"
HICOLOR_DIR = ROOT / "resources" / "icons" / "hicolor"


def png_path(size: int, hicolor_dir: Path = HICOLOR_DIR) -> Path:
    """Where the freedesktop icon theme layout puts the icon of this size."""
    return hicolor_dir / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render_all(svg_path: Path = SVG_PATH, hicolor_dir: Path = HICOLOR_DIR) -> list[Path]:
    """Render every size from the SVG; return the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(svg_path), app)  # parented: the app outlives every render
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg_path} is not a valid SVG")
    written = []
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        target = png_path(size, hicolor_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not image.convertToFormat(QImage.Format.Format_ARGB32).save(str(target), "PNG"):
            raise SystemExit(f"render_icons: could not write {target}")
        written.append(target)
    return written


def main() -> None:
    for path in render_all():
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()

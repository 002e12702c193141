"""Start the desktop app: ``fieldbus`` with no sub-command, on a machine with a display."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from fieldbus.resources import resource_path
from fieldbus.ui.main_window import DEFAULT_IDLE_SECONDS, MainWindow

IDLE_ENV = "FIELDBUS_IDLE_LOCK_SECONDS"
FONT_FILES = ("NanumGothic.ttf", "NanumGothicBold.ttf")


def load_fonts() -> str | None:
    """Register the bundled Korean font with Qt and return its family name.

    Hangul then renders on a laptop that has no Korean system font. Safe to call again.
    """
    family = None
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families and family is None:
            family = families[0]
    return family


def idle_seconds(environ=os.environ) -> float:
    """The idle-lock period: ``FIELDBUS_IDLE_LOCK_SECONDS`` if it is a positive number."""
    try:
        value = float(environ.get(IDLE_ENV, ""))
    except ValueError:
        return DEFAULT_IDLE_SECONDS
    return value if value > 0 else DEFAULT_IDLE_SECONDS


def prepare_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName("Fieldbus")
    app.setApplicationDisplayName("Fieldbus")
    family = load_fonts()
    if family:
        font = QFont(app.font())
        font.setFamilies([family])
        app.setFont(font)
    return app  # type: ignore[return-value]


def make_window(data_dir: Path) -> MainWindow:
    window = MainWindow(data_dir, idle_seconds=idle_seconds())
    window.start()
    return window


def run(argv: list[str] | None = None, *, data_dir: Path | None = None) -> int:
    """Open the main window over the store in ``data_dir`` (resolved like the CLI's)."""
    if data_dir is None:
        import argparse

        from fieldbus.cli import _data_dir

        data_dir = _data_dir(argparse.Namespace(data_dir=None))
    app = prepare_application(argv)
    window = make_window(data_dir)
    window.show()
    try:
        return app.exec()
    finally:
        window.shutdown()

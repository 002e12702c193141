"""Larger text for what must be read from across the table: a heading, a saved number,
the appeal deadline, the welcome line.

Sizes are a multiple of the widget's own font, so they follow the text size the officer
chose in the settings (``fieldbus.ui.shell.display``); a floor keeps a number legible on a
small default font.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget


def enlarge(widget: QWidget, scale: float, *, at_least: float = 0.0,
            bold: bool = True) -> None:
    """``widget``'s font ``scale`` times its size (and not under ``at_least`` points),
    bold unless told otherwise."""
    font = QFont(widget.font())
    font.setPointSizeF(max(at_least, font.pointSizeF() * scale))
    if bold:
        font.setBold(True)
    widget.setFont(font)

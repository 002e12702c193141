"""Pieces the intake form, the counsel form and the returned-case editor are built from.

Each form is two columns of group boxes in a scroll area under a banner (a restored
draft, a saved number), and each field sits above the line that says what is wrong with
it. Built in one place, the forms look and read alike to officers and screen readers.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


def note_label(object_name: str, accessible_name: str, style: str) -> QLabel:
    """A hidden, word-wrapped line of words (an error, a warning, a banner)."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setAccessibleName(accessible_name)
    label.setStyleSheet(style)
    label.setWordWrap(True)
    label.hide()
    return label


def field_box(widget: QWidget, *notes: QLabel) -> QVBoxLayout:
    """``widget`` with its error (and warning) lines right under it."""
    box = QVBoxLayout()
    box.setSpacing(2)
    box.addWidget(widget)
    for note in notes:
        box.addWidget(note)
    return box


def two_columns(banner: QLabel, form_name: str) -> tuple[QWidget, QVBoxLayout, QVBoxLayout]:
    """(the form's outer widget, its left column, its right column): ``banner`` above a
    scroll area named ``form_name`` (for screen readers) holding the two columns."""
    outer = QWidget()
    outer_layout = QVBoxLayout(outer)
    outer_layout.setContentsMargins(0, 0, 0, 0)
    outer_layout.addWidget(banner)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setAccessibleName(form_name)
    content = QWidget()
    columns = QHBoxLayout(content)
    left, right = QVBoxLayout(), QVBoxLayout()
    columns.addLayout(left, 1)
    columns.addLayout(right, 1)
    scroll.setWidget(content)
    outer_layout.addWidget(scroll, 1)
    return outer, left, right

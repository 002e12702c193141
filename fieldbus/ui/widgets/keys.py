"""Buttons, shortcuts and the Tab chain: how the keyboard reaches what a screen offers.

Every screen is worked from the keyboard (officers at a folding table, a screen reader):
each button has a name that is read out, a screen's keys (Ctrl+S, Enter, Esc) work only
while focus is inside that screen, and Tab walks the fields in the order the
conversation goes. Built here, a button or a key is made the same way on every screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QWidget


def push_button(text: str, accessible_name: str, slot: Callable[[], object], *,
                auto_default: bool | None = None) -> QPushButton:
    """A button showing ``text``, read out as ``accessible_name``, that calls ``slot``.
    ``auto_default`` set: whether Enter on the focused button presses it (unset: Qt's
    own choice, which depends on whether the button is in a dialog)."""
    button = QPushButton(text)
    button.setAccessibleName(accessible_name)
    if auto_default is not None:
        button.setAutoDefault(auto_default)
    button.clicked.connect(slot)
    return button


def shortcut(widget: QWidget, sequence: QKeySequence | Qt.Key, slot: Callable[[], object]
             ) -> QShortcut:
    """``sequence`` calls ``slot`` while the focus is in ``widget`` or inside it (and not
    elsewhere in the window: each tab's Ctrl+S saves that tab's form)."""
    keys = sequence if isinstance(sequence, QKeySequence) else QKeySequence(sequence)
    made = QShortcut(keys, widget)
    made.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    made.activated.connect(slot)
    return made


def tab_chain(widgets: Sequence[QWidget]) -> None:
    """Tab goes from each of ``widgets`` to the next, in this order."""
    for first, second in zip(widgets, widgets[1:]):
        QWidget.setTabOrder(first, second)

"""Pieces the intake form, the counsel form and the returned-case editor are built from.

Each form is two columns of group boxes in a scroll area under a banner (a restored
draft, a saved number), and each field sits above the line that says what is wrong with
it. Built in one place, the forms look and read alike to officers and screen readers:
the same colours for an error, a warning and a banner, the same boxes that tell the form
"edited" as the officer types, the same status line and Save button with Ctrl+S.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldbus.ui.widgets.choice_box import ChoiceBox
from fieldbus.ui.widgets.keys import push_button, shortcut

ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5300; background: #fff4d6; padding: 2px;"
INFO_STYLE = "color: #0b5394; background: #e8f0fe; padding: 4px;"

# Told which field the officer just changed (the form checks itself again).
Edited = Callable[[str], None]


class DateBox(QDateEdit):
    """A date box that Tab leaves for the next field, as every other field does: a plain
    QDateEdit uses Tab to step through year, month and day; here the arrows and typing do
    that (the counsel form's dates and the visit form's)."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 (Qt API)
        return QWidget.focusNextPrevChild(self, next)


def tr(text: str) -> str:
    return QCoreApplication.translate("forms", text)


def note_label(object_name: str, accessible_name: str, style: str) -> QLabel:
    """A hidden, word-wrapped line of words (an error, a warning, a banner)."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setAccessibleName(accessible_name)
    label.setStyleSheet(style)
    label.setWordWrap(True)
    label.hide()
    return label


def error_note(prefix: str, key: str, label: str) -> QLabel:
    """The line under field ``key`` (captioned ``label``) that says what is wrong with it;
    named ``{prefix}-error-{key}`` (tests and screenshots find it so)."""
    return note_label(f"{prefix}-error-{key}", tr("{0} 오류").format(label), ERROR_STYLE)


def warning_note(prefix: str, key: str, label: str) -> QLabel:
    """The line under field ``key`` that warns without refusing (a registration number)."""
    return note_label(f"{prefix}-warning-{key}", tr("{0} 경고").format(label), WARNING_STYLE)


def field_box(widget: QWidget, *notes: QLabel) -> QVBoxLayout:
    """``widget`` with its error (and warning) lines right under it."""
    box = QVBoxLayout()
    box.setSpacing(2)
    box.addWidget(widget)
    for note in notes:
        box.addWidget(note)
    return box


def labelled_row(form: QFormLayout, label: str, widget: QWidget, *notes: QLabel) -> QLabel:
    """Add ``widget`` to ``form`` beside its caption ``label`` (also its name for screen
    readers; the caption's mnemonic moves to it), its ``notes`` under it. Returns the
    caption, for a form that hides it with the field."""
    widget.setAccessibleName(label)
    caption = QLabel(label)
    caption.setBuddy(widget)
    form.addRow(caption, field_box(widget, *notes))
    return caption


def line_edit(key: str, edited: Edited, *, max_len: int, placeholder: str = "") -> QLineEdit:
    """A one-line field of at most ``max_len`` characters that reports ``key`` edited."""
    line = QLineEdit()
    line.setMaxLength(max_len)
    line.setPlaceholderText(placeholder)
    line.textChanged.connect(lambda _t: edited(key))
    return line


def check_box(key: str, edited: Edited, text: str, accessible_name: str, *,
              tooltip: str = "") -> QCheckBox:
    """A tick box that reports ``key`` edited; its accessible name is the short one a
    screen reader says (the visible text can be a whole sentence)."""
    box = QCheckBox(text)
    box.setAccessibleName(accessible_name)
    if tooltip:
        box.setToolTip(tooltip)
    box.toggled.connect(lambda _checked: edited(key))
    return box


def text_box(key: str, edited: Edited, *, min_height: int | None = None,
             max_height: int | None = None) -> QPlainTextEdit:
    """A field of several lines that Tab leaves (a tab is never typed into it) and that
    reports ``key`` edited."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    if min_height is not None:
        box.setMinimumHeight(min_height)
    if max_height is not None:
        box.setMaximumHeight(max_height)
    box.textChanged.connect(lambda: edited(key))
    return box


def choice_combo(key: str, edited: Edited, choices: Iterable[tuple[str, str]],
                 placeholder: str | None = None) -> QComboBox:
    """A list of ``(words, code)`` choices that reports ``key`` edited
    (:class:`~fieldbus.ui.widgets.choice_box.ChoiceBox`: the row the keys move from is the
    one shown, typing chooses, 초성 too). With a ``placeholder`` nothing is chosen at first
    (a required choice: the officer must pick one); without, the first choice is."""
    combo = ChoiceBox(choices, placeholder=placeholder)
    combo.currentIndexChanged.connect(lambda _i: edited(key))
    return combo


class LeaveWatch(QObject):
    """Tells ``left`` the key of each of ``fields`` the keyboard focus leaves for another
    of them, so a form shows a field's problem once the officer has been there and moved
    on (a field's own parts — an editable combo's editor, an open list — count as the
    field)."""

    def __init__(self, parent: QWidget, fields: Mapping[str, QWidget],
                 left: Callable[[str], None]) -> None:
        super().__init__(parent)
        self._fields = fields
        self._left = left
        self._quiet = False
        QApplication.instance().focusChanged.connect(self._focus_changed)

    @contextmanager
    def quietly(self) -> Iterator[None]:
        """The form moves the focus itself (a fresh form for the next citizen starts at
        the name): the field the focus was in has not been left by the officer."""
        self._quiet = True
        try:
            yield
        finally:
            self._quiet = False

    def _owner(self, widget: QWidget | None) -> str | None:
        keys = {id(field): key for key, field in self._fields.items()}
        while widget is not None:
            key = keys.get(id(widget))
            if key is not None:
                return key
            widget = widget.parentWidget()
        return None

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Only a move to another field of the form counts: focus taken away by the
        # after-save screen, another tab, the lock screen or another window is not the
        # officer moving on, and must not paint a fresh form red.
        if self._quiet:
            return
        before, after = self._owner(old), self._owner(new)
        if before is not None and after is not None and before != after:
            self._left(before)


def chosen_code(combo: QComboBox) -> str:
    """The code of the choice shown, "" while none is."""
    return combo.currentData() if combo.currentIndex() >= 0 else ""


def status_line(object_name: str, accessible_name: str) -> QLabel:
    """The word-wrapped line beside a form's buttons that says how the last save went."""
    status = QLabel()
    status.setObjectName(object_name)
    status.setAccessibleName(accessible_name)
    status.setWordWrap(True)
    return status


def save_bar(outer: QWidget, save: Callable[[], None], *, status_object: str,
             status_name: str, save_text: str, save_name: str,
             auto_default: bool | None = None,
             then: Sequence[QPushButton] = ()) -> tuple[QLabel, QPushButton]:
    """(the status line, the Save button) of the bar added at the foot of ``outer``'s
    layout: the status line takes the room, the button (and ``then``, after it) sits at
    the right, and Ctrl+S anywhere in ``outer`` saves too."""
    bar = QHBoxLayout()
    status = status_line(status_object, status_name)
    bar.addWidget(status, 1)
    button = push_button(save_text, save_name, save, auto_default=auto_default)
    bar.addWidget(button)
    for other in then:
        bar.addWidget(other)
    outer.layout().addLayout(bar)
    shortcut(outer, QKeySequence(QKeySequence.StandardKey.Save), save)
    return status, button


def outbox_grew(window) -> None:
    """A form saved a record for the hub: the window counts what waits again and sends
    it soon (a window without an outbox, as in some tests, is left alone)."""
    refresh = getattr(window, "refresh_outbox", None)
    if refresh is not None:
        refresh()


def show_saving(button: QPushButton, busy: bool) -> None:
    """The Save button while the store saves (off, "저장 중…") and after (on again)."""
    button.setEnabled(not busy)
    button.setText(tr("저장 중…") if busy else tr("저장 (Ctrl+S)"))


def scrolled_form(banner: QLabel, form_name: str) -> tuple[QWidget, QScrollArea]:
    """(the form's outer widget, its scroll area): ``banner`` above a frameless scroll area
    named ``form_name`` (for screen readers), which the caller fills; the outer widget's
    layout is a column the form's save bar is added to."""
    outer = QWidget()
    outer_layout = QVBoxLayout(outer)
    outer_layout.setContentsMargins(0, 0, 0, 0)
    outer_layout.addWidget(banner)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setAccessibleName(form_name)
    outer_layout.addWidget(scroll, 1)
    return outer, scroll


def two_columns(banner: QLabel, form_name: str) -> tuple[QWidget, QVBoxLayout, QVBoxLayout]:
    """(the form's outer widget, its left column, its right column): ``banner`` above a
    scroll area named ``form_name`` (for screen readers) holding the two columns."""
    outer, scroll = scrolled_form(banner, form_name)
    content = QWidget()
    columns = QHBoxLayout(content)
    left, right = QVBoxLayout(), QVBoxLayout()
    columns.addLayout(left, 1)
    columns.addLayout(right, 1)
    scroll.setWidget(content)
    return outer, left, right

"""The intake form's columns, which follow the room there is (issue 12, "Fit the laptop").

On the bus laptop (1366×768, 100 % text) the whole walk-in must be on screen at once, from
익명 to the signature: three columns side by side (the petitioner and consent; the
complaint and what the citizen is told; a report's protection, the attachments and the
signature), each read top to bottom, left to right, as Tab walks them. Where three do not
fit side by side (large text, a smaller window) the same boxes stand in two columns and
the form scrolls down, never sideways.

The number of columns follows the width of the scroll area's viewport, not of the form
(a form three columns wide is never narrower than three columns).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldbus.ui.widgets.form_parts import scrolled_form

#: Room between the columns and around them, in pixels.
SPACING = 8
MARGIN = 2
ROW_SPACING = 3
BOX_MARGINS = (6, 4, 6, 6)  # left, top, right, bottom inside a box
UNLIMITED = 16_777_215  # QWIDGETSIZE_MAX


class FormColumns(QWidget):
    """``boxes`` in columns: ``wide[i]`` is box ``i``'s column (0-2) when three fit side by
    side, ``narrow[i]`` its column (0-1) otherwise; each column keeps the boxes' order.

    ``stretchy`` are the boxes of text that scroll inside (a notice, the body): in three
    columns each is held to its minimum height. (A form with word-wrapped lines is as tall
    as its parts would like to be, not as the room allows: Qt's height-for-width; so a
    text box's wish for 12 lines would make the form scroll.)"""

    changed = Signal(int)  # the number of columns now

    def __init__(self, boxes: Sequence[QWidget], *, wide: Sequence[int],
                 narrow: Sequence[int], stretchy: Sequence[QWidget] = ()) -> None:
        super().__init__()
        if not len(boxes) == len(wide) == len(narrow):
            raise ValueError("a column for every box, in both arrangements")
        self.boxes = list(boxes)
        self.stretchy = list(stretchy)
        for box in self.boxes:  # rows a little closer than the style's: 30 rows, 90 pixels
            inner = box.layout()
            if inner is not None:
                inner.setContentsMargins(*BOX_MARGINS)
            if isinstance(inner, QFormLayout):
                inner.setVerticalSpacing(ROW_SPACING)
        self.wide, self.narrow = list(wide), list(narrow)
        row = QHBoxLayout(self)
        row.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        row.setSpacing(SPACING)
        self._columns = [QVBoxLayout() for _ in range(3)]
        for column in self._columns:
            column.setSpacing(SPACING // 2)
            row.addLayout(column, 1)
        self.count = 0
        self._place(3)

    def _place(self, count: int) -> None:
        if count == self.count:
            return
        self.count = count
        where = self.wide if count == 3 else self.narrow
        for column in self._columns:
            for box in self.boxes:
                # removeWidget deletes the box's layout item: a taken item left alive
                # would keep the box's size cache (Qt tells only the first item of a
                # widget that its size changed) and the column would go on using sizes
                # the box had before.
                column.removeWidget(box)
            while column.count():
                column.takeAt(0)  # the stretch at the foot
        for box, index in zip(self.boxes, where):
            self._columns[index].addWidget(box)
        for index, column in enumerate(self._columns):
            column.addStretch(1)
            self.layout().setStretch(index, 1 if index < count else 0)
        for widget in self.stretchy:
            widget.setMaximumHeight(widget.minimumHeight() if count == 3 else UNLIMITED)
        self.changed.emit(count)

    def width_for(self, count: int) -> int:
        """The least width ``count`` columns need: each column as wide as its widest box."""
        where = self.wide if count == 3 else self.narrow
        widths = [0] * count
        for box, index in zip(self.boxes, where):
            widths[index] = max(widths[index], box.minimumSizeHint().width())
        return sum(widths) + SPACING * (count - 1) + 2 * MARGIN

    def fit(self, room: int) -> None:
        """Three columns if they fit in ``room`` pixels, else two."""
        self._place(3 if room >= self.width_for(3) else 2)


class _FollowWidth(QObject):
    """Tells the columns the width of the scroll area's viewport whenever it changes."""

    def __init__(self, scroll: QScrollArea, columns: FormColumns) -> None:
        super().__init__(scroll)
        self.scroll, self.columns = scroll, columns
        columns.changed.connect(self._columns_changed)
        scroll.viewport().installEventFilter(self)
        scroll.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.FontChange,
                            QEvent.Type.LayoutRequest):
            # The scroll area's own width: its viewport narrows by a scroll bar it shows
            # only because of the columns' height.
            self.columns.fit(self.scroll.width() - self.scroll.verticalScrollBar().sizeHint()
                             .width())
        return False

    def _columns_changed(self, count: int) -> None:
        # Two columns scroll: the bar is always there, so it never narrows the form (and
        # wraps its lines again, taller) after the form's height was worked out.
        self.scroll.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if count == 3
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOn)


def columned_form(banner: QLabel, form_name: str, boxes: Sequence[QWidget], *,
                  wide: Sequence[int], narrow: Sequence[int],
                  stretchy: Sequence[QWidget] = ()) -> tuple[QWidget, FormColumns]:
    """(the form's outer widget, its columns): ``banner`` above a scroll area named
    ``form_name`` (for screen readers) holding the boxes in columns (:class:`FormColumns`).
    The outer widget's layout is a column the form's save bar is added to."""
    outer, scroll = scrolled_form(banner, form_name)
    columns = FormColumns(boxes, wide=wide, narrow=narrow, stretchy=stretchy)
    scroll.setWidget(columns)
    follow = _FollowWidth(scroll, columns)
    follow._columns_changed(columns.count)
    return outer, columns

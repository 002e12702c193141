"""The petitioner's signature pad: drawn with a mouse, a pen (tablet events) or a finger
(touch events), kept as strokes and exported as a PNG trimmed to the ink.

The PNG is what the office copy of the receipt prints in a 70 × 28 mm box
(``fieldbus/receipts/layout.py``): black ink on white, rendered at twice the pad's pixels
(about 300 dpi at that size) and never wider than :data:`MAX_EXPORT_WIDTH`.

A signature cannot be typed. The pad is still a Tab stop with an accessible name and a
description saying so; signing is optional (the office copy then reads 서명 없음), so an
intake done from the keyboard alone is complete without it. Keys on the pad: Ctrl+Z takes
back the last stroke, Delete clears.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QEvent, QIODevice, QPointF, \
    QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout, QWidget

INK_WIDTH = 2.6  # pixels on the pad
EXPORT_SCALE = 2.0
MAX_EXPORT_WIDTH = 1000
MARGIN = 6.0  # white around the ink in the export, in pad pixels


def tr(text: str) -> str:
    return QCoreApplication.translate("signature", text)


def _stroke_path(points: list[QPointF]) -> QPainterPath:
    """A smooth curve through the sampled points: quadratic segments between midpoints,
    so the corners of a fast mouse or finger stroke are rounded off."""
    path = QPainterPath(points[0])
    if len(points) == 1:
        path.lineTo(points[0] + QPointF(0.01, 0))  # a dot: drawn by the round cap
        return path
    for previous, point in zip(points, points[1:]):
        path.quadTo(previous, (previous + point) / 2)
    path.lineTo(points[-1])
    return path


class SignatureCanvas(QWidget):
    """The surface signed on. ``changed`` after every finished stroke, undo and clear."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signature-canvas")
        self.setAccessibleName(tr("민원인 서명란"))
        self.setAccessibleDescription(tr(
            "민원인이 마우스, 펜 또는 손가락으로 서명하는 곳입니다. 키보드로는 서명할 수 "
            "없습니다. 서명은 선택 사항이며, 서명하지 않으면 기관보관용 접수증에 "
            "'서명 없음'으로 인쇄됩니다. Ctrl+Z: 마지막 획 지우기, Delete: 모두 지우기."))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setMinimumSize(360, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._strokes: list[list[QPointF]] = []
        self._current: list[QPointF] | None = None
        self._restored: QImage | None = None  # a signature from a restored draft
        self._restored_png: bytes | None = None
        self._png: bytes | None = None  # the export, cached until the next change

    # -- what it holds -----------------------------------------------------------------

    def is_empty(self) -> bool:
        return not self._strokes and self._restored is None

    @property
    def stroke_count(self) -> int:
        return len(self._strokes)

    def clear(self) -> None:
        if self.is_empty() and self._current is None:
            return
        self._strokes, self._current = [], None
        self._restored = self._restored_png = None
        self._changed()

    def undo(self) -> None:
        """Take back the last stroke (a restored signature counts as one)."""
        if self._strokes:
            self._strokes.pop()
        elif self._restored is not None:
            self._restored = self._restored_png = None
        else:
            return
        self._changed()

    def set_png(self, png: bytes | None) -> None:
        """Show a signature saved earlier (a restored draft); None clears the pad."""
        self._strokes, self._current = [], None
        self._restored = self._restored_png = None
        if png:
            image = QImage.fromData(png, "PNG")
            if not image.isNull():
                self._restored, self._restored_png = image, png
        self._png = self._restored_png
        self.update()

    def png(self) -> bytes | None:
        """The signature as a PNG trimmed to the ink, or None when nothing is drawn."""
        if self.is_empty():
            return None
        if self._png is None:
            self._png = self._restored_png if not self._strokes else self._export()
        return self._png

    def _changed(self) -> None:
        self._png = None
        self.update()
        self.changed.emit()

    # -- drawing -----------------------------------------------------------------------

    def _restored_rect(self) -> QRectF:
        """Where a restored signature sits: scaled down to fit above the baseline."""
        image = self._restored
        area = QRectF(self.rect()).adjusted(12, 8, -12, -self.height() * 0.25)
        scale = min(1 / EXPORT_SCALE, area.width() / image.width(),
                    area.height() / image.height())
        w, h = image.width() * scale, image.height() * scale
        return QRectF(area.center().x() - w / 2, area.bottom() - h, w, h)

    def _ink_pen(self) -> QPen:
        pen = QPen(QColor("black"), INK_WIDTH)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def _paint_ink(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self._restored is not None:
            painter.drawImage(self._restored_rect(), self._restored)
        painter.setPen(self._ink_pen())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for stroke in [*self._strokes, *([self._current] if self._current else [])]:
            painter.drawPath(_stroke_path(stroke))

    def _ink_rect(self) -> QRectF:
        box = QRectF()
        if self._restored is not None:
            box = self._restored_rect()
        for stroke in self._strokes:
            box = box.united(_stroke_path(stroke).boundingRect())
        grow = MARGIN + INK_WIDTH
        return box.adjusted(-grow, -grow, grow, grow)

    def _export(self) -> bytes:
        box = self._ink_rect()
        scale = min(EXPORT_SCALE, MAX_EXPORT_WIDTH / box.width())
        image = QImage(max(1, math.ceil(box.width() * scale)),
                       max(1, math.ceil(box.height() * scale)), QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.scale(scale, scale)
        painter.translate(-box.topLeft())
        self._paint_ink(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.convertToFormat(QImage.Format.Format_Grayscale8).save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        enabled = self.isEnabled()
        palette = self.palette()
        painter.fillRect(self.rect(), QColor("white") if enabled else QColor("#f0f0f0"))
        frame = QPen(palette.color(QPalette.ColorRole.Highlight) if self.hasFocus()
                     else QColor("#9a9a9a"), 2 if self.hasFocus() else 1)
        painter.setPen(frame)
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        # The baseline and its ×, as on a paper form.
        y = self.height() * 0.75
        left, right = self.width() * 0.06, self.width() * 0.94
        line = QPen(QColor("#8c8c8c"), 1, Qt.PenStyle.DashLine)
        painter.setPen(line)
        painter.drawLine(QPointF(left + 16, y), QPointF(right, y))
        painter.setPen(QPen(QColor("#8c8c8c"), 1.5))
        painter.drawLine(QPointF(left, y - 10), QPointF(left + 10, y))
        painter.drawLine(QPointF(left, y), QPointF(left + 10, y - 10))
        hint = None
        if not enabled:  # an anonymous complaint: what was drawn is kept but not shown
            hint = tr("익명 접수에는 서명을 받지 않습니다")
        elif self.is_empty() and self._current is None:
            hint = tr("여기에 서명해 주세요")
        if hint:
            painter.setPen(QColor("#777777"))
            painter.drawText(QRectF(0, 0, self.width(), y - 4),
                             Qt.AlignmentFlag.AlignCenter, hint)
        else:
            self._paint_ink(painter)
        painter.end()

    # -- input: mouse, pen, finger -----------------------------------------------------

    def _begin(self, point: QPointF) -> None:
        self._current = [QPointF(point)]
        self.update()

    def _extend(self, point: QPointF) -> None:
        if self._current is None:
            return
        last = self._current[-1]
        if abs(point.x() - last.x()) + abs(point.y() - last.y()) >= 0.75:
            self._current.append(QPointF(point))
            self.update()

    def _end(self, point: QPointF | None = None) -> None:
        if self._current is None:
            return
        if point is not None:
            self._extend(point)
        self._strokes.append(self._current)
        self._current = None
        self._changed()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
            event.accept()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        self._extend(event.position())

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._end(event.position())

    def tabletEvent(self, event) -> None:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position())
        event.accept()  # no mouse event is made from it: the stroke is not drawn twice

    def event(self, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
                    QEvent.Type.TouchCancel):
            points = event.points()
            if kind == QEvent.Type.TouchCancel:
                self._current = None
                self.update()
            elif points:
                position = points[0].position()  # one finger signs; others are ignored
                if kind == QEvent.Type.TouchBegin:
                    self._begin(position)
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(position)
                else:
                    self._end(position)
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear()
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.update()
        super().focusOutEvent(event)

    def changeEvent(self, event) -> None:  # noqa: N802
        if event.type() == QEvent.Type.EnabledChange:
            self._current = None
            self.update()
        super().changeEvent(event)


class SignaturePad(QWidget):
    """The canvas with its 지우기 (clear) and 마지막 획 지우기 (undo) buttons."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = SignatureCanvas()
        self.canvas.changed.connect(self._changed)
        self.undo_button = QPushButton(tr("마지막 획 지우기"))
        self.undo_button.setAccessibleName(tr("서명의 마지막 획 지우기"))
        self.undo_button.clicked.connect(self.canvas.undo)
        self.clear_button = QPushButton(tr("지우기"))
        self.clear_button.setAccessibleName(tr("서명 지우기"))
        self.clear_button.clicked.connect(self.canvas.clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.canvas)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.clear_button)
        layout.addLayout(buttons)
        self._update_buttons()

    def focus_chain(self) -> list[QWidget]:
        return [self.canvas, self.undo_button, self.clear_button]

    def is_empty(self) -> bool:
        return self.canvas.is_empty()

    def png(self) -> bytes | None:
        return self.canvas.png()

    def set_png(self, png: bytes | None) -> None:
        self.canvas.set_png(png)
        self._update_buttons()

    def clear(self) -> None:
        self.canvas.clear()

    def _changed(self) -> None:
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self) -> None:
        has_ink = not self.canvas.is_empty()
        self.undo_button.setEnabled(has_ink)
        self.clear_button.setEnabled(has_ink)

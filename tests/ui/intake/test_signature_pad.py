"""The signature pad on its own: strokes from a mouse, a pen and a finger, undo and clear,
the PNG it exports (read back with Pillow), and what a keyboard user can do with it."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from fieldbus.ui.intake.signature_pad import MAX_EXPORT_WIDTH, SignaturePad

# A zig-zag across the pad, like a hurried signature.
STROKE = [QPoint(40 + 14 * i, 70 + (25 if i % 2 else -20)) for i in range(20)]


@pytest.fixture
def pad(qtbot):
    widget = SignaturePad()
    qtbot.addWidget(widget)
    widget.resize(480, 200)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def draw_with_mouse(qtbot, canvas, points=STROKE) -> None:
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        qtbot.mouseMove(canvas, point)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=points[-1])


def ink(png: bytes) -> tuple[Image.Image, int]:
    """The decoded image and how many of its pixels are dark."""
    image = Image.open(io.BytesIO(png))
    image.load()
    dark = sum(image.convert("L").histogram()[:128])
    return image, dark


def test_a_mouse_signature_exports_a_png_trimmed_to_its_ink(qtbot, pad):
    assert pad.is_empty() and pad.png() is None
    assert not pad.clear_button.isEnabled()
    with qtbot.waitSignal(pad.changed):
        draw_with_mouse(qtbot, pad.canvas)
    assert not pad.is_empty() and pad.canvas.stroke_count == 1
    assert pad.clear_button.isEnabled() and pad.undo_button.isEnabled()

    image, dark = ink(pad.png())
    assert image.format == "PNG"
    assert dark > 300  # a line of ink, drawn at twice the pad's resolution
    # Trimmed: about as wide as the stroke (266 px on the pad, doubled, plus a margin),
    # not the pad's 480 px doubled; and white around the ink.
    assert 500 < image.width < 600 and 90 < image.height < 160
    assert image.width <= MAX_EXPORT_WIDTH
    grey = image.convert("L")
    corners = [grey.getpixel((0, 0)), grey.getpixel((image.width - 1, image.height - 1))]
    assert corners == [255, 255]


def test_undo_takes_back_the_last_stroke_and_clear_takes_all(qtbot, pad):
    draw_with_mouse(qtbot, pad.canvas)
    draw_with_mouse(qtbot, pad.canvas, [QPoint(60, 140), QPoint(200, 135), QPoint(380, 142)])
    two = pad.png()
    assert pad.canvas.stroke_count == 2
    pad.undo_button.click()
    assert pad.canvas.stroke_count == 1 and pad.png() != two
    with qtbot.waitSignal(pad.changed):
        pad.clear_button.click()
    assert pad.is_empty() and pad.png() is None
    assert not pad.clear_button.isEnabled() and not pad.undo_button.isEnabled()


def test_a_finger_draws_on_the_pad(qtbot, pad):
    device = QTest.createTouchDevice()
    canvas = pad.canvas
    QTest.touchEvent(canvas, device).press(0, STROKE[0]).commit()
    for point in STROKE[1:]:
        QTest.touchEvent(canvas, device).move(0, point).commit()
    with qtbot.waitSignal(pad.changed):
        QTest.touchEvent(canvas, device).release(0, STROKE[-1]).commit()
    assert canvas.stroke_count == 1  # once: no mouse stroke made from the touch as well
    _, dark = ink(pad.png())
    assert dark > 300


def test_a_pen_draws_on_the_pad(qtbot, pad):
    pen = QPointingDevice("test pen", 4242, QInputDevice.DeviceType.Stylus,
                          QPointingDevice.PointerType.Pen,
                          QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
                          1, 2)
    canvas = pad.canvas

    def send(kind, point, buttons):
        local = QPointF(point)
        event = QTabletEvent(kind, pen, local, QPointF(canvas.mapToGlobal(point)), 0.6, 0, 0,
                             0, 0, 0, Qt.KeyboardModifier.NoModifier,
                             Qt.MouseButton.LeftButton, buttons)
        QApplication.sendEvent(canvas, event)
        assert event.isAccepted()

    send(QTabletEvent.Type.TabletPress, STROKE[0], Qt.MouseButton.LeftButton)
    for point in STROKE[1:]:
        send(QTabletEvent.Type.TabletMove, point, Qt.MouseButton.LeftButton)
    send(QTabletEvent.Type.TabletRelease, STROKE[-1], Qt.MouseButton.NoButton)
    assert canvas.stroke_count == 1
    _, dark = ink(pad.png())
    assert dark > 300


def test_a_restored_signature_is_shown_and_exported_as_it_was(qtbot, pad):
    draw_with_mouse(qtbot, pad.canvas)
    png = pad.png()
    other = SignaturePad()
    qtbot.addWidget(other)
    other.resize(480, 200)
    other.set_png(png)
    assert not other.is_empty() and other.png() == png
    assert other.clear_button.isEnabled()
    # Drawing over it makes a new picture holding both.
    other.show()
    qtbot.waitExposed(other)
    draw_with_mouse(qtbot, other.canvas, [QPoint(30, 30), QPoint(60, 40)])
    both = other.png()
    assert both != png and ink(both)[1] > ink(png)[1]
    other.canvas.undo()
    other.canvas.undo()  # the restored signature counts as one stroke
    assert other.is_empty()


def test_the_pad_is_a_tab_stop_with_a_name_and_keys(qtbot, pad):
    canvas = pad.canvas
    assert canvas.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert canvas.accessibleName() == "민원인 서명란"
    assert "키보드로는 서명할 수 없습니다" in canvas.accessibleDescription()
    for widget in pad.focus_chain():
        assert widget.accessibleName()
    draw_with_mouse(qtbot, canvas)
    draw_with_mouse(qtbot, canvas, [QPoint(60, 140), QPoint(300, 140)])
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert canvas.stroke_count == 1
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert pad.is_empty()


# QTest says so when a disabled widget ignores the mouse: that is the point here.
@pytest.mark.qt_log_ignore(r'^Mouse event "Mouse\w+" not accepted by receiving widget$')
def test_a_disabled_pad_takes_no_ink(qtbot, pad):
    pad.setEnabled(False)
    draw_with_mouse(qtbot, pad.canvas)
    assert pad.is_empty()

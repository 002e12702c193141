"""A whole walk-in fits the laptop's screen (issue 12, "Fit the laptop").

On the bus laptop (1366×768, the window maximised: less a task bar and the title bar) at
100 % text, the officer sees the whole intake form at once, from 익명 to the signature and
the Save button, without scrolling. At 150 % text the form may scroll, but only down.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QScrollArea, QWidget

from fieldbus.services.intake import draft as intake_draft
from fieldbus.ui.intake.form import ORDER
from fieldbus.ui.shell import display
from tests.conftest import sample
from tests.ui.intake.test_intake import intake  # noqa: F401
from tests.ui.shell.test_app import _cheap_pin_hashes, make_store, open_window, sign_in  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the "
                                       r"keyboard|propagateSizeHints\(\))$")

#: The window maximised on a 1366×768 screen, less a 40 px task bar and a 28 px title bar.
LAPTOP = (1366, 700)


@pytest.fixture
def text_size(qapp):
    yield display.apply_text_scale
    display.apply_text_scale(1.0)


def walk_in(kind: str = "") -> dict:
    data = sample("complaint-01.json")
    who = data["petitioner"]
    values = intake_draft.empty_values() | {
        "name": who["name"], "phone": who["phone"], "address": who["address"],
        "postcode": who["postcode"], "birth_year": str(who["birth_year"]), "consent": True,
        **{k: data[k] for k in ("kind", "agency", "region", "title", "body", "channel",
                                "disclosure", "notify_by", "outcome")}}
    return values | ({"kind": kind} if kind else {})


def form_scroll(page) -> QScrollArea:
    return page.form_view.findChild(QScrollArea)


def out_of_sight(page) -> list[str]:
    """What of the form is not wholly inside the window's view of it: every field shown,
    the attachments, the signature pad, the Save button."""
    scroll = form_scroll(page)
    viewport = scroll.viewport()
    seen = QRect(viewport.mapTo(page.window(), QPoint(0, 0)), viewport.size())
    window_rect = page.window().rect()
    wanted: list[tuple[str, QWidget]] = [
        (key, page.fields[key]) for key in ORDER if page.fields[key].isVisible()]
    wanted += [("attachments", page.attachments.list), ("add file", page.attachments.add_button),
               ("signature", page.signature.canvas)]
    found = []
    for name, widget in wanted:
        rect = QRect(widget.mapTo(page.window(), QPoint(0, 0)), widget.size())
        if not seen.contains(rect):
            found.append(f"{name} at {rect.getRect()} (view {seen.getRect()})")
    button = page.save_button
    rect = QRect(button.mapTo(page.window(), QPoint(0, 0)), button.size())
    if not button.isVisible() or not window_rect.contains(rect):
        found.append(f"save button at {rect.getRect()}")
    return found


def show_form(qtbot, window, page, values: dict) -> None:
    window.resize(*LAPTOP)
    page.set_values(values)
    qtbot.waitUntil(lambda: window.runner.pending == 0)
    qtbot.wait(50)  # the layouts settle


def test_a_whole_walk_in_fits_the_laptop_screen_at_100_percent(qtbot, intake):  # noqa: F811
    window, page = intake()
    show_form(qtbot, window, page, walk_in())
    scroll = form_scroll(page)
    assert scroll.verticalScrollBar().maximum() == 0, "the form scrolls"
    assert out_of_sight(page) == []
    assert not scroll.horizontalScrollBar().isVisible()


def test_a_report_shows_every_field_the_attachments_and_the_signature_pad(qtbot, intake):  # noqa: F811
    """A report adds the reporter's protection (신분공개 동의, 읽어 주기): every field and
    the signature pad are still in view; only the pad's undo and clear buttons may need
    the wheel (about 35 pixels at 1366×700)."""
    window, page = intake()
    show_form(qtbot, window, page, walk_in("report"))
    assert page.report_group.isVisible()
    assert out_of_sight(page) == []
    scroll = form_scroll(page)
    assert scroll.verticalScrollBar().maximum() <= 40
    assert not scroll.horizontalScrollBar().isVisible()


def test_the_form_shows_its_problems_without_scrolling_sideways(qtbot, intake):  # noqa: F811
    window, page = intake()
    show_form(qtbot, window, page, intake_draft.empty_values())
    page.save()  # refused: every problem shows under its field
    qtbot.wait(50)
    assert any(label.isVisible() for label in page.errors.values())
    assert not form_scroll(page).horizontalScrollBar().isVisible()


@pytest.mark.parametrize("scale", [1.25, 1.5])
def test_with_large_text_the_form_scrolls_down_only(qtbot, intake, text_size, scale):  # noqa: F811
    text_size(scale)
    window, page = intake()
    show_form(qtbot, window, page, walk_in())
    scroll = form_scroll(page)
    assert not scroll.horizontalScrollBar().isVisible()
    # Every field can be scrolled to: it lies wholly within the form's scrolled range.
    content, bar = scroll.widget(), scroll.verticalScrollBar()
    assert content.height() <= scroll.viewport().height() + bar.maximum()
    for key in ORDER:
        field = page.fields[key]
        if field.isVisible():
            rect = QRect(field.mapTo(content, QPoint(0, 0)), field.size())
            assert content.rect().contains(rect), key

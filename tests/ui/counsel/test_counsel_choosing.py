"""Choosing safely and errors that help on the counsel form (issue 12), as on the intake
form: required choices start empty and take typing (초성 too), errors show for the fields
the officer has been to, the count after a save attempt follows the fixes, and "너무
깁니다" gives the limit and the count. Offscreen, the real window and store."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.counsel.test_counsel import COUNSEL, counsel_tab, pytestmark, tab_to  # noqa: F401
from tests.ui.intake.test_intake import key, type_here
from tests.ui.shell.test_app import (  # noqa: F401
    OTHER_PIN,
    _cheap_pin_hashes,
    make_store,
    open_window,
    sign_in,
)


def red(page) -> set[str]:
    return {k for k, label in page.errors.items() if label.isVisible()}


def test_required_choices_start_empty_and_take_initials(qtbot, counsel_tab):
    window, page = counsel_tab()
    for name in ("basis", "checked_by", "qualification", "outcome"):
        assert page.fields[name].currentIndex() == -1, name
    page.fields["basis"].setFocus()
    qtbot.waitUntil(page.fields["basis"].hasFocus)
    type_here(qtbot, "ㅎㅂ")
    assert page.values()["basis"] == "single_parent"
    window.shutdown()


def test_a_field_left_empty_is_red_the_ones_not_reached_are_not(qtbot, counsel_tab):
    window, page = counsel_tab()
    qtbot.waitUntil(lambda: page.fields["name"].hasFocus())
    assert red(page) == set()
    tab_to(qtbot, page, "phone")  # the name left empty
    assert red(page) == {"name"}
    window.shutdown()


def test_the_count_follows_the_fixes_and_too_long_gives_the_numbers(qtbot, counsel_tab):
    window, page = counsel_tab()
    page.save()
    count = len(page.problems.errors)
    assert count >= 3
    assert page.status.text() == f"고칠 곳이 {count}군데 있습니다. 빨간 글씨를 보십시오."
    page.fields["name"].setFocus()
    type_here(qtbot, "박민서")
    assert page.status.text() == f"고칠 곳이 {count - 1}군데 있습니다. 빨간 글씨를 보십시오."
    page.fields["next_step"].setFocus()
    type_here(qtbot, "가" * 1_234)
    assert page.errors["next_step"].text() == "너무 깁니다 (1,000자까지, 지금 1,234자)."
    assert page.status.text() == f"고칠 곳이 {count}군데 있습니다. 빨간 글씨를 보십시오."
    key(qtbot, Qt.Key.Key_Backspace)
    assert page.errors["next_step"].text() == "너무 깁니다 (1,000자까지, 지금 1,233자)."
    window.shutdown()

"""The choice box every required choice of the forms is made with (issue 12, "Choosing
safely"): it starts empty, what the keyboard makes current is always the row shown
highlighted, and typing picks a choice by the start of its name, by its initial consonants
(초성: ㄱㅊ → 고충) or by a part of it. Offscreen, against the real widget."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QInputMethodEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from fieldbus.ui.widgets.choice_box import ChoiceBox, find_choice, initials

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the "
                                       r"keyboard|propagateSizeHints\(\))$")

KINDS = [("질의", "inquiry"), ("건의", "suggestion"), ("고충", "grievance"),
         ("부패·공익신고", "report"), ("소극행정신고", "passive_admin"), ("기타", "other")]
NAMES = [text for text, _ in KINDS]


@pytest.fixture
def box(qtbot):
    holder = QWidget()
    QVBoxLayout(holder)
    choice = ChoiceBox(KINDS, placeholder="선택하십시오")
    choice.setAccessibleName("민원 종류")
    holder.layout().addWidget(choice)
    qtbot.addWidget(holder)
    holder.show()
    choice.setFocus()
    qtbot.waitUntil(choice.hasFocus)
    yield choice  # the holder stays alive until the test is done
    holder.close()


def shown_row(box: ChoiceBox) -> int | None:
    """The row the open popup shows highlighted (None: none), after checking that the row
    the keyboard would move from is that one — never an invisible "current" row."""
    view = box.view()
    selected = [i.row() for i in view.selectionModel().selectedRows()]
    assert len(selected) <= 1
    current = view.currentIndex().row() if view.currentIndex().isValid() else None
    shown = selected[0] if selected else None
    assert current in (None, shown), f"row {current} is current but row {shown} is shown"
    return shown


def type_in(widget: QWidget, text: str) -> None:
    """Hangul as an input method commits it (QTest's key clicks know only ASCII)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def open_popup(qtbot, box: ChoiceBox):
    qtbot.keyClick(box, Qt.Key.Key_F4)
    qtbot.waitUntil(box.view().isVisible)
    return box.view()


# -- the rules of typing, without a widget -----------------------------------------------


def test_initials_are_the_first_consonant_of_each_syllable():
    assert initials("고충") == "ㄱㅊ"
    assert initials("부패·공익신고") == "ㅂㅍ·ㄱㅇㅅㄱ"
    assert initials("SMS 문자") == "SMS ㅁㅈ"


@pytest.mark.parametrize(("typed", "name"), [
    ("고", "고충"), ("ㄱㅊ", "고충"), ("고ㅊ", "고충"), ("ㄱ", "건의"),  # 건의 comes first
    ("소극", "소극행정신고"), ("ㅅㄱ", "소극행정신고"),
    ("신고", "부패·공익신고"),  # not a start: the first name that holds it
    ("공익", "부패·공익신고"), ("ㄱㅇ", "건의"),  # a start first: 건의 before 공익
    ("ㅂㅍ", "부패·공익신고"), ("부패공익", "부패·공익신고"),
    ("부패고", "부패·공익신고"),  # 고 still being composed into 공
    ("기", "기타"), ("ㄱㅌ", "기타"),
])
def test_a_choice_is_found_by_its_start_its_initials_or_a_part(typed, name):
    assert find_choice(typed, NAMES) == NAMES.index(name)


def test_nothing_is_found_for_what_no_name_holds():
    assert find_choice("ㅋ", NAMES) == -1
    assert find_choice("", NAMES) == -1


def test_latin_names_are_found_whatever_the_case():
    names = ["Inquiry", "Suggestion", "Grievance", "Report"]
    assert find_choice("gri", names) == 2 and find_choice("PORT", names) == 3


def test_unusable_choices_are_passed_over():
    assert find_choice("ㄱ", NAMES, usable=lambda i: i != 1) == 2


# -- the box -----------------------------------------------------------------------------


def test_it_starts_empty_with_its_placeholder(box):
    assert box.currentIndex() == -1 and box.code() == ""
    assert box.placeholderText() == "선택하십시오"
    assert box.accessibleName() == "민원 종류"


def test_the_popup_of_an_empty_box_shows_no_row_and_down_goes_to_the_first(qtbot, box):
    view = open_popup(qtbot, box)
    assert shown_row(box) is None  # nothing chosen: nothing highlighted, nothing current
    for expected in (0, 1, 2):
        qtbot.keyClick(view, Qt.Key.Key_Down)
        assert shown_row(box) == expected
    assert view.model().index(2, 0).data() == "고충"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert box.code() == "grievance"  # Down ×3: the third kind, as it was shown


def test_enter_on_a_popup_with_nothing_shown_chooses_nothing(qtbot, box):
    view = open_popup(qtbot, box)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert box.currentIndex() == -1


def test_the_popup_of_a_chosen_box_shows_the_choice(qtbot, box):
    box.setCurrentIndex(box.findData("report"))
    view = open_popup(qtbot, box)
    assert shown_row(box) == 3
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert shown_row(box) == 2
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert box.code() == "report"  # Esc: as it was


def test_typing_initials_chooses_in_the_closed_box(qtbot, box):
    type_in(box, "ㄱㅊ")
    assert box.code() == "grievance" and box.currentText() == "고충"


def test_typing_goes_on_letter_by_letter_and_backspace_takes_one_back(qtbot, box):
    type_in(box, "ㄱ")
    assert box.code() == "suggestion"  # 건의: the first whose name starts with ㄱ
    type_in(box, "ㅊ")
    assert box.code() == "grievance"
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    assert box.code() == "suggestion"


def test_what_no_choice_holds_changes_nothing(qtbot, box):
    box.setCurrentIndex(box.findData("other"))
    type_in(box, "ㅋㅋ")
    assert box.code() == "other"


def test_a_pause_starts_a_new_search(qtbot, box):
    type_in(box, "ㄱㅊ")
    qtbot.wait(box.search_pause_ms + 100)
    type_in(box, "ㅅㄱ")
    assert box.code() == "passive_admin"


def test_typing_in_the_popup_moves_the_highlight_and_enter_takes_it(qtbot, box):
    view = open_popup(qtbot, box)
    type_in(view, "공익")
    assert shown_row(box) == 3
    assert box.currentIndex() == -1  # not chosen until Enter
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert box.code() == "report"


def test_delete_empties_a_box_that_may_be_empty(qtbot, box):
    box.setCurrentIndex(0)
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    assert box.currentIndex() == -1


def test_a_box_without_placeholder_is_never_emptied(qtbot):
    box = ChoiceBox([("개인", "individual"), ("단체", "group")])
    qtbot.addWidget(box)
    box.show()
    assert box.code() == "individual"  # no placeholder: the first choice, as before
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    assert box.code() == "individual"


def test_the_wheel_does_not_change_a_box_the_officer_is_not_in(qtbot, box):
    other = ChoiceBox(KINDS, placeholder="선택하십시오")
    box.parentWidget().layout().addWidget(other)
    other.show()
    assert not other.hasFocus()
    centre = QPointF(other.rect().center())
    wheel = QWheelEvent(centre, QPointF(other.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(other, wheel)
    assert other.currentIndex() == -1  # the form scrolls instead


def test_disabled_choices_are_not_typed_into(qtbot, box):
    box.model().item(box.findData("suggestion")).setEnabled(False)
    type_in(box, "ㄱ")
    assert box.code() == "grievance"

"""Choosing safely on the intake form (issue 12): the kind is chosen as it is shown, by
arrows or by typing (초성 too); a form without a kind is refused at it; a report asks once
before it is saved; errors show for the fields the officer has been to, and after a save
attempt the count of what is left follows the fixes; "너무 깁니다" gives the limit and the
count. Offscreen, the real window over the real store on its worker."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldbus.store import complaints
from fieldbus.store.store import Store
from tests.conftest import PIN
from tests.services.intake.test_draft import complaint_01_values
from tests.ui.intake.test_intake import (  # noqa: F401 - fixtures
    intake,
    key,
    pytestmark,
    tab_to,
    type_here,
)
from tests.ui.shell.test_app import _cheap_pin_hashes, make_store, open_window, sign_in  # noqa: F401


def red(page) -> set[str]:
    return {key for key, label in page.errors.items() if label.isVisible()}


def questions() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()]


def saved_numbers(data_dir) -> list[str]:
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        store.sign_in("홍길동", PIN)
        return [c.receipt_no for c in complaints.recent(store)]


def test_down_three_times_in_the_kind_popup_chooses_the_third_kind_as_shown(qtbot, intake):
    window, page = intake()
    kind = page.fields["kind"]
    assert kind.currentIndex() == -1  # a required choice starts empty
    kind.setFocus()
    qtbot.waitUntil(kind.hasFocus)
    qtbot.keyClick(kind, Qt.Key.Key_F4)
    view = kind.view()
    qtbot.waitUntil(view.isVisible)
    shown = []
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Down)
        selected = view.selectionModel().selectedRows()
        assert len(selected) == 1 and selected[0] == view.currentIndex()  # current = shown
        shown.append(selected[0].data())
    assert shown == ["질의", "건의", "고충"]
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert kind.currentData() == "grievance"
    window.shutdown()


def test_typing_initial_consonants_chooses_the_kind(qtbot, intake):
    window, page = intake()
    page.fields["kind"].setFocus()
    qtbot.waitUntil(page.fields["kind"].hasFocus)
    type_here(qtbot, "ㄱㅊ")
    assert page.fields["kind"].currentData() == "grievance"
    assert page.values()["kind"] == "grievance"
    window.shutdown()


def test_a_form_without_a_kind_is_refused_at_the_kind(qtbot, intake, data_dir):
    window, page = intake()
    page.set_values(complaint_01_values() | {"kind": ""})
    page.fields["name"].setFocus()
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.views.currentWidget() is page.form_view
    assert page.fields["kind"].hasFocus()
    assert red(page) == {"kind"} and page.errors["kind"].text() == "하나를 고르십시오."
    qtbot.waitUntil(lambda: window.runner.pending == 0)
    window.shutdown()
    assert saved_numbers(data_dir) == []


def test_a_report_asks_once_before_it_is_saved_and_no_keeps_the_form(qtbot, intake, data_dir):
    window, page = intake()
    page.set_values(complaint_01_values() | {"kind": "report", "notify_by": "",
                                             "identity_disclosure": "refused"})
    page.fields["title"].setFocus()
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(questions()) == 1)
    box = questions()[0]
    assert "신고자 신원이 봉인" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.No).click()
    qtbot.waitUntil(lambda: not questions())
    assert page.views.currentWidget() is page.form_view
    assert page.values()["kind"] == "report" and page.values()["title"]  # all still there
    assert page.save_button.isEnabled()
    qtbot.wait(100)
    assert window.runner.pending == 0  # nothing was sent to the store

    page.save()  # again, and this time yes: saved after one question
    qtbot.waitUntil(lambda: len(questions()) == 1)
    questions()[0].button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.receipt_view)
    assert questions() == []
    number = page.receipt_label.text()
    window.shutdown()
    assert saved_numbers(data_dir) == [number]


def test_a_complaint_that_is_not_a_report_asks_nothing(qtbot, intake):
    window, page = intake()
    page.set_values(complaint_01_values())
    page.save()
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.receipt_view)
    assert questions() == []
    window.shutdown()


def test_fields_not_reached_are_not_red(qtbot, intake):
    window, page = intake()
    qtbot.waitUntil(lambda: page.fields["name"].hasFocus())
    type_here(qtbot, "김영수")
    assert red(page) == set()
    # The citizen starts with the story: the officer goes straight to the body.
    page.fields["body"].setFocus()
    qtbot.waitUntil(page.fields["body"].hasFocus)
    type_here(qtbot, "마을 진입로가 비만 오면 진흙탕이 됩니다.")
    assert red(page) == set()  # kind, agency, region, title: not been there yet
    # A field the officer has been to and left empty is red once left.
    page.fields["title"].setFocus()
    qtbot.waitUntil(page.fields["title"].hasFocus)
    assert "title" not in red(page)  # not while the officer is still in it
    tab_to(qtbot, page, "body")
    assert red(page) == {"title"}
    # On Save, every problem shows.
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert {"kind", "agency", "title", "outcome"} <= red(page)
    window.shutdown()


def test_the_next_citizen_starts_on_a_form_without_red(qtbot, intake):
    """Saved with the focus in a field, printed or skipped, tabbed away and back: the
    fresh form for the next citizen shows no problem (seen on screen: "하나를 고르십시오"
    under 현장 처리 결과 before anything was typed)."""
    window, page = intake()
    page.set_values(complaint_01_values())
    page.fields["outcome"].setFocus()
    qtbot.waitUntil(page.fields["outcome"].hasFocus)
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.receipt_view)
    qtbot.keyClick(page.receipt_view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.fields["name"].hasFocus())
    assert red(page) == set()
    window.tabs.setCurrentWidget(window.cases_page)  # the name field loses the focus
    window.tabs.setCurrentWidget(page)
    assert red(page) == set()
    window.shutdown()


def test_the_count_of_what_to_fix_follows_the_fixes(qtbot, intake):
    window, page = intake()
    page.set_values(complaint_01_values() | {"agency": "", "title": "", "body": ""})
    page.save()
    assert red(page) == {"agency", "title", "body"}
    assert page.status.text() == "고칠 곳이 3군데 있습니다. 빨간 글씨를 보십시오."
    assert page.fields["agency"].hasFocus()
    page.fields["title"].setFocus()
    type_here(qtbot, "마을 진입로 포장 요청")
    assert page.status.text() == "고칠 곳이 2군데 있습니다. 빨간 글씨를 보십시오."
    page.fields["body"].setFocus()
    type_here(qtbot, "진흙탕이 됩니다.")
    assert page.status.text() == "고칠 곳이 1군데 있습니다. 빨간 글씨를 보십시오."
    page.fields["agency"].setFocus()
    type_here(qtbot, "구미시청")
    assert red(page) == set()
    assert page.status.text() == ""  # nothing left: the count is gone
    window.shutdown()


def test_too_long_says_the_limit_and_the_count(qtbot, intake):
    window, page = intake()
    page.set_values(complaint_01_values())
    page.fields["procedure"].setFocus()
    type_here(qtbot, "가" * 1_100)
    assert page.errors["procedure"].isVisible()
    assert page.errors["procedure"].text() == "너무 깁니다 (1,000자까지, 지금 1,100자)."
    type_here(qtbot, "나" * 5)
    assert page.errors["procedure"].text() == "너무 깁니다 (1,000자까지, 지금 1,105자)."
    window.shutdown()

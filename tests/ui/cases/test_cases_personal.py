"""Personal details on screen (issue 12): one click on a case shows the masked form the
receipt prints; "개인정보 보기" (a button, Ctrl+Shift+P) reveals them in full once an audit
entry is written; they are masked again on lock, on choosing another case and after a
short time. A sealed reporter's identity asks a supervisor for a reason; an officer gets
no button at all. The counsel tab's session detail is masked the same way. Real widgets
over a real SQLCipher store on the real worker."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from fieldbus.domain.intake import parse_complaint, parse_counsel
from fieldbus.store import complaints, counsel
from fieldbus.store.store import Store, kst_now
from tests.conftest import PIN, sample
from tests.ui.cases.test_cases import cases  # noqa: F401 (a fixture)
from tests.ui.shell.test_app import (  # noqa: F401
    OTHER_PIN,
    _cheap_pin_hashes,
    make_store,
    open_window,
    sign_in,
    sign_in_as,
    type_text,
)

NAME, PHONE, STREET, POSTCODE = "김영수", "010-2345-6789", "단계동길", "39140"
REPORTER, REPORTER_PHONE = "신고인가명", "010-7777-3131"
REASON = "감사 요청에 따른 신원 확인"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def pane(page) -> str:
    """What the detail shows, as text and as its HTML source."""
    return page.detail.toPlainText() + page.detail.toHtml()


def open_case(qtbot, page, receipt_no: str) -> None:
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() > 0)
    row = next(r for r in range(page.model.rowCount())
               if page.model.row_at(r).receipt_no == receipt_no)
    page.table.setFocus()
    page.select_row(row)
    qtbot.waitUntil(lambda: page.shown_receipt == receipt_no
                    and "처리 이력" in page.detail.toPlainText())


def press_reveal(qtbot, page) -> None:
    """Ctrl+Shift+P with the focus in the list, as an officer would."""
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_P, CTRL_SHIFT)


def revealed_entries(data_dir, pin=PIN, officer="홍길동") -> list[tuple]:
    with Store.open(data_dir, officer=officer, pin=pin) as store:
        rows = store.db.execute(
            "SELECT a.action, o.name, a.record_type, a.reason, a.details FROM audit a "
            "LEFT JOIN officers o ON o.id = a.officer_id ORDER BY a.seq").fetchall()
    return [(action, who, rtype, reason, json.loads(details))
            for action, who, rtype, reason, details in rows]


def test_one_click_shows_the_masked_form_only(qtbot, cases):  # noqa: F811
    window, page, numbers = cases(6)
    open_case(qtbot, page, numbers[0])
    shown = pane(page)
    assert "김*수" in shown and "010-****-6789" in shown and "경상북도 구미시 선산읍 ***" in shown
    for full in (NAME, PHONE, STREET, POSTCODE):
        assert full not in shown, full
    assert page.personal.isVisibleTo(page)
    assert page.personal.button.accessibleName() == "개인정보 보기"
    assert "Ctrl+Shift+P" in page.personal.button.text()
    window.shutdown()


def test_the_reveal_shows_them_in_full_and_is_audited(qtbot, cases, data_dir):  # noqa: F811
    window, page, numbers = cases(6)
    open_case(qtbot, page, numbers[0])
    press_reveal(qtbot, page)
    qtbot.waitUntil(lambda: PHONE in page.detail.toPlainText())
    assert NAME in page.detail.toPlainText() and STREET in page.detail.toPlainText()
    assert page.personal.button.accessibleName() == "개인정보 가리기"
    qtbot.mouseClick(page.personal.button, Qt.MouseButton.LeftButton)  # hide again
    assert PHONE not in pane(page) and NAME not in pane(page)
    window.shutdown()

    entries = revealed_entries(data_dir)
    revealed = [e for e in entries if e[0] == "personal_data_revealed"]
    assert revealed == [("personal_data_revealed", "홍길동", "complaint", "shown on screen",
                         {"receipt_no": numbers[0], "reason_asked": False})]
    viewed = [e for e in entries if e[0] == "complaint_viewed"]
    assert len(viewed) == 1 and viewed[0][3] == "case detail"  # the view's own entry stays


def test_locking_hides_them_and_unlocking_does_not_bring_them_back(qtbot, cases):  # noqa: F811
    window, page, numbers = cases(6)
    open_case(qtbot, page, numbers[0])
    press_reveal(qtbot, page)
    qtbot.waitUntil(lambda: PHONE in page.detail.toPlainText())
    window.lock()
    assert window.locked
    assert PHONE not in pane(page) and NAME not in pane(page)
    sign_in(qtbot, window.lock_page, PIN)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
    assert page.shown_receipt == numbers[0]  # the same case, still masked
    assert "010-****-6789" in pane(page) and PHONE not in pane(page)
    window.shutdown()


def test_choosing_another_case_hides_them_at_once(qtbot, cases):  # noqa: F811
    window, page, numbers = cases(6)
    open_case(qtbot, page, numbers[0])
    press_reveal(qtbot, page)
    qtbot.waitUntil(lambda: PHONE in page.detail.toPlainText())
    other = next(r for r in range(page.model.rowCount())
                 if page.model.row_at(r).receipt_no == numbers[2])
    page.select_row(other)  # before the other case is even read
    assert PHONE not in pane(page) and NAME not in pane(page)
    qtbot.waitUntil(lambda: page.shown_receipt == numbers[2])
    assert "이*호" in pane(page) and "이민호" not in pane(page)
    assert "minho.lee@example.com" not in pane(page) and "m********@example.com" in pane(page)
    open_case(qtbot, page, numbers[0])
    assert PHONE not in pane(page)  # back to the first: masked again
    window.shutdown()


def test_they_are_hidden_again_after_a_short_time(qtbot, cases, monkeypatch):  # noqa: F811
    from fieldbus.ui.widgets import personal

    assert 10 <= personal.REVEAL_SECONDS <= 120
    monkeypatch.setattr(personal, "REVEAL_SECONDS", 0.3)
    window, page, numbers = cases(6)
    open_case(qtbot, page, numbers[0])
    press_reveal(qtbot, page)
    qtbot.waitUntil(lambda: PHONE in page.detail.toPlainText())
    qtbot.waitUntil(lambda: PHONE not in pane(page), timeout=3000)
    assert "010-****-6789" in pane(page) and not page.personal.revealed
    window.shutdown()


# -- a sealed public-interest reporter ---------------------------------------------------


def _store_with_a_report(data_dir) -> str:
    """관리자 (supervisor, PIN) and 홍길동 (officer, OTHER_PIN); one report; its number."""
    with Store.create(data_dir, device="B07A", officer="관리자", pin=PIN,
                      role="supervisor") as store:
        boss = store.officer
        store.add_officer(boss, name="홍길동", role="officer", pin=OTHER_PIN)
        data = sample("complaint-01.json")
        data.update(kind="report", disclosure="private", title="보조금 부정수급 신고",
                    body="읍사무소 직원이 보조금을 가족 명의로 받았습니다.")
        data["petitioner"] = {**data["petitioner"], "name": REPORTER, "phone": REPORTER_PHONE}
        draft, _ = parse_complaint(data, now=store.clock())
        return complaints.add(store, draft, boss).receipt_no


def _cases_as(qtbot, open_window, who: str, pin: str):  # noqa: F811
    window = open_window()
    sign_in_as(qtbot, window, who, pin)
    window.tabs.setCurrentWidget(window.cases_page)
    return window, window.cases_page


def test_a_supervisor_gives_a_reason_to_see_a_sealed_reporter(qtbot, open_window,  # noqa: F811
                                                              data_dir):
    number = _store_with_a_report(data_dir)
    window, page = _cases_as(qtbot, open_window, "관리자", PIN)
    open_case(qtbot, page, number)
    shown = pane(page)
    assert "신고자 신원 보호" in shown
    assert REPORTER not in shown and REPORTER_PHONE not in shown and "신*명" not in shown
    assert page.personal.isVisibleTo(page) and not page.personal.reason.isVisibleTo(page)

    press_reveal(qtbot, page)  # a reason is asked first
    assert page.personal.reason.isVisibleTo(page) and page.personal.reason.hasFocus()
    qtbot.keyClick(page.personal.reason, Qt.Key.Key_Return)  # none given: nothing shown
    assert "사유" in page.personal.note.text()
    qtbot.wait(100)
    assert REPORTER not in pane(page)
    type_text(qtbot, page.personal.reason, REASON)
    qtbot.keyClick(page.personal.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: REPORTER in page.detail.toPlainText())
    assert REPORTER_PHONE in page.detail.toPlainText()
    assert not page.personal.reason.isVisibleTo(page)
    window.lock()
    assert REPORTER not in pane(page)
    window.shutdown()

    revealed = [e for e in revealed_entries(data_dir, officer="관리자")
                if e[0] == "personal_data_revealed"]
    assert revealed == [("personal_data_revealed", "관리자", "complaint", REASON,
                         {"receipt_no": number, "reason_asked": True})]


def test_an_officer_sees_the_sealed_line_and_no_button(qtbot, open_window,  # noqa: F811
                                                       data_dir):
    number = _store_with_a_report(data_dir)
    window, page = _cases_as(qtbot, open_window, "홍길동", OTHER_PIN)
    open_case(qtbot, page, number)
    assert "신고자 신원 보호" in pane(page) and REPORTER not in pane(page)
    assert not page.personal.isVisibleTo(page)
    press_reveal(qtbot, page)
    qtbot.wait(200)
    assert REPORTER not in pane(page)
    window.shutdown()
    assert not [e for e in revealed_entries(data_dir, officer="관리자")
                if e[0] == "personal_data_revealed"]


# -- the counsel tab's session detail ----------------------------------------------------


def test_the_counsel_session_detail_is_masked_until_revealed(qtbot, open_window,  # noqa: F811
                                                             data_dir):
    make_store(data_dir)
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        draft, _ = parse_counsel(sample("counsel-01.json"), now=store.clock())
        number = counsel.add(store, draft, store.officer).number
    window = open_window()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin_page)
    sign_in(qtbot, window.signin_page, PIN)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
    window.tabs.setCurrentWidget(window.counsel_page)
    page = window.counsel_page
    qtbot.waitUntil(lambda: len(page.sessions) == 1)
    page.open_session(0)
    detail = page.detail_view
    qtbot.waitUntil(lambda: detail.data is not None)
    text = detail.body.toPlainText() + detail.body.toHtml()
    assert number in detail.heading.text() and "한*경" in text and "010-****-2222" in text
    assert "한미경" not in text and "010-4444-2222" not in text and "선산대로" not in text
    assert "1966" not in text
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    detail.reprint.setFocus()
    qtbot.keyClick(detail.reprint, Qt.Key.Key_P, CTRL_SHIFT)
    qtbot.waitUntil(lambda: "010-4444-2222" in detail.body.toPlainText())
    assert "한미경" in detail.body.toPlainText() and "1966" in detail.body.toPlainText()
    window.lock()
    assert "010-4444-2222" not in detail.body.toPlainText() + detail.body.toHtml()
    window.shutdown()
    revealed = [e for e in revealed_entries(data_dir) if e[0] == "personal_data_revealed"]
    assert revealed == [("personal_data_revealed", "홍길동", "counsel_session",
                         "shown on screen", {"number": number, "reason_asked": False})]


@pytest.mark.parametrize("revealed", [False, True])
def test_the_lines_a_person_is_shown_with(revealed):
    from fieldbus.ui.widgets import personal

    person = parse_complaint(sample("complaint-03.json"), now=kst_now())[0].petitioner
    lines = personal.person_lines(person, revealed=revealed)
    if revealed:
        assert lines[:3] == ["이민호", "010-9876-5432", "minho.lee@example.com"]
        assert "39190" in lines[3]
    else:
        assert lines == ["이*호", "010-****-5432", "m********@example.com",
                         "경상북도 구미시 도개면 ***"]

"""Correcting a saved case from its detail (issue 12, "a saved case cannot be corrected in
the app"): the officer who took it, or a supervisor, presses 고치기 (F2), fixes a misheard
phone number in the same form as the returned-case editor, gives the reason, and the case
gets a new version queued for the hub. By keyboard, over a real SQLCipher store on the real
worker; the store is looked at after the window is shut."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from fieldbus.domain.intake import parse_complaint
from fieldbus.store import case_list, complaints
from fieldbus.store.store import Store
from tests.conftest import PIN, sample
from tests.ui.intake.test_intake import focused, key, type_here
from tests.ui.shell.test_app import _cheap_pin_hashes, open_window, sign_in_as  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the "
                                       r"keyboard)$")

BOSS, BOSS_PIN = "박감독", "730519"
COLLEAGUE, COLLEAGUE_PIN = "김철수", "615283"
PINS = {"홍길동": PIN, BOSS: BOSS_PIN, COLLEAGUE: COLLEAGUE_PIN}
NEW_PHONE = "010-2345-6780"
REASON = "전화번호 잘못 들음"
PROCEDURE = "군청 건설과에 전달하고 열흘 안에 현장을 봅니다."


def _seed(data_dir) -> dict[str, str]:
    """A laptop set up by supervisor 박감독 with officers 홍길동 and 김철수; each took one
    case (홍길동's with the guidance told at intake). Receipt numbers by taker."""
    with Store.create(data_dir, device="B07A", officer=BOSS, pin=BOSS_PIN,
                      role="supervisor") as store:
        boss = store.officer
        store.add_officer(boss, name="홍길동", role="officer", pin=PIN)
        store.add_officer(boss, name=COLLEAGUE, role="officer", pin=COLLEAGUE_PIN)
        taken = {}
        for who, name, extra in (("홍길동", "complaint-01.json",
                                  {"guidance": {"procedure": PROCEDURE}}),
                                 (COLLEAGUE, "complaint-02.json", {})):
            by = store.sign_in(who, PINS[who])
            data = sample(name) | extra
            taken[who] = complaints.add(store, parse_complaint(data, now=store.clock())[0],
                                        by).receipt_no
    return taken


@pytest.fixture
def crew(qtbot, open_window, data_dir):  # noqa: F811 (a fixture)
    def make(who: str = "홍길동"):
        taken = _seed(data_dir)
        window = open_window()
        sign_in_as(qtbot, window, who, PINS[who])
        window.tabs.setCurrentWidget(window.cases_page)
        page = window.cases_page
        qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() == 2)
        return window, page, taken
    return make


def _show(qtbot, page, receipt_no: str) -> None:
    row = next(r for r in range(2) if page.model.row_at(r).receipt_no == receipt_no)
    page.table.setFocus()
    page.select_row(row)
    qtbot.waitUntil(lambda: page.shown_receipt == receipt_no)


def _stored(data_dir, receipt_no):
    with Store.open(data_dir, officer=BOSS, pin=BOSS_PIN) as store:
        case = complaints.get(store, receipt_no)
        history = case_list.history(store, case.id)
        outbox = store.db.execute("SELECT version, base_version FROM outbox WHERE "
                                  "record_id = ? ORDER BY seq", (case.id,)).fetchall()
        audit = store.db.execute("SELECT reason, details FROM audit WHERE action = "
                                 "'complaint_edited' AND record_id = ?", (case.id,)).fetchall()
    return case, history, outbox, audit


def _replace_text(qtbot, field, text: str) -> None:
    field.setFocus()
    key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_here(qtbot, text)


def test_the_taker_corrects_a_misheard_phone_by_keyboard_giving_a_reason(qtbot, crew,
                                                                         data_dir):
    window, page, taken = crew()
    mine = taken["홍길동"]
    _show(qtbot, page, mine)
    assert page.correct.isVisible() and not page.resubmit.isVisible()
    page.table.setFocus()
    assert focused() is page.table, focused()
    key(qtbot, Qt.Key.Key_F2)  # from the list, the shortcut
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.editor)
    editor = page.editor
    assert "고치기" in editor.heading.text() and mine in editor.heading.text()
    assert not editor.note.isVisible()  # no supervisor's note: not a returned case
    assert editor.reason.isVisible() and editor.reason.text() == ""
    assert editor.fields["name"].hasFocus() and editor.fields["phone"].text() == "010-2345-6789"
    assert editor.fields["procedure"].toPlainText() == PROCEDURE  # issue 11's fields too
    kind = editor.fields["kind"]  # an officer may not make it a report
    assert not kind.model().item(kind.findData("report")).isEnabled()

    _replace_text(qtbot, editor.fields["phone"], NEW_PHONE)
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # No reason: refused in one line, the reason's box focused, nothing sent.
    assert page.views.currentWidget() is editor
    assert "고치는 까닭" in editor.status.text() and "\n" not in editor.status.text()
    assert editor.reason.hasFocus()
    qtbot.wait(50)
    assert window.runner.pending == 0

    type_here(qtbot, REASON)
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.list_view)
    qtbot.waitUntil(lambda: "고쳤습니다" in page.message.text())
    assert "버전 2" in page.message.text()
    qtbot.waitUntil(lambda: f"까닭: {REASON}" in page.detail.toPlainText())
    text = page.detail.toPlainText()
    assert "수정 (전화번호) — 까닭: " + REASON in text
    assert "동기화 대기" in text  # the citizen stays masked until revealed
    assert page.correct.isVisible()
    window.shutdown()

    case, history, outbox, audit = _stored(data_dir, mine)
    assert (case.version, case.sync_state, case.review_state) == (2, "pending", None)
    assert case.draft.petitioner.phone == NEW_PHONE
    assert case.draft.guidance.procedure == PROCEDURE  # untouched fields kept
    assert outbox == [(1, None), (2, 1)]
    assert (history[-1].action, history[-1].fields, history[-1].reason) == (
        "edited", ("petitioner.phone",), REASON)
    assert audit == [(REASON, json.dumps({"fields": ["petitioner.phone"], "receipt_no": mine},
                                         ensure_ascii=False, separators=(",", ":")))]


def test_a_correction_with_nothing_changed_says_so(qtbot, crew, data_dir):
    window, page, taken = crew()
    _show(qtbot, page, taken["홍길동"])
    page.correct.setFocus()
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.editor)
    editor = page.editor
    editor.reason.setFocus()
    type_here(qtbot, "확인만 함")
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "바뀐 내용이 없습니다" in editor.status.text())
    assert "관리자" not in editor.status.text()  # not the returned-case words
    assert page.views.currentWidget() is editor
    key(qtbot, Qt.Key.Key_Escape)
    assert page.views.currentWidget() is page.list_view and page.correct.hasFocus()
    window.shutdown()
    assert _stored(data_dir, taken["홍길동"])[0].version == 1


def test_the_guidance_told_at_intake_is_corrected_too(qtbot, crew, data_dir):
    window, page, taken = crew()
    _show(qtbot, page, taken["홍길동"])
    key(qtbot, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.editor)
    editor = page.editor
    _replace_text(qtbot, editor.fields["site_check"], "다음 방문 때 현장 확인")
    editor.reason.setFocus()
    type_here(qtbot, "현장 확인 안내 빠뜨림")
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.list_view)
    window.shutdown()
    case, history, _outbox, _audit = _stored(data_dir, taken["홍길동"])
    assert case.draft.guidance.site_check == "다음 방문 때 현장 확인"
    assert case.draft.guidance.procedure == PROCEDURE
    assert history[-1].fields == ("guidance.site_check",)


def test_a_colleagues_case_cannot_be_corrected_and_f2_says_why(qtbot, crew, data_dir):
    window, page, taken = crew()
    _show(qtbot, page, taken[COLLEAGUE])
    assert not page.correct.isVisible()
    key(qtbot, Qt.Key.Key_F2)
    assert page.views.currentWidget() is page.list_view
    assert "접수한 담당자나 관리자만" in page.message.text()
    window.shutdown()
    assert _stored(data_dir, taken[COLLEAGUE])[0].version == 1


def test_a_supervisor_corrects_a_colleagues_case(qtbot, crew, data_dir):
    window, page, taken = crew(BOSS)
    _show(qtbot, page, taken[COLLEAGUE])
    assert page.correct.isVisible()
    key(qtbot, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.editor)
    editor = page.editor
    _replace_text(qtbot, editor.fields["title"], "기초연금 재신청 문의")
    editor.reason.setFocus()
    type_here(qtbot, "제목 보완")
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.list_view)
    window.shutdown()
    case, history, _outbox, _audit = _stored(data_dir, taken[COLLEAGUE])
    assert case.draft.title == "기초연금 재신청 문의" and case.version == 2
    assert (history[-1].officer, history[-1].reason) == (BOSS, "제목 보완")


def test_an_officer_moving_a_case_into_report_is_refused_in_one_line(qtbot, crew, data_dir):
    window, page, taken = crew()
    _show(qtbot, page, taken["홍길동"])
    key(qtbot, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.editor)
    editor = page.editor
    kind = editor.fields["kind"]
    assert not kind.model().item(kind.findData("report")).isEnabled()
    kind.setCurrentIndex(kind.findData("report"))  # past the disabled row: the store decides
    editor.reason.setFocus()
    type_here(qtbot, "신고로 바꿈")
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "관리자만" in editor.status.text())
    status = editor.status.text()
    assert "부패·공익신고" in status and "\n" not in status and "Traceback" not in status
    assert page.views.currentWidget() is editor and editor.save_button.isEnabled()
    window.shutdown()
    case = _stored(data_dir, taken["홍길동"])[0]
    assert (case.draft.kind, case.version) == ("grievance", 1)


def test_every_control_of_the_correction_form_has_an_accessible_name(qtbot, crew):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QWidget

    window, page, taken = crew()
    _show(qtbot, page, taken["홍길동"])
    assert page.correct.accessibleName()
    key(qtbot, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.editor)
    kinds = (QAbstractButton, QComboBox, QLineEdit, QLabel)
    unnamed = [w for w in page.editor.findChildren(QWidget)
               if (isinstance(w, kinds) or w in page.editor.fields.values())
               and w.isVisibleTo(page.editor) and not w.accessibleName()
               and not w.objectName().startswith("qt_")]
    assert unnamed == [], [type(w).__name__ for w in unnamed]
    # Tab from the last field reaches the reason, then Save.
    editor = page.editor
    editor.reason.setFocus()
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is editor.save_button

"""Fixing and resubmitting a returned case from the case list, by keyboard, over a real
SQLCipher store on the real worker. The store is looked at after the window is shut."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from sync.deadlines import KST
from fieldbus.domain.intake import parse_complaint
from fieldbus.store import complaints, reviews
from fieldbus.store.store import Store
from tests.conftest import PIN, sample
from tests.ui.shell.test_app import _cheap_pin_hashes, open_window  # noqa: F401
from tests.ui.cases.test_cases import cases  # noqa: F401
from tests.ui.intake.test_intake import focused, key, type_here

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the "
                                       r"keyboard)$")

NOTE = "민원 내용에 도로 위치(마을회관 앞 300m 구간)를 적어 주십시오."
NEW_BODY = "마을회관 앞 300m 구간 진입로가 비포장이라 비가 오면 통행이 어렵습니다."


def _return_first(store, numbers):
    """The supervisor returns the first case (김영수's) through the hub's review path."""
    by = store.sign_in("홍길동", PIN)
    reviews.apply(store, numbers[0], "has_issues", NOTE,
                  datetime(2026, 11, 26, 15, 0, tzinfo=KST), by=by)


def _open_returned(qtbot, cases):  # noqa: F811
    window, page, numbers = cases(2, prepare=_return_first)
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() == 2)
    row = next(r for r in range(2) if page.model.row_at(r).receipt_no == numbers[0])
    assert page.model.data(page.model.index(row, 6)) == "보완 요청"
    page.table.setFocus()
    page.select_row(row)
    qtbot.waitUntil(lambda: NOTE in page.detail.toPlainText())
    return window, page, numbers


def _keyboard_to_editor(qtbot, page) -> None:
    """Tab from the reprint button to 보완하여 다시 제출 and press Enter."""
    assert page.resubmit.isVisible()
    page.reprint.setFocus()
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.resubmit
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.editor)


def _history(data_dir, receipt_no):
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        case = complaints.get(store, receipt_no)
        history = store.db.execute("SELECT action, fields FROM complaint_history WHERE "
                                   "complaint_id = ? ORDER BY seq", (case.id,)).fetchall()
        outbox = store.db.execute("SELECT version, base_version FROM outbox WHERE "
                                  "record_id = ? ORDER BY seq", (case.id,)).fetchall()
    return case, history, outbox


def test_a_returned_case_is_fixed_by_keyboard_and_resubmitted(qtbot, cases,  # noqa: F811
                                                              data_dir):
    window, page, numbers = _open_returned(qtbot, cases)
    assert "관리자 보완 요청" in page.detail.toPlainText()
    assert "관리자 검토: 보완 요청" in page.detail.toPlainText()  # the history row
    _keyboard_to_editor(qtbot, page)
    editor = page.editor
    assert editor.note.isVisible() and NOTE in editor.note.text()
    assert numbers[0] in editor.heading.text()
    assert editor.fields["name"].hasFocus() and editor.fields["name"].text() == "김영수"
    assert editor.fields["title"].text() == "마을 진입로 포장 요청"
    assert editor.fields["kind"].currentData() == "grievance"
    kind = editor.fields["kind"]  # an officer may not make it a report (a supervisor may)
    assert not kind.model().item(kind.findData("report")).isEnabled()
    assert editor.fields["outcome"].currentData() == "filed"
    assert not any(label.isVisible() for label in editor.errors.values())

    for _ in range(len(editor.fields)):  # Tab along the form to the body
        if editor.fields["body"].hasFocus():
            break
        key(qtbot, Qt.Key.Key_Tab)
    assert editor.fields["body"].hasFocus()
    key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_here(qtbot, NEW_BODY)
    assert editor.fields["body"].toPlainText() == NEW_BODY
    assert editor.patch() == {"body": NEW_BODY}

    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.list_view)
    qtbot.waitUntil(lambda: "보완하여 다시 제출했습니다" in page.message.text())
    text = page.detail.toPlainText()
    assert "보완 제출" in text and "동기화 대기" in text and NEW_BODY in text
    assert not page.resubmit.isVisible()  # no longer a returned case
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() == 2)
    row = next(r for r in range(2) if page.model.row_at(r).receipt_no == numbers[0])
    assert page.model.data(page.model.index(row, 6)) == "보완 제출"
    window.shutdown()

    case, history, outbox = _history(data_dir, numbers[0])
    assert (case.review_state, case.version, case.sync_state) == ("edited", 2, "pending")
    assert case.draft.body == NEW_BODY and case.review_note == NOTE
    assert case.draft.title == "마을 진입로 포장 요청"  # untouched fields kept
    assert outbox == [(1, None), (2, 1)]
    assert history[-1] == ("edited", json.dumps(["body"]))


def test_an_empty_title_is_shown_at_the_field_and_nothing_is_saved(qtbot, cases,  # noqa: F811
                                                                   data_dir):
    window, page, numbers = _open_returned(qtbot, cases)
    _keyboard_to_editor(qtbot, page)
    editor = page.editor
    editor.fields["title"].setFocus()
    key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, Qt.Key.Key_Backspace)
    error = editor.errors["title"]
    assert error.isVisible() and "꼭 입력해야 합니다" in error.text()  # as you type
    editor.fields["name"].setFocus()
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.views.currentWidget() is page.editor
    assert editor.fields["title"].hasFocus()
    assert "고칠 곳이 1군데" in editor.status.text()
    qtbot.waitUntil(lambda: window.runner.pending == 0)

    key(qtbot, Qt.Key.Key_Escape)  # back, nothing saved
    assert page.views.currentWidget() is page.list_view
    assert page.resubmit.hasFocus()
    window.shutdown()
    case, history, outbox = _history(data_dir, numbers[0])
    assert (case.review_state, case.version) == ("has_issues", 1)
    assert case.draft.title == "마을 진입로 포장 요청"
    assert outbox == [(1, None)]
    assert [h[0] for h in history] == ["created", "review_has_issues"]


def test_resubmitting_without_a_change_is_refused(qtbot, cases, data_dir):  # noqa: F811
    window, page, numbers = _open_returned(qtbot, cases)
    _keyboard_to_editor(qtbot, page)
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "바뀐 내용이 없습니다" in page.editor.status.text()
    assert page.views.currentWidget() is page.editor
    window.shutdown()
    assert _history(data_dir, numbers[0])[0].version == 1


def test_a_case_that_was_not_returned_has_no_resubmit_button(qtbot, cases):  # noqa: F811
    window, page, numbers = _open_returned(qtbot, cases)
    row = next(r for r in range(2) if page.model.row_at(r).receipt_no == numbers[1])
    page.select_row(row)
    qtbot.waitUntil(lambda: page.shown_receipt == numbers[1])
    assert not page.resubmit.isVisible()
    page.open_editor()
    assert page.views.currentWidget() is page.list_view


def test_every_control_of_the_editor_has_an_accessible_name(qtbot, cases):  # noqa: F811
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QWidget

    window, page, numbers = _open_returned(qtbot, cases)
    _keyboard_to_editor(qtbot, page)
    kinds = (QAbstractButton, QComboBox, QLineEdit, QLabel)
    unnamed = [w for w in page.editor.findChildren(QWidget)
               if (isinstance(w, kinds) or w in page.editor.fields.values())
               and w.isVisibleTo(page.editor) and not w.accessibleName()
               and not w.objectName().startswith("qt_")]
    assert unnamed == [], [type(w).__name__ for w in unnamed]


def test_a_sealed_reporters_identity_stays_hidden_and_unchanged(qtbot, cases,  # noqa: F811
                                                                 data_dir):
    added: list[str] = []

    def returned_report(store, numbers):
        by = store.sign_in("홍길동", PIN)  # an officer: may not read a reporter's identity
        data = sample("complaint-01.json") | {"kind": "report", "disclosure": "private"}
        report = complaints.add(store, parse_complaint(data, now=store.clock())[0], by)
        reviews.apply(store, report.receipt_no, "has_issues", NOTE,
                      datetime(2026, 11, 26, 15, 0, tzinfo=KST), by=by)
        added.append(report.receipt_no)

    window, page, numbers = cases(1, prepare=returned_report)
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() == 2)
    row = next(r for r in range(2) if page.model.row_at(r).receipt_no == added[0])
    page.select_row(row)
    qtbot.waitUntil(lambda: NOTE in page.detail.toPlainText())
    _keyboard_to_editor(qtbot, page)
    editor = page.editor
    # Whether it is a report is fixed for an officer: the kind cannot be changed here.
    assert not editor.fields["kind"].isEnabled() and editor.fields["agency"].hasFocus()
    assert not any(editor.fields[k].isVisible() for k in ("name", "phone", "address"))
    assert editor.who_hidden.isVisible() and "신고자 신원 보호" in editor.who_hidden.text()
    editor.fields["title"].setFocus()
    key(qtbot, Qt.Key.Key_End)
    type_here(qtbot, " (재)")
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.list_view)
    qtbot.waitUntil(lambda: "보완하여 다시 제출했습니다" in page.message.text())
    window.shutdown()
    case, history, outbox = _history(data_dir, added[0])
    assert case.draft.title == "마을 진입로 포장 요청 (재)" and case.review_state == "edited"
    assert case.draft.petitioner.name == "김영수" and case.draft.petitioner.phone
    assert history[-1] == ("edited", json.dumps(["title"]))

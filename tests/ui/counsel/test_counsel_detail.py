"""A counsel session opened from today's list (notes only for counsel and supervisors,
the deadline, the confirmation reprinted) and the counsel form's draft surviving a crash;
real widgets over a real SQLCipher store on the real worker."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from fieldbus.domain.intake import parse_counsel
from fieldbus.store import counsel
from fieldbus.store.store import Store
from tests.conftest import PIN, sample
from tests.ui.shell.test_app import OTHER_PIN, _cheap_pin_hashes, make_store, open_window  # noqa: F401
from tests.ui.counsel.test_counsel import COUNSEL, counsel_tab  # noqa: F401
from tests.ui.intake.test_intake import focused, key, type_here

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the "
                                       r"keyboard)$")

NOTES = sample("counsel-01.json")["notes"]


def _session_by_counsel(data_dir) -> str:
    """A store with 홍길동 and 김민원 (officers) and 오세진 (counsel), and one session
    with notes saved by counsel today; its number."""
    make_store(data_dir, COUNSEL, more=[("김민원", "officer", "593017")])
    with Store.open(data_dir, officer=COUNSEL, pin=OTHER_PIN) as store:
        draft, _ = parse_counsel(sample("counsel-01.json"), now=store.clock())
        number = counsel.add(store, draft, store.officer).number
    return number


def _open_first_session(qtbot, page) -> None:
    """Tab-free: focus the list, pick the first row, Enter."""
    qtbot.waitUntil(lambda: len(page.sessions) == 1)
    page.session_list.setFocus()
    page.session_list.setCurrentCell(0, 0)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.detail_view)
    qtbot.waitUntil(lambda: page.detail_view.data is not None)


def _viewed(data_dir) -> list[dict]:
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        rows = store.db.execute("SELECT details FROM audit WHERE action = 'counsel_viewed' "
                                "ORDER BY seq").fetchall()
    return [json.loads(r[0]) for r in rows]


def test_an_officer_sees_that_notes_exist_but_not_their_text(qtbot, counsel_tab,  # noqa: F811
                                                             data_dir, exports):
    number = _session_by_counsel(data_dir)
    window, page = counsel_tab("김민원", "593017")
    assert window.officer.role == "officer"
    _open_first_session(qtbot, page)
    detail = page.detail_view
    text = detail.body.toPlainText()
    assert number in detail.heading.text() and "한*경" in text  # masked: 개인정보 보기
    assert "상담 내용이 기록되어 있습니다" in text
    assert NOTES not in text and "소득" not in text
    assert detail.data["notes"] is None and detail.data["notes_withheld"]  # never crossed
    assert "2026-12-21" in detail.deadline_label.text()
    assert detail.deadline_label.property("deadlineStatus") in ("ok", "near", "past")

    assert detail.reprint.hasFocus()
    key(qtbot, Qt.Key.Key_Return)  # the confirmation, first print
    qtbot.waitUntil(lambda: "발행했습니다" in detail.message.text())
    first = detail.last_pdf
    qtbot.waitUntil(detail.reprint.isEnabled)
    key(qtbot, Qt.Key.Key_Return)  # again: a reprint
    qtbot.waitUntil(lambda: "재발행했습니다" in detail.message.text())
    again = detail.last_pdf
    assert first != again and again.parent == exports
    reprinted = "".join(p.extract_text() for p in PdfReader(again).pages)
    assert number in reprinted and "재발행" in reprinted and "소득" not in reprinted

    key(qtbot, Qt.Key.Key_Escape)
    assert page.views.currentWidget() is page.form_view
    assert focused() is page.session_list
    window.shutdown()
    assert _viewed(data_dir) == [{"notes_shown": False}]


def test_counsel_sees_the_notes(qtbot, counsel_tab, data_dir):  # noqa: F811
    _session_by_counsel(data_dir)
    window, page = counsel_tab()
    typed = "작성 중인 청구인"
    page.fields["name"].setFocus()
    type_here(qtbot, typed)
    _open_first_session(qtbot, page)
    assert NOTES in page.detail_view.body.toPlainText()
    key(qtbot, Qt.Key.Key_Escape)
    assert page.fields["name"].text() == typed  # the form kept its content
    window.shutdown()
    assert _viewed(data_dir) == [{"notes_shown": True}]


def test_the_counsel_draft_survives_a_crash(qtbot, counsel_tab, data_dir,  # noqa: F811
                                            monkeypatch):
    monkeypatch.setenv("FIELDBUS_DRAFT_SECONDS", "0.05")
    window, page = counsel_tab()
    qtbot.waitUntil(lambda: page.fields["name"].hasFocus())
    type_here(qtbot, "한미경")
    page.fields["title"].setFocus()
    type_here(qtbot, "생계급여 중지 처분")
    page.fields["notes"].setFocus()
    type_here(qtbot, "처분 사유서 미수령")
    page.fields["basis"].setCurrentIndex(page.fields["basis"].findData("basic_livelihood"))
    qtbot.waitUntil(lambda: page.drafts.saved >= 1 and page.drafts.snapshot == page.values())
    qtbot.waitUntil(lambda: window.runner.pending == 0)
    window.shutdown()  # a crash: nothing saved, the form not cleared

    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        me = store.sign_in(COUNSEL, OTHER_PIN)
        assert store.meta(f"counsel-draft:{me.id}") is not None
        assert store.meta(f"draft:{me.id}") is None  # the intake form's draft untouched
        assert counsel.recent(store) == []

    window2, page2 = counsel_tab()
    qtbot.waitUntil(lambda: page2.fields["title"].text() == "생계급여 중지 처분")
    assert page2.fields["name"].text() == "한미경"
    assert page2.fields["notes"].toPlainText() == "처분 사유서 미수령"
    assert page2.fields["basis"].currentData() == "basic_livelihood"
    assert page2.banner.isVisible() and "되살렸습니다" in page2.banner.text()

"""Each sync state's words match the state (issue 12 "Messages that tell the truth"): a
laptop that is not enrolled is never told 모두 동기화되었습니다 or 연결되면 자동으로
보냅니다 — not in the status bar, the sync panel or the visit tab."""

from __future__ import annotations

import pytest

from fieldbus.services.sync_status import SyncStatus
from fieldbus.ui.widgets.waiting_list import WaitingList
from tests.ui.shell.test_app import _cheap_pin_hashes, open_window  # noqa: F401 - fixtures
from tests.ui.sync.test_sync_in_app import make_store, sign_in

UNTRUE_WHEN_NOT_ENROLLED = ("모두 동기화", "연결되면 자동으로 보냅니다")


def untrue(text: str) -> list[str]:
    return [words for words in UNTRUE_WHEN_NOT_ENROLLED if words in text]


@pytest.mark.parametrize("cases", [0, 2])
def test_a_laptop_not_enrolled_is_told_so_everywhere(qtbot, open_window, data_dir,  # noqa: F811
                                                    cases):
    make_store(data_dir, cases=cases)
    window = open_window()
    sign_in(qtbot, window)
    qtbot.waitUntil(lambda: window.outbox_label.text().startswith("허브 미등록"))
    bar = window.outbox_label
    assert untrue(bar.text()) == []
    assert "등록" in bar.toolTip() and "fieldbus enrol" in bar.toolTip()
    assert untrue(bar.toolTip()) == []

    window.tabs.setCurrentWidget(window.visit_page)
    visit_note = window.visit_page.waiting.note
    qtbot.waitUntil(lambda: visit_note.text() != "")
    qtbot.waitUntil(lambda: "등록되지 않" in visit_note.text())
    assert untrue(visit_note.text()) == [], visit_note.text()
    if cases:
        assert "2건" in visit_note.text() and "이 노트북에" in visit_note.text()

    panel = window.open_sync_panel()
    qtbot.waitUntil(lambda: panel.waiting.table.rowCount() == cases
                    and panel.waiting.note.text() != "")
    qtbot.waitUntil(lambda: "등록되지 않" in panel.waiting.note.text())
    for text in (panel.headline.text(), panel.detail.text(), panel.waiting.note.text()):
        assert untrue(text) == [], text
    assert "fieldbus enrol" in panel.detail.text()
    qtbot.wait(300)
    panel.grab().save(str(data_dir.parent / "panel.png"))
    window.visit_page.grab().save(str(data_dir.parent / "visit.png"))


def rows_note(qtbot, status: SyncStatus | None, *, waiting: int, quarantined: int = 0) -> str:
    box = WaitingList()
    qtbot.addWidget(box)
    if status is not None:
        box.set_sync(status)
    box.show_rows([], waiting=waiting, quarantined=quarantined)
    return box.note.text()


def test_the_waiting_note_follows_the_state(qtbot):
    enrolled = SyncStatus(enrolled=True)
    assert "모두 동기화되었습니다" in rows_note(qtbot, enrolled, waiting=0)
    assert "연결되면 자동으로 보냅니다" in rows_note(qtbot, enrolled, waiting=3)
    offline = SyncStatus(enrolled=True, pending=3, error_code="unreachable")
    assert "연결되면 자동으로 보냅니다" in rows_note(qtbot, offline, waiting=3)

    refused = SyncStatus(enrolled=True, pending=3, error_code="token_refused")
    note = rows_note(qtbot, refused, waiting=3)
    assert untrue(note) == [] and "관리자" in note and "3건" in note

    training = SyncStatus(training=True)
    for waiting in (0, 4):
        note = rows_note(qtbot, training, waiting=waiting)
        assert untrue(note) == [] and "교육용" in note

    for waiting in (0, 2):  # before the state is known: no promise either way
        assert untrue(rows_note(qtbot, None, waiting=waiting)) == []


def test_the_note_changes_when_the_state_does(qtbot):
    box = WaitingList()
    qtbot.addWidget(box)
    box.show_rows([], waiting=2, quarantined=0)
    box.set_sync(SyncStatus(enrolled=False, pending=2))
    assert untrue(box.note.text()) == [] and "등록되지 않" in box.note.text()
    box.set_sync(SyncStatus(enrolled=True, pending=2))
    assert "연결되면 자동으로 보냅니다" in box.note.text()


@pytest.mark.parametrize("code", ["unreachable", "certificate", "not_the_hub", "hub_refused",
                                  "protocol", "something_new"])
def test_why_the_last_run_failed_is_said_in_korean_with_the_engines_words_beside(
        qtbot, open_window, data_dir, code):  # noqa: F811
    make_store(data_dir, cases=1)
    window = open_window()
    sign_in(qtbot, window)
    panel = window.open_sync_panel()
    engine = ("the hub could not be reached (GET / failed 6 times); the rest stays pending "
              "for the next sync")

    panel.show_status(SyncStatus(enrolled=True, pending=1, error_code=code, error=engine))

    (line,) = [line for line in panel.detail.text().splitlines() if "마지막 시도 실패" in line]
    assert engine not in line and not any("a" <= ch <= "z" for ch in line.replace("Fieldbus", ""))
    assert line != "마지막 시도 실패: " and panel.detail.toolTip() == engine

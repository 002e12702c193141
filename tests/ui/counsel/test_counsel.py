"""The counsel session form, driven by keyboard over the real store on the real worker.

The store is looked at only after the window has been shut down.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QWidget

from sync.deadlines import KST
from fieldbus.store import counsel
from fieldbus.store.store import Store
from fieldbus.ui.counsel.form import NOTES_HIDDEN_TEXT
from tests.conftest import PIN, ROOT, sample
from tests.ui.shell.test_app import (  # noqa: F401
    OTHER_PIN,
    _cheap_pin_hashes,
    make_store,
    open_window,
    sign_in_as,
)
from tests.ui.intake.test_intake import focused, key, type_here

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the "
                                       r"keyboard)$")

COUNSEL = "오세진"


@pytest.fixture
def counsel_tab(qtbot, open_window, data_dir):  # noqa: F811
    """A window signed in as ``who`` on the counsel tab; returns (window, page)."""
    def start(who: str = COUNSEL, pin: str = OTHER_PIN):
        if not Store.exists(data_dir):
            make_store(data_dir, COUNSEL)  # 홍길동 (officer), 오세진 (counsel)
        window = open_window()
        sign_in_as(qtbot, window, who, pin)
        window.tabs.setCurrentWidget(window.counsel_page)
        page = window.counsel_page
        page.fields["name"].setFocus()
        qtbot.waitUntil(lambda: window.runner.pending == 0)
        return window, page
    return start


def tab_to(qtbot, page, name: str) -> None:
    key(qtbot, Qt.Key.Key_Tab)
    w = focused()
    assert w is page.fields[name] or w.parent() is page.fields[name], \
        f"Tab went to {w.accessibleName()!r}, not {name}"


def choose(qtbot, page, name: str, code: str) -> None:
    combo = page.fields[name]
    for _ in range(combo.count() + 1):
        if combo.currentIndex() >= 0 and combo.currentData() == code:
            return
        key(qtbot, Qt.Key.Key_Down)
    raise AssertionError(f"{name} never showed {code}")


def qdate(iso: str) -> QDate:
    d = date.fromisoformat(iso)
    return QDate(d.year, d.month, d.day)


def fill_counsel_01(qtbot, page, *, notes: bool = True) -> dict:
    data = sample("counsel-01.json")
    who, disp = data["appellant"], data["disposition"]
    qtbot.waitUntil(lambda: page.fields["name"].hasFocus())
    type_here(qtbot, who["name"])
    tab_to(qtbot, page, "phone")
    type_here(qtbot, who["phone"])
    tab_to(qtbot, page, "address")
    type_here(qtbot, who["address"])
    tab_to(qtbot, page, "birth_year")
    type_here(qtbot, str(who["birth_year"]))
    tab_to(qtbot, page, "agency")
    type_here(qtbot, disp["agency"])
    popup = page.fields["agency"].completer().popup()
    if popup.isVisible():
        qtbot.keyClick(popup, Qt.Key.Key_Escape)
        page.window().activateWindow()
        qtbot.waitUntil(page.window().isActiveWindow)
    assert page.fields["agency"].currentText() == disp["agency"]
    page.fields["agency"].setFocus()
    tab_to(qtbot, page, "title")
    type_here(qtbot, disp["title"])
    tab_to(qtbot, page, "disposed_on")
    page.fields["disposed_on"].setDate(qdate(disp["disposed_on"]))
    tab_to(qtbot, page, "learned_unknown")
    tab_to(qtbot, page, "learned_on")
    page.fields["learned_on"].setDate(qdate(disp["learned_on"]))
    # 제27조 questions left unanswered; the announced period, the force majeure's end and
    # abroad are disabled until asked for, so Tab passes them by.
    tab_to(qtbot, page, "appeal_kind")
    tab_to(qtbot, page, "period_notice")
    tab_to(qtbot, page, "force_majeure")
    tab_to(qtbot, page, "basis")
    choose(qtbot, page, "basis", data["eligibility"]["basis"])
    tab_to(qtbot, page, "shared_info_consent")  # 제1호: the 행정정보 공동이용 question
    choose(qtbot, page, "shared_info_consent", "yes")
    tab_to(qtbot, page, "checked_by")
    choose(qtbot, page, "checked_by", data["eligibility"]["checked_by"])
    tab_to(qtbot, page, "counsel_name")
    type_here(qtbot, data["counsel"]["name"])
    tab_to(qtbot, page, "qualification")
    choose(qtbot, page, "qualification", data["counsel"]["qualification"])
    if notes:
        tab_to(qtbot, page, "notes")
        type_here(qtbot, data["notes"])
    tab_to(qtbot, page, "next_step")
    type_here(qtbot, "행정심판 청구서 초안을 다음 주 검토")
    tab_to(qtbot, page, "outcome")
    choose(qtbot, page, "outcome", data["outcome"])
    return data


def test_counsel_fills_saves_and_prints_a_session_with_notes(qtbot, counsel_tab, data_dir,
                                                            monkeypatch, tmp_path, exports):
    monkeypatch.delenv("FIELDBUS_PRINTER", raising=False)
    window, page = counsel_tab()
    assert page.fields["notes"].isVisible()
    assert not page.notes_hidden.isVisible()
    data = fill_counsel_01(qtbot, page)
    assert not any(label.isVisible() for label in page.errors.values())
    assert "2026-12-21" in page.deadline_label.text()
    assert "행정심판법 제27조제1항 (안 날부터 90일)" in page.deadline_label.text()
    assert "행정심판법 제27조" in page.deadline_basis.text()
    assert "심리기일 전까지" in page.proof_note.text()
    assert "행정정보 공동이용으로 확인" in page.proof_note.text()
    assert page.deadline_label.font().bold()

    # The README's screenshot of the filled form; written into docs/ only on request
    # (FIELDBUS_SCREENSHOTS=1), so an ordinary test run leaves the work tree alone.
    shot = tmp_path / "app-counsel.png"
    if os.environ.get("FIELDBUS_SCREENSHOTS"):
        shot = ROOT / "docs" / "images" / "app-counsel.png"
    qtbot.wait(50)  # the layout the last answers asked for (a longer note) is done first
    assert page.grab().save(str(shot))

    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.done_view)
    number = page.number_label.text()
    assert number.startswith("B07A-")
    assert page.print_button.hasFocus()
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.form_view
                    or "저장되어" in page.print_message.text())
    assert page.views.currentWidget() is page.form_view, page.print_message.text()
    pdf = page.last_pdf
    assert pdf is not None and pdf.parent == exports and pdf.exists()
    assert page.fields["name"].text() == ""  # cleared for the next appellant
    qtbot.waitUntil(lambda: [row[0] for row in page.sessions] == [number])
    assert page.sessions[0][1] == "한*경"
    window.shutdown()

    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert number in text
    assert "소득 산정" not in text and data["notes"][:8] not in text
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        saved = counsel.get(store, number)
    assert saved.draft.notes == data["notes"]
    assert saved.draft.appellant.name == "한미경"
    assert saved.appeal_deadline == date(2026, 12, 21)
    assert saved.draft.counsel_qualification == "attorney"
    assert saved.draft.shared_info_consent is True
    assert not saved.draft.appeal.answered


def test_an_officer_sees_no_notes_field_and_the_list_never_shows_notes(qtbot, counsel_tab,
                                                                       data_dir):
    make_store(data_dir, COUNSEL, more=[("김민원", "officer", "593017")])
    with Store.open(data_dir, officer=COUNSEL,
                    pin=OTHER_PIN) as store:  # a session with notes, by counsel, earlier today
        from fieldbus.domain.intake import parse_counsel

        draft, _ = parse_counsel(sample("counsel-01.json"), now=store.clock())
        counsel.add(store, draft, store.officer)
    window, page = counsel_tab("김민원", "593017")
    assert window.officer.role == "officer"
    assert not page.fields["notes"].isVisible() and not page.notes_caption.isVisible()
    assert page.notes_hidden.isVisible() and page.notes_hidden.text() == NOTES_HIDDEN_TEXT
    qtbot.waitUntil(lambda: len(page.sessions) == 1)
    shown = " ".join(" ".join(row) for row in page.sessions)
    notes = sample("counsel-01.json")["notes"]
    assert "소득" not in shown and notes not in shown and "한미경" not in shown

    page.fields["notes"].setPlainText("몰래 적은 내용")  # even if text got in somehow
    fill_counsel_01(qtbot, page, notes=False)
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.done_view)
    number = page.number_label.text()
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(page.sessions) == 2)
    table = page.session_list
    cells = [table.item(r, c).text() for r in range(table.rowCount()) for c in range(4)]
    assert not any("소득" in cell or "몰래" in cell for cell in cells)
    window.shutdown()
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        assert counsel.get(store, number).draft.notes is None


def test_a_learned_date_before_the_disposition_is_shown_at_that_field(qtbot, counsel_tab):
    window, page = counsel_tab()
    page.fields["disposed_on"].setDate(qdate("2026-09-15"))
    page.fields["learned_on"].setDate(qdate("2026-09-10"))
    error = page.errors["learned_on"]
    assert error.isVisible() and "처분일보다 앞설 수 없습니다" in error.text()
    assert not page.errors["disposed_on"].isVisible()
    assert page.deadline is None and page.deadline_status == "none"
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.views.currentWidget() is page.form_view
    assert page.fields["name"].hasFocus()  # the first problem, in form order
    assert page.errors["learned_on"].isVisible()


@pytest.mark.parametrize(("learned_days_ago", "status"), [(80, "near"), (100, "past"),
                                                          (10, "ok")])
def test_the_deadline_warns_when_near_or_past(qtbot, counsel_tab, learned_days_ago, status):
    _window, page = counsel_tab()
    today = datetime.now(KST).date()
    day = today - timedelta(days=learned_days_ago)
    page.fields["disposed_on"].setDate(QDate(day.year, day.month, day.day))
    page.fields["learned_on"].setDate(QDate(day.year, day.month, day.day))
    assert page.deadline_status == status
    assert page.deadline_label.property("deadlineStatus") == status
    if status == "near":
        assert "남음" in page.deadline_label.text() or "마지막 날" in page.deadline_label.text()
        assert "임박" in page.deadline_label.text()
    if status == "past":
        assert "지났습니다" in page.deadline_label.text()


def test_every_control_has_an_accessible_name(qtbot, counsel_tab):
    _window, page = counsel_tab()
    nameless = [type(w).__name__ for w in page.findChildren(QWidget)
                if w.focusPolicy() != Qt.FocusPolicy.NoFocus
                and (isinstance(w, (QAbstractButton, QComboBox)) or w in page.fields.values())
                and not w.accessibleName()]
    assert nameless == []


# --------------------------------------------------------------------------- 제27조 and 제16조의2


def test_the_article_27_questions_open_as_they_apply_and_the_label_names_the_rule(
        qtbot, counsel_tab, tmp_path):
    _window, page = counsel_tab()
    f = page.fields
    f["disposed_on"].setDate(qdate("2026-09-15"))
    f["learned_on"].setDate(qdate("2026-09-22"))
    # ①: 2026-09-22 + 90 days = 2026-12-21 (월).
    assert "2026-12-21" in page.deadline_label.text()
    assert "제27조제1항 (안 날부터 90일)" in page.deadline_label.text()
    assert not f["announced_days"].isEnabled()
    assert not f["force_majeure_ended_on"].isEnabled() and not f["abroad"].isEnabled()

    # ⑤: told 120 days from 2026-09-22: Sep 8, Oct → 39, Nov → 69, Dec → 100, Jan 20 → 120.
    f["period_notice"].setFocus()
    choose(qtbot, page, "period_notice", "told_longer")
    assert f["announced_days"].isEnabled()
    tab_to(qtbot, page, "announced_days")
    assert page.deadline is None  # no period typed yet
    type_here(qtbot, "120")
    assert "2027-01-20" in page.deadline_label.text()
    assert "제27조제5항" in page.deadline_label.text()

    # ⑥: not told → 180 days from 2026-09-15 = 2027-03-14 (일) → 2027-03-15 (월, 제161조).
    f["period_notice"].setFocus()
    choose(qtbot, page, "period_notice", "not_told")
    assert not f["announced_days"].isEnabled()
    assert "2027-03-15" in page.deadline_label.text()
    assert "제27조제6항" in page.deadline_label.text()
    assert "민법 제161조" in page.deadline_label.text()

    # ② abroad: the cause ended 2027-02-20; +30 = 2027-03-22 (월), after ⑥'s 03-15.
    f["force_majeure"].setFocus()
    key(qtbot, Qt.Key.Key_Space)
    assert f["force_majeure"].isChecked() and f["force_majeure_ended_on"].isEnabled()
    tab_to(qtbot, page, "force_majeure_ended_on")
    f["force_majeure_ended_on"].setDate(qdate("2026-12-01"))
    # 14 days after 2026-12-01 = 2026-12-15 (화): earlier than ⑥, so ⑥ stays.
    assert "2027-03-15" in page.deadline_label.text()
    tab_to(qtbot, page, "abroad")
    key(qtbot, Qt.Key.Key_Space)
    # Abroad, 30 days: Dec 2–31 = 30: 2026-12-31 (목) — still before ⑥.
    assert "제27조제6항" in page.deadline_label.text()
    tab_to(qtbot, page, "basis")
    shot = tmp_path / "counsel-article27.png"
    assert page.grab().save(str(shot))

    # ⑦: a nullity appeal has no period at all.
    f["appeal_kind"].setFocus()
    choose(qtbot, page, "appeal_kind", "nullity")
    assert page.deadline_label.text().endswith("청구기간 제한 없음 (제27조제7항)")
    assert page.deadline_status == "none"
    assert page.deadline_label.property("deadlineStatus") == "none"


def test_the_free_counsel_note_follows_the_category(qtbot, counsel_tab):
    _window, page = counsel_tab()
    f = page.fields
    f["basis"].setFocus()
    # 제3호 기초연금: documents always; the consent question does not apply (③ names 1, 2, 4, 6).
    choose(qtbot, page, "basis", "basic_pension")
    assert not f["shared_info_consent"].isEnabled()
    assert "신청서와 함께 제출해야 합니다" in page.proof_note.text()
    assert "심리기일 전까지" in page.proof_note.text()
    # 제6호: the chair's determination, worded so.
    choose(qtbot, page, "basis", "inability_to_pay")
    assert f["basis"].currentText() == ("그 밖에 위원장이 경제적 능력으로 인하여 대리인을 선임할 "
                                        "수 없다고 인정하는 사람")
    assert f["shared_info_consent"].isEnabled()
    assert "위원장이" in page.proof_note.text()
    tab_to(qtbot, page, "shared_info_consent")
    choose(qtbot, page, "shared_info_consent", "no")
    assert "동의하지 않았으므로" in page.proof_note.text()
    f["basis"].setFocus()
    choose(qtbot, page, "basis", "none")
    assert page.proof_note.text() == ""


def test_a_session_with_answers_is_saved_and_its_confirmation_prints_the_rule(
        qtbot, counsel_tab, data_dir, monkeypatch, exports):
    monkeypatch.delenv("FIELDBUS_PRINTER", raising=False)
    window, page = counsel_tab()
    fill_counsel_01(qtbot, page)
    page.fields["period_notice"].setCurrentIndex(
        page.fields["period_notice"].findData("not_told"))
    # ⑥: 2026-09-15 + 180 = 2027-03-14 (일) → 2027-03-15 (월).
    assert "2027-03-15" in page.deadline_label.text()
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.done_view)
    number = page.number_label.text()
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.form_view
                    or "저장되어" in page.print_message.text())
    pdf = page.last_pdf
    window.shutdown()
    import subprocess

    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "2027-03-15" in text
    assert "제27조제6항" in "".join(text.split())
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        saved = counsel.get(store, number)
    assert saved.appeal_deadline == date(2027, 3, 15)
    assert saved.draft.appeal.notice == "not_told"

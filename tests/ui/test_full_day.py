"""A full day on the bus, end to end: first-run setup, open the visit, 30 complaints and
5 counsel sessions taken by keyboard with every receipt printed, find a case by a word of
its body, read the day's dashboard, close the visit — then check the store on disk.

Real widgets over a real SQLCipher store on the app's worker thread; the test looks at the
store only after the window has been shut down.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from fieldbus.store.store import Store
from tests.conftest import PIN, sample
from tests.ui.shell.test_app import (  # noqa: F401
    _cheap_pin_hashes,
    fill_setup,
    open_window,
    store_threads,
    type_text,
)
from tests.ui.counsel.test_counsel import fill_counsel_01
from tests.ui.intake.test_intake import RECEIPT, choose, focused, key, tab_to, type_here

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the "
                                       r"keyboard)$")

SAMPLES = [f"complaint-0{i}.json" for i in range(1, 7)]  # 05 is the anonymous one
N_COMPLAINTS, N_SESSIONS = 30, 5
UNIQUE_CASE, UNIQUE_WORD = 17, "자두나무길"


def fill_complaint(qtbot, page, data: dict) -> None:
    """The whole intake form from the keyboard, in tab order, from ``data`` (a sample)."""
    qtbot.waitUntil(lambda: page.fields["name"].hasFocus())
    who = data["petitioner"]
    if who is None:
        key(qtbot, Qt.Key.Key_Backtab)
        assert focused() is page.anonymous
        key(qtbot, Qt.Key.Key_Space)
        assert page.anonymous.isChecked()
        tab_to(qtbot, page, "kind")  # the petitioner fields and consent are skipped
    else:
        type_here(qtbot, who["name"])
        tab_to(qtbot, page, "type")
        choose(qtbot, page, "type", who["type"])
        tab_to(qtbot, page, "phone")
        type_here(qtbot, who["phone"])
        tab_to(qtbot, page, "email")
        if who["email"]:
            type_here(qtbot, who["email"])
        tab_to(qtbot, page, "address")
        type_here(qtbot, who["address"])
        tab_to(qtbot, page, "postcode")
        type_here(qtbot, who["postcode"])
        tab_to(qtbot, page, "birth_year")
        type_here(qtbot, str(who["birth_year"]))
        tab_to(qtbot, page, "consent")
        if data["consent"]["personal_info"]:
            key(qtbot, Qt.Key.Key_Space)
        tab_to(qtbot, page, "kind")
    choose(qtbot, page, "kind", data["kind"])
    tab_to(qtbot, page, "agency")
    type_here(qtbot, data["agency"])
    popup = page.fields["agency"].completer().popup()
    if popup.isVisible():
        qtbot.keyClick(popup, Qt.Key.Key_Escape)
        page.window().activateWindow()
        qtbot.waitUntil(page.window().isActiveWindow)
        page.fields["agency"].setFocus()
    assert page.fields["agency"].currentText() == data["agency"]
    tab_to(qtbot, page, "region")
    type_here(qtbot, data["region"])
    tab_to(qtbot, page, "title")
    type_here(qtbot, data["title"])
    tab_to(qtbot, page, "body")
    type_here(qtbot, data["body"])
    tab_to(qtbot, page, "channel")
    choose(qtbot, page, "channel", data["channel"])
    tab_to(qtbot, page, "disclosure")
    choose(qtbot, page, "disclosure", data["disclosure"])
    tab_to(qtbot, page, "notify_by")
    choose(qtbot, page, "notify_by", data["notify_by"] or "")
    tab_to(qtbot, page, "outcome")
    choose(qtbot, page, "outcome", data["outcome"])
    if data["outcome"] == "referred":
        tab_to(qtbot, page, "referred_to")
        type_here(qtbot, data["referred_to"])


def day_of_complaints() -> list[dict]:
    day = []
    for i in range(1, N_COMPLAINTS + 1):
        data = sample(SAMPLES[(i - 1) % len(SAMPLES)])
        data["title"] = f"{data['title']} {i:02d}"
        data["body"] = f"{data['body']} 오늘 {i:02d}번째 접수."
        if i == UNIQUE_CASE:
            data["body"] += f" 위치는 {UNIQUE_WORD} 입구입니다."
        day.append(data)
    return day


def printed_text(pdf: Path) -> str:
    return "".join(p.extract_text() for p in PdfReader(pdf).pages)


def test_a_full_day_on_the_bus(qtbot, open_window, data_dir, monkeypatch,  # noqa: F811
                               store_threads, exports):  # noqa: F811
    monkeypatch.delenv("FIELDBUS_PRINTER", raising=False)  # receipts become saved PDFs
    window = open_window()

    # -- first run: the setup flow, as a supervisor (who may write counsel notes) --------
    setup = window.setup_page
    qtbot.waitUntil(lambda: window.pages.currentWidget() is setup)
    setup.role.setCurrentIndex(setup.role.findData("supervisor"))
    fill_setup(qtbot, window, officer="홍길동", device="b07a", pin=PIN)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
    assert window.officer.name == "홍길동" and window.officer.role == "supervisor"

    # -- open today's visit ---------------------------------------------------------------
    visit = window.visit_page
    window.tabs.setCurrentWidget(visit)
    qtbot.waitUntil(lambda: visit.loaded is not None)
    assert visit.state.currentWidget() is visit.open_box
    type_text(qtbot, visit.venue, "청송군청 앞 광장")
    type_text(qtbot, visit.region, "경북 청송군")
    type_text(qtbot, visit.team, "김민수, 이영희")
    qtbot.keyClick(visit.team, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: visit.state.currentWidget() is visit.header_box)

    # -- 30 complaints, each saved with Ctrl+S and its receipt printed with Enter ---------
    intake = window.intake_page
    window.tabs.setCurrentWidget(intake)
    qtbot.waitUntil(lambda: not intake.drafts.restoring)
    intake.fields["name"].setFocus()
    numbers: list[str] = []
    pdfs: dict[str, Path] = {}
    for i, data in enumerate(day_of_complaints(), start=1):
        fill_complaint(qtbot, intake, data)
        assert not any(label.isVisible() for label in intake.errors.values()), \
            (i, {k: v.text() for k, v in intake.errors.items() if v.isVisible()})
        key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: intake.views.currentWidget() is intake.receipt_view
                        or "저장하지 않았" in intake.status.text(), timeout=10_000)
        assert intake.views.currentWidget() is intake.receipt_view, (i, intake.status.text())
        number = intake.receipt_label.text()
        assert RECEIPT.match(number) and number not in numbers, number
        # focus lands once the window is active again (a closed popup hands it back late)
        qtbot.waitUntil(intake.print_button.hasFocus, timeout=15_000)
        key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: intake.views.currentWidget() is intake.form_view
                        or "민원은 저장되어" in intake.print_message.text(), timeout=10_000)
        assert intake.views.currentWidget() is intake.form_view, intake.print_message.text()
        assert number in intake.status.text()
        numbers.append(number)
        pdfs[number] = intake.last_receipt_pdf
    assert len(set(numbers)) == N_COMPLAINTS

    # -- 5 counsel sessions, each confirmation printed ------------------------------------
    counsel = window.counsel_page
    window.tabs.setCurrentWidget(counsel)
    qtbot.waitUntil(lambda: window.runner.pending == 0)
    assert counsel.fields["notes"].isVisible()
    counsel.fields["name"].setFocus()
    sessions: list[str] = []
    for _ in range(N_SESSIONS):
        fill_counsel_01(qtbot, counsel)
        key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: counsel.views.currentWidget() is counsel.done_view
                        or "저장하지 않았" in counsel.status.text(), timeout=10_000)
        assert counsel.views.currentWidget() is counsel.done_view, counsel.status.text()
        number = counsel.number_label.text()
        assert number.startswith("B07A-") and number not in sessions + numbers
        qtbot.waitUntil(counsel.print_button.hasFocus, timeout=15_000)
        key(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: counsel.views.currentWidget() is counsel.form_view
                        or "저장되어" in counsel.print_message.text(), timeout=10_000)
        assert counsel.views.currentWidget() is counsel.form_view, \
            counsel.print_message.text()
        sessions.append(number)
        pdfs[number] = counsel.last_pdf
    qtbot.waitUntil(lambda: len(counsel.sessions) == N_SESSIONS)
    assert {row[0] for row in counsel.sessions} == set(sessions)

    # -- find case 17 by a word that occurs only in its body -----------------------------
    cases = window.cases_page
    window.tabs.setCurrentWidget(cases)
    qtbot.waitUntil(lambda: cases.model.complete and cases.model.rowCount() == N_COMPLAINTS)
    type_text(qtbot, cases.search, UNIQUE_WORD)
    qtbot.waitUntil(lambda: cases.model.filters.text == UNIQUE_WORD and cases.model.complete
                    and cases.model.rowCount() == 1)
    assert cases.model.row_at(0).receipt_no == numbers[UNIQUE_CASE - 1]
    qtbot.waitUntil(lambda: cases.count_label.text() == "1건")
    cases.select_row(0)
    qtbot.waitUntil(lambda: UNIQUE_WORD in cases.detail.toPlainText())

    # -- the day's dashboard, then close the visit ---------------------------------------
    visit.loaded = None
    window.tabs.setCurrentWidget(visit)
    qtbot.waitUntil(lambda: visit.loaded is not None and window.runner.pending == 0)
    n = visit.numbers
    assert n["cases"].text() == f"{N_COMPLAINTS}건"
    assert n["counsel"].text() == f"{N_SESSIONS}건"
    assert int(n["receipts"].text().rstrip("건")) >= N_COMPLAINTS
    assert f"상담 확인서 {N_SESSIONS}건" in n["receipts"].toolTip()
    assert "청송군청 앞 광장" in visit.scope_label.text()

    def answer_yes():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "청송군청 앞 광장" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, answer_yes)
    visit.close_button.click()
    qtbot.waitUntil(lambda: visit.state.currentWidget() is visit.open_box)
    assert "열린 방문 없음" in visit.scope_label.text()
    qtbot.waitUntil(lambda: window.runner.pending == 0)
    window.shutdown()
    gui = threading.get_ident()
    assert {"create", "write", "close"} <= {name for name, _ in store_threads}
    assert all(ident != gui for _, ident in store_threads)  # the app's, all on the worker

    # -- after shutdown: the store on disk -----------------------------------------------
    receipts = exports  # where the officer saved them; none in the data folder
    assert not (data_dir / "receipts").exists()
    for number in numbers + sessions:
        pdf = pdfs[number]
        assert pdf is not None and pdf.parent == receipts and pdf.exists(), number
        assert number in printed_text(pdf), number
    assert len(list(receipts.glob("*.pdf"))) == N_COMPLAINTS + N_SESSIONS
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        db = store.db
        assert db.execute("SELECT count(*) FROM complaints").fetchone()[0] == N_COMPLAINTS
        assert db.execute("SELECT count(*) FROM counsel_sessions").fetchone()[0] == N_SESSIONS
        saved = {r for (r,) in db.execute("SELECT receipt_no FROM complaints")}
        assert saved == set(numbers)
        anonymous = db.execute("SELECT count(*) FROM complaints WHERE petitioner IS NULL "
                               "AND title LIKE '익명 제보%'")
        assert anonymous.fetchone()[0] == N_COMPLAINTS // len(SAMPLES)
        referred = db.execute("SELECT DISTINCT referred_to FROM complaints "
                              "WHERE outcome = 'referred'").fetchall()
        assert referred == [("경상북도청",)]
        body = db.execute("SELECT body FROM complaints WHERE receipt_no = ?",
                          (numbers[UNIQUE_CASE - 1],)).fetchone()[0]
        assert UNIQUE_WORD in body
        assert db.execute("SELECT count(*) FROM complaints WHERE body LIKE ?",
                          (f"%{UNIQUE_WORD}%",)).fetchone()[0] == 1
        report = store.verify_audit()
        assert report.ok, report

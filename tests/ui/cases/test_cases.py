"""The "사건 목록" tab, driving real widgets over a real SQLCipher store on the worker."""

from __future__ import annotations

import json
import threading
from datetime import timedelta

import pytest
from pypdf import PdfReader

from fieldbus.domain.intake import parse_complaint
from fieldbus.store import case_list, complaints, search
from fieldbus.store.store import Store
from fieldbus.ui.cases import model as cases_model
from fieldbus.ui.cases.model import CasesModel
from tests.conftest import PIN, sample
from tests.ui.shell.test_app import _cheap_pin_hashes, open_window, sign_in, type_text  # noqa: F401

SAMPLES = [f"complaint-0{i}.json" for i in range(1, 7)]


def seed(data_dir, n: int, *, officer="홍길동") -> list[str]:
    """A store with ``n`` cases cycling through the samples, one a minute; receipt numbers."""
    with Store.create(data_dir, device="B07A", officer=officer, pin=PIN) as store:
        by = store.sign_in(officer, PIN)
        now = store.clock()
        start = now - timedelta(days=20)
        drafts = []
        for i in range(n):
            data = sample(SAMPLES[i % len(SAMPLES)])
            data["received_at"] = (start + timedelta(minutes=i)).isoformat()
            drafts.append(parse_complaint(data, now=now)[0])
        saved = []
        for chunk in range(0, n, 2000):
            saved += complaints.add_many(store, drafts[chunk:chunk + 2000], by)
        return [c.receipt_no for c in saved]


@pytest.fixture
def cases(qtbot, open_window, data_dir):  # noqa: F811 (a fixture)
    """Seed a store, open the window, sign in and show the cases tab: the page."""

    def make(n: int, prepare=None):
        numbers = seed(data_dir, n)
        if prepare is not None:
            with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
                prepare(store, numbers)
        window = open_window()
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin_page)
        sign_in(qtbot, window.signin_page, PIN)
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
        window.tabs.setCurrentWidget(window.cases_page)
        page = window.cases_page
        qtbot.waitUntil(lambda: page.model.rowCount() > 0 or page.model.complete)
        return window, page, numbers

    return make


@pytest.fixture
def store_calls(monkeypatch):
    """(name, thread id) of every store query the cases tab makes."""
    seen: list[tuple[str, int]] = []

    def record(module, name):
        fn = getattr(module, name)

        def wrapper(*args, **kwargs):
            seen.append((name, threading.get_ident()))
            return fn(*args, **kwargs)
        monkeypatch.setattr(module, name, wrapper)

    for module, name in ((case_list, "ordered_rowids"), (case_list, "rows"),
                         (case_list, "history"), (complaints, "view"),
                         (search, "matching_rowids")):
        record(module, name)
    return seen


def audit_actions(data_dir) -> list[tuple[str, str | None, dict]]:
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        rows = store.db.execute("SELECT action, reason, details FROM audit ORDER BY seq")
        return [(a, r, json.loads(d)) for a, r, d in rows.fetchall()]


def test_the_model_passes_qt_model_checks_while_it_fills(qtbot, qtmodeltester, cases):
    window, page, numbers = cases(300)
    model = page.model
    qtbot.waitUntil(lambda: model.complete and model.rowCount() == 300)
    assert model.held == 200  # the count, and the first page only
    assert model.data(model.index(250, 0)) == cases_model.PLACEHOLDER
    assert model.data(model.index(250, 0), cases_model.ReceiptRole) is None
    qtmodeltester.check(model)  # reads every row: the second page is asked for
    qtbot.waitUntil(lambda: model.complete and model.held == 300)
    assert model.headerData(0, cases_model.Qt.Orientation.Horizontal) == "접수번호"
    assert model.data(model.index(0, 0)) == numbers[-1]  # newest first
    assert model.data(model.index(299, 4)) == "김*수"
    assert model.data(model.index(299, 0), cases_model.ReceiptRole) == numbers[0]
    qtmodeltester.check(model)
    page.search.setText("진입로")  # a reset, checked too
    qtbot.waitUntil(lambda: model.complete and model.rowCount() == 50)


def test_a_late_answer_to_an_old_query_is_dropped(qtbot, cases):
    window, page, numbers = cases(500)
    model = page.model
    qtbot.waitUntil(lambda: model.complete and model.rowCount() == 500)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom: changed.append((top.row(), bottom.row())))
    assert model.data(model.index(450, 0)) == cases_model.PLACEHOLDER
    model._send()  # the page with row 450 is asked for, as after a paint
    assert model.fetching
    old = model.generation
    page.search.setText("진입로")
    page.apply_filters()  # a new search before that page has come
    model._counted(old, model._rowids, [])  # an old count arriving late is ignored too
    assert model.generation == old + 1
    qtbot.waitUntil(lambda: model.complete and model.rowCount() == 84)
    qtbot.wait(50)
    assert changed == []  # the old page was not put in
    assert model.held == 84
    assert {model.row_at(i).title for i in range(84)} == {"마을 진입로 포장 요청"}


def test_typing_a_word_filters_the_list_to_the_cases_containing_it(qtbot, cases, store_calls):
    window, page, numbers = cases(20)
    type_text(qtbot, page.search, "진입로")
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() == 4)
    titles = {page.model.data(page.model.index(r, 3)) for r in range(4)}
    assert titles == {"마을 진입로 포장 요청"}
    qtbot.waitUntil(lambda: page.count_label.text() == "4건")
    page.search.clear()
    type_text(qtbot, page.search, "진입로가")  # inside a word of the body
    qtbot.waitUntil(lambda: page.model.complete and page.search.text() == "진입로가"
                    and page.model.filters.text == "진입로가")
    assert page.model.rowCount() == 4
    page.search.clear()
    type_text(qtbot, page.search, "없는낱말입니다")
    qtbot.waitUntil(lambda: page.count_label.text() == "찾은 사건이 없습니다."
                    or page.count_label.text() == "0건")
    assert page.model.rowCount() == 0
    gui = threading.get_ident()
    assert {"ordered_rowids", "rows", "matching_rowids"} <= {n for n, _ in store_calls}
    assert all(ident != gui for _, ident in store_calls)


def test_selecting_a_case_shows_it_masked_and_audits_the_view(qtbot, cases, data_dir,
                                                               store_calls, exports):
    window, page, numbers = cases(6)
    qtbot.waitUntil(lambda: page.model.complete)
    row = next(r for r in range(6) if page.model.row_at(r).title == "마을 진입로 포장 요청")
    assert page.model.data(page.model.index(row, 4)) == "김*수"
    page.table.setFocus()
    page.select_row(row)
    qtbot.waitUntil(lambda: "김*수" in page.detail.toPlainText())  # 개인정보 보기 reveals
    text = page.detail.toPlainText()
    assert "010-****-6789" in text and "구미시청" in text and "처리 이력" in text
    assert "김영수" not in text and "010-2345-6789" not in text
    assert "접수" in text and numbers[0] in text
    assert page.reprint.isEnabled()

    qtbot.mouseClick(page.reprint, cases_model.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "발행했습니다" in page.message.text())
    pdf = page.last_receipt
    assert pdf == exports / f"{numbers[0]}.pdf"  # where the officer chose to save it
    assert (pdf.stat().st_mode & 0o777) == 0o600
    assert numbers[0] in "".join(p.extract_text() for p in PdfReader(pdf).pages)
    qtbot.waitUntil(page.reprint.isEnabled)
    qtbot.mouseClick(page.reprint, cases_model.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "재발행했습니다" in page.message.text())
    again = page.last_receipt
    assert again.name == f"{numbers[0]}-2.pdf"
    assert "재발행" in "".join(p.extract_text() for p in PdfReader(again).pages)
    window.shutdown()

    actions = audit_actions(data_dir)
    viewed = [a for a in actions if a[0] == "complaint_viewed"]
    assert viewed == [("complaint_viewed", "case detail", {"receipt_no": numbers[0]})]
    assert [a[2]["reissue"] for a in actions if a[0] == "receipt_printed"] == [False, True]
    gui = threading.get_ident()
    assert {"view", "history"} <= {n for n, _ in store_calls}
    assert all(ident != gui for _, ident in store_calls)


def test_a_returned_case_shows_the_supervisors_note(qtbot, cases):
    def returned(store, numbers):
        store.db.execute("UPDATE complaints SET review_state = 'has_issues', review_note = ? "
                         "WHERE receipt_no = ?", ("연락처를 확인해 주십시오.", numbers[1]))

    window, page, numbers = cases(2, prepare=returned)
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() == 2)
    assert page.model.data(page.model.index(0, 6)) == "보완 요청"
    page.select_row(0)
    qtbot.waitUntil(lambda: "연락처를 확인해 주십시오." in page.detail.toPlainText())
    assert "관리자 보완 요청" in page.detail.toPlainText()


def test_filter_by_kind_and_overdue(qtbot, cases):
    window, page, numbers = cases(24)
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() == 24)
    page.kind.setCurrentIndex(page.kind.findData("inquiry"))
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() == 4)
    assert {page.model.data(page.model.index(r, 2)) for r in range(4)} == {"질의"}
    qtbot.waitUntil(lambda: page.count_label.text() == "4건")
    page.kind.setCurrentIndex(0)
    page.overdue.setChecked(True)  # received 20 days ago: the 7- and 14-day ones are late
    qtbot.waitUntil(lambda: page.model.complete and page.model.filters.overdue)
    rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert rows and all(r.status not in ("resolved", "closed") for r in rows)
    assert all("지남" in page.model.data(page.model.index(r, 8)) for r in range(len(rows)))


def test_five_thousand_cases_are_counted_and_only_the_pages_shown_are_read(
        qtbot, cases, store_calls, monkeypatch):
    window, page, numbers = cases(5000)
    model, table = page.model, page.table
    qtbot.waitUntil(lambda: page.count_label.text() == "5,000건")
    assert model.rowCount() == 5000 and model.held == 200  # counted; one page read

    asked: list[int] = []  # the page (of 200) each rows() call read
    rows = case_list.rows

    def spy(store, rowids):
        asked.append(list(model._rowids).index(rowids[0]) // model.page_size)
        return rows(store, rowids)
    monkeypatch.setattr(case_list, "rows", spy)
    table.setFocus()
    page.select_row(0)
    qtbot.keyClick(table, cases_model.Qt.Key.Key_End, cases_model.Qt.KeyboardModifier
                   .ControlModifier)
    qtbot.waitUntil(lambda: model.complete and model.row_at(4999) is not None)
    assert asked == [24]  # the last page only, not the 23 between
    assert model.data(model.index(4999, 0)) == numbers[0]
    qtbot.waitUntil(lambda: page.shown_receipt == numbers[0])  # the selected row opened

    for row in range(0, 5000, 100):  # through the whole list, a screen at a time
        table.scrollTo(model.index(row, 0))
        qtbot.waitUntil(lambda: model.row_at(row) is not None)  # once painted and read
        assert model.held <= model.cache_pages * model.page_size
    assert model.row_at(4999) is not None and model.row_at(0) is None  # the oldest went
    table.scrollToTop()
    qtbot.waitUntil(lambda: model.complete and model.row_at(0) is not None)
    assert model.data(model.index(0, 0)) == numbers[-1]
    assert len(model._cache) <= model.cache_pages
    gui = threading.get_ident()
    assert all(ident != gui for _, ident in store_calls)


def test_the_uniform_rows_grow_with_the_text_size(qtbot, cases):
    from fieldbus.ui.shell import display

    window, page, numbers = cases(3)
    rows = page.table.verticalHeader()
    normal = rows.defaultSectionSize()
    try:
        display.apply_text_scale(1.6)
        qtbot.waitUntil(lambda: rows.defaultSectionSize() > normal)
        assert rows.defaultSectionSize() > page.table.fontMetrics().height()
    finally:
        display.apply_text_scale(1.0)
    qtbot.waitUntil(lambda: rows.defaultSectionSize() == normal)


def test_every_control_has_an_accessible_name(qtbot, cases):
    from PySide6.QtWidgets import (QAbstractButton, QComboBox, QLabel, QLineEdit,
                                   QTableView, QTextBrowser, QWidget)

    window, page, numbers = cases(1)
    kinds = (QAbstractButton, QComboBox, QLineEdit, QTableView, QTextBrowser, QLabel)
    unnamed = [w for w in page.findChildren(QWidget) if isinstance(w, kinds)
               and not w.accessibleName() and w.parent() is not None
               and not w.objectName().startswith("qt_")
               and type(w).__name__ not in ("QComboBoxPrivateContainer",)]
    unnamed = [w for w in unnamed if w.isVisibleTo(page)]
    assert unnamed == [], [(type(w).__name__, getattr(w, "text", lambda: "")())
                           for w in unnamed]


def test_the_model_without_a_store_stays_empty(qtbot):
    from fieldbus.ui.shell.worker import StoreRunner

    runner = StoreRunner()
    try:
        model = CasesModel(runner)
        assert model.rowCount() == 0 and model.complete
        with qtbot.waitSignal(model.failed):
            model.set_filters(case_list.Filters())  # no store open: the query fails
        assert model.complete and model.rowCount() == 0
    finally:
        runner.shutdown()

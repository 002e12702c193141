"""A search in the case list also lists the counsel sessions it matches (issue 12: a
returning citizen may have come for counsel): by appellant, disposition or phone digits,
among the cases by time, 종류 "상담", the appellant masked, the search audited with the
sessions counted; one chosen shows in the detail pane, masked until revealed. Real widgets
over a real SQLCipher store on the real worker; the store's half without Qt."""

from __future__ import annotations

import json
from PySide6.QtCore import Qt

from fieldbus.domain.intake import parse_counsel
from fieldbus.store import case_list, counsel
from fieldbus.store.case_list import Filters
from fieldbus.store.store import Store
from tests.conftest import PIN, sample
from tests.ui.cases.test_cases import cases, seed  # noqa: F401 (a fixture)
from tests.ui.shell.test_app import _cheap_pin_hashes, open_window, type_text  # noqa: F401

APPELLANT, PHONE = "한미경", "010-4444-2222"
TITLE = "기초생활수급자 생계급여 중지 처분"


def add_session(store, **changes) -> str:
    data = sample("counsel-01.json")
    data.update(changes)
    draft, _ = parse_counsel(data, now=store.clock())
    session = counsel.add(store, draft, store.officer)
    return session.number


def texts(page, row: int) -> list[str]:
    return [page.model.data(page.model.index(row, c)) or ""
            for c in range(page.model.columnCount())]


def search_for(qtbot, page, typed: str) -> None:
    page.search.clear()
    type_text(qtbot, page.search, typed)
    qtbot.waitUntil(lambda: page.model.filters.text == typed and page.model.complete)


def audited_searches(data_dir) -> list[dict]:
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        rows = store.db.execute("SELECT details FROM audit WHERE action = 'searched' "
                                "ORDER BY seq").fetchall()
    return [json.loads(r[0]) for r in rows]


def test_the_appellants_name_lists_the_session_masked_with_its_type(qtbot, cases,  # noqa: F811
                                                                    data_dir):
    numbers_box = []
    window, page, numbers = cases(6, prepare=lambda store, numbers: numbers_box.append(
        add_session(store)))
    session = numbers_box[0]
    qtbot.waitUntil(lambda: page.model.complete)
    assert page.model.rowCount() == 6  # no search: the cases only
    search_for(qtbot, page, APPELLANT)
    assert page.model.rowCount() == 1
    row = texts(page, 0)
    assert row[0] == session and row[2] == "상담" and row[3] == TITLE
    assert row[4] == "한*경" and row[5] == "선정 신청" and row[6] == "" and row[8] == ""
    assert APPELLANT not in row and PHONE not in " ".join(row)
    qtbot.waitUntil(lambda: page.count_label.text() == "1건")

    search_for(qtbot, page, "4444-2222")  # the appellant's phone digits
    assert [texts(page, r)[0] for r in range(page.model.rowCount())] == [session]
    search_for(qtbot, page, "생계급여")  # the disposition
    assert page.model.rowCount() == 1
    window.shutdown()

    searches = audited_searches(data_dir)
    assert {"query": APPELLANT, "results": 0, "counsel": 1, "screen": "cases"} in searches
    assert all(APPELLANT not in json.dumps(s) or s["query"] == APPELLANT for s in searches)


def test_sessions_come_among_the_cases_by_time(qtbot, cases):  # noqa: F811
    made = []

    def prepare(store, numbers):
        # seeded cases were received 20 days ago, a minute apart; the session is now
        made.append(add_session(store))

    window, page, numbers = cases(6, prepare=prepare)
    search_for(qtbot, page, "구미시청")  # the agency of cases and of the session
    rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert rows[0].receipt_no == made[0] and rows[0].kind == case_list.COUNSEL  # newest
    assert len(rows) > 1 and all(r.kind != case_list.COUNSEL for r in rows[1:])
    assert [r.received_at for r in rows] == sorted((r.received_at for r in rows),
                                                   reverse=True)

    page.kind.setCurrentIndex(page.kind.findData("grievance"))  # a complaint's filter
    qtbot.waitUntil(lambda: page.model.complete and page.model.filters.kind == "grievance")
    assert all(page.model.row_at(r).kind == "grievance"
               for r in range(page.model.rowCount()))
    window.shutdown()


def test_a_session_chosen_shows_in_the_pane_masked_until_revealed(qtbot, cases,  # noqa: F811
                                                                  data_dir):
    made = []
    window, page, numbers = cases(3, prepare=lambda store, n: made.append(add_session(store)))
    search_for(qtbot, page, APPELLANT)
    page.table.setFocus()
    page.select_row(0)
    qtbot.waitUntil(lambda: page.shown_receipt == made[0] and TITLE in page.detail.toPlainText())
    shown = page.detail.toPlainText() + page.detail.toHtml()
    assert f"상담 {made[0]}" in shown and "행정심판 청구 기한" in shown
    assert "한*경" in shown and "010-****-2222" in shown
    assert APPELLANT not in shown and PHONE not in shown and "선산대로" not in shown
    assert not page.reprint.isEnabled() and page.shown is None
    assert page.personal.isVisibleTo(page)
    qtbot.mouseClick(page.personal.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: PHONE in page.detail.toPlainText())
    assert APPELLANT in page.detail.toPlainText()
    page.search.clear()  # the list changes; the selection with it
    qtbot.waitUntil(lambda: page.model.complete and page.model.filters.text is None)
    page.select_row(0)
    qtbot.waitUntil(lambda: page.shown is not None)
    assert PHONE not in page.detail.toPlainText()
    window.shutdown()

    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        rows = store.db.execute("SELECT action, record_type, reason FROM audit WHERE action "
                                "IN ('counsel_viewed', 'personal_data_revealed') "
                                "ORDER BY seq").fetchall()
    assert rows == [("counsel_viewed", "counsel_session", "counsel detail"),
                    ("personal_data_revealed", "counsel_session", "shown on screen")]


# -- the store's half --------------------------------------------------------------------


def test_the_store_lists_a_session_by_a_negated_row_id(data_dir):
    numbers = seed(data_dir, 4)
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        session = add_session(store)
        later = add_session(store, appellant={**sample("counsel-01.json")["appellant"],
                                              "name": "한미경"})
        ids = case_list.ordered_rowids(store, Filters(text=APPELLANT))
        assert len(ids) == 2 and all(i < 0 for i in ids)
        got = case_list.rows(store, ids)
        assert [r.receipt_no for r in got] == [later, session]  # newest first
        assert {r.kind for r in got} == {case_list.COUNSEL}
        assert got[0].masked_name == "한*경" and got[0].title == TITLE
        assert got[0].deadline == "" and not got[0].overdue(store.clock().date())

        both = case_list.ordered_rowids(store, Filters(text="구미"))
        mixed = case_list.rows(store, both)
        assert [r.kind == case_list.COUNSEL for r in mixed][:2] == [True, True]
        assert {r.receipt_no for r in mixed} - {session, later} <= set(numbers)
        assert len(mixed) > 2 and len(mixed) == len(both)
        # a filter only complaints have leaves the sessions out; so does no search at all
        assert all(i > 0 for i in case_list.ordered_rowids(
            store, Filters(text="구미", status="received")))
        assert all(i > 0 for i in case_list.ordered_rowids(store, Filters()))
        assert case_list.ordered_rowids(store, Filters(text=APPELLANT,
                                                       sync_state="synced")).tolist() == []

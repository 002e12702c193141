"""The case list's pages and filters, against a real store."""

from __future__ import annotations

import time
from datetime import date, timedelta

from fieldbus.store import case_list, complaints, visits
from fieldbus.store.case_list import Filters
from tests.store.helpers import draft

SAMPLES = [f"complaint-0{i}.json" for i in range(1, 7)]


def seed(store, n: int, *, step_minutes: int = 1):
    """``n`` cases cycling through the samples, each received a minute after the last."""
    start = store.clock() - timedelta(days=40)
    drafts = [draft(store, SAMPLES[i % len(SAMPLES)],
                    received_at=(start + timedelta(minutes=i * step_minutes)).isoformat())
              for i in range(n)]
    return complaints.add_many(store, drafts, store.officer)


def all_pages(store, filters=Filters(), size=7):
    rows, after = [], None
    while True:
        got = case_list.page(store, filters, limit=size, after=after)
        rows.extend(got)
        if len(got) < size:
            return rows
        after = got[-1].cursor


def test_pages_are_newest_first_light_and_complete(cstore):
    saved = seed(cstore, 30)
    rows = all_pages(cstore)
    assert [r.receipt_no for r in rows] == [c.receipt_no for c in reversed(saved)]
    assert case_list.count(cstore) == 30
    first = rows[-1]
    assert first.masked_name == "김*수" and first.title == "마을 진입로 포장 요청"
    assert first.kind == "grievance" and first.status == "received"
    assert first.sync_state == "pending" and first.review_state is None
    assert "김영수" not in repr(rows)  # no unmasked personal data in a list row
    # offsets give the same rows as keys
    assert case_list.page(cstore, Filters(), offset=7, limit=7) == rows[7:14]


def test_text_filter_uses_the_korean_infix_search(cstore):
    seed(cstore, 12)
    found = all_pages(cstore, Filters(text="진입로"))
    assert len(found) == 2 and all("진입로" in r.title for r in found)
    assert case_list.count(cstore, Filters(text="진입로가")) == 2  # inside 마을진입로가 (body)
    assert case_list.count(cstore, Filters(text="소음")) == 2  # a two-syllable word
    assert case_list.page(cstore, Filters(text="없는말입니다")) == []
    assert case_list.count(cstore, Filters(text="  ")) == 12  # blank: no text filter


def test_field_filters_and_overdue(cstore):
    saved = seed(cstore, 12)
    assert {r.kind for r in all_pages(cstore, Filters(kind="inquiry"))} == {"inquiry"}
    assert case_list.count(cstore, Filters(kind="grievance")) == 4
    cstore.db.execute("UPDATE complaints SET sync_state = 'synced', review_state = "
                      "'has_issues' WHERE receipt_no = ?", (saved[0].receipt_no,))
    assert [r.receipt_no for r in case_list.page(cstore, Filters(sync_state="synced"))] == \
        [saved[0].receipt_no]
    assert case_list.count(cstore, Filters(review_state="has_issues")) == 1
    assert case_list.count(cstore, Filters(kind="grievance", text="진입로")) == 2
    # received 40 days ago: short deadlines have passed; resolved cases are never overdue
    overdue = all_pages(cstore, Filters(overdue=True))
    assert overdue and all(r.status not in ("resolved", "closed") for r in overdue)
    today = cstore.clock().date()
    assert all(r.overdue(today) for r in overdue)
    expected = [r for r in all_pages(cstore) if r.overdue(today)]
    assert overdue == expected and len(expected) < 12  # some were resolved on site
    assert case_list.count(cstore, Filters(overdue=True), today=date(2000, 1, 1)) == 0


def test_visit_filter(cstore):
    seed(cstore, 3)
    visit = visits.open_visit(cstore, cstore.officer, venue="선산읍 행정복지센터",
                              region="경상북도 구미시")
    seed(cstore, 2)
    rows = case_list.page(cstore, Filters(visit_id=visit.id))
    assert len(rows) == 2 and case_list.count(cstore, Filters(visit_id=visit.id)) == 2


def test_history_names_fields_not_values(cstore):
    saved = seed(cstore, 1)[0]
    complaints.edit(cstore, saved.receipt_no, {"title": "마을 진입로 포장 요청 (재)"},
                    cstore.officer)
    entries = case_list.history(cstore, saved.id)
    assert [e.action for e in entries] == ["created", "edited"]
    assert entries[1].fields == ("title",) and entries[0].officer == "홍길동"


def test_deep_pages_are_as_quick_as_the_first(cstore):
    seed(cstore, 5000)
    rows = case_list.page(cstore, Filters(), offset=4790, limit=10)
    began = time.perf_counter()
    deep = case_list.page(cstore, Filters(), after=rows[0].cursor, limit=200)
    assert time.perf_counter() - began < 0.05
    assert len(deep) == 200
    plan = " ".join(str(r) for r in cstore.db.execute(
        "EXPLAIN QUERY PLAN SELECT rowid FROM complaints WHERE (received_at, rowid) < (?, ?) "
        "ORDER BY received_at DESC, rowid DESC LIMIT 200", ("2026", 1)).fetchall())
    assert "complaints_received" in plan and "TEMP B-TREE" not in plan


def test_ordered_rowids_and_rows_give_the_pages_rows(cstore):
    seed(cstore, 30)
    for filters in (Filters(), Filters(kind="inquiry"), Filters(text="진입로"),
                    Filters(text="진입로", kind="grievance"), Filters(overdue=True)):
        expected = all_pages(cstore, filters)
        rowids = case_list.ordered_rowids(cstore, filters)
        assert list(rowids) == [r.rowid for r in expected]
        assert case_list.rows(cstore, rowids) == expected
    rowids = case_list.ordered_rowids(cstore)
    assert case_list.rows(cstore, rowids[7:14]) == all_pages(cstore)[7:14]
    assert case_list.rows(cstore, [rowids[3], 99_999, rowids[1]]) == \
        [all_pages(cstore)[3], all_pages(cstore)[1]]  # in the order asked; gone ones left out
    assert len(case_list.ordered_rowids(cstore, Filters(text="없는말입니다"))) == 0


def test_many_text_matches_walk_the_received_index_with_the_same_result(cstore, monkeypatch):
    seed(cstore, 24)
    filters = [Filters(text="진입로"), Filters(text="진입로", status="received"),
               Filters(text="소음")]
    direct = [list(case_list.ordered_rowids(cstore, f)) for f in filters]
    monkeypatch.setattr(case_list, "SCAN_INDEX_ABOVE", 1)
    assert [list(case_list.ordered_rowids(cstore, f)) for f in filters] == direct
    assert all(direct)

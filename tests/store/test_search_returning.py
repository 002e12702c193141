"""Finding a returning citizen (issue 12): by a phone number's digits (any 4 or more, typed
with or without hyphens), by a receipt number typed without hyphens or in lower case, and
counsel sessions by appellant and disposition. Every search audited, once."""

from __future__ import annotations

import shutil

import pytest

from fieldbus.domain.intake import parse_counsel
from fieldbus.store import case_list, complaints, counsel, retention, search
from fieldbus.store.store import Store
from tests.conftest import LEGACY_PIN, sample
from tests.store.helpers import V4_STORE, audit_rows, draft

PHONE = "010-2345-6789"  # complaint-01's petitioner (김영수), made up


def _found(store, query: str) -> list[str]:
    return [c.receipt_no for c in search.search(store, query, store.officer)]


@pytest.fixture
def cases(cstore) -> dict[str, str]:
    return {name: complaints.add(cstore, draft(cstore, name), cstore.officer).receipt_no
            for name in ("complaint-01.json", "complaint-02.json", "complaint-03.json")}


@pytest.mark.parametrize("query", ["6789", "2345-6789", "01023456789", "010-2345-6789",
                                   "2345678", "0102345"])
def test_a_phone_numbers_digits_find_the_case(cstore, cases, query):
    assert _found(cstore, query) == [cases["complaint-01.json"]]


def test_fewer_than_four_digits_are_not_a_phone_search(cstore, cases):
    assert _found(cstore, "789") == []
    assert _found(cstore, "9999") == []  # in nobody's number


def test_phone_digits_combine_with_other_terms(cstore, cases):
    # 054-123-4567 is complaint-02's number; 4567 is in complaint-01's too
    assert _found(cstore, "4567") == [cases["complaint-02.json"], cases["complaint-01.json"]]
    assert _found(cstore, "4567 박순자") == [cases["complaint-02.json"]]
    assert _found(cstore, "1234 김영수") == []


def test_the_case_list_finds_by_phone_digits_too(cstore, cases):
    rowids = case_list.ordered_rowids(cstore, case_list.Filters(text="5432"),
                                      by=cstore.officer)
    assert [r.receipt_no for r in case_list.rows(cstore, rowids)] == \
        [cases["complaint-03.json"]]


def test_a_receipt_number_typed_without_hyphens_or_in_lower_case(cstore, cases):
    number = cases["complaint-02.json"]
    compact = number.replace("-", "")
    assert _found(cstore, compact) == [number]
    assert _found(cstore, compact.lower()) == [number]
    assert _found(cstore, number.lower()) == [number]


def test_a_reporters_phone_is_never_searchable(cstore):
    base = draft(cstore)
    report = draft(cstore, kind="report", petitioner={**vars(base.petitioner),
                                                      "phone": "010-8642-1357"})
    complaints.add(cstore, report, cstore.officer)
    assert _found(cstore, "8642") == []
    assert cstore.db.execute("SELECT count(*) FROM complaint_phones").fetchone()[0] == 0


def test_an_edited_phone_is_found_by_its_new_digits_only(cstore, cases):
    number = cases["complaint-01.json"]
    complaints.edit(cstore, number, {"petitioner": {"phone": "010-7777-1212"}},
                    cstore.officer)
    assert _found(cstore, "6789") == []
    assert _found(cstore, "7777-1212") == [number]
    cstore.db.execute("INSERT INTO complaint_phones (complaint_phones) "
                      "VALUES ('integrity-check')")


def test_a_purged_case_leaves_no_phone_in_the_index(cstore, clock, cases):
    with cstore.write():
        cstore.db.execute("UPDATE complaints SET sync_state = 'synced', synced_at = ?",
                          (clock().isoformat(),))
    clock.advance(days=retention.rule().days + 1)
    assert len(retention.purge(cstore, cstore.officer)) == 3
    assert _found(cstore, "6789") == []
    raw = b"".join(row[0] for row in cstore.db.execute(
        "SELECT block FROM complaint_phones_data").fetchall() if row[0])
    assert b"6789" not in raw and b"2345" not in raw


def _session(store, **appellant):
    data = sample("counsel-01.json")
    data["appellant"] = {**data["appellant"], **appellant}
    return counsel.add(store, parse_counsel(data, now=store.clock())[0], store.officer)


@pytest.mark.parametrize("query", ["한미경", "미경", "생계급여", "구미시청 중지", "2222",
                                   "4444-2222"])
def test_counsel_sessions_are_found_with_their_type(cstore, cases, query):
    session = _session(cstore)
    found = search.search_all(cstore, query, cstore.officer)
    assert [s.number for s in found.counsel] == [session.number]
    if query.startswith("구미시청"):  # the complaints' agency too, but not 중지
        assert found.complaints == []


def test_a_counsel_number_typed_compact_and_lower_case(cstore):
    session = _session(cstore)
    found = search.search_all(cstore, session.number.replace("-", "").lower(), cstore.officer)
    assert [s.number for s in found.counsel] == [session.number]
    assert found.complaints == []


def test_the_advice_notes_are_not_searched(cstore):
    _session(cstore)
    assert search.search_all(cstore, "사유서", cstore.officer).counsel == []


def test_one_search_of_both_is_audited_once(cstore, cases):
    _session(cstore)
    before = len(audit_rows(cstore))
    found = search.search_all(cstore, "구미시청", cstore.officer)
    (entry,) = audit_rows(cstore)[before:]
    assert entry["action"] == "searched" and entry["officer_id"] == cstore.officer.id
    assert entry["details"]["query"] == "구미시청"
    assert entry["details"]["results"] == len(found.complaints) == 2
    assert entry["details"]["counsel"] == len(found.counsel) == 1


def test_a_purged_session_is_no_longer_found_by_name(cstore, clock):
    session = _session(cstore)
    with cstore.write():
        cstore.db.execute("UPDATE counsel_sessions SET sync_state = 'synced', synced_at = ?",
                          (clock().isoformat(),))
    clock.advance(days=retention.rule("counsel").days + 1)
    assert retention.purge(cstore, cstore.officer) == [session.number]
    assert search.search_all(cstore, "한미경", cstore.officer).counsel == []
    assert search.search_all(cstore, "2222", cstore.officer).counsel == []
    assert [s.number for s in search.search_all(cstore, session.number, cstore.officer).counsel
            ] == [session.number]
    cstore.db.execute("INSERT INTO counsel_fts (counsel_fts) VALUES ('integrity-check')")


def test_a_store_from_before_is_indexed_at_its_upgrade(tmp_path, clock):
    data_dir = tmp_path / "old"
    shutil.copytree(V4_STORE, data_dir)  # complaint-01 and counsel-01, made before
    with Store.open(data_dir, officer="홍길동", pin=LEGACY_PIN, clock=clock) as store:
        found = search.search_all(store, "6789", store.officer)
        assert [c.draft.title for c in found.complaints] == ["마을 진입로 포장 요청"]
        assert [s.draft.appellant.name for s in
                search.search_all(store, "한미경", store.officer).counsel] == ["한미경"]


def test_the_phone_index_agrees_with_the_records(cstore, cases):
    anonymous = complaints.add(cstore, draft(cstore, "complaint-05.json"), cstore.officer)
    assert anonymous.draft.petitioner is None
    number = cases["complaint-01.json"]
    complaints.edit(cstore, number, {"petitioner": {"phone": None}, "notify_by": "post"},
                    cstore.officer)
    assert _found(cstore, "6789") == []
    cstore.db.execute("INSERT INTO complaint_phones (complaint_phones) "
                      "VALUES ('integrity-check')")
    cstore.db.execute("INSERT INTO counsel_fts (counsel_fts) VALUES ('integrity-check')")
    assert cstore.db.execute("SELECT count(*) FROM complaint_phones").fetchone()[0] == 2

"""The day's numbers and the waiting list, against a real store."""

from __future__ import annotations

from datetime import timedelta

from fieldbus.domain.intake import parse_counsel
from fieldbus.receipts.issue import print_complaint, print_counsel
from fieldbus.store import complaints, counsel, dashboard, visits
from tests.conftest import sample
from tests.store.helpers import draft


def _session_draft(store):
    return parse_counsel(sample("counsel-01.json"), now=store.clock())[0]


def _discard(pdf: bytes) -> None:
    assert pdf.startswith(b"%PDF")


def test_an_empty_store_has_nothing_to_show(cstore, clock):
    got = dashboard.summary(cstore)
    assert got.day == clock.now.date() and got.visit_id is None
    assert (got.cases, got.counsel_sessions, got.receipts_printed, got.prints,
            got.waiting, got.quarantined) == (0, 0, 0, 0, 0, 0)
    assert got.by_kind == {} and got.by_outcome == {}
    assert dashboard.waiting(cstore) == []


def test_a_visit_counts_its_cases_sessions_prints_and_the_outbox(cstore, clock):
    by = cstore.officer
    before = complaints.add(cstore, draft(cstore, "complaint-02.json"), by)  # no visit
    visit = visits.open_visit(cstore, by, venue="청송군청 앞 광장", region="경북 청송군")
    saved = [complaints.add(cstore, draft(cstore, name), by)
             for name in ("complaint-01.json", "complaint-04.json", "complaint-02.json")]
    session = counsel.add(cstore, _session_draft(cstore), by)
    print_complaint(cstore, by, saved[0].receipt_no, deliver=_discard)
    print_complaint(cstore, by, saved[0].receipt_no, deliver=_discard)  # a reissue
    print_complaint(cstore, by, saved[1].receipt_no, copy="office", deliver=_discard)
    print_complaint(cstore, by, before.receipt_no, deliver=_discard)  # outside the visit
    print_counsel(cstore, by, session.number, deliver=_discard)

    got = dashboard.summary(cstore, visit_id=visit.id)
    assert got.visit_id == visit.id and got.day is None
    assert got.cases == 3
    assert got.by_kind == {"grievance": 2, "inquiry": 1}
    assert got.by_outcome == {"filed": 1, "settlement": 1, "resolved_on_site": 1}
    assert got.counsel_sessions == 1
    assert got.receipts_printed == 2 and got.confirmations_printed == 1
    assert got.prints == 2 + 1 + 1
    # 4 complaints + 1 session + the visit's opening, all still pending
    assert (got.waiting, got.quarantined) == (6, 0)

    today = dashboard.summary(cstore)  # the day: the case before the visit counts too
    assert today.cases == 4 and today.by_kind["inquiry"] == 2
    assert today.receipts_printed == 3


def test_a_day_is_the_local_day_of_receipt(cstore, clock):
    by = cstore.officer
    complaints.add(cstore, draft(cstore), by)
    clock.advance(days=1)
    complaints.add(cstore, draft(cstore, "complaint-03.json"), by)
    yesterday = clock.now.date() - timedelta(days=1)
    assert dashboard.summary(cstore, day=yesterday).by_kind == {"grievance": 1}
    assert dashboard.summary(cstore).by_kind == {"suggestion": 1}
    assert dashboard.summary(cstore, day=yesterday + timedelta(days=5)).cases == 0


def test_waiting_lists_the_outbox_with_numbers_and_no_personal_data(cstore, clock):
    by = cstore.officer
    visit = visits.open_visit(cstore, by, venue="청송군청", region="청송군")
    saved = complaints.add(cstore, draft(cstore), by)
    clock.advance(minutes=5)
    session = counsel.add(cstore, _session_draft(cstore), by)
    cstore.db.execute("UPDATE outbox SET state = 'acknowledged' WHERE record_type = 'visit'")
    cstore.db.execute("UPDATE outbox SET state = 'quarantined', attempts = 3, last_error = ? "
                      "WHERE record_type = 'counsel_session'", ("hub: " + "x" * 500,))

    rows = dashboard.waiting(cstore)
    assert [(r.record_type, r.number, r.version, r.state) for r in rows] == [
        ("counsel_session", session.number, 1, "quarantined"),  # needs attention: first
        ("complaint", saved.receipt_no, 1, "pending"),
    ]
    assert rows[0].attempts == 3 and len(rows[0].last_error) == dashboard.ERROR_CHARS
    assert rows[1].since == saved.received_at.isoformat() and rows[1].last_error is None
    text = repr(rows)
    assert saved.draft.petitioner.name not in text and saved.draft.title not in text
    got = dashboard.summary(cstore, visit_id=visit.id)
    assert (got.waiting, got.quarantined) == (1, 1)
    assert len(dashboard.waiting(cstore, limit=1)) == 1


def test_a_visit_row_shows_its_day_and_venue(cstore):
    visit = visits.open_visit(cstore, cstore.officer, venue="청송군청", region="청송군")
    [row] = dashboard.waiting(cstore)
    assert (row.record_type, row.number) == ("visit", f"{visit.day.isoformat()} 청송군청")


def test_a_corrected_case_waits_once_as_the_status_bar_counts_it(cstore, clock):
    """Two versions of one case in the outbox are one record to send (the sync sends the
    newest): the visit tab's "동기화 대기" and its list agree with the status bar."""
    from fieldbus.store import sync

    by = cstore.officer
    saved = complaints.add(cstore, draft(cstore), by)
    clock.advance(minutes=3)
    complaints.edit(cstore, saved.receipt_no, {"title": "마을 진입로 포장 요청 (정정)"}, by)
    rows = dashboard.waiting(cstore)
    assert [(r.number, r.version, r.since) for r in rows] == [
        (saved.receipt_no, 2, saved.received_at.isoformat())]
    assert dashboard.summary(cstore).waiting == sync.counts(cstore)[0] == 1

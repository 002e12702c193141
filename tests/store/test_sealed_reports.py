"""A public-interest reporter's name is never in the search index or the case list, and
stores indexed before that are cleaned by a migration step (issue 9 §3)."""

from __future__ import annotations

from fieldbus.store import case_list, complaints, schema
from tests.store.helpers import draft

REPORTER = "최제보"


def _report(store):
    base = draft(store)
    petitioner = {**vars(base.petitioner), "name": REPORTER}
    return draft(store, kind="report", petitioner=petitioner)


def _indexed(store, text: str) -> bool:
    """Whether the search index still holds a trigram of ``text`` (its term list)."""
    trigram = text[:3].lower()
    return store.db.execute("SELECT count(*) FROM complaints_terms WHERE term = ?",
                            (trigram,)).fetchone()[0] > 0


def test_a_reports_name_is_never_indexed(cstore):
    saved = complaints.add(cstore, _report(cstore), cstore.officer)
    grievance = draft(cstore)
    complaints.add(cstore, grievance, cstore.officer)
    assert not _indexed(cstore, REPORTER)
    assert _indexed(cstore, grievance.petitioner.name)  # other cases' names still are
    assert cstore.db.execute("SELECT petitioner_name FROM complaints WHERE id = ?",
                             (saved.id,)).fetchone()[0] is None
    # An edit of another field leaves it out too.
    complaints.edit(cstore, saved.receipt_no, {"title": "보조금 부정수급 신고"}, cstore.officer)
    assert not _indexed(cstore, REPORTER)
    assert cstore.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    cstore.db.execute("INSERT INTO complaints_fts (complaints_fts) VALUES ('integrity-check')")


def test_the_case_list_shows_no_masked_name_for_a_report(cstore):
    complaints.add(cstore, _report(cstore), cstore.officer)
    complaints.add(cstore, draft(cstore), cstore.officer)
    rows = case_list.page(cstore)
    by_kind = {row.kind: row for row in rows}
    assert by_kind["report"].masked_name == ""
    assert by_kind["grievance"].masked_name == "김*수"
    assert [r.masked_name for r in case_list.rows(cstore, [r.rowid for r in rows])] == \
        [r.masked_name for r in rows]


def test_the_migration_step_removes_reporters_names_indexed_before_it(cstore):
    saved = complaints.add(cstore, _report(cstore), cstore.officer)
    # What a store written before the step holds: the name in the column and the index.
    cstore.db.execute("UPDATE complaints SET petitioner_name = ? WHERE id = ?",
                      (REPORTER, saved.id))
    assert _indexed(cstore, REPORTER)
    step = next(s for s in schema.MIGRATIONS if s.__name__ == "_unindex_reporters")
    with cstore.db.atomic():
        step(cstore.db)
    assert not _indexed(cstore, REPORTER)
    assert cstore.db.execute("SELECT petitioner_name FROM complaints").fetchone()[0] is None
    cstore.db.execute("INSERT INTO complaints_fts (complaints_fts) VALUES ('integrity-check')")
    assert complaints.get(cstore, saved.receipt_no).draft.petitioner.name == REPORTER


def test_the_case_lists_search_is_audited_like_fieldbus_search(cstore):
    from tests.store.helpers import audit_rows

    complaints.add(cstore, draft(cstore), cstore.officer)
    before = len(audit_rows(cstore))
    case_list.ordered_rowids(cstore, case_list.Filters(text="김영수"))  # no officer: a count
    case_list.ordered_rowids(cstore, case_list.Filters(kind="grievance"), by=cstore.officer)
    assert len(audit_rows(cstore)) == before
    found = case_list.ordered_rowids(cstore, case_list.Filters(text="김영수"), by=cstore.officer)
    (entry,) = audit_rows(cstore)[before:]
    assert entry["action"] == "searched" and entry["officer_id"] == cstore.officer.id
    assert entry["details"]["results"] == len(found) == 1
    assert entry["details"]["screen"] == "cases"

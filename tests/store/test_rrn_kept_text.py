"""No resident registration number is kept in the store's other text either (issue 9 §6):
drafts, audit details and reasons, review notes pulled from the hub."""

from __future__ import annotations

from datetime import datetime

from sync.deadlines import KST
from fieldbus.services import counsel_draft
from fieldbus.services.intake import draft as intake_draft
from fieldbus.store import complaints, drafts, reviews, search
from tests.store.helpers import all_text, audit_rows, draft

RRN = "900101-1234567"  # the plainest form: these fields were never masked at all
MASKED = "900101-1******"


def test_drafts_are_kept_masked(store):
    """Attack: the form autosaves every few seconds, long before the save masks."""
    me = store.officer.id
    png = "iVBORw0KGgo9001011234567AAAA"  # base64 is not text: never touched
    attached = {"path": f"/home/kim/{RRN}.jpg", "filename": f"{MASKED}.jpg", "size": 3,
                "sha256": "0" * 64, "media_type": "image/jpeg"}
    values = intake_draft.empty_values() | {"body": f"주민번호 {RRN} 입니다", "name": RRN,
                                            "signature": png, "attachments": [attached]}
    drafts.save(store, me, values)
    kept = drafts.load(store, me).values
    assert kept["body"] == f"주민번호 {MASKED} 입니다" and kept["name"] == MASKED
    assert kept["signature"] == png
    assert kept["attachments"] == [attached]  # the path still names the file to read
    counsel = counsel_draft.empty_values() | {"notes": f"상담 중 {RRN}"}
    drafts.save(store, me, counsel, prefix=counsel_draft.DRAFT_PREFIX)
    assert drafts.load(store, me, prefix=counsel_draft.DRAFT_PREFIX).values["notes"] == \
        f"상담 중 {MASKED}"


def test_audit_reasons_and_queries_are_kept_masked(store):
    """Attack: `--reason` and a search query are typed by an officer and kept for years."""
    case = complaints.add(store, draft(store), store.officer)
    complaints.view(store, case.receipt_no, store.officer, reason=f"민원인 {RRN} 확인 요청")
    search.search(store, f"김영수 {RRN}", store.officer)
    rows = audit_rows(store)
    viewed = next(r for r in rows if r["action"] == "complaint_viewed")
    assert viewed["reason"] == f"민원인 {MASKED} 확인 요청"
    searched = next(r for r in rows if r["action"] == "searched")
    assert RRN not in str(searched["details"])
    assert "1234567" not in all_text(store)


def test_review_notes_from_the_hub_are_kept_masked_and_without_controls(store):
    """Attack: an old (or not our) hub sends a note with a number and terminal escapes."""
    case = complaints.add(store, draft(store), store.officer)
    note = f"주민번호 {RRN}\x1b[2J 확인\n\t다시 제출\u202e"
    reviews.apply(store, case.receipt_no, "has_issues", note,
                  datetime(2026, 11, 26, 15, 0, tzinfo=KST), by=store.officer)
    kept = complaints.get(store, case.receipt_no).review_note
    assert kept == f"주민번호 {MASKED}[2J 확인\n\t다시 제출"

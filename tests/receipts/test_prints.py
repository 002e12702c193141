"""Every print is audited; a reprint says 재발행 with its time; a print that was not
delivered leaves no trace; the counsel confirmation never carries the advice notes."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from fieldbus.domain.errors import NotFound, ValidationError
from fieldbus.domain.intake import parse_counsel
from fieldbus.domain.receipt_numbers import format_receipt_no
from fieldbus.receipts.issue import print_complaint
from fieldbus.store import counsel
from tests.conftest import sample
from tests.receipts.conftest import pdf_text, squashed
from tests.store.helpers import audit_rows, count


def _prints(store) -> list[dict]:
    return [row for row in audit_rows(store) if row["action"] == "receipt_printed"]


def test_every_print_is_audited_and_a_reprint_is_marked_with_its_time(printer, cstore, clock):
    number = printer.add()
    complaint_id = cstore.db.execute("SELECT id FROM complaints").fetchone()[0]
    first, pdf = printer.complaint(number)
    assert not first.issue.reissue and "재발행" not in pdf_text(pdf)

    clock.advance(minutes=95)  # 12:05
    again, pdf = printer.complaint(number, layout="roll80")
    text = squashed(pdf_text(pdf))
    assert again.issue.reissue and again.issue.number == 2
    assert "재발행REISSUE" in text
    assert squashed("2026-11-26 12:05 재발행 · 2번째 발행 · 최초 발행 2026-11-26 10:30") in text

    entries = _prints(cstore)
    assert [(e["record_type"], e["record_id"], e["officer_id"]) for e in entries] == [
        ("complaint", complaint_id, cstore.officer.id)] * 2
    assert [e["details"] for e in entries] == [
        {"number": number, "layout": "a4", "copy": "citizen", "print": 1, "reissue": False,
         "substituted": 0},
        {"number": number, "layout": "roll80", "copy": "citizen", "print": 2, "reissue": True,
         "substituted": 0},
    ]
    assert cstore.verify_audit().ok


def test_the_office_copy_is_counted_apart_from_the_citizen_copy(printer):
    number = printer.add()
    printer.complaint(number)
    office, pdf = printer.complaint(number, copy="office")
    assert not office.issue.reissue and "재발행" not in pdf_text(pdf)
    assert printer.complaint(number, copy="office")[0].issue.reissue


def test_a_print_that_was_not_delivered_is_neither_counted_nor_audited(printer, cstore):
    number = printer.add()
    before = len(audit_rows(cstore))

    def jammed(pdf: bytes) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        print_complaint(cstore, cstore.officer, number, deliver=jammed)
    assert len(audit_rows(cstore)) == before and count(cstore, "receipt_prints") == 0
    assert not printer.complaint(number)[0].issue.reissue


def test_unknown_numbers_and_bad_options_change_nothing(printer, cstore):
    number = printer.add()
    before = len(audit_rows(cstore))
    with pytest.raises(NotFound):
        printer.complaint(format_receipt_no("B07A", date(2026, 11, 26), 99))
    with pytest.raises(ValidationError):
        printer.complaint(number[:-1] + ("A" if number[-1] != "A" else "B"))  # check character
    with pytest.raises(ValidationError, match="office copy"):
        printer.complaint(number, layout="roll80", copy="office")
    with pytest.raises(ValidationError):
        printer.complaint(number, layout="letter")
    assert len(audit_rows(cstore)) == before


NOTES = sample("counsel-01.json")["notes"]
NEXT_STEP = "12월 5일까지 처분 사유서를 받아 국선대리인에게 전달"


@pytest.fixture
def session(printer, cstore):
    draft, _ = parse_counsel(sample("counsel-01.json") | {"next_step": NEXT_STEP},
                             now=cstore.clock())
    return counsel.add(cstore, draft, cstore.officer)


def _bold_texts(pdf: bytes) -> list[str]:
    found: list[str] = []

    def visit(text, cm, tm, font, size) -> None:
        if font is not None and str(font.get("/BaseFont")).endswith("+NanumGothicBold"):
            found.append(text)

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("layout", ["a4", "roll80"])
def test_the_counsel_confirmation_says_what_was_agreed_and_never_the_notes(printer, session,
                                                                           cstore, layout):
    printed, pdf = printer.counsel(session.number, layout=layout)
    text = squashed(pdf_text(pdf))
    for expected in [session.number, "한*경", "기초생활수급자생계급여중지처분(구미시청)",
                     "2026-09-15", "2026-09-22", "2026-12-21", "행정심판법제27조",
                     "국선대리인선정신청(appliedforfreecounsel)", squashed(NEXT_STEP),
                     "오세진·변호사(attorney)", "기초생활수급자(basiclivelihoodsecurity)",
                     "www.simpan.go.kr"]:
        assert expected in text, expected
    assert any("2026-12-21" in t for t in _bold_texts(pdf))  # the appeal deadline, in bold
    for sentence in NOTES.split(". "):
        assert squashed(sentence.rstrip(".")) not in text
    assert "한미경" not in text and "010-4444-2222" not in text
    entry = [row for row in audit_rows(cstore) if row["action"] == "receipt_printed"][-1]
    assert (entry["record_type"], entry["record_id"]) == ("counsel_session", session.id)
    assert entry["details"]["layout"] == layout and printed.issue.number == 1


def test_a_reprint_carries_the_centres_deadline_and_handler(printer, cstore, clock):
    """After the centre extended the case and named its handler (issue 13), a reprint
    says the deadline that holds now (and the one first printed) and whom to call."""
    from datetime import timedelta

    from fieldbus.store import complaints, reviews

    number = printer.add()
    case = complaints.get(cstore, number)
    _, pdf = printer.complaint(number)
    assert "정담당" not in pdf_text(pdf)
    later = case.deadline_due + timedelta(days=21)
    reviews.apply_many(cstore, [reviews.Review(
        number, "received", None, case.received_at + timedelta(days=2), by="최관리",
        role="supervisor", action="extend", deadline_due=later.isoformat(),
        handler={"org": "구미시 도로과", "name": "정담당", "phone": "054-480-0000"})],
        by=cstore.officer)
    _, pdf = printer.complaint(number)
    text = squashed(pdf_text(pdf))
    assert squashed(f"처리 예정일 Expected by {later.date().isoformat()}") in text
    assert squashed(f"센터에서 변경 (처음 발행: {case.deadline_due.date().isoformat()})") in text
    assert squashed("구미시 도로과 · 정담당 · ☎ 054-480-0000") in text

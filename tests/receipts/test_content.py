"""What a complaint receipt says (DESIGN §4), and what it must not: read back from the PDF."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from sync.deadlines import statutory_deadline
from fieldbus.receipts import labels as L
from fieldbus.store import handler
from tests.cli.conftest import COMPLAINT_SAMPLES
from tests.conftest import sample
from tests.receipts.conftest import font_names, pdf_text, squashed
from tests.store.helpers import START

# A 1x1 black PNG: a stand-in for a drawn signature.
SIGNATURE_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010800000000"
    "3a7e9b550000000a49444154789c63600000000200015e8e5a5a0000000049454e44ae426082")


def _images(pdf: bytes) -> int:
    return sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_a4_citizen_copy_says_everything_the_law_asks(printer):
    number = printer.add("complaint-01.json")
    printed, pdf = printer.complaint(number)
    text = squashed(pdf_text(pdf))

    due = statutory_deadline("grievance", START).text
    for expected in [
        number, "2026-11-2610:30",                    # receipt number and time
        "고충민원(Grievance)", "마을진입로포장요청", "구미시청",  # kind, title, agency
        "2026-11-26선산읍행정복지센터(경상북도구미시)",        # visit place and date
        "홍길동",                                         # receiving officer
        "국민권익위원회이동신문고", "☎110",                  # handler (default)
        "60일(60days)", "부패방지및국민권익위원회", due,        # period, its basis, expected date
        "30일이지나거나요청하시면", "After30days",           # the progress notice (제50조②)
        "조사를위해접수(Filedforinvestigation)",             # on-site outcome
        "www.epeople.go.kr", "110",                       # how to follow progress
        "김*수", "010-****-6789", "경상북도구미시선산읍***",   # petitioner, masked
        "문자(SMS)", "동의함(given)", "2026-01",            # notification, consent
        "마을진입로가비만오면",                               # the complaint itself
        "민원인보관용(Citizen'scopy)", "1/1쪽",
    ]:
        assert squashed(expected) in text, expected
    assert printed.pages == 1 and printed.substituted == ()
    # The fonts (9.8 MB) are embedded as subsets: only the glyphs used.
    assert len(pdf) < 150_000
    assert {name.split("+")[1] for name in font_names(pdf) if "+" in name} == {
        "NanumGothic", "NanumGothicBold"}


@pytest.mark.parametrize("layout", ["a4", "roll80"])
@pytest.mark.parametrize("name", COMPLAINT_SAMPLES)
def test_every_sample_prints_with_the_petitioner_masked(printer, name, layout):
    data = sample(name)
    number = printer.add(name)
    _, pdf = printer.complaint(number, layout=layout)
    text = squashed(pdf_text(pdf))

    assert number in text
    assert squashed(data["title"]) in text
    assert squashed(L.KINDS[data["kind"]][0]) in text
    person = data["petitioner"]
    if person is None:
        assert "익명(anonymous)" in text and "Contact" not in text
        return
    assert person["name"] not in text
    assert person["phone"] not in text and f"-{person['phone'].split('-')[1]}-" not in text
    assert squashed(person["address"]) not in text and person["postcode"] not in text
    assert str(person["birth_year"]) not in text
    if person.get("email"):
        assert person["email"] not in text


def test_the_roll_is_80_mm_wide_and_as_long_as_its_content(printer):
    _, pdf = printer.complaint(printer.add(), layout="roll80")
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert float(box.width) == pytest.approx(80 / 25.4 * 72)
    assert 150 / 25.4 * 72 < float(box.height) < 600 / 25.4 * 72


def test_the_office_copy_shows_the_petitioner_in_full_and_says_not_signed(printer):
    number = printer.add("complaint-03.json")
    _, pdf = printer.complaint(number, copy="office")
    text = squashed(pdf_text(pdf))
    assert "이민호" in text and "010-9876-5432" in text and "minho.lee@example.com" in text
    assert squashed("39190 경상북도 구미시 도개면 도개로 3") in text
    assert "기관보관용(Officecopy)" in text
    assert "서명없음(notsigned)" in text
    assert _images(pdf) == 0


def test_a_captured_signature_is_drawn_on_the_office_copy_only(printer, cstore):
    number = printer.add()
    cstore.db.execute("UPDATE complaints SET signature = ? WHERE receipt_no = ?",
                      (SIGNATURE_PNG, number))
    _, office = printer.complaint(number, copy="office")
    _, citizen = printer.complaint(number)
    assert _images(office) == 1 and "서명없음" not in squashed(pdf_text(office))
    assert _images(citizen) == 0 and "Signature" not in pdf_text(citizen)


def test_an_anonymous_complaint_says_anonymous_and_has_no_contact(printer):
    number = printer.add("complaint-05.json")
    for options in ({}, {"layout": "roll80"}, {"copy": "office"}):
        _, pdf = printer.complaint(number, **options)
        text = pdf_text(pdf)
        assert squashed("익명 (anonymous)") in squashed(text), options
        assert "Contact" not in text, options
        assert squashed("동의하지 않음") in squashed(text)


def test_a_public_interest_report_shows_no_identity_on_any_copy(printer, cstore):
    number = printer.add("complaint-01.json", kind="report", disclosure="private")
    cstore.db.execute("UPDATE complaints SET signature = ? WHERE receipt_no = ?",
                      (SIGNATURE_PNG, number))
    for options in ({}, {"layout": "roll80"}, {"copy": "office"}):
        _, pdf = printer.complaint(number, **options)
        text = squashed(pdf_text(pdf))
        for identity in ("김영수", "김*수", "6789", "단계동길", "39140", "1951"):
            assert identity not in text, (options, identity)
        assert squashed(L.SEALED[0]) in text, options
        assert _images(pdf) == 0, options


def test_a_referred_case_names_where_it_went(printer):
    _, pdf = printer.complaint(printer.add("complaint-06.json"))
    assert squashed("이송 (Referred) → 경상북도청") in squashed(pdf_text(pdf))


def test_a_period_counted_in_hours_prints_the_hour(printer):
    # kind other: 3 working hours (complaint-05 is anonymous, so it has no period at all:
    # the petitioner is given here)
    _, pdf = printer.complaint(printer.add("complaint-05.json", petitioner={"name": "박민수"}))
    text = squashed(pdf_text(pdf))
    assert "3근무시간(3workinghours)" in text
    assert squashed(statutory_deadline("other", START).text) in text  # 2026-11-26 13:30


def test_the_team_handler_is_printed(printer, cstore):
    handler.set_handler(cstore, cstore.officer, org="국민권익위원회 고충처리국", name="박담당",
                        phone="044-200-7151")
    _, pdf = printer.complaint(printer.add())
    text = squashed(pdf_text(pdf))
    assert squashed("국민권익위원회 고충처리국 · 박담당 · ☎ 044-200-7151") in text
    assert "이동신문고·☎110" not in text

"""The content issue 11 found the law asks for, read back from real PDFs (pypdf) and
looked at as pdftoppm renders it: 접수 안내 (민원처리법 시행령 제6조④), the consent summary
with name and address apart (개인정보 보호법 제22조③), no statutory period for an anonymous
request (법 제2조제1호·제2호, 시행령 제2조①3), the ACRC's internal target for 소극행정신고,
the notice under the QR code (시행령 제23조③ / 부패방지권익위법 시행령 제50조②) and the
read-back of an oral report (공익신고자 보호법 제8조③) — on the A4 citizen copy, the office
copy and the 80 mm roll."""

from __future__ import annotations

import subprocess

import pytest

from fieldbus.domain import receipt_content
from tests.receipts.conftest import pages_as_images, pdf_text, squashed

COPIES = ({}, {"copy": "office"}, {"layout": "roll80"})
HUB = "https://hub.example.kr"


def _text(printer, number: str, **options) -> str:
    _, pdf = printer.complaint(number, **options)
    return squashed(pdf_text(pdf))


def _start(text: str) -> str:
    """The first words of a long value: on A4 its later lines are read interleaved with
    the label column's English, so only the first line is matched whole."""
    return squashed(text)[:18]


def _enrol(cstore) -> None:
    cstore.db.execute("INSERT INTO meta (key, value) VALUES ('hub_public_url', ?)", (HUB,))


@pytest.mark.parametrize("options", COPIES)
def test_the_intake_guidance_prints_the_kinds_default_on_every_copy(printer, options):
    text = _text(printer, printer.add("complaint-01.json"), **options)  # a grievance
    default = receipt_content.table()["defaults"]["grievance"]
    for expected in ("접수 안내 (What we told you)", "구비서류 없음", "처리 기준과 절차",
                     _start(default["procedure"]), "현장 확인·조사", default["site_check"],
                     "민원 처리에 관한 법률 제9조제2항", "시행령 제6조제4항"):
        assert squashed(expected) in text, (options, expected)
    # 예상 처리소요기간 is the deadline: 60 days, the 처리 예정일 stays printed.
    assert squashed("처리 예정일") in text


@pytest.mark.parametrize("options", COPIES)
def test_guidance_given_at_intake_replaces_the_default(printer, options):
    number = printer.add("complaint-01.json", guidance={
        "documents": "incomplete", "documents_missing": "토지대장 사본 1부",
        "procedure": "구미시청 건설과가 현장을 보고 예산 반영 여부를 검토합니다.",
        "site_check": "2026-12-03 오전 현장 확인 예정"})
    text = _text(printer, number, **options)
    for expected in ("구비서류 미비", "보완할 서류", "토지대장 사본 1부", "건설과가 현장을 보고",
                     "2026-12-03 오전 현장 확인 예정"):
        assert squashed(expected) in text, (options, expected)
    assert _start(receipt_content.table()["defaults"]["grievance"]["procedure"]) not in text


@pytest.mark.parametrize("options", COPIES)
def test_name_and_address_are_listed_apart_from_the_consented_items(printer, options):
    text = _text(printer, printer.add("complaint-01.json"), **options)
    # 제22조③: the items processed without consent, with their basis, apart.
    assert squashed("법령에 따른 처리") in text and squashed("Kept by law") in text, options
    assert squashed("성명, 주소 (name, address) · 동의 없이 처리 (no consent needed)") in text
    assert squashed("개인정보 보호법 제15조①2·3; 민원처리법 제2조제2호, 시행령 제2조①3") in text
    assert squashed("개인정보 동의 (선택)") in text
    # complaint-01 agreed on notice 2026-01 without naming items: none are listed
    number = printer.add("complaint-01.json", consent={
        "personal_info": True, "notice_version": "2026-12",
        "items": ["phone", "email", "postcode", "birth_year"]})
    text = _text(printer, number, **options)
    assert squashed("동의 항목 (items): 전화번호, 전자우편, 우편번호, 출생연도 "
                    "(phone, e-mail, postcode, birth year)") in text
    # an old intake that listed name and address as consented does not repeat them there
    number = printer.add("complaint-01.json", consent={
        "personal_info": True, "notice_version": "2026-01",
        "items": ["name", "phone", "address"]})
    text = _text(printer, number, **options)
    assert squashed("동의 항목 (items): 전화번호") in text
    assert "동의항목(items):성명" not in text and "전화번호,주소" not in text


def test_without_consent_the_receipt_says_what_was_not_kept(printer):
    number = printer.add("complaint-01.json", consent={"personal_info": False,
                                                       "notice_version": "2026-12"},
                         notify_by="post")
    text = _text(printer, number, copy="office")
    assert squashed("동의하지 않음 (not given)") in text
    assert squashed("보관하지 않는 항목 (not kept): 전화번호, 전자우편, 우편번호, 출생연도") in text
    # the address is kept on the basis of 민원처리법 and printed on the office copy
    assert squashed("경상북도 구미시 선산읍 단계동길 12") in text
    assert "010-2345-6789" not in text


@pytest.mark.parametrize("options", COPIES)
def test_an_anonymous_case_says_no_statutory_period_applies(printer, options):
    text = _text(printer, printer.add("complaint-05.json"), **options)  # petitioner null
    assert squashed("법정 처리기간 없음 (성명·주소가 없는 요청은") in text, options
    assert "시행령제2조제1항제3호).접수하여" in text or "시행령제2조제1항제3호)." in text
    assert squashed("법률 제2조제1호·제2호, 같은 법 시행령 제2조제1항제3호") in text  # basis
    assert "처리예정일" not in text and "3근무시간" not in text
    # no name and address are asked: nothing is listed as kept by law
    assert "법령에따른처리" not in text
    # not a 민원인: the 30-day notice is not promised, nor replaced
    assert squashed(receipt_content.notices()["progress_report"]["plain"]["ko"]) in text
    assert "갈음" not in text


@pytest.mark.parametrize("options", COPIES)
def test_passive_admin_prints_the_acrc_target_never_a_legal_period(printer, options):
    # Received Tue 2026-09-22 10:00; target 7 days counted like 법 제19조② (first day
    # counted, Saturdays and holidays skipped): 22 (1), 23 (2), 24-25 추석 전날·추석,
    # 26 Sat, 27 Sun, 28 (3), 29 (4), 30 (5), 10-01 (6), 10-02 Fri (7) → 2026-10-02.
    number = printer.add("complaint-01.json", kind="passive_admin",
                         received_at="2026-09-22T10:00:00+09:00")
    text = _text(printer, number, **options)
    assert squashed("처리 목표 7일 (국민권익위원회 내부 목표, 법정 기간 아님)") in text, options
    assert squashed("target 7 days (ACRC internal target, not a legal period)") in text
    assert "2026-10-02" in text
    assert "처리기간Period" not in text and "7일(7days)" not in text  # never as a legal period


def test_under_the_qr_code_the_status_page_replaces_the_30_day_notices(printer, cstore):
    _enrol(cstore)
    number = printer.add("complaint-06.json")  # an inquiry, referred
    notice = receipt_content.notices()["progress_report"]["minwon"]
    for options in COPIES:
        text = _text(printer, number, **options)
        assert squashed(notice["ko"]) in text, options
        assert squashed("이 안내로 30일마다 드리는 처리진행상황 통지를 갈음합니다") in text
        assert squashed("(민원 처리에 관한 법률 시행령 제23조 ①②③)") in text
        assert squashed(notice["en"]) in text


def test_before_enrolment_there_is_no_status_page_to_replace_the_notices(printer):
    text = _text(printer, printer.add("complaint-06.json"))
    assert "갈음" not in text
    assert squashed("30일마다 알려 드립니다") in text
    assert squashed("(민원 처리에 관한 법률 시행령 제23조 ①②)") in text


def test_an_acrc_grievance_is_told_progress_after_30_days_or_on_request(printer, cstore):
    _enrol(cstore)
    text = _text(printer, printer.add("complaint-01.json"))  # kind grievance (ACRC)
    assert squashed("접수 후 30일이 지나거나 요청하시면 처리진행상황과 처리예정일을 알려 드립니다") \
        in text
    assert squashed("부패방지 및 국민권익위원회의 설치와 운영에 관한 법률 시행령 제50조 ②③") in text
    assert "갈음" not in text  # 제50조② has no online waiver


@pytest.mark.parametrize("options", COPIES)
def test_an_oral_report_says_it_was_read_back_and_never_the_identity_answer(printer,
                                                                            options):
    number = printer.add(
        "complaint-01.json", kind="report", disclosure="private",
        petitioner={"name": "김영수", "address": "경상북도 구미시 선산읍 단계동길 12",
                    "identity_disclosure": "refused"},
        oral_report={"read_back": True, "at": "2026-11-26T10:20:00+09:00"}, notify_by=None)
    text = _text(printer, number, **options)
    assert squashed("구술 신고: 신고 내용을 신고자에게 읽어 주고 확인받음 · 2026-11-26 10:20") \
        in text, options
    assert squashed("공익신고자 보호법 제8조제2항·제3항") in text
    assert "신분공개" not in text and "김영수" not in text and "단계동길" not in text


def test_the_pages_render_with_nothing_outside_them(printer, cstore, tmp_path):
    """pdftoppm renders each layout; text is only inside the margins (the right edge of
    the roll stays white), and every line the law asks for is on the page."""
    _enrol(cstore)
    number = printer.add("complaint-01.json", guidance={
        "documents": "incomplete", "documents_missing": "토지대장 사본 1부와 현장 사진",
        "site_check": "2026-12-03 오전 현장 확인 예정 (담당자가 하루 전에 전화)"})
    for options in COPIES:
        _, pdf = printer.complaint(number, **options)
        images = pages_as_images(pdf, tmp_path, dpi=80)
        for image in images:
            width = image.width
            margin = int(width * (4 / 80 if options.get("layout") == "roll80" else 18 / 210))
            for x in list(range(0, margin // 2)) + list(range(width - margin // 2, width)):
                column = [image.getpixel((x, y)) for y in range(0, image.height, 2)]
                assert min(column) > 200, (options, x)  # nothing printed in the margin
        path = tmp_path / "page.pdf"
        path.write_bytes(pdf)
        layout_text = subprocess.run(["pdftotext", "-layout", path, "-"], check=True,
                                     capture_output=True, text=True).stdout
        assert "구비서류" in layout_text and "토지대장" in layout_text, options

"""The receipt's words (issue 12), read back from real PDFs: personal items named as the
consent notice names them (never by their codes), 익명 where an anonymous case's
petitioner would be, and no text under 7 pt on any paper — sizes as the PDF draws them."""

from __future__ import annotations

import io
import json
import math
import re
import subprocess
from collections import Counter

import pytest
from pypdf import PdfReader

from fieldbus.domain.intake import parse_counsel
from sync.resources import resource_path
from fieldbus.receipts import labels as L
from fieldbus.receipts import layout
from fieldbus.store import complaints, counsel
from tests.cli.conftest import COMPLAINT_SAMPLES
from tests.conftest import sample
from tests.receipts.conftest import pdf_text, squashed

COPIES = ({}, {"copy": "office"}, {"layout": "roll80"})
MIN_SIZE = 7.0  # pt
NOTICE = json.loads(resource_path("rules", "consent.json").read_text(encoding="utf-8"))
CONSENTED = [item["code"] for item in NOTICE["consent"]["items"]]
#: What an intake made against notice 2026-01 lists, and what the issue saw printed.
OLD_ITEMS = ["name", "phone", "email", "address", "postcode", "birth_year"]


def _text(printer, number: str, **options) -> str:
    _, pdf = printer.complaint(number, **options)
    return pdf_text(pdf)


# -- the items, as the notice names them ------------------------------------------------------

def test_every_item_of_the_notice_has_its_korean_and_english_words():
    for part in ("legal_basis", "consent"):
        for item in NOTICE[part]["items"]:
            assert L.ITEM_WORDS[item["code"]][0] == item["label"], item["code"]


@pytest.mark.parametrize("options", COPIES)
def test_consented_items_are_named_in_korean_first_never_by_their_codes(printer, options):
    number = printer.add("complaint-01.json", consent={
        "personal_info": True, "notice_version": "2026-12", "items": CONSENTED})
    text = squashed(_text(printer, number, **options))
    assert squashed("동의 항목 (items): 전화번호, 전자우편, 우편번호, 출생연도 "
                    "(phone, e-mail, postcode, birth year)") in text, options
    assert squashed("성명, 주소 (name, address) · 동의 없이 처리 (no consent needed)") in text


@pytest.mark.parametrize("options", COPIES)
def test_an_old_or_unknown_item_code_is_never_printed(printer, options):
    number = printer.add("complaint-01.json", consent={
        "personal_info": True, "notice_version": "2026-01", "items": [*OLD_ITEMS, "fax_no"]})
    raw = _text(printer, number, **options)
    text = squashed(raw)
    assert squashed("동의 항목 (items): 전화번호, 전자우편, 우편번호, 출생연도, 그 밖의 항목 1개 "
                    "(phone, e-mail, postcode, birth year, 1 more)") in text, options
    for code in ("birth_year", "email", "fax_no", "fax"):
        assert code not in raw, (options, code)
    assert squashed(", ".join(OLD_ITEMS)) not in text


@pytest.mark.parametrize("options", COPIES)
def test_without_consent_the_receipt_names_what_is_not_kept(printer, options):
    number = printer.add("complaint-01.json", consent={"personal_info": False,
                                                       "notice_version": "2026-12"},
                         notify_by="post")
    text = squashed(_text(printer, number, **options))
    assert squashed("동의하지 않음 (not given)") in text, options
    assert squashed("보관하지 않는 항목 (not kept): 전화번호, 전자우편, 우편번호, 출생연도 "
                    "(phone, e-mail, postcode, birth year)") in text, options


# -- an anonymous case -------------------------------------------------------------------------

@pytest.mark.parametrize("options", COPIES)
def test_an_anonymous_case_says_anonymous_and_that_no_statutory_period_applies(printer,
                                                                               options):
    number = printer.add("complaint-05.json")  # petitioner null
    text = squashed(_text(printer, number, **options))
    assert re.search(r"민원인(\(?Petitioner\)?)?익명\(anonymous\)", text), options
    assert "법정처리기간" in text and "Statutoryperiod" in text  # the label
    assert squashed("법정 처리기간 없음 (성명·주소가 없는 요청은") in text, options
    assert "Contact" not in text and "법령에따른처리" not in text and "처리예정일" not in text


def test_an_anonymous_report_says_anonymous_not_that_an_identity_is_sealed(printer):
    number = printer.add("complaint-05.json", kind="report", disclosure="private")
    for options in COPIES:
        text = squashed(_text(printer, number, **options))
        assert "익명(anonymous)" in text, options
        # (the office copy's signature of a report stays sealed, below 민원인 서명)
        assert squashed(L.SEALED[0]) not in text.split("민원인서명")[0], options


# -- no text under 7 pt ------------------------------------------------------------------------

def font_sizes(pdf: bytes) -> Counter:
    """Size in pt (as drawn: the font size times the text and current matrices' scale) →
    how many non-space characters are drawn at it, over every page."""
    sizes: Counter = Counter()

    def visit(text, cm, tm, font, size) -> None:
        drawn = len(squashed(text))
        if drawn:
            scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
            sizes[round(size * scale, 2)] += drawn

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def _assert_readable(pdf: bytes, what) -> None:
    sizes = font_sizes(pdf)
    # every character read back was measured: the check is not vacuous
    assert sum(sizes.values()) >= len(squashed(pdf_text(pdf))) * 0.95, what
    small = {size: n for size, n in sizes.items() if size < MIN_SIZE}
    assert not small, (what, small)


def poppler_sizes(pdf: bytes, tmp_path) -> set[float]:
    """The heights of poppler's word boxes (``pdftotext -bbox``: a box is as tall as its
    font's size), a second reading independent of pypdf."""
    path = tmp_path / f"sizes-{len(list(tmp_path.glob('sizes-*.pdf')))}.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return {round(float(y1) - float(y0), 2) for y0, y1 in
            re.findall(r'<word [^>]*yMin="([\d.]+)"[^>]*yMax="([\d.]+)"', html)}


def test_every_paper_style_is_at_least_7_pt():
    assert layout.MIN_SIZE == MIN_SIZE
    for name, paper in layout.PAPERS.items():
        for style in ("title", "value", "strong", "label", "label_en", "note"):
            assert getattr(paper, style).size >= MIN_SIZE, (name, style)


@pytest.mark.parametrize("name", COMPLAINT_SAMPLES)
def test_no_text_on_any_receipt_is_under_7_pt(printer, name, tmp_path):
    number = printer.add(name)
    for options in COPIES:
        printed, pdf = printer.complaint(number, **options)
        _assert_readable(pdf, (name, options))
        boxes = poppler_sizes(pdf, tmp_path)
        assert boxes and min(boxes) >= MIN_SIZE - 0.01, (name, options, sorted(boxes))
    # a reprint (its banner) too
    _, pdf = printer.complaint(number, layout="roll80")
    _assert_readable(pdf, (name, "reprint"))


def test_no_text_is_under_7_pt_on_a_long_receipt_or_a_counsel_confirmation(printer, cstore):
    number = printer.add()
    complaints.edit(cstore, number, {"body": "진입로 포장 " * 900}, cstore.officer)
    printed, pdf = printer.complaint(number)
    assert printed.pages > 1  # the footer of every page
    _assert_readable(pdf, "long a4")
    _assert_readable(printer.complaint(number, layout="roll80")[1], "long roll")  # cut note

    draft, _ = parse_counsel(sample("counsel-01.json"), now=cstore.clock())
    session = counsel.add(cstore, draft, cstore.officer)
    for layout in ("a4", "roll80"):
        _assert_readable(printer.counsel(session.number, layout=layout)[1], layout)


def test_complaint_01_still_fits_one_a4_page(printer):
    number = printer.add("complaint-01.json")
    for options in ({}, {"copy": "office"}):
        assert printer.complaint(number, **options)[0].pages == 1, options

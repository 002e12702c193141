"""Resident registration numbers are found in free text and their back half masked."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldbus.domain.rrn import contains_rrn, mask_rrns

FAST = settings(max_examples=300, database=None, deadline=None)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("900101-1234567", "900101-1******"),
        ("900101 1234567", "900101 1******"),
        ("9001011234567", "9001011******"),
        ("900101 - 2234567", "900101 - 2******"),
        ("041231-3234567", "041231-3******"),  # born 2004
        ("850615-5123456", "850615-5******"),  # foreigner registration number
        ("850615-8123456", "850615-8******"),
        ("900101\u20101234567", "900101\u20101******"),  # ‐ hyphen
        ("900101\u20111234567", "900101\u20111******"),  # non-breaking hyphen
        ("900101\u20131234567", "900101\u20131******"),  # – en dash
        ("900101\u22121234567", "900101\u22121******"),  # − minus
        ("900101\uff0d1234567", "900101\uff0d1******"),  # － full-width hyphen
        ("９００１０１－１２３４５６７", "９００１０１－１******"),  # full-width digits
        ("900101-１２３４５６７", "900101-１******"),
        ("주민번호:900101-1234567입니다", "주민번호:900101-1******입니다"),
        ("(900101-1234567)", "(900101-1******)"),
        ("000229-3000000", "000229-3******"),
        ("990231-1234567", "990231-1******"),  # implausible day still masked: when in doubt, mask
    ],
)
def test_masks_back_half_keeping_gender_digit(text, expected):
    assert contains_rrn(text)
    assert mask_rrns(text) == (expected, 1)


def test_counts_every_number_and_keeps_surrounding_text():
    text = "본인 900101-1234567, 배우자 9202022345678\n자녀 150303 3456789 입니다."
    masked, count = mask_rrns(text)
    assert count == 3
    assert masked == "본인 900101-1******, 배우자 9202022******\n자녀 150303 3****** 입니다."
    assert not contains_rrn(masked)


@pytest.mark.parametrize(
    "text",
    [
        "010-1234-5678",
        "010-2345-6789 으로 연락 주세요",
        "01023456789",
        "02-123-4567",
        "0212345678",
        "+82 10 2345 6789",
        "1588-1234",
        "2026-11-26",
        "2026.11.26 10:00",
        "261126",
        "1,234,567원",
        "12,345,678,901원",
        "우편번호 39100",
        "(06164) 서울특별시 강남구",
        "계좌 110-123-456789",
        "B07A-261126-0012-J",
        "900101-0234567",  # G = 0 is not a registration number
        "900101-9234567",  # G = 9 (born 1800s) is not expected
        "901301-1234567",  # month 13
        "900001-1234567",  # month 00
        "900132-1234567",  # day 32
        "900100-1234567",  # day 00
        "900101-123456",  # back half too short
        "900101-12345678",  # back half too long: part of a longer run
        "19001011234567",  # 14 digits
        "90010112345678",
        "1900101-1234567",  # front part of a longer run
        "900101--1234567",
        "900101  1234567",  # two spaces
        "",
        "주민등록번호는 저장하지 않습니다.",
    ],
)
def test_leaves_other_numbers_alone(text):
    assert not contains_rrn(text)
    assert mask_rrns(text) == (text, 0)


# ------------------------------------------------------------------ properties

_digits = "0123456789０１２３４５６７８９"
_noise = st.text(
    alphabet=st.sampled_from(list(_digits + " -‐–−－,.:()가나다주민번호\n")),
    max_size=60,
)

# The detector's own definition, written independently: 13 digits, plausible date,
# G in 1–8, optional separator, not inside a longer digit run.
_FW = str.maketrans("０１２３４５６７８９", "0123456789")


def _rrn_shaped_spans(text: str) -> list[str]:
    plain = text.translate(_FW)
    found = []
    pattern = re.compile(
        r"(?<!\d)(\d{2})(\d{2})(\d{2})( ?[-‐‑‒–—−﹣－] ?| |)([1-8])(\d{6})(?!\d)", re.ASCII
    )
    for start in range(len(plain)):
        m = pattern.match(plain, start)
        if m and 1 <= int(m[2]) <= 12 and 1 <= int(m[3]) <= 31:
            found.append(m[0])
    return found


@FAST
@given(_noise)
def test_masked_text_has_no_rrn_shaped_number(text):
    masked, count = mask_rrns(text)
    assert not contains_rrn(masked)
    assert _rrn_shaped_spans(masked) == []
    assert len(masked) == len(text)
    assert (count == 0) == (masked == text)


@FAST
@given(_noise)
def test_text_without_rrn_is_unchanged(text):
    if not _rrn_shaped_spans(text):
        assert not contains_rrn(text)
        assert mask_rrns(text) == (text, 0)
    else:
        assert contains_rrn(text)


@st.composite
def _rrns(draw) -> tuple[str, str]:
    yy = draw(st.integers(0, 99))
    mm = draw(st.integers(1, 12))
    dd = draw(st.integers(1, 31))
    g = draw(st.integers(1, 8))
    back = draw(st.text(alphabet="0123456789", min_size=6, max_size=6))
    sep = draw(st.sampled_from(["", "-", " ", " - ", "\u2013", "\u2212", "\uff0d", "\u2010"]))
    front = f"{yy:02d}{mm:02d}{dd:02d}"
    if draw(st.booleans()):
        front = front.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return f"{front}{sep}{g}{back}", f"{front}{sep}{g}******"


_non_digit = st.text(alphabet=st.sampled_from(list(" 가나다:,.()\n-abc")), max_size=15)
# Between two numbers there must be something, or they would form one longer digit run.
_gap = st.text(alphabet=st.sampled_from(list(" 가나다:,.()\n-abc")), min_size=1, max_size=15)


@FAST
@given(st.lists(st.tuples(_gap, _rrns()), min_size=1, max_size=4), _non_digit)
def test_every_embedded_rrn_is_masked(parts, tail):
    text = "".join(prefix + rrn for prefix, (rrn, _) in parts) + tail
    expected = "".join(prefix + masked for prefix, (_, masked) in parts) + tail
    masked, count = mask_rrns(text)
    assert not contains_rrn(masked)
    assert count == len(parts)
    assert masked == expected


@FAST
@given(_noise, _rrns(), _noise)
def test_numbers_next_to_digits_and_dashes(before, rrn, after):
    """Noise with digits around a number: masked only if it stands alone; never survives."""
    text = before + rrn[0] + after
    masked, count = mask_rrns(text)
    assert _rrn_shaped_spans(masked) == []
    assert not contains_rrn(masked)
    assert (count > 0) == bool(_rrn_shaped_spans(text))
    # only digits are ever replaced, and only by "*"
    assert len(masked) == len(text)
    for a, b in zip(text, masked):
        assert a == b or (b == "*" and a in _digits)

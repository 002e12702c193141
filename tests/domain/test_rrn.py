"""Resident registration numbers are found in free text and their back half masked."""

from __future__ import annotations

import re
import unicodedata

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
        ("900101--1234567", "900101--1******"),
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
        "900101----1234567",  # four separators: not one number any more
        "900101    1234567",
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
# G in 1–8, up to three separators between the halves, not inside a longer digit run —
# looked for after NFKC, with invisible characters dropped and every decimal digit made
# ASCII.
_SEPARATOR_CHARS = (" \t\n\u00a0\u3000.-/_~:\u3161\u2010\u2011\u2012\u2013\u2014\u2015"
                    "\u2212\ufe63\uff0d")


def _normalise(text: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFKC", text):
        if unicodedata.category(ch) in ("Cf", "Mn", "Me"):
            continue
        if ch.isdecimal():
            out.append(str(unicodedata.decimal(ch)))
        elif ch in _SEPARATOR_CHARS or unicodedata.normalize("NFKC", ch) in _SEPARATOR_CHARS \
                or ch.isspace():
            out.append("-")
        else:
            out.append(ch if ch.isascii() else "?")
    return "".join(out)


def _rrn_shaped_spans(text: str) -> list[str]:
    plain = _normalise(text)
    found = []
    pattern = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})(-{0,3})([1-8])(\d{6})(?!\d)", re.ASCII)
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


# ------------------------------------------------------------------ issue 9 §6: other forms
#
# Each of these went unmasked before: detection now runs on a normalised copy.

_ISSUE_SEPARATORS = {
    "ideographic space (Korean IME)": "\u3000", "no-break space": "\u00a0", "tab": "\t",
    "newline": "\n", "two spaces": "  ", "full stop": ".", "slash": "/", "low line": "_",
    "tilde": "~", "colon": ":", "Hangul vowel eu typed as a dash": "\u3161",
    "horizontal bar": "\u2015", "figure dash": "\u2012", "em dash": "\u2014",
    "small hyphen-minus": "\ufe63", "full-width tilde": "\uff5e", "wave dash": "\u301c",
    "katakana long vowel": "\u30fc", "box drawing horizontal": "\u2500",
    "space dash space": " - ", "dash and tab": "-\t",
}


@pytest.mark.parametrize("sep", _ISSUE_SEPARATORS.values(), ids=_ISSUE_SEPARATORS.keys())
def test_masks_numbers_written_with_other_separators(sep):
    text = f"주민번호 900101{sep}1234567 입니다"
    assert contains_rrn(text)
    assert mask_rrns(text) == (f"주민번호 900101{sep}1****** 입니다", 1)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("9001\u200b01-1234567", "9001\u200b01-1******"),  # zero-width space inside
        ("900101-12\u00ad34567", "900101-1*\u00ad*****"),  # soft hyphen
        ("900101\u200d-\u200c1234567", "900101\u200d-\u200c1******"),  # joiners
        ("900101-1\u2060234567", "900101-1\u2060******"),  # word joiner
        ("9\u0301001011234567", "9\u0301001011******"),  # a combining mark on a digit
    ],
)
def test_masks_numbers_with_invisible_characters_inside(text, expected):
    assert contains_rrn(text)
    masked, count = mask_rrns(text)
    assert count == 1
    assert masked == expected


@pytest.mark.parametrize(
    "zero",
    [
        "\u0660",  # Arabic-Indic ٠
        "\u06f0",  # extended Arabic-Indic ۰
        "\u0966",  # Devanagari ०
        "\u09e6",  # Bengali ০
        "\u0e50",  # Thai ๐
        "\U0001d7ce",  # mathematical bold 𝟎
        "\uff10",  # full-width ０
    ],
)
def test_masks_numbers_in_other_decimal_digits(zero):
    def digits(number: str) -> str:
        return "".join(chr(ord(zero) + int(d)) for d in number)

    text = f"번호 {digits('900101')}-{digits('1234567')}"
    assert contains_rrn(text)
    assert mask_rrns(text) == (f"번호 {digits('900101')}-{digits('1')}******", 1)


def test_mixed_digit_forms_and_compatibility_digits():
    text = "９0\u06601\u06601\u3000①２3４5６7"  # ① is NFKC "1"
    masked, count = mask_rrns(text)
    assert count == 1
    assert masked == "９0\u06601\u06601\u3000①******"


def test_phone_numbers_dates_and_receipts_with_new_separators_stay():
    for text in ("010.2345.6789", "010 2345 6789", "02/123/4567", "2026.11.26.", "10:00:00",
                 "1588ㅡ1234", "B07A-261126-0012-J", "261126", "우편번호　39100"):
        assert mask_rrns(text) == (text, 0), text


def test_compatibility_digit_list_is_complete():
    """Every character whose NFKC form holds a decimal digit is seen as digit-like."""
    from sync import rrn

    digitish = re.compile(f"[\\d{rrn._COMPAT_DIGITS}]")
    missing = [f"U+{cp:04X}" for cp in range(0x80, 0x20000)
               if not digitish.match(chr(cp))
               and any(c.isdecimal() for c in unicodedata.normalize("NFKC", chr(cp)))]
    assert missing == []


# Digit forms a number may be typed in, one per digit: ASCII, full-width, Arabic-Indic,
# Devanagari, Thai, mathematical bold, superscript (⁰¹²…, NFKC digits).
_ZEROS = ("0", "\uff10", "\u0660", "\u06f0", "\u0966", "\u0e50", "\U0001d7ce")
_SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SEPARATORS = sorted(set("".join(_ISSUE_SEPARATORS.values())) | set("-\u2010\u2013\u2212\uff0d"))
_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u00ad", "\u2060", "\ufeff")
_korean = st.text(alphabet=st.sampled_from(list("가나다라마바사주민등록번호입니다은는이가을를 ,()!?\n")),
                  max_size=20)
_korean_gap = st.text(alphabet=st.sampled_from(list("가나다라마바사주민등록번호입니다은는이가을를 ,()!?\n")),
                      min_size=1, max_size=20)


@st.composite
def _typed_rrn(draw) -> str:
    """A valid-looking number in random digit forms, separators and invisible characters;
    returns (what was typed, its 13 ASCII digits)."""
    yy, mm, dd = draw(st.integers(0, 99)), draw(st.integers(1, 12)), draw(st.integers(1, 31))
    g = draw(st.integers(1, 8))
    back = draw(st.text(alphabet="0123456789", min_size=6, max_size=6))
    number = f"{yy:02d}{mm:02d}{dd:02d}{g}{back}"

    def typed(digit: str) -> str:
        form = draw(st.integers(0, len(_ZEROS)))
        ch = _SUPERSCRIPT[int(digit)] if form == len(_ZEROS) else chr(ord(_ZEROS[form]) + int(digit))
        if draw(st.integers(0, 9)) == 0:
            ch += draw(st.sampled_from(_INVISIBLE))
        return ch

    sep = "".join(draw(st.lists(st.sampled_from(_SEPARATORS), max_size=3)))
    text = "".join(typed(d) for d in number[:6]) + sep + "".join(typed(d) for d in number[6:])
    return text, number


@settings(max_examples=500, database=None, deadline=None)
@given(st.lists(st.tuples(_korean_gap, _typed_rrn()), min_size=1, max_size=3), _korean)
def test_numbers_in_any_form_are_found_and_cannot_be_recovered(parts, tail):
    text = "".join(gap + typed for gap, (typed, _) in parts) + tail
    # (a) every number is found
    assert contains_rrn(text)
    masked, count = mask_rrns(text)
    assert count == len(parts)
    # (b) nothing of a number's back half is left in the normalised output: its digits
    # are the front halves and sex digits only, and no number is shaped there any more.
    plain = _normalise(masked)
    assert re.sub(r"[^0-9]", "", plain) == "".join(number[:7] for _, (_, number) in parts)
    for _, (_, number) in parts:
        assert number not in re.sub(r"[^0-9*]", "", plain)
    assert _rrn_shaped_spans(masked) == []
    assert not contains_rrn(masked)
    assert len(masked) == len(text)

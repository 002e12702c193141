"""clean_text: one canonical form for everything typed or pasted into a form."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldbus.domain.errors import ValidationError
from fieldbus.domain.text import clean_text

FAST = settings(max_examples=200, database=None, deadline=None)


def _error(value, **kw) -> ValidationError:
    kw.setdefault("field", "complaint.title")
    kw.setdefault("max_len", 100)
    with pytest.raises(ValidationError) as err:
        clean_text(value, **kw)
    return err.value


def test_plain_text_passes():
    assert clean_text("진입로 포장 요청", field="t", max_len=100) == "진입로 포장 요청"


def test_strips_whitespace_including_ideographic_space():
    assert clean_text("\u3000 김영수 \u00a0\n", field="t", max_len=10) == "김영수"


def test_nfc_normalises_decomposed_hangul():
    decomposed = unicodedata.normalize("NFD", "김영수")
    assert len(decomposed) > 3
    result = clean_text(decomposed, field="name", max_len=3)
    assert result == "김영수"
    assert unicodedata.is_normalized("NFC", result)


def test_length_is_counted_after_nfc():
    decomposed = unicodedata.normalize("NFD", "가" * 10)  # 20 code points
    assert clean_text(decomposed, field="t", max_len=10) == "가" * 10


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("a\r\nb", "a\nb"),
        ("a\rb", "a\nb"),
        ("a\r\n\r\nb", "a\n\nb"),
        ("a\u2028b\u2029c", "a\nb\nc"),
        ("a\x85b", "a\nb"),
        ("a\x0bb\x0cc", "a\nb\nc"),
        ("첫째 줄\n\t들여쓴 둘째 줄", "첫째 줄\n\t들여쓴 둘째 줄"),
        ("\n\n본문\n\n", "본문"),
    ],
)
def test_multiline_line_breaks_become_newline(raw, expected):
    assert clean_text(raw, field="complaint.body", max_len=100, multiline=True) == expected


@pytest.mark.parametrize("raw", ["a\nb", "a\r\nb", "a\rb", "a\u2028b", "a\x85b"])
def test_single_line_rejects_line_breaks(raw):
    err = _error(raw)
    assert err.code == "control_char"
    assert str(err) == "complaint.title: must not contain line breaks"


def test_single_line_rejects_tab():
    err = _error("a\tb")
    assert err.code == "control_char"
    assert err.message == "must not contain tabs"


def test_trailing_newline_pasted_into_single_line_is_trimmed():
    assert clean_text("홍길동\n", field="petitioner.name", max_len=50) == "홍길동"


@pytest.mark.parametrize("ch", ["\x00", "\x07", "\x1b", "\x7f", "\x80", "\x9f"])
@pytest.mark.parametrize("multiline", [False, True])
def test_rejects_control_characters(ch, multiline):
    err = _error(f"a{ch}b", multiline=multiline)
    assert err.code == "control_char"
    assert f"U+{ord(ch):04X}" in err.message


@pytest.mark.parametrize("ch", ["\u202e", "\u202a", "\u2066", "\u2069"])
def test_rejects_bidi_overrides(ch):
    err = _error(f"abc{ch}def", multiline=True)
    assert err.code == "control_char"


def test_keeps_zero_width_joiner_and_direction_marks():
    assert clean_text("a\u200db\u200ec", field="t", max_len=10) == "a\u200db\u200ec"


@pytest.mark.parametrize(
    "ch", ["\ud800", "\udfff", "\ufffe", "\uffff", "\ufdd0", "\U0001fffe", "\U0010ffff"]
)
def test_rejects_surrogates_and_noncharacters(ch):
    err = _error(f"a{ch}b", multiline=True)
    assert err.code == "invalid_char"
    assert f"U+{ord(ch):04X}" in err.message


@pytest.mark.parametrize("value", [None, "", "   ", "\n\t\u3000"])
def test_empty_is_none_when_optional(value):
    assert clean_text(value, field="t", max_len=10, required=False, multiline=True) is None


@pytest.mark.parametrize("value", [None, "", "   "])
def test_empty_is_required_error(value):
    err = _error(value)
    assert err.code == "required"
    assert str(err) == "complaint.title: is required"


@pytest.mark.parametrize("value", [1, 1.5, b"bytes", ["a"], True])
def test_only_str_is_text(value):
    err = _error(value, required=False)
    assert err.code == "type"
    assert err.message == "must be text"


def test_too_long_names_the_limit():
    assert clean_text("가" * 5, field="t", max_len=5) == "가" * 5
    err = _error("가" * 6, max_len=5)
    assert err.code == "too_long"
    assert "5" in err.message
    assert str(err).startswith("complaint.title: must be at most 5 characters")


def test_length_is_measured_after_strip():
    assert clean_text("  abc  ", field="t", max_len=3) == "abc"


def test_str_subclass_becomes_plain_str():
    class Tagged(str):
        pass

    result = clean_text(Tagged("abc"), field="t", max_len=3)
    assert type(result) is str


def test_bad_max_len_is_a_programming_error():
    with pytest.raises(ValueError):
        clean_text("a", field="t", max_len=0)


# ------------------------------------------------------------------ properties


@FAST
@given(st.text(max_size=80), st.booleans())
def test_output_is_canonical_or_error(value, multiline):
    try:
        result = clean_text(value, field="t", max_len=50, multiline=multiline, required=False)
    except ValidationError as err:
        assert err.code in {"control_char", "invalid_char", "too_long"}
        assert err.field == "t"
        return
    if result is None:
        assert value.strip() == "" or "\n".join(value.splitlines()).strip() == ""
        return
    assert result == result.strip()
    assert 0 < len(result) <= 50
    assert unicodedata.is_normalized("NFC", result)
    assert "\r" not in result
    for ch in result:
        if unicodedata.category(ch) == "Cc":
            assert multiline and ch in "\n\t"
    # idempotent: cleaning clean text changes nothing
    assert clean_text(result, field="t", max_len=50, multiline=multiline) == result


@FAST
@given(st.text(alphabet=st.characters(categories=["Lo", "Ll", "Lu", "Nd", "Zs", "P"]), max_size=40))
def test_ordinary_text_is_accepted(value):
    result = clean_text(value, field="t", max_len=200, required=False)
    if result is not None:
        assert result == unicodedata.normalize("NFC", value).strip()

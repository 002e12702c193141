"""Korean phone numbers are stored in one national, hyphenated form."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldbus.domain.errors import ValidationError
from fieldbus.domain.phones import is_mobile, normalize_phone

FIELD = "petitioner.phone"


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("010-2345-6789", "010-2345-6789"),
        ("01023456789", "010-2345-6789"),
        ("010 2345 6789", "010-2345-6789"),
        ("+82 10 2345 6789", "010-2345-6789"),
        ("+82-10-2345-6789", "010-2345-6789"),
        ("+82 (0)10 2345 6789", "010-2345-6789"),
        ("  010.2345.6789  ", "010-2345-6789"),
        ("０１０－２３４５－６７８９", "010-2345-6789"),  # full-width input
        ("010\u20132345\u20136789", "010-2345-6789"),  # en dashes
        ("054-123-4567", "054-123-4567"),
        ("0541234567", "054-123-4567"),
        ("02 123 4567", "02-123-4567"),
        ("02-1234-5678", "02-1234-5678"),
        ("(02) 123-4567", "02-123-4567"),
        ("031-123-4567", "031-123-4567"),
        ("070-1234-5678", "070-1234-5678"),
        ("1588-1234", "1588-1234"),
        ("15881234", "1588-1234"),
    ],
)
def test_normalises_to_national_format(raw, expected):
    assert normalize_phone(raw, field=FIELD) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "12345",
        "010-234-567",
        "010-2345-67890",
        "02-12-345",
        "099-123-4567",  # no such area code
        "+1 650 253 0000",  # valid, but American
        "+81 3-1234-5678",  # valid, but Japanese
        "O10-2345-6789",  # letter O: not read as a keypad letter
        "1588-CALL",
        "010-2345-6789 ext 12",
        "010-2345-6789 내선 12",
        "phone: 010-2345-6789",
        "010-2345-6789\x00",
        "0" * 60,
        "+",
        "--",
    ],
)
def test_rejects_invalid_or_foreign(raw):
    with pytest.raises(ValidationError) as err:
        normalize_phone(raw, field=FIELD)
    assert err.value.code == "phone"
    assert str(err.value) == "petitioner.phone: not a valid Korean phone number"


@pytest.mark.parametrize("raw", ["", "   "])
def test_empty_is_required(raw):
    with pytest.raises(ValidationError) as err:
        normalize_phone(raw, field=FIELD)
    assert err.value.code == "required"


@pytest.mark.parametrize("raw", [None, 1023456789, b"010-2345-6789"])
def test_non_text_is_type_error(raw):
    with pytest.raises(ValidationError) as err:
        normalize_phone(raw, field=FIELD)
    assert err.value.code == "type"
    assert err.value.field == FIELD


@pytest.mark.parametrize(
    "phone,mobile",
    [
        ("010-2345-6789", True),
        ("01023456789", True),
        ("+82 10 2345 6789", True),
        ("011-234-5678", True),
        ("054-123-4567", False),
        ("02-123-4567", False),
        ("070-1234-5678", False),
        ("1588-1234", False),
        ("+1 650 253 0000", False),
        ("not a number", False),
        ("", False),
    ],
)
def test_is_mobile(phone, mobile):
    assert is_mobile(phone) is mobile


@settings(max_examples=200, database=None, deadline=None)
# 010-2xxx..4xxx: all assigned (libphonenumber's metadata leaves gaps higher up, e.g. 5970–5979)
@given(st.from_regex(r"010[2-4][0-9]{7}", fullmatch=True), st.sampled_from(["", "-", " ", "."]))
def test_mobile_numbers_in_any_spacing(digits, sep):
    raw = f"{digits[:3]}{sep}{digits[3:7]}{sep}{digits[7:]}"
    expected = f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    assert normalize_phone(raw, field=FIELD) == expected
    assert normalize_phone(expected, field=FIELD) == expected  # idempotent
    assert normalize_phone("+82 " + raw[1:], field=FIELD) == expected
    assert is_mobile(raw)


# The plain national shapes skip phonenumbers.parse for speed; they must decide exactly
# as the parser does (same validity, same stored form, same mobile-or-not).
@settings(max_examples=3000, deadline=None, database=None)
@given(digits=st.text(alphabet="0123456789", min_size=7, max_size=11),
       shape=st.sampled_from(["plain", "hyphen3", "hyphen2", "spaces"]))
def test_the_fast_path_agrees_with_the_parser(digits, shape):
    import phonenumbers

    from fieldbus.domain.phones import _classify

    d = "0" + digits
    text = {"plain": d, "hyphen3": f"{d[:3]}-{d[3:-4]}-{d[-4:]}",
            "hyphen2": f"{d[:2]}-{d[2:-4]}-{d[-4:]}", "spaces": f"{d[:3]} {d[3:-4]} {d[-4:]}"}[shape]
    try:
        number = phonenumbers.parse(text, "KR")
        expected = (phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL),
                    phonenumbers.number_type(number)) if (
            number.country_code == 82 and not number.extension
            and phonenumbers.is_valid_number_for_region(number, "KR")) else None
    except phonenumbers.NumberParseException:
        expected = None
    found = _classify.__wrapped__(text)
    got = (phonenumbers.format_number(found[0], phonenumbers.PhoneNumberFormat.NATIONAL),
           found[1]) if found else None
    assert got == expected

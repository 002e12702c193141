"""Receipt numbers: format, parse, and the error-detecting power of the check character."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldbus.domain.errors import ValidationError
from fieldbus.domain.receipt_numbers import (
    ALPHABET,
    TRAINING_DEVICE,
    ReceiptNo,
    check_character,
    check_device,
    format_receipt_no,
    is_check_valid,
    parse_receipt_no,
    validate_device_code,
)
from sync import receipt_check

FAST = settings(max_examples=200, database=None, deadline=None)

EXAMPLE = "B07A-261126-0012-J"


# ------------------------------------------------------------------ the algebra itself


def test_alphabet():
    assert ALPHABET == "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    assert len(set(ALPHABET)) == 36


def test_operation_matches_its_definition():
    # GF(4) with ω·1=2, ω·2=3, ω·3=1 and XOR addition; Z9 with x*y = 2x + y.
    assert receipt_check.OMEGA_TIMES == (0, 2, 3, 1)
    for x, y in itertools.product(range(36), repeat=2):
        a4 = receipt_check.OMEGA_TIMES[x % 4] ^ (y % 4)
        a9 = (2 * (x // 4) + (y // 4)) % 9
        assert receipt_check.TABLE[x][y] == a4 + 4 * a9


def test_table_is_a_latin_square():
    full = set(range(36))
    for x in range(36):
        assert set(receipt_check.TABLE[x]) == full
        assert {receipt_check.TABLE[y][x] for y in range(36)} == full


def test_quasigroup_is_totally_anti_symmetric_exhaustively():
    """(c*x)*y == (c*y)*x only when x == y, for all 36³ triples."""
    t = receipt_check.TABLE
    for c in range(36):
        row = t[c]
        for x in range(36):
            cx = t[row[x]]
            for y in range(x + 1, 36):
                assert cx[y] != t[row[y]][x], (c, x, y)


def test_check_solves_every_interim():
    for interim in range(36):
        c = receipt_check.solve_check(interim)
        assert receipt_check.TABLE[interim][c] == 0
        # and it is the only solution (Latin square)
        assert [v for v in range(36) if receipt_check.TABLE[interim][v] == 0] == [c]


# ------------------------------------------------------------------ examples


def test_known_example():
    assert check_character("B07A-261126-0012") == "J"
    assert check_character("b07a2611260012") == "J"
    assert format_receipt_no("B07A", dt.date(2026, 11, 26), 12) == EXAMPLE
    assert is_check_valid(EXAMPLE)
    assert parse_receipt_no(EXAMPLE) == ReceiptNo("B07A", dt.date(2026, 11, 26), 12)


def test_receipt_no_value_object():
    r = ReceiptNo("b07a", dt.date(2026, 11, 26), 12)
    assert r.device == "B07A"
    assert r.text == EXAMPLE == str(r)
    assert r.payload == "B07A-261126-0012"
    assert r.check == "J"
    assert r == ReceiptNo("B07A", dt.date(2026, 11, 26), 12)
    assert hash(r) == hash(ReceiptNo("B07A", dt.date(2026, 11, 26), 12))
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.seq = 13  # type: ignore[misc]


@pytest.mark.parametrize(
    "typed",
    [
        EXAMPLE,
        "  b07a-261126-0012-j \n",
        "B07A 261126 0012 J",
        "B07A - 261126 - 0012 - J",
        "B07A\u2013261126\u20130012\u2212J",
        "B07A\u2010261126\u20100012\u2010J",
        "Ｂ０７Ａ－２６１１２６－００１２－Ｊ",
        "B07A2611260012J",
        "b07a2611260012j",
    ],
)
def test_parse_is_tolerant(typed):
    assert parse_receipt_no(typed).text == EXAMPLE


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "   ",
        "B07A-261126-0012",  # no check character
        "B07A-261126-0012-JJ",
        "B-261126-0012-J",  # device too short
        "ABCDEFG-261126-0012-J",  # device too long
        "B07A-2611260-012-J",  # hyphen in the wrong place
        "B07-A261126-0012-J",
        "B07A2611260012-J",  # separators must be all or none
        "B07A-26112-60012-J",
        "B07A-261126-012-J",
        "B07A-261126-00012-J",
        "B07A_261126_0012_J",
        "B07A-2611a6-0012-J",
        "B07A-261126-0012-*",
        "B0ㄱA-261126-0012-J",
        "B07A-261126-0012-J extra",
    ],
)
def test_malformed_is_receipt_format(bad):
    with pytest.raises(ValidationError) as err:
        parse_receipt_no(bad)
    assert err.value.code == "receipt_format"
    assert err.value.field == "receipt_no"


def test_non_text_is_receipt_format():
    with pytest.raises(ValidationError) as err:
        parse_receipt_no(12345, field="search.query")
    assert err.value.code == "receipt_format"
    assert err.value.field == "search.query"


def _with_check(payload: str) -> str:
    return f"{payload}-{check_character(payload)}"


@pytest.mark.parametrize(
    "payload", ["B07A-261131-0012", "B07A-260230-0001", "B07A-261326-0001", "B07A-261100-0001"]
)
def test_impossible_date_is_receipt_format(payload):
    with pytest.raises(ValidationError) as err:
        parse_receipt_no(_with_check(payload))
    assert err.value.code == "receipt_format"


def test_sequence_zero_is_receipt_format():
    with pytest.raises(ValidationError) as err:
        parse_receipt_no(_with_check("B07A-261126-0000"))
    assert err.value.code == "receipt_format"


def test_wrong_check_is_receipt_check():
    with pytest.raises(ValidationError) as err:
        parse_receipt_no("B07A-261126-0012-K", field="query")
    assert err.value.code == "receipt_check"
    assert str(err.value) == "query: check character does not match: mistyped?"


def test_leap_day_parses():
    number = format_receipt_no("ZZ", dt.date(2028, 2, 29), 9999)
    assert parse_receipt_no(number).day == dt.date(2028, 2, 29)


@pytest.mark.parametrize("seq", [0, -1, 10000])
def test_format_rejects_sequence_out_of_range(seq):
    with pytest.raises(ValidationError) as err:
        format_receipt_no("B07A", dt.date(2026, 11, 26), seq)
    assert err.value.code == "receipt_seq"


def test_format_rejects_year_yymmdd_cannot_hold():
    with pytest.raises(ValidationError) as err:
        format_receipt_no("B07A", dt.date(2100, 1, 1), 1)
    assert err.value.code == "receipt_date"


def test_format_refuses_datetime_and_bool():
    with pytest.raises(TypeError):
        format_receipt_no("B07A", dt.datetime(2026, 11, 26, 8, 0), 1)
    with pytest.raises(TypeError):
        format_receipt_no("B07A", dt.date(2026, 11, 26), True)


@pytest.mark.parametrize(
    "code,expected", [("b07a", "B07A"), (" AB ", "AB"), ("123456", "123456"), ("Z9", "Z9")]
)
def test_validate_device_code_ok(code, expected):
    assert validate_device_code(code) == expected


@pytest.mark.parametrize(
    "code", ["A", "ABCDEFG", "B0-7", "B07 A", "", "Ｂ07A", "B07Ä", "가나", None, 42, "A\nB"]
)
def test_validate_device_code_rejects(code):
    with pytest.raises(ValidationError) as err:
        validate_device_code(code)
    assert err.value.code == "device_code"
    assert err.value.field == "device"


@pytest.mark.parametrize(
    ("device", "training", "refused"),
    [("B07A", False, None), (TRAINING_DEVICE, True, None),
     (f"{TRAINING_DEVICE}1", True, None), (TRAINING_DEVICE, False, "device_reserved"),
     (f"{TRAINING_DEVICE}9", False, "device_reserved"), ("B07A", True, "device_training")],
)
def test_training_codes_are_for_training_stores_only(device, training, refused):
    """The store applies this rule at creation (``Store.create``) without knowing training."""
    if refused is None:
        assert check_device(device, training=training) == device
    else:
        with pytest.raises(ValidationError) as err:
            check_device(device, training=training)
        assert (err.value.code, err.value.field) == (refused, "device")


def test_check_character_rejects_foreign_characters():
    with pytest.raises(ValidationError) as err:
        check_character("B07A-2611*6-0012")
    assert err.value.code == "receipt_format"


@pytest.mark.parametrize("text", ["", "-", "B07A-261126-0012-*", "가"])
def test_is_check_valid_false_for_junk(text):
    assert not is_check_valid(text)


# ------------------------------------------------------------------ error detection


def _substitutions(number: str):
    """Every string differing from ``number`` in exactly one non-hyphen character."""
    for i, ch in enumerate(number):
        if ch == "-":
            continue
        for other in ALPHABET:
            if other != ch:
                yield number[:i] + other + number[i + 1 :]


def _transpositions(number: str):
    """Every swap of two different neighbouring characters, hyphens skipped over."""
    positions = [i for i, ch in enumerate(number) if ch != "-"]
    for a, b in zip(positions, positions[1:]):
        if number[a] != number[b]:
            chars = list(number)
            chars[a], chars[b] = chars[b], chars[a]
            yield "".join(chars)


def _assert_all_rejected(number: str) -> int:
    seen = 0
    for mutated in itertools.chain(_substitutions(number), _transpositions(number)):
        assert not is_check_valid(mutated), mutated
        with pytest.raises(ValidationError) as err:
            parse_receipt_no(mutated)
        assert err.value.code in ("receipt_format", "receipt_check"), mutated
        seen += 1
    return seen


def test_every_error_in_the_example_is_caught():
    # 15 characters × 35 substitutions, plus 14 neighbour pairs (including "A|2", "6|0"
    # and "2|J" across hyphens) less the two equal pairs "11" and "00".
    assert _assert_all_rejected(EXAMPLE) == 15 * 35 + 14 - 2


def test_swap_across_hyphen_and_with_check_character():
    assert parse_receipt_no(EXAMPLE)
    for swapped in ["B072-A61126-0012-J".replace("-", ""), "B07A2611260021J", "B07A261126001J2"]:
        assert not is_check_valid(swapped)


devices = st.text(alphabet=ALPHABET, min_size=2, max_size=6)
days = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))
seqs = st.integers(min_value=1, max_value=9999)


@FAST
@given(devices, days, seqs)
def test_round_trip(device, day, seq):
    text = format_receipt_no(device, day, seq)
    assert is_check_valid(text)
    parsed = parse_receipt_no(text)
    assert (parsed.device, parsed.day, parsed.seq) == (device, day, seq)
    assert parsed.text == text
    assert parse_receipt_no(f"  {text.lower()} ") == parsed
    assert parse_receipt_no(text.replace("-", "")) == parsed


@settings(max_examples=100, database=None, deadline=None)
@given(devices, days, seqs)
def test_every_single_substitution_and_adjacent_swap_is_rejected(device, day, seq):
    _assert_all_rejected(format_receipt_no(device, day, seq))


@FAST
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=20))
def test_check_detects_all_single_errors_for_any_payload(payload):
    """The guarantee is about the algorithm, not the receipt shape: any length works."""
    number = payload + check_character(payload)
    assert is_check_valid(number)
    for mutated in itertools.chain(_substitutions(number), _transpositions(number)):
        assert not is_check_valid(mutated)


@FAST
@given(devices, days, seqs, st.sampled_from(ALPHABET))
def test_only_the_right_check_character_parses(device, day, seq, check):
    payload = ReceiptNo(device, day, seq).payload
    candidate = f"{payload}-{check}"
    if check == check_character(payload):
        assert parse_receipt_no(candidate).payload == payload
    else:
        with pytest.raises(ValidationError) as err:
            parse_receipt_no(candidate)
        assert err.value.code == "receipt_check"

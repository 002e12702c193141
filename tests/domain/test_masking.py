"""Masking for receipts and screens (DESIGN §4: 김*수, 010-****-5678)."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldbus.domain.masking import mask_address, mask_email, mask_name, mask_phone

FAST = settings(max_examples=200, database=None, deadline=None)


# ------------------------------------------------------------------ names


@pytest.mark.parametrize(
    "name,masked",
    [
        ("김영수", "김*수"),
        ("김수", "김*"),
        ("남궁민수", "남**수"),
        ("선우용녀", "선**녀"),
        ("김", "*"),
        ("J", "*"),
        (None, ""),
        ("", ""),
        ("   ", ""),
        (" 김영수 ", "김*수"),
        ("김 영수", "김 *수"),
        ("김  영수", "김 *수"),  # runs of spaces collapse
        ("응우옌 반 안", "응** * 안"),
        ("金英洙", "金*洙"),
        ("John Smith", "J*** S****"),
        ("Madonna", "M******"),
        ("John F Smith", "J*** F S****"),
        ("Jean-Pierre Dupont", "J***-P***** D*****"),
        ("José", "J***"),
        ("Jose\u0301", "J***"),  # decomposed: NFC makes it 4 characters
        ("Nguyễn Văn An", "N***** V** A*"),
        ("Ab", "A*"),
    ],
)
def test_mask_name(name, masked):
    assert mask_name(name) == masked


def test_mask_name_decomposed_hangul_masks_like_composed():
    assert mask_name(unicodedata.normalize("NFD", "김영수")) == "김*수"


def test_mask_name_keeps_combining_marks_with_their_letter():
    # U+0301 after "x" has no precomposed form: it stays one character with the "x".
    assert mask_name("Ax\u0301e") == "A**"


@FAST
@given(st.text(alphabet="가나다라마바사아자차카타파하김이박최정", min_size=3, max_size=6))
def test_korean_names_keep_only_first_and_last(name):
    masked = mask_name(name)
    assert len(masked) == len(name)
    assert masked[0] == name[0] and masked[-1] == name[-1]
    assert set(masked[1:-1]) == {"*"}


# ------------------------------------------------------------------ phones


@pytest.mark.parametrize(
    "phone,masked",
    [
        ("010-2345-6789", "010-****-6789"),
        ("010-1234-5678", "010-****-5678"),
        ("054-123-4567", "054-***-4567"),
        ("02-123-4567", "02-***-4567"),
        ("02-1234-5678", "02-****-5678"),
        ("070-1234-5678", "070-****-5678"),
        ("1588-1234", "****-1234"),
        # not yet normalised: normalised first
        ("01023456789", "010-****-6789"),
        ("+82 10 2345 6789", "010-****-6789"),
        ("0541234567", "054-***-4567"),
        ("15881234", "****-1234"),
        # unknown shapes keep only the last four digits
        ("12345", "*2345"),
        ("1234", "****"),
        ("+1 650 253 0000", "+* *** *** 0000"),
        ("010-2345-6789 ext 12", "***-****-**89 *** 12"),
        ("abc", "***"),
        (None, ""),
        ("", ""),
        ("  ", ""),
    ],
)
def test_mask_phone(phone, masked):
    assert mask_phone(phone) == masked


@FAST
@given(st.text(max_size=30))
def test_mask_phone_never_shows_more_than_prefix_and_last_four(phone):
    masked = mask_phone(phone)
    digits = re.findall(r"\d", masked)
    m = re.fullmatch(r"(\d{2,4})-\*{3,4}-(\d{4})", masked)
    if m:
        assert len(digits) <= 8
    else:
        assert len(digits) <= 4


# ------------------------------------------------------------------ e-mail


@pytest.mark.parametrize(
    "email,masked",
    [
        ("minho.lee@example.com", "m********@example.com"),
        ("ab@naver.com", "a*@naver.com"),
        ("a@naver.com", "*@naver.com"),
        ("  Kim@Daum.net ", "K**@Daum.net"),
        ('"odd@local"@example.com', '"**********@example.com'),
        ("no-at-sign", "n*********"),
        ("@example.com", "@example.com"),
        ("김영수@example.kr", "김**@example.kr"),
        (None, ""),
        ("", ""),
    ],
)
def test_mask_email(email, masked):
    assert mask_email(email) == masked


# ------------------------------------------------------------------ addresses


@pytest.mark.parametrize(
    "address,masked",
    [
        ("경상북도 구미시 선산읍 단계동길 12", "경상북도 구미시 선산읍 ***"),
        ("서울특별시 종로구 세종대로 209", "서울특별시 종로구 ***"),
        ("서울특별시 강남구 역삼동 123-4", "서울특별시 강남구 역삼동 ***"),
        ("서울특별시 종로구 종로1가 1", "서울특별시 종로구 종로1가 ***"),
        ("경상북도 의성군 단촌면 하화리 123", "경상북도 의성군 단촌면 ***"),
        ("경기도 수원시 팔달구 인계동 1111", "경기도 수원시 팔달구 인계동 ***"),
        ("경기도 수원시 팔달구 효원로 1", "경기도 수원시 팔달구 ***"),
        ("경기도 광주시 오포읍 신현로 1", "경기도 광주시 오포읍 ***"),
        ("부산광역시 해운대구 우동 1", "부산광역시 해운대구 우동 ***"),
        ("경북 구미시 송정대로 55", "경북 구미시 ***"),
        ("서울 종로구 세종대로 209", "서울 종로구 ***"),
        ("서울시 종로구 세종대로 209", "서울시 종로구 ***"),
        ("강원특별자치도 춘천시 중앙로 1", "강원특별자치도 춘천시 ***"),
        ("제주특별자치도 서귀포시 대정읍 1", "제주특별자치도 서귀포시 대정읍 ***"),
        ("세종특별자치시 한누리대로 2130", "세종특별자치시 ***"),
        ("세종특별자치시 조치원읍 군청로 1", "세종특별자치시 조치원읍 ***"),
        ("구미시 선산읍 단계동길 12", "구미시 선산읍 ***"),  # no 시·도
        ("(39100) 경상북도 구미시 선산읍 단계동길 12", "경상북도 구미시 선산읍 ***"),
        ("39100 경상북도 구미시 선산읍 단계동길 12", "경상북도 구미시 선산읍 ***"),
        # building numbers and unit details never pass for a 동
        ("서울특별시 강남구 101동 202호", "서울특별시 강남구 ***"),
        ("서울특별시 강남구 테헤란로 123, 101동 202호 (역삼동)", "서울특별시 강남구 ***"),
        # nothing after the administrative part: nothing to hide
        ("경상북도 구미시", "경상북도 구미시"),
        ("경상북도 구미시 선산읍", "경상북도 구미시 선산읍"),
        # decomposed Hangul from a Mac
        (unicodedata.normalize("NFD", "서울특별시 종로구 세종대로 209"), "서울특별시 종로구 ***"),
        # unrecognised shapes are hidden entirely
        ("경상북도", "***"),
        ("단계동길 12", "***"),
        ("경상북도구미시선산읍단계동길12", "***"),
        ("123 Main Street, Springfield", "***"),
        (None, ""),
        ("", ""),
        ("   ", ""),
    ],
)
def test_mask_address(address, masked):
    assert mask_address(address) == masked


@FAST
@given(st.text(alphabet=st.sampled_from(list("가나다동로길읍면구군시도 0123456789-,()")), max_size=40))
def test_mask_address_never_shows_digits_or_road_names(address):
    masked = mask_address(address)
    # Only administrative tokens survive: no house numbers, no road names.
    for token in masked.split():
        if token == "***":
            continue
        assert not token.endswith(("로", "길"))
        assert not token[0].isdigit()

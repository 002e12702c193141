"""Masking personal data for receipts, lists and the public QR page.

The receipt (접수증) shows the petitioner's name and contact *masked* (DESIGN §4: 김*수,
010-****-5678), and the laptop keeps only the masked name once a case has been handed
over and its retention period has passed. Masking keeps just enough for the citizen and
the officer to recognise the record ("yes, that is my number ending in 5678") while
revealing as little as possible to anyone else who sees the paper or the screen.

All functions accept ``None`` or ``""`` and return ``""``, so a template can call them on
optional fields without checks. Input is NFC-normalised first so that decomposed Hangul
(from macOS or pasted PDFs) masks the same as typed Hangul. The functions never raise on
odd input: when a value has an unexpected shape they fall back to masking *more*, never
less.
"""

from __future__ import annotations

import re
import unicodedata

from fieldbus.domain.errors import ValidationError
from fieldbus.domain.phones import normalize_phone

__all__ = ["mask_name", "mask_phone", "mask_email", "mask_address"]

_STAR = "*"


# --------------------------------------------------------------------------- names


def _graphemes(text: str) -> list[str]:
    """Split ``text`` into user-perceived characters, approximately.

    Good enough for names: a base character plus following combining marks, variation
    selectors, Hangul jamo that did not compose under NFC (old Hangul), and emoji joined
    with ZWJ form one unit, so "José" written with a combining accent masks as 4
    characters, not 5. Full UAX #29 segmentation would need a dependency for no gain here.
    """
    clusters: list[str] = []
    joiner = False
    for ch in text:
        cat = unicodedata.category(ch)
        attach = (
            clusters
            and (
                joiner
                or cat in ("Mn", "Mc", "Me")
                or ch == "\u200d"
                or "\ufe00" <= ch <= "\ufe0f"
                or "\u1160" <= ch <= "\u11ff"  # medial vowel / final consonant jamo
                or "\ud7b0" <= ch <= "\ud7ff"  # Hangul Jamo Extended-B
            )
        )
        if attach:
            clusters[-1] += ch
        else:
            clusters.append(ch)
        joiner = ch == "\u200d"
    return clusters


def _is_cjk(ch: str) -> bool:
    """Hangul or Han: names written without spaces between given and family name."""
    cp = ord(ch[0])
    return (
        0xAC00 <= cp <= 0xD7A3  # Hangul syllables
        or 0x1100 <= cp <= 0x11FF  # Hangul jamo
        or 0x3130 <= cp <= 0x318F  # compatibility jamo
        or 0x4E00 <= cp <= 0x9FFF  # CJK unified ideographs
        or 0x3400 <= cp <= 0x4DBF
        or 0xF900 <= cp <= 0xFAFF
    )


def mask_name(name: str | None) -> str:
    """Mask a person's name: 김영수→김*수, 김수→김*, 남궁민수→남**수, "John Smith"→"J*** S****".

    Korean (and Chinese-character) names keep the first and the last character and mask
    the middle — the usual Korean practice, which also handles two-character family names
    (남궁민수→남**수) without having to know them. Spaces are kept where they were, so a
    name written with a space ("김 영수" → "김 *수") keeps its shape, and a two-character
    name shows only the family name (김수→김*). Names in Latin or other scripts keep the
    first letter of each word (words are separated by spaces or hyphens), because the
    last letter of a short Latin word gives away much more than a Hangul syllable does.
    A single character, whatever the script, becomes "*".
    """
    if not name:
        return ""
    text = " ".join(unicodedata.normalize("NFC", name).split())
    chars = _graphemes(text)
    if not chars:
        return ""
    if len(chars) == 1:
        return _STAR

    if any(_is_cjk(c) for c in chars):
        visible = [i for i, c in enumerate(chars) if not c.isspace()]
        keep = {visible[0]}
        if len(visible) >= 3:
            keep.add(visible[-1])
        return "".join(
            c if (i in keep or c.isspace()) else _STAR for i, c in enumerate(chars)
        )

    out: list[str] = []
    start_of_word = True
    for c in chars:
        if c.isspace() or c == "-":
            out.append(c)
            start_of_word = True
        elif start_of_word:
            out.append(c)
            start_of_word = False
        else:
            out.append(_STAR)
    return "".join(out)


# --------------------------------------------------------------------------- phones

_GROUPED = re.compile(r"(\d{2,4})-(\d{3,4})-(\d{4})")
_TWO_GROUPS = re.compile(r"(\d{4})-(\d{4})")
_SEPARATORS = frozenset(" -+().")


def mask_phone(phone: str | None) -> str:
    """Mask a phone number, keeping the area/mobile prefix and the last four digits.

    010-2345-6789→010-****-6789, 054-123-4567→054-***-4567, 02-123-4567→02-***-4567;
    representative numbers 1588-1234→****-1234 (the prefix would identify the company,
    and the whole number is short). Input that is not in the stored hyphenated form is
    first normalised with :func:`fieldbus.domain.phones.normalize_phone`. Anything else
    keeps only its last four digits and the separators; every other character becomes
    "*", so an unknown shape can never leak more than the known ones do.
    """
    if not phone:
        return ""
    text = unicodedata.normalize("NFC", phone).strip()
    if not text:
        return ""
    shaped = _mask_grouped(text)
    if shaped is not None:
        return shaped
    try:
        shaped = _mask_grouped(normalize_phone(text, field="phone"))
    except ValidationError:
        shaped = None
    if shaped is not None:
        return shaped
    return _mask_keep_last_four(text)


def _mask_grouped(text: str) -> str | None:
    if m := _GROUPED.fullmatch(text):
        return f"{m[1]}-{_STAR * len(m[2])}-{m[3]}"
    if m := _TWO_GROUPS.fullmatch(text):
        return f"{_STAR * len(m[1])}-{m[2]}"
    return None


def _mask_keep_last_four(text: str) -> str:
    digit_positions = [i for i, c in enumerate(text) if c.isdigit()]
    keep = set(digit_positions[-4:]) if len(digit_positions) > 4 else set()
    return "".join(
        c if (i in keep or c in _SEPARATORS) else _STAR for i, c in enumerate(text)
    )


# --------------------------------------------------------------------------- e-mail


def mask_email(email: str | None) -> str:
    """Mask the local part but its first character: minho.lee@example.com → m********@example.com.

    The domain stays visible: it is rarely identifying on its own (naver.com, gmail.com)
    and tells the citizen which address we have. A one-character local part becomes "*".
    Text without "@" is masked as if it were all local part.
    """
    if not email:
        return ""
    text = unicodedata.normalize("NFC", email).strip()
    if not text:
        return ""
    local, at, domain = text.rpartition("@")
    if not at:
        local, domain = text, ""
    chars = _graphemes(local)
    if len(chars) <= 1:
        masked = _STAR * len(chars)
    else:
        masked = chars[0] + _STAR * (len(chars) - 1)
    return f"{masked}{at}{domain}"


# --------------------------------------------------------------------------- addresses

# First-level divisions (시·도), written out or abbreviated as people commonly do.
_PROVINCE_SHORT = (
    "서울|부산|대구|인천|광주|대전|울산|세종|경기|강원|충북|충남|전북|전남|경북|경남|제주"
)
_PROVINCE = re.compile(
    rf"(?:{_PROVINCE_SHORT})(?:시)?|[가-힣]+(?:특별시|광역시|특별자치시|특별자치도|도)"
)
# Second level (시·군·구), e.g. 구미시, 의성군, 종로구; a 시 may be followed by its 구
# (수원시 팔달구). Road names end in 로/길 and never match.
_DISTRICT = re.compile(r"[가-힣]+(?:시|군|구)")
# Third level (읍·면·동, and 가 as in 종로1가): must start with Hangul, so apartment
# building numbers like "101동" are never taken for a neighbourhood.
_NEIGHBOURHOOD = re.compile(r"[가-힣][가-힣0-9·.]*(?:읍|면|동|가)")
_POSTCODE = re.compile(r"[(\[]?\d{5}[)\]]?")
_REST = "***"


def mask_address(address: str | None) -> str:
    """Keep the administrative area of an address and hide the rest.

    "경상북도 구미시 선산읍 단계동길 12" → "경상북도 구미시 선산읍 ***";
    "서울특별시 종로구 세종대로 209" → "서울특별시 종로구 ***".

    Kept, in order and only while they appear: the 시·도 (optional), the 시·군·구 (a 시
    followed by its 구, as in "수원시 팔달구", is kept whole), and one 읍·면·동 right after
    it. Everything from the first other token on (road name, building number, 리, unit,
    a "(역삼동)" reference) becomes "***". A leading five-digit postcode is dropped: it
    locates a few hundred households, finer than a 동. 세종특별자치시 has no 시·군·구, so
    there the 시 itself plays that part. If no 시·군·구 is recognised the whole address is
    "***": an address we cannot parse is masked completely rather than shown.
    """
    if not address:
        return ""
    tokens = unicodedata.normalize("NFC", address).split()
    if tokens and _POSTCODE.fullmatch(tokens[0]):
        tokens = tokens[1:]
    if not tokens:
        return ""

    kept: list[str] = []
    i = 0
    if _PROVINCE.fullmatch(tokens[0]):
        kept.append(tokens[0])
        i = 1
    districts = 0
    while i < len(tokens) and districts < 2 and _DISTRICT.fullmatch(tokens[i]):
        kept.append(tokens[i])
        i += 1
        districts += 1
        if not tokens[i - 1].endswith("시"):
            break  # only a 시 can contain a further 구
    is_sejong = bool(kept) and kept[0].startswith("세종")
    if (districts or is_sejong) and i < len(tokens) and _NEIGHBOURHOOD.fullmatch(tokens[i]):
        kept.append(tokens[i])
        i += 1
    if not districts and not is_sejong:
        return _REST
    if i == len(tokens):
        return " ".join(kept)
    return " ".join([*kept, _REST])

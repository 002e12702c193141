"""Finding and masking resident registration numbers in free text — on the laptop and the hub.

Fieldbus must never store a resident registration number (주민등록번호) or a foreigner
registration number (외국인등록번호, same shape): 개인정보 보호법 제24조의2 forbids processing
them without a specific legal basis, and a complaint has none. Citizens nevertheless
write them into complaint bodies ("제 주민번호는 900101-1234567 입니다"), so every text
that is kept passes through :func:`mask_rrns` first. The laptop (``fieldbus.domain.rrn``
re-exports this module) and the hub (which masks what a device pushes) must find the
same numbers, so there is one implementation, here: ``sync`` is the package both sides
import, and it uses the standard library only.

**Detected on a normalised copy, masked in the original.** A number is looked for in a
copy of each run of digit-like characters where

* every character is NFKC-normalised and every Unicode decimal digit (full-width ９,
  Arabic-Indic ٩, Devanagari ९, …, and compatibility digits such as ⁹ or ⑨) becomes its
  ASCII digit,
* invisible characters are dropped: default-ignorable code points (zero-width space and
  joiners, soft hyphen, word joiner, BOM, bidi controls, Hangul fillers, variation
  selectors) and combining marks — a ``9`` with a zero-width space or an accent beside it
  still reads as ``9``,
* every separator someone types between the two halves becomes one ``-``: white space of
  any kind (U+3000 from a Korean IME, NBSP, tab, newline), ``.``, ``/``, ``_``, ``~``,
  ``:``, middle dots, the Hangul vowel ㅡ typed as a dash, and every dash-like character
  (U+2010–2015, − U+2212, ﹣, －, ー, ─, 〜 …), in half- and full-width forms.

A position map leads from the copy back to the original, where the back digits are
replaced by ``*``; the front half, the separators and everything else stay as written,
so ``９００１０１　１２３４５６７`` becomes ``９００１０１　１******``.

What counts as a number: 13 digits ``YYMMDD`` + ``G`` + six more, where

* ``YYMMDD`` is a plausible date (month 01–12, day 01–31; February 30 is still masked —
  when in doubt, mask),
* ``G`` (the digit that encodes sex and century, 1–4 citizens, 5–8 foreigners) is 1–8,
* the halves are written together or with up to three separators between them
  (``900101-1234567``, ``900101 - 1234567``, ``900101  1234567``),
* and the 13 digits are not part of a longer run of digits (so long account or tracking
  numbers are left alone).

No checksum is required: numbers issued since October 2020 no longer carry a valid
check digit, and a mistyped number is still personal data.

Phone numbers (010-2345-6789, 02-123-4567, 0212345678), dates, amounts such as
1,234,567, postcodes and receipt numbers (B07A-261126-0012-J) cannot match: none has a
6-digit group followed by a 7-digit group. Masking keeps the front half and ``G`` and
replaces the last six digits with ``*``: ``900101-1234567`` → ``900101-1******``, so the
text still reads naturally and an officer can see what was there without the number
being recoverable.

Most text holds no number, and every field of every saved case passes through here: a
quick scan in C (the NFKC of the whole text against the same shape) answers "none"
before any copy is made, so saving and import keep their speed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

__all__ = ["contains_rrn", "mask_rrns"]

#: Characters typed between the halves (see the module docstring); white space of every
#: kind is added by ``\s`` below.
SEPARATORS = frozenset(
    "-./_~:"
    "\u00b7\u02d7\u2010\u2011\u2012\u2013\u2014\u2015\u2024\u2025\u2026\u2027\u2043\u2053"
    "\u2212\u2219\u223c\u2500\u2501\u2574\u2576\u2578\u257a\u2796\u2e3a\u2e3b"
    "\u3002\u301c\u3030\u30fb\u30fc"  # 。〜〰・ー
    "\u1173\u3161\uffda"  # ㅡ: the jamo, its compatibility and its half-width form
    "\ufe52\ufe55\ufe58\ufe63\uff0d\uff0e\uff0f\uff1a\uff3f\uff5e\uff65"  # small / full-width forms
)

#: Default_Ignorable_Code_Point (Unicode DerivedCoreProperties) and the combining mark
#: blocks: characters that show as nothing, or only as a mark on the digit before them.
_IGNORABLE_BMP = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
    "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
)
_IGNORABLE_RANGES = (_IGNORABLE_BMP
                     + "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff")
_IGNORABLE = re.compile(f"[{_IGNORABLE_RANGES}]")

#: Characters that are not decimal digits (``\d``) but whose NFKC form contains one:
#: super- and subscripts, circled, parenthesised and full-stop numbers, telegraph
#: symbols, fractions, squared units (㎡). (tests/domain/test_rrn.py checks this list
#: against the running Python's Unicode tables.)
_COMPAT_DIGITS = (
    "\u00b2\u00b3\u00b9\u00bc-\u00be\u2070\u2074-\u2079\u2080-\u2089\u2150-\u215f\u2189"
    "\u2460-\u249b\u24ea-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf\u32c0-\u32cb"
    "\u3358-\u3370\u3378\u3379\u339f-\u33a6\u33a8\u33af\u33e0-\u33fe\U0001f100-\U0001f10a"
)

_SEPARATOR_CLASS = re.escape("".join(sorted(SEPARATORS)))
#: A run that may hold a number: starts and ends with a digit-like character, holds
#: nothing but those, separators and invisible characters, and is at least 13 long.
_CANDIDATE = re.compile(
    rf"[\d{_COMPAT_DIGITS}][\d{_COMPAT_DIGITS}{_SEPARATOR_CLASS}\s{_IGNORABLE_RANGES}]{{11,}}"
    rf"[\d{_COMPAT_DIGITS}]"
)


def _expand(body: str) -> Iterator[int]:
    """Every code point of a character-class body such as ``"\u00ad\u200b-\u200f"``."""
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            yield from range(ord(body[i]), ord(body[i + 2]) + 1)
            i += 3
        else:
            yield ord(body[i])
            i += 1


#: ``str.translate`` table dropping the invisible characters.
_DROP_INVISIBLE = dict.fromkeys(_expand(_IGNORABLE_RANGES))
#: The shape of a number in the text after NFKC (compatibility digits are digits then)
#: with invisible characters dropped, boundaries and dates left aside: one quick scan,
#: done in C, that answers "no number here" for most texts.
_QUICK_SHAPE = re.compile(rf"\d{{6}}[{_SEPARATOR_CLASS}\s]{{0,3}}\d{{7}}")
_INVISIBLE_BMP = re.compile(f"[{_IGNORABLE_BMP}]")  # a bitmap: quicker than the whole set
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _may_hold_one(text: str) -> bool:
    """False when ``text`` certainly holds no number: whatever :func:`_normalised` reads
    as a digit or a separator is one here too."""
    if text.isascii():  # field names, codes, receipt numbers: nothing to normalise
        return len(text) >= 13 and _QUICK_SHAPE.search(text) is not None
    quick = unicodedata.normalize("NFKC", text)
    if _INVISIBLE_BMP.search(quick) or (_ASTRAL.search(quick) and _IGNORABLE.search(quick)):
        quick = quick.translate(_DROP_INVISIBLE)  # rare: only texts with invisible characters
    return _QUICK_SHAPE.search(quick) is not None


#: The number in the normalised copy (ASCII digits, separators folded to "-").
_RRN = re.compile(
    r"""
    (?<![0-9])
    [0-9]{2}                                 # YY
    (?:0[1-9]|1[0-2])                        # MM 01-12
    (?:0[1-9]|[12][0-9]|3[01])               # DD 01-31
    -{0,3}                                   # up to three separators
    [1-8]                                    # sex/century digit
    (?P<back>[0-9]{6})                       # the six digits we hide
    (?![0-9])
    """,
    re.VERBOSE | re.ASCII,
)


def _fold_char(ch: str) -> str:
    """The normalised form of one character: "" (invisible), "-", a digit, or another
    character (which breaks a number)."""
    out = []
    for part in (ch if ch.isascii() or ch in SEPARATORS
                 else unicodedata.normalize("NFKC", ch)):
        if part in SEPARATORS or part.isspace():
            out.append("-")
        elif part.isdecimal():
            out.append(chr(0x30 + unicodedata.decimal(part)))
        elif not _IGNORABLE.match(part):
            out.append(part if part.isascii() else "\x00")
    return "".join(out)


class _FoldTable(dict):
    """``str.translate`` table of :func:`_fold_char`, filled as characters are met (every
    decimal digit of Unicode is too many to list; the few a text uses are quick to fold)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD = _FoldTable()
#: Characters that fold to nothing or to more than one character: where they occur, the
#: copy's positions are no longer the original's, and a position map is built.
_UNEVEN = re.compile(f"[{_IGNORABLE_RANGES}{_COMPAT_DIGITS}]")


def _normalised(run: str) -> tuple[str, list[int] | None]:
    """The normalised copy of ``run`` and, for each of its characters, the index in
    ``run`` of the character it came from (None: the same index)."""
    if _UNEVEN.search(run) is None:  # the common case: one character for one, in C
        return run.translate(_FOLD), None
    chars: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(run):
        folded = _FOLD[ord(ch)]
        chars.append(folded)
        origin.extend([index] * len(folded))
    return "".join(chars), origin


def _mask_run(run: str) -> tuple[str, int]:
    copy, origin = _normalised(run)
    hidden: set[int] = set()
    count = 0
    for match in _RRN.finditer(copy):
        count += 1
        back = range(match.start("back"), match.end("back"))
        hidden.update(back if origin is None else (origin[i] for i in back))
    if not count:
        return run, 0
    return "".join("*" if i in hidden else ch for i, ch in enumerate(run)), count


def mask_rrns(text: str) -> tuple[str, int]:
    """Return ``text`` with every registration number masked, and how many were masked.

    The count lets the caller warn the officer ("a resident registration number was
    removed") and record it in the audit log without keeping the number itself.
    Text without a registration number is returned unchanged (the same string).
    Only digits are ever replaced, each by one ``*``, so the length stays the same.
    """
    if not _may_hold_one(text):
        return text, 0
    total = 0
    # Masking only turns digits into "*", which can never make a new number, but scan
    # again until nothing is found: "no number survives" should not rest on that argument.
    while True:
        text, count = _mask_once(text)
        if count == 0:
            return text, total
        total += count


def _mask_once(text: str) -> tuple[str, int]:
    total, end = 0, 0
    pieces: list[str] = []
    for candidate in _CANDIDATE.finditer(text):
        masked, count = _mask_run(candidate.group())
        if count:
            pieces += [text[end:candidate.start()], masked]
            end = candidate.end()
            total += count
    if not total:
        return text, 0
    pieces.append(text[end:])
    return "".join(pieces), total


def contains_rrn(text: str) -> bool:
    """True if ``text`` contains something shaped like a registration number."""
    return _may_hold_one(text) and any(_RRN.search(_normalised(candidate.group())[0])
                                       for candidate in _CANDIDATE.finditer(text))

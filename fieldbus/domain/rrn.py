"""Finding and masking resident registration numbers in free text.

Fieldbus must never store a resident registration number (주민등록번호) or a foreigner
registration number (외국인등록번호, same shape): 개인정보 보호법 제24조의2 forbids processing
them without a specific legal basis, and a complaint has none. Citizens nevertheless
write them into complaint bodies ("제 주민번호는 900101-1234567 입니다"), so free text is
passed through :func:`mask_rrns` before it is stored, and the form warns the officer when
:func:`contains_rrn` is true.

What counts as a number: 13 digits ``YYMMDD`` + ``G`` + six more, where

* ``YYMMDD`` is a plausible date (month 01–12, day 01–31; February 30 is still masked —
  when in doubt, mask),
* ``G`` (the digit that encodes sex and century, 1–4 citizens, 5–8 foreigners) is 1–8,
* the two halves are written together, or separated by a hyphen-like character
  (ASCII ``-``, ‐ U+2010, ‑ U+2011, ‒ U+2012, – U+2013, — U+2014, − U+2212, ﹣ U+FE63,
  － U+FF0D) optionally with a space either side, or by one space,
* the digits may be ASCII or full-width (０–９), as a Korean IME in full-width mode types,
* and the 13 digits are not part of a longer run of digits (so long account or tracking
  numbers are left alone).

No checksum is required: numbers issued since October 2020 no longer carry a valid
check digit, and a mistyped number is still personal data.

Phone numbers (010-2345-6789, 02-123-4567, 0212345678), dates, amounts such as
1,234,567 and postcodes cannot match: none has a 6-digit group followed by a 7-digit
group. Masking keeps the front half and ``G`` and replaces the last six digits with
``*``: ``900101-1234567`` → ``900101-1******``, so the text still reads naturally and an
officer can see what was there without the number being recoverable.
"""

from __future__ import annotations

import re

__all__ = ["contains_rrn", "mask_rrns"]

_D = "[0-9\uff10-\uff19]"  # one ASCII or full-width digit
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"

_RRN_RE = re.compile(
    rf"""
    (?<![0-9\uff10-\uff19])                  # not preceded by a digit
    (?P<front>
        {_D}{_D}                             # YY
        (?:[0０][1-9１-９]|[1１][0-2０-２])      # MM 01-12
        (?:[0０][1-9１-９]|[12１２]{_D}|[3３][01０１])  # DD 01-31
    )
    (?P<sep>[ ]?[{_DASHES}][ ]?|[ ]|)        # a dash (spaces around it allowed), a space, nothing
    (?P<g>[1-8１-８])                        # sex/century digit
    (?P<back>{_D}{{6}})                      # the six digits we hide
    (?![0-9\uff10-\uff19])                   # not followed by a digit
    """,
    re.VERBOSE,
)


def _mask(match: re.Match[str]) -> str:
    return match["front"] + match["sep"] + match["g"] + "*" * len(match["back"])


def mask_rrns(text: str) -> tuple[str, int]:
    """Return ``text`` with every registration number masked, and how many were masked.

    The count lets the caller warn the officer ("a resident registration number was
    removed") and record it in the audit log without keeping the number itself.
    Text without a registration number is returned unchanged (the same string).
    """
    total = 0
    # Masking only turns digits into "*", which can never create a new match, but loop
    # to a fixed point anyway: the guarantee "no RRN survives" should not rest on that
    # argument about regex overlap.
    while True:
        text, count = _RRN_RE.subn(_mask, text)
        if count == 0:
            return text, total
        total += count


def contains_rrn(text: str) -> bool:
    """True if ``text`` contains something shaped like a registration number."""
    return _RRN_RE.search(text) is not None

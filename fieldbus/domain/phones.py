"""Korean phone numbers: one canonical stored form, validated by ``phonenumbers``.

Officers type numbers in every shape ("01023456789", "010 2345 6789", "+82 10-2345-6789").
We store one form — the national format with hyphens, ``010-2345-6789`` — so the same
person's number matches in search, prints the same on every receipt, and masks the same
way (:func:`fieldbus.domain.masking.mask_phone`). Validity (area codes, number lengths,
which prefixes are mobile) comes from Google's libphonenumber metadata through the
``phonenumbers`` package, not from hand-written rules: numbering plans change and the
library tracks them.

Only Korean numbers are accepted: the bus serves residents, the receipt and the agencies
answering expect a Korean number, and a foreign number is far more likely to be a typo.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from fieldbus.domain.errors import ValidationError

__all__ = ["normalize_phone", "is_mobile"]

_MESSAGE = "not a valid Korean phone number"

# Digits (ASCII and full-width), "+", spaces, brackets, dots and hyphen-like characters.
# Anything else — in particular letters — is refused before parsing, because
# phonenumbers would otherwise read "O10-..." or "1588-CALL" as keypad letters and turn a
# typo into a different, valid number.
_ALLOWED = re.compile(
    "[0-9\uff10-\uff19+\uff0b \u00a0\u3000()\uff08\uff09."
    "\\-\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d]+"
)
_MAX_LEN = 40  # generous for "+82 (0)10-2345-6789"; bounds work on pasted junk


#: "010-2345-6789", "054 123 4567", "01023456789": the shapes officers type. These need
#: none of the parser's work (a quarter of a bulk import's time went there); the number is
#: still checked against libphonenumber's metadata below.
#: 08x is left to the parser: it reads 081–088 as long-distance carrier prefixes.
_PLAIN_NATIONAL = re.compile(r"0(?!8)[1-9][0-9]?(?:[- ]?[0-9]{3,4}){2}|0(?!8)[1-9][0-9]{7,9}",
                             re.ASCII)


@lru_cache(maxsize=4096)  # validation then is_mobile look at the same number
def _classify(raw: str) -> tuple[phonenumbers.PhoneNumber, int] | None:
    """A valid Korean number and its libphonenumber type, or None."""
    text = raw.strip()
    if not text or len(text) > _MAX_LEN or not _ALLOWED.fullmatch(text):
        return None
    if _PLAIN_NATIONAL.fullmatch(text):
        digits = text.replace("-", "").replace(" ", "")
        number = phonenumbers.PhoneNumber(country_code=82, national_number=int(digits[1:]))
    else:
        try:
            number = phonenumbers.parse(text, "KR")
        except NumberParseException:
            return None
        if number.country_code != 82 or number.extension:
            return None
    kind = phonenumbers.number_type(number)  # UNKNOWN unless the metadata knows it
    if kind == PhoneNumberType.UNKNOWN or phonenumbers.region_code_for_number(number) != "KR":
        return None
    return number, kind


def normalize_phone(raw: object, *, field: str) -> str:
    """Return ``raw`` in national format with hyphens ("010-2345-6789").

    Raises :class:`ValidationError` with code ``phone`` ("not a valid Korean phone
    number") for anything that is not a valid Korean number, ``required`` for empty
    input and ``type`` for a non-string. Emptiness is distinguished so that a form can say
    "required" rather than "invalid"; whether the field may be empty is the caller's rule.
    """
    if not isinstance(raw, str):
        raise ValidationError(field, "must be text", code="type")
    if not raw.strip():
        raise ValidationError(field, "is required", code="required")
    found = _classify(raw)
    if found is None:
        raise ValidationError(field, _MESSAGE, code="phone")
    return phonenumbers.format_number(found[0], PhoneNumberFormat.NATIONAL)


def is_mobile(phone: str) -> bool:
    """True if ``phone`` is a valid Korean mobile number (notification by SMS is possible).

    Any input that is not a valid Korean number gives False rather than an error, since
    the question "can we text this?" has a clear answer for it.
    """
    if not isinstance(phone, str):
        return False
    found = _classify(phone)
    return found is not None and found[1] == PhoneNumberType.MOBILE

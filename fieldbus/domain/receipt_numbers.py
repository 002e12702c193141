"""Receipt numbers (접수번호): made offline, unique nationwide, safe to read over the phone.

Shape: ``{DEVICE}-{YYMMDD}-{NNNN}-{C}``, e.g. ``B07A-261126-0012-J``.

* ``DEVICE`` — the laptop's registered code, 2–6 characters of A–Z/0–9, unique per laptop
  (the hub checks this at enrolment). It is what makes numbers made offline unique
  without asking anyone.
* ``YYMMDD`` — the local (KST) date of intake, years 2000–2099.
* ``NNNN`` — a per-device daily sequence, 0001–9999 (a busy visit has ~33 cases).
* ``C`` — a check character over everything before it, hyphens ignored.

Check character
---------------
The last character lets the software say "mistyped?": it catches every single wrong
character and every swap of two neighbouring characters (Damm's algorithm over a
quasigroup of order 36). The hub checks it too, so the algorithm and its explanation
live in :mod:`sync.receipt_check` (``sync`` never imports ``fieldbus``); this module adds
the shape, parsing and error messages around it.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass

from fieldbus.domain.errors import ValidationError
from sync import protocol, receipt_check
from sync.receipt_check import ALPHABET

__all__ = [
    "ALPHABET",
    "TRAINING_DEVICE",
    "ReceiptNo",
    "check_character",
    "check_device",
    "format_receipt_no",
    "is_check_valid",
    "parse_receipt_no",
    "validate_device_code",
]

_VALUE = receipt_check.VALUE
_DEVICE_RE = re.compile(r"[A-Z0-9]{2,6}")

#: Every device code starting with this is reserved for training stores (made-up cases,
#: ``fieldbus.services.training``), so a training receipt never looks like a real case's.
#: The hub refuses to enrol one too, hence the prefix is named in :mod:`sync.protocol`.
TRAINING_DEVICE = protocol.TRAINING_DEVICE_PREFIX


def validate_device_code(code: object) -> str:
    """Return the device code in canonical (upper-case) form, or raise ValidationError.

    Surrounding spaces are removed and lower case accepted, because codes are typed at
    enrolment; the stored and printed form is always upper case.
    """
    if not isinstance(code, str):
        raise ValidationError("device", "must be text", code="device_code")
    text = code.strip().upper()
    if not _DEVICE_RE.fullmatch(text):
        raise ValidationError(
            "device", "must be 2 to 6 characters, letters A–Z or digits 0–9", code="device_code"
        )
    return text


def check_device(device: str, *, training: bool) -> str:
    """``device`` (already validated) if it fits the kind of store: ``EDU…`` codes are for
    training stores only, and training stores use nothing else.

    A rule of device codes, not of training seeds: here so that the store applies it when
    it is created (``Store.create``) without knowing anything of ``services.training``."""
    reserved = device.startswith(TRAINING_DEVICE)
    if reserved and not training:
        raise ValidationError("device", f"codes starting with {TRAINING_DEVICE} are reserved "
                              "for training stores", code="device_reserved")
    if training and not reserved:
        raise ValidationError("device", f"a training store's code starts with "
                              f"{TRAINING_DEVICE}", code="device_training")
    return device


def _strip_payload(payload: str) -> str:
    chars = payload.replace("-", "").upper()
    for ch in chars:
        if ch not in _VALUE:
            raise ValidationError(
                "receipt_no",
                f"contains {ch!r}, which is not a letter A–Z or digit 0–9",
                code="receipt_format",
            )
    return chars


def check_character(payload: str) -> str:
    """The check character for ``payload`` (the receipt number without it; hyphens ignored).

    ``check_character("B07A-261126-0012")`` → ``"J"``.
    Lower case is treated as upper case. Raises ValidationError (``receipt_format``) for
    any character outside A–Z/0–9 other than hyphens.
    """
    return receipt_check.check_character(_strip_payload(payload))


def is_check_valid(text: str) -> bool:
    """True if ``text`` (hyphens ignored, any case), check character included, is valid.

    This checks only the check character, not the shape: it lets a search box flag a
    mistyped number as soon as it is complete. Returns False for characters outside
    the alphabet and for empty input.
    """
    return receipt_check.is_check_valid(text)


@dataclass(frozen=True)
class ReceiptNo:
    """A valid receipt number. Construction validates, so every instance can be printed.

    ``day`` must be a :class:`datetime.date`, not a ``datetime``: the number carries the
    *local (KST)* date of intake, and silently taking the date part of a UTC or naive
    ``datetime`` would give the wrong day for intakes before 09:00. Convert explicitly.
    """

    device: str
    day: _dt.date
    seq: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "device", validate_device_code(self.device))
        if isinstance(self.day, _dt.datetime) or not isinstance(self.day, _dt.date):
            raise TypeError("day must be a datetime.date (the local KST date), not a datetime")
        if not 2000 <= self.day.year <= 2099:
            raise ValidationError(
                "receipt_no", "date must be in the years 2000 to 2099", code="receipt_date"
            )
        if isinstance(self.seq, bool) or not isinstance(self.seq, int):
            raise TypeError("seq must be an int")
        if not 1 <= self.seq <= 9999:
            raise ValidationError(
                "receipt_no",
                "daily sequence must be between 1 and 9999",
                code="receipt_seq",
            )

    @property
    def payload(self) -> str:
        """The number without its check character: ``B07A-261126-0012``."""
        return f"{self.device}-{self.day:%y%m%d}-{self.seq:04d}"

    @property
    def check(self) -> str:
        """The check character."""
        return check_character(self.payload)

    @property
    def text(self) -> str:
        """The canonical printed form: ``B07A-261126-0012-J``."""
        payload = self.payload
        return f"{payload}-{check_character(payload)}"

    def __str__(self) -> str:
        return self.text


def format_receipt_no(device: str, day: _dt.date, seq: int) -> str:
    """The canonical receipt number for ``device``, local date ``day`` and sequence ``seq``.

    Raises ValidationError with code ``device_code`` (bad device code), ``receipt_seq``
    (``seq`` outside 1–9999: the device has used up the day) or ``receipt_date`` (a year
    outside 2000–2099, which YYMMDD cannot represent).
    """
    return ReceiptNo(device, day, seq).text


_HYPHENS = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"), "-")
_SEP = r"(?:\s*-\s*|\s+)"
_HYPHENATED = re.compile(
    rf"(?P<device>[A-Z0-9]{{2,6}}){_SEP}(?P<date>\d{{6}}){_SEP}"
    rf"(?P<seq>\d{{4}}){_SEP}(?P<check>[A-Z0-9])",
    re.ASCII,
)
_COMPACT = re.compile(
    r"(?P<device>[A-Z0-9]{2,6})(?P<date>\d{6})(?P<seq>\d{4})(?P<check>[A-Z0-9])", re.ASCII
)


def parse_receipt_no(text: object, *, field: str = "receipt_no") -> ReceiptNo:
    """Parse a receipt number as a person typed or read it.

    Tolerated: surrounding spaces, lower case, full-width characters (a Korean IME in
    full-width mode), dash look-alikes (‐ – − －) or spaces in place of hyphens, and the
    compact form without any separators (``B07A2611260012J``: the fixed-length tail makes
    it unambiguous). Separators must be all present or all absent; a hyphen in the wrong
    place is a format error.

    Errors (all ValidationError on ``field``): ``receipt_format`` for anything not of the
    shape, a sequence of 0000, or an impossible date (e.g. 261131); ``receipt_check`` when
    the shape is right but the check character does not match — almost always a typo.
    """
    if not isinstance(text, str):
        raise ValidationError(field, "must be text", code="receipt_format")
    normal = unicodedata.normalize("NFKC", text).translate(_HYPHENS).strip().upper()
    match = _HYPHENATED.fullmatch(normal) or _COMPACT.fullmatch(normal)
    if match is None:
        raise ValidationError(
            field,
            "not a receipt number (expected e.g. B07A-261126-0012-J)",
            code="receipt_format",
        )
    date_digits = match["date"]
    try:
        day = _dt.date(
            2000 + int(date_digits[0:2]), int(date_digits[2:4]), int(date_digits[4:6])
        )
    except ValueError:
        raise ValidationError(
            field, f"date {date_digits} in the receipt number is impossible", code="receipt_format"
        ) from None
    seq = int(match["seq"])
    if seq == 0:
        raise ValidationError(
            field, "sequence 0000 does not exist in receipt numbers", code="receipt_format"
        )
    number = ReceiptNo(match["device"], day, seq)
    if number.check != match["check"]:
        raise ValidationError(
            field, "check character does not match: mistyped?", code="receipt_check"
        )
    return number

"""Cleaning of free text that people type or paste into intake forms.

Every text field of a record passes through :func:`clean_text` before it is stored, so the
store, the receipts, the search index and the hub all see one canonical form:

* **NFC.** A macOS laptop or a pasted PDF may send Hangul as decomposed jamo (ᄀ + ᅵ + ᆷ)
  while the keyboard sends precomposed syllables (김). Without normalisation the same
  name would not match in search, would count differently against length limits and
  would hash differently in the sync protocol.
* **One line break.** Every line boundary Python knows (``str.splitlines``: CR LF, CR,
  VT, FF, the file/group/record separators U+001C–U+001E, NEL U+0085, and the Unicode
  LINE/PARAGRAPH SEPARATORS U+2028/U+2029) becomes ``"\\n"``. Text pasted from Word, a web
  page or an old Windows program then looks the same as typed text. We convert rather
  than reject these because a person pasting a complaint letter cannot see or remove
  them.
* **No other control characters.** Anything else in Unicode category ``Cc`` (NUL, BEL,
  ESC, DEL, the C1 range, …) is rejected with code ``control_char``: they are invisible,
  can break the receipt printer, terminals and CSV exports, and are never typed on
  purpose. Multiline fields keep ``"\\n"`` and ``"\\t"``; single-line fields (names,
  titles, phone numbers) reject both, because a line break inside a name field is always
  a paste accident and would break one-line layouts on the receipt.
* **No bidirectional embedding/override/isolate controls** (U+202A–U+202E,
  U+2066–U+2069), also code ``control_char``: they are invisible but reorder what is
  displayed, so a name or title could be made to read differently on screen and on the
  receipt than what is stored ("Trojan Source"). Korean text never needs them.
  Plain direction *marks* (U+200E/U+200F) and zero-width joiners are left alone.
* **No lone surrogates and no noncharacters** (U+FDD0–U+FDEF and every U+xxFFFE/U+xxFFFF,
  including U+FFFE/U+FFFF), code ``invalid_char``: a lone surrogate cannot be encoded as
  UTF-8 at all (the store or the sync request would fail much later, far from the form),
  and noncharacters are reserved for internal use and mean a corrupt or mis-decoded
  input.
* **Trimmed.** Leading/trailing whitespace (including the ideographic space U+3000 and
  no-break space) is removed before the emptiness and length checks, so " " counts as
  empty and a trailing newline pasted into a name is harmless.
* **Length in characters** (code points after NFC), because that is what a person sees
  for Hangul and what the limits in the intake schema mean; a byte limit would allow
  three times fewer Korean than English characters.
"""

from __future__ import annotations

import re
import unicodedata

from fieldbus.domain.errors import ValidationError
from sync.controls import BIDI_CONTROLS

__all__ = ["clean_text"]

#: Bidirectional embedding, override and isolate controls: the hub refuses the same set.
_BIDI_CONTROLS = BIDI_CONTROLS


#: Any character one of the checks below could object to (a superset). Most text has none,
#: so one C-speed scan spares the per-character loops: imports must reach 5,000 records/s.
_SUSPECT = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
    "\ufdd0-\ufdef"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
    + "]"
)


def _is_noncharacter(cp: int) -> bool:
    """True for the 66 Unicode noncharacters (U+FDD0–U+FDEF, U+xxFFFE, U+xxFFFF)."""
    return 0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFE) == 0xFFFE


def _check_encodable(text: str, field: str) -> None:
    """Reject lone surrogates and noncharacters; done before NFC so they are seen as given."""
    for ch in text:
        cp = ord(ch)
        if 0xD800 <= cp <= 0xDFFF or _is_noncharacter(cp):
            raise ValidationError(
                field, f"contains an invalid character (U+{cp:04X})", code="invalid_char"
            )


def _check_controls(text: str, field: str, *, multiline: bool) -> None:
    """Reject control characters; ``\\n``/``\\t`` are allowed only in multiline fields."""
    for ch in text:
        if ch == "\n":
            if not multiline:
                raise ValidationError(field, "must not contain line breaks", code="control_char")
        elif ch == "\t":
            if not multiline:
                raise ValidationError(field, "must not contain tabs", code="control_char")
        elif ch in _BIDI_CONTROLS:
            raise ValidationError(
                field,
                f"contains an invisible text-direction control (U+{ord(ch):04X})",
                code="control_char",
            )
        elif unicodedata.category(ch) == "Cc":
            raise ValidationError(
                field, f"contains a control character (U+{ord(ch):04X})", code="control_char"
            )


def clean_text(
    value: object,
    *,
    field: str,
    max_len: int,
    multiline: bool = False,
    required: bool = True,
) -> str | None:
    """Return ``value`` as canonical text for storage, or raise :class:`ValidationError`.

    ``None``, ``""`` and whitespace-only input give ``None`` when the field is optional,
    so "nothing entered" has exactly one representation in the store. See the module
    docstring for what is normalised and what is rejected, and why.

    Error codes: ``type``, ``required``, ``invalid_char``, ``control_char``, ``too_long``.
    """
    if max_len < 1:
        raise ValueError("max_len must be at least 1")
    if value is None:
        if required:
            raise ValidationError(field, "is required", code="required")
        return None
    if not isinstance(value, str):
        raise ValidationError(field, "must be text", code="type")

    text = str(value)  # drop any str subclass
    suspect = _SUSPECT.search(text) is not None
    if suspect:
        _check_encodable(text, field)
        # Every line boundary becomes "\n" (see module docstring); splitlines() drops a
        # trailing break, which the strip below would remove anyway.
        text = "\n".join(text.splitlines())
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = text.strip()
    if not text:
        if required:
            raise ValidationError(field, "is required", code="required")
        return None
    if suspect:
        _check_controls(text, field, multiline=multiline)
    if len(text) > max_len:
        raise ValidationError(
            field,
            f"must be at most {max_len} characters (got {len(text)})",
            code="too_long",
        )
    return text

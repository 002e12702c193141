"""What the hub does to the text a device pushes before it keeps any of it.

A laptop cleans and masks what it stores (``fieldbus.domain.text``, ``fieldbus.domain.rrn``),
but the hub cannot rely on that: a laptop may be older than the rule, or not ours at all
(a stolen device token). So every string of a pushed record's content — titles, bodies,
names, addresses, notes, visit details, file names, and whatever a newer laptop adds —
is screened here (docs/security.md §6, §8):

* **Control characters refuse the record** (``invalid``), as the laptop's ``clean_text``
  refuses them in a form: C0/C1 controls (ESC and CSI drive a terminal), DEL, U+2028/9 and
  the bidi overrides (they reorder what a page shows). ``\\n`` and ``\\t`` are allowed
  except in the one-line fields below, so a field a newer laptop adds is not refused for
  holding a line break. Refusing rather than stripping keeps one rule on both sides and
  leaves the laptop's copy and the hub's the same text.
* **Resident registration numbers are masked** (:func:`sync.rrn.mask_rrns`) in every string.
  The record's ``content_hash`` stays the one the device sent: it names what the device
  pushed, so a resend is still ``duplicate``, while what is stored is the masked text.
"""

from __future__ import annotations

from typing import Any

from sync import protocol
from sync.controls import find_control
from sync.rrn import mask_rrns

#: Keys whose text is one line on the laptop (never a line break or tab).
ONE_LINE = frozenset({"receipt_no", "number", "kind", "status", "title", "name", "agency",
                      "region", "venue", "filename", "media_type"})
_MAX_DEPTH = 32


class UnsafeText(Exception):
    """A string of the content holds a character no screen or terminal may be given."""


def _check(text: str, where: str, *, one_line: bool) -> None:
    bad = find_control(text, multiline=not one_line)
    if bad is not None:
        raise UnsafeText(f"{where} contains a control character (U+{ord(bad):04X})")


def _screen(value: Any, where: str, key: str, depth: int) -> Any:
    if isinstance(value, str):
        _check(value, where, one_line=key in ONE_LINE)
        if protocol.is_sha256(value):
            return value  # a blob's address, never text
        return mask_rrns(value)[0]
    if depth > _MAX_DEPTH:
        raise UnsafeText(f"{where} is nested too deeply")
    if isinstance(value, dict):
        screened = {}
        for name, item in value.items():
            _check(name, f"{where} key", one_line=True)
            screened[name] = _screen(item, f"{where}.{name}", name, depth + 1)
        return screened
    if isinstance(value, list):
        return [_screen(item, f"{where}[{i}]", key, depth + 1) for i, item in enumerate(value)]
    return value


def screen(content: dict[str, Any]) -> dict[str, Any]:
    """``content`` with every registration number masked; raises :class:`UnsafeText` when
    a string holds a control character. Returns ``content`` itself when nothing changed."""
    screened = _screen(content, "content", "", 0)
    return content if screened == content else screened

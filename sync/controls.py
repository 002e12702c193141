"""Control characters in text that came from elsewhere: found, escaped for a terminal.

A device's text reaches the hub's screens and terminals (``fieldbus-hub cases``, the case
list of the web app). ESC and the other C0/C1 controls can drive a terminal — retitle it,
clear it, rewrite what was printed before — and the bidirectional overrides reorder what
a page shows ("Trojan Source"). No person types them on purpose: the laptop refuses them
when a form is saved (``fieldbus.domain.text.clean_text``, which takes its bidi set from
here) and the hub refuses a record that carries them, so the same rule holds on both
sides; ``\\n`` and ``\\t`` are the only controls multi-line text may hold.

As a second line, whatever is printed to a terminal goes through :func:`escape_controls`,
which shows every such character as a visible escape (``\\x1b``, ``\\u202e``) instead.
"""

from __future__ import annotations

import re

__all__ = ["BIDI_CONTROLS", "escape_controls", "escape_json_controls", "find_control",
           "strip_controls"]

#: Bidirectional embedding, override and isolate controls (Unicode category Cf).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

#: Every C0/C1 control, DEL, the line and paragraph separators and the bidi controls.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_UNSAFE_BUT_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e"
                               "\u2066-\u2069]")
#: What ``json.dumps`` leaves unescaped of those (it escapes C0 itself, and writes its
#: own line breaks between items).
_JSON_UNESCAPED = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def find_control(text: str, *, multiline: bool = True) -> str | None:
    """The first character of ``text`` a screen or terminal must not be given, or None.

    ``\\n`` and ``\\t`` are allowed when ``multiline``; every other control (Unicode
    category ``Cc``), U+2028/U+2029 and the bidi controls never are.
    """
    found = (_UNSAFE_BUT_LINES if multiline else _UNSAFE).search(text)
    return found.group() if found else None


def strip_controls(text: str, *, multiline: bool = True) -> str:
    """``text`` without the characters :func:`find_control` objects to (for text that
    must be kept even when it is not as it should be, such as a pulled review note)."""
    return (_UNSAFE_BUT_LINES if multiline else _UNSAFE).sub("", text)


def _escape(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """``text`` for one line of a terminal: every control, line break and bidi control
    shown as a visible escape (``\\x1b``, ``\\n``→``\\x0a``, ``\\u202e``)."""
    return _UNSAFE.sub(_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def escape_json_controls(text: str) -> str:
    """JSON text (``ensure_ascii=False``) with the controls ``json`` leaves as they are —
    DEL, C1 (``\\x9b`` is CSI on many terminals), U+2028/9, bidi — written as ``\\uXXXX``.
    Such characters can only stand inside JSON strings, so the result is the same JSON."""
    return _JSON_UNESCAPED.sub(_json_escape, text)

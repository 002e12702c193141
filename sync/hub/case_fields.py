"""The columns the review queue filters, sorts and searches by, taken from a case's content.

The content is the laptop's JSON, kept whole; a queue of a million cases cannot parse it
per request, so each push copies what the queue needs into plain columns (and the step
``_review_workflow`` of :mod:`sync.hub.migrations` does it once for cases pushed before).
Only the first push sets the deadline: from then on the hub moves it (a supplement's
pause, an extension — :mod:`sync.hub.workflow`), and a later edit on the laptop does not
put the receipt's original date back.
"""

from __future__ import annotations

import datetime as _dt
import unicodedata
from typing import Any

from sync import deadlines
from sync.errors import ValidationError

#: What every accepted version copies again (the deadline only the first: see above).
QUEUE_COLUMNS = ("kind", "region", "title", "search_text", "search_grams", "outcome")
#: Search text is cut here: a case's title and the start of its text are what a
#: supervisor looks for; the whole body stays in the content. (Its bigram index grows with
#: it: a few KB a case at this length.)
SEARCH_CHARS = 600


def _text(value: Any, limit: int) -> str | None:
    return value[:limit] if isinstance(value, str) and value else None


def _moment(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        moment = _dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.isoformat() if moment.tzinfo is not None else None


def search_text(*parts: Any) -> str:
    """What a search matches against: NFC, case-folded, parts joined by a newline (so a
    search never matches across two fields)."""
    return "\n".join(unicodedata.normalize("NFC", p).casefold()
                     for p in parts if isinstance(p, str) and p)


def grams(text: str) -> list[str]:
    """The bigram tokens of ``text`` (already NFC and case-folded); pairs with a space or
    a line break in them are left out (a search never spans two words' gap by index)."""
    found = {f"{ord(a):x}x{ord(b):x}" for a, b in zip(text, text[1:])
             if not a.isspace() and not b.isspace()}
    return sorted(found)


def search_grams(text: str | None) -> str | None:
    """The column the bigram index is built on (``records.search_grams``)."""
    return " ".join(grams(text)) or None if text else None


def case_fields(record_type: str, content: dict[str, Any], *,
                indexed: bool = True) -> dict[str, Any]:
    """``kind``, ``region``, ``title``, ``search_text`` (and its bigrams, for the index of
    :mod:`sync.hub.case_queue`) and, for a complaint, its on-site ``outcome`` and its
    statutory deadline as the receipt printed it (``deadline_due``, ``deadline_rule``).

    ``indexed`` False leaves the bigrams out: only PostgreSQL's index reads them (SQLite's
    search scans ``search_text``), and working them out was a third of a push's time."""
    if record_type == "counsel":
        disposition = content.get("disposition")
        title = disposition.get("title") if isinstance(disposition, dict) else None
        text = search_text(title)[:SEARCH_CHARS] or None
        return {"kind": None, "region": None, "title": _text(title, 500),
                "search_text": text, "search_grams": search_grams(text) if indexed else None,
                "deadline_due": None, "deadline_rule": None, "outcome": None}
    title, body = content.get("title"), content.get("body")
    due, rule = _moment(content.get("deadline_due")), _text(content.get("deadline_rule"), 40)
    if due is None and content.get("deadline"):
        due, rule = _counted(content)
    text = search_text(title, body)[:SEARCH_CHARS] or None
    return {"kind": _text(content.get("kind"), 20), "region": _text(content.get("region"), 100),
            "title": _text(title, 500), "search_text": text,
            "search_grams": search_grams(text) if indexed else None,
            "deadline_due": due, "deadline_rule": rule,
            # the on-site outcome the officer recorded (resolved on the spot, filed …)
            "outcome": _text(content.get("outcome"), 20)}


def _counted(content: dict[str, Any]) -> tuple[str | None, str | None]:
    """A laptop from before sent the receipt's day only: the hub counts the due moment
    the same way the laptop did (:func:`sync.deadlines.statutory_deadline`, from the kind's
    default rule), or leaves it unknown when it cannot."""
    kind, received = content.get("kind"), _moment(content.get("received_at"))
    if not isinstance(kind, str) or received is None:
        return None, None
    try:
        deadline = deadlines.statutory_deadline(kind, _dt.datetime.fromisoformat(received))
    except (ValidationError, ValueError):
        return None, None
    return deadline.due.isoformat(), deadline.rule.rule

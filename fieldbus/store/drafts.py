"""The unsaved intake form of each officer, kept so a crash or power cut loses little.

The app saves the form every few seconds (``fieldbus/ui/intake/form.py``); the draft lives
in the store's ``meta`` table under ``draft:<officer id>``, so it is encrypted like
everything else in the store (SQLCipher) and goes with it. A draft is a JSON object
``{"saved_at": ISO 8601, "values": {...}}``; it is never synced and is cleared when the
complaint is saved. The counsel form keeps its own draft the same way under
``counsel-draft:<officer id>`` (``prefix="counsel-draft"``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from fieldbus.domain.rrn import mask_rrns
from fieldbus.store.store import Store


@dataclass(frozen=True)
class Draft:
    saved_at: datetime
    values: dict[str, Any]


def _key(officer_id: str, prefix: str = "draft") -> str:
    return f"{prefix}:{officer_id}"


#: Draft values that are not text a person typed, left as they are by :func:`masked`: the
#: drawn signature (base64 PNG) and an attached file's path and hash (the path must name
#: the file to read it again at save; the shown file name is masked when attached).
NOT_TEXT = frozenset({"signature", "path", "sha256"})


def masked(value: Any, key: str = "") -> Any:
    """``value`` with resident registration numbers masked in every typed text: a draft
    is kept in the store like a case, so the rule that no number is kept holds for it
    too (the form warns while typing; the draft does not wait for the save)."""
    if key in NOT_TEXT:
        return value
    if isinstance(value, str):
        return mask_rrns(value)[0]
    if isinstance(value, dict):
        return {name: masked(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [masked(item, key) for item in value]
    return value


def save(store: Store, officer_id: str, values: dict[str, Any], *,
         prefix: str = "draft") -> Draft:
    """Keep ``values`` (masked: see :func:`masked`) as the officer's draft."""
    draft = Draft(saved_at=store.clock(), values=masked(dict(values)))
    text = json.dumps({"saved_at": draft.saved_at.isoformat(), "values": draft.values},
                      ensure_ascii=False)
    with store.write():
        store.db.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                         (_key(officer_id, prefix), text))
    return draft


def load(store: Store, officer_id: str, *, prefix: str = "draft") -> Draft | None:
    """The officer's draft, or None (none kept, or one this version cannot read)."""
    text = store.meta(_key(officer_id, prefix))
    if text is None:
        return None
    try:
        raw = json.loads(text)
        return Draft(saved_at=datetime.fromisoformat(raw["saved_at"]),
                     values=dict(raw["values"]))
    except (ValueError, KeyError, TypeError):
        return None


PREFIXES = {"draft": "intake", "counsel-draft": "counsel"}


def stale(store: Store, before: datetime) -> list[tuple[str, str]]:
    """(officer id, prefix) of every draft last saved before ``before``, or unreadable
    (it can never be restored): what retention destroys (``resources/rules/retention.json``
    ``draft``). The meta table holds one row per officer and form: a scan is cheap."""
    found = []
    rows = store.db.execute("SELECT key, value FROM meta WHERE key LIKE 'draft:%' "
                            "OR key LIKE 'counsel-draft:%'").fetchall()
    for key, text in rows:
        prefix, _, officer_id = key.partition(":")
        try:
            saved_at = datetime.fromisoformat(json.loads(text)["saved_at"])
        except (ValueError, KeyError, TypeError):
            saved_at = None
        if saved_at is None or saved_at < before:
            found.append((officer_id, prefix))
    return found


def clear(store: Store, officer_id: str, *, prefix: str = "draft") -> None:
    with store.write():
        store.db.execute("DELETE FROM meta WHERE key = ?", (_key(officer_id, prefix),))

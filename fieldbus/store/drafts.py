"""The unsaved intake form of each officer, kept so a crash or power cut loses little.

The app saves the form every few seconds (``fieldbus/ui/intake_form.py``); the draft lives
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

from fieldbus.store.store import Store


@dataclass(frozen=True)
class Draft:
    saved_at: datetime
    values: dict[str, Any]


def _key(officer_id: str, prefix: str = "draft") -> str:
    return f"{prefix}:{officer_id}"


def save(store: Store, officer_id: str, values: dict[str, Any], *,
         prefix: str = "draft") -> Draft:
    draft = Draft(saved_at=store.clock(), values=dict(values))
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


def clear(store: Store, officer_id: str, *, prefix: str = "draft") -> None:
    with store.write():
        store.db.execute("DELETE FROM meta WHERE key = ?", (_key(officer_id, prefix),))

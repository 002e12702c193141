"""The case list's queries: light rows for a table, in pages, with the list's filters.

Qt-free so the UI's model only asks for pages (on the store worker) and never writes SQL.
A row carries what the table shows and nothing more personal than the masked name; no
JSON column is read or decoded. Rows come newest first (``received_at DESC, rowid DESC``,
the ``complaints_received`` index, whose entries end in the rowid) and are paged by key —
"the rows after this one" — so the 500th page costs what the first does.

The text filter is the store's Korean infix search (:func:`fieldbus.store.search.
matching_rowids`): its row ids become a ``json_each`` subquery.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from fieldbus.store import search
from fieldbus.store.store import Store

PAGE_SIZE = 200
#: The text filter keeps at most this many matches (newest first); far above a visit's
#: or a year's cases, and still a few ms to hand over as JSON.
MAX_TEXT_MATCHES = 1_000_000
#: A case in one of these is not overdue, whatever its deadline.
FINISHED = ("resolved", "closed")


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list. ``cursor`` is what :func:`page` takes as ``after``."""

    rowid: int
    receipt_no: str
    received_at: str  # ISO 8601, KST
    kind: str
    status: str
    sync_state: str
    review_state: str | None
    masked_name: str
    title: str
    deadline: str  # YYYY-MM-DD

    @property
    def cursor(self) -> tuple[str, int]:
        return (self.received_at, self.rowid)

    def overdue(self, today: date) -> bool:
        return self.deadline < today.isoformat() and self.status not in FINISHED


@dataclass(frozen=True)
class Filters:
    """What the list is narrowed to; every field ``None``/False means "all"."""

    text: str | None = None
    visit_id: str | None = None
    kind: str | None = None
    status: str | None = None
    sync_state: str | None = None
    review_state: str | None = None
    overdue: bool = False


_ROW = ("rowid, receipt_no, received_at, kind, status, sync_state, review_state, "
        "masked_name, title, deadline")


def _where(store: Store, filters: Filters, today: date | None) -> tuple[list[str], list] | None:
    """SQL conditions and parameters for ``filters``; None when nothing can match."""
    where: list[str] = []
    params: list = []
    text = (filters.text or "").strip()
    if text:
        rowids = search.matching_rowids(store, text, limit=MAX_TEXT_MATCHES)
        if not rowids:
            return None
        where.append("rowid IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(rowids))
    for column in ("visit_id", "kind", "status", "sync_state", "review_state"):
        value = getattr(filters, column)
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    if filters.overdue:
        day = today or store.clock().date()
        where.append(f"deadline < ? AND status NOT IN ({', '.join('?' * len(FINISHED))})")
        params.extend([day.isoformat(), *FINISHED])
    return where, params


def count(store: Store, filters: Filters = Filters(), *, today: date | None = None) -> int:
    """How many cases match ``filters``."""
    if filters.text and filters.text.strip() and filters == Filters(text=filters.text):
        # the search alone: its matches are the count, no complaint row need be read
        return len(search.matching_rowids(store, filters.text.strip(),
                                          limit=MAX_TEXT_MATCHES))
    found = _where(store, filters, today)
    if found is None:
        return 0
    where, params = found
    sql = "SELECT count(*) FROM complaints" + (f" WHERE {' AND '.join(where)}" if where else "")
    return int(store.db.execute(sql, params).fetchone()[0])


def page(store: Store, filters: Filters = Filters(), offset: int = 0, limit: int = PAGE_SIZE,
         *, after: tuple[str, int] | None = None, today: date | None = None) -> list[CaseRow]:
    """Up to ``limit`` matching cases, newest first.

    Give ``after`` (the last row's :attr:`CaseRow.cursor`) to continue a list: it is
    answered from the index without counting past earlier rows. ``offset`` skips rows
    the plain way (fine for the first few pages; slow deep in a large store).
    """
    found = _where(store, filters, today)
    if found is None:
        return []
    where, params = found
    if after is not None:
        where.append("(received_at, rowid) < (?, ?)")
        params.extend(after)
    sql = f"SELECT {_ROW} FROM complaints"
    if where:
        sql += f" WHERE {' AND '.join(where)}"
    sql += " ORDER BY received_at DESC, rowid DESC LIMIT ? OFFSET ?"
    rows = store.db.execute(sql, [*params, limit, offset]).fetchall()
    return [CaseRow(*row) for row in rows]


@dataclass(frozen=True)
class HistoryEntry:
    at: str
    officer: str | None
    action: str
    fields: tuple[str, ...]


def history(store: Store, complaint_id: str) -> list[HistoryEntry]:
    """A case's history, oldest first: when, who, what (names of changed fields only)."""
    rows = store.db.execute(
        "SELECT h.at, o.name, h.action, h.fields FROM complaint_history h "
        "LEFT JOIN officers o ON o.id = h.officer_id WHERE h.complaint_id = ? "
        "ORDER BY h.seq", (complaint_id,)).fetchall()
    return [HistoryEntry(at=at, officer=name, action=action,
                         fields=tuple(json.loads(fields or "[]")))
            for at, name, action, fields in rows]

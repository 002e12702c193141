"""The case list's queries: light rows for a table, in pages, with the list's filters.

Qt-free so the UI's model only asks for pages (on the store worker) and never writes SQL.
A row carries what the table shows and nothing more personal than the masked name; no
JSON column is read or decoded. Rows come newest first (``received_at DESC, rowid DESC``,
the ``complaints_received`` index, whose entries end in the rowid) and are paged by key —
"the rows after this one" — so the 500th page costs what the first does.

The desktop list does not page through the query at all: :func:`ordered_rowids` reads every
match's row id once, in order (one pass, the cost of a count), and :func:`rows` then reads
any 200 of them by primary key, as quick at row 99,800 as at row 0 and without running the
search or the filters again. OFFSET was measured instead at 100,000 cases: 0.4–0.6 s per
deep page with any filter (every skipped row is read), far too slow to follow a scroll bar.

The text filter is the store's Korean infix search (:func:`fieldbus.store.search.
matching_rowids`): its row ids become a ``json_each`` subquery.

A search also lists the counsel sessions it matches (issue 12: a returning citizen may have
come for counsel), among the cases by time, when no filter that only a complaint has (kind,
status, review, overdue) is set. A session's row id is given negated, so the one ordered
array holds both and :func:`rows` reads each from its own table; its row is ``kind``
:data:`COUNSEL` (the table's 종류 "상담"), its title the disposition, its status the outcome,
and it has no review nor processing deadline.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from fieldbus.domain.records import Officer
from fieldbus.store import search
from fieldbus.store.store import Store

PAGE_SIZE = 200
#: The text filter keeps at most this many matches (newest first); far above a visit's
#: or a year's cases, and still a few ms to hand over as JSON.
MAX_TEXT_MATCHES = 1_000_000
#: A case in one of these is not overdue, whatever its deadline.
FINISHED = ("resolved", "closed")
#: With more text matches than this, :func:`ordered_rowids` walks the received-at index
#: (covering: row ids in order, no table page read) and probes the matches, rather than
#: reading every matching row for its date and sorting: 0.07–0.13 s instead of 0.5 s for
#: 45,000 matches among 100,000 cases; a handful of matches is quicker read directly.
SCAN_INDEX_ABOVE = 2_000
#: A search lists at most this many counsel sessions (newest first).
MAX_COUNSEL_MATCHES = 1_000
#: ``CaseRow.kind`` of a counsel session's row.
COUNSEL = "counsel"


@dataclass(frozen=True, slots=True)
class CaseRow:
    """One line of the case list. ``cursor`` is what :func:`page` takes as ``after``."""

    rowid: int
    receipt_no: str
    received_at: str  # ISO 8601, KST
    kind: str
    status: str
    sync_state: str
    review_state: str | None
    masked_name: str  # '' for anonymous cases and for public-interest reports (sealed)
    title: str
    deadline: str  # YYYY-MM-DD, or '' for none (an anonymous case: no statutory period)

    @property
    def cursor(self) -> tuple[str, int]:
        return (self.received_at, self.rowid)

    def overdue(self, today: date) -> bool:
        return (self.deadline != "" and self.deadline < today.isoformat()
                and self.status not in FINISHED)


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

    @property
    def with_counsel(self) -> bool:
        """A search that also lists counsel sessions: text, and no filter that only
        complaints have (kind, status, review, overdue)."""
        return bool((self.text or "").strip()) and self.kind is None \
            and self.status is None and self.review_state is None and not self.overdue


#: The deadline as it stands: the centre's when it moved it (a supplement's pause, an
#: extension: ``centre`` holds it, see fieldbus/store/reviews.py), else the receipt's.
_DEADLINE = ("CASE WHEN centre IS NULL OR json_extract(centre, '$.deadline_due') IS NULL "
             "THEN deadline ELSE substr(json_extract(centre, '$.deadline_due'), 1, 10) END")

# A public-interest reporter is sealed from everyone in a listing, supervisors included
# (they read the identity in the audited detail): not even the masked name leaves here.
_ROW = ("rowid, receipt_no, received_at, kind, status, sync_state, review_state, "
        f"CASE WHEN kind = 'report' THEN '' ELSE masked_name END, title, {_DEADLINE}")
# A counsel session as a row (rowid negated): the appellant's masked name only.
_COUNSEL_ROW = ("-rowid, number, created_at, 'counsel', outcome, sync_state, NULL, "
                "coalesce(masked_name, ''), coalesce(json_extract(disposition, '$.title'), ''), "
                "''")


def _where(store: Store, filters: Filters, today: date | None, *,
           matches: list[int] | None = None) -> tuple[list[str], list] | None:
    """SQL conditions and parameters for ``filters``; None when nothing can match.

    ``matches``, if given, receives the text filter's matching row ids."""
    where: list[str] = []
    params: list = []
    text = (filters.text or "").strip()
    if text:
        rowids = search.matching_rowids(store, text, limit=MAX_TEXT_MATCHES)
        if matches is not None:
            matches.extend(rowids)
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
        where.append(f"deadline != '' AND {_DEADLINE} < ? AND status NOT IN "
                     f"({', '.join('?' * len(FINISHED))})")
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


def ordered_rowids(store: Store, filters: Filters = Filters(), *,
                   today: date | None = None, by: Officer | None = None) -> array:
    """The row ids of every matching case, newest first (``array('q')``: 8 bytes a case,
    one object for the garbage collector however many cases there are).

    SQLite hands them over as one string of 16 hex digits an id, so the whole query runs
    in one step with the GIL released; a Python loop over 100,000 rows took twice as long
    and held the GIL between rows, and the GUI thread waited for it in every paint. The
    ordered subquery is not flattened into the aggregate (SQLite's flattening rule 16), so
    ``group_concat`` takes the ids in its order; the tests check it.

    With ``by``, a text filter is audited like ``fieldbus search`` (the query and the
    number of matches): names are searchable, and an auditor must see who looked for
    whom. The list calls it once per query typed, not once per page."""
    matches: list[int] = []
    text = (filters.text or "").strip()
    found = _where(store, filters, today, matches=matches)
    sessions = _counsel_matches(store, text) if filters.with_counsel else []
    if by is not None and text:
        details = {"query": unicodedata.normalize("NFC", text), "results": len(matches),
                   "screen": "cases"}
        if filters.with_counsel:
            details["counsel"] = len(sessions)
        store.audit(by, "searched", details=details)
    if found is None and not sessions:
        return array("q")
    parts, params = [], []
    named = "AS id, received_at AS at" if sessions else ", received_at"
    if found is not None:
        where, params = found
        sql = f"SELECT rowid {named} FROM complaints"
        if len(matches) > SCAN_INDEX_ABOVE:
            sql += " INDEXED BY complaints_received"
        if where:
            sql += f" WHERE {' AND '.join(where)}"
        parts.append(sql)
    if sessions:
        sql = ("SELECT -rowid AS id, created_at AS at FROM counsel_sessions "
               "WHERE rowid IN (SELECT value FROM json_each(?))")
        params = [*params, json.dumps(sessions)]
        for column in ("visit_id", "sync_state"):
            value = getattr(filters, column)
            if value is not None:
                sql += f" AND {column} = ?"
                params.append(value)
        parts.append(sql)
        # Two ordered inputs merged (SQLite's compound ORDER BY): the complaints still in
        # the received-at index's order, the few sessions sorted on their own. Both times
        # are ISO 8601 in KST, so their text sorts as time does.
        sql, rowid = " UNION ALL ".join(parts) + " ORDER BY at DESC, id DESC", "id"
    else:
        sql, rowid = sql + " ORDER BY received_at DESC, rowid DESC", "rowid"
    (packed,) = store.db.execute(
        f"SELECT group_concat(printf('%016x', {rowid}), '') FROM ({sql})", params).fetchone()
    rowids = array("q", bytes.fromhex(packed or ""))
    if sys.byteorder == "little":
        rowids.byteswap()  # the hex digits are big-endian
    return rowids


def _counsel_matches(store: Store, text: str) -> list[int]:
    """Row ids of the counsel sessions the search matches (the same terms as the cases')."""
    return search.matching_counsel_rowids(store, text, limit=MAX_COUNSEL_MATCHES)


def rows(store: Store, rowids: Sequence[int]) -> list[CaseRow]:
    """The cases with these row ids, in the order given (a case deleted since is left out);
    a negated row id is a counsel session's (:func:`ordered_rowids`)."""
    wanted = list(rowids)
    found = store.db.execute(
        f"SELECT {_ROW} FROM complaints WHERE rowid IN (SELECT value FROM json_each(?))",
        [json.dumps(wanted)]).fetchall()
    if min(wanted, default=0) < 0:
        found += store.db.execute(
            f"SELECT {_COUNSEL_ROW} FROM counsel_sessions "
            "WHERE rowid IN (SELECT -value FROM json_each(?) WHERE value < 0)",
            [json.dumps(wanted)]).fetchall()
    by_id = {row[0]: row for row in found}
    return [CaseRow(*by_id[rowid]) for rowid in rowids if rowid in by_id]


@dataclass(frozen=True)
class HistoryEntry:
    at: str
    officer: str | None
    action: str
    fields: tuple[str, ...]
    reason: str | None = None  # why a correction was made (issue 12), None if not given


def history(store: Store, complaint_id: str) -> list[HistoryEntry]:
    """A case's history, oldest first: when, who, what (names of changed fields only) and,
    for an edit, the reason given (issue 12). The reason is kept once, in the audit entry
    ``complaints.edit`` writes with the history row (same time, same officer), where
    retention removes it with the audit's other free text."""
    rows = store.db.execute(
        "SELECT h.at, o.name, h.action, h.fields, h.officer_id FROM complaint_history h "
        "LEFT JOIN officers o ON o.id = h.officer_id WHERE h.complaint_id = ? "
        "ORDER BY h.seq", (complaint_id,)).fetchall()
    reasons = _edit_reasons(store, complaint_id, [r for r in rows if r[2] == "edited"])
    entries = []
    for at, name, action, fields, officer_id in rows:
        given = reasons.get((_instant(at), officer_id)) if action == "edited" else None
        entries.append(HistoryEntry(at=at, officer=name, action=action,
                                    fields=tuple(json.loads(fields or "[]")),
                                    reason=given.pop(0) if given else None))
    return entries


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _edit_reasons(store: Store, complaint_id: str,
                  edits: list) -> dict[tuple[datetime, str], list[str]]:
    """(time, officer) → the reasons of the case's ``complaint_edited`` audit entries that
    still hold one, oldest first. Read through the audit's partial index of entries with
    free text (``audit_free_text``), from the first edit on: cheap on a long log."""
    if not edits:
        return {}
    first = min(_instant(e[0]) for e in edits)
    found: dict[tuple[datetime, str], list[str]] = {}
    for at, officer_id, reason in store.db.execute(
            "SELECT at, officer_id, reason FROM audit WHERE redacted_at IS NULL AND "
            "details_hash IS NOT NULL AND (reason IS NOT NULL OR "
            "json_extract(details, '$.query') IS NOT NULL) AND at >= ? AND "
            "action = 'complaint_edited' AND record_id = ? ORDER BY at, seq",
            (first.isoformat(timespec="microseconds"), complaint_id)):
        if reason is not None:
            found.setdefault((_instant(at), officer_id), []).append(reason)
    return found

"""The day's numbers for the "오늘의 방문" tab, and what is waiting in the outbox.

Qt-free, so the tab only asks (on the store worker) and shows. Every number comes from an
aggregate query (``count``/``sum`` … ``GROUP BY``); no complaint row is read into Python.

The scope is a visit (its cases and sessions, by ``visit_id``) or a day (cases received and
sessions held that local day, ``received_at``/``created_at`` — ISO 8601 in KST, so a day is
the string range ``[day, day + 1)``). The outbox numbers are the whole store's: whatever
has not reached the hub yet, whichever day it was taken.

Nothing personal is returned: numbers, codes, receipt/session numbers and times.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from fieldbus.store.store import Store

#: How much of a sync error the waiting list shows (the engine's words, not personal data).
ERROR_CHARS = 200


@dataclass(frozen=True)
class Summary:
    """What the day (or visit) came to. ``by_kind``/``by_outcome`` hold codes → counts,
    only codes that occur."""

    visit_id: str | None
    day: date | None
    cases: int
    by_kind: dict[str, int]
    by_outcome: dict[str, int]
    counsel_sessions: int
    receipts_printed: int        # complaints in scope with at least one receipt printed
    confirmations_printed: int   # counsel sessions in scope with a confirmation printed
    prints: int                  # every sheet printed for the scope, reissues and copies too
    waiting: int                 # outbox rows pending (whole store)
    quarantined: int             # outbox rows the hub refused, needing attention


@dataclass(frozen=True)
class Waiting:
    """One outbox row not yet acknowledged. ``number`` is the receipt or session number
    (for a visit: its day and venue); ``since`` the ISO time it was queued."""

    seq: int
    record_type: str
    number: str | None
    version: int
    since: str
    state: str  # 'pending' | 'quarantined'
    attempts: int
    last_error: str | None


def _scope(store: Store, visit_id: str | None, day: date | None,
           time_column: str) -> tuple[str, list, date | None]:
    if visit_id is not None:
        return "visit_id = ?", [visit_id], None
    day = day or store.clock().date()
    return (f"{time_column} >= ? AND {time_column} < ?",
            [day.isoformat(), (day + timedelta(days=1)).isoformat()], day)


def summary(store: Store, *, visit_id: str | None = None, day: date | None = None) -> Summary:
    """The numbers for ``visit_id``, or for ``day`` (today by the store's clock) when no
    visit is given."""
    c_where, c_params, shown_day = _scope(store, visit_id, day, "received_at")
    s_where, s_params, _ = _scope(store, visit_id, day, "created_at")

    by_kind: dict[str, int] = {}
    by_outcome: dict[str, int] = {}
    cases = 0
    for kind, outcome, n in store.db.execute(
            f"SELECT kind, outcome, count(*) FROM complaints WHERE {c_where} "
            "GROUP BY kind, outcome", c_params).fetchall():
        cases += n
        by_kind[kind] = by_kind.get(kind, 0) + n
        by_outcome[outcome] = by_outcome.get(outcome, 0) + n

    sessions = int(store.db.execute(
        f"SELECT count(*) FROM counsel_sessions WHERE {s_where}", s_params).fetchone()[0])

    receipts, confirmations, sheets = store.db.execute(
        "SELECT count(DISTINCT CASE WHEN record_type = 'complaint' THEN record_id END), "
        "       count(DISTINCT CASE WHEN record_type = 'counsel_session' THEN record_id END), "
        "       coalesce(sum(prints), 0) "
        "FROM receipt_prints WHERE "
        f"(record_type = 'complaint' AND record_id IN (SELECT id FROM complaints WHERE {c_where})) "
        "OR (record_type = 'counsel_session' AND record_id IN "
        f"(SELECT id FROM counsel_sessions WHERE {s_where}))",
        [*c_params, *s_params]).fetchone()

    states = dict(store.db.execute(  # records, as the status bar counts (sync.counts)
        "SELECT state, count(*) FROM (SELECT DISTINCT state, record_type, record_id "
        "FROM outbox WHERE state IN ('pending', 'quarantined')) GROUP BY state").fetchall())

    return Summary(visit_id=visit_id, day=shown_day, cases=cases, by_kind=by_kind,
                   by_outcome=by_outcome, counsel_sessions=sessions,
                   receipts_printed=int(receipts), confirmations_printed=int(confirmations),
                   prints=int(sheets), waiting=int(states.get("pending", 0)),
                   quarantined=int(states.get("quarantined", 0)))


def waiting(store: Store, limit: int = 200) -> list[Waiting]:
    """Up to ``limit`` records not yet acknowledged, one row each at its newest version
    (a sync sends only that one, see ``fieldbus.store.sync.pending``), waiting since its
    oldest unsent edit: those needing attention (quarantined) first, then pending ones
    oldest first."""
    rows = store.db.execute(
        "WITH w AS (SELECT min(seq) AS seq, record_type, record_id, max(version) AS version, "
        "                  min(created_at) AS created_at, state, max(attempts) AS attempts, "
        "                  max(last_error) AS last_error "
        "           FROM outbox WHERE state IN ('quarantined', 'pending') "
        "           GROUP BY state, record_type, record_id) "
        "SELECT o.seq, o.record_type, "
        "       CASE o.record_type WHEN 'complaint' THEN c.receipt_no "
        "                          WHEN 'counsel_session' THEN s.number "
        "                          WHEN 'visit' THEN v.day || ' ' || v.venue END, "
        "       o.version, o.created_at, o.state, o.attempts, "
        f"      substr(o.last_error, 1, {ERROR_CHARS}) "
        "FROM w AS o "
        "LEFT JOIN complaints c ON o.record_type = 'complaint' AND c.id = o.record_id "
        "LEFT JOIN counsel_sessions s ON o.record_type = 'counsel_session' "
        "                             AND s.id = o.record_id "
        "LEFT JOIN visits v ON o.record_type = 'visit' AND v.id = o.record_id "
        "ORDER BY o.state = 'pending', o.seq LIMIT ?", (limit,)).fetchall()
    return [Waiting(seq=seq, record_type=rtype, number=number, version=version, since=since,
                    state=state, attempts=attempts, last_error=error)
            for seq, rtype, number, version, since, state, attempts, error in rows]

"""The supervisors' review queue: which cases a filter keeps, in which order, and how a
Korean word is found inside longer words (issue 13, §1 ``GET /api/v1/cases``).

Every filter is a plain column (:mod:`sync.hub.case_fields` copies them from the content at
each push) with an index (the step ``_queue_indexes`` of :mod:`sync.hub.migrations`), so a
million cases are filtered without reading their JSON.

**Text inside words.** Korean words run together (도로포장, 마을진입로): a search for 로포
must find 도로포장. The search text is NFC and case-folded; a match is a substring of it
(``LIKE``, checked last). PostgreSQL's ``pg_trgm`` would index that, but it draws its
trigrams from what the database's locale calls letters, and in the ``C`` locale most
servers are created with, Hangul is not — it yields none; and Korean words are often two
syllables, too short for trigrams anyway. So the hub indexes **bigrams** itself: each pair
of neighbouring characters of the search text is a token (their code points in hex,
``b3c4xb85c``), the tokens are a ``simple`` full-text vector with a GIN index on
PostgreSQL, and a search of two characters or more first asks the index for the cases
holding every bigram of the query, then checks the substring. SQLite (a hub of up to
100,000 cases) reads the search text directly: a scan of it is quicker there than any
index lookup this would need.
"""

from __future__ import annotations

import datetime as _dt
import unicodedata
from dataclasses import dataclass, field

import sqlalchemy as sa

from sync.deadlines import KST
from sync.hub.case_fields import grams, search_text
from sync.hub.migrations import devices, record_visits, records

#: Review states in which a case is done: never overdue, never due.
FINISHED = ("rejected", "closed")
#: ``total`` is counted exactly up to this many cases, and said to be "more" beyond: a
#: count of a million rows is not worth a queue page's wait.
TOTAL_CAP = 1_000
#: A search on PostgreSQL first reads this many of the filtered cases in the page's order
#: and checks the text in each (see :func:`sync.hub.cases.page`).
WALK = 20_000
MAX_QUERY = 200


@dataclass(frozen=True)
class Filters:
    """What ``GET /api/v1/cases`` may filter by; every field optional, combined with AND."""

    device: tuple[str, ...] = ()
    visit: str | None = None
    received_from: _dt.date | None = None
    received_to: _dt.date | None = None
    region: str | None = None
    kind: str | None = None
    state: tuple[str, ...] = ()
    overdue: bool = False
    due_within: int | None = None
    q: str | None = None
    type: str | None = None
    order: str = "synced"
    now: _dt.datetime | None = field(default=None, compare=False)


#: The deadline as the queue sorts it, cases without one last: written the same in the
#: index (``_queue_indexes``), so both databases walk the index in this order instead of
#: sorting (SQLite's index puts NULLs first, and ``NULLS LAST`` would not use it).
DUE_ORDER = sa.func.coalesce(records.c.deadline_due, sa.literal_column("'9999'"))


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _day_start(day: _dt.date) -> str:
    return _dt.datetime.combine(day, _dt.time(0), tzinfo=KST).isoformat()


def conditions(filters: Filters, dialect: str, *, indexed: bool = True
               ) -> list[sa.ColumnElement[bool]]:
    """The WHERE of ``filters`` (the caller adds who may see what); ``indexed`` False
    leaves out the bigram index's condition (the search is then checked row by row)."""
    where: list[sa.ColumnElement[bool]] = []
    if filters.type:
        where.append(records.c.type == filters.type)
    if len(filters.device) == 1:
        # as the device's id, so the planner walks that bus's cases in the index's order
        where.append(records.c.device_id == sa.select(devices.c.id).where(
            devices.c.code == filters.device[0]).scalar_subquery())
    elif filters.device:
        where.append(devices.c.code.in_(filters.device))
    if filters.visit:
        where.append(records.c.id.in_(sa.select(record_visits.c.record_id)
                                      .where(record_visits.c.visit_id == filters.visit)))
    if filters.received_from:
        where.append(records.c.received_at >= _day_start(filters.received_from))
    if filters.received_to:
        where.append(records.c.received_at
                     < _day_start(filters.received_to + _dt.timedelta(days=1)))
    if filters.region:
        where.append(records.c.region.like(_like(filters.region) + "%", escape="\\"))
    if filters.kind:
        where.append(records.c.kind == filters.kind)
    if filters.state:
        where.append(records.c.review_state.in_(filters.state))
    moment = (filters.now or _dt.datetime.now(KST)).astimezone(KST).isoformat()
    # on DUE_ORDER, not the column, so the range is read off the deadline's index (a case
    # without a deadline sorts as 9999: never overdue, never due)
    if filters.overdue or filters.due_within is not None:
        where.append(records.c.review_state.not_in(FINISHED))
    if filters.overdue:
        where.append(DUE_ORDER < moment)
    if filters.due_within is not None:
        until = ((filters.now or _dt.datetime.now(KST)).astimezone(KST)
                 + _dt.timedelta(days=filters.due_within)).isoformat()
        where.append(DUE_ORDER >= moment)
        where.append(DUE_ORDER < until)
    wanted = searched(filters)
    if wanted:
        if indexed and uses_index(filters, dialect):
            where.append(sa.func.to_tsvector(sa.literal_column("'simple'"),
                                             records.c.search_grams).op("@@")(
                sa.func.to_tsquery(sa.literal_column("'simple'"), " & ".join(grams(wanted)))))
        where.append(matches(records.c.search_text, wanted))
    return where


def searched(filters: Filters) -> str | None:
    """The text searched for, as the search text holds it (NFC, case-folded); None
    without a search."""
    if not filters.q:
        return None
    return search_text(unicodedata.normalize("NFC", filters.q.strip())) or None


def uses_index(filters: Filters, dialect: str) -> bool:
    """Whether the search asks the bigram index (PostgreSQL, two characters or more)."""
    wanted = searched(filters)
    return dialect == "postgresql" and bool(wanted and grams(wanted))


def matches(column: sa.ColumnElement[str], wanted: str) -> sa.ColumnElement[bool]:
    """``column`` holds ``wanted`` somewhere inside it: the check every search ends with."""
    return column.like("%" + _like(wanted) + "%", escape="\\")


def ordering(filters: Filters) -> list[sa.ColumnElement]:
    """``due``: overdue and due-soon first (the deadline ascending, cases without one
    last); ``synced``: in the order they reached the centre."""
    if filters.order == "due":
        return [DUE_ORDER, records.c.synced_at, records.c.id]
    return [records.c.synced_at, records.c.id]

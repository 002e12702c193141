"""Prints of receipts and counsel confirmations: counted per copy, so that the second and
later print of a copy is marked 재발행 (reissue), and each one audited (``receipt_printed``).

Both functions run inside the caller's write transaction, which also delivers the print:
a print that could not be delivered (an unwritable file, a printer error) rolls back and
is neither counted nor audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fieldbus.domain.records import Officer
from fieldbus.store import audit
from fieldbus.store.store import Store


@dataclass(frozen=True)
class Issue:
    """One print of one copy: ``number`` 1 is the original, 2 and on are reissues."""

    number: int
    at: datetime
    first_at: datetime

    @property
    def reissue(self) -> bool:
        return self.number > 1


def next_issue(store: Store, *, record_type: str, record_id: str, copy: str) -> Issue:
    """What the print about to be made is (read only: :func:`record` counts it)."""
    now = store.clock()
    row = store.db.execute(
        "SELECT prints, first_at FROM receipt_prints WHERE record_type = ? AND record_id = ? "
        "AND copy = ?", (record_type, record_id, copy)).fetchone()
    if row is None:
        return Issue(number=1, at=now, first_at=now)
    return Issue(number=row[0] + 1, at=now, first_at=datetime.fromisoformat(row[1]))


def record(store: Store, by: Officer, issue: Issue, *, record_type: str, record_id: str,
           copy: str, details: dict) -> None:
    """Count ``issue`` and audit it, with ``details`` (number, layout, …) beside the copy."""
    store.db.execute(
        "INSERT INTO receipt_prints (record_type, record_id, copy, prints, first_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (record_type, record_id, copy) "
        "DO UPDATE SET prints = excluded.prints",
        (record_type, record_id, copy, issue.number, issue.first_at.isoformat()))
    audit.append(store.db, at=issue.at, officer_id=by.id, action="receipt_printed",
                 record_type=record_type, record_id=record_id,
                 details={**details, "copy": copy, "print": issue.number,
                          "reissue": issue.reissue})

"""Which public-interest reporters the hub seals, decided by the hub itself.

A laptop sends the whole case with every version, ``kind`` included, and a laptop can be
wrong, rogue or stolen. So the hub does not read sealing off the version it holds now:
a case is sealed from the first accepted version that was a report (``report``, 부패·
공익신고) on, and stays sealed whatever kind a later version claims. Only the hub's own
supervisors read a sealed reporter (:mod:`sync.hub.cases`); the hub's admin command line
runs with the database's credentials and sees everything. Sealing more is never a leak,
so a case that becomes a report later is sealed from then on.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from sync.hub.db import insert_many
from sync.hub.migrations import sealed_records

SEALED_KIND = "report"


def _is_report(record: dict[str, Any]) -> bool:
    content = record["content"]
    return record["type"] == "complaint" and isinstance(content, dict) \
        and content.get("kind") == SEALED_KIND


def seal_accepted(conn: sa.Connection, judged: Iterable[tuple[dict[str, Any], Any]],
                  results: list[dict[str, Any] | None], stamp: str) -> None:
    """In the push's transaction: seal every case whose accepted version is a report and
    that is not sealed yet (a row is never removed by a push)."""
    accepted = {(r["id"], r["version"]) for r in results if r and r["outcome"] == "accepted"}
    reports = {record["id"]: record["version"] for record, _ in judged
               if (record["id"], record["version"]) in accepted and _is_report(record)}
    if not reports:
        return
    held = set(conn.execute(sa.select(sealed_records.c.record_id)
                            .where(sealed_records.c.record_id.in_(list(reports)))).scalars())
    insert_many(conn, sealed_records, [
        {"record_id": rid, "version": version, "sealed_at": stamp}
        for rid, version in sorted(reports.items()) if rid not in held])


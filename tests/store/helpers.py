"""Helpers shared by the store tests: a clock the test moves, samples, raw row counts."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from pathlib import Path

from sync.deadlines import KST
from tests.conftest import sample
from tests.conftest import PIN

#: A Thursday in late November, inside visit hours.
START = datetime(2026, 11, 26, 10, 30, tzinfo=KST)


class Clock:
    """A clock that only moves when the test says so."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def draft(store, name: str = "complaint-01.json", **changes):
    """A validated draft from a sample intake, with top-level keys changed."""
    from fieldbus.domain.intake import parse_complaint

    data = sample(name)
    data.update(changes)
    parsed, _ = parse_complaint(data, now=store.clock())
    return parsed


def count(store, table: str, where: str = "", params: tuple = ()) -> int:
    sql = f"SELECT count(*) FROM {table}" + (f" WHERE {where}" if where else "")
    return int(store.db.execute(sql, params).fetchone()[0])


def audit_rows(store) -> list[dict]:
    cursor = store.db.execute("SELECT seq, officer_id, action, record_type, record_id, reason, "
                              "details FROM audit ORDER BY seq")
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, row)) for row in cursor.fetchall()]
    for row in rows:
        row["details"] = json.loads(row["details"])
    return rows


#: Identifiers and digests the store makes up: random hex that may hold any run of digits
#: (a UUID ending in ...1951 once failed a check that the birth year 1951 was not kept).
_MADE_UP = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{64}")


def all_text(store) -> str:
    """Every value in every ordinary table of the decrypted store, as one string.

    UUIDs and SHA-256 digests are blanked out: they are not the citizen's data, and their
    random digits would make a search for a phone number or a year fail by chance.
    """
    parts = []
    tables = [r[0] for r in store.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'complaints_fts%' "
        "AND name NOT LIKE 'sqlite_%'").fetchall()]
    for table in tables:
        for row in store.db.execute(f"SELECT * FROM {table}").fetchall():
            parts.append(_MADE_UP.sub("…", repr(row)))
    return "\n".join(parts)


def files_state(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Name → (bytes, mtime_ns) of every file in ``folder``: to show nothing was touched."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.iterdir()) if p.is_file()}



#: A store made before key slots (see tests/store/test_upgrade_v4.py): copy it, never use it.
V4_STORE = Path(__file__).parent / "data" / "v4-store"

#: The supervisor who sets up the laptop in :func:`team` (only a supervisor adds officers).
BOSS, BOSS_PIN = "박감독", "730519"


def team(data_dir: Path, clock: Clock):
    """(store, supervisor): a store set up by its owner, supervisor 박감독, who added officer
    홍길동 (PIN ``tests.conftest.PIN``); signed in as 홍길동, like ``cstore``. For tests
    whose store needs colleagues: only a supervisor adds officers (docs/security.md §3)."""
    from fieldbus.store.store import Store

    store = Store.create(data_dir, device="B07A", officer=BOSS, pin=BOSS_PIN,
                         role="supervisor", clock=clock)
    boss = store.officer
    store.add_officer(boss, name="홍길동", role="officer", pin=PIN)
    store.sign_in("홍길동", PIN)
    return store, boss

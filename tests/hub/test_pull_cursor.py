"""The pull cursor never skips a change committed late — on a real PostgreSQL, where
transactions run concurrently (SQLite serialises its writers, so there it holds trivially).

The hazard: writer A takes feed number 1, writer B takes 2 and commits first; a laptop
pulls, sees 2 and moves its cursor past it; A commits 1 — which that laptop would never
be sent. The hub numbers changes under a lock held until commit (``append_change``), so B
cannot even take its number before A has committed.
"""

from __future__ import annotations

import random
import threading
import time

import pytest
import sqlalchemy as sa

from sync.hub import feed
from sync.hub.db import append_change, connect


@pytest.fixture
def pg_engine(postgres_url):
    engine = connect(postgres_url)
    yield engine
    engine.dispose()


def _waiting_on_a_lock(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.text(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")).scalar()


def _pull_all(engine, device_id, cursor=None, limit=500):
    seen = []
    while True:
        page = feed.pull(engine, device_id, cursor, limit)
        seen += [c["seq"] for c in page["changes"]]
        cursor = page["cursor"]
        if not page["more"]:
            return seen, cursor


def test_a_change_numbered_first_but_committed_late_is_not_skipped(pg_engine):
    a_appended, a_may_commit = threading.Event(), threading.Event()
    errors = []

    def writer_a():
        try:
            with pg_engine.begin() as conn:
                append_change(conn, device_id=1, record_id="a", body={"who": "a"})
                a_appended.set()
                assert a_may_commit.wait(60)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    def writer_b():
        try:
            with pg_engine.begin() as conn:
                append_change(conn, device_id=1, record_id="b", body={"who": "b"})
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    first = threading.Thread(target=writer_a)
    first.start()
    assert a_appended.wait(60)
    second = threading.Thread(target=writer_b)
    second.start()
    while _waiting_on_a_lock(pg_engine) == 0:  # B is queued behind A's open transaction
        assert second.is_alive(), "B committed while A, numbered before it, was open"
        time.sleep(0.01)
    early, cursor = _pull_all(pg_engine, 1)
    assert early == []  # nothing is handed out that could make the cursor skip A
    a_may_commit.set()
    first.join(60)
    second.join(60)
    assert not errors
    late, _ = _pull_all(pg_engine, 1, cursor)
    assert late == [1, 2]


def test_concurrent_writers_and_a_puller_never_lose_a_change(pg_engine):
    writers, per_writer, devices = 8, 15, (1, 2)
    committed: dict[int, list[int]] = {d: [] for d in devices}
    lock, errors, done = threading.Lock(), [], threading.Event()
    rng = random.Random(5)
    plans = [[(rng.choice(devices), rng.random() / 200, rng.random() / 200)
              for _ in range(per_writer)] for _ in range(writers)]

    def write(plan):
        try:
            for device, before, after in plan:
                with pg_engine.begin() as conn:
                    conn.execute(sa.text("SELECT pg_sleep(:s)"), {"s": before})  # busy first
                    seq = append_change(conn, device_id=device, record_id="r", body={})
                    time.sleep(after)  # … and commit a little later
                with lock:
                    committed[device].append(seq)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    pulled: dict[int, list[int]] = {d: [] for d in devices}

    def puller():
        cursors = {d: None for d in devices}
        try:
            while True:
                finished = done.is_set()  # read before pulling: then one more full pass
                for device in devices:
                    page = feed.pull(pg_engine, device, cursors[device], limit=3)
                    pulled[device] += [c["seq"] for c in page["changes"]]
                    cursors[device] = page["cursor"]
                if finished and not any(feed.pull(pg_engine, d, cursors[d])["changes"]
                                        for d in devices):
                    return
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(plan,)) for plan in plans]
    reader = threading.Thread(target=puller)
    reader.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    done.set()
    reader.join(120)
    assert not errors
    assert sum(len(v) for v in committed.values()) == writers * per_writer
    for device in devices:
        assert pulled[device] == sorted(committed[device])  # every one, once, in order

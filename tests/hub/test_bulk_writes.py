"""The hub's fast write paths: a push's rows in bulk (COPY on PostgreSQL) and the SQLite
WAL copied back into the database by a thread of its own."""

from __future__ import annotations

import hashlib
import threading
import time

import sqlalchemy as sa

from sync.hub import blobs
from sync.hub.db import Checkpointer, connect
from sync.hub.migrations import record_versions, records
from tests.hub.helpers import complaint, outcomes, push, record


def test_the_same_new_batch_pushed_twice_at_once_is_stored_once(bus, engine):
    """Two requests of one laptop racing (a resend after a timeout): the loser's bulk
    insert hits the winner's rows and is judged again, never a 500 or a double."""
    batch = [record(f"r{n}", complaint(n)) for n in range(1, 301)]
    start, answers = threading.Barrier(2), []

    def send():
        start.wait()
        answers.append(push(bus.url, bus.device_token, batch))

    senders = [threading.Thread(target=send) for _ in range(2)]
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join(60)
    assert len(answers) == 2
    for first, second in zip(*(outcomes(a) for a in answers)):
        assert {first, second} == {"accepted", "duplicate"}
    with engine.connect() as conn:
        for table in (records, record_versions):
            assert conn.execute(sa.select(sa.func.count()).select_from(table)).scalar() == 300


def test_a_serving_hub_checkpoints_its_wal_on_a_thread_of_its_own(tmp_path):
    path = tmp_path / "hub.sqlite3"
    engine = connect(f"sqlite:///{path}")
    data = bytes(range(256)) * 8192  # 2 MiB: far below the automatic checkpoint's bound
    incoming = blobs.Incoming(len(data))
    incoming.add(data)
    assert blobs.store(engine, hashlib.sha256(data).hexdigest(), incoming, device_id=1)
    assert path.stat().st_size < len(data)  # written to the WAL only, so far
    checkpointer = Checkpointer.start(engine, interval=0.05)
    assert checkpointer is not None
    deadline = time.monotonic() + 30
    while path.stat().st_size < len(data) and time.monotonic() < deadline:
        time.sleep(0.05)
    checkpointer.stop()
    assert path.stat().st_size > len(data)  # the blob is in the database file now
    engine.dispose()

"""The hub's retention (issue 9 §7): a finished case past its period keeps its receipt
number, status and dates; its personal data is gone from every table — earlier versions,
kept conflicts, the pull feed's review note, attachments no other record names — and, on
SQLite, from the raw bytes of the database file (secure_delete, WAL truncated)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from pathlib import Path

import sqlalchemy as sa

from sync.hub import retention
from sync.hub.migrations import audit, blobs, changes, conflicts, record_versions, records
from tests.hub.helpers import complaint, outcomes, push, record, upload

NAME, TITLE, BODY, NOTE = "김뛣퓛수", "쀍쀎쀏 가로등", "뙇뙈뙉 밤마다 꺼집니다", "뷂뷃뷄 확인 바람"
RARE = ("뛣", "퓛", "쀍", "쀎", "쀏", "뙇", "뙈", "뙉", "뷂", "뷃", "뷄")
PHOTO = "made-up photo of 뛣퓛 streetlight".encode() * 50
SIGNATURE = "made-up signature of 뛣퓛".encode()


def _ref(data: bytes, **extra) -> dict:
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data), **extra}


def _case(bus, rid: str, n: int, *, photo: bytes = PHOTO) -> str:
    """A case with the rare text in every field, two versions and a kept conflict."""
    for data in (photo, SIGNATURE):
        assert upload(bus.url, bus.device_token, data).status_code in (200, 201, 204)
    petitioner = {**complaint(n)["petitioner"], "name": NAME}
    first = complaint(n, title=TITLE, body=BODY, petitioner=petitioner,
                      signature=_ref(SIGNATURE),
                      attachments=[_ref(photo, filename="사진.jpg", media_type="image/jpeg")])
    second = {**first, "body": BODY + " 두 번째"}
    assert outcomes(push(bus.url, bus.device_token, [record(rid, first)])) == ["accepted"]
    assert outcomes(push(bus.url, bus.device_token, [record(rid, second, 2, 1)])) == [
        "accepted"]
    stale = {**first, "title": TITLE + " 다른 수정"}
    assert outcomes(push(bus.url, bus.device_token, [record(rid, stale, 2, 1)])) == [
        "conflict"]
    return first["receipt_no"]


def _review(bus, number: str, state: str = "approved") -> None:
    done = bus.hub.cli("review", number, "--state", state, "--note", NOTE)
    assert done.returncode == 0, done.stderr


def _after(days: int) -> dt.datetime:
    return dt.datetime.now(dt.UTC) + dt.timedelta(days=days)


def _all_text(engine) -> str:
    with engine.connect() as conn:
        # (not repr(): SQLAlchemy shortens long values in a row's repr)
        parts = [str(value) for table in (records, record_versions, conflicts, changes, audit)
                 for row in conn.execute(sa.select(table)) for value in row]
        parts += [bytes(row.data).decode("utf-8", "replace")
                  for row in conn.execute(sa.select(blobs.c.data))]
    return "\n".join(parts)


def _raw_sqlite(url: str) -> bytes:
    """The database file's bytes and its WAL's, after a checkpoint (hub stopped)."""
    path = Path(url.removeprefix("sqlite:///"))
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_a_finished_case_past_its_period_leaves_no_personal_data(bus, engine, hub_db_url):
    number = _case(bus, "case-1", 1)
    _review(bus, number)
    kept_case = _case(bus, "case-2", 2, photo=PHOTO + b"2")  # not finished: kept whole
    rule = retention.rule()
    assert rule.days >= 365 and "제21조" in rule.basis

    assert retention.purge(engine, now=_after(rule.days - 1)) == []
    assert retention.purge(engine, now=_after(rule.days + 1)) == [number]
    assert retention.purge(engine, now=_after(rule.days + 1)) == []  # idempotent

    with engine.connect() as conn:
        row = conn.execute(sa.select(records).where(records.c.id == "case-1")).one()
        assert (row.receipt_no, row.review_state, row.review_note) == (number, "approved", None)
        assert row.purged_at and row.received_at and row.version == 2
        assert json.loads(row.content) == {
            "receipt_no": number, "kind": "grievance", "status": "received",
            "received_at": "2026-11-26T10:00:00+09:00", "deadline": "2026-12-10",
            "outcome": "filed", "attachments": [], "purged": True}
        assert conn.execute(sa.select(sa.func.count()).select_from(record_versions)
                            .where(record_versions.c.record_id == "case-1")).scalar() == 0
        assert conn.execute(sa.select(audit.c.action).where(audit.c.subject == number)
                            .order_by(audit.c.id.desc())).first() == ("record_purged",)
        held = {r.sha256 for r in conn.execute(sa.select(blobs.c.sha256))}
    assert _ref(PHOTO)["sha256"] not in held
    assert _ref(SIGNATURE)["sha256"] in held  # case 2 still names the signature
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(conflicts)
                            .where(conflicts.c.record_id == "case-1")).scalar() == 0
        feed = [r.body for r in conn.execute(sa.select(changes.c.body)
                                             .where(changes.c.record_id == "case-1"))]
    assert feed and not any(NOTE in body for body in feed)
    assert NOTE not in _all_text(engine)  # case 2 was never reviewed with a note
    listing = bus.hub.cli("cases", "--json")
    assert listing.returncode == 0, listing.stderr
    assert kept_case in listing.stdout

    if hub_db_url.startswith("sqlite"):
        bus.hub.stop()
        with engine.begin() as conn:  # case 2 goes too: then no rare byte may be left
            conn.execute(records.update().values(review_state="approved",
                                                 finished_at="2020-01-01T00:00:00.000+00:00"))
        assert retention.purge(engine, now=_after(1)) == [kept_case]
        engine.dispose()
        raw = _raw_sqlite(hub_db_url)
        assert [ch for ch in RARE if ch.encode("utf-8") in raw] == []


def test_a_case_not_finished_is_never_purged(bus, engine):
    number = _case(bus, "case-1", 1)
    _review(bus, number, "has_issues")
    assert retention.purge(engine, now=_after(100 * 365)) == []
    assert NAME in _all_text(engine)


def test_fieldbus_hub_purge_destroys_what_is_due(bus, engine):
    number = _case(bus, "case-1", 1)
    done = bus.hub.cli("purge", "--json")
    assert (done.returncode, json.loads(done.stdout)) == (0, {"purged": []})
    _review(bus, number)
    with engine.begin() as conn:  # the review, long ago
        conn.execute(records.update().values(finished_at="2020-01-01T00:00:00.000+00:00"))
    done = bus.hub.cli("purge")
    assert done.returncode == 0 and done.stdout.strip() == f"purged 1: {number}", done
    assert NAME not in _all_text(engine)

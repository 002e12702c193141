"""The hub's retention (issue 9 §7): a finished case past its period keeps its receipt
number, status and dates; its personal data is gone from every table — earlier versions,
kept conflicts, the pull feed's review note, attachments no other record names — and, on
SQLite, from the raw bytes of the database file (secure_delete, WAL truncated).

The period (issue 11) counts as 공공기록물 관리에 관한 법률 시행령 제26조③ counts it: "보존기간의
기산일은 … 기록물의 처리가 완결된 날이 속하는 다음 연도의 1월 1일로 한다" — finished in year Y
(Korean time), kept N whole years from 1 January Y+1, destroyed from 1 January Y+1+N,
00:00 KST. N is 10 (hub-retention.json, marked unverified)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from sync.hub import retention
from sync.hub.migrations import (audit, blobs, case_events, changes, conflicts,
                                 record_versions, records)
from tests.hub.helpers import complaint, counsel, outcomes, push, record, upload

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


KST = dt.timezone(dt.timedelta(hours=9))


def _kst(*fields: int) -> dt.datetime:
    return dt.datetime(*fields, tzinfo=KST)


def _finishing_year(engine, rid: str) -> int:
    """The KST year of the review that finished ``rid`` (read back: a review run a moment
    before midnight of 31 December KST belongs to the old year)."""
    with engine.connect() as conn:
        at = conn.execute(sa.select(records.c.finished_at)
                          .where(records.c.id == rid)).scalar_one()
    return dt.datetime.fromisoformat(at).astimezone(KST).year


def _all_text(engine) -> str:
    with engine.connect() as conn:
        # (not repr(): SQLAlchemy shortens long values in a row's repr)
        parts = [str(value) for table in (records, record_versions, conflicts, changes, audit,
                                          case_events)
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
    assert (rule.years, rule.verified) == (10, False) and "제21조" in rule.basis
    # reviewed today, in year Y (KST): kept through 31 December Y+10, gone from
    # 1 January Y+11 00:00 KST (e.g. Y = 2026: 2036-12-31 23:59 kept, 2037-01-01 gone)
    gone_from = _kst(_finishing_year(engine, "case-1") + 1 + rule.years, 1, 1)

    assert retention.purge(engine, now=gone_from - dt.timedelta(minutes=1)) == []
    assert retention.purge(engine, now=gone_from) == [number]
    assert retention.purge(engine, now=gone_from) == []  # idempotent

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
        # 2020-01-01T00:00Z = 2020-01-01 09:00 KST: year 2020, gone from 2031-01-01 KST
        assert retention.purge(engine, now=_kst(2030, 12, 31, 23, 59)) == []
        assert retention.purge(engine, now=_kst(2031, 1, 1)) == [kept_case]
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
    done = bus.hub.cli("purge")  # reviewed today: ten years and more to go
    assert done.returncode == 0, done
    assert done.stdout.strip() == ("nothing due: finished cases keep personal data 10 years "
                                   "from 1 January after they finished")
    with engine.begin() as conn:  # the review, long ago: 2015-06-01 09:00 KST, year 2015,
        # gone from 2026-01-01 KST (the clock now is in 2026 or later)
        conn.execute(records.update().values(finished_at="2015-06-01T00:00:00.000+00:00"))
    done = bus.hub.cli("purge")
    assert done.returncode == 0 and done.stdout.strip() == f"purged 1: {number}", done
    assert NAME not in _all_text(engine)


def _finished(bus, engine, finished: dict[str, str]) -> dict[str, str]:
    """Cases pushed and approved through the hub, then their finishing time set to the
    given UTC stamps (the review ran today); their receipt numbers by id."""
    numbers = {}
    for n, (rid, at) in enumerate(finished.items(), start=11):
        content = complaint(n)
        assert outcomes(push(bus.url, bus.device_token, [record(rid, content)])) == [
            "accepted"]
        _review(bus, content["receipt_no"])
        numbers[rid] = content["receipt_no"]
        with engine.begin() as conn:
            conn.execute(records.update().where(records.c.id == rid).values(finished_at=at))
    return numbers


def test_a_case_finished_in_december_is_not_destroyed_a_year_early(bus, engine):
    """The attack: counted from the finishing moment, a case finished late in 2026 would
    go in 2036 (or, counting 1095 days, in 2029); and a case finished just after
    midnight on 1 January 2027 KST is still 2026 in UTC. 제26조③: the period starts on
    1 January of the year after the finishing day, Korean time.
    dec:  2026-12-31 23:30 KST = 2026-12-31T14:30Z -> year 2026 -> start 2027-01-01,
          10 years -> destroyed from 2037-01-01 00:00 KST (2036-12-31T15:00Z).
    jan:  2027-01-01 00:10 KST = 2026-12-31T15:10Z -> year 2027 (not 2026) -> start
          2028-01-01 -> destroyed from 2038-01-01 00:00 KST."""
    numbers = _finished(bus, engine, {"dec": "2026-12-31T14:30:00.000+00:00",
                                      "jan": "2026-12-31T15:10:00.000+00:00"})
    # 1095 days after the December finish (2029-12-31), and ten years on: both kept
    assert retention.purge(engine, now=_kst(2030, 1, 1)) == []
    assert retention.purge(engine, now=_kst(2036, 12, 31, 23, 59)) == []
    assert retention.purge(engine, now=_kst(2037, 1, 1)) == [numbers["dec"]]
    assert retention.purge(engine, now=_kst(2037, 12, 31, 23, 59)) == []
    assert retention.purge(engine, now=_kst(2038, 1, 1)) == [numbers["jan"]]


def test_the_period_counts_whole_years_from_1_january_after_the_finishing_year(bus, engine):
    """제26조③ over a year's end, 10 years (hand-computed; KST = UTC+9):
    mar:  2026-03-10 10:00 KST = 2026-03-10T01:00Z -> 2026 -> gone from 2037-01-01 KST.
    eve:  2026-12-31 23:30 KST = 2026-12-31T14:30Z -> 2026 -> gone from 2037-01-01 KST.
    new:  2027-01-01 00:00 KST = 2026-12-31T15:00Z -> 2027 (the instant the year
          turns belongs to the new year) -> gone from 2038-01-01 KST.
    jan:  2027-01-01 00:10 KST = 2026-12-31T15:10Z -> 2027 -> gone from 2038-01-01 KST.
    The hub's cut-off at now = 2037-01-01 00:00 KST is 2027-01-01 00:00 KST =
    2026-12-31T15:00:00.000Z: mar and eve are before it, new and jan are not."""
    numbers = _finished(bus, engine, {"mar": "2026-03-10T01:00:00.000+00:00",
                                      "eve": "2026-12-31T14:30:00.000+00:00",
                                      "new": "2026-12-31T15:00:00.000+00:00",
                                      "jan": "2026-12-31T15:10:00.000+00:00"})
    # a year on (the laptop's 30 days long past): all kept
    assert retention.purge(engine, now=_kst(2027, 12, 31, 23, 59)) == []
    # 2036-12-31 23:59:59.999 KST = 2036-12-31T14:59:59.999Z: the last kept instant
    last = dt.datetime(2036, 12, 31, 14, 59, 59, 999000, tzinfo=dt.UTC)
    assert retention.purge(engine, now=last) == []
    assert retention.purge(engine, now=last + dt.timedelta(milliseconds=1)) == [
        numbers["eve"], numbers["mar"]]  # in id order
    assert retention.purge(engine, now=_kst(2037, 12, 31, 23, 59)) == []
    assert retention.purge(engine, now=_kst(2038, 1, 1)) == [numbers["jan"], numbers["new"]]
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(records)
                            .where(records.c.purged_at.is_(None))).scalar() == 0


def test_a_counsel_session_counts_from_1_january_after_the_hub_received_it(bus, engine):
    """Counsel counts from the hub's receipt (synced_at), the same way:
    c-jun: received 2026-06-01 09:00 KST = 2026-06-01T00:00Z -> 2026 -> gone 2037-01-01.
    c-jan: received 2027-01-01 00:10 KST = 2026-12-31T15:10Z -> 2027 -> gone 2038-01-01."""
    sessions = {"c-jun": counsel(1), "c-jan": counsel(2)}
    assert outcomes(push(bus.url, bus.device_token, [
        record(rid, content, type="counsel") for rid, content in sessions.items()])) == [
        "accepted", "accepted"]
    with engine.begin() as conn:
        for rid, at in (("c-jun", "2026-06-01T00:00:00.000+00:00"),
                        ("c-jan", "2026-12-31T15:10:00.000+00:00")):
            conn.execute(records.update().where(records.c.id == rid).values(synced_at=at))
    assert retention.rule("counsel").years == 10
    assert retention.purge(engine, now=_kst(2036, 12, 31, 23, 59)) == []
    assert retention.purge(engine, now=_kst(2037, 1, 1)) == [sessions["c-jun"]["number"]]
    assert retention.purge(engine, now=_kst(2037, 12, 31, 23, 59)) == []
    assert retention.purge(engine, now=_kst(2038, 1, 1)) == [sessions["c-jan"]["number"]]
    with engine.connect() as conn:
        kept = json.loads(conn.execute(sa.select(records.c.content)
                                       .where(records.c.id == "c-jan")).scalar_one())
    assert kept == {"number": sessions["c-jan"]["number"],
                    "received_at": "2026-11-26T11:00:00+09:00", "outcome": "advised",
                    "appeal_deadline": "2027-02-20", "purged": True}


def test_the_cut_off_is_1_january_kst_written_as_a_utc_stamp():
    """cutoff(now, N) = 1 January (now's KST year - N) 00:00 KST, as the hub writes stamps.
    now 2037-01-01 00:00 KST (= 2036-12-31T15:00Z, still 2036 in UTC): year 2037, N 10 ->
    2027-01-01 00:00 KST = 2026-12-31T15:00:00.000+00:00. One millisecond earlier the
    KST year is 2036 -> 2026-01-01 00:00 KST = 2025-12-31T15:00:00.000+00:00."""
    turn = dt.datetime(2036, 12, 31, 15, 0, tzinfo=dt.UTC)
    assert retention.cutoff(turn, 10) == "2026-12-31T15:00:00.000+00:00"
    assert retention.cutoff(turn - dt.timedelta(milliseconds=1), 10) == \
        "2025-12-31T15:00:00.000+00:00"
    assert retention.cutoff(_kst(2029, 7, 1), 3) == "2025-12-31T15:00:00.000+00:00"


@pytest.fixture
def days_table(tmp_path, monkeypatch):
    """``days_table(kind)``: the hub's table with ``kind`` left on the old "days" key, in
    use until the test ends; returns its path."""
    def write(kind: str):
        table = json.loads(retention._rules_file().read_text(encoding="utf-8"))
        table[kind]["days"] = table[kind].pop("years")
        path = tmp_path / "hub-retention.json"
        path.write_text(json.dumps(table, ensure_ascii=False), encoding="utf-8")
        monkeypatch.setattr(retention, "_rules_file", lambda: path)
        retention.rule.cache_clear()
        return path
    yield write
    retention.rule.cache_clear()


def test_a_table_without_years_stops_the_hub_naming_file_and_entry(days_table):
    """A table left with the old "days" must not give a silently wrong period."""
    path = days_table("complaint")
    with pytest.raises(ValueError) as info:
        retention.rule("complaint")
    assert str(info.value) == (f"{path}: complaint: 'years' must be an integer of at "
                               "least 1, not None")


def test_a_broken_table_stops_serve_before_it_listens(days_table, tmp_path, capsys):
    """``fieldbus-hub serve`` reads the rule at start: a table without "years" is one line
    and exit 2, not a server whose nightly purge fails in the log."""
    from sync.hub import cli as hub_cli_module

    path = days_table("counsel")
    code = hub_cli_module.main(["--db", f"sqlite:///{tmp_path / 'hub.db'}", "serve",
                                "--port", "9"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2
    assert err == [f"fieldbus-hub: {path}: counsel: 'years' must be an integer of at least 1, "
                   "not None"]

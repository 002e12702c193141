"""The review queue and review steps on a full hub (issue 13, "Speed"): each figure beside
a floor measured in the same run.

A hub holding 1,000,000 cases on PostgreSQL (100,000 on SQLite), written straight into the
database (made-up cases, 20 buses); then a real ``fieldbus-hub serve`` on it and a
supervisor working over HTTP:

* the queue — filtered, paged pages (``GET /api/v1/cases``; p95 ≤ 100 ms asked) and Korean
  text inside words (p95 ≤ 200 ms asked), each beside the bare query: the same
  SQLAlchemy query (:func:`sync.hub.cases.page`) run straight on the database;
* steps — naming a handler, returning with a note, approving, each with ``If-Match``
  (p95 ≤ 50 ms asked), beside the bare SQL a step must write (the case's row, its
  history, the feed's counter and change, in one transaction) and an empty HTTP round
  trip to the same hub (``GET /``).

Run: ``.venv/bin/python benchmarks/bench_review.py --out docs/benchmarks-review.md``
(``--pg-cases``, ``--sqlite-cases`` to change the sizes). Not a test: nothing here asserts
a time.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import report  # noqa: E402
from bench_sync_hub import PASSWORD, start_hub, stop  # noqa: E402

from sync import deadlines, protocol  # noqa: E402
from sync.hub import auth  # noqa: E402
from sync.hub.case_fields import case_fields  # noqa: E402
from sync.hub.db import append_change, connect, insert_many, now  # noqa: E402
from sync.hub.migrations import case_events, devices, records, registered_devices  # noqa: E402
from tests.hub.fixtures import PostgresServer, find_postgres_bin  # noqa: E402
from tests.hub.helpers import number  # noqa: E402

BUSES = [f"B{i:02d}A" for i in range(20)]
REGIONS = ["경상북도 구미시", "경상북도 안동시", "전라남도 순천시", "강원특별자치도 정선군",
           "충청북도 괴산군", "경상남도 하동군", "전북특별자치도 임실군", "제주특별자치도 서귀포시"]
TOPICS = ["마을 진입로 포장", "버스 정류장 신설", "농로 배수로 정비", "가로등 고장",
          "하천 제방 보수", "경로당 난방비 지원", "불법 투기 단속", "통학로 안전 펜스"]
KINDS = ["grievance", "grievance", "grievance", "inquiry", "suggestion", "report"]
STATES = ["received"] * 6 + ["has_issues", "edited", "approved", "forwarded", "rejected",
                             "closed"]
KST = deadlines.KST
CHUNK = 20_000
START = (datetime.now(KST).replace(hour=10, minute=0, second=0, microsecond=0)
         - timedelta(days=10))


def _cases(device_ids: dict[str, int], total: int, rng: random.Random):
    """Rows for ``records``, a chunk at a time: each bus numbers its cases per day (9,000
    a day at most), on consecutive days from :data:`START` — ten days ago, so that some are
    overdue and some due within the week."""
    per_bus = total // len(BUSES)
    start = START
    stamp = now()
    chunk = []
    dues: dict[tuple[str, str], str] = {}
    for bus in BUSES:
        for n in range(per_bus):
            day = start + timedelta(days=n // 9000)
            kind = rng.choice(KINDS)
            topic, region = rng.choice(TOPICS), rng.choice(REGIONS)
            key = (kind, day.date().isoformat())
            if key not in dues:
                dues[key] = deadlines.statutory_deadline(kind, day).due.isoformat()
            receipt = number(bus, n % 9000 + 1, day.strftime("%y%m%d"))
            content = {"receipt_no": receipt, "kind": kind, "title": f"{region[-3:]} {topic} 요청",
                       "body": f"{topic} 문제로 여러 차례 요청했으나 아직 해결되지 않았습니다.",
                       "agency": "관계기관", "region": region, "status": "received",
                       "received_at": day.isoformat(), "deadline": dues[key][:10],
                       "deadline_due": dues[key], "deadline_rule": kind, "attachments": [],
                       "petitioner": {"name": "가상인"}}
            text = protocol.canonical_json(content).decode("utf-8")
            chunk.append({"id": f"{bus}-{n}", "type": "complaint", "device_id": device_ids[bus],
                          "version": 1, "content_hash": protocol.content_hash(content),
                          "content": text, "receipt_no": receipt,
                          "received_at": content["received_at"], "synced_at": stamp,
                          "review_state": rng.choice(STATES), "review_note": None,
                          "status": None, "epeople_no": None, "case_version": 1,
                          "extended_by": 0, "extensions": 0,
                          **case_fields("complaint", content)})
            if len(chunk) == CHUNK:
                yield chunk
                chunk = []
    if chunk:
        yield chunk


def fill(db_url: str, total: int, seed: int = 13) -> float:
    """A hub database with ``total`` made-up cases, a supervisor and the buses; seconds."""
    started = time.perf_counter()
    engine = connect(db_url)
    auth.add_user(engine, "boss", "supervisor", PASSWORD)
    with engine.begin() as conn:
        user = conn.execute(auth.users.select()).first().id
        for bus in BUSES:
            conn.execute(registered_devices.insert().values(code=bus, registered_at=now()))
            conn.execute(devices.insert().values(
                code=bus, key_hash=auth.token_hash(bus), qr_secret="ab" * 32, token_hash=None,
                revoked=False, enrolled_by=user, enrolled_at=now()))
        ids = {row.code: row.id for row in conn.execute(sa.select(devices.c.code, devices.c.id))}
    for chunk in _cases(ids, total, random.Random(seed)):
        with engine.begin() as conn:
            insert_many(conn, records, chunk)
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(sa.text("ANALYZE records"))
        else:
            conn.execute(sa.text("ANALYZE"))
    engine.dispose()
    return time.perf_counter() - started


def _p95(latencies: list[float]) -> tuple[float, float]:
    ordered = sorted(latencies)
    return statistics.median(ordered) * 1000, ordered[int(0.95 * len(ordered)) - 1] * 1000


def bare_steps(db_url: str, receipts: list[str]) -> list[float]:
    """The floor: what one step must write, and nothing else, in one transaction each."""
    engine = connect(db_url, migrate=False)
    spent = []
    try:
        for receipt in receipts:
            started = time.perf_counter()
            with engine.begin() as conn:
                row = conn.execute(sa.select(records.c.id, records.c.device_id,
                                             records.c.case_version)
                                   .where(records.c.receipt_no == receipt)
                                   .with_for_update()).first()
                conn.execute(records.update().where(records.c.id == row.id).values(
                    case_version=row.case_version + 1, handler='{"name": "x"}'))
                conn.execute(case_events.insert().values(
                    record_id=row.id, at=now(), actor="floor", role="supervisor",
                    action="assign", case_version=row.case_version + 1))
                append_change(conn, device_id=row.device_id, record_id=row.id,
                              body={"type": "review", "id": row.id})
            spent.append(time.perf_counter() - started)
    finally:
        engine.dispose()
    return spent


def http_steps(url: str, receipts: list[str]) -> tuple[list[float], list[float], dict[int, int]]:
    """The hub taking steps (assign, return, approve in turn, each with If-Match) and, in
    turn with each, an empty round trip to the same hub."""
    token = httpx.post(url + protocol.LOGIN, json={"username": "boss", "password": PASSWORD},
                       timeout=60).json()["token"]
    client = httpx.Client(base_url=url, timeout=60, headers={"Authorization": f"Bearer {token}"})
    steps = [{"action": "assign", "handler": {"org": "도로과", "name": "가상담당",
                                              "phone": "054-000-0000"}},
             {"action": "return", "note": "주소를 확인해 주십시오."},
             {"action": "approve"}]
    spent, empty, statuses = [], [], {}
    with client:
        for i, receipt in enumerate(receipts):
            case = client.get(protocol.CASE.format(receipt_no=receipt))
            etag = case.headers["ETag"]
            started = time.perf_counter()
            answer = client.post(protocol.REVIEW.format(receipt_no=receipt),
                                 json=steps[i % len(steps)], headers={"If-Match": etag})
            spent.append(time.perf_counter() - started)
            statuses[answer.status_code] = statuses.get(answer.status_code, 0) + 1
            started = time.perf_counter()
            client.get("/").raise_for_status()
            empty.append(time.perf_counter() - started)
    return spent, empty, statuses


#: The queue's pages measured: filter mixes a supervisor uses, and searches.
PAGES = [{"order": "due"}, {"order": "due", "state": "received,edited"},
         {"order": "due", "overdue": "true"}, {"order": "due", "due_within": "7"},
         {"order": "due", "kind": "grievance", "region": "경상북도"},
         {"order": "due", "device": "B03A", "state": "received"},
         {"order": "due", "received_from": str((START + timedelta(days=1)).date()),
          "received_to": str((START + timedelta(days=2)).date())},
         {"order": "due", "offset": "2000"}]
SEARCHES = [{"q": "포장"}, {"q": "정류장"}, {"q": "배수로 정비"}, {"q": "난방비"},
            {"q": "로포"}, {"q": "제방", "state": "received"}]


def _filters(params: dict[str, str]):
    from sync.hub.case_queue import Filters

    return Filters(
        device=tuple(filter(None, params.get("device", "").split(","))),
        received_from=(datetime.fromisoformat(params["received_from"]).date()
                       if "received_from" in params else None),
        received_to=(datetime.fromisoformat(params["received_to"]).date()
                     if "received_to" in params else None),
        region=params.get("region"), kind=params.get("kind"),
        state=tuple(filter(None, params.get("state", "").split(","))),
        overdue=params.get("overdue") == "true",
        due_within=int(params["due_within"]) if "due_within" in params else None,
        q=params.get("q"), order=params.get("order", "synced"))


def queue_pages(db_url: str, url: str, mixes: list[dict], rounds: int) -> tuple[list, list, int]:
    """Each mix ``rounds`` times over HTTP and, in turn, as the bare query; the largest
    total seen (so the figures are not of empty pages)."""
    from sync.hub import cases

    token = httpx.post(url + protocol.LOGIN, json={"username": "boss", "password": PASSWORD},
                       timeout=60).json()["token"]
    client = httpx.Client(base_url=url, timeout=60, headers={"Authorization": f"Bearer {token}"})
    engine = connect(db_url, migrate=False)
    http, bare, most = [], [], 0
    try:
        with client:
            for _ in range(rounds):
                for params in mixes:
                    offset = int(params.get("offset", 0))
                    started = time.perf_counter()
                    cases.page(engine, None, _filters(params), limit=100, offset=offset)
                    bare.append(time.perf_counter() - started)
                    started = time.perf_counter()
                    answer = client.get(protocol.CASES, params={"limit": "100", **params})
                    http.append(time.perf_counter() - started)
                    answer.raise_for_status()
                    most = max(most, answer.json()["total"])
    finally:
        engine.dispose()
    return http, bare, most


def received(db_url: str, count: int, seed: int = 7) -> list[str]:
    """``count`` receipt numbers of cases still ``received``, spread over the table."""
    engine = connect(db_url, migrate=False)
    with engine.connect() as conn:
        found = list(conn.execute(sa.select(records.c.receipt_no)
                                  .where(records.c.review_state == "received")
                                  .limit(count * 20)).scalars())
    engine.dispose()
    return random.Random(seed).sample(found, count)


def measure(db_url: str, total: int, steps: int) -> dict:
    filled = fill(db_url, total)
    chosen = received(db_url, steps * 2)
    hub, url = start_hub(db_url)
    try:
        pages, pages_bare, _ = queue_pages(db_url, url, PAGES, 12)
        found, found_bare, _ = queue_pages(db_url, url, SEARCHES, 12)
        spent, empty, statuses = http_steps(url, chosen[:steps])
    finally:
        stop(hub)
    bare = bare_steps(db_url, chosen[steps:])
    return {"cases": total, "fill_s": filled, "step": _p95(spent), "empty": _p95(empty),
            "bare": _p95(bare), "statuses": statuses, "steps": steps,
            "pages": _p95(pages), "pages_bare": _p95(pages_bare), "pages_n": len(pages),
            "search": _p95(found), "search_bare": _p95(found_bare), "search_n": len(found)}


def lines_for(name: str, f: dict) -> list[str]:
    def cell(pair):
        return f"{pair[0]:.1f} / **{pair[1]:.1f}**"

    def floor(pair):
        return f"{pair[0]:.1f} / {pair[1]:.1f}"

    statuses = ", ".join(f"{k}: {v}" for k, v in sorted(f["statuses"].items()))
    return [f"| {name} | {f['cases']:,} | queue page ({f['pages_n']}) | {cell(f['pages'])} | "
            f"{floor(f['pages_bare'])} | ≤ 100 |",
            f"| {name} | {f['cases']:,} | search inside words ({f['search_n']}) | "
            f"{cell(f['search'])} | {floor(f['search_bare'])} | ≤ 200 |",
            f"| {name} | {f['cases']:,} | review step ({f['steps']}; {statuses}) | "
            f"{cell(f['step'])} | {floor(f['bare'])} SQL; {floor(f['empty'])} empty HTTP | "
            f"≤ 50 |"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path)
    parser.add_argument("--pg-cases", type=int, default=1_000_000)
    parser.add_argument("--sqlite-cases", type=int, default=100_000)
    parser.add_argument("--steps", type=int, default=300)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        sqlite = measure(f"sqlite:///{Path(tmp) / 'hub.sqlite3'}", args.sqlite_cases, args.steps)
        rows += lines_for("SQLite", sqlite)
    bin_dir = find_postgres_bin()
    if bin_dir is None:
        rows.append("| PostgreSQL | not measured: no server binaries | | | | |")
    else:
        server = PostgresServer(bin_dir)
        server.start()
        try:
            pg = measure(server.new_database(), args.pg_cases, args.steps)
            rows += lines_for("PostgreSQL", pg)
        finally:
            server.stop()
    report.write([
        "# The review queue and review steps on a full hub", "", report.measured_on(), "",
        "A supervisor over HTTP on a real `fieldbus-hub serve` holding the cases below "
        "(made-up, 20 buses, written straight into the database). Queue pages: 100 cases "
        f"each, {len(PAGES)} filter mixes (`order=due` with states, overdue, due within 7 "
        "days, kind and region, one bus, a date range, a deep page) and "
        f"{len(SEARCHES)} searches inside Korean words (two- and three-syllable), 12 rounds; "
        "the floor is the same query run straight on the database (`sync.hub.cases.page`, "
        "no HTTP). Steps: naming a handler, returning with a note, approving, in turn, each "
        "with `If-Match`; floors: the bare SQL a step must write (the row, its history, the "
        "feed's counter and change, one transaction) and an empty round trip to the same "
        "hub (`GET /`). Median / p95 in ms.", "",
        "| database | cases | what (requests) | hub | floor | asked p95 |",
        "|---|---|---|---|---|---|", *rows, "",
        "Cases were filled in "
        + ", ".join(f"{name} {fig['fill_s']:.0f} s" for name, fig in
                    (("SQLite", sqlite), *((("PostgreSQL", pg),) if bin_dir else ())))
        + ". A step adds to its floors the token's lookup, the request's validation, the "
        "case read under a row lock, the workflow's checks, the audit entry and the JSON; "
        "a page adds the token, the read audit (one row per case listed) and the JSON of "
        "100 whole cases. Pages walk an index in their order (`sync/hub/migrations.py`, "
        "`_queue_indexes`); `total` is counted up to 1,000. A search on PostgreSQL reads "
        "the first 20,000 filtered cases in the page's order and checks the text of each, "
        "then, when they do not hold the page, asks the bigram index "
        "(`sync/hub/cases.py`, `_walk`); SQLite checks the search text in order.",
        "", "Run: `.venv/bin/python benchmarks/bench_review.py --out "
        "docs/benchmarks-review.md`. Not a test: nothing asserts a time."],
        args.out)


if __name__ == "__main__":
    main()

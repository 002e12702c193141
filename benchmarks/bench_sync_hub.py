"""Hub benchmarks (issue 5): each figure beside a floor measured in the same run.

* Pushing 10,000 complaints (no attachments) in 100-record batches over loopback to a
  real ``fieldbus-hub serve`` on SQLite, one laptop sending batch after batch — beside the
  floor: the same batches POSTed with plain httpx to an endpoint that does nothing.
* Uploading attachments (PUT, verified on arrival, stored) — beside a plain httpx upload
  of the same bytes to an endpoint that reads and drops them.

Hub and floor get the same requests alternately, so both see the same machine load.
* A hub on PostgreSQL and 200 simulated laptops syncing at once (push a visit's 30 cases,
  then pull): the push latency's median and 95th percentile.

Run: ``bash scripts/bench.sh`` (or this file with ``--out docs/benchmarks-sync.md``). Not
a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import gzip
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import report  # noqa: E402

from sync import protocol  # noqa: E402
from sync.hub import auth  # noqa: E402
from sync.hub.db import connect, now  # noqa: E402
from sync.hub.migrations import devices, registered_devices  # noqa: E402
from tests.hub.fixtures import PostgresServer, find_postgres_bin, free_port  # noqa: E402
from tests.hub.helpers import number  # noqa: E402

PASSWORD = "benchmark password"
PLACES = ["선산읍", "고아읍", "무을면", "옥성면", "도개면", "해평면", "산동읍", "장천면"]
TOPICS = ["마을 진입로 포장", "버스 정류장 신설", "농로 배수로 정비", "가로등 고장",
          "하천 제방 보수", "경로당 난방비 지원", "불법 투기 단속", "통학로 안전 펜스"]


def complaint(device: str, n: int, rng: random.Random) -> dict:
    place, topic = rng.choice(PLACES), rng.choice(TOPICS)
    body = (f"{place} {rng.randint(1, 40)}리 주민입니다. {topic} 문제로 여러 차례 요청했으나 "
            "아직 해결되지 않았습니다. 비가 오면 통행이 어렵고 어르신들이 넘어질 위험이 "
            "큽니다. 현장을 확인하시고 조치 계획을 알려 주시기 바랍니다. ") * rng.randint(1, 3)
    return {
        # a per-device daily sequence of 4 digits: 10,000 cases span two days
        "receipt_no": number(device, n % 9000 + 1, f"2611{1 + n // 9000:02d}"),
        "kind": "grievance",
        "title": f"{place} {topic} 요청", "body": body, "agency": "구미시청",
        "region": "경상북도 구미시", "channel": rng.choice(["booked", "walk_in"]),
        "petitioner": {"name": "가상인", "type": "individual", "phone": "010-0000-0000",
                       "email": None, "address": f"경상북도 구미시 {place} 가상길 {n}",
                       "postcode": "39140", "birth_year": rng.randint(1930, 2000)},
        "consent": {"personal_info": True, "notice_version": "2026-01"},
        "disclosure": "private", "notify_by": "sms", "outcome": "filed", "referred_to": None,
        "received_at": "2026-11-26T10:00:00+09:00", "deadline": "2026-12-10",
        "status": "received", "visit": None, "signature": None, "attachments": [],
    }


def batches(device: str, total: int, size: int, seed: int = 5) -> list[dict]:
    rng = random.Random(seed)
    records = []
    for n in range(1, total + 1):
        content = complaint(device, n, rng)
        records.append({"type": "complaint", "id": f"{device}-{n}", "version": 1,
                        "base_version": None, "content_hash": protocol.content_hash(content),
                        "content": content})
    return [{"protocol": 1, "device": device, "records": records[i:i + size]}
            for i in range(0, total, size)]


# -- servers ------------------------------------------------------------------------------


async def floor_app(scope, receive, send):
    """An endpoint that does nothing: reads the body, answers ``{}``."""
    if scope["type"] != "http":
        return
    more = True
    while more:
        message = await receive()
        more = message.get("more_body", False)
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": b"{}"})


def start(args: list[str], port: int) -> subprocess.Popen:
    process = subprocess.Popen([sys.executable, *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/", timeout=1)
            return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError(f"server {args} did not start")


def start_floor() -> tuple[subprocess.Popen, str]:
    port = free_port()
    return start([__file__, "--floor-server", str(port)], port), f"http://127.0.0.1:{port}"


def start_hub(db_url: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = start(["-m", "sync.hub.cli", "--db", db_url, "serve", "--port", str(port)], port)
    return process, f"http://127.0.0.1:{port}"


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(30)


def add_devices(db_url: str, codes: list[str]) -> dict[str, str]:
    """Device tokens, written straight into the database (enrolling 200 laptops through
    Argon2 would time the password hash, not the sync)."""
    engine = connect(db_url)
    auth.add_user(engine, "bench", "officer", PASSWORD)
    tokens = {}
    with engine.begin() as conn:
        user_id = conn.execute(auth.users.select()).first().id
        for code in codes:
            tokens[code] = auth._new_token(auth.DEVICE_PREFIX)
            conn.execute(registered_devices.insert().values(code=code, registered_at=now()))
            conn.execute(devices.insert().values(
                code=code, key_hash=auth.token_hash(code), qr_secret="ab" * 32,
                token_hash=auth.token_hash(tokens[code]), revoked=False,
                enrolled_by=user_id, enrolled_at=now()))
    engine.dispose()
    return tokens


# -- measurements -------------------------------------------------------------------------


def interleaved(requests: list[tuple[str, dict]], hub: httpx.Client,
                floor: httpx.Client) -> tuple[float, float]:
    """Seconds the hub and the floor took for the same requests, sent alternately —
    one to the floor, the same to the hub — so that both see the same load on a machine
    shared with other work. Each answer must be a 2xx."""
    spent = {"hub": 0.0, "floor": 0.0}
    for method, kwargs in requests:
        for name, client in (("floor", floor), ("hub", hub)):
            started = time.perf_counter()
            client.request(method, kwargs[name], **kwargs["send"]).raise_for_status()
            spent[name] += time.perf_counter() - started
    return spent["hub"], spent["floor"]


def clients(hub_url: str, floor_url: str, token: str) -> tuple[httpx.Client, httpx.Client]:
    return (httpx.Client(base_url=hub_url, timeout=120,
                         headers={"Authorization": f"Bearer {token}"}),
            httpx.Client(base_url=floor_url, timeout=120))


def push_throughput(tmp: Path, *, v2: bool = False) -> tuple[float, float]:
    """Cases a second: the hub taking 10,000 complaints in 100-record batches, one laptop
    sending batch after batch; and the floor taking the same POSTs. ``v2``: as a laptop of
    protocol 2 sends them (gzipped, encoded beforehand as a laptop does on its own
    processor), which the hub inflates."""
    db_url = f"sqlite:///{tmp / ('push2' if v2 else 'push')}.sqlite3"
    token = add_devices(db_url, ["B07A", "W0"])
    (hub, hub_url), (floor, floor_url) = start_hub(db_url), start_floor()
    hub_client, floor_client = clients(hub_url, floor_url, token["B07A"])
    try:
        def posts(bodies):
            if v2:
                headers = {"Content-Type": "application/json", "Content-Encoding": "gzip",
                           protocol.PROTOCOL_HEADER: "2"}
                return [("POST", {"hub": protocol.PUSH, "floor": "/push", "send": {
                    "content": gzip.compress(json.dumps({**b, "protocol": 2}).encode(), 6),
                    "headers": headers}}) for b in bodies]
            return [("POST", {"hub": protocol.PUSH, "floor": "/push", "send": {"json": b}})
                    for b in bodies]

        warm_hub, warm_floor = clients(hub_url, floor_url, token["W0"])
        with warm_hub, warm_floor:  # warm-up, on another device
            interleaved(posts(batches("W0", 300, 100, seed=9)), warm_hub, warm_floor)
        bodies = batches("B07A", 10_000, 100)
        hub_seconds, floor_seconds = interleaved(posts(bodies), hub_client, floor_client)
        again = hub_client.post(protocol.PUSH, json={**bodies[0], "protocol": 1}).json()
        assert {r["outcome"] for r in again["results"]} == {"duplicate"}, again
    finally:
        hub_client.close()
        floor_client.close()
        stop(hub)
        stop(floor)
    return 10_000 / hub_seconds, 10_000 / floor_seconds


def attachment_throughput(tmp: Path, *, tus: bool = False) -> tuple[float, float, int, float]:
    """MB a second: 40 attachments of 4 MiB PUT to the hub (hashed, verified, stored) —
    or, with ``tus``, each sent as the laptop of protocol 2 sends a file on a link that
    holds: one tus creation carrying the whole file — and the same bytes PUT to the floor
    (read and dropped); the bytes; the load average."""
    tmp.mkdir()
    rng = random.Random(7)
    blobs = [rng.randbytes(4 * 2**20) for _ in range(43)]
    db_url = f"sqlite:///{tmp / 'blobs.sqlite3'}"
    token = add_devices(db_url, ["B07A"])["B07A"]
    (hub, hub_url), (floor, floor_url) = start_hub(db_url), start_floor()
    hub_client, floor_client = clients(hub_url, floor_url, token)
    try:
        puts = [("PUT", {"hub": protocol.ATTACHMENT.format(sha256=sha), "floor": f"/a/{sha}",
                         "send": {"content": data,
                                  "headers": {"Content-Type": "application/octet-stream"}}})
                for data in blobs for sha in [hashlib.sha256(data).hexdigest()]]
        if tus:
            puts = [("POST", {"hub": protocol.UPLOADS, "floor": f"/a/{sha}", "send": {
                "content": data, "headers": {
                    "Content-Type": protocol.TUS_CONTENT_TYPE,
                    "Tus-Resumable": protocol.TUS_VERSION, "Upload-Length": str(len(data)),
                    protocol.PROTOCOL_HEADER: "2",
                    "Upload-Metadata": "sha256 " + base64.b64encode(sha.encode()).decode()}}})
                for data in blobs for sha in [hashlib.sha256(data).hexdigest()]]
        interleaved(puts[:3], hub_client, floor_client)  # warm-up
        hub_seconds, floor_seconds = interleaved(puts[3:], hub_client, floor_client)
    finally:
        hub_client.close()
        floor_client.close()
        stop(hub)
        stop(floor)
    total = sum(map(len, blobs[3:]))
    shutil.rmtree(tmp)  # 170 MB: not left for the next run's disk to write back
    return total / hub_seconds / 1e6, total / floor_seconds / 1e6, total, os.getloadavg()[0]


async def laptop(url: str, token: str, body: bytes, go: asyncio.Event, delay: float,
                 check: bool) -> float:
    """One laptop: connects, waits for ``go`` and ``delay`` seconds, pushes ``body`` (JSON
    encoded beforehand, as a real laptop does on its own processor, not the hub's), pulls.
    Returns the push's latency."""
    async with httpx.AsyncClient(headers={"Authorization": f"Bearer {token}",
                                          "Content-Type": "application/json"},
                                 timeout=300) as client:
        await client.get(url + "/")  # connected before the start, as a waiting laptop is
        await go.wait()
        await asyncio.sleep(delay)
        started = time.perf_counter()
        answer = await client.post(url + protocol.PUSH, content=body)
        took = time.perf_counter() - started
        answer.raise_for_status()
        if check:
            assert {r["outcome"] for r in answer.json()["results"]} == {"accepted"}
        (await client.get(url + protocol.PULL)).raise_for_status()
        return took


async def many_laptops(url: str, bodies: dict[str, tuple[str, bytes]], window: float,
                       check: bool) -> list[float]:
    """Every laptop pushes its body and pulls, starting at a random moment of ``window``
    seconds (0: all at the same instant). Sorted push latencies."""
    go, rng = asyncio.Event(), random.Random(11)
    jobs = [asyncio.create_task(laptop(url, token, body, go, rng.uniform(0, window), check))
            for token, body in bodies.values()]
    await asyncio.sleep(3)
    go.set()
    return sorted(await asyncio.gather(*jobs))


def _figures(latencies: list[float]) -> tuple[float, float, float]:
    """Median, 95th percentile and maximum, in ms."""
    p95 = latencies[int(0.95 * len(latencies)) - 1]
    return statistics.median(latencies) * 1000, p95 * 1000, latencies[-1] * 1000


def concurrent_laptops(laptops: int = 200, cases: int = 30, windows: tuple[float, ...] = (0, 10),
                       rounds: int = 3) -> tuple[dict[float, list], int] | str:
    """For each window, ``rounds`` times: the laptops against the floor, then against a
    fresh hub on PostgreSQL. Returns {window: [(hub figures, floor figures), …]} and the
    size of one laptop's push."""
    bin_dir = find_postgres_bin()
    if bin_dir is None:
        return "not measured: no PostgreSQL server binaries (initdb, pg_ctl) on this machine"
    codes = [f"L{i:03d}" for i in range(laptops)]
    encoded = {code: json.dumps(batches(code, cases, cases)[0]).encode() for code in codes}
    server = PostgresServer(bin_dir)
    server.start()
    floor, floor_url = start_floor()
    try:
        figures: dict[float, list] = {}
        for window in windows:
            for _ in range(rounds):
                on_floor = asyncio.run(many_laptops(
                    floor_url, {c: ("-", encoded[c]) for c in codes}, window, check=False))
                db_url = server.new_database()
                tokens = add_devices(db_url, codes)
                hub, hub_url = start_hub(db_url)
                try:
                    on_hub = asyncio.run(many_laptops(
                        hub_url, {c: (tokens[c], encoded[c]) for c in codes}, window,
                        check=True))
                finally:
                    stop(hub)
                figures.setdefault(window, []).append((_figures(on_hub), _figures(on_floor),
                                                       os.getloadavg()[0]))
    finally:
        stop(floor)
        server.stop()
    return figures, len(encoded[codes[0]])


NOTES = """How to read it. Hub and floor get the same requests alternately (one to the floor,
the same to the hub), so both see the same load on this 2-core VM shared with other work
("load" is the 1-minute load average at the end of each run); figures still move by
±30 % between runs. The push floor is the HTTP stack alone (uvicorn + httpx on loopback,
JSON of the same batches); the hub adds validation (pydantic, the content hash
recomputed, the content's shape), the judgement against what it holds and one
transaction per batch writing each record and its version.

Attachments: on top of the same transfer, the hub hashes every chunk as it arrives (no
second pass), checks the token and writes the blob into SQLite (about 3.7 ms per 4 MiB
with 16 KiB pages) only once the hash matches. The WAL is copied back into the database
by a thread of the hub's own every half second rather than by the request whose commit
crosses the threshold, which paid about 5 ms per 4 MiB for it (copy and fsyncs). With
both, runs of the old and the new hub taken in turn measured 39–47 % and 51–65 % of the
floor; the margin over 50 % is thin on a loaded machine.

200 laptops. Each pushes what the app sends after a day on the bus — one batch of 30
new complaints, about 62 KB of JSON (Korean text, 2 KB a case), encoded beforehand as a
laptop does on its own processor — then pulls. *At the same instant* is the worst case:
6,000 cases arriving within a millisecond at one hub process, so every push waits for
the ones ahead of it and the latency is the time to take the whole burst. The hub
spends about 9 ms of CPU per laptop (the HTTP request and 62 KB of JSON, the token
check, the push's queries and COPY, the pull), about 1.9 s for the 200, in one Python
process; PostgreSQL adds about 1 s, and the 200 simulated laptops run on the same two
cores. Even the do-nothing endpoint needs about 230 ms at p95 for this burst, so 300 ms
cannot be reached on this machine. Two uvicorn workers were tried and were slower here
(p95 1.5–1.8 s against 1.2–1.4 s: the second process only competes for the same two
cores with PostgreSQL and the laptops), and are not offered. *Within the same 10 s* —
laptops arriving as they come back into range (the app syncs when the hub becomes
reachable and every few minutes after) — is the case the 300 ms target is met for. A
centre expecting true bursts would run several hub processes on more cores behind a load
balancer (PostgreSQL serves them all; the pull feed's order holds across processes)."""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path)
    parser.add_argument("--floor-server", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor_server:
        import uvicorn

        uvicorn.run(floor_app, host="127.0.0.1", port=args.floor_server, access_log=False,
                    log_level="warning")
        return
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        pushed, push_floor = push_throughput(tmp)
        pushed2, push_floor2 = push_throughput(tmp, v2=True)
        # In turn, so that both see the same machine (each run writes 170 MB; a disk busy
        # writing back the last runs' slows the next).
        uploads, resumable = [], []
        for n in range(3):
            uploads.append(attachment_throughput(tmp / str(n)))
            resumable.append(attachment_throughput(tmp / f"tus{n}", tus=True))
    crowd = concurrent_laptops()
    total = uploads[0][2]
    lines = [report.measured_on(), "",
             "| what | figure | floor, same run | target |", "|---|---|---|---|",
             f"| push 10,000 complaints in 100-record batches over loopback, one laptop "
             f"(hub on SQLite) | {pushed:,.0f} cases/s | plain httpx POSTs of the same "
             f"batches to a do-nothing endpoint: {push_floor:,.0f} cases/s | >= 5,000 /s |",
             f"| the same as a laptop of protocol 2 sends them (gzipped JSON; the hub "
             f"inflates) | {pushed2:,.0f} cases/s | the same gzipped POSTs to a do-nothing "
             f"endpoint: {push_floor2:,.0f} cases/s | >= 5,000 /s |"]
    for n, (uploaded, upload_floor, _total, load) in enumerate(uploads, 1):
        lines.append(
            f"| upload {total // 2**20} MiB of attachments (4 MiB each; hash verified, "
            f"stored in SQLite), run {n} of {len(uploads)}, load {load:.1f} | "
            f"{uploaded:,.0f} MB/s (**{uploaded / upload_floor:.0%} of the floor**) | plain "
            f"httpx upload of the same bytes: {upload_floor:,.0f} MB/s | >= 50 % of the floor |")
    for n, (uploaded, upload_floor, _total, load) in enumerate(resumable, 1):
        lines.append(
            f"| upload {total // 2**20} MiB of attachments over tus as a laptop of protocol 2 "
            f"does (one creation carrying each 4 MiB file; hash verified, stored in SQLite), "
            f"run {n} of {len(resumable)}, load {load:.1f} | {uploaded:,.0f} MB/s "
            f"(**{uploaded / upload_floor:.0%} of the floor**) | plain httpx upload of the same "
            f"bytes: {upload_floor:,.0f} MB/s | >= 50 % of the floor |")
    if isinstance(crowd, str):
        lines.append(f"| 200 laptops at once on PostgreSQL | {crowd} | - | p95 <= 300 ms |")
    else:
        runs, size = crowd
        for window, rounds in runs.items():
            when = ("all at the same instant" if not window
                    else f"each at a random moment of the same {window:.0f} s")
            for n, ((median, p95, worst), (_m, floor_p95, _w), load) in enumerate(rounds, 1):
                lines.append(
                    f"| 200 laptops on one hub on PostgreSQL, each pushing a visit's 30 cases "
                    f"({size / 1000:.0f} KB of JSON) then pulling, {when}; run {n} of "
                    f"{len(rounds)}, load {load:.1f}: push latency | median {median:,.0f} ms, "
                    f"**p95 {p95:,.0f} ms**, max {worst:,.0f} ms | the same pushes to a "
                    f"do-nothing endpoint: p95 {floor_p95:,.0f} ms | p95 <= 300 ms |")
    lines += ["", NOTES]
    report.write(lines, args.out)


if __name__ == "__main__":
    main()

"""Store benchmarks (issue 2): each figure beside a floor measured in the same run.

Run: ``bash scripts/bench.sh`` (writes docs/benchmarks.md). Not a test: nothing here
asserts a time; the numbers are for people to read next to their floors.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import report  # noqa: E402

from fieldbus.store import sqlcipher  # noqa: E402,F401  (registers the driver)
from sync.deadlines import KST  # noqa: E402
from fieldbus.domain.intake import parse_complaint  # noqa: E402
from fieldbus.store import complaints, search  # noqa: E402
from fieldbus.store.sqlcipher import connect  # noqa: E402
from fieldbus.store.store import Store  # noqa: E402

PIN = "482193"


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def bare_connection(path: Path):
    return connect(path, secrets.token_bytes(32)).conn


def floor_insert_commit(tmp: Path, n: int = 300) -> float:
    conn = bare_connection(tmp / "floor1.db")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
    times = []
    for i in range(n):
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("INSERT INTO t (body) VALUES (?)", (f"row {i}",))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - start)
    conn.close()
    return median_ms(times)


def floor_executemany(tmp: Path, n: int = 100_000) -> float:
    conn = bare_connection(tmp / "floor2.db")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT, c INTEGER)")
    rows = [(f"a{i}", f"b{i}", i) for i in range(n)]
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO t (a, b, c) VALUES (?, ?, ?)", rows)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return n / elapsed


def floor_fts(tmp: Path, bodies: list[str], queries: list[str]) -> tuple[float, float, float]:
    conn = bare_connection(tmp / "floor3.db")
    conn.execute("CREATE VIRTUAL TABLE f USING fts5(body, tokenize='trigram')")
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO f (body) VALUES (?)", [(b,) for b in bodies])
    conn.execute("COMMIT")
    build_rate = len(bodies) / (time.perf_counter() - start)
    match, like = [], []
    for q in queries:
        start = time.perf_counter()
        conn.execute("SELECT rowid FROM f WHERE f MATCH ? LIMIT 50", (f'"{q}"',)).fetchall()
        match.append(time.perf_counter() - start)
    for q in queries[:5]:
        start = time.perf_counter()
        conn.execute("SELECT rowid FROM f WHERE body LIKE ? LIMIT 50", (f"%{q}%",)).fetchall()
        conn.execute("SELECT count(*) FROM f WHERE body LIKE ?", (f"%{q}%",)).fetchall()
        like.append(time.perf_counter() - start)
    conn.close()
    return build_rate, median_ms(match), median_ms(like)


def build_store(tmp: Path, name: str, n: int, rng: random.Random) -> Store:
    base = datetime(2026, 11, 26, 10, 0, tzinfo=KST)
    store = Store.create(tmp / name, device="BENCH", officer="벤치", pin=PIN,
                         clock=lambda: base)
    officer = store.sign_in("벤치", PIN)
    batch = []
    for i in range(n):
        data = corpus.intake(rng, i)
        # Spread over days so each day's sequence stays under 9,999.
        data["received_at"] = (base - timedelta(days=i // 5000, minutes=i % 5000)).isoformat()
        batch.append(parse_complaint(data, now=base)[0])
        if len(batch) == 1000:
            complaints.add_many(store, batch, officer)
            batch.clear()
    if batch:
        complaints.add_many(store, batch, officer)
    store.officer = officer
    return store


def bench_save_one(tmp: Path, rng: random.Random, n: int = 300) -> float:
    store = Store.create(tmp / "save", device="SAVE", officer="벤치", pin=PIN)
    officer = store.sign_in("벤치", PIN)
    times = []
    for i in range(n):
        data = corpus.intake(rng, i)
        start = time.perf_counter()
        draft, _ = parse_complaint(data, now=datetime.now(KST))
        complaints.add(store, draft, officer)
        times.append(time.perf_counter() - start)
    store.close()
    return median_ms(times)


def bench_search(store: Store, queries: list[str]) -> float:
    times = []
    for q in queries:
        start = time.perf_counter()
        search.search(store, q, store.officer, limit=50)
        times.append(time.perf_counter() - start)
    return median_ms(times)


def bench_cli_import(tmp: Path, rng: random.Random, n: int) -> tuple[float, float, float]:
    """The whole command's rate, its fixed cost (an empty import: start, sign in, open the
    store, start the worker) and the rate once running."""
    import json

    data_dir = tmp / "cli-import"
    env = dict(os.environ, FIELDBUS_DATA_DIR=str(data_dir), FIELDBUS_PIN=PIN)
    subprocess.run([sys.executable, "-m", "fieldbus.cli", "setup", "--officer", "벤치",
                    "--device", "IMP"], env=env, check=True, capture_output=True)
    lines = tmp / "import.jsonl"
    base = datetime.now(KST) - timedelta(days=30)
    with lines.open("w", encoding="utf-8") as handle:
        for i in range(n):
            data = corpus.intake(rng, i)  # paper forms from several days: < 9,999 a day
            data["received_at"] = (base + timedelta(days=i // 5000, seconds=i)).isoformat()
            handle.write(json.dumps(data, ensure_ascii=False) + "\n")
    empty = tmp / "empty.jsonl"
    empty.write_bytes(b"")

    def run(path: Path) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "fieldbus.cli", "complaint", "import", str(path)],
                       env=env, check=True, capture_output=True)
        return time.perf_counter() - start

    fixed = statistics.median(run(empty) for _ in range(5))
    whole = run(lines)
    return n / whole, fixed, n / (whole - fixed)


def bench_cli_version(runs: int = 15) -> tuple[float, float]:
    def timed(cmd: list[str]) -> float:
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True)
            times.append(time.perf_counter() - start)
        return median_ms(times)

    fieldbus = str(Path(sys.executable).with_name("fieldbus"))
    return timed([sys.executable, "-c", "pass"]), timed([fieldbus, "--version"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--also", type=int, default=0, help="a second, larger store (growth)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    os.environ.setdefault("FIELDBUS_ALLOW_INSECURE_KEYRING", "1")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    rng = random.Random(7)
    queries = ["진입로", "기초연금을", "정류장", "건축허가가", "가로등이", "측량", "소음이",
               "주차장에", "보건소", "횡단보도", "복지관", "재난지원"]
    rows = []
    with tempfile.TemporaryDirectory(prefix="fieldbus-bench-") as name:
        tmp = Path(name)
        bodies = [corpus.body(rng) for _ in range(args.cases)]
        insert_floor = floor_insert_commit(tmp)
        many_floor = floor_executemany(tmp)
        fts_build, fts_match, fts_like = floor_fts(tmp, bodies, queries)
        save = bench_save_one(tmp, rng)
        start = time.perf_counter()
        store = build_store(tmp, "big", args.cases, rng)
        build_rate = args.cases / (time.perf_counter() - start)
        search_ms = bench_search(store, queries)
        short_ms = bench_search(store, ["소음", "농지"])
        miss_ms = bench_search(store, ["없음", "둘글"])  # in no body: the scan reads all
        store.close()
        cli_rate, cli_fixed, cli_steady = bench_cli_import(tmp, rng, 30_000)
        python_ms, version_ms = bench_cli_version()
        rows += [
            ("save one complaint durably (validate, number, row, index, outbox, audit; "
             "median)", f"{save:.2f} ms", f"bare SQLCipher insert+commit {insert_floor:.2f} ms",
             "<= 2 ms"),
            ("validate + save in one process, no worker (1,000-case transactions)",
             f"{build_rate:,.0f} /s", f"bare executemany {many_floor:,.0f} rows/s; FTS5 "
             f"trigram build {fts_build:,.0f} bodies/s", ">= 5,000 /s"),
            ("`fieldbus complaint import` of 30,000 JSON lines, once running (whole "
             f"command minus an empty import's {cli_fixed * 1000:.0f} ms of start-up)",
             f"{cli_steady:,.0f} /s", "same floors", ">= 5,000 /s"),
            ("the same, whole command", f"{cli_rate:,.0f} /s", "same floors", "-"),
            (f"search over {args.cases:,} complaints (3+ characters; median, results "
             "fetched, audited)", f"{search_ms:.2f} ms",
             f"bare FTS5 MATCH {fts_match:.2f} ms; LIKE scan {fts_like:.0f} ms", "<= 10 ms"),
            (f"search over {args.cases:,}: a 2-character word (through the term list)",
             f"{short_ms:.1f} ms", f"LIKE scan {fts_like:.0f} ms", "-"),
            (f"search over {args.cases:,}: a 2-character word found nowhere",
             f"{miss_ms:.1f} ms", f"LIKE scan {fts_like:.0f} ms", "-"),
            ("`fieldbus --version`", f"{version_ms:.0f} ms",
             f"`python -c pass` {python_ms:.0f} ms", "<= 300 ms"),
        ]
        if args.also:
            start = time.perf_counter()
            big = build_store(tmp, "bigger", args.also, rng)
            rate = args.also / (time.perf_counter() - start)
            rows.append((f"search over {args.also:,} complaints (median)",
                         f"{bench_search(big, queries):.2f} ms", f"built at {rate:,.0f} /s", "-"))
            big.close()
    lines = [report.measured_on(), "",
             "| what | figure | floor, same run | target |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    report.write(lines, args.out)


if __name__ == "__main__":
    main()

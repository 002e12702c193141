"""How search time grows with the store: 100,000 → 1,000,000 made-up cases.

Run: ``.venv/bin/python benchmarks/bench_search_growth.py`` (about ten minutes). Builds
one store and measures the same queries at each size as it grows.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_store  # noqa: E402
import corpus  # noqa: E402

from sync.deadlines import KST  # noqa: E402
from fieldbus.domain.intake import parse_complaint  # noqa: E402
from fieldbus.store import complaints  # noqa: E402
from fieldbus.store.store import Store  # noqa: E402

QUERIES = ["진입로", "기초연금을", "정류장", "건축허가가", "가로등이", "측량", "소음이", "보건소"]
SHORT = ["소음", "농지", "도로"]
MISSING = ["없음", "둘글"]


def main() -> None:
    os.environ.setdefault("FIELDBUS_ALLOW_INSECURE_KEYRING", "1")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    sizes = [int(s) for s in sys.argv[1:]] or [100_000, 300_000, 1_000_000]
    rng = random.Random(11)
    base = datetime(2026, 11, 26, 10, 0, tzinfo=KST)
    with tempfile.TemporaryDirectory(prefix="fieldbus-growth-") as name:
        store = Store.create(Path(name) / "s", device="GROW", officer="벤치", pin="482193",
                             clock=lambda: base)
        made = 0
        print("| cases | 3+ characters | 2 characters | 2 characters, found nowhere |")
        print("|---|---|---|---|")
        for size in sizes:
            batch = []
            while made < size:
                data = corpus.intake(rng, made)
                data["received_at"] = (base - timedelta(days=made // 5000,
                                                        minutes=made % 5000)).isoformat()
                batch.append(parse_complaint(data, now=base)[0])
                made += 1
                if len(batch) == 1000:
                    complaints.add_many(store, batch, store.officer)
                    batch.clear()
            if batch:
                complaints.add_many(store, batch, store.officer)
            time.sleep(1)
            print(f"| {size:,} | {bench_store.bench_search(store, QUERIES):.2f} ms "
                  f"| {bench_store.bench_search(store, SHORT):.2f} ms "
                  f"| {bench_store.bench_search(store, MISSING):.2f} ms |", flush=True)
        store.close()


if __name__ == "__main__":
    main()

"""Opening the store with a PIN (issue 9): the KDF, the unwrap and SQLCipher, against a
bare SQLCipher open with the raw key measured in the same run.

Run: ``bash scripts/bench.sh`` (writes docs/benchmarks-open.md). Not a test: nothing here
asserts a time. Production key-slot cost (``fieldbus.store.keyslots.PRODUCTION``), the
development keyring mode (no device secret; a device secret adds one HKDF input, nothing
measurable).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import report  # noqa: E402

from fieldbus.store import sqlcipher  # noqa: E402,F401  (registers the driver)
from sync.deadlines import KST  # noqa: E402
from fieldbus.domain.intake import parse_complaint  # noqa: E402
from fieldbus.store import complaints, keyslots  # noqa: E402
from fieldbus.store.sqlcipher import connect  # noqa: E402
from fieldbus.store.store import Store  # noqa: E402

PIN = "482193"
TARGET_MS = 400


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    os.environ.setdefault("FIELDBUS_ALLOW_INSECURE_KEYRING", "1")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    rng = random.Random(9)
    with tempfile.TemporaryDirectory(prefix="fieldbus-bench-open-") as tmp:
        data_dir = Path(tmp) / "store"
        now = datetime.now(KST)
        store = Store.create(data_dir, device="BENCH", officer="벤치", pin=PIN)
        drafts = [parse_complaint(corpus.intake(rng, i), now=now)[0] for i in range(args.cases)]
        for start in range(0, len(drafts), 1000):
            complaints.add_many(store, drafts[start:start + 1000], store.officer)
        key = store._data_key
        store.close()
        slots = keyslots.KeySlots.load(data_dir, store.slots.store_id)
        (slot,) = slots.pin_slots()
        kdf = slot["kdf"]
        pin_key = keyslots._pin_key(PIN, kdf)
        aad = keyslots._aad(slots.store_id, slot["id"])

        floor = median_ms(lambda: connect(data_dir / "fieldbus.db", key).close(), args.runs)
        kdf_ms = median_ms(lambda: keyslots._pin_key(PIN, kdf), args.runs)
        unwrap_ms = median_ms(lambda: keyslots._open(keyslots._kek(pin_key, None), slot, aad),
                              args.runs)
        total = median_ms(lambda: Store.open(data_dir, officer="벤치", pin=PIN).close(),
                          args.runs)
    cost = keyslots.PRODUCTION
    rows = [
        ("KDF alone: Argon2id of the PIN", f"{kdf_ms:.0f} ms",
         f"t={cost.time_cost}, m={cost.memory_kib // 1024} MiB, p={cost.parallelism}", "—"),
        ("unwrap: HKDF + AES-256-GCM", f"{unwrap_ms:.2f} ms", "—", "—"),
        ("bare SQLCipher open, raw key (floor)", f"{floor:.1f} ms", "—", "—"),
        ("`Store.open` with a PIN: all of it", f"{total:.0f} ms",
         f"floor {floor:.1f} ms + KDF {kdf_ms:.0f} ms", f"≤ {TARGET_MS} ms"),
    ]
    lines = [report.measured_on(), "",
             f"A store of {args.cases} cases, median of {args.runs} runs. The KDF's cost is "
             "also each offline PIN guess's: an attacker holding the files (and, on a laptop "
             "with a secure keyring, its device secret) pays it for every PIN tried.", "",
             "| what | figure | beside it | target |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    report.write(lines, args.out)


if __name__ == "__main__":
    main()

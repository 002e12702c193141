"""A day's sync over a bus's weak uplink (issue 15): each figure beside its floor and
beside the code from before, all measured in the same run.

The day: 30 complaints, ten of them with a 3 MB photo and two with an 8 MB scan (random
bytes: photos do not compress), in a real laptop store, synced to a real hub on SQLite
through the link simulator of ``tests/sync/link.py`` — 1 Mbit/s up, 4 Mbit/s down, 300
ms round trip, every connection reset every 60 s (the link is back at once). The laptop
runs ``fieldbus sync`` as the app does, again as soon as a run stops, until every case
and every file is acknowledged; the hub's database is then read back to check each case
arrived once and each file byte for byte.

* **time until everything is acknowledged** beside the floor: the payload's bytes (the
  files, and the push bodies as sent) at the link's rate, plus one round trip for each
  request that cannot be avoided (hello, the push, the pull, the audit head's two, one
  per file, and the connection's handshake);
* **bytes on the wire** (both directions, as the link delivered them) beside the payload;
* **the first case at the hub**: seconds from the link coming up until the hub holds a
  case (polled in its database every 20 ms);
* **before**: the code at ``--before`` (default: the commit before issue 15) on the same
  link, with its own hub, stopped at 1.5× the floor if it has not finished.

Run: ``.venv/bin/python benchmarks/bench_weak_link.py --out docs/benchmarks-weak-link.md``
(about 20 minutes: the link is slow on purpose). ``--scale 0.1`` runs a tenth of the day on
a link ten times faster, to try it. Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BEFORE = "f3a39ad"   # the last commit before issue 15's protocol 2

UP_BPS, DOWN_BPS, RTT, CUT_EVERY = 1e6, 4e6, 0.3, 60.0
CASES, PHOTOS, PHOTO_BYTES, SCANS, SCAN_BYTES = 30, 10, 3_000_000, 2, 8_000_000


def _link_module():
    """The link simulator, from this checkout whatever code the day runs."""
    spec = importlib.util.spec_from_file_location("link", ROOT / "tests" / "sync" / "link.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["link"] = module
    spec.loader.exec_module(module)
    return module


def day(code: Path, scale: float, limit: float, out: Path) -> None:
    """One day on the link, with the code at ``code`` (run in a process of its own)."""
    # No OS keyring here: the development fallback, as in the tests and other benchmarks.
    os.environ.setdefault("FIELDBUS_ALLOW_INSECURE_KEYRING", "1")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    os.environ.setdefault("XDG_DATA_HOME", tempfile.mkdtemp(prefix="fieldbus-bench-"))
    sys.path.insert(0, str(code))
    from dataclasses import replace

    import sqlalchemy as sa

    from fieldbus.domain.records import AttachmentFile
    from fieldbus.services import sync_link
    from fieldbus.store import complaints
    from fieldbus.store.store import Store
    from sync.hub.db import connect
    from tests.hub.fixtures import PASSWORD, Hub
    from tests.store.helpers import draft

    link_module = _link_module()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        hub = Hub(f"sqlite:///{tmp / 'hub.sqlite3'}", log_path=tmp / "hub.log")
        hub.start()
        try:
            hub.add_user("kim", "officer")
            hub.register("B07A")
            store = Store.create(tmp / "laptop", device="B07A", officer="홍길동", pin="482913")
            store.officer = store.sign_in("홍길동", "482913")
            sync_link.enrol(store, store.officer, hub_url=hub.url, username="kim",
                            password=PASSWORD)
            rng = random.Random(15)
            sizes = [int(PHOTO_BYTES * scale)] * PHOTOS + [int(SCAN_BYTES * scale)] * SCANS
            files: dict[str, bytes] = {}
            drafts = []
            for n in range(max(3, int(CASES * scale))):
                d = draft(store, title=f"마을 진입로 포장 요청 {n}")
                if n < len(sizes):
                    data = rng.randbytes(sizes[n])
                    sha = hashlib.sha256(data).hexdigest()
                    files[sha] = data
                    d = replace(d, attachments=(AttachmentFile(
                        filename=f"현장-{n}.jpg", media_type="image/jpeg", size=len(data),
                        sha256=sha, data=data),))
                drafts.append(d)
            saved = complaints.add_many(store, drafts, store.officer)
            from fieldbus.store import sync as store_sync

            records = [item.record for item in store_sync.pending(store, limit=500)]
            push_body = len(gzip.compress(json.dumps({"protocol": 2, "device": "B07A",
                                                      "records": records}).encode(), 6))

            # A shorter day (--scale) keeps the link and cuts it as much more often.
            profile = link_module.LinkProfile(up_bps=UP_BPS, down_bps=DOWN_BPS, rtt=RTT,
                                              cut_every=CUT_EVERY * scale)
            engine = connect(hub.db_url)
            first: list[float] = []
            stop = threading.Event()
            link = link_module.Link("127.0.0.1", hub.port, profile)

            def watch() -> None:
                while not stop.is_set():
                    with engine.connect() as conn:
                        if conn.execute(sa.text("SELECT count(*) FROM records WHERE type = "
                                                "'complaint'")).scalar():
                            first.append(time.monotonic())
                            return
                    time.sleep(0.02)

            with store.write():
                store.db.execute("UPDATE meta SET value = ? WHERE key = ?",
                                 (link.url, sync_link.HUB_API_KEY))
            link.start()
            started = time.monotonic()
            watcher = threading.Thread(target=watch, daemon=True)
            watcher.start()
            runs, last = 0, None
            while time.monotonic() - started < limit:
                runs += 1
                last = sync_link.run(store, store.officer)
                if not last.pending and not getattr(last, "files_pending", 0) \
                        and last.error is None:
                    break
            elapsed = time.monotonic() - started
            stop.set()
            watcher.join(5)
            link.stop()
            with engine.connect() as conn:
                numbers = [r[0] for r in conn.execute(sa.text(
                    "SELECT receipt_no FROM records WHERE type = 'complaint'"))]
                held = {r[0]: bytes(r[1]) for r in conn.execute(sa.text(
                    "SELECT sha256, data FROM blobs"))}
            engine.dispose()
            done = (sorted(numbers) == sorted(c.receipt_no for c in saved)
                    and all(held.get(sha) == data for sha, data in files.items()))
            payload = sum(map(len, files.values())) + push_body
            result = {
                "finished": done and last is not None and last.error is None
                and not last.pending, "seconds": elapsed, "runs": runs,
                "first_case": first[0] - started if first else None,
                "cases_at_hub": len(numbers), "cases": len(saved),
                "files_at_hub": sum(1 for sha, data in files.items() if held.get(sha) == data),
                "files": len(files), "payload": payload,
                "files_bytes": sum(map(len, files.values())),
                "bytes_up": link.bytes_up, "bytes_down": link.bytes_down, "cuts": link.cuts,
                "offered_up": link.offered_up,
                "connections": link.connections, "up_bps": profile.up_bps, "rtt": profile.rtt,
                "cut_every": profile.cut_every,
                "error": None if last is None else last.error}
            store.close()
        finally:
            hub.stop()
    out.write_text(json.dumps(result), encoding="utf-8")


def floor(result: dict) -> float:
    """Payload at the link's rate, plus a round trip for each request that cannot be
    avoided: hello, one push, one pull, the audit head's GET and POST, one per file, and
    the connection's handshake."""
    requests = 1 + 1 + 1 + 2 + result["files"] + 1
    return result["payload"] * 8 / result["up_bps"] + requests * result["rtt"]


def run_day(code: Path, scale: float, limit: float) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = Path(handle.name)
    try:
        subprocess.run([sys.executable, __file__, "--day", str(code), "--scale", str(scale),
                        "--limit", str(limit), "--json", str(out)], check=True, cwd=code)
        return json.loads(out.read_text(encoding="utf-8"))
    finally:
        out.unlink(missing_ok=True)


def worktree(commit: str) -> Path:
    path = Path(tempfile.mkdtemp(prefix="fieldbus-before-")) / "code"  # removed in main()
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(path), commit],
                   check=True, capture_output=True)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--before", default=BEFORE)
    parser.add_argument("--day", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--limit", type=float, default=3600.0, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.day:
        day(args.day, args.scale, args.limit, args.json)
        return
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import report

    after = run_day(ROOT, args.scale, 3600 * max(args.scale, 0.1))
    before_code = worktree(args.before)
    try:
        before = run_day(before_code, args.scale, 1.5 * floor(after))
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                        str(before_code)], check=False, capture_output=True)
        before_code.parent.rmdir()
    lines = [report.measured_on(), "", _profile(after), "",
             "| what | now (protocol 2) | floor, same run | before (protocol 1) | target |",
             "|---|---|---|---|---|"]
    low = floor(after)
    wire = after["bytes_up"] + after["bytes_down"]

    def when(result: dict) -> str:
        if result["finished"]:
            return f"{result['seconds']:,.0f} s"
        return (f"not finished at {result['seconds']:,.0f} s: {result['cases_at_hub']} of "
                f"{result['cases']} cases and {result['files_at_hub']} of {result['files']} "
                "files at the hub")

    lines += [
        f"| time until every case and file is acknowledged | **{when(after)}** "
        f"(**{after['seconds'] / low:.2f}× the floor**; {after['runs']} run(s), "
        f"{after['cuts']} cuts) | {low:,.0f} s | {when(before)} | ≤ 1.3× the floor |",
        f"| bytes on the wire, both ways | {wire / 1e6:,.2f} MB (**{wire / after['payload']:.3f}× "
        f"the payload**; sent up including what the cuts lost: "
        f"{after.get('offered_up', 0) / 1e6:,.2f} MB) | payload {after['payload'] / 1e6:,.2f} MB | "
        f"{(before['bytes_up'] + before['bytes_down']) / 1e6:,.2f} MB | ≤ 1.1× the payload |",
        f"| first case registered at the hub after the link came up | "
        f"**{after['first_case']:.2f} s** | the hello's round trip and the push's way "
        f"there: {1.5 * after['rtt']:.2f} s | {_seconds(before['first_case'])} | ≤ 5 s |",
        "", NOTES]
    report.write(lines, args.out)


def _seconds(value: float | None) -> str:
    return "never" if value is None else f"{value:.2f} s"


def _profile(result: dict) -> str:
    return (f"The link: {result['up_bps'] / 1e6:g} Mbit/s up, {DOWN_BPS / 1e6:g} Mbit/s "
            f"down, {result['rtt'] * 1000:.0f} ms round trip, every connection reset every "
            f"{result['cut_every']:g} s. The day: {result['cases']} cases, "
            f"{result['files']} files, {result['files_bytes'] / 1e6:,.1f} MB of them.")


NOTES = """How to read it. The floor is what no client can beat on this link: the
payload — the files and the push bodies as sent (gzipped JSON) — at the uplink's rate,
plus one round trip for each request that cannot be avoided (hello, the push, the pull,
the audit head's two calls, one request per file, and the connection's handshake — which
the simulator does not charge, nor a reconnection's); it does not count the time a cut costs, which the measured figure pays (the bytes in flight
are lost, the connection is made again, the hub is asked what it holds). Bytes on the
wire are what the link delivered both ways: the payload, HTTP headers, the answers and
the bytes sent again after a cut; the bytes the link took from the laptop but lost in a
cut (at most what it buffers: about 170 kB a cut in this run) are beside it. *Before* is
the code from before protocol 2 on the same link with its own hub: each attachment a
single PUT, which a cut restarts from zero — a file that needs longer than the link
holds (an 8 MB scan takes 64 s at 1 Mbit/s; the link drops every 60 s) never arrives, so
it is stopped after the first run that ends past 1.5× the floor (a run retries a cut
upload several times with back-off before it gives up). The laptop runs again as soon as
a run stops (the app waits 30 s after a run that could not reach the hub: that wait is
not counted here)."""


if __name__ == "__main__":
    main()

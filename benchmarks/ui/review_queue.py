"""The supervisor's review queue in the app (issue 13, "Speed"): opening it after the hub
sign-in (≤ 500 ms asked) and scrolling a queue of 100,000 cases with no GUI-thread stall
over 16 ms (asked), each beside a floor measured in the same run.

The parent fills a SQLite hub with made-up cases (``bench_review.fill``), starts a real
``fieldbus-hub serve`` on loopback and a supervisor's store, then runs the window in a
child process (Xvfb when installed, else offscreen): the real ``MainWindow``, signed in
with the PIN, its 검토 tab signed in to the hub five times over —

* **open**: from the sign-in's answer (the desk ready) to the queue's first rows painted,
  and from the click on 로그인 (the hub's password check included); floors: the same
  calls made bare with httpx (``GET /api/v1/cases`` alone; login then that page);
* **scroll**: page-downs through the queue, then the end of the list asked again and
  again so that page after page is fetched (off the GUI thread) and appended; a 1 ms
  heartbeat timer's lateness (:mod:`benchmarks.ui.watch`) beside the idle window's.

Run: ``.venv/bin/python -m benchmarks.ui.review_queue --out docs/benchmarks-review-ui.md``.
Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.ui.common import BENCHMARKS, FRAME_MS, OFFICER, PIN, ROOT, Xvfb, child_env

OPENS = 5


def child(url: str, data_dir: Path, page_downs: int, ends: int) -> None:
    from benchmarks.ui.common import run_loop, wait_until
    from benchmarks.ui.watch import Watch, timed_application

    watch = Watch()
    _app = timed_application(watch)  # noqa: F841 (kept alive for the whole run)
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from fieldbus.ui.shell import app as ui_app

    sys.path.insert(0, str(BENCHMARKS))
    from bench_sync_hub import PASSWORD

    # The app's own start (fieldbus.ui.shell.app.run), as the officer's session does.
    ui_app.prepare_application()
    window = ui_app.make_window(data_dir)
    window.freeze_gc_when_built = True
    window.resize(1280, 900)
    window.show()
    gc.freeze()
    wait_until(lambda: window.pages.currentWidget() is window.signin_page)
    prompt = window.signin_page
    prompt.pin.setText(PIN)
    prompt.submitted.emit(OFFICER, PIN)
    wait_until(lambda: window.pages.currentWidget() is window.work_page)
    page = window.review_page
    window.tabs.setCurrentWidget(page)
    run_loop(1.0)
    watch.start_heartbeat()
    watch.action = "idle"
    run_loop(3.0)
    ready: list[float] = []
    page.desk_changed.connect(lambda: ready.append(time.perf_counter()))
    from_click, after_sign_in = [], []
    for _ in range(OPENS):
        page.sign_in.address.setText(url)
        page.sign_in.user.setText("boss")
        page.sign_in.password.setText(PASSWORD)
        ready.clear()
        watch.action = "open"
        start = time.perf_counter()
        page.sign_in.button.click()
        wait_until(lambda: page.model.rowCount() > 0, timeout=30)
        page.table.viewport().repaint()  # the first rows painted
        shown = time.perf_counter()
        from_click.append((shown - start) * 1000)
        after_sign_in.append((shown - ready[0]) * 1000)
        watch.action = "between"
        run_loop(0.5)
        page.sign_out()
        wait_until(lambda: page.tasks.busy == 0)
    page.sign_in.password.setText(PASSWORD)
    page.sign_in.button.click()
    wait_until(lambda: page.model.rowCount() > 0, timeout=30)
    run_loop(1.0)
    page.table.setFocus()
    watch.action = "scroll"
    for _ in range(page_downs):  # 30 a second, a held key's repeat (the officer's list too)
        QTest.keyClick(page.table, Qt.Key.Key_PageDown)
        run_loop(1 / 30)
    for _ in range(ends):
        QTest.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        run_loop(0.05)
    wait_until(lambda: page.tasks.busy == 0)
    watch.action = "after"
    total = page.model.last_page.total if page.model.last_page else 0
    result = {"from_click": from_click, "after_sign_in": after_sign_in,
              "idle": watch.summary(["idle"]), "scroll": watch.summary(["scroll"]),
              "open": watch.summary(["open"]), "rows": page.model.rowCount(),
              "total": total, "late": [x for x in watch.late if x[0] == "scroll"][:10],
              "slow": [x for x in watch.slow if x[0] == "scroll"][:10],
              "paints": [x for x in watch.paints if x[0] == "scroll"][:10],
              "collections": [x for x in watch.collections if x[0] == "scroll"]}
    window.shutdown()
    print(json.dumps(result))


def bare(url: str, rounds: int = OPENS) -> dict:
    """The same hub calls without the app: login then the first page; the page alone."""
    import httpx

    from bench_sync_hub import PASSWORD

    from sync import protocol

    login, page = [], []
    with httpx.Client(base_url=url) as http:
        for _ in range(rounds):
            start = time.perf_counter()
            token = http.post(protocol.LOGIN, json={"username": "boss", "password": PASSWORD}
                              ).json()["token"]
            signed_in = time.perf_counter()
            http.get(protocol.CASES, params={"limit": 100},
                     headers={"Authorization": f"Bearer {token}"}).raise_for_status()
            done = time.perf_counter()
            login.append((done - start) * 1000)
            page.append((done - signed_in) * 1000)
    return {"login_and_page": login, "page": page}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ui.review_queue")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--page-downs", type=int, default=300)
    parser.add_argument("--ends", type=int, default=60,
                        help="times the end of the list is asked (a page fetched each)")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        url, data_dir, page_downs, ends = args.child
        child(url, Path(data_dir), int(page_downs), int(ends))
        return
    sys.path.insert(0, str(BENCHMARKS))
    import report
    from bench_review import fill
    from bench_sync_hub import start_hub, stop

    from fieldbus.store.store import Store

    os.environ.setdefault("FIELDBUS_ALLOW_INSECURE_KEYRING", "1")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    with tempfile.TemporaryDirectory(prefix="fieldbus-bench-review-ui-") as name, \
            Xvfb() as xvfb:
        tmp = Path(name)
        db_url = f"sqlite:///{tmp / 'hub.sqlite3'}"
        filled = fill(db_url, args.cases)
        Store.create(tmp / "centre", device="C001", officer=OFFICER, pin=PIN,
                     role="supervisor").close()
        home = tmp / "home"
        home.mkdir()
        platform = ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": xvfb.display} if xvfb else
                    {"QT_QPA_PLATFORM": "offscreen"})
        hub, url = start_hub(db_url)
        try:
            floors = bare(url)
            out = subprocess.run(
                [sys.executable, "-m", "benchmarks.ui.review_queue", "--child", url,
                 str(tmp / "centre"), str(args.page_downs), str(args.ends)],
                env=child_env(None, platform, home), cwd=ROOT, capture_output=True,
                text=True, timeout=1800)
        finally:
            stop(hub)
        if out.returncode != 0:
            raise SystemExit(f"the window's run failed:\n{out.stderr[-3000:]}")
        result = json.loads(out.stdout.strip().splitlines()[-1])
    median = statistics.median
    idle, scroll = result["idle"], result["scroll"]
    lines = [
        "# The review queue in the app (issue 13)", "",
        report.measured_on(), "",
        f"A hub on SQLite with {args.cases:,} made-up cases (filled in {filled:.0f} s), "
        f"served by `fieldbus-hub serve` on loopback; the window on "
        f"{'Xvfb (xcb)' if xvfb else 'offscreen'}. Asked: the queue open ≤ 500 ms after "
        "sign-in; no GUI-thread stall over 16 ms while scrolling it.", "",
        "## Opening the queue (median of 5)", "",
        "| measured | app | floor (the same hub calls, bare httpx) |", "|---|---|---|",
        f"| after the sign-in's answer → first rows painted | "
        f"{median(result['after_sign_in']):.0f} ms | {median(floors['page']):.0f} ms "
        "(`GET /api/v1/cases`, 100 rows) |",
        f"| from the click on 로그인 (the hub's password check included) | "
        f"{median(result['from_click']):.0f} ms | {median(floors['login_and_page']):.0f} ms "
        "(login, then the page) |", "",
        "## Scrolling", "",
        f"{args.page_downs} page-downs at 30/s, then the end of the list asked {args.ends} times: "
        f"{result['rows']:,} of {result['total']:,}{'+' if result['total'] >= 1000 else ''} "
        "cases fetched page by page off the GUI thread. A 1 ms heartbeat's lateness:", "",
        "| | beats | max | p99 | over 16 ms |", "|---|---|---|---|---|",
        f"| scrolling | {scroll['beats']:,} | {scroll['max']:.1f} ms | {scroll['p99']:.1f} ms "
        f"| {scroll['over']} |",
        f"| floor: the idle window, 3 s | {idle['beats']:,} | {idle['max']:.1f} ms | "
        f"{idle['p99']:.1f} ms | {idle['over']} |", "",
    ]
    if result["late"]:
        lines += ["Late heartbeats while scrolling (ms late, GUI-thread CPU ms, other "
                  "threads' CPU ms): " + "; ".join(f"{g:.0f}/{c:.0f}/{o:.0f}"
                                                    for _, g, c, o in result["late"]), ""]
    if result["slow"]:
        lines += ["Slow dispatches while scrolling: " + "; ".join(
            f"{r} {e} {ms:.0f} ms" for _, r, e, ms, _cpu in result["slow"]), ""]
    if result["paints"]:
        lines += ["Paints over 8 ms inside them: " + "; ".join(
            f"{w} {ms:.0f} ms" for _, w, ms in result["paints"]), ""]
    collections = sorted(result["collections"], key=lambda c: -c[2])
    lines += [f"Python's cycle collector while scrolling: {len(collections)} pauses over 2 ms"
              + ("; the longest " + ", ".join(f"{ms:.0f} ms (generation {g}, {thread})"
                                             for _, g, ms, thread in collections[:3])
                 if collections else "") + ".", ""]
    lines += [f"Frame budget: {FRAME_MS:.0f} ms."]
    report.write(lines, args.out)


if __name__ == "__main__":
    main()

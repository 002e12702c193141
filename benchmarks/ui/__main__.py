"""``python -m benchmarks.ui``: every UI benchmark in one run, written as one report (see
the package's docstring); with ``--child <kind> …`` (the parent's own call) one measurement
in this process.

A child imports only the module of what it measures, and that imports only the standard
library at its top: the start-up children start their clock's subject straight after."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def child(kind: str, rest: list[str]) -> None:
    """One measurement, in this (child) process."""
    if kind.startswith("startup-"):
        from benchmarks.ui import startup

        if kind == "startup-bare":
            startup.child_startup_bare()
        elif kind == "startup-app":
            startup.child_startup_app()
        elif kind == "startup-first":
            startup.child_startup_app(first_window=True)
    elif kind == "bare-rss":
        from benchmarks.ui.memory import child_bare_rss

        child_bare_rss()
    elif kind == "ui":
        from benchmarks.ui.session import child_ui

        child_ui(Path(rest[0]), float(rest[1]), int(rest[2]),
                 Path(rest[3]) if len(rest) > 3 else None)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ui")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7, help="start-up runs of each")
    parser.add_argument("--page-downs", type=int, default=300)
    parser.add_argument("--idle", type=float, default=3.0, help="seconds of idle heartbeat")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--profile", type=Path, help="cProfile the GUI thread of the "
                        "100,000-case session into this file (its figures are then slower)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        child(kind, rest)
        return

    from benchmarks.ui import memory, stalls, startup
    from benchmarks.ui.common import BENCHMARKS, Xvfb, build_stores, child_env
    from benchmarks.ui.session import ui_run

    sys.path.insert(0, str(BENCHMARKS))
    import report

    lines = [report.measured_on(), ""]
    load_before = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="fieldbus-bench-ui-") as name, Xvfb() as xvfb:
        tmp = Path(name)
        home = tmp / "home"
        home.mkdir()
        start = time.perf_counter()
        big, empty = build_stores(tmp, args.cases)
        print(f"stores built in {time.perf_counter() - start:.0f} s", file=sys.stderr)
        # The app opens its window only where there is a display (fieldbus.cli.main
        # display_available): offscreen gets a DISPLAY it never connects to.
        platforms = {"offscreen": {"QT_QPA_PLATFORM": "offscreen",
                                   "DISPLAY": os.environ.get("DISPLAY", ":0")}}
        if xvfb is not None:
            platforms = {"Xvfb (xcb)": {"QT_QPA_PLATFORM": "xcb", "DISPLAY": xvfb.display},
                         **platforms}
        rows = []
        for platform, penv in platforms.items():
            medians = startup.bench_startup(big, lambda d, p=penv: child_env(d, p, home),
                                            args.runs)
            rows.append(startup.platform_row(platform, *medians))
        ui_platform = next(iter(platforms.values()))
        env = child_env(None, ui_platform, home)
        bare_rss = memory.bare_peak(env)
        empty_ui = ui_run(empty, env, args.idle, args.page_downs)
        full_ui = ui_run(big, env, args.idle, args.page_downs, args.profile)
    load_after = " / ".join(f"{x:.1f}" for x in os.getloadavg())

    lines += [
        *startup.section(rows, args.runs, args.cases),
        "",
        *stalls.section(full_ui, empty_ui, next(iter(platforms)), args.cases,
                        args.page_downs, (load_before, load_after)),
        "",
        *memory.section(bare_rss, full_ui, empty_ui, args.cases),
    ]
    report.write(lines, args.out)


if __name__ == "__main__":
    main()

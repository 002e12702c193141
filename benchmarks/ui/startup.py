"""Start-up: process start to the first window painted, a bare PySide6 window beside
``fieldbus`` with no sub-command (its window first visible, and its sign-in screen painted).

The children (``startup-bare``, ``startup-app``, ``startup-first``) print one line once the
window has been painted; the parent times process start to that line, interleaving the
three kinds so a busy moment on the machine hits them all."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.ui.common import CHILD, ROOT


# -- the children ---------------------------------------------------------------------------


def _report_first_paint(app, is_target) -> None:
    """Print ``painted`` once a widget for which ``is_target(widget)`` holds has been
    painted (the line is written when control returns to the event loop: after the
    backing store is flushed), then end the process at once."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched, event):  # noqa: N802 (Qt API)
            if not self.done and event.type() == QEvent.Type.Paint and is_target(watched):
                self.done = True
                QTimer.singleShot(0, _painted)
            return False

    def _painted() -> None:
        print("painted", flush=True)
        os._exit(0)

    app._first_paint = FirstPaint()  # kept alive with the app
    app.installEventFilter(app._first_paint)


def child_startup_bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1000, 700)
    _report_first_paint(app, lambda w: w is window)
    window.show()
    app.exec()


def child_startup_app(first_window: bool = False) -> None:
    """``fieldbus`` with no sub-command, watched from the moment its window is made: until
    the sign-in screen is painted, or with ``first_window`` until the window first paints
    anything (the "opening the store" screen: the window is visible)."""
    from fieldbus.ui.shell import app as ui_app

    made = ui_app.make_window

    def make_window(*args, **kwargs):
        from PySide6.QtWidgets import QApplication, QWidget

        window = made(*args, **kwargs)
        page = window.signin_page

        def on_sign_in(widget) -> bool:
            return window.pages.currentWidget() is page and isinstance(widget, QWidget) \
                and (widget is page or page.isAncestorOf(widget))

        def on_window(widget) -> bool:
            return isinstance(widget, QWidget) and (widget is window
                                                    or window.isAncestorOf(widget))

        _report_first_paint(QApplication.instance(), on_window if first_window else on_sign_in)
        return window

    ui_app.make_window = make_window
    from fieldbus.cli.main import main

    main([])
    print("exited without painting the sign-in screen", flush=True)


# -- the parent -----------------------------------------------------------------------------


def time_to_paint(args: list[str], env: dict) -> float:
    """Milliseconds from starting the child to its ``painted`` line."""
    start = time.perf_counter()
    proc = subprocess.Popen([*CHILD, *args], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline().strip()
    elapsed = (time.perf_counter() - start) * 1000
    proc.wait(timeout=30)
    if line != "painted":
        raise RuntimeError(f"child {args} said {line!r}: {proc.stderr.read()[-3000:]}")
    return elapsed


def bench_startup(data_dir: Path, env_for, runs: int) -> tuple[float, float, float]:
    """Medians: (bare window, Fieldbus window first painted, Fieldbus sign-in painted)."""
    bare, first, real = [], [], []
    time_to_paint(["startup-bare"], env_for(None))  # warm the disk cache for both
    time_to_paint(["startup-app"], env_for(data_dir))
    for _ in range(runs):  # interleaved, so a busy moment on the machine hits all three
        bare.append(time_to_paint(["startup-bare"], env_for(None)))
        first.append(time_to_paint(["startup-first"], env_for(data_dir)))
        real.append(time_to_paint(["startup-app"], env_for(data_dir)))
    return statistics.median(bare), statistics.median(first), statistics.median(real)


def section(rows: list[str], runs: int, cases: int) -> list[str]:
    """The report's start-up table, ``rows`` one per platform (from ``platform_row``)."""
    return [
        "## Start-up",
        "",
        "Process start to the first window painted (median of "
        f"{runs} interleaved runs each): a bare PySide6 `QMainWindow`, and `fieldbus` "
        f"with no sub-command over the {cases:,}-case store — its window's first paint "
        "(the \"opening the store\" screen: the window is visible) and its sign-in screen "
        "painted (the store opened on the worker, the officers listed).",
        "",
        "| platform | bare PySide6 window | Fieldbus window visible | Fieldbus sign-in "
        "| target |",
        "|---|---|---|---|---|",
        *rows,
    ]


def platform_row(platform: str, bare: float, first: float, real: float) -> str:
    """One platform's medians (``bench_startup``) as a row of the table, each beside the bare
    window."""
    return (f"| {platform} | {bare:.0f} ms | {first:.0f} ms ({first / bare:.2f}x)"
            f" | {real:.0f} ms ({real / bare:.2f}x) | <= 2x |")

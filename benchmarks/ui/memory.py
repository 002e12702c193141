"""Memory: peak resident memory of a bare PySide6 window (``bare-rss``, its own child) beside
the app's peaks that the scripted session (``session``) notes as it goes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks.ui.common import run_child


def memory_mb() -> dict[str, float]:
    """Peak (VmHWM) and current (VmRSS) resident memory of this process, in MB."""
    found = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmHWM", "VmRSS"):
            found[name] = int(value.split()[0]) / 1024
    return found


def child_bare_rss() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1000, 700)
    window.show()
    QTimer.singleShot(1000, app.quit)
    app.exec()
    print(json.dumps(memory_mb()), flush=True)


def bare_peak(env: dict) -> dict[str, float]:
    """A bare window's memory (``child_bare_rss``), measured in a child of its own."""
    return json.loads(run_child(["bare-rss"], env).strip().splitlines()[-1])


def section(bare_rss: dict, full_ui: dict, empty_ui: dict, cases: int) -> list[str]:
    """The report's memory table: the session's peaks at ``cases`` cases (``full_ui``)
    beside a bare window's and the same session's over an empty store (``empty_ui``)."""
    return [
        "## Memory",
        "",
        "| what | peak RSS (VmHWM) | baseline, same run | target |",
        "|---|---|---|---|",
        f"| the app after the session above at {cases:,} cases | "
        f"{full_ui['memory']['end']['VmHWM']:.0f} MB | bare PySide6 window "
        f"{bare_rss['VmHWM']:.0f} MB; the app, same session, empty store "
        f"{empty_ui['memory']['end']['VmHWM']:.0f} MB | < 300 MB |",
        f"| the same, at the sign-in screen | "
        f"{full_ui['memory']['sign-in screen']['VmHWM']:.0f} MB | | |",
        f"| the same, after the Page Downs and Ctrl+End | "
        f"{full_ui['memory']['after scrolling']['VmHWM']:.0f} MB | | |",
    ]

"""The session's instruments: a heartbeat timer, timed event dispatches and the cycle
collector's pauses, each filed under the scripted action under way (``Watch``), and the
``QApplication`` whose ``notify`` does the timing."""

from __future__ import annotations

import gc
import sys
import threading
import time

from benchmarks.ui.common import FRAME_MS

HEARTBEAT_MS = 1
GUI_THREAD = threading.get_ident()  # the module is imported on the main thread


class Watch:
    """What the GUI thread did: heartbeat lateness and timed event dispatches, each filed
    under the scripted action under way.

    Each heartbeat also notes the CPU time the GUI thread and the whole process used since
    the last one, so a late beat can be told apart: the GUI thread was busy (its own CPU
    time fills the gap), it waited for the GIL while the store worker ran Python (the
    process's CPU time does), or neither ran (the machine's other work had the cores)."""

    def __init__(self) -> None:
        self.action = "start-up"
        self.gaps: list[tuple[str, float]] = []  # (action, ms late) of every heartbeat
        self.late: list[tuple[str, float, float, float]] = []  # over 16 ms: (action,
        #   ms late, GUI-thread CPU ms, other threads' CPU ms) in that gap
        self.dispatches: list[float] = []  # ms of every top-level dispatch
        self.dispatch_cpu: list[float] = []  # and the GUI thread's CPU ms in it
        self.slow: list[tuple[str, str, str, float, float]] = []  # over 16 ms: (action,
        #   receiver, event, ms, CPU ms)
        self.paints: list[tuple[str, str, float]] = []  # (action, widget, ms) over 8 ms
        self.collections: list[tuple[str, int, float, str]] = []  # (action, generation,
        #   ms, "GUI" or "worker": the thread whose allocation set it off)
        self._last = self._thread = self._process = self._gc = 0.0
        self.timer = None
        gc.callbacks.append(self._gc_phase)

    def _gc_phase(self, phase: str, info: dict) -> None:
        """Python's cycle collector holds the GIL, whichever thread set it off: a long one
        stalls the GUI thread too."""
        if phase == "start":
            self._gc = time.perf_counter()
        elif (ms := (time.perf_counter() - self._gc) * 1000) > 2:
            thread = "GUI" if threading.get_ident() == GUI_THREAD else "worker"
            self.collections.append((self.action, info["generation"], ms, thread))

    def start_heartbeat(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(HEARTBEAT_MS)
        self.timer.timeout.connect(self._beat)
        self._last, self._thread = time.perf_counter(), time.thread_time()
        self._process = time.process_time()
        self.timer.start()

    def _beat(self) -> None:
        now, thread, process = time.perf_counter(), time.thread_time(), time.process_time()
        late = (now - self._last) * 1000 - HEARTBEAT_MS
        self.gaps.append((self.action, late))
        if late > FRAME_MS:
            gui = (thread - self._thread) * 1000
            self.late.append((self.action, late, gui, (process - self._process) * 1000 - gui))
        self._last, self._thread, self._process = now, thread, process

    def summary(self, actions=None) -> dict:
        gaps = [ms for a, ms in self.gaps if actions is None or a in actions]
        if not gaps:
            return {"beats": 0, "max": 0.0, "p99": 0.0, "over": 0}
        gaps.sort()
        return {"beats": len(gaps), "max": gaps[-1], "p99": gaps[int(len(gaps) * 0.99)],
                "over": sum(1 for g in gaps if g > FRAME_MS)}


def describe(widget) -> str:
    """``QTableView.qt_scrollarea_viewport`` for Qt's inner widgets, else the class."""
    name = widget.objectName()
    if name.startswith("qt_") and widget.parent() is not None:
        return f"{type(widget.parent()).__name__}.{name}"
    return name or type(widget).__name__


def timed_application(watch: Watch):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    class TimedApplication(QApplication):
        """Times every top-level event dispatch on the GUI thread (nested ones are part of
        their parent)."""

        depth = 0

        def notify(self, receiver, event):  # noqa: D102 (Qt API)
            # Qt calls notify on every thread: the store worker's operations are
            # dispatches too, and are not the GUI thread's business here.
            if threading.get_ident() != GUI_THREAD:
                return super().notify(receiver, event)
            kind = event.type()
            if self.depth:
                if kind != QEvent.Type.Paint:
                    return super().notify(receiver, event)
                start = time.perf_counter()  # which widget's painting a slow frame holds
                try:
                    return super().notify(receiver, event)
                finally:
                    ms = (time.perf_counter() - start) * 1000
                    if ms > FRAME_MS / 2:
                        watch.paints.append((watch.action, describe(receiver), ms))
            self.depth = 1
            start, cpu = time.perf_counter(), time.thread_time()
            try:
                return super().notify(receiver, event)
            finally:
                ms = (time.perf_counter() - start) * 1000
                cpu_ms = (time.thread_time() - cpu) * 1000
                self.depth = 0
                watch.dispatches.append(ms)
                watch.dispatch_cpu.append(cpu_ms)
                if ms > FRAME_MS:
                    watch.slow.append((watch.action, describe(receiver), kind.name, ms,
                                       cpu_ms))

    return TimedApplication(sys.argv[:1])


def spread(values: list[float]) -> dict:
    ordered = sorted(values) or [0.0]
    return {"count": len(values), "max": ordered[-1],
            "p99": ordered[int(len(ordered) * 0.99)],
            "over": sum(1 for v in ordered if v > FRAME_MS)}


"""Desktop app benchmarks (issue 4): start-up, GUI-thread stalls and memory at 100,000 cases,
each beside a baseline measured in the same run.

Run: ``bash scripts/bench.sh`` (writes docs/benchmarks-ui.md), or
``.venv/bin/python benchmarks/bench_ui.py --out docs/benchmarks-ui.md``. Not a test: nothing
here asserts a time.

The parent process builds the stores (with bench_store's generator) and starts every
measurement in a child process of its own, so no figure carries another's imports, caches
or memory:

- ``startup-bare`` / ``startup-app``: the child prints one line once the first window has
  been painted; the parent times process start to that line. The app child runs the real
  entry (``fieldbus.cli.main.main([])``, no sub-command) up to the sign-in screen painted.
- ``ui``: the real MainWindow, signed in, driven through a scripted session (tabs, scroll
  to the end, search as you type, every filter, details, one intake). A 1 ms heartbeat
  timer records how late it fires (the GUI thread's longest busy stretch, whatever caused
  it: our code, Qt, or the store worker holding the GIL), and an overridden
  ``QApplication.notify`` times every top-level event dispatch, with the scripted action
  under way, so each stall over 16 ms is named.
- ``bare-rss``: a bare window's peak memory.

This module's top level imports only the standard library: the start-up children import it
before they start the clock's subject.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PIN = "482193"  # bench_store.build_store's officer 벤치 has this PIN
OFFICER = "벤치"
FRAME_MS = 16.0
HEARTBEAT_MS = 1
GUI_THREAD = threading.get_ident()  # the module is imported on the main thread
BENCH_IMPORT = "the bench imports the tests' form helpers (not counted)"
KEY_PAUSE = 0.01  # s between scripted keys: 100 a second, faster than anyone types


# -- children: start-up ------------------------------------------------------------------


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


# -- children: memory --------------------------------------------------------------------


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


# -- children: the GUI thread at 100,000 cases -------------------------------------------


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


def _timed_application(watch: Watch):
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


class Bot:
    """The part of pytest-qt's ``qtbot`` the tests' form helpers use, over a plain event
    loop: so the bench takes an intake with the same keystrokes as tests/ui/test_full_day.
    The event loop runs between keys (as for a fast typist), so each key's work shows as
    its own stretch of the GUI thread, not summed with the next."""

    def waitUntil(self, condition, timeout: int = 20_000) -> None:  # noqa: N802 (qtbot API)
        wait_until(condition, timeout / 1000)

    def keyClick(self, widget, key, modifier=None) -> None:  # noqa: N802 (qtbot API)
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(widget, key, modifier or Qt.KeyboardModifier.NoModifier)
        run_loop(KEY_PAUSE)

    def keyClicks(self, widget, text: str) -> None:  # noqa: N802 (qtbot API)
        for char in text:
            self.keyClick(widget, char)


def run_loop(seconds: float) -> None:
    """Let the event loop run (timers, worker answers, painting) for ``seconds``."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(max(0, int(seconds * 1000)), loop.quit)
    loop.exec()


def wait_until(condition, timeout: float = 60.0) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not get there in time")
        loop = QEventLoop()
        QTimer.singleShot(2, loop.quit)
        loop.exec()


def type_hangul(widget, text: str, pause: float) -> None:
    """One syllable at a time, as an input method commits them, ``pause`` s apart."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    for syllable in text:
        event = QInputMethodEvent()
        event.setCommitString(syllable)
        QApplication.sendEvent(widget, event)
        run_loop(pause)


def child_ui(data_dir: Path, idle_seconds: float, page_downs: int,
             profile: Path | None = None) -> None:
    """Drive the real window over ``data_dir`` and print the measurements as JSON;
    with ``profile``, the GUI thread's cProfile statistics go to that file."""
    import cProfile

    from PySide6.QtCore import Qt

    profiler = cProfile.Profile() if profile else None

    watch = Watch()
    bot = Bot()
    _app = _timed_application(watch)  # noqa: F841 (kept alive for the whole run)
    from fieldbus.ui.shell import app as ui_app

    ui_app.prepare_application()
    window = ui_app.make_window(data_dir)
    window.freeze_gc_when_built = True  # as fieldbus.ui.shell.app.run does
    window.show()
    gc.freeze()  # as fieldbus.ui.shell.app.run does once the window is shown
    window.activateWindow()  # Xvfb has no window manager to give it the keyboard
    watch.start_heartbeat()
    wait_until(window.isActiveWindow)
    wait_until(lambda: window.pages.currentWidget() is window.signin_page)
    memory = {"sign-in screen": memory_mb()}

    def act(name: str) -> None:
        if name != watch.action:
            print(f"{time.strftime('%H:%M:%S')} {name}", file=sys.stderr, flush=True)
        watch.action = name

    def settle() -> None:
        wait_until(lambda: window.runner.pending == 0)
        run_loop(0.05)

    # A person takes a second or more to pick a name and type a PIN; the window builds its
    # work area meanwhile, a step per event-loop turn (measured here as its own action).
    act("sign-in screen: work area built while it waits")
    wait_until(lambda: window._work_page is not None)
    run_loop(0.2)
    act("sign in")
    prompt = window.signin_page
    prompt.officer.setCurrentIndex(prompt.officer.findText(OFFICER))
    bot.keyClicks(prompt.pin, PIN)
    bot.keyClick(prompt.pin, Qt.Key.Key_Return)
    wait_until(lambda: window.pages.currentWidget() is window.work_page)
    settle()

    act("idle (baseline)")
    run_loop(idle_seconds)
    if profiler:
        profiler.enable()

    for index in range(window.tabs.count()):
        act(f"switch tab: {window.tabs.tabText(index)}")
        window.tabs.setCurrentIndex(index)
        settle()

    cases = window.cases_page
    model, table = cases.model, cases.table
    act("switch tab: 사건 목록")
    window.tabs.setCurrentWidget(cases)
    wait_until(lambda: not model.fetching)
    settle()
    table.setFocus()
    if model.rowCount():
        cases.select_row(0)
    act("scroll: Page Down (30/s)")
    for _ in range(page_downs):
        bot.keyClick(table, Qt.Key.Key_PageDown)
        run_loop(1 / 30 - KEY_PAUSE)
    # In a QTableView plain End goes to the row's last column; Ctrl+End to the last row.
    # The model counts every match at once and reads only the pages shown (cases_model):
    # Ctrl+End jumps to the last row and waits for its page.
    act("scroll: Ctrl+End to the last case")
    ctrl = Qt.KeyboardModifier.ControlModifier
    bot.keyClick(table, Qt.Key.Key_End, ctrl)
    wait_until(lambda: model.rowCount() == 0 or model.row_at(model.rowCount() - 1) is not None)
    rows_loaded = model.rowCount()
    act("scroll: Ctrl+Home / Ctrl+End")
    for k in (Qt.Key.Key_Home, Qt.Key.Key_End) * 3:
        bot.keyClick(table, k, ctrl)
        run_loop(0.1)
    settle()
    memory["after scrolling"] = memory_mb()

    def search(word: str) -> None:
        act("search: clear")
        cases.search.setFocus()
        cases.search.clear()
        run_loop(0.3)
        act(f"search: type {word!r}")
        type_hangul(cases.search, word, pause=0.15)
        act(f"search: results for {word!r}")
        wait_until(lambda: model.filters.text == word and not model.fetching)
        settle()

    for word in ("기초연금", "소음", "없음", "자두나무길"):
        search(word)
    act("search: clear")
    cases.search.clear()
    wait_until(lambda: model.filters.text is None and not model.fetching)
    settle()

    for combo in (cases.kind, cases.status, cases.sync, cases.review):
        for index in [*range(1, combo.count()), 0]:
            act(f"filter: {combo.accessibleName()} = {combo.itemText(index)}")
            combo.setCurrentIndex(index)
            wait_until(lambda: not model.fetching)
            settle()
    for box in (cases.overdue, cases.this_visit):
        for on in (True, False):
            act(f"filter: {box.text()} {'on' if on else 'off'}")
            box.setChecked(on)
            settle()
            wait_until(lambda: not model.fetching)

    for row in (0, 1, 50, 150):
        if row >= model.rowCount():
            break
        act("open case detail")
        cases.select_row(row)
        wait_until(lambda: cases.shown_receipt == model.row_at(row).receipt_no)
        settle()

    # The peak so far is the app's; the tests' form helpers (pytest, pypdf …) come after.
    memory["end"] = memory_mb()
    act(BENCH_IMPORT)
    import tests.ui.test_full_day  # noqa: F401
    run_loop(0.05)
    act("switch tab: 민원 접수")
    window.tabs.setCurrentWidget(window.intake_page)
    settle()
    taken = take_intake(window, bot, act)
    act("switch tab: 사건 목록 (after intake)")
    window.tabs.setCurrentWidget(cases)
    wait_until(lambda: not model.fetching)
    settle()
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)

    watch.timer.stop()
    window.shutdown()
    actions = list(dict.fromkeys(a for a, _ in watch.gaps if a != BENCH_IMPORT))
    watch.late = [x for x in watch.late if x[0] != BENCH_IMPORT]
    watch.collections = [x for x in watch.collections if x[0] != BENCH_IMPORT]
    idle = "idle (baseline)"
    result = {
        "rows_loaded": rows_loaded,
        "intake": taken,
        "idle": watch.summary({idle}),
        "session": watch.summary(set(actions) - {idle}),
        "per_action": {a: watch.summary({a}) for a in actions},
        "dispatch": spread(watch.dispatches),
        "dispatch_cpu": spread(watch.dispatch_cpu),
        "slow": watch.slow,
        "late": watch.late,
        "paints": watch.paints,
        "collections": watch.collections,
        "memory": memory,
    }
    print("RESULT " + json.dumps(result, ensure_ascii=False), flush=True)


def spread(values: list[float]) -> dict:
    ordered = sorted(values) or [0.0]
    return {"count": len(values), "max": ordered[-1],
            "p99": ordered[int(len(ordered) * 0.99)],
            "over": sum(1 for v in ordered if v > FRAME_MS)}


def take_intake(window, bot: Bot, act) -> str:
    """One complaint from a sample, keyed in like test_full_day, saved and printed."""
    from PySide6.QtCore import Qt

    from tests.conftest import sample
    from tests.ui.test_full_day import fill_complaint
    from tests.ui.intake.test_intake import key

    page = window.intake_page
    wait_until(lambda: not page.drafts.restoring)
    page.fields["name"].setFocus()
    act("intake: keying in the form")
    fill_complaint(bot, page, sample("complaint-01.json"))
    act("intake: save (Ctrl+S)")
    key(bot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: page.views.currentWidget() is page.receipt_view
               or "저장하지 않았" in page.status.text())
    if page.views.currentWidget() is not page.receipt_view:
        return f"not saved: {page.status.text()}"
    number = page.receipt_label.text()
    act("intake: print (Enter)")
    key(bot, Qt.Key.Key_Return)
    wait_until(lambda: page.views.currentWidget() is page.form_view
               or "민원은 저장되어" in page.print_message.text())
    run_loop(0.2)
    return number


# -- the parent ----------------------------------------------------------------------------


def child_env(data_dir: Path | None, platform_env: dict[str, str], home: Path) -> dict:
    env = dict(os.environ, HOME=str(home), FIELDBUS_ALLOW_INSECURE_KEYRING="1",
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
               PYTHONPATH=str(ROOT), **platform_env)
    env.pop("FIELDBUS_PRINTER", None)  # receipts become PDFs in the data folder
    if data_dir is not None:
        env["FIELDBUS_DATA_DIR"] = str(data_dir)
    return env


def run_child(args: list[str], env: dict, timeout: float = 1800) -> str:
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args],
                         env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    if out.returncode != 0:
        raise RuntimeError(f"child {args} failed ({out.returncode}):\n{out.stderr[-3000:]}")
    return out.stdout


def time_to_paint(args: list[str], env: dict) -> float:
    """Milliseconds from starting the child to its ``painted`` line."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--child", *args],
                            env=env, cwd=ROOT, stdout=subprocess.PIPE,
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


class Xvfb:
    """A virtual X server for the run, if Xvfb is installed (closer to a real desktop than
    Qt's offscreen platform: real X11 windows, expose events, an xcb backing store)."""

    def __init__(self) -> None:
        self.proc = None
        self.display = ""

    def __enter__(self) -> Xvfb | None:
        if not shutil.which("Xvfb"):
            return None
        # Xvfb picks a free display number and writes it to the pipe: no clash with
        # another X server (a screenshot script, another run) on the same machine.
        read, write = os.pipe()
        self.proc = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0",
                                      "1280x1024x24", "-nolisten", "tcp"],
                                     stderr=subprocess.DEVNULL, pass_fds=(write,))
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number or self.proc.poll() is not None:
            return None
        self.display = f":{number}"
        return self

    def __exit__(self, *exc) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)


def build_stores(tmp: Path, cases: int) -> tuple[Path, Path]:
    """A store of ``cases`` made-up complaints (bench_store's generator) and an empty one,
    both with the officer 벤치 / PIN 4821."""
    import random

    sys.path.insert(0, str(HERE))
    import bench_store

    from fieldbus.store.store import Store

    os.environ.setdefault("FIELDBUS_ALLOW_INSECURE_KEYRING", "1")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    bench_store.build_store(tmp, "big", cases, random.Random(7)).close()
    Store.create(tmp / "empty", device="BENCH", officer=OFFICER, pin=PIN).close()
    return tmp / "big", tmp / "empty"


def ui_run(data_dir: Path, env: dict, idle: float, page_downs: int,
           profile: Path | None = None) -> dict:
    extra = [str(profile.resolve())] if profile else []
    out = run_child(["ui", str(data_dir), str(idle), str(page_downs), *extra], env)
    line = next(x for x in out.splitlines() if x.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


def cause(gap: float, gui_cpu: float, other_cpu: float) -> str:
    """Why a heartbeat was late, from the CPU time used during the gap."""
    if gui_cpu >= gap / 2:
        return "GUI thread busy"
    if other_cpu >= gap / 2:
        return "worker held the GIL"
    return "not scheduled"


def stall_table(result: dict) -> list[str]:
    """Every action with a heartbeat gap or a dispatch over 16 ms, worst first."""
    slow: dict[str, list[tuple[str, str, float]]] = {}
    for action, receiver, event, ms, cpu in result["slow"]:
        slow.setdefault(action, []).append((receiver, event, ms, cpu))
    late: dict[str, list[tuple[float, float, float]]] = {}
    for action, gap, gui, other in result["late"]:
        late.setdefault(action, []).append((gap, gui, other))
    rows = []
    for action, s in result["per_action"].items():
        dispatches = slow.get(action, [])
        if s["over"] or dispatches:
            worst = max(dispatches, key=lambda d: d[2], default=None)
            where = (f"{worst[1]} → {worst[0]} {worst[2]:.0f} ms ({worst[3]:.0f} ms CPU)"
                     if worst else "–")
            gaps = sorted(late.get(action, []), reverse=True)
            why = (f"{gaps[0][1]:.0f} ms GUI CPU, {gaps[0][2]:.0f} ms other threads: "
                   f"{cause(*gaps[0])}" if gaps else "–")
            rows.append((s["max"], f"| {action} | {s['max']:.0f} ms | {why} | {s['over']} | "
                                   f"{len(dispatches)} | {where} |"))
    rows.sort(reverse=True)
    return [r for _, r in rows] or ["| (none) | | | | | |"]


def worst_action(result: dict) -> str:
    actions = result["per_action"]
    worst = max(actions, key=lambda a: actions[a]["max"], default="–")
    return f"the longest during {worst!r}"


def causes(result: dict) -> str:
    counts: dict[str, int] = {}
    for _, gap, gui, other in result["late"]:
        counts[cause(gap, gui, other)] = counts.get(cause(gap, gui, other), 0) + 1
    return ", ".join(f"{why}: {n}" for why, n in sorted(counts.items())) or "none"


def paint_table(result: dict) -> list[str]:
    widgets: dict[str, list[float]] = {}
    for _, widget, ms in result["paints"]:
        widgets.setdefault(widget, []).append(ms)
    rows = sorted(((max(v), len(v), w) for w, v in widgets.items()), reverse=True)
    return [f"| {w} | {n} | {worst:.0f} ms |" for worst, n, w in rows] or ["| (none) | | |"]


def gc_line(result: dict) -> str:
    runs = result["collections"]
    if not runs:
        return "no collection over 2 ms"
    worst = sorted(runs, key=lambda r: r[2], reverse=True)[:3]
    return (f"{len(runs)} over 2 ms, {sum(1 for r in runs if r[2] > FRAME_MS)} over 16 ms; "
            "the longest " + "; ".join(f"{ms:.0f} ms (generation {gen}, on the {thread} "
                                       f"thread, during {action!r})"
                                       for action, gen, ms, thread in worst))


def main() -> None:
    parser = argparse.ArgumentParser()
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
        if kind == "startup-bare":
            child_startup_bare()
        elif kind == "startup-app":
            child_startup_app()
        elif kind == "startup-first":
            child_startup_app(first_window=True)
        elif kind == "bare-rss":
            child_bare_rss()
        elif kind == "ui":
            child_ui(Path(rest[0]), float(rest[1]), int(rest[2]),
                     Path(rest[3]) if len(rest) > 3 else None)
        return

    sys.path.insert(0, str(HERE))
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
        startup = []
        for platform, penv in platforms.items():
            bare, first, real = bench_startup(big, lambda d, p=penv: child_env(d, p, home),
                                              args.runs)
            startup.append(f"| {platform} | {bare:.0f} ms | {first:.0f} ms ({first / bare:.2f}x)"
                           f" | {real:.0f} ms ({real / bare:.2f}x) | <= 2x |")
        ui_platform = next(iter(platforms.values()))
        env = child_env(None, ui_platform, home)
        bare_rss = json.loads(run_child(["bare-rss"], env).strip().splitlines()[-1])
        empty_ui = ui_run(empty, env, args.idle, args.page_downs)
        full_ui = ui_run(big, env, args.idle, args.page_downs, args.profile)
    load_after = " / ".join(f"{x:.1f}" for x in os.getloadavg())

    ui_name = next(iter(platforms))
    s, i, d = full_ui["session"], full_ui["idle"], full_ui["dispatch"]
    e, c, ec = empty_ui["session"], full_ui["dispatch_cpu"], empty_ui["dispatch_cpu"]
    lines += [
        "## Start-up",
        "",
        "Process start to the first window painted (median of "
        f"{args.runs} interleaved runs each): a bare PySide6 `QMainWindow`, and `fieldbus` "
        f"with no sub-command over the {args.cases:,}-case store — its window's first paint "
        "(the \"opening the store\" screen: the window is visible) and its sign-in screen "
        "painted (the store opened on the worker, the officers listed).",
        "",
        "| platform | bare PySide6 window | Fieldbus window visible | Fieldbus sign-in "
        "| target |",
        "|---|---|---|---|---|",
        *startup,
        "",
        f"## The GUI thread at {args.cases:,} cases",
        "",
        f"The real window ({ui_name}), signed in, through a scripted session: every tab, the "
        f"case list scrolled with {args.page_downs} Page Downs at 30/s and then Ctrl+End "
        f"to the last of {full_ui['rows_loaded']:,} rows, "
        "Ctrl+Home/Ctrl+End, four searches typed a syllable at a time (150 ms apart), "
        "every value of every filter, four case "
        "details, one complaint keyed in, saved and printed "
        f"({full_ui['intake']}). A {HEARTBEAT_MS} ms heartbeat timer measures how late it "
        "fires (the GUI thread was busy, or waited for the GIL); every top-level event "
        "dispatch is timed too.",
        "",
        "| what | longest | p99 | over 16 ms | baseline, same run | target |",
        "|---|---|---|---|---|---|",
        f"| heartbeat lateness, whole session ({s['beats']:,} beats) | {s['max']:.1f} ms | "
        f"{s['p99']:.1f} ms | {s['over']} | idle window: longest {i['max']:.1f} ms, p99 "
        f"{i['p99']:.1f} ms, {i['over']} over | none over 16 ms |",
        f"| one event dispatch ({d['count']:,}), wall time | {d['max']:.1f} ms | "
        f"{d['p99']:.2f} ms | {d['over']} | same session on an empty store: heartbeat "
        f"longest {e['max']:.1f} ms, {e['over']} over ({worst_action(empty_ui)}) | "
        "none over 16 ms |",
        f"| the same, the GUI thread's CPU time in it | {c['max']:.1f} ms | {c['p99']:.2f} ms "
        f"| {c['over']} | empty store: {ec['max']:.1f} ms, {ec['over']} over | |",
        "",
        "Actions during which the heartbeat was over 16 ms late or a dispatch took over "
        "16 ms, worst first (the worst dispatch: event → receiver):",
        "",
        "| action | longest heartbeat gap | in that gap | gaps over 16 ms | "
        "dispatches over 16 ms | worst dispatch |",
        "|---|---|---|---|---|---|",
        *stall_table(full_ui),
        "",
        f"Late heartbeats by cause (CPU time used in the gap): {causes(full_ui)}. "
        "\"Not scheduled\" means neither thread ran: the machine's other work had the "
        f"cores (load average {load_before} before the run, {load_after} after).",
        "",
        "Widgets whose paint event took over 8 ms (inside the slow frames above):",
        "",
        "| widget | paints over 8 ms | longest |",
        "|---|---|---|",
        *paint_table(full_ui),
        "",
        f"Python's cycle collector (it holds the GIL, so it stops the GUI thread "
        f"whichever thread runs it): {gc_line(full_ui)}.",
        "",
        "## Memory",
        "",
        "| what | peak RSS (VmHWM) | baseline, same run | target |",
        "|---|---|---|---|",
        f"| the app after the session above at {args.cases:,} cases | "
        f"{full_ui['memory']['end']['VmHWM']:.0f} MB | bare PySide6 window "
        f"{bare_rss['VmHWM']:.0f} MB; the app, same session, empty store "
        f"{empty_ui['memory']['end']['VmHWM']:.0f} MB | < 300 MB |",
        f"| the same, at the sign-in screen | "
        f"{full_ui['memory']['sign-in screen']['VmHWM']:.0f} MB | | |",
        f"| the same, after the Page Downs and Ctrl+End | "
        f"{full_ui['memory']['after scrolling']['VmHWM']:.0f} MB | | |",
    ]
    report.write(lines, args.out)


if __name__ == "__main__":
    main()

"""The GUI thread at 100,000 cases: the real MainWindow, signed in, driven through a scripted
session (every tab, the case list scrolled to the end, search as you type, every filter,
four details, one intake keyed in, saved and printed) in a child of its own (``ui``), with
``watch``'s instruments on; the child prints its measurements as one ``RESULT`` JSON line."""

from __future__ import annotations

import gc
import json
import sys
import time
from pathlib import Path

from benchmarks.ui.common import KEY_PAUSE, OFFICER, PIN, run_child, run_loop, wait_until
from benchmarks.ui.memory import memory_mb
from benchmarks.ui.watch import Watch, spread, timed_application

BENCH_IMPORT = "the bench imports the tests' form helpers (not counted)"


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
    _app = timed_application(watch)  # noqa: F841 (kept alive for the whole run)
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


def take_intake(window, bot: Bot, act) -> str:
    """One complaint from a sample, keyed in like test_full_day, saved and printed."""
    from PySide6.QtCore import Qt

    from fieldbus.ui.printing import receipt_delivery
    from tests.conftest import sample
    from tests.ui.test_full_day import fill_complaint
    from tests.ui.intake.test_intake import key

    # With no printer set the receipt is saved as a PDF where the officer picks in a modal
    # save dialog, which nobody answers here (the run would wait for ever): it is answered
    # as tests/ui/conftest.py does, with the suggested name in a folder of the child's HOME.
    exports = Path.home() / "exports"
    exports.mkdir(exist_ok=True)
    receipt_delivery.choose_pdf_path = \
        lambda parent, number: receipt_delivery.free_pdf_path(exports, number)
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


def ui_run(data_dir: Path, env: dict, idle: float, page_downs: int,
           profile: Path | None = None) -> dict:
    extra = [str(profile.resolve())] if profile else []
    out = run_child(["ui", str(data_dir), str(idle), str(page_downs), *extra], env)
    line = next(x for x in out.splitlines() if x.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


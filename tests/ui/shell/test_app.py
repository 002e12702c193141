"""The desktop app's start-up, sign-in, idle lock and store worker, driving real widgets.

Every test runs the real store (SQLCipher on disk, the development key file) on the real
worker thread; the window is shut down at the end of each test so its thread ends cleanly.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from fieldbus.store import officers
from fieldbus.store import sync as store_sync
from fieldbus.store.store import Store
from fieldbus.ui.shell import app as ui_app
from fieldbus.ui.shell.main_window import MainWindow
from fieldbus.ui.shell.worker import StoreOp, StoreRunner
from tests.conftest import PIN

OTHER_PIN = "730518"


@pytest.fixture(autouse=True)
def _cheap_pin_hashes(monkeypatch):
    """Real argon2 at minimal cost for PIN hashes (only stores made before key slots have
    them; the key slots' cost is ``tests.conftest._cheap_key_slots``')."""
    from argon2 import PasswordHasher

    monkeypatch.setattr(officers, "_hasher",
                        lambda: PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))


@pytest.fixture
def store_threads(monkeypatch):
    """The thread of every call into the store: reading who may sign in, opening with a
    PIN, creating, signing in again at the lock, counting."""
    seen: list[tuple[str, int]] = []

    def record(name, fn, *, classmethod_=False):
        def wrapper(*args, **kwargs):
            seen.append((name, threading.get_ident()))
            return fn(*args, **kwargs)
        return classmethod(lambda cls, *a, **k: wrapper(*a, **k)) if classmethod_ else wrapper

    monkeypatch.setattr(Store, "open", record("open", Store.open.__func__.__get__(Store),
                                              classmethod_=True))
    monkeypatch.setattr(Store, "create", record("create", Store.create.__func__.__get__(Store),
                                                classmethod_=True))
    monkeypatch.setattr(Store, "signin_info", record(
        "signin_info", Store.signin_info.__func__.__get__(Store), classmethod_=True))
    for name in ("sign_in", "list_officers", "close", "meta", "write"):
        monkeypatch.setattr(Store, name, record(name, getattr(Store, name)))
    monkeypatch.setattr(store_sync, "counts", record("counts", store_sync.counts))
    return seen


@pytest.fixture
def open_window(qtbot, data_dir):
    windows: list[MainWindow] = []

    def make(idle_seconds: float = 300, *, where=None, training: bool = False) -> MainWindow:
        """``where``: another folder than ``data_dir`` (a training store's)."""
        ui_app.load_fonts()
        window = MainWindow(where or data_dir, idle_seconds=idle_seconds, training=training)
        qtbot.addWidget(window)
        window.start()
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.shutdown()
        assert window.runner._thread.isFinished()


def type_text(qtbot, field, text):
    """Type as a person would: ASCII as key presses, Hangul as an input method commits it
    (QTest's key clicks know only ASCII keys)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    field.setFocus()
    if text.isascii():
        qtbot.keyClicks(field, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def fill_setup(qtbot, window, *, officer="홍길동", device="b07a", pin=PIN, again=None):
    page = window.setup_page
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page)
    for field, text in ((page.officer, officer), (page.device, device), (page.pin, pin),
                        (page.pin_again, pin if again is None else again)):
        field.clear()
        type_text(qtbot, field, text)
    qtbot.mouseClick(page.create, Qt.MouseButton.LeftButton)


def sign_in(qtbot, prompt, pin):
    prompt.pin.clear()
    qtbot.keyClicks(prompt.pin, pin)
    qtbot.keyClick(prompt.pin, Qt.Key.Key_Return)


def sign_in_as(qtbot, window, who, pin):
    """At the sign-in screen, choose officer ``who`` and give ``pin``; until the work page
    shows, signed in as ``who``."""
    prompt = window.signin_page
    qtbot.waitUntil(lambda: window.pages.currentWidget() is prompt)
    qtbot.waitUntil(lambda: prompt.officer.findText(who) >= 0)
    prompt.officer.setCurrentIndex(prompt.officer.findText(who))
    sign_in(qtbot, prompt, pin)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
    assert window.officer.name == who


def make_store(data_dir, *extra, more=()):
    """홍길동 (officer, PIN ``PIN``), then ``extra`` (counsel, ``OTHER_PIN``) and ``more``
    ((name, role, pin) triples). Only a supervisor adds officers: 홍길동 sets the laptop up
    as its supervisor, adds the others, then takes the officer role."""
    with Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN,
                      role="supervisor") as store:
        boss = store.officer
        for name in extra:
            store.add_officer(boss, name=name, role="counsel", pin=OTHER_PIN)
        for name, role, pin in more:
            store.add_officer(boss, name=name, role=role, pin=pin)
        store.set_role(boss, "홍길동", "officer")


# -- the worker --------------------------------------------------------------------------


def test_operations_run_on_one_worker_thread_and_answer_on_the_gui_thread(qtbot, store):
    data_dir = store.data_dir
    store.close()
    runner = StoreRunner()
    gui = threading.get_ident()
    results, errors, threads = [], [], []

    def on_worker(fn):
        def wrapped(*args):
            threads.append(threading.get_ident())
            return fn(*args)
        return wrapped

    try:
        runner.run(StoreOp.opening(on_worker(lambda: Store.open(data_dir, officer="홍길동", pin=PIN)),
                                   then=on_worker(lambda s: s.device)).success(results.append))
        runner.run(StoreOp(on_worker(lambda s: s.sign_in("홍길동", "0000")))
                   .failure(lambda exc: (errors.append(exc), threads.append(-gui)))
                   .success(results.append))
        runner.run(StoreOp(on_worker(lambda s: s.sign_in("홍길동", PIN).name))
                   .success(lambda r: (results.append(r),
                                       threads.append(-threading.get_ident()))))
        qtbot.waitUntil(lambda: runner.pending == 0)
    finally:
        runner.shutdown()
    assert results == ["B07A", "홍길동"]
    assert [e.code for e in errors] == ["signin_failed"]
    worker = {t for t in threads if t > 0}
    assert len(worker) == 1 and gui not in worker
    assert {-t for t in threads if t < 0} == {gui}  # callbacks on the GUI thread


def test_an_error_with_no_failure_callback_is_reported(qtbot):
    runner = StoreRunner()
    try:
        with qtbot.waitSignal(runner.unhandled) as blocker:
            runner.run(StoreOp(lambda store: store.meta("device")))  # nothing open yet
        assert type(blocker.args[0]).__name__ == "StoreNotOpen"
    finally:
        runner.shutdown()
    with pytest.raises(RuntimeError):
        runner.run(StoreOp(lambda store: None))


# -- first run ---------------------------------------------------------------------------


def test_first_run_creates_a_real_store_and_signs_in(qtbot, open_window, data_dir,
                                                     store_threads):
    window = open_window()
    assert "Fieldbus" in window.windowTitle()
    fill_setup(qtbot, window)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
    assert window.officer.name == "홍길동"
    assert "홍길동" in window.officer_label.text()
    qtbot.waitUntil(lambda: window.pending is not None)
    assert window.pending == 0
    qtbot.waitUntil(lambda: window.outbox_label.text() == "허브 미등록")  # nothing waits
    window.shutdown()
    in_app = list(store_threads)

    with Store.open(data_dir, officer="홍길동", pin=PIN) as reopened:
        assert reopened.device == "B07A"
        assert [o.name for o in reopened.list_officers()] == ["홍길동"]
    gui = threading.get_ident()
    assert {"signin_info", "create", "counts", "close"} <= {n for n, _ in in_app}
    assert all(ident != gui for _, ident in in_app), in_app


def test_setup_errors_are_shown_at_their_field_and_nothing_is_created(qtbot, open_window,
                                                                      data_dir):
    window = open_window()
    page = window.setup_page
    fill_setup(qtbot, window, device="B-07")
    qtbot.waitUntil(lambda: page.errors["device"].isVisible())
    assert "2~6자" in page.errors["device"].text()
    assert page.device.hasFocus()
    assert not (data_dir / "fieldbus.db").exists()

    fill_setup(qtbot, window, pin="12")
    qtbot.waitUntil(lambda: page.errors["pin"].isVisible())
    assert not page.errors["device"].isVisible()
    assert "6~12" in page.errors["pin"].text()

    fill_setup(qtbot, window, pin="4821")  # 4 digits: no longer for new officers
    qtbot.waitUntil(lambda: page.errors["pin"].isVisible())
    assert "6~12" in page.errors["pin"].text()
    assert not (data_dir / "fieldbus.db").exists()

    fill_setup(qtbot, window, again="999999")
    assert page.errors["pin_again"].isVisible()
    assert not (data_dir / "fieldbus.db").exists()
    assert window.pages.currentWidget() is page


# -- sign-in -----------------------------------------------------------------------------


def test_sign_in_with_a_wrong_then_the_right_pin(qtbot, open_window, data_dir, store_threads):
    make_store(data_dir, "김변호")
    store_threads.clear()
    window = open_window()
    prompt = window.signin_page
    qtbot.waitUntil(lambda: window.pages.currentWidget() is prompt)
    assert [prompt.officer.itemText(i) for i in range(prompt.officer.count())] == \
        ["홍길동", "김변호"]
    prompt.officer.setCurrentText("김변호")

    sign_in(qtbot, prompt, "0000")
    qtbot.waitUntil(lambda: prompt.message.isVisible())
    assert "PIN이 맞지 않습니다" in prompt.message.text()
    assert window.officer is None and not window.statusBar().isVisible()

    sign_in(qtbot, prompt, OTHER_PIN)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
    assert window.officer.name == "김변호" and window.officer.role == "counsel"
    assert window.officer_label.text() == "김변호 (국선대리인)"
    qtbot.waitUntil(lambda: window.pending is not None)
    gui = threading.get_ident()
    assert store_threads and all(ident != gui for _, ident in store_threads)
    # The names came from the key slot file; the store was opened only with the PIN.
    names = [n for n, _ in store_threads]
    assert names.index("signin_info") < names.index("open")
    assert names.count("open") == 2  # the wrong PIN, then the right one


def test_repeated_wrong_pins_show_the_lockout_as_a_countdown(qtbot, open_window, data_dir):
    make_store(data_dir)
    window = open_window()
    prompt = window.signin_page
    qtbot.waitUntil(lambda: window.pages.currentWidget() is prompt)
    for _ in range(officers.FREE_ATTEMPTS + 1):  # the store says "locked" at the next try
        qtbot.waitUntil(lambda: prompt.button.isEnabled())
        sign_in(qtbot, prompt, "0000")
    qtbot.waitUntil(lambda: prompt.counting_down)
    assert "초 후에 다시 시도" in prompt.message.text()
    assert not prompt.button.isEnabled()
    seconds = int("".join(ch for ch in prompt.message.text().split("초")[0] if ch.isdigit()))
    assert 1 <= seconds <= officers.FIRST_DELAY.total_seconds()
    sign_in(qtbot, prompt, PIN)  # ignored while locked
    assert window.officer is None


# -- a store that cannot be opened -------------------------------------------------------


def test_a_missing_key_shows_what_to_do_and_leaves_the_files_alone(qtbot, open_window,
                                                                   data_dir):
    make_store(data_dir)
    (data_dir / "keyslots.json").unlink()
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}
    window = open_window()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.error_page)
    page = window.error_page
    assert "암호 키를 찾을 수 없습니다" in page.heading.text()
    assert "새 저장소를 만들지 마십시오" in page.advice.text()
    assert "store_key_missing" in page.detail.text()
    assert "Traceback" not in page.detail.text()

    qtbot.mouseClick(page.retry_button, Qt.MouseButton.LeftButton)  # still missing
    qtbot.waitUntil(lambda: window.runner.pending == 0)
    assert window.pages.currentWidget() is page
    window.shutdown()
    assert {p.name: p.read_bytes() for p in data_dir.iterdir()} == before


# -- idle lock ---------------------------------------------------------------------------


def test_idle_lock_hides_everything_and_the_pin_unlocks(qtbot, open_window, data_dir):
    make_store(data_dir)
    window = open_window(idle_seconds=0.3)
    prompt = window.signin_page
    qtbot.waitUntil(lambda: window.pages.currentWidget() is prompt)
    sign_in(qtbot, prompt, PIN)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)

    qtbot.waitUntil(lambda: window.locked, timeout=5000)
    assert not window.work_page.isVisible() and not window.statusBar().isVisible()
    lock = window.lock_page
    assert not lock.officer.isVisible()  # the signed-in officer only

    sign_in(qtbot, lock, "0000")
    qtbot.waitUntil(lambda: lock.message.isVisible())
    assert window.locked and "PIN이 맞지 않습니다" in lock.message.text()

    sign_in(qtbot, lock, PIN)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
    assert window.statusBar().isVisible() and window.officer.name == "홍길동"
    qtbot.waitUntil(lambda: window.locked, timeout=5000)  # and idles into the lock again


def test_input_keeps_the_window_unlocked(qtbot, open_window, data_dir):
    make_store(data_dir)
    window = open_window(idle_seconds=0.6)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin_page)
    sign_in(qtbot, window.signin_page, PIN)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
    for _ in range(4):  # ~0.8 s of typing, each key well inside the idle period
        qtbot.wait(200)
        qtbot.keyClick(window.work_page, Qt.Key.Key_Shift)
        assert not window.locked
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked  # and Ctrl+L locks at once


# -- start-up ----------------------------------------------------------------------------


def test_idle_period_comes_from_the_environment():
    assert ui_app.idle_seconds({}) == 300
    assert ui_app.idle_seconds({"FIELDBUS_IDLE_LOCK_SECONDS": "2.5"}) == 2.5
    assert ui_app.idle_seconds({"FIELDBUS_IDLE_LOCK_SECONDS": "soon"}) == 300
    assert ui_app.idle_seconds({"FIELDBUS_IDLE_LOCK_SECONDS": "0"}) == 300


def test_the_bundled_korean_font_is_loaded(qapp):
    from PySide6.QtGui import QFontDatabase

    family = ui_app.load_fonts()
    assert family and family in QFontDatabase.families()
    assert QFontDatabase.WritingSystem.Korean in QFontDatabase.writingSystems(family)


def test_no_sub_command_opens_the_window_only_with_a_display(monkeypatch, capsys, data_dir):
    from fieldbus.cli import main as cli

    opened = []
    monkeypatch.setattr(ui_app, "run",
                        lambda argv, *, data_dir, training: opened.append(data_dir) or 0)
    assert cli.main(["--data-dir", str(data_dir)]) == 0
    assert opened == [] and "fieldbus setup" in capsys.readouterr().out

    monkeypatch.setenv("DISPLAY", ":99")
    assert cli.main(["--data-dir", str(data_dir)]) == 0
    assert opened == [data_dir]
    assert cli.display_available({}, "win32") and cli.display_available({}, "darwin")
    assert cli.display_available({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not cli.display_available({}, "linux")


def test_an_empty_store_file_shows_the_error_screen_and_is_never_made_new(qtbot, open_window,
                                                                         data_dir):
    make_store(data_dir)
    (data_dir / "fieldbus.db").write_bytes(b"")
    window = open_window()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.error_page)
    assert "store_missing" in window.error_page.detail.text()
    window.shutdown()
    assert (data_dir / "fieldbus.db").stat().st_size == 0


def test_a_four_digit_pin_from_before_signs_in_with_a_notice(qtbot, open_window, tmp_path):
    """A store made before key slots (tests/store/data/v4-store): its 4-digit PINs still
    sign in, the store is upgraded, and the window says to choose a longer PIN."""
    import shutil

    from tests.conftest import LEGACY_PIN
    from tests.store.helpers import V4_STORE

    old = tmp_path / "old"
    shutil.copytree(V4_STORE, old)
    window = open_window(where=old)
    prompt = window.signin_page
    qtbot.waitUntil(lambda: window.pages.currentWidget() is prompt)
    assert [prompt.officer.itemText(i) for i in range(prompt.officer.count())] == \
        ["홍길동", "김상담", "이현장"]
    sign_in(qtbot, prompt, LEGACY_PIN)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
    assert "6자리" in window.statusBar().currentMessage()
    assert (old / "keyslots.json").exists() and not (old / "store.key").exists()

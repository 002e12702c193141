"""``StoreRunner.call``: a background thread's way to the store, through the one worker."""

from __future__ import annotations

import threading
from concurrent.futures import CancelledError

import pytest

from fieldbus.store.store import Store
from fieldbus.ui.shell.worker import StoreOp, StoreRunner
from tests.conftest import PIN


def in_thread(fn):
    """Run ``fn`` on a new plain thread; its result or exception, after it ends."""
    box: dict = {}

    def target():
        try:
            box["result"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            box["error"] = exc

    thread = threading.Thread(target=target)
    thread.start()
    return thread, box


def test_a_background_thread_gets_results_from_the_store_worker(qtbot, store):
    data_dir = store.data_dir
    store.close()
    runner = StoreRunner()
    opened: list = []
    try:
        runner.run(StoreOp.opening(lambda: Store.open(data_dir,
                                                      officer="홍길동", pin=PIN)).success(opened.append))
        qtbot.waitUntil(lambda: runner.pending == 0)
        caller = threading.get_ident
        thread, box = in_thread(lambda: runner.call(lambda s: (s.device, caller())))
        qtbot.waitUntil(lambda: not thread.is_alive())
        device, worker_thread = box["result"]
        assert device == "B07A"
        assert worker_thread not in (thread.ident, threading.get_ident())

        thread, box = in_thread(lambda: runner.call(lambda s: s.sign_in("홍길동", "0000")))
        qtbot.waitUntil(lambda: not thread.is_alive())
        assert box["error"].code == "signin_failed"  # raised in the caller, typed
    finally:
        runner.shutdown()


def test_call_refuses_the_gui_thread_and_a_stopped_runner(qtbot):
    runner = StoreRunner()
    with pytest.raises(RuntimeError, match="GUI thread"):
        runner.call(lambda s: None)
    runner.shutdown()
    thread, box = in_thread(lambda: runner.call(lambda s: None))
    thread.join(5)
    assert isinstance(box["error"], CancelledError)

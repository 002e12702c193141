"""The review workspace's network work, off the GUI thread.

The store has one worker (:mod:`fieldbus.ui.shell.worker`), and it must never wait on the
network; the hub is waited on here instead, on a small pool of background threads. A
screen hands :meth:`Tasks.run` a function and what to do with its result or its error;
the function runs on a pool thread (it may reach the store through
:meth:`~fieldbus.ui.shell.worker.StoreRunner.call`, which queues on the store worker),
and ``success`` or ``failure`` run later on the GUI thread through a queued signal — the
same shape as :class:`~fieldbus.ui.shell.worker.StoreOp`, so a screen reads alike
whichever it waits on.

A result that arrives after :meth:`Tasks.shutdown` (the window closing) is dropped.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal, Slot

T = TypeVar("T")
log = logging.getLogger(__name__)
#: A queue page, a case and an attachment may be on their way at once; more would only
#: queue at the hub.
THREADS = 3


class Tasks(QObject):
    """Runs functions on background threads; their outcome comes back on the GUI thread."""

    _done = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(THREADS, thread_name_prefix="review")
        self._open = True
        self._busy = 0
        self._lock = threading.Lock()
        self._done.connect(self._deliver)

    @property
    def busy(self) -> int:
        """How many tasks are running or waiting (tests wait for 0)."""
        return self._busy

    def run(self, fn: Callable[[], T], success: Callable[[T], Any],
            failure: Callable[[Exception], Any]) -> None:
        """``fn()`` on a pool thread; then ``success(result)`` or ``failure(error)`` on
        the GUI thread."""
        if not self._open:
            return
        with self._lock:
            self._busy += 1

        def work() -> None:
            try:
                outcome: tuple = (success, fn())
            except Exception as exc:  # handed to the screen, which says it in one line
                outcome = (failure, exc)
            self._done.emit(outcome)

        self._pool.submit(work)

    @Slot(object)
    def _deliver(self, outcome: tuple) -> None:
        with self._lock:
            self._busy -= 1
        if not self._open:
            return
        handler, value = outcome
        try:
            handler(value)
        except Exception:  # a screen's handler failing must not end the event loop
            log.exception("a review task's handler failed")

    def shutdown(self) -> None:
        """Drop what is still to come; running calls end on their own (their timeouts)."""
        self._open = False
        self._pool.shutdown(wait=False, cancel_futures=True)

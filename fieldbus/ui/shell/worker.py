"""One worker thread owns the store; the GUI sends it operations and gets results by signal.

The idea is Anki's (``qt/aqt/operations/__init__.py`` and ``qt/aqt/taskman.py``): a screen
builds an operation, says what to do with its result and with its error, and hands it to
the runner::

    op = StoreOp(lambda store: store.list_officers()).success(show).failure(complain)
    runner.run(op)

``fn`` runs on the worker thread with the open :class:`~fieldbus.store.store.Store`;
``success(result)`` and ``failure(exc)`` run later on the GUI thread, through a queued
signal (Electrum's pattern: whatever the core does, widgets are only touched where they
live). The operation itself never touches a widget.

The store object is made, used and closed on the worker thread only: SQLite connections
must not cross threads (the driver refuses it), and the GUI thread never waits on a disk.
Opening is an operation too — :meth:`StoreOp.opening` — so even ``Store.open`` (the PIN's
Argon2id, unwrapping the key, SQLCipher, migrations) happens off the GUI thread, and so
does reading the key slot file for the sign-in screen (:meth:`StoreOp.detached`).

Operations run one at a time, in the order they were given: a later operation sees what an
earlier one wrote. :meth:`StoreRunner.shutdown` closes the store on the worker and waits
for the thread to end; results that arrive after it are dropped.

A background thread that is not the GUI (the sync thread, which spends its time waiting on
the network) uses :meth:`StoreRunner.call` instead: the function still runs on the worker,
queued with the screens' operations, and the calling thread waits for its result. The
network is then never waited on by the store worker, nor the store by the GUI.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import CancelledError, Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject, QThread, Signal, Slot

if TYPE_CHECKING:
    from fieldbus.store.store import Store

T = TypeVar("T")
log = logging.getLogger(__name__)


class StoreNotOpen(RuntimeError):
    """An operation was given before a store was opened (a bug in the caller)."""


class StoreOp(Generic[T]):
    """A piece of work on the store, and what the GUI does with its outcome."""

    def __init__(self, fn: Callable[[Store], T]) -> None:
        self._fn = fn
        self._opener: Callable[[], Store | None] | None = None
        self._on_success: Callable[[T], Any] | None = None
        self._on_failure: Callable[[Exception], Any] | None = None
        self._future: Future | None = None  # set for StoreRunner.call: answered in place
        self._detached = False  # see detached()

    @classmethod
    def opening(cls, opener: Callable[[], Store | None],
                then: Callable[[Store], T] | None = None) -> StoreOp[T | None]:
        """An operation that makes the worker's store: ``opener()`` (``Store.open`` or
        ``Store.create``) runs on the worker, the store it returns becomes the one later
        operations get (a store opened earlier is closed first), and ``then(store)`` gives
        the result. ``opener`` may return None (nothing to open): the result is then None.
        """
        op: StoreOp[T | None] = cls(then or (lambda store: None))  # type: ignore[arg-type]
        op._opener = opener
        return op

    @classmethod
    def detached(cls, fn: Callable[[], T]) -> StoreOp[T]:
        """Work on the worker thread that needs no open store: reading the key slot file
        for the sign-in screen before anyone has given a PIN."""
        op: StoreOp[T] = cls(lambda store: fn())
        op._detached = True
        return op

    def success(self, callback: Callable[[T], Any]) -> StoreOp[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[Exception], Any]) -> StoreOp[T]:
        self._on_failure = callback
        return self

    # -- used by the worker thread -----------------------------------------------------

    def _execute(self, worker: _Worker) -> Any:
        if self._detached:
            return self._fn(None)  # type: ignore[arg-type]
        if self._opener is not None:
            worker.close_store()
            store = self._opener()
            if store is None:
                return None
            worker.store = store
            return self._fn(store)
        if worker.store is None:
            raise StoreNotOpen("no store is open")
        return self._fn(worker.store)


@dataclass(frozen=True)
class _Outcome:
    """An operation's answer, crossing threads as one object.

    One object rather than ``Signal(object, object, object)`` carrying ``None`` for the
    missing half: PySide6 6.12 loses a reference to ``None`` sent through a queued
    ``object`` argument, and after enough operations the interpreter aborts
    ("deallocating None").
    """

    op: StoreOp
    result: Any = None
    error: Exception | None = None


class _Worker(QObject):
    """Lives on the worker thread; everything it does with the store happens there."""

    finished = Signal(object)  # _Outcome
    stopped = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.store: Store | None = None

    @Slot(object)
    def execute(self, op: StoreOp) -> None:
        future = op._future
        if future is not None and not future.set_running_or_notify_cancel():
            return
        try:
            result = op._execute(self)
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the GUI, typed
            if future is not None:
                future.set_exception(exc)
            else:
                self.finished.emit(_Outcome(op, error=exc))
        else:
            if future is not None:
                future.set_result(result)
            else:
                self.finished.emit(_Outcome(op, result=result))

    def close_store(self) -> None:
        if self.store is not None:
            store, self.store = self.store, None
            try:
                store.close()
            except Exception:  # noqa: BLE001 - closing must not stop the shutdown
                log.exception("closing the store failed")

    @Slot()
    def stop(self) -> None:
        self.close_store()
        self.stopped.emit()
        self.thread().quit()


class StoreRunner(QObject):
    """The GUI thread's handle on the store worker: ``run(op)``, ``shutdown()``.

    ``unhandled`` is emitted (on the GUI thread) with the exception of an operation that
    has no ``failure`` callback, so a window can show it rather than lose it.
    """

    unhandled = Signal(object)
    _submit = Signal(object)
    _stop = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread()
        self._thread.setObjectName("fieldbus-store")
        self._worker = _Worker()
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.execute)
        self._stop.connect(self._worker.stop)
        self._worker.finished.connect(self._deliver)
        self._thread.finished.connect(self._worker.deleteLater)
        self._running = True
        self._pending = 0
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._running

    @property
    def pending(self) -> int:
        """Operations given and not yet answered."""
        return self._pending

    def run(self, op: StoreOp) -> None:
        if not self._running:
            raise RuntimeError("the store runner has been shut down")
        self._pending += 1
        self._submit.emit(op)

    def call(self, fn: Callable[[Store], T], *, poll_seconds: float = 0.5) -> T:
        """Run ``fn(store)`` on the worker and wait for its result, from a background thread.

        Never from the GUI thread (it would wait on the disk). Raises what ``fn`` raised,
        or :class:`concurrent.futures.CancelledError` once the runner is shut down.
        """
        if threading.current_thread() is threading.main_thread():
            raise RuntimeError("StoreRunner.call would block the GUI thread; use run()")
        if not self._running:
            raise CancelledError("the store runner has been shut down")
        op: StoreOp[T] = StoreOp(fn)
        op._future = future = Future()
        self._submit.emit(op)
        while True:
            try:
                return future.result(timeout=poll_seconds)
            except TimeoutError:
                if not self._running and future.cancel():
                    raise CancelledError("the store runner has been shut down") from None

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Let queued operations finish, close the store on its thread, end the thread."""
        if not self._running:
            return
        self._running = False
        self._stop.emit()
        if not self._thread.wait(timeout_ms):
            log.error("the store worker did not stop within %d ms", timeout_ms)

    @Slot(object)
    def _deliver(self, outcome: _Outcome) -> None:
        op, result, exc = outcome.op, outcome.result, outcome.error
        self._pending -= 1
        if not self._running:
            return
        if exc is None:
            if op._on_success is not None:
                op._on_success(result)
            return
        if op._on_failure is not None:
            op._on_failure(exc)
            return
        log.error("store operation failed: %s",
                  "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
        self.unhandled.emit(exc)

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

What changed (Anki's ``OpChanges``, ``qt/aqt/operations/__init__.py``): after every
operation, the ones from :meth:`StoreRunner.call` too, the worker asks the store what it
committed (:mod:`fieldbus.store.changes`: the database notes it itself, so no operation can
forget to say) and, when anything was, the runner emits ``changed(OpChanges)`` on the GUI
thread, after the operation's own ``success`` or ``failure``. Screens follow that signal
(:class:`FollowChanges`) rather than a timer polling the store.
"""

from __future__ import annotations

import logging
import os
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import CancelledError, Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QEvent, QFileSystemWatcher, QObject, QThread, QTimer, Signal, Slot

if TYPE_CHECKING:  # types only: the store's modules load on the worker, not at start-up
    from PySide6.QtWidgets import QWidget

    from fieldbus.store.changes import OpChanges
    from fieldbus.store.store import Store

T = TypeVar("T")
#: After the database's files change on disk, how long to wait for more before looking.
LOOK_DELAY_MS = 300
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
    changes: OpChanges | None = None  # what the operation committed (None: nothing)


class _Worker(QObject):
    """Lives on the worker thread; everything it does with the store happens there."""

    finished = Signal(object)  # _Outcome
    touched = Signal(object)   # OpChanges of a StoreRunner.call (no _Outcome goes back)
    opened = Signal(object)    # list[str]: the new store's files, for the runner to watch
    stopped = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.store: Store | None = None
        self._version: tuple[int, int] | None = None  # (id(store), its data_version)

    @Slot(object)
    def execute(self, op: StoreOp) -> None:
        future = op._future
        if future is not None and not future.set_running_or_notify_cancel():
            return
        try:
            result = op._execute(self)
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the GUI, typed
            changes = self.take_changes()  # a failed operation may have committed a part
            if future is not None:
                self._touched(changes)
                future.set_exception(exc)
            else:
                self.finished.emit(_Outcome(op, error=exc, changes=changes))
        else:
            changes = self.take_changes()
            if future is not None:
                self._touched(changes)
                future.set_result(result)
            else:
                self.finished.emit(_Outcome(op, result=result, changes=changes))

    def take_changes(self) -> OpChanges | None:
        """What the open store committed since the last operation (fieldbus.store.changes),
        None when nothing was."""
        if self.store is None:
            return None
        from fieldbus.store import changes

        store = self.store
        try:
            noted = changes.take(store.db)
            version = (id(store), changes.data_version(store.db))
            if self._version is None or self._version[0] != version[0]:
                from fieldbus.store.store import DB_FILE

                path = store.data_dir / DB_FILE  # a store just opened: watch its files
                self.opened.emit([str(path), f"{path}-wal"])
            elif self._version != version:  # another process committed meanwhile
                noted = changes.everything()
            self._version = version
            return noted or None
        except Exception:  # noqa: BLE001 - a screen left stale beats a lost answer
            log.exception("reading what the operation changed failed")
            return None

    def _touched(self, changes: OpChanges | None) -> None:
        if changes:
            self.touched.emit(changes)

    def close_store(self) -> None:
        if self.store is not None:
            store, self.store = self.store, None
            self._version = None
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

    ``changed`` is emitted (on the GUI thread) with the :class:`OpChanges` of every
    operation that committed something, after its callbacks, and of every
    :meth:`call` that did, in the order the worker ran them.
    """

    unhandled = Signal(object)
    changed = Signal(object)  # OpChanges, never empty
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
        self._worker.touched.connect(self._relay)
        self._worker.opened.connect(self._watch)
        # Another process's commit (the CLI enrolling, importing) changes the database's
        # files: inotify tells, and an empty operation lets the worker find out what
        # (data_version) — after a short pause, so a burst of writes is one look.
        self._files = QFileSystemWatcher(self)
        self._watched: list[str] = []
        self._files.fileChanged.connect(lambda _path: self._look_soon.start())
        self._look_soon = QTimer(self)
        self._look_soon.setSingleShot(True)
        self._look_soon.setInterval(LOOK_DELAY_MS)
        self._look_soon.timeout.connect(self._look)
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
        self._pending -= 1
        if not self._running:
            return
        try:
            self._answer(outcome)
        finally:
            self._relay(outcome.changes)

    def _answer(self, outcome: _Outcome) -> None:
        op, result, exc = outcome.op, outcome.result, outcome.error
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

    @Slot(object)
    def _watch(self, paths: list[str]) -> None:
        """Watch the open store's files (a WAL that does not exist yet is added on the
        first change of the database file)."""
        if self._files.files():
            self._files.removePaths(self._files.files())
        self._watched = paths
        self._files.addPaths([p for p in paths if os.path.exists(p)])

    def _look(self) -> None:
        missing = [p for p in self._watched if p not in self._files.files()
                   and os.path.exists(p)]
        if missing:  # the WAL appeared, or a file was replaced: watch it (again)
            self._files.addPaths(missing)
        if self._running:
            self.run(StoreOp(lambda store: None).failure(lambda exc: None))

    @Slot(object)
    def _relay(self, changes: OpChanges | None) -> None:
        if changes and self._running:
            self.changed.emit(changes)


class FollowChanges(QObject):
    """A screen that shows what is in the store, kept true by the runner's ``changed``.

    ``concerns(changes)`` says whether an operation's :class:`OpChanges` touch what the
    screen shows; if so, ``refresh()`` runs at once while ``widget`` is on screen, and when
    it next shows if it is hidden (the screen is marked ``stale`` until then), so a hidden
    tab costs no query per change. ``refresh`` is the screen's own (a StoreOp); a screen
    that already refreshes every time it shows passes ``on_show=False``.
    """

    def __init__(self, widget: QWidget, runner: StoreRunner,
                 concerns: Callable[[OpChanges], bool], refresh: Callable[[], Any], *,
                 on_show: bool = True) -> None:
        super().__init__(widget)
        self.widget, self.concerns, self.refresh = widget, concerns, refresh
        self.stale = False
        self._on_show = on_show
        runner.changed.connect(self.follow)
        if on_show:
            widget.installEventFilter(self)

    @Slot(object)
    def follow(self, changes: OpChanges) -> None:
        if not self.concerns(changes):
            return
        if self.widget.isVisible():
            self.stale = False
            self.refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.widget and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self.refresh()
        return False

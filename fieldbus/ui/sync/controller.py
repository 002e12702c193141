"""Sync in the window: it starts by itself and never waits on the GUI thread or blocks the store.

After sign-in the controller syncs when the hub can be reached, every few minutes after
(``FIELDBUS_SYNC_SECONDS``, default 180), every 30 seconds while the hub cannot be reached
(so it starts soon after the bus finds a connection), and a few seconds after a case is
saved. A run is :class:`sync.client.Client` on a plain background thread: the network is
waited on there, and each store read or write it needs goes to the one store worker through
:meth:`StoreRunner.call`, queued with the screens' operations. Results come back to the
GUI thread through a queued signal as a :class:`~fieldbus.services.sync_status.SyncStatus`.
How far a run has got (:class:`sync.progress.Progress`, reported by the engine from the
sync thread) comes the same way, through ``progressed``, and rides on the status as
``SyncStatus.progress`` until the run ends.

The counts (what waits, what is set aside) are read again after every operation that
changed them — a save, the sync thread's acks and pulls, an enrolment — from the store
runner's ``changed`` (:mod:`fieldbus.store.changes`), never on a timer.

Nothing here deletes or resets anything: locking, a user switch or closing the window
leave every unsynced record where it is. A run cut off by closing the window is abandoned
(its thread is a daemon; the store calls it would still make are refused once the worker
has stopped) and the next start resumes from the outbox.
"""

from __future__ import annotations

import logging
import os
import threading
from concurrent.futures import CancelledError
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from fieldbus.domain.records import Officer
from fieldbus.services.settings import env_seconds
from fieldbus.services.sync_status import SyncStatus
from fieldbus.ui.shell.worker import StoreOp

log = logging.getLogger(__name__)

SYNC_SECONDS_ENV = "FIELDBUS_SYNC_SECONDS"
DEFAULT_SECONDS = 180.0
OFFLINE_SECONDS = 30.0
AFTER_SAVE_MS = 5_000


def interval_seconds(environ=os.environ) -> float:
    return env_seconds(SYNC_SECONDS_ENV, DEFAULT_SECONDS, environ)


def _state(store) -> tuple[bool, bool, int, int, int]:
    """(enrolled, training, pending, quarantined, files pending), read on the store worker."""
    from fieldbus.services import sync_link
    from fieldbus.store import hub_token
    from fieldbus.store import sync as store_sync

    enrolled = bool(store.meta(sync_link.HUB_API_KEY)) and hub_token.load(store) is not None
    pending, quarantined = store_sync.counts(store)
    return (enrolled, bool(getattr(store, "training", False)), pending, quarantined,
            store_sync.uploads_waiting(store))


def _access(store) -> tuple[Any, str]:
    from fieldbus.services import sync_link

    return sync_link.hub_access(store), store.device or ""


class _RunnerLaptop:
    """``sync.client.Laptop`` for the sync thread: every method runs on the store worker."""

    def __init__(self, runner, officer: Officer, device: str) -> None:
        self.runner, self.officer, self.device = runner, officer, device

    def __getattr__(self, name: str):
        from fieldbus.services.sync_link import StoreLaptop

        officer = self.officer

        def forward(*args: Any) -> Any:
            return self.runner.call(
                lambda store: getattr(StoreLaptop(store, officer), name)(*args))
        return forward


class SyncController(QObject):
    """Owns the timers and the run; ``changed`` carries every new :class:`SyncStatus`."""

    changed = Signal(object)
    #: From the sync thread (queued to the GUI thread): the run's latest sync.progress.Progress.
    progressed = Signal(object)
    _finished = Signal(object)   # from the sync thread: a SyncResult or an exception

    def __init__(self, window, *, seconds: float | None = None) -> None:
        super().__init__(window)
        self.window_ = window
        self.status = SyncStatus()
        self.officer: Officer | None = None
        self.seconds = seconds or interval_seconds()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_now)
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.timeout.connect(self.sync_now)
        self._finished.connect(self._done)
        self.progressed.connect(self._progressed)
        self._thread: threading.Thread | None = None
        self._stopped = False
        window.runner.changed.connect(self._store_changed)

    # -- the window's calls ------------------------------------------------------------

    def start(self, officer: Officer) -> None:
        """After a sign-in (or an unlock): look at the store, then sync if enrolled."""
        self.officer = officer
        self._stopped = False
        self.refresh(then_sync=True)

    def refresh(self, *, then_sync: bool = False) -> None:
        """Read the outbox counts again (after an operation changed them)."""
        runner = self.window_.runner
        if self.officer is None or not runner.running:
            return
        runner.run(StoreOp(_state).success(lambda state: self._read(state, then_sync))
                   .failure(self._read_failed))

    def nudge(self) -> None:
        """Something was saved: send it in a few seconds rather than minutes."""
        if self.status.enrolled and not self.status.training:
            self.soon.start(AFTER_SAVE_MS)

    def sync_now(self) -> None:
        if self._stopped or self.officer is None or self.status.running \
                or not self.status.enrolled or self.status.training:
            return
        runner = self.window_.runner
        if not runner.running:
            return
        self._set(replace(self.status, running=True))
        runner.run(StoreOp(_access).success(self._go).failure(self._cannot_start))

    def stop(self) -> None:
        """The window is closing: no new runs; one under way is abandoned."""
        self._stopped = True
        self.timer.stop()
        self.soon.stop()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @Slot(object)
    def _store_changed(self, changes) -> None:
        """An operation committed changes (OpChanges): count again if they concern it."""
        if changes.sync_state:
            self.refresh()

    # -- results -----------------------------------------------------------------------

    def _read(self, state: tuple[bool, bool, int, int, int], then_sync: bool) -> None:
        enrolled, training, pending, quarantined, files = state
        self._set(replace(self.status, enrolled=enrolled, training=training,
                          pending=pending, quarantined=quarantined, files_pending=files))
        if enrolled and not training and not self._stopped:
            if not self.timer.isActive():
                self._schedule()
            if then_sync:
                self.sync_now()

    def _read_failed(self, exc: Exception) -> None:
        log.warning("reading the sync state failed: %s", getattr(exc, "code", type(exc).__name__))

    def _go(self, access_and_device: tuple[Any, str]) -> None:
        access, device = access_and_device
        laptop = _RunnerLaptop(self.window_.runner, self.officer, device)
        thread = threading.Thread(target=self._run, args=(access, laptop),
                                  name="fieldbus-sync", daemon=True)
        self._thread = thread
        thread.start()

    def _run(self, access, laptop: _RunnerLaptop) -> None:
        """On the sync thread: one push-then-pull."""
        from sync.client import Client

        try:
            with access.connect() as connection:
                outcome: Any = Client(connection, laptop, progress=self._report).run()
        except CancelledError:
            return  # the window closed under it
        except Exception as exc:  # noqa: BLE001 - shown as a reason, never a traceback
            outcome = exc
        self._finished.emit(outcome)

    def _report(self, progress) -> None:
        """On the sync thread: the engine's report, handed to the GUI thread."""
        try:
            self.progressed.emit(progress)
        except RuntimeError:  # the window (and this controller) went away under the run
            pass

    @Slot(object)
    def _progressed(self, progress) -> None:
        if self.status.running:  # a report that arrives after its run ended is old news
            self._set(replace(self.status, progress=progress))

    def _cannot_start(self, exc: Exception) -> None:
        self._finish(error_code=getattr(exc, "code", "sync_failed"),
                     error=getattr(exc, "message", str(exc)))

    @Slot(object)
    def _done(self, outcome: Any) -> None:
        self._thread = None
        if isinstance(outcome, Exception):
            log.warning("sync failed: %s", type(outcome).__name__)
            self._finish(error_code=getattr(outcome, "code", "sync_failed"),
                         error=str(outcome) or type(outcome).__name__)
            return
        self._finish(error_code=outcome.error_code, error=outcome.error,
                     counts=(outcome.pending, outcome.quarantined, outcome.files_pending))

    def _finish(self, *, error_code: str | None, error: str | None,
                counts: tuple[int, int, int] | None = None) -> None:
        from fieldbus.store.store import kst_now

        pending, quarantined, files = counts or (
            self.status.pending, self.status.quarantined, self.status.files_pending)
        self._set(self.status.after_run(pending=pending, quarantined=quarantined,
                                        files_pending=files, error_code=error_code,
                                        error=error, at=kst_now()))
        if not self._stopped:
            self._schedule()

    def _schedule(self) -> None:
        seconds = OFFLINE_SECONDS if self.status.offline else self.seconds
        self.timer.start(int(1000 * min(seconds, self.seconds)))

    def _set(self, status: SyncStatus) -> None:
        self.status = status
        self.changed.emit(status)

"""A form's unsaved content kept as the signed-in officer's encrypted draft in the store
(``fieldbus/store/drafts.py``, one ``meta`` key per form and officer), saved every few
seconds when it changed and offered back after a crash.

The intake form (key ``draft:<officer>``, with its attached files checked again on
restore) and the counsel form (``counsel-draft:<officer>``) use it. Both store calls run on
the worker; nothing here touches the store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from fieldbus.ui.shell.worker import StoreOp

log = logging.getLogger(__name__)


def _save(store, officer_id: str, values: dict[str, Any], prefix: str,
          is_blank: Callable[[dict[str, Any]], bool]) -> None:
    from fieldbus.store import drafts

    if is_blank(values):
        drafts.clear(store, officer_id, prefix=prefix)
    else:
        drafts.save(store, officer_id, values, prefix=prefix)


def _load(store, officer_id: str, prefix: str):
    from fieldbus.store import drafts

    return drafts.load(store, officer_id, prefix=prefix)


def _draft_of(loaded: Any) -> Any:
    return loaded


class DraftAutosave(QObject):
    """``values()`` reads the form; ``busy()`` is true while the form itself saves (its
    own save clears the draft in the same store operation); ``restore(draft)`` fills the
    form from a draft found at sign-in; ``problem(what)`` shows that the ``"load"`` or
    ``"save"`` of the draft failed.

    ``load(store, officer_id)`` replaces the plain read when a form needs more on the
    worker (the intake form checks its attached files again); ``draft_of(loaded)`` then
    picks the draft out of what it returned, and ``restore`` gets the whole of it."""

    def __init__(self, window, *, prefix: str, seconds: float,
                 values: Callable[[], dict[str, Any]], busy: Callable[[], bool],
                 is_blank: Callable[[dict[str, Any]], bool],
                 restore: Callable[[Any], None], problem: Callable[[str], None],
                 load: Callable[[Any, str], Any] | None = None,
                 draft_of: Callable[[Any], Any] = _draft_of,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.prefix = prefix
        self.values, self.busy, self.is_blank = values, busy, is_blank
        self.restore, self.problem = restore, problem
        self.load, self.draft_of = load, draft_of
        self.officer_id: str | None = None
        self.restoring = False
        self.saved = 0
        self.snapshot: dict[str, Any] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(int(1000 * seconds))
        self.timer.timeout.connect(self.save)

    def start(self, officer_id: str) -> None:
        """After a sign-in: look for the officer's draft; autosave from then on."""
        if not self.timer.isActive():
            self.timer.start()
        self.officer_id = officer_id
        self.restoring = True
        prefix, load = self.prefix, self.load
        op = StoreOp(lambda store: load(store, officer_id) if load is not None
                     else _load(store, officer_id, prefix))
        self.window_.runner.run(op.success(self._loaded).failure(self._load_failed))

    def settled(self) -> None:
        """The form's content as it is now needs no draft (just saved or cleared)."""
        self.snapshot = self.values()

    def _loaded(self, loaded) -> None:
        self.restoring = False
        draft = self.draft_of(loaded)
        if draft is not None and not self.is_blank(draft.values):
            self.restore(loaded)
        self.settled()

    def _load_failed(self, exc: Exception) -> None:
        self.restoring = False
        log.warning("loading the %s draft failed: %s", self.prefix, getattr(exc, "code", exc))
        self.problem("load")

    def save(self) -> None:
        """Autosave: the form's content as the officer's draft, when it has changed."""
        officer = getattr(self.window_, "officer", None)
        runner = self.window_.runner
        if officer is None or officer.id != self.officer_id or self.restoring \
                or self.busy() or not runner.running:
            return
        values = self.values()
        if values == self.snapshot:
            return
        self.snapshot = values
        officer_id, prefix, is_blank = officer.id, self.prefix, self.is_blank
        op = StoreOp(lambda store: _save(store, officer_id, values, prefix, is_blank))
        runner.run(op.success(self._saved).failure(self._save_failed))

    def _saved(self, _result) -> None:
        self.saved += 1

    def _save_failed(self, exc: Exception) -> None:
        self.snapshot = None  # try again at the next tick
        log.warning("saving the %s draft failed: %s", self.prefix, getattr(exc, "code", exc))
        self.problem("save")

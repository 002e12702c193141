"""A form's unsaved content kept as the signed-in officer's encrypted draft in the store
(``fieldbus/store/drafts.py``, one ``meta`` key per form and officer), saved every few
seconds when it changed and offered back after a crash.

The intake form (key ``draft:<officer>``, with its attached files checked again on
restore) and the counsel form (``counsel-draft:<officer>``) use it. Both store calls run on
the worker; nothing here touches the store. A draft belongs to one officer, so a form
starts afresh (and looks for that officer's draft) when a different officer comes to the
work area: :meth:`DraftAutosave.arriving` tells the form when.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from fieldbus.services.settings import env_seconds
from fieldbus.ui.shell.worker import StoreOp

log = logging.getLogger(__name__)

DEFAULT_AUTOSAVE_SECONDS = 5.0


def tr(text: str) -> str:
    return QCoreApplication.translate("forms", text)


def autosave_seconds(environ: Mapping[str, str] = os.environ) -> float:
    """How often a changed form is kept as a draft: ``FIELDBUS_DRAFT_SECONDS``, else 5."""
    return env_seconds("FIELDBUS_DRAFT_SECONDS", DEFAULT_AUTOSAVE_SECONDS, environ)


def problem_text(what: str) -> str:
    """The form's status line when the ``"load"`` or the ``"save"`` of its draft failed."""
    return tr("임시 저장본을 불러오지 못했습니다.") if what == "load" \
        else tr("임시 저장에 실패했습니다. 디스크를 확인하십시오.")


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

    ``seconds`` is the autosave's period (None: :func:`autosave_seconds`).
    ``load(store, officer_id)`` replaces the plain read when a form needs more on the
    worker (the intake form checks its attached files again); ``draft_of(loaded)`` then
    picks the draft out of what it returned, and ``restore`` gets the whole of it."""

    def __init__(self, window, *, prefix: str, seconds: float | None,
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
        self.timer.setInterval(int(1000 * (seconds or autosave_seconds())))
        self.timer.timeout.connect(self.save)

    def arriving(self):
        """The officer the work area now shows to, when the form should start afresh for
        them (and :meth:`start` for them); None while it is not shown, nobody is signed
        in, or it is the officer whose draft this already keeps (back from the lock: the
        form keeps what it holds)."""
        window = self.window_
        officer = getattr(window, "officer", None)
        if officer is None or window.pages.currentWidget() is not getattr(window, "work_page",
                                                                          None):
            return None
        if officer.id == self.officer_id:
            return None
        return officer

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

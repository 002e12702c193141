"""What the status bar says about sync, decided without Qt so it can be tested alone.

An officer glances at one line: is the work reaching the centre, and does anything need
them? Several things can be true at once (offline *and* two records quarantined); the
line shows the one that asks the most of a person, in this order: a training store never
syncs; a run in progress; records needing attention; a device token the hub refused;
not enrolled yet; offline; records waiting; all synced. The sync panel shows the rest.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum

from sync.progress import Progress

#: Error codes of sync.client that mean "the hub could not be reached or was not the hub".
OFFLINE_CODES = frozenset({"unreachable", "not_the_hub", "sync_failed"})
#: Codes that need a person (an administrator) rather than a better connection.
REFUSED_CODES = frozenset({"token_refused", "certificate", "hub_refused", "protocol"})


class Phase(Enum):
    TRAINING = "training"
    SYNCING = "syncing"
    ATTENTION = "attention"
    REFUSED = "refused"
    NOT_ENROLLED = "not_enrolled"
    OFFLINE = "offline"
    WAITING = "waiting"
    SYNCED = "synced"


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool = False
    training: bool = False
    running: bool = False
    pending: int = 0
    quarantined: int = 0
    files_pending: int = 0          # attachments the hub accepted a case before, still to send
    error_code: str | None = None   # of the last run, None when it went through
    error: str | None = None        # the last run's reason in words (no personal data)
    last_success: datetime | None = None
    last_attempt: datetime | None = None
    progress: Progress | None = None   # how far the run under way has got (None: no report yet)

    @property
    def phase(self) -> Phase:
        if self.training:
            return Phase.TRAINING
        if self.running:
            return Phase.SYNCING
        if self.quarantined:
            return Phase.ATTENTION
        if self.error_code in REFUSED_CODES:
            return Phase.REFUSED
        if not self.enrolled:
            return Phase.NOT_ENROLLED
        if self.error_code is not None:
            return Phase.OFFLINE
        if self.pending or self.files_pending:
            return Phase.WAITING
        return Phase.SYNCED

    @property
    def sends_when_connected(self) -> bool:
        """Records waiting now go out by themselves once the hub can be reached: only on an
        enrolled real store whose hub has not refused this laptop. Otherwise they stay on
        this laptop until a person acts (IT enrols it, or enrols it again)."""
        return self.enrolled and not self.training and self.error_code not in REFUSED_CODES

    @property
    def offline(self) -> bool:
        """The last run could not reach the hub: try again soon, not in minutes."""
        return self.enrolled and self.error_code in OFFLINE_CODES

    def after_run(self, *, pending: int, quarantined: int, error_code: str | None,
                  error: str | None, at: datetime, files_pending: int = 0) -> SyncStatus:
        return replace(self, running=False, pending=pending, quarantined=quarantined,
                       files_pending=files_pending,
                       error_code=error_code, error=error, last_attempt=at, progress=None,
                       last_success=at if error_code is None else self.last_success)

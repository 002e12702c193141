"""How far a sync run has got, in figures a person can read (issue 15).

On a slow uplink a run takes minutes; "동기화 중…" alone does not tell an officer whether
to wait for it or leave. The engine (:mod:`sync.client`) reports a :class:`Progress`
through a callback while it works — records and bytes sent of the total, the rate, a
time estimate and each waiting attachment — and the CLI's progress bar and the app's
status bar and sync panel show it. Pure Python, so both sides and the tests share it.

The rate is measured over the last :data:`WINDOW` seconds, not since the start: after a
cut the link's speed is what it is now, and the estimate should say so.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal

Phase = Literal["connecting", "pushing", "uploading", "pulling", "done"]
FileState = Literal["waiting", "sending", "done", "failed"]

#: Seconds of history the rate is measured over.
WINDOW = 10.0
#: The engine reports at most this often (seconds), besides every change of phase or file.
EVERY = 0.25


@dataclass(frozen=True)
class FileProgress:
    """One attachment or signature on its way to the hub."""

    sha256: str
    size: int
    name: str | None = None      # the attachment's file name on this laptop, when it has one
    sent: int = 0                # bytes the hub holds (after a resume: from the hub's offset)
    state: FileState = "waiting"


@dataclass(frozen=True)
class Progress:
    phase: Phase = "connecting"
    records_total: int = 0       # records this run will push
    records_sent: int = 0        # of them, answered by the hub
    bytes_total: int = 0         # payload: record bodies as sent plus attachment bytes
    bytes_sent: int = 0
    rate: float | None = None    # payload bytes per second lately; None before it is known
    files: tuple[FileProgress, ...] = ()
    pulled: int = 0              # changes pulled from the hub so far

    @property
    def eta_seconds(self) -> float | None:
        """Seconds left at the current rate; None while the rate is unknown."""
        if not self.rate or self.bytes_total <= self.bytes_sent:
            return None if not self.rate else 0.0
        return (self.bytes_total - self.bytes_sent) / self.rate

    @property
    def files_waiting(self) -> int:
        return sum(1 for f in self.files if f.state != "done")


Report = Callable[[Progress], None]


def silent(_progress: Progress) -> None:
    """The report of a run nobody watches (``fieldbus sync --json``, background tests)."""


@dataclass
class Meter:
    """Builds :class:`Progress` as the engine works and calls ``report`` with it — at
    every phase or file change, and in between at most every :data:`EVERY` seconds."""

    report: Report = silent
    clock: Callable[[], float] = time.monotonic
    state: Progress = field(default_factory=Progress)
    _samples: deque[tuple[float, int]] = field(default_factory=deque)
    _last: float = float("-inf")

    def update(self, *, force: bool = False, **changes: object) -> None:
        self.state = replace(self.state, **changes)  # type: ignore[arg-type]
        self._emit(force=force)

    def phase(self, phase: Phase) -> None:
        self.update(phase=phase, force=True)

    def add_total(self, records: int = 0, payload: int = 0) -> None:
        self.update(records_total=self.state.records_total + records,
                    bytes_total=self.state.bytes_total + payload, force=True)

    def files(self, files: list[FileProgress]) -> None:
        """The attachments this run will upload (their bytes join the total)."""
        known = {f.sha256 for f in self.state.files}
        new = tuple(f for f in files if f.sha256 not in known)
        self.update(files=self.state.files + new,
                    bytes_total=self.state.bytes_total + sum(f.size for f in new), force=True)

    def sent(self, payload: int, records: int = 0) -> None:
        """``payload`` more bytes (and ``records`` more records) reached the hub."""
        now = self.clock()
        total = self.state.bytes_sent + payload
        self._samples.append((now, total))
        while self._samples and self._samples[0][0] < now - WINDOW:
            self._samples.popleft()
        first_at, first = self._samples[0]
        rate = (total - first) / (now - first_at) if now - first_at >= 0.5 else self.state.rate
        self.update(bytes_sent=total, records_sent=self.state.records_sent + records,
                    rate=rate)

    def file(self, sha256: str, *, sent: int | None = None, state: FileState | None = None
             ) -> None:
        """A file's bytes held by the hub (``sent``, absolute) or its new ``state``."""
        files, before = [], None
        for f in self.state.files:
            if f.sha256 == sha256:
                before = f
                f = replace(f, sent=f.sent if sent is None else sent,
                            state=f.state if state is None else state)
            files.append(f)
        if before is None:
            return
        if sent is not None and sent > before.sent:
            self.state = replace(self.state, files=tuple(files))
            self.sent(sent - before.sent)
        elif sent is not None and sent < before.sent:  # the hub holds less than we thought
            self.update(files=tuple(files),
                        bytes_sent=max(0, self.state.bytes_sent - (before.sent - sent)))
        else:
            self.update(files=tuple(files), force=state is not None)

    def _emit(self, *, force: bool) -> None:
        now = self.clock()
        if force or now - self._last >= EVERY:
            self._last = now
            self.report(self.state)


def human_bytes(size: float) -> str:
    """``1536`` → ``"1.5 KB"``: how the app's status bar and sync panel write sizes. (Time
    left is words, so the UI writes it, translated; the CLI's bar is tqdm's.)"""
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError("unreachable")


def human_pair(sent: float, total: float) -> str:
    """``(4.2 MB, 46 MB)`` → ``"4.2/46.0 MB"``: both in the total's unit."""
    unit, scale = "B", 1.0
    for unit in ("B", "KB", "MB", "GB"):
        if total < 1024 * scale or unit == "GB":
            break
        scale *= 1024
    if unit == "B":
        return f"{sent:.0f}/{total:.0f} B"
    return f"{sent / scale:.1f}/{total / scale:.1f} {unit}"


def human_rate(rate: float) -> str:
    """``122880`` → ``"120 KB/s"``: whole units from 100 up, one decimal below."""
    size = human_bytes(rate)
    number, unit = size.split(" ")
    if "." in number and float(number) >= 100:
        number = f"{float(number):.0f}"
    return f"{number} {unit}/s"

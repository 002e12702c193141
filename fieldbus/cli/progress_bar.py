"""``fieldbus sync``'s progress bar on a terminal (issue 15, "Progress people can read").

The engine reports a :class:`sync.progress.Progress` while it works; :class:`SyncBar` shows
it on stderr with tqdm: bytes sent of the total, the rate and the time left, and records
and attachments in the description. Only a person at a terminal gets it: with ``--json``
or when stderr is not a terminal, :func:`bar_for` gives a bar that draws nothing, so what
scripts read (the final line, the JSON) stays exactly as it was.
"""

from __future__ import annotations

import sys
from typing import TextIO

from sync.progress import Progress


def describe(progress: Progress) -> str:
    """``"records 12/30 · files 3 left"`` (and what was pulled, once the pull has started)."""
    if progress.phase == "connecting":
        return "connecting"
    parts = [f"records {progress.records_sent}/{progress.records_total}"]
    if progress.files:
        parts.append(f"files {progress.files_waiting} left")
    if progress.phase in ("pulling", "done") or progress.pulled:
        parts.append(f"pulled {progress.pulled}")
    return " · ".join(parts)


class SyncBar:
    """A report for :func:`fieldbus.services.sync_link.run` that draws on ``stream``.

    The tqdm bar is made at the first report (a run that fails before it reports anything
    draws nothing) and closed by :meth:`close` — use the bar as a context manager so an
    error closes it too, before the error is printed.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.bar = None
        self.last: Progress | None = None

    def __call__(self, progress: Progress) -> None:
        self.last = progress
        if self.bar is None:
            self.bar = _bar(self.stream, progress)
        bar = self.bar
        bar.engine_rate = progress.rate
        bar.total = progress.bytes_total or None
        bar.n = min(progress.bytes_sent, progress.bytes_total) if progress.bytes_total \
            else progress.bytes_sent
        bar.set_description_str(describe(progress), refresh=False)
        bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def __enter__(self) -> SyncBar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _silent(_progress: Progress) -> None:
    """No bar: ``--json`` or stderr not a terminal."""


class _Nothing:
    def __enter__(self):
        return _silent

    def __exit__(self, *exc: object) -> None:
        return None


def bar_for(json_output: bool, stream: TextIO | None = None):
    """A context manager giving the ``progress`` report for one run: a :class:`SyncBar` on
    ``stream`` (stderr) when it is a terminal and ``--json`` was not asked for, else a
    report that shows nothing."""
    stream = sys.stderr if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    if json_output or not (callable(isatty) and isatty()):
        return _Nothing()
    return SyncBar(stream)


def _bar(stream: TextIO, first: Progress):
    """The tqdm bar itself: bytes in K/M/G (of 1024), the rate the engine measured."""
    from tqdm import tqdm

    class _EngineRate(tqdm):
        # No tqdm monitor thread: the engine reports often enough, and a run leaves no
        # thread behind.
        monitor_interval = 0
        engine_rate: float | None = None

        @property
        def format_dict(self):
            shown = super().format_dict
            # The engine's rate over the last seconds, as the app shows it (before it is
            # known, tqdm's average since the start); {speed} writes it in KB of 1024 like
            # the sizes (tqdm's own {rate_fmt} divides by 1000 whatever unit_divisor says).
            elapsed = shown["elapsed"]
            rate = self.engine_rate or ((shown["n"] - shown["initial"]) / elapsed
                                        if elapsed else None)
            if rate:
                shown["rate"] = rate
            shown["speed"] = (tqdm.format_sizeof(rate, divisor=1024) if rate else "?") + "B/s"
            return shown

    return _EngineRate(total=first.bytes_total or None, desc=describe(first), file=stream,
                       unit="B", unit_scale=True, unit_divisor=1024, dynamic_ncols=True,
                       leave=True, mininterval=0, miniters=0, smoothing=0, bar_format=BAR)


#: tqdm's own layout, with the unit after both sizes ("4.20MB/46.0MB") and the rate as {speed}.
BAR = "{l_bar}{bar}| {n_fmt}{unit}/{total_fmt}{unit} [{elapsed}<{remaining}, {speed}]"

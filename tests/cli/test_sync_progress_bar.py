"""``fieldbus sync``'s progress bar (issue 15): figures a person can read on a terminal,
nothing extra for scripts (``--json``, or stderr not a terminal)."""

from __future__ import annotations

import io
import json
import sys

from fieldbus.cli.progress_bar import SyncBar, bar_for, describe
from sync.progress import FileProgress, Progress
from tests.cli.test_sync_cli import _enrol, on_hub  # noqa: F401 - a fixture

__all__ = ["on_hub"]  # the fixture, shared with test_sync_cli (and pyflakes told so)

MB = 1024 * 1024


class FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _files(*states: str) -> tuple[FileProgress, ...]:
    return tuple(FileProgress(f"{i:064x}", 2 * MB, f"photo-{i}.jpg", state=state)
                 for i, state in enumerate(states))


RUN = [
    Progress(phase="connecting"),
    Progress(phase="pushing", records_total=30, bytes_total=46 * MB,
             files=_files("waiting", "waiting", "waiting", "waiting")),
    Progress(phase="uploading", records_total=30, records_sent=12, bytes_total=46 * MB,
             bytes_sent=int(4.2 * MB), rate=120 * 1024,
             files=_files("done", "sending", "waiting", "waiting")),
    Progress(phase="pulling", records_total=30, records_sent=30, bytes_total=46 * MB,
             bytes_sent=46 * MB, rate=120 * 1024, files=_files("done", "done", "done", "done"),
             pulled=2),
]


def _screens(text: str) -> list[str]:
    """What the terminal showed, one redraw at a time."""
    return [line.strip() for line in text.replace("\r", "\n").splitlines() if line.strip()]


def test_the_bar_shows_bytes_rate_eta_records_and_files_left():
    stream = FakeTty()
    with bar_for(False, stream) as report:
        assert isinstance(report, SyncBar)
        for progress in RUN:
            report(progress)
        assert report.bar is not None
    assert report.bar is None  # closed

    screens = _screens(stream.getvalue())
    assert screens[0].startswith("connecting")
    middle = next(s for s in screens if s.startswith("records 12/30"))
    assert "records 12/30 · files 3 left" in middle
    assert "4.20MB/46.0MB" in middle and "9%" in middle
    assert "120kB/s" in middle                     # the engine's rate, in KB of 1024
    assert "<05:56" in middle                      # 41.8 MB left at 120 KB/s
    assert "records 30/30 · files 0 left · pulled 2" in screens[-1]
    assert "46.0MB/46.0MB" in screens[-1] and "100%" in screens[-1]
    assert stream.getvalue().endswith("\n")         # closed: the cursor is on a new line


def test_an_error_closes_the_bar_before_it_is_told():
    stream = FakeTty()
    try:
        with bar_for(False, stream) as report:
            report(RUN[1])
            raise RuntimeError("the link dropped")
    except RuntimeError:
        pass
    assert report.bar is None and stream.getvalue().endswith("\n")


def test_no_bar_for_json_or_a_stream_that_is_not_a_terminal():
    for json_output, stream in ((True, FakeTty()), (False, io.StringIO())):
        with bar_for(json_output, stream) as report:
            for progress in RUN:
                report(progress)
        assert stream.getvalue() == ""


def test_describe_says_what_is_known():
    assert describe(Progress()) == "connecting"
    assert describe(Progress(phase="pushing", records_total=3)) == "records 0/3"
    assert describe(RUN[2]) == "records 12/30 · files 3 left"


def _terminal_stderr(monkeypatch) -> None:
    """The captured stderr answers as a terminal does."""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)


def test_sync_json_on_a_terminal_prints_only_the_json(ready, on_hub, monkeypatch):  # noqa: F811
    ready.add("complaint-01.json")
    assert _enrol(ready, on_hub).code == 0
    _terminal_stderr(monkeypatch)
    assert sys.stderr.isatty()

    result = ready("sync", "--json")

    assert result.code == 0, result
    assert json.loads(result.out)["pushed"] == 1
    assert result.out_lines == [result.out.strip()]
    assert result.err_lines == [], result           # no bar, nothing but what was there


def test_sync_on_a_terminal_draws_the_bar_on_stderr_only(ready, on_hub, monkeypatch):  # noqa: F811
    ready.add("complaint-01.json")
    assert _enrol(ready, on_hub).code == 0
    _terminal_stderr(monkeypatch)

    result = ready("sync")

    assert result.code == 0, result
    assert len(result.out_lines) == 1 and result.out_lines[0].startswith("pushed 1, ")
    assert "records 1/1" in result.err, result      # the engine's reports, as a bar
    assert "%|" in result.err and result.err.endswith("\n")

"""Progress people can read (issue 15): while a run goes, the status bar says how far it has
got and the sync panel shows a bar for the whole run and each attachment on its way; when it
ends, the progress is gone."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QProgressBar

from fieldbus.services import sync_link
from fieldbus.services.sync_status import SyncStatus
from fieldbus.store.store import Store
from fieldbus.ui.sync.panel import going, headline, time_left
from sync.progress import FileProgress, Progress
from tests.conftest import PIN
from tests.hub.fixtures import PASSWORD
from tests.sync.conftest import add_cases
from tests.ui.test_accessibility import nameless
from tests.ui.shell.test_app import open_window  # noqa: F401 - a fixture
from tests.ui.test_languages import language, signed_in  # noqa: F401 - fixtures
from tests.ui.sync.test_sync_in_app import make_store, sign_in

__all__ = ["language", "open_window", "signed_in"]  # fixtures (and pyflakes told they are used)

MB = 1024 * 1024
SHA = [f"{i:x}" * 64 for i in range(3)]


def _files(*states_and_sent: tuple[str, int]) -> tuple[FileProgress, ...]:
    names = ("road-0.jpg", None, "signature.png")
    return tuple(FileProgress(SHA[i], 20 * MB, names[i], sent=sent, state=state)
                 for i, (state, sent) in enumerate(states_and_sent))


MIDWAY = Progress(phase="uploading", records_total=30, records_sent=12, bytes_total=46 * MB,
                  bytes_sent=int(4.2 * MB), rate=120 * 1024,
                  files=_files(("done", 20 * MB), ("sending", 5 * MB), ("waiting", 0)))


# -- the status bar's words, without Qt widgets ---------------------------------------


def test_the_line_says_only_what_is_known():
    syncing = SyncStatus(enrolled=True, running=True)
    assert headline(syncing) == "동기화 중…"  # no report yet
    assert headline(replace(syncing, progress=Progress())) == "동기화 중…"  # connecting
    assert headline(replace(syncing, progress=Progress(phase="pushing", records_total=30))) \
        == "동기화 중 · 기록 0/30"
    assert headline(replace(syncing, progress=MIDWAY)) == \
        "동기화 중 · 기록 12/30 · 4.2/46.0 MB · 120 KB/s · 약 6분 남음"
    pulling = replace(MIDWAY, phase="pulling", records_sent=30, bytes_sent=46 * MB, pulled=4)
    assert going(pulling) == "동기화 중 · 기록 30/30 · 46.0/46.0 MB · 받는 중 4건"


def test_time_left_in_words():
    assert time_left(None) == "" and time_left(0.0) == ""
    assert time_left(42) == "1분 미만 남음"
    assert time_left(356) == "약 6분 남음"
    assert time_left(2 * 3600 + 5 * 60) == "약 2시간 5분 남음"


def test_a_finished_run_forgets_its_progress():
    from datetime import datetime

    status = SyncStatus(enrolled=True, running=True, progress=MIDWAY)
    after = status.after_run(pending=0, quarantined=0, error_code=None, error=None,
                             at=datetime(2026, 5, 1, 10, 0))
    assert after.progress is None and not after.running


# -- the window, fed through the controller's signal ------------------------------------


def test_reports_show_in_the_status_bar_and_the_panel(qtbot, open_window, data_dir):  # noqa: F811
    make_store(data_dir)
    window = open_window()
    sign_in(qtbot, window)
    qtbot.waitUntil(lambda: window.outbox_label.text().startswith("허브 미등록"))
    controller = window.sync
    panel = window.open_sync_panel()
    assert not panel.progress.isVisible()  # no run going

    controller._set(replace(controller.status, running=True))  # a run has started
    assert window.outbox_label.text() == "동기화 중…"
    assert panel.progress.isVisible() and panel.progress.overall.maximum() == 0  # busy

    # Reports come from the sync thread and are queued to the GUI thread.
    threads: list[int] = []
    controller.changed.connect(lambda status: threads.append(threading.get_ident()))
    first = Progress(phase="pushing", records_total=30, bytes_total=46 * MB,
                     files=_files(("waiting", 0), ("waiting", 0), ("waiting", 0)))
    sender = threading.Thread(target=controller._report, args=(first,))
    sender.start()
    sender.join()
    qtbot.waitUntil(lambda: controller.status.progress == first)
    assert threads == [threading.get_ident()]
    assert window.outbox_label.text() == "동기화 중 · 기록 0/30 · 0.0/46.0 MB"
    files = panel.progress.files
    assert files.isVisible() and files.rowCount() == 3
    assert [files.item(r, 3).text() for r in range(3)] == ["대기"] * 3

    controller.progressed.emit(MIDWAY)
    qtbot.waitUntil(lambda: controller.status.progress == MIDWAY)
    assert window.outbox_label.text() == \
        "동기화 중 · 기록 12/30 · 4.2/46.0 MB · 120 KB/s · 약 6분 남음"
    assert panel.headline.text() == window.outbox_label.text()
    overall = panel.progress.overall
    assert (overall.minimum(), overall.maximum(), overall.value()) == (0, 1000, 91)
    assert overall.text() == "4.2/46.0 MB (9%)" and overall.accessibleName()
    assert [files.item(r, 0).text() for r in range(3)] == ["road-0.jpg", SHA[1][:12],
                                                          "signature.png"]
    assert [files.item(r, 1).text() for r in range(3)] == ["20.0 MB"] * 3
    assert panel.progress.percents() == [100, 25, 0]
    assert [files.item(r, 3).text() for r in range(3)] == ["완료", "전송 중", "대기"]
    assert all(files.cellWidget(r, 2).accessibleName() for r in range(3))
    assert nameless(panel) == []
    assert all(w.accessibleName() for w in panel.progress.findChildren(QProgressBar))

    failed = replace(MIDWAY, files=_files(("done", 20 * MB), ("failed", 5 * MB), ("sending", 0)))
    controller.progressed.emit(failed)
    qtbot.waitUntil(lambda: files.item(1, 3).text() == "실패")

    controller._finish(error_code=None, error=None)  # the run ended
    assert controller.status.progress is None
    assert not panel.progress.isVisible()
    assert "동기화 중" not in window.outbox_label.text()
    controller.progressed.emit(MIDWAY)  # late news of the finished run is dropped
    assert controller.status.progress is None and not panel.progress.isVisible()


# -- a real run against a hub on loopback -------------------------------------------------


def _enrolled(data_dir, hub, url: str, cases: int) -> None:
    """A laptop store enrolled at ``url`` (the hub, or a proxy before it), with ``cases``
    cases each with a photo and a signature."""
    with Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN) as store:
        store.officer = store.sign_in("홍길동", PIN)
        hub.add_user("kim", "officer")
        hub.register("B07A")
        sync_link.enrol(store, store.officer, hub_url=url, username="kim", password=PASSWORD)
        add_cases(store, cases)


def test_a_real_run_reports_then_ends_with_its_progress_cleared(qtbot, open_window,  # noqa: F811
                                                                 data_dir, hub):
    _enrolled(data_dir, hub, hub.url, 3)
    window = open_window()
    seen: list[SyncStatus] = []
    lines: list[str] = []
    window.sync.changed.connect(seen.append)
    window.sync.changed.connect(lambda status: lines.append(window.outbox_label.text()))
    sign_in(qtbot, window)
    qtbot.waitUntil(lambda: window.outbox_label.text() == "모두 동기화됨", timeout=30_000)

    assert window.sync.status.progress is None and not window.sync.status.running
    reports = [s.progress for s in seen if s.progress is not None]
    # The engine reports as it goes (sync.client's Meter): the run's records and files.
    assert reports, "the engine did not report any progress"
    assert all(s.running for s in seen if s.progress is not None)
    assert max(p.records_total for p in reports) == 3
    assert max(p.records_sent for p in reports) == 3
    assert any(p.files for p in reports)
    assert any(line.startswith("동기화 중 · 기록") for line in lines)


def test_files_still_waiting_are_said_not_all_synced(qtbot, open_window, data_dir, hub):  # noqa: F811
    """The cases went to the centre but the link let no file through: the status bar says
    the files wait, never "모두 동기화됨"; once they are sent it does."""
    from tests.sync.faults import Proxy, uploads_cut

    proxy = Proxy(hub.url, fault=uploads_cut)
    proxy.start()
    try:
        _enrolled(data_dir, hub, proxy.url, 1)
        window = open_window()
        sign_in(qtbot, window)
        qtbot.waitUntil(lambda: not window.sync.status.running
                        and window.sync.status.last_attempt is not None, timeout=60_000)
        assert window.sync.status.files_pending == 2
        assert window.outbox_label.text() == "오프라인 · 첨부 2개 대기"
        assert window.outbox_label.text() != "모두 동기화됨"
        proxy.fault = lambda n, method, path: None
        window.sync.sync_now()
        qtbot.waitUntil(lambda: window.outbox_label.text() == "모두 동기화됨", timeout=60_000)
        assert window.sync.status.files_pending == 0
    finally:
        proxy.stop()


# -- the longer line still fits the laptop's screen --------------------------------------


@pytest.mark.parametrize(("code", "scale", "screen"), [
    ("ko", 1.0, 910), ("en", 1.0, 910), ("ko", 1.5, 1366), ("en", 1.5, 1366)])
def test_the_window_still_fits_a_laptop_screen_mid_run(qtbot, signed_in, language,  # noqa: F811
                                                       code, scale, screen):
    """As tests/ui/test_languages.py's test_the_window_fits_a_laptop_screen, mid-run."""
    language(code, scale)
    window = signed_in()
    qtbot.waitUntil(lambda: window.runner.pending == 0)
    before = window.minimumSizeHint().width()  # (English at 100 % needs 912 already)
    controller = window.sync
    controller._set(replace(controller.status, running=True))
    controller.progressed.emit(MIDWAY)
    line = window.outbox_label.text()
    assert line.count(" · ") == 4, line  # the whole line, in either language
    needs = window.minimumSizeHint().width()
    assert needs <= max(screen, before), (line, needs)  # the line asks for no more room

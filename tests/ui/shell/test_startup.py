"""Start-up stays light (issue 4: the window within twice a bare PySide6 window's time):
the first screens need neither the tabs' modules nor the holiday calendar; the work area
is built after the first screen, in idle moments or when it is first needed."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import PIN
from tests.ui.shell.test_app import (  # noqa: F401 (fixtures)
    _cheap_pin_hashes,
    make_store,
    open_window,
    sign_in,
)

#: Modules only the work area needs: none may be imported before the first screen shows.
WORK_AREA_MODULES = (
    "fieldbus.ui.visit.page", "fieldbus.ui.intake.page", "fieldbus.ui.counsel.page",
    "fieldbus.ui.cases.page", "fieldbus.ui.intake.form", "fieldbus.ui.counsel.form",
    "fieldbus.ui.cases.editor", "fieldbus.ui.cases.model", "fieldbus.services.intake.draft",
    "fieldbus.services.counsel_draft", "holidays",
)

# Runs in a fresh interpreter (a test process has imported everything already): the app's
# own start-up, offscreen, up to the first screen after the store was looked at; then it
# reports which screen that was and which work-area modules had been imported by then.
_PROBE = """
import json, sys
from PySide6.QtCore import QTimer
from fieldbus.ui.shell import app as ui_app
from fieldbus.ui.shell.main_window import MainWindow

seen = {}

class Probe(MainWindow):
    def _opened(self, opened):
        super()._opened(opened)
        page = self.pages.currentWidget()
        seen["screen"] = ("setup" if page is self.setup_page
                          else "signin" if page is self.signin_page else "other")
        seen["imported"] = [m for m in %r if m in sys.modules]
        seen["work_area_built"] = self._work_page is not None
        app.quit()

app = ui_app.prepare_application(["probe"])
window = Probe(sys.argv[1])
window.start()
window.show()
QTimer.singleShot(30_000, app.quit)
app.exec()
window.shutdown()
print(json.dumps(seen))
""" % (WORK_AREA_MODULES,)


def _first_screen(data_dir) -> dict:
    done = subprocess.run([sys.executable, "-c", _PROBE, str(data_dir)], capture_output=True,
                          text=True, timeout=60, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("has_store", [False, True], ids=["setup", "sign-in"])
def test_the_first_screen_comes_up_without_the_work_area_modules(data_dir, has_store):
    if has_store:
        make_store(data_dir)
    seen = _first_screen(data_dir)
    assert seen == {"screen": "signin" if has_store else "setup", "imported": [],
                    "work_area_built": False}


def test_the_work_area_is_built_while_the_sign_in_screen_waits(qtbot, open_window,  # noqa: F811
                                                              data_dir):
    make_store(data_dir)
    window = open_window()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin_page)
    from fieldbus.store.changes import OpChanges

    # A sync's news before any page exists: nothing to reload, nothing built for it.
    window.runner.changed.emit(OpChanges.of({"complaints", "outbox"}))
    assert window.pages.currentWidget() is window.signin_page
    qtbot.waitUntil(lambda: window._work_page is not None, timeout=15_000)
    assert window.pages.currentWidget() is window.signin_page  # built, not shown
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "오늘의 방문", "민원 접수", "국선대리인 상담", "사건 목록"]
    sign_in(qtbot, window.signin_page, PIN)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
    assert window.tabs.currentWidget() is window.intake_page
    assert "홍길동" in window.welcome.text()


def test_a_sign_in_before_the_idle_build_builds_the_work_area_at_once(qtbot, open_window,  # noqa: F811
                                                                     data_dir, monkeypatch):
    from fieldbus.ui.shell import main_window

    monkeypatch.setattr(main_window, "WORK_PAGE_IDLE_DELAY_MS", 60_000)
    make_store(data_dir)
    window = open_window()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin_page)
    assert window._work_page is None
    sign_in(qtbot, window.signin_page, PIN)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
    assert window.tabs.count() == 4 and window.tabs.currentWidget() is window.intake_page
    assert window.counsel_page.deadline is None  # an untouched form counts no deadline

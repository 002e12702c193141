"""The window's place on the laptop's screen (issue 12, "Fit the laptop").

The first start opens maximised (a 1000×700 window on a 1366×768 screen wasted a third of
it); after that the window comes back where and as large as the officer left it, from a
small file beside the settings. A place that is no longer on any screen (the monitor it
was on is gone) or a damaged file opens maximised again.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication

from fieldbus.services import settings
from fieldbus.ui.shell.main_window import MainWindow
from tests.ui.shell.test_app import _cheap_pin_hashes  # noqa: F401


def start(qtbot, data_dir) -> MainWindow:
    """The window as ``fieldbus`` opens it (``fieldbus.ui.shell.app.run``)."""
    window = MainWindow(data_dir)
    qtbot.addWidget(window)
    window.start()
    window.show_in_place()
    qtbot.waitExposed(window)
    return window


def close(qtbot, window: MainWindow) -> None:
    window.close()
    assert window.runner._thread.isFinished()


def screen_rect() -> QRect:
    return QGuiApplication.primaryScreen().availableGeometry()


def test_the_first_start_opens_maximised(qtbot, data_dir):
    assert not settings.window_place_path().exists()
    window = start(qtbot, data_dir)
    assert window.isMaximized()
    assert window.frameGeometry().width() >= screen_rect().width() - 2
    close(qtbot, window)


def test_the_window_comes_back_where_it_was_left(qtbot, data_dir):
    window = start(qtbot, data_dir)
    window.showNormal()
    here = QRect(screen_rect().x() + 40, screen_rect().y() + 30, 700, 520)
    window.setGeometry(here)
    qtbot.waitUntil(lambda: window.geometry() == here)
    close(qtbot, window)
    saved = json.loads(settings.window_place_path().read_text(encoding="utf-8"))
    assert saved["maximized"] is False

    again = start(qtbot, data_dir)
    assert not again.isMaximized()
    assert again.geometry() == here
    close(qtbot, again)


def test_a_maximised_window_comes_back_maximised(qtbot, data_dir):
    window = start(qtbot, data_dir)
    window.showNormal()
    window.setGeometry(QRect(screen_rect().x() + 10, screen_rect().y() + 10, 600, 500))
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    close(qtbot, window)
    again = start(qtbot, data_dir)
    assert again.isMaximized()
    close(qtbot, again)


def test_a_place_on_a_monitor_that_is_gone_opens_maximised(qtbot, data_dir):
    window = start(qtbot, data_dir)
    window.showNormal()
    window.setGeometry(QRect(screen_rect().x() + 40, screen_rect().y() + 30, 700, 520))
    close(qtbot, window)
    path = settings.window_place_path()
    saved = json.loads(path.read_text(encoding="utf-8"))
    # As if it had been left on a second monitor to the right, now unplugged.
    right = screen_rect().right() + 200
    saved["frame"] = [right, 100, 700, 520]
    path.write_text(json.dumps(saved), encoding="utf-8")

    again = start(qtbot, data_dir)
    assert again.isMaximized()
    assert screen_rect().contains(again.frameGeometry().center())
    close(qtbot, again)


def test_a_damaged_place_file_opens_maximised(qtbot, data_dir):
    path = settings.window_place_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ damaged", encoding="utf-8")
    window = start(qtbot, data_dir)
    assert window.isMaximized()
    close(qtbot, window)
    json.loads(path.read_text(encoding="utf-8"))  # written whole again at the close


def test_the_place_file_is_apart_from_the_settings(qtbot, data_dir):
    settings.save(settings.Settings(language="en", text_scale=1.25))
    window = start(qtbot, data_dir)
    close(qtbot, window)
    assert settings.window_place_path().parent == settings.settings_path().parent
    assert settings.load() == settings.Settings(language="en", text_scale=1.25)

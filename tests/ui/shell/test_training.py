"""The window over a training store: 교육용 in the title, the banner and the status bar on
every screen; and the first-run choice that makes a training store."""

from __future__ import annotations

from PySide6.QtCore import Qt

from fieldbus.store import complaints
from fieldbus.store.store import Store
from fieldbus.services.training import create_training, open_training, seed_data, training_dir
from fieldbus.ui.shell import app as ui_app
from fieldbus.ui.shell.main_window import MainWindow
from tests.conftest import PIN
from tests.ui.shell.test_app import (  # noqa: F401 (fixtures)
    _cheap_pin_hashes,
    make_store,
    open_window,
    sign_in,
    type_text,
)

MARK = "교육용"


def marked(window: MainWindow) -> bool:
    return (MARK in window.windowTitle() and window.training_banner.isVisible()
            and MARK in window.training_banner.text())


def test_marked_on_sign_in_lock_and_every_tab(qtbot, open_window, data_dir):  # noqa: F811
    create_training(training_dir(data_dir), officer="김교육", pin=PIN).close()
    window = open_window(where=training_dir(data_dir), training=True)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin_page)
    assert marked(window)
    sign_in(qtbot, window.signin_page, PIN)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert marked(window), window.tabs.tabText(index)
    assert window.training_label.isVisible() and MARK in window.training_label.text()
    qtbot.waitUntil(lambda: window.pending is not None)
    assert MARK in window.outbox_label.text()  # not "N waiting to sync": it never syncs
    window.lock()
    assert window.pages.currentWidget() is window.lock_page
    assert marked(window)
    assert not Store.exists(data_dir)


def test_a_real_store_is_not_marked(qtbot, open_window, data_dir):  # noqa: F811
    make_store(data_dir)
    window = open_window()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin_page)
    assert MARK not in window.windowTitle()
    assert not window.training_banner.isVisible()
    sign_in(qtbot, window.signin_page, PIN)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
    assert not window.training_label.isVisible()


def test_a_training_folder_as_data_dir_is_marked(qtbot, open_window, data_dir):  # noqa: F811
    create_training(training_dir(data_dir), officer="김교육", pin=PIN).close()
    window = open_window(where=training_dir(data_dir))  # no training flag: the store says so
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin_page)
    assert marked(window)


def test_first_run_choice_makes_a_training_store(qtbot, open_window, data_dir):  # noqa: F811
    window = open_window()
    page = window.setup_page
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page)
    assert not marked(window)
    assert page.training_button.isVisible()
    for field, text in ((page.officer, "김교육"), (page.pin, PIN), (page.pin_again, PIN)):
        type_text(qtbot, field, text)
    qtbot.mouseClick(page.training_button, Qt.MouseButton.LeftButton)
    assert marked(window)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page, timeout=10_000)
    assert marked(window) and window.officer.name == "김교육"
    window.shutdown()
    assert not Store.exists(data_dir)  # the real store is still to be set up
    with open_training(training_dir(data_dir), officer="김교육", pin=PIN) as store:
        assert len(complaints.recent(store)) == len(seed_data()["complaints"])


def test_first_run_choice_opens_an_earlier_one(qtbot, open_window, data_dir):  # noqa: F811
    create_training(training_dir(data_dir), officer="박연습", pin=PIN).close()
    window = open_window()
    page = window.setup_page
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page)
    for field, text in ((page.officer, "김교육"), (page.pin, PIN), (page.pin_again, PIN)):
        type_text(qtbot, field, text)
    qtbot.mouseClick(page.training_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin_page)
    assert marked(window)
    assert window.signin_page.officer.currentText() == "박연습"


def test_fieldbus_training_opens_the_window_on_the_training_folder(monkeypatch, capsys,
                                                                   data_dir):
    from fieldbus.cli import main as cli

    opened = []
    monkeypatch.setattr(ui_app, "run", lambda argv, *, data_dir, training:
                        opened.append((data_dir, training)) or 0)
    assert cli.main(["--data-dir", str(data_dir), "--training"]) == 0
    assert opened == [] and "fieldbus --training setup" in capsys.readouterr().out
    monkeypatch.setenv("DISPLAY", ":99")
    assert cli.main(["--data-dir", str(data_dir), "--training"]) == 0
    assert opened == [(training_dir(data_dir), True)]

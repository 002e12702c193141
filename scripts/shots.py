"""What the screenshot scripts share: wait for a condition, open a signed-in window.

The scripts drive the real MainWindow (offscreen unless told otherwise) over a temporary
store and grab it; this module keeps their start the same.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path


def until(condition, ms: int = 10_000) -> None:
    """Run the Qt event loop until ``condition()`` holds (TimeoutError after ``ms``)."""
    from PySide6.QtCore import QDeadlineTimer
    from PySide6.QtWidgets import QApplication

    deadline = QDeadlineTimer(ms)
    while not condition():
        if deadline.hasExpired():
            raise TimeoutError
        QApplication.processEvents()


def signed_in_window(data_dir: Path, pin: str, *, size: tuple[int, int] = (1400, 820)):
    """The main window over ``data_dir``, shown, signed in with ``pin``, work area up."""
    from fieldbus.ui.shell.main_window import MainWindow

    window = MainWindow(data_dir)
    window.resize(*size)
    window.start()
    window.show()
    until(lambda: window.pages.currentWidget() is window.signin_page)
    window.signin_page.pin.setText(pin)
    window.signin_page.pin.returnPressed.emit()
    until(lambda: window.pages.currentWidget() is window.work_page)
    return window


@contextmanager
def running_hub(tmp: Path):
    """A real hub on loopback over a new SQLite file in ``tmp``, with the officer ``kim``
    and the supervisor ``boss`` (password ``tests.hub.fixtures.PASSWORD``); stopped after."""
    from tests.hub.fixtures import Hub

    hub = Hub(f"sqlite:///{tmp / 'hub.sqlite3'}", log_path=tmp / "hub.log")
    hub.start()
    try:
        hub.add_user("kim", "officer")
        hub.add_user("boss", "supervisor")
        yield hub
    finally:
        hub.stop()


def browser_shot(url: str, out: str, *, width: int, height: int,
                 phone: bool = False) -> None:
    """``url`` in Debian's Chromium (headless, through Selenium) saved as ``out``: a
    desktop window ``width`` × ``height``, or a phone's screen of that size."""
    import shutil

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     "--disable-dev-shm-usage", f"--window-size={width},{height}"):
        options.add_argument(argument)
    if phone:
        options.add_experimental_option("mobileEmulation", {
            "deviceMetrics": {"width": width, "height": height, "pixelRatio": 2}})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    try:
        driver.get(url)
        driver.save_screenshot(out)
    finally:
        driver.quit()

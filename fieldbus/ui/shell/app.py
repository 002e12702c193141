"""Start the desktop app: ``fieldbus`` with no sub-command, on a machine with a display."""

from __future__ import annotations

import os
import signal
import socket
import sys
from pathlib import Path

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

import fieldbus
from fieldbus.services import settings
from sync.resources import resource_path
from fieldbus.ui.shell import display
from fieldbus.ui.shell.main_window import DEFAULT_IDLE_SECONDS, MainWindow

IDLE_ENV = "FIELDBUS_IDLE_LOCK_SECONDS"
FONT_FILES = ("NanumGothic.ttf", "NanumGothicBold.ttf")


def load_fonts() -> str | None:
    """Register the bundled Korean font with Qt and return its family name.

    Hangul then renders on a laptop that has no Korean system font. Safe to call again.
    """
    family = None
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families and family is None:
            family = families[0]
    return family


def idle_seconds(environ=os.environ) -> float:
    """The idle-lock period: ``FIELDBUS_IDLE_LOCK_SECONDS`` if it is a positive number."""
    return settings.env_seconds(IDLE_ENV, DEFAULT_IDLE_SECONDS, environ)


#: How long a thread may hold the interpreter lock while another waits for it (Python's
#: default is 5 ms). The store worker and the sync thread run Python between their
#: database calls; a shorter slice hands the lock back to the GUI thread sooner.
GIL_SWITCH_SECONDS = 0.001


def prepare_application(argv: list[str] | None = None) -> QApplication:
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName(fieldbus.APP_NAME)
    app.setApplicationDisplayName(fieldbus.APP_NAME)
    app.setApplicationVersion(fieldbus.__version__)
    app.setOrganizationName(fieldbus.ORGANISATION)
    app.setOrganizationDomain(fieldbus.ORGANISATION_DOMAIN)
    app.setDesktopFileName(fieldbus.APP_ID)  # the desktop entry the .deb installs
    app.setWindowIcon(QIcon(str(resource_path("icons", "fieldbus.svg"))))
    family = load_fonts()
    if family:
        font = QFont(app.font())
        font.setFamilies([family])
        app.setFont(font)
    chosen = settings.load()  # this laptop's language and text size (a bad file: defaults)
    display.install_language(settings.language(chosen))
    display.apply_text_scale(chosen.text_scale)
    return app  # type: ignore[return-value]


_kept_alive: list = []


def close_on_signals(app: QApplication) -> None:
    """SIGTERM (a log-out, a shutdown, IT's ``kill``) and SIGINT close every window as its
    close button does: the window's place is kept and the store closed on its thread,
    instead of the process dying mid-write.

    Python runs a signal's handler only between bytecodes, and Qt's event loop is C code:
    Python's C-level handler writes the signal number to a socket (``set_wakeup_fd``) whose
    notifier wakes the loop, and the close itself waits for the loop (a zero-time timer),
    so a signal during start-up closes the window once it is shown.
    """
    receive, send = socket.socketpair()
    for end in (receive, send):
        end.setblocking(False)
    signal.set_wakeup_fd(send.fileno())
    notifier = QSocketNotifier(receive.fileno(), QSocketNotifier.Type.Read, app)
    notifier.activated.connect(lambda *_: receive.recv(64))
    _kept_alive[:] = [receive, send, notifier]  # as long as the application runs

    def close(*_) -> None:
        QTimer.singleShot(0, app.closeAllWindows)

    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, close)


def make_window(data_dir: Path, *, training: bool = False) -> MainWindow:
    window = MainWindow(data_dir, idle_seconds=idle_seconds(), training=training)
    window.start()
    return window


def run(argv: list[str] | None = None, *, data_dir: Path | None = None,
        training: bool = False) -> int:
    """Open the main window over the store in ``data_dir`` (resolved like the CLI's);
    ``training``: it is a training store's folder (``fieldbus --training``)."""
    if data_dir is None:
        from fieldbus.services.paths import data_dir as default_data_dir

        data_dir = default_data_dir(None, training=training)
    app = prepare_application(argv)
    close_on_signals(app)
    window = make_window(data_dir, training=training)
    window.freeze_gc_when_built = True
    window.show_in_place()  # maximised the first time, then where it was left
    import gc  # start-up's objects live as long as the app: no collection need walk them
    gc.freeze()  # benchmarks.ui: the longest generation-2 pause went from 93 ms to 33–44 ms
    try:
        return app.exec()
    finally:
        window.shutdown()

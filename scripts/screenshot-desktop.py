"""Screenshots of the real app on a real X server with a window manager: frames and all.

    bash scripts/screenshot-desktop.sh docs/images     # starts Xvfb + openbox, runs this

The window is made by the same path ``fieldbus`` takes (``prepare_application`` with the
bundled font, ``make_window``), over a store seeded like ``screenshot-cases.py``; the PIN
is typed as key presses. Each shot is the whole screen (``QScreen.grabWindow(0)`` on X11
reads the root window, so the window manager's frame is in it).
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("FIELDBUS_ALLOW_INSECURE_KEYRING", "1")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PIN = "482193"


def _seed(data_dir: Path) -> None:
    spec = importlib.util.spec_from_file_location("screenshot_cases",
                                                  ROOT / "scripts" / "screenshot-cases.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    module.seed(data_dir)


def main(out_dir: str) -> int:
    from PySide6.QtCore import QDeadlineTimer, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from fieldbus.ui.shell import app as ui_app

    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # this machine's settings untouched
    data_dir = Path(tempfile.mkdtemp()) / "store"
    _seed(data_dir)
    qt = ui_app.prepare_application(sys.argv[:1])
    window = ui_app.make_window(data_dir)
    window.resize(1280, 760)
    window.move(20, 10)
    window.show()

    def until(condition, ms=15_000) -> None:
        deadline = QDeadlineTimer(ms)
        while not condition():
            if deadline.hasExpired():
                raise TimeoutError
            qt.processEvents()

    def settle(ms: int = 600) -> None:
        deadline = QDeadlineTimer(ms)
        while not deadline.hasExpired():
            qt.processEvents()

    def shoot(name: str) -> None:
        settle()
        path = Path(out_dir) / f"desktop-{name}.png"
        QGuiApplication.primaryScreen().grabWindow(0).save(str(path))
        print(path)

    until(lambda: window.pages.currentWidget() is window.signin_page)
    window.activateWindow()
    QTest.keyClicks(window.signin_page.pin, PIN)
    QTest.keyClick(window.signin_page.pin, Qt.Key.Key_Return)
    until(lambda: window.pages.currentWidget() is window.work_page)
    window.tabs.setCurrentWidget(window.visit_page)
    shoot("visit")
    window.tabs.setCurrentWidget(window.cases_page)
    page = window.cases_page
    until(lambda: page.model.complete and page.model.rowCount() == 20)
    page.select_row(3)
    until(lambda: page.shown_receipt is not None)
    shoot("cases")
    panel = window.open_sync_panel()
    until(lambda: panel is not None and panel.waiting.table.rowCount() > 0)
    shoot("sync")
    window.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))

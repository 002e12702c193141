"""Screenshots of the signed-in main window in a given language and text size.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot-display.py \
        --lang en docs/images/app-english.png
    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot-display.py \
        --text-scale 1.5 docs/images/app-large-text.png
    # every tab, e.g. under QT_SCALE_FACTOR=1.5, to look for clipped text:
    QT_SCALE_FACTOR=1.5 QT_QPA_PLATFORM=offscreen .venv/bin/python \
        scripts/screenshot-display.py --lang en --text-scale 1.5 --all-tabs /tmp/shots/en
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FIELDBUS_ALLOW_INSECURE_KEYRING", "1")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PIN = "482193"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", help="PNG file, or with --all-tabs a file prefix")
    parser.add_argument("--lang", default="ko", choices=("ko", "en"))
    parser.add_argument("--text-scale", type=float, default=1.0)
    parser.add_argument("--size", default="1280x900")
    parser.add_argument("--all-tabs", action="store_true")
    args = parser.parse_args()
    # This laptop's settings are not touched: a throw-away config folder.
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()
    os.environ["FIELDBUS_LANG"] = args.lang

    from PySide6.QtCore import QDeadlineTimer

    from fieldbus.store.store import Store
    from fieldbus.ui.shell import app as ui_app
    from fieldbus.ui.shell import display
    from fieldbus.ui.shell.main_window import MainWindow

    qt = ui_app.prepare_application(sys.argv[:1])
    display.apply_text_scale(args.text_scale)
    data_dir = Path(tempfile.mkdtemp()) / "store"
    Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN).close()
    window = MainWindow(data_dir)
    width, height = (int(n) for n in args.size.split("x"))
    window.resize(width, height)
    window.start()
    window.show()

    def until(condition, ms=10_000):
        deadline = QDeadlineTimer(ms)
        while not condition():
            if deadline.hasExpired():
                raise TimeoutError
            qt.processEvents()

    def settle():
        until(lambda: window.runner.pending == 0)
        for _ in range(20):
            qt.processEvents()

    until(lambda: window.pages.currentWidget() is window.signin_page)
    if args.all_tabs:
        settle()
        window.grab().save(f"{args.out}-signin.png")
    window.signin_page.pin.setText(PIN)
    window.signin_page.pin.returnPressed.emit()
    until(lambda: window.pages.currentWidget() is window.work_page)
    tabs = range(window.tabs.count()) if args.all_tabs else [window.tabs.currentIndex()]
    for index in tabs:
        window.tabs.setCurrentIndex(index)
        settle()
        out = f"{args.out}-tab{index}.png" if args.all_tabs else args.out
        window.grab().save(out)
    window.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())

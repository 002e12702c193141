"""Screenshot of the app in training mode (``fieldbus --training``) for the README: the
training store's made-up cases, with the 교육용 banner, title and status bar.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot-training.py docs/images/app-training.png
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FIELDBUS_ALLOW_INSECURE_KEYRING", "1")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

PIN = "482193"


def _wait(qt, ready, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there")
        qt.processEvents()


def main(out: str) -> int:
    from PySide6.QtWidgets import QApplication

    from fieldbus.services.training import create_training, training_dir
    from fieldbus.ui.shell import app as ui_app
    from fieldbus.ui.shell.main_window import MainWindow

    qt = QApplication(sys.argv)
    ui_app.load_fonts()
    data_dir = training_dir(Path(tempfile.mkdtemp()) / "fieldbus")
    create_training(data_dir, officer="김교육", pin=PIN).close()
    window = MainWindow(data_dir, training=True)
    window.resize(1400, 820)
    window.show()
    page = window.cases_page

    def returned_case() -> None:  # one of the cases a supervisor sent back, with its note
        page.select_row(next(r for r in range(page.model.rowCount())
                             if page.model.row_at(r).review_state == "has_issues"))

    for step, then in (
        (window.start, lambda: window.pages.currentWidget() is window.signin_page),
        (lambda: window.signin_page.submitted.emit("김교육", PIN),
         lambda: window.pages.currentWidget() is window.work_page),
        (lambda: window.tabs.setCurrentWidget(page),
         lambda: page.model.complete and page.model.rowCount() > 0),
        (returned_case, lambda: page.shown_receipt is not None and window.pending is not None),
    ):
        step()
        _wait(qt, then)
    window.grab().save(out)
    window.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "app-training.png"))

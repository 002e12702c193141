"""Screenshot of the "민원 접수" tab for the README, filled with complaint-01's content.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot-intake.py docs/images/app-intake.png
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FIELDBUS_ALLOW_INSECURE_KEYRING", "1")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PIN = "4821"


def main(out: str) -> int:
    from PySide6.QtCore import QDeadlineTimer
    from PySide6.QtWidgets import QApplication

    from fieldbus import intake_draft
    from fieldbus.store.store import Store
    from fieldbus.ui import app as ui_app
    from fieldbus.ui.main_window import MainWindow

    qt = QApplication(sys.argv)
    ui_app.load_fonts()
    data_dir = Path(tempfile.mkdtemp()) / "store"
    Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN).close()
    window = MainWindow(data_dir)
    window.resize(1280, 900)
    window.start()
    window.show()

    def until(condition, ms=10_000):
        deadline = QDeadlineTimer(ms)
        while not condition():
            if deadline.hasExpired():
                raise TimeoutError
            qt.processEvents()

    until(lambda: window.pages.currentWidget() is window.signin_page)
    window.signin_page.pin.setText(PIN)
    window.signin_page.pin.returnPressed.emit()
    until(lambda: window.pages.currentWidget() is window.work_page)
    page = window.intake_page
    until(lambda: not page._restoring)
    data = json.loads((ROOT / "tests" / "samples" / "complaint-01.json").read_text("utf-8"))
    who = data["petitioner"]
    page.set_values(intake_draft.empty_values() | {
        "name": who["name"], "phone": who["phone"], "address": who["address"],
        "postcode": who["postcode"], "birth_year": str(who["birth_year"]), "consent": True,
        **{k: data[k] for k in ("kind", "agency", "region", "title", "body", "channel",
                                "disclosure", "notify_by", "outcome")}})
    page.fields["outcome"].setFocus()
    for _ in range(20):
        qt.processEvents()
    window.grab().save(out)
    window.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/images/app-intake.png"))

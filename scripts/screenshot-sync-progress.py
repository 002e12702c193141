"""Screenshot of a sync run under way (issue 15, "Progress people can read"): the status
bar's line and the sync panel's bars, at 1366×768, fed made-up progress reports.

    .venv/bin/python scripts/screenshot-sync-progress.py docs/images/sync-progress.png

The image is the bottom of the main window (its status bar) above the sync panel.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FIELDBUS_ALLOW_INSECURE_KEYRING", "1")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

PIN = "482193"
MB = 1024 * 1024
STRIP = 64  # px of the window's bottom kept: the status bar


def midway():
    from sync.progress import FileProgress, Progress

    files = (FileProgress("3f" * 32, int(2.4 * MB), "진입로_파손_01.jpg", int(2.4 * MB), "done"),
             FileProgress("a1" * 32, int(3.1 * MB), "진입로_파손_02.jpg", int(1.2 * MB),
                          "sending"),
             FileProgress("9c" * 32, int(18.5 * MB), None, 0, "waiting"),
             FileProgress("07" * 32, 41_000, "서명.png", 0, "waiting"))
    return Progress(phase="uploading", records_total=30, records_sent=12,
                    bytes_total=46 * MB, bytes_sent=int(4.2 * MB), rate=120 * 1024,
                    files=files)


def main(out: str) -> int:
    from PySide6.QtGui import QPainter, QPixmap
    from PySide6.QtWidgets import QApplication

    sys.path.insert(0, str(ROOT / "scripts"))
    import shots
    from fieldbus.store import complaints
    from fieldbus.store.store import Store
    from tests.store.helpers import draft
    from fieldbus.ui.shell import app as ui_app

    qt = QApplication(sys.argv)
    ui_app.load_fonts()
    data_dir = Path(tempfile.mkdtemp()) / "fieldbus"
    with Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN) as store:
        officer = store.sign_in("홍길동", PIN)
        complaints.add_many(store, [draft(store, title=f"마을 진입로 포장 요청 {i}")
                                    for i in range(30)], officer)
    window = shots.signed_in_window(data_dir, PIN, size=(1366, 768))
    controller = window.sync
    controller.stop()  # no real runs: this store is not enrolled anyway
    shots.until(lambda: window.runner.pending == 0)
    controller._set(replace(controller.status, enrolled=True, running=True))
    controller.progressed.emit(midway())
    panel = window.open_sync_panel()
    for _ in range(20):
        qt.processEvents()
    shots.until(lambda: window.outbox_label.text().startswith("동기화 중 ·"))

    whole, dialog = window.grab(), panel.grab()
    strip = whole.copy(0, whole.height() - STRIP, whole.width(), STRIP)
    image = QPixmap(max(strip.width(), dialog.width()), strip.height() + 12 + dialog.height())
    image.fill(window.palette().window().color())
    painter = QPainter(image)
    painter.drawPixmap(0, 0, strip)
    painter.drawPixmap(0, strip.height() + 12, dialog)
    painter.end()
    image.save(out)
    print(window.outbox_label.text())
    panel.reject()
    window.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "sync-progress.png"))

"""Screenshot of the "민원 접수" tab for the README, filled with complaint-01's content.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot-intake.py docs/images/app-intake.png

With ``--signature``: the whole form (not clipped by the window) with two attached files
and a drawn signature, for docs/images/app-intake-signature.png.
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
PIN = "482193"


def _attach_and_sign(page, until) -> None:
    """Two made-up files attached and a signature drawn with the mouse, as an officer would."""
    import math

    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    folder = Path(tempfile.mkdtemp())
    (folder / "진입로_현장사진.jpg").write_bytes(os.urandom(2_400_000))
    (folder / "마을주민_연명부.pdf").write_bytes(os.urandom(180_000))
    page.attachments.add_paths([str(p) for p in sorted(folder.iterdir(), reverse=True)])
    until(lambda: not page.attachments.busy)
    canvas = page.signature.canvas
    strokes = [  # a made-up scribble: a loop, a wave, an underline
        [QPoint(int(70 + 28 * math.cos(t / 6) + t), int(60 + 22 * math.sin(t / 6)))
         for t in range(0, 60, 2)],
        [QPoint(150 + 4 * t, int(70 - 25 * math.sin(t / 5) * math.exp(-t / 60)))
         for t in range(0, 50, 2)],
        [QPoint(80 + 5 * t, 100 + t // 6) for t in range(0, 56, 4)],
    ]
    for stroke in strokes:
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, pos=stroke[0])
        for point in stroke[1:]:
            QTest.mouseMove(canvas, point)
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=stroke[-1])


def main(out: str, signature: bool = False) -> int:
    from PySide6.QtWidgets import QApplication, QScrollArea

    from fieldbus.services.intake import draft as intake_draft
    from fieldbus.store.store import Store
    from fieldbus.ui.shell import app as ui_app

    qt = QApplication(sys.argv)
    ui_app.load_fonts()
    data_dir = Path(tempfile.mkdtemp()) / "store"
    Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN).close()
    import shots

    until = shots.until
    window = shots.signed_in_window(data_dir, PIN, size=(1280, 900))
    page = window.intake_page
    until(lambda: not page.drafts.restoring)
    data = json.loads((ROOT / "tests" / "samples" / "complaint-01.json").read_text("utf-8"))
    who = data["petitioner"]
    page.set_values(intake_draft.empty_values() | {
        "name": who["name"], "phone": who["phone"], "address": who["address"],
        "postcode": who["postcode"], "birth_year": str(who["birth_year"]), "consent": True,
        **{k: data[k] for k in ("kind", "agency", "region", "title", "body", "channel",
                                "disclosure", "notify_by", "outcome")}})
    page.fields["outcome"].setFocus()
    if signature:
        _attach_and_sign(page, until)
    for _ in range(20):
        qt.processEvents()
    if signature:
        page.form_view.findChild(QScrollArea).widget().grab().save(out)
    else:
        window.grab().save(out)
    window.shutdown()
    return 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--signature"]
    sys.exit(main(args[0] if args else "docs/images/app-intake.png",
                  signature="--signature" in sys.argv[1:]))

"""Screenshot of the first-run setup screen for the README (a folder with no store).

    .venv/bin/python scripts/screenshot-setup.py docs/images/app-setup.png
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FIELDBUS_ALLOW_INSECURE_KEYRING", "1")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
sys.path.insert(0, str(Path(__file__).resolve().parent))


def main(out: str) -> int:
    from PySide6.QtWidgets import QApplication

    from fieldbus.ui.shell import app as ui_app
    from fieldbus.ui.shell.main_window import MainWindow
    from shots import until

    qt = QApplication(sys.argv)
    ui_app.load_fonts()
    window = MainWindow(Path(tempfile.mkdtemp()) / "store")
    window.resize(1000, 700)
    window.start()
    window.show()
    until(lambda: window.pages.currentWidget() is window.setup_page)
    for _ in range(20):
        qt.processEvents()
    window.grab().save(out)
    window.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "app-setup.png"))

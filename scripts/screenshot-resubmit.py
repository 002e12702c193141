"""Screenshot of fixing a returned case (보완하여 다시 제출) for the README: the case list's
sample store (scripts/screenshot-cases.py), its returned case opened for editing, the
supervisor's note above and the body being completed.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot-resubmit.py docs/images/app-resubmit.png
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FIELDBUS_ALLOW_INSECURE_KEYRING", "1")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("screenshot_cases", HERE / "screenshot-cases.py")
screenshot_cases = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(screenshot_cases)


def main(out: str) -> int:
    from PySide6.QtWidgets import QApplication

    from fieldbus.ui.shell import app as ui_app

    qt = QApplication(sys.argv)
    ui_app.load_fonts()
    data_dir = Path(tempfile.mkdtemp()) / "store"
    screenshot_cases.seed(data_dir)
    import shots

    until = shots.until
    window = shots.signed_in_window(data_dir, screenshot_cases.PIN, size=(1400, 820))
    window.tabs.setCurrentWidget(window.cases_page)
    page = window.cases_page
    until(lambda: page.model.complete and page.model.rowCount() == 20)
    row = next(r for r in range(20) if page.model.row_at(r).review_state == "has_issues")
    page.select_row(row)
    until(lambda: page.shown is not None and page.resubmit.isVisible())
    page.resubmit.click()
    until(lambda: page.views.currentWidget() is page.editor)
    body = page.editor.fields["body"]
    body.setPlainText(body.toPlainText() + "\n군청 답변(2026-11-10): 내년 예산에 반영을 검토하겠다고 함.")
    body.setFocus()
    qt.processEvents()
    window.grab().save(out)
    window.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "app-resubmit.png"))

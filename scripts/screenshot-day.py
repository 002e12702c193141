"""An officer's day on the bus, on a real X server, as screenshots for docs/day.md.

    bash scripts/screenshot-desktop.sh docs/images day     # Xvfb 1366x768 + openbox

First start on a new laptop (set-up), the visit opened, a walk-in taken with the kind chosen
by typing ㄱㅊ, saved and its receipt printed (to a PDF: the X server has no printer), the
case in the list with the citizen masked, the details revealed on purpose, a correction with
its reason, a counsel session, the screen locked, and the same window at 150 % text. The
window is the one ``fieldbus`` opens (``prepare_application``, ``make_window``,
``show_in_place``: maximised on a first start); the keys are sent as key presses where an
officer would type. Made-up people only.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("FIELDBUS_ALLOW_INSECURE_KEYRING", "1")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PIN = "482193"


def main(out_dir: str) -> int:
    from PySide6.QtCore import QDeadlineTimer, Qt
    from PySide6.QtGui import QGuiApplication, QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from fieldbus.services import settings
    from fieldbus.ui.printing import receipt_delivery
    from fieldbus.ui.shell import app as ui_app
    from fieldbus.ui.shell.display import apply_text_scale

    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp()  # this machine's settings untouched
    prints = Path(tempfile.mkdtemp())
    # No printer on the X server: the save dialog's answer is given (the dialog is real).
    receipt_delivery.choose_pdf_path = lambda parent, number: prints / f"{number}.pdf"
    data_dir = Path(tempfile.mkdtemp()) / "store"
    qt = ui_app.prepare_application(sys.argv[:1])
    window = ui_app.make_window(data_dir)
    window.show_in_place()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []

    def until(condition, ms=20_000) -> None:
        deadline = QDeadlineTimer(ms)
        while not condition():
            if deadline.hasExpired():
                raise TimeoutError(getattr(condition, "__doc__", None) or "waiting")
            qt.processEvents()

    def settle(ms: int = 700) -> None:
        deadline = QDeadlineTimer(ms)
        while not deadline.hasExpired():
            qt.processEvents()

    def shoot(name: str) -> None:
        settle()
        path = out / f"day-{len(shots) + 1:02d}-{name}.png"
        QGuiApplication.primaryScreen().grabWindow(0).save(str(path))
        shots.append(path)
        print(path)

    def type_into(widget, text: str) -> None:
        """ASCII as key presses, Hangul as an input method commits it (QTest's key
        clicks know only ASCII keys)."""
        widget.setFocus()
        if text.isascii():
            QTest.keyClicks(widget, text)
            return
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(widget, event)

    # 1. A new laptop: the set-up screen (the first officer is the laptop's supervisor).
    until(lambda: window.pages.currentWidget() is window.setup_page)
    window.activateWindow()
    setup = window.setup_page
    type_into(setup.officer, "홍길동")
    type_into(setup.device, "B07A")
    type_into(setup.pin, PIN)
    type_into(setup.pin_again, PIN)
    shoot("setup")
    QTest.mouseClick(setup.create, Qt.MouseButton.LeftButton)
    until(lambda: window.pages.currentWidget() is window.work_page
          and window.visit_page is not None)

    # 2. The visit opened: where the bus stands today.
    visit = window.visit_page
    window.tabs.setCurrentWidget(visit)
    type_into(visit.venue, "선산읍 행정복지센터")
    type_into(visit.region, "경상북도 구미시")
    QTest.mouseClick(visit.open_button, Qt.MouseButton.LeftButton)
    until(lambda: visit.header["venue"].text() == "선산읍 행정복지센터")
    shoot("visit-opened")

    # 3. A walk-in: the citizen's words typed, the kind chosen by typing ㄱㅊ (고충).
    intake = window.intake_page
    window.tabs.setCurrentWidget(intake)
    until(lambda: not intake.drafts.restoring)
    data = json.loads((ROOT / "tests" / "samples" / "complaint-01.json").read_text("utf-8"))
    who = data["petitioner"]
    intake.set_values(intake.values() | {
        "name": who["name"], "phone": who["phone"], "address": who["address"],
        "postcode": who["postcode"], "birth_year": str(who["birth_year"]), "consent": True,
        **{k: data[k] for k in ("agency", "title", "body", "channel", "disclosure",
                                "notify_by", "outcome")}})
    kind = intake.fields["kind"]
    type_into(kind, "ㄱㅊ")
    until(lambda: kind.currentData() == "grievance")
    intake.fields["outcome"].setFocus()
    shoot("intake")

    # 4. Saved: the number, large; Enter prints the citizen's copy.
    QTest.keyClick(intake, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    view = intake.receipt_view
    until(lambda: view.isVisible())
    shoot("saved")
    QTest.keyClick(view.print_button, Qt.Key.Key_Return)
    until(lambda: any(prints.glob("*.pdf")))
    settle(1500)
    shoot("printed")
    QTest.keyClick(view, Qt.Key.Key_Escape)

    # 5. The case list: the citizen masked; then shown on purpose (audited), for a minute.
    cases = window.cases_page
    window.tabs.setCurrentWidget(cases)
    until(lambda: cases.model.complete and cases.model.rowCount() >= 1)
    cases.select_row(0)
    until(lambda: cases.shown_receipt is not None)
    shoot("case-masked")
    cases.personal.toggle()
    until(lambda: cases.personal.revealed)
    shoot("case-revealed")

    # 6. A correction: the phone number was misheard; the reason is asked for.
    cases.open_correction()
    editor = cases.editor
    until(lambda: editor.isVisible())
    phone = editor.fields["phone"]
    phone.clear()
    type_into(phone, "010-2345-6780")
    type_into(editor.reason, "전화번호를 잘못 들음")
    shoot("correction")
    editor.save()
    until(lambda: cases.views.currentWidget() is cases.list_view
          and "버전 2" in cases.message.text())
    shoot("corrected")

    # 7. The screen locked (Ctrl+L) while the officer steps away.
    window.lock()
    until(lambda: window.pages.currentWidget() is window.lock_page)
    shoot("locked")
    type_into(window.lock_page.pin, PIN)
    QTest.keyClick(window.lock_page.pin, Qt.Key.Key_Return)
    until(lambda: window.pages.currentWidget() is window.work_page)

    # 8. The visit's figures, right after the day's work (no timer: the store said so).
    window.tabs.setCurrentWidget(visit)
    shoot("visit-figures")

    # 9. Larger text for an officer who needs it: 150 %, the intake form again.
    apply_text_scale(1.5)
    settings.save(settings.Settings(text_scale=1.5))
    window.tabs.setCurrentWidget(intake)
    shoot("intake-150")
    window.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))

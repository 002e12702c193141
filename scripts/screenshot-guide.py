"""The screens of the Korean user guide (docs/guide-ko.md) that docs/day.md and the README
do not show yet, as docs/images/guide-*.png.

    xvfb-run -a .venv/bin/python scripts/screenshot-guide.py [OUT_DIR]   # default docs/images

A real hub on loopback (``shots.running_hub``) and a real bus laptop store enrolled with it
(device B07A: the supervisor 홍길동 who set it up, the officer 이영희, the counsel 정하윤),
driven through the window the way a day on the bus goes: 이영희 signs in with her PIN,
opens the visit, takes a walk-in and a booked citizen, prints (to a PDF: the X server has
no printer), syncs; the centre's supervisor 박관리 (on a store of her own, C001) signs in to
the hub in the 검토 tab and returns the booked case with a note; 이영희's laptop pulls it,
she fixes it and resubmits; the hub goes away (offline), comes back; the visit is closed;
the counsel 정하윤 signs in and records a session whose appeal deadline is near. Then what
goes wrong: a PIN typed wrong until sign-in locks, a laptop without a keyring, a
printer that is not there. Made-up people only.

Each picture is the window at 1366×768 (the bus laptops' screen), grabbed with
``QWidget.grab``, so it does not depend on the X server's screen size (xvfb-run's default is
1280×1024) or on a window manager. A dialog or a drop-down list is a window of its own: it
is grabbed too and drawn where it stands over the main window, with a plain frame and its
own title in the place a window manager would put them.

Two status-bar lines of ``guide-sync-states.png`` are staged, not reached: 첨부 전송 대기
(the hub holds the case but not yet its files) and 확인 필요 (the hub refused a record) are
set on the window's sync controller the way ``screenshot-sync-progress.py`` sets its
progress; the words and colours are the app's own (``fieldbus.ui.sync.panel.headline``).
The other lines are the app's real state at that moment.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("FIELDBUS_ALLOW_INSECURE_KEYRING", "1")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
os.environ.setdefault("FIELDBUS_IDLE_LOCK_SECONDS", "3600")  # no lock mid-script
os.environ.setdefault("FIELDBUS_SYNC_SECONDS", "3600")  # syncs when the day says so
os.environ.pop("FIELDBUS_PRINTER", None)
os.environ.pop("FIELDBUS_LANG", None)  # the app's default language: Korean
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
PIN = "482193"
SIZE = (1366, 768)
SUPERVISOR, OFFICER, COUNSEL = "홍길동", "이영희", "정하윤"
CENTRE = "박관리"
MISSING_PRINTER = "Bus_Roll_80mm"

WALK_IN = {
    "name": "최말순", "phone": "010-3141-5926", "address": "경상북도 구미시 선산읍 봉황로 27",
    "postcode": "39129", "birth_year": "1948", "consent": True, "kind": "suggestion",
    "agency": "구미시청", "title": "보건지소 앞 버스 승차대 설치 건의",
    "body": "선산읍 보건지소 앞 버스 정류장에 비바람을 피할 승차대가 없습니다. 병원 버스를 "
            "기다리는 어르신들이 눈비를 그대로 맞습니다. 승차대와 의자를 설치해 주십시오.",
    "channel": "walk_in", "disclosure": "private", "notify_by": "sms", "outcome": "filed",
}
RETURN_NOTE = "민원인 연락처가 맞는지 확인하고, 군청에 요청한 날짜를 본문에 적어 다시 올려 주십시오."
FIX = "\n군청 요청일: 2026-10-14, 2026-11-03 (민원인에게 전화로 확인, 연락처 맞음)"


def prepare(tmp: Path, hub) -> tuple[Path, Path]:
    """The bus laptop's store (enrolled with ``hub``) and the centre supervisor's."""
    from fieldbus.services import sync_link
    from fieldbus.store.store import Store
    from tests.hub.fixtures import PASSWORD

    hub.register("B07A")
    laptop = tmp / "laptop"
    with Store.create(laptop, device="B07A", officer=SUPERVISOR, pin=PIN,
                      role="supervisor") as store:
        boss = store.sign_in(SUPERVISOR, PIN)
        store.add_officer(boss, name=OFFICER, role="officer", pin=PIN)
        store.add_officer(boss, name=COUNSEL, role="counsel", pin=PIN)
        sync_link.enrol(store, boss, hub_url=hub.url, username="kim", password=PASSWORD)
    centre = tmp / "centre"
    Store.create(centre, device="C001", officer=CENTRE, pin=PIN, role="supervisor").close()
    return laptop, centre


def main(out_dir: str) -> int:
    from PySide6.QtCore import QDeadlineTimer, QPoint, QRect, Qt, QTimer
    from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

    import shots
    from fieldbus.services.sync_status import Phase
    from fieldbus.ui.printing import receipt_delivery
    from fieldbus.ui.shell import app as ui_app
    from tests.hub.fixtures import PASSWORD

    config = tempfile.mkdtemp()
    os.environ["XDG_CONFIG_HOME"] = config  # this machine's settings untouched
    prints = Path(tempfile.mkdtemp())
    # No printer on the X server: the save dialog's answer is given (the dialog is real).
    receipt_delivery.choose_pdf_path = lambda parent, number: prints / f"{number}.pdf"
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    qt = ui_app.prepare_application(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp())
    written: list[Path] = []

    def until(condition, ms=30_000, what="waiting") -> None:
        deadline = QDeadlineTimer(ms)
        while not condition():
            if deadline.hasExpired():
                raise TimeoutError(what)
            qt.processEvents()

    def settle(ms: int = 600) -> None:
        deadline = QDeadlineTimer(ms)
        while not deadline.hasExpired():
            qt.processEvents()

    def sign_in(window, name: str | None = None, *, shot: str | None = None) -> None:
        """Pick ``name`` (the only officer of a one-person store needs none), type the PIN,
        take the picture ``shot`` if asked, then sign in and wait for the work area."""
        signin = window.signin_page
        until(lambda: window.pages.currentWidget() is signin, what="sign-in")
        if name is not None:
            signin.officer.setCurrentText(name)
        QTest.keyClicks(signin.pin, PIN)
        if shot:
            shoot(window, shot)
        QTest.keyClick(signin.pin, Qt.Key.Key_Return)
        until(lambda: window.pages.currentWidget() is window.work_page, what="work area")

    def open_window(data_dir: Path):
        window = ui_app.make_window(data_dir)
        window.setGeometry(0, 0, *SIZE)
        window.show()
        window.activateWindow()
        return window

    def framed(top) -> QPixmap:
        """A top-level window (dialog, drop-down) with a plain frame; its title, if any,
        in a caption bar above it."""
        inner = top.grab()
        title = top.windowTitle() if top.isWindow() and top.windowTitle() else ""
        bar = 24 if title else 0
        image = QPixmap(inner.width() + 2, inner.height() + bar + 2)
        image.fill(QColor("#5a5a5a"))
        painter = QPainter(image)
        if bar:
            painter.fillRect(1, 1, inner.width(), bar, QColor("#dfe3e8"))
            font = QFont(qt.font())
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("#222"))
            painter.drawText(QRect(1, 1, inner.width(), bar), Qt.AlignmentFlag.AlignCenter,
                             title.replace(" — Fieldbus", "") + " — Fieldbus")
        painter.drawPixmap(1, 1 + bar, inner)
        painter.end()
        return image

    def picture(window, *tops) -> QPixmap:
        """The window, with ``tops`` (other top-level windows) drawn where they stand."""
        image = window.grab()
        origin = window.geometry().topLeft()
        painter = QPainter(image)
        for top in tops:
            frame = framed(top)
            at = top.geometry().topLeft() - origin
            has_bar = frame.height() - top.height() - 2
            painter.drawPixmap(at - QPoint(1, 1 + has_bar), frame)
        painter.end()
        return image

    def save(image: QPixmap, name: str, crop: QRect | None = None) -> None:
        if crop is not None:
            image = image.copy(crop)
        path = out / f"guide-{name}.png"
        image.save(str(path))
        written.append(path)
        print(path, flush=True)

    def shoot(window, name: str, *tops, crop: QRect | None = None) -> None:
        settle()
        save(picture(window, *tops), name, crop)

    def centre_over(dialog, window, *, at: float = 0.4, fit: bool = True) -> None:
        """``dialog`` across the middle of ``window``, its centre at ``at`` of its height
        (``fit``: at its own size hint first, as a dialog opens)."""
        if fit:
            dialog.adjustSize()
        frame = window.geometry()
        dialog.move(frame.x() + (frame.width() - dialog.width()) // 2,
                    frame.y() + int(frame.height() * at) - dialog.height() // 2)

    strips: list[QPixmap] = []

    def strip(window) -> None:
        """The right-hand end of the status bar: the sync line."""
        settle()
        bar = window.statusBar()
        whole = window.grab()
        geometry = bar.geometry()
        width = 520
        strips.append(whole.copy(geometry.right() - width, geometry.y(), width + 1,
                                 geometry.height()))

    def synced(window) -> bool:
        status = window.sync.status
        return status.phase is Phase.SYNCED and not window.sync.running

    def phase(window):
        return window.sync.status.phase

    def fill_intake(window, values: dict) -> None:
        intake = window.intake_page
        window.tabs.setCurrentWidget(intake)
        until(lambda: not intake.drafts.restoring, what="draft restored")
        intake.set_values(intake.values() | values)
        intake.fields["outcome"].setFocus()

    def save_intake(window) -> str:
        intake = window.intake_page
        intake.save()
        view = intake.receipt_view
        until(lambda: view.isVisible(), what="saved")
        return view.number

    def print_receipt(window) -> None:
        view = window.intake_page.receipt_view
        before = set(prints.glob("*.pdf"))
        view.print_()
        until(lambda: set(prints.glob("*.pdf")) - before, what="receipt PDF")
        until(lambda: not view.isVisible(), what="back to the form")

    def answer_modal(then) -> None:
        """Run ``then(dialog)`` once a modal dialog is up (it is waited for by exec())."""
        def look() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None or not dialog.isVisible():
                QTimer.singleShot(50, look)
                return
            then(dialog)
        QTimer.singleShot(0, look)

    with shots.running_hub(tmp) as hub:
        laptop, centre = prepare(tmp, hub)

        # 1. Sign-in: the officer picks her name and types her PIN.
        window = open_window(laptop)
        sign_in(window, OFFICER, shot="signin")
        until(lambda: synced(window), 60_000, "first sync")

        # 2. The visit: the form filled in, before 방문 시작.
        visit = window.visit_page
        window.tabs.setCurrentWidget(visit)
        visit.venue.setText("선산읍 행정복지센터")
        visit.region.setText("경상북도 구미시")
        visit.team.setText(f"{SUPERVISOR}, {COUNSEL}")
        visit.venue.setFocus()
        shoot(window, "visit-open")
        visit.open_button.click()
        until(lambda: visit.header["venue"].text() == "선산읍 행정복지센터", what="visit open")
        until(lambda: window.sync.status.pending == 1, what="visit waiting")
        strip(window)  # 동기화 대기 1건: the visit, not sent yet

        # 3. A walk-in, then saved and printed.
        fill_intake(window, WALK_IN)
        shoot(window, "walk-in")
        save_intake(window)
        print_receipt(window)

        # 4. A booked citizen (complaint-01: 접수 경로 사전 예약), the choice open.
        data = json.loads((ROOT / "tests" / "samples" / "complaint-01.json")
                          .read_text("utf-8"))
        who = data["petitioner"]
        fill_intake(window, {
            "name": who["name"], "phone": who["phone"], "address": who["address"],
            "postcode": who["postcode"], "birth_year": str(who["birth_year"]),
            "consent": True, **{k: data[k] for k in (
                "kind", "agency", "title", "body", "disclosure", "notify_by", "outcome")},
            "channel": "walk_in"})
        intake = window.intake_page
        channel = intake.fields["channel"]
        channel.setFocus()
        channel.setCurrentIndex(channel.findData("booked"))
        channel.showPopup()
        popup = channel.view().window()
        until(lambda: popup.isVisible(), what="channel list")
        group = channel.parentWidget()
        while group is not None and group.parentWidget() is not None \
                and not group.metaObject().className().endswith("QGroupBox"):
            group = group.parentWidget()
        area = QRect(group.mapTo(window, QPoint(0, 0)), group.size()).adjusted(-6, -6, 6, 0)
        shoot(window, "booked", popup, crop=area)
        channel.hidePopup()
        booked = save_intake(window)
        print_receipt(window)
        until(lambda: synced(window), 90_000, "cases sent")
        strip(window)  # 모두 동기화됨

        # 5. The centre: the supervisor signs in to the hub, returns the booked case.
        review_window = open_window(centre)
        sign_in(review_window)
        page = review_window.review_page
        review_window.tabs.setCurrentWidget(page)
        page.sign_in.address.setText(hub.url)
        page.sign_in.user.setText("boss")
        page.sign_in.password.setText(PASSWORD)
        page.sign_in.user.setFocus()
        shoot(review_window, "review-signin")
        page.sign_in.button.click()
        until(lambda: page.model.rowCount() == 2 and page.tasks.busy == 0, 30_000, "queue")
        page.table.selectRow(page.model.row_of(booked))
        until(lambda: page.case_view.file is not None
              and page.case_view.file.receipt_no == booked and page.tasks.busy == 0,
              what="case open")
        settle()

        def write_return(dialog) -> None:
            dialog.note.setPlainText(RETURN_NOTE)
            centre_over(dialog, review_window)
            shoot(review_window, "review-return", dialog)
            ok = next(b for b in dialog.findChildren(QPushButton) if b.text() == "보완 요청")
            ok.click()

        answer_modal(write_return)
        page.case_view.take("return")
        until(lambda: "보완 요청 완료" in page.status.text() and page.tasks.busy == 0,
              what="returned")
        until(lambda: page.case_view.file is not None
              and page.case_view.file.case.get("review_state") == "has_issues"
              and page.tasks.busy == 0, what="case shown again")
        from fieldbus.ui.review.page import ExportDialog

        export = ExportDialog(page.model.last_page.total, review_window)
        export.reason.setText("12월 이동신문고 운영 보고")
        export.show()
        centre_over(export, review_window)
        until(lambda: export.isVisible())
        shoot(review_window, "review-export", export)
        export.reject()
        review_window.shutdown()
        review_window.close()

        # 6. Back on the bus: the laptop pulls the note; the officer fixes and resubmits.
        window.activateWindow()
        window.sync.sync_now()
        until(lambda: synced(window), 60_000, "note pulled")
        cases = window.cases_page
        window.tabs.setCurrentWidget(cases)
        until(lambda: cases.model.complete and cases.model.rowCount() == 2, what="list")
        until(lambda: any(cases.model.row_at(r).review_state == "has_issues"
                          for r in range(cases.model.rowCount())), what="returned case")
        row = next(r for r in range(cases.model.rowCount())
                   if cases.model.row_at(r).review_state == "has_issues")
        cases.select_row(row)
        until(lambda: cases.shown is not None and cases.resubmit.isVisible(), what="detail")
        shoot(window, "returned")
        cases.resubmit.click()
        until(lambda: cases.views.currentWidget() is cases.editor, what="editor")
        body = cases.editor.fields["body"]
        body.setPlainText(body.toPlainText() + FIX)
        cases.editor.save()
        until(lambda: cases.views.currentWidget() is cases.list_view
              and "다시 제출했습니다" in cases.message.text(), what="resubmitted")
        until(lambda: cases.shown is not None)
        shoot(window, "resubmitted")
        window.sync.sync_now()
        until(lambda: synced(window), 60_000, "fix sent")

        # 7. The hub gone: a new case waits, the run fails: offline. A printer set but
        #    not there on the way.
        hub.stop()
        os.environ["FIELDBUS_PRINTER"] = MISSING_PRINTER
        anonymous = json.loads((ROOT / "tests" / "samples" / "complaint-05.json")
                               .read_text("utf-8"))
        fill_intake(window, {"anonymous": True, "consent": False, "notify_by": "",
                             **{k: anonymous[k] for k in ("kind", "agency", "title", "body",
                                                          "disclosure", "outcome")}})
        save_intake(window)
        view = window.intake_page.receipt_view
        view.print_()
        until(lambda: not view.printing and "찾을 수 없습니다" in view.print_message.text(),
              what="printer refused")
        shoot(window, "printer-missing")
        os.environ.pop("FIELDBUS_PRINTER")
        view.skip()
        until(lambda: phase(window) is Phase.OFFLINE, 90_000, "offline")
        strip(window)  # 오프라인 · 대기 1건
        panel = window.open_sync_panel()
        until(lambda: panel is not None and panel.isVisible()
              and panel.waiting.table.rowCount() > 0, what="sync panel")
        centre_over(panel, window, at=0.5, fit=False)
        shoot(window, "sync-offline", panel)
        panel.reject()
        hub.start()
        window.sync.sync_now()
        until(lambda: synced(window), 60_000, "back online")

        # 8. Two lines the day did not reach (staged, see the module's notes).
        controller = window.sync
        until(lambda: window.runner.pending == 0, what="store idle")
        settle(1500)  # the last run's counts read again, before the lines are set
        real = controller.status
        controller.stop()
        window.runner.changed.disconnect(controller._store_changed)
        for staged, words in ((replace(real, pending=0, files_pending=2), "첨부 전송 대기 2개"),
                              (replace(real, pending=0, quarantined=1), "확인 필요 1건 · 대기 0건")):
            controller._set(staged)
            until(lambda: window.outbox_label.text() == words, what=words)
            strip(window)
        window.runner.changed.connect(controller._store_changed)
        controller._set(real)
        controller._stopped = False
        controller.refresh()
        settle()

        # 9. The end of the visit: asked once, then the visit form is back.
        window.tabs.setCurrentWidget(visit)
        settle()

        def confirm_close(box) -> None:
            centre_over(box, window, at=0.62)
            shoot(window, "visit-close", box)
            box.button(QMessageBox.StandardButton.Yes).click()

        answer_modal(confirm_close)
        visit.close_button.click()
        until(lambda: visit.state.currentWidget() is visit.open_box, what="visit closed")
        window.sync.sync_now()
        until(lambda: synced(window), 60_000, "visit close sent")
        until(lambda: "열린 방문 없음" in visit.scope_label.text(), what="figures")
        shoot(window, "visit-closed")
        window.shutdown()
        window.close()

        # 10. The counsel signs in and records a session: the appeal deadline near.
        window = open_window(laptop)
        sign_in(window, COUNSEL)
        until(lambda: synced(window), 60_000, "counsel's first sync")
        counsel = window.counsel_page
        window.tabs.setCurrentWidget(counsel)
        until(lambda: not counsel.drafts.restoring, what="counsel draft restored")
        session = json.loads((ROOT / "tests" / "samples" / "counsel-01.json")
                             .read_text("utf-8"))
        person, act = session["appellant"], session["disposition"]
        today = counsel._today()
        counsel.set_values(counsel.values() | {
            "name": person["name"], "phone": person["phone"], "address": person["address"],
            "birth_year": str(person["birth_year"]), "agency": act["agency"],
            "title": act["title"],
            "disposed_on": (today - timedelta(days=85)).isoformat(),
            "learned_on": (today - timedelta(days=80)).isoformat(),
            "basis": "basic_livelihood", "shared_info_consent": "yes",
            "checked_by": "shared_admin_info", "counsel_name": COUNSEL,
            "qualification": "attorney", "notes": session["notes"],
            "next_step": "행정심판 청구서 초안을 다음 주 상담 때 함께 검토",
            "outcome": session["outcome"]})
        counsel.fields["outcome"].setFocus()
        shoot(window, "counsel")
        window.shutdown()
        window.close()

    # 10. What goes wrong: a PIN typed wrong until sign-in waits.
    window = open_window(laptop)
    signin = window.signin_page
    until(lambda: window.pages.currentWidget() is signin, what="sign-in again")
    signin.officer.setCurrentText(OFFICER)
    for _ in range(8):
        signin.pin.setText("000000")
        signin.button.click()
        until(lambda: not signin._busy, what="wrong PIN answered")
        settle(200)
        if signin.counting_down:
            break
    shoot(window, "signin-locked")
    window.shutdown()
    window.close()

    # 11. A laptop without a secure keyring (and without development mode).
    allowed = os.environ.pop("FIELDBUS_ALLOW_INSECURE_KEYRING")
    window = open_window(laptop)
    until(lambda: window.pages.currentWidget() is window.error_page, what="error page")
    shoot(window, "no-keyring")
    window.shutdown()
    window.close()
    os.environ["FIELDBUS_ALLOW_INSECURE_KEYRING"] = allowed

    # The sync lines, one under the other, in the order of the guide.
    gap = 6
    image = QPixmap(max(s.width() for s in strips),
                    sum(s.height() for s in strips) + gap * (len(strips) - 1))
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setPen(QPen(QColor("#c8c8c8")))
    y = 0
    for n, line in enumerate(strips):
        painter.drawPixmap(0, y, line)
        y += line.height()
        if n < len(strips) - 1:
            painter.drawLine(0, y + gap // 2, image.width(), y + gap // 2)
        y += gap
    painter.end()
    save(image, "sync-states")
    for folder in (tmp, prints, config):  # the stores, the receipts, the settings
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "docs" / "images")))

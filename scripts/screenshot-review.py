"""Screenshots of the supervisor's 검토 tab for the README: a real hub on loopback holding a
day's made-up cases from two buses (synced from two real laptop stores), some already
returned, extended, approved and forwarded; the supervisor signed in to it.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot-review.py docs/images

Writes review-queue.png (the queue, a case open with its history), review-step.png (the
extension's form), review-dashboard.png and review-offline.png (the hub gone: the last
queue read-only).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("FIELDBUS_ALLOW_INSECURE_KEYRING", "1")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PIN = "482193"
NAMES = ["김영수", "박순자", "이민호", "최정희", "정대현", "한미경", "오세진", "윤지아", "장도윤",
         "서말순", "임건우", "강민찬", "조은비", "신사윤", "배수연", "황보람", "문재석", "송하늘"]
TITLES = ["마을 진입로 포장 요청", "버스 정류장 신설 건의", "농로 배수로 정비", "가로등 고장 신고",
          "하천 제방 보수 요청", "경로당 난방비 지원 문의", "불법 투기 단속 요청", "통학로 안전 펜스"]


def laptop(tmp: Path, hub, device: str, count: int, offset: int) -> list[str]:
    from fieldbus.domain.intake import parse_complaint
    from fieldbus.services import sync_link
    from fieldbus.store import complaints, visits
    from fieldbus.store.store import Store
    from tests.hub.fixtures import PASSWORD

    samples = [json.loads((ROOT / "tests" / "samples" / f"complaint-0{i}.json")
                          .read_text(encoding="utf-8")) for i in range(1, 7)]
    hub.register(device)
    with Store.create(tmp / device, device=device, officer="홍길동", pin=PIN) as store:
        by = store.sign_in("홍길동", PIN)
        region = "경상북도 구미시" if device == "B07A" else "전라남도 순천시"
        visits.open_visit(store, by, venue="행정복지센터", region=region)
        now = store.clock()
        drafts = []
        for i in range(count):
            data = dict(samples[(i + offset) % 6])
            if data.get("petitioner"):
                data["petitioner"] = {**data["petitioner"], "name": NAMES[(i + offset) % 18]}
            data["title"] = TITLES[(i + offset) % 8]
            data["region"] = region
            data["received_at"] = (now - timedelta(minutes=29 * (count - i))).isoformat()
            drafts.append(parse_complaint(data, now=now)[0])
        saved = complaints.add_many(store, drafts, by)
        sync_link.enrol(store, by, hub_url=hub.url, username="kim", password=PASSWORD)
        sync_link.run(store, by)
        return [case.receipt_no for case in saved]


def main(out_dir: str) -> int:
    from PySide6.QtWidgets import QApplication

    from fieldbus.store.store import Store
    from fieldbus.ui.review.step_dialog import StepDialog
    from fieldbus.ui.shell import app as ui_app
    import shots
    from tests.hub.fixtures import PASSWORD

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    _app = QApplication(sys.argv[:1])  # noqa: F841 - alive for the whole run
    ui_app.load_fonts()
    tmp = Path(tempfile.mkdtemp())
    with shots.running_hub(tmp) as hub:
        first = laptop(tmp, hub, "B07A", 10, 0)
        second = laptop(tmp, hub, "B08B", 8, 3)
        for args in (
                (first[2], "--action", "return", "--note", "민원인 연락처를 확인해 주십시오."),
                (first[4], "--action", "approve"), (first[5], "--action", "approve"),
                (first[5], "--action", "forward", "--agency", "구미시청"),
                (second[1], "--action", "approve"),
                (second[1], "--action", "forward", "--agency", "순천시청"),
                (second[2], "--action", "reject", "--note", "같은 내용의 민원이 이미 접수됨")):
            done = hub.cli("review", *args, "--by", "boss")
            assert done.returncode == 0, done.stderr
        Store.create(tmp / "centre", device="C001", officer="박관리", pin=PIN,
                     role="supervisor").close()
        until = shots.until
        window = shots.signed_in_window(tmp / "centre", PIN, size=(1440, 860))
        page = window.review_page
        window.tabs.setCurrentWidget(page)
        page.sign_in.address.setText(hub.url)
        page.sign_in.user.setText("boss")
        page.sign_in.password.setText(PASSWORD)
        page.sign_in.button.click()
        until(lambda: page.model.rowCount() == 18, 20_000)
        page.table.selectRow(page.model.row_of(first[5]))
        until(lambda: page.case_view.file is not None
              and page.case_view.file.receipt_no == first[5] and page.tasks.busy == 0)
        until(lambda: page.count.text() != "")
        window.grab().save(str(out / "review-queue.png"))
        dialog = StepDialog("extend", parent=window)
        dialog.note.setPlainText("현장 확인이 필요하여 처리기간을 연장합니다.")
        dialog.show()
        until(lambda: dialog.isVisible())
        QApplication.processEvents()
        dialog.grab().save(str(out / "review-step.png"))
        dialog.close()
        page.inner.setCurrentWidget(page.dashboard_holder)
        board = page.dashboard
        until(lambda: board.summary is not None and page.tasks.busy == 0, 20_000)
        QApplication.processEvents()
        window.grab().save(str(out / "review-dashboard.png"))
        page.inner.setCurrentIndex(0)
        hub.stop()
        page.refresh.click()
        until(lambda: page.banner.isVisible() and page.tasks.busy == 0, 30_000)
        until(lambda: page.case_view.file is not None and page.tasks.busy == 0)
        window.grab().save(str(out / "review-offline.png"))
        window.shutdown()
    for name in ("queue", "step", "dashboard", "offline"):
        print(out / f"review-{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/images"))

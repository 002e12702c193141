"""Screenshot of the "사건 목록" tab for the README: ~20 sample cases, one selected.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot-cases.py docs/images/app-cases.png
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
PIN = "482193"


def seed(data_dir: Path) -> None:
    from fieldbus.domain.intake import parse_complaint
    from fieldbus.store import complaints, visits
    from fieldbus.store.store import Store

    samples = [json.loads((ROOT / "tests" / "samples" / f"complaint-0{i}.json")
                          .read_text(encoding="utf-8")) for i in range(1, 7)]
    names = ["김영수", "박순자", "이민호", "최정희", None, "정대현", "한미경", "오세진",
             "윤지아", "장도윤", "서말순", "임건우", "강민찬", "조은비", "신사윤", "배수연",
             "황보람", "문재석", "송하늘", "노을빛"]
    with Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN) as store:
        by = store.sign_in("홍길동", PIN)
        visits.open_visit(store, by, venue="선산읍 행정복지센터", region="경상북도 구미시")
        now = store.clock()
        drafts = []
        for i, name in enumerate(names):
            data = dict(samples[i % 6])
            if data.get("petitioner") and name:
                data["petitioner"] = {**data["petitioner"], "name": name}
            data["received_at"] = (now - timedelta(days=19 - i, minutes=37 * i)).isoformat()
            drafts.append(parse_complaint(data, now=now)[0])
        saved = complaints.add_many(store, drafts, by)
        for c in saved[:8]:
            store.db.execute("UPDATE complaints SET sync_state = 'synced', review_state = "
                             "'approved' WHERE id = ?", (c.id,))
        store.db.execute("UPDATE complaints SET sync_state = 'synced', review_state = "
                         "'has_issues', review_note = ? WHERE id = ?",
                         ("민원인 연락처가 맞는지 확인하고, 군청 답변 날짜를 본문에 적어 "
                          "다시 올려 주십시오.", saved[12].id))


def main(out: str) -> int:
    from PySide6.QtWidgets import QApplication

    from fieldbus.ui.shell import app as ui_app

    _app = QApplication(sys.argv)  # noqa: F841 - alive for the whole run
    ui_app.load_fonts()
    data_dir = Path(tempfile.mkdtemp()) / "store"
    seed(data_dir)
    import shots

    until = shots.until
    window = shots.signed_in_window(data_dir, PIN, size=(1400, 820))
    window.tabs.setCurrentWidget(window.cases_page)
    page = window.cases_page
    until(lambda: page.model.complete and page.model.rowCount() == 20)
    row = next(r for r in range(20) if page.model.row_at(r).review_state == "has_issues")
    page.select_row(row)
    until(lambda: page.shown_receipt is not None)
    until(lambda: page.count_label.text().endswith("건"))
    window.grab().save(out)
    window.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "app-cases.png"))

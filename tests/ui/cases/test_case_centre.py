"""What the centre said reaches the officer's case detail (issue 13): the deadline as the
centre moved it (beside the receipt's), who took the last step, the agency and the
handler — and the case list sorts and flags by the moved deadline."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from fieldbus.store import complaints, reviews
from sync.deadlines import KST
from tests.conftest import PIN
from tests.ui.shell.test_app import _cheap_pin_hashes, open_window  # noqa: F401
from tests.ui.cases.test_cases import cases  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the "
                                       r"keyboard)$")


def test_the_detail_shows_the_centres_deadline_and_handler(qtbot, cases):  # noqa: F811
    moved = {}

    def extend_first(store, numbers):
        by = store.sign_in("홍길동", PIN)
        case = complaints.get(store, numbers[0])
        later = case.deadline_due + timedelta(days=14)
        moved["day"] = later.date().isoformat()
        moved["receipt"] = case.deadline.isoformat()
        reviews.apply(store, numbers[0], "received", None,
                      datetime(2026, 11, 26, 9, 0, tzinfo=KST), by=by)
        reviews.apply_many(store, [reviews.Review(
            numbers[0], "received", None, datetime(2026, 11, 27, 10, 0, tzinfo=KST),
            by="최관리", role="supervisor", action="extend", deadline_due=later.isoformat(),
            agency="구미시청", handler={"org": "구미시 도로과", "name": "정담당",
                                       "phone": "054-480-0000"})], by=by)

    window, page, numbers = cases(1, prepare=extend_first)
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() == 1)
    page.select_row(0)
    qtbot.waitUntil(lambda: "정담당" in page.detail.toPlainText())
    shown = page.detail.toPlainText()
    assert moved["day"] in shown and moved["receipt"] in shown and "센터가 변경" in shown
    assert "최관리 · 2026-11-27 10:00" in shown
    assert "구미시 도로과 정담당 (054-480-0000)" in shown
    assert "관리자: 처리기한 연장 (기한·담당)" in shown
    window.shutdown()

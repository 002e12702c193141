"""After a real day — a visit opened, cases taken, the visit closed — the window's status
bar reaches 모두 동기화됨: nothing is counted as waiting that no sync sends (issue 9 §1)."""

from __future__ import annotations

from fieldbus.services import sync_link
from fieldbus.store import complaints, visits
from fieldbus.store.store import Store
from tests.conftest import PIN
from tests.hub.fixtures import PASSWORD
from tests.store.helpers import draft
from tests.ui.shell.test_app import open_window  # noqa: F401 - a fixture
from tests.ui.sync.test_sync_in_app import hub_receipts, sign_in


def test_a_day_with_a_visit_ends_all_synced(qtbot, open_window, data_dir, hub):  # noqa: F811
    with Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN) as store:
        officer = store.sign_in("홍길동", PIN)
        hub.add_user("kim", "officer")
        hub.register("B07A")
        sync_link.enrol(store, officer, hub_url=hub.url, username="kim", password=PASSWORD)
        visits.open_visit(store, officer, venue="선산읍 행정복지센터", region="경상북도 구미시")
        for i in range(2):
            complaints.add(store, draft(store, title=f"마을 진입로 포장 요청 {i}"), officer)
        visits.close_visit(store, officer)

    window = open_window()
    sign_in(qtbot, window)

    qtbot.waitUntil(lambda: window.outbox_label.text() == "모두 동기화됨", timeout=20_000)
    assert len(hub_receipts(hub)) == 2
    done = hub.cli("visits", "--json")
    assert done.returncode == 0 and "선산읍 행정복지센터" in done.stdout

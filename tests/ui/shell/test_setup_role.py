"""First-run setup's role (issue 12): the first officer of a laptop must be able to add
the others, and only a supervisor adds officers (docs/security.md §3), so the role starts
at supervisor and the line under it says what another choice means."""

from __future__ import annotations

from fieldbus.store.store import Store
from tests.conftest import PIN
from tests.ui.shell.test_app import _cheap_pin_hashes, fill_setup, open_window  # noqa: F401

OTHER_PIN = "730518"


def test_setup_starts_at_supervisor_and_the_first_officer_can_add_others(qtbot, open_window,  # noqa: F811
                                                                         data_dir):
    window = open_window()
    page = window.setup_page
    qtbot.waitUntil(lambda: window.pages.currentWidget() is page)
    assert page.role.currentData() == "supervisor"
    assert page.role_hint.isVisible() and "관리자" in page.role_hint.text()
    qtbot.wait(100)
    page.grab().save(str(data_dir.parent / "setup.png"))

    page.role.setCurrentIndex(page.role.findData("officer"))  # the choice is explicit
    assert "추가할 수 없" in page.role_hint.text()
    page.role.setCurrentIndex(page.role.findData("supervisor"))
    assert "추가할 수 없" not in page.role_hint.text()

    fill_setup(qtbot, window)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
    assert window.officer.role == "supervisor"
    window.shutdown()
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        store.add_officer(store.officer, name="임건우", role="officer", pin=OTHER_PIN)
        assert [o.name for o in store.list_officers()] == ["홍길동", "임건우"]

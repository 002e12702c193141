"""발생 지역 starts as the open visit's region (issue 12): prefilled, not counted as typed
(no field is shown red for it, a form holding only it is no draft), and the officer may
change it. Real widgets, the real store on the real worker."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from fieldbus.services.intake import draft as intake_draft
from fieldbus.store import complaints, drafts, visits
from fieldbus.store.store import Store
from tests.conftest import PIN
from tests.ui.intake.test_intake import (  # noqa: F401 (fixtures)
    _cheap_pin_hashes,
    fill_complaint_01,
    intake,
    key,
    open_window,
)
from tests.ui.shell.test_app import make_store, type_text

REGION = "경상북도 구미시 선산읍"

# The agency completer's popup asks the headless platform for things it cannot do.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the "
                                       r"keyboard|propagateSizeHints\(\))")


def _store_with_visit(data_dir) -> None:
    make_store(data_dir)
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        visits.open_visit(store, store.officer, venue="선산읍 행정복지센터", region=REGION)


def test_the_region_starts_as_the_open_visits_and_can_be_changed(qtbot, intake, data_dir):
    _store_with_visit(data_dir)
    window, page = intake()
    region = page.fields["region"]
    qtbot.waitUntil(lambda: region.text() == REGION)
    assert "region" not in page.touched
    assert not any(label.isVisible() for label in page.errors.values())  # nothing reached
    assert intake_draft.is_blank(page.values(), region=REGION)
    page.drafts.save()  # the autosave: a form holding only the default is no draft

    data = fill_complaint_01(qtbot, page)  # Tab selects the region; typing replaces it
    assert region.text() == data["region"] != REGION
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.receipt_view)
    number = page.receipt_label.text()
    assert region.text() == REGION  # the next citizen's form starts with it again
    assert "region" not in page.touched
    window.shutdown()
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        assert complaints.get(store, number).draft.region == data["region"]
        assert drafts.load(store, store.officer.id) is None


def test_a_visit_opened_after_sign_in_fills_the_region(qtbot, intake, data_dir):
    window, page = intake()
    assert page.fields["region"].text() == ""  # no visit open: nothing to take
    visit = window.visit_page
    window.tabs.setCurrentWidget(visit)
    type_text(qtbot, visit.venue, "선산읍 행정복지센터")
    type_text(qtbot, visit.region, REGION)
    qtbot.keyClick(visit.venue, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: visit.state.currentWidget() is visit.header_box)
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.fields["region"].text() == REGION)
    assert "region" not in page.touched
    window.shutdown()

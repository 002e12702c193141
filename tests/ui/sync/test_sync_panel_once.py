"""The sync panel of a laptop that is not enrolled says so once (issue 12 "Messages that
tell the truth"): the waiting list's note says it and what becomes of the records; the
panel's own lines add only how to enrol."""

from __future__ import annotations

import pytest

from tests.ui.shell.test_app import _cheap_pin_hashes, open_window  # noqa: F401 - fixtures
from tests.ui.sync.test_sync_in_app import make_store, sign_in


@pytest.mark.parametrize("cases", [0, 2])
def test_the_panel_says_not_enrolled_once(qtbot, open_window, data_dir, cases):  # noqa: F811
    make_store(data_dir, cases=cases)
    window = open_window()
    sign_in(qtbot, window)
    qtbot.waitUntil(lambda: window.outbox_label.text().startswith("허브 미등록"))
    panel = window.open_sync_panel()
    qtbot.waitUntil(lambda: panel.waiting.table.rowCount() == cases
                    and "등록되지 않" in panel.waiting.note.text())
    said = "\n".join((panel.headline.text(), panel.detail.text(), panel.waiting.note.text()))
    assert said.count("등록되지 않") == 1, said
    assert said.count("안전하게 남아") <= 1, said
    assert "fieldbus enrol --hub" in panel.detail.text()  # how, for the administrator
    qtbot.wait(200)
    panel.grab().save(str(data_dir.parent / f"panel-{cases}.png"))

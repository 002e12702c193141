"""The status bar shows one message at a time (issue 12): after a crash the restored
draft's message was drawn over the officer's name and the development-mode warning."""

from __future__ import annotations

from PySide6.QtCore import QRect

from tests.ui.intake.test_intake import intake, type_here  # noqa: F401 - a fixture
from tests.ui.shell.test_app import _cheap_pin_hashes, open_window  # noqa: F401 - fixtures


def left_side(window) -> list:
    """The status bar's own widgets left of the sync line (officer, warning) now shown."""
    return [w for w in (window.officer_label, window.key_warning_label) if w.isVisible()]


def test_a_restored_draft_message_is_not_drawn_over_other_words(qtbot, intake, monkeypatch):  # noqa: F811
    monkeypatch.setenv("FIELDBUS_DRAFT_SECONDS", "0.05")
    window, page = intake()
    qtbot.waitUntil(lambda: page.fields["name"].hasFocus())
    type_here(qtbot, "김영수")
    qtbot.waitUntil(lambda: page.drafts.saved >= 1 and page.drafts.snapshot == page.values())
    qtbot.waitUntil(lambda: window.runner.pending == 0)
    window.shutdown()  # a crash

    window2, page2 = intake()
    qtbot.waitUntil(lambda: page2.fields["name"].text() == "김영수")
    bar = window2.statusBar()
    qtbot.waitUntil(lambda: "되살렸습니다" in bar.currentMessage())
    qtbot.wait(200)  # the sync line's first state, the pages' first loads
    assert bar.isVisible() and "되살렸습니다" in bar.currentMessage()
    assert left_side(window2) == [], [w.text() for w in left_side(window2)]
    # nothing else visible in the message's part of the bar
    permanent = window2.outbox_label.geometry()
    message_area = QRect(0, 0, permanent.left(), bar.height())
    drawn = [w for w in bar.children() if getattr(w, "isVisible", None) and w.isVisible()
             and hasattr(w, "geometry") and w.geometry().intersects(message_area)
             and w.isWidgetType() and w.parent() is bar and type(w).__name__ != "QSizeGrip"]
    assert drawn == [], [getattr(w, "text", lambda: type(w).__name__)() for w in drawn]
    bar.grab().save(str(window2.data_dir.parent / "bar-message.png"))

    bar.clearMessage()  # the message's time is up: the officer and the warning come back
    assert window2.officer_label.isVisible() and "홍길동" in window2.officer_label.text()
    assert window2.key_warning_label.isVisible()  # the tests run in development mode

    window2.lock()
    assert not bar.isVisible()
    bar.showMessage("다른 안내", 5_000)  # a message arriving while locked
    window2.lock_page.pin.setText("x")
    window2._signed_in((window2.officer, []))  # unlocked
    assert "다른 안내" in bar.currentMessage() and left_side(window2) == []

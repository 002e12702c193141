"""The complaint intake form, driven by keyboard over the real store on the real worker.

Every store call is the app's own (a StoreOp on the worker thread); the tests look at the
store only after the window has been shut down.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QWidget

from fieldbus.services.intake import draft as intake_draft
from fieldbus.store import complaints, drafts
from fieldbus.ui.intake.form import PETITIONER_FIELDS
from fieldbus.store.store import Store
from tests.conftest import PIN, sample
from tests.ui.shell.test_app import _cheap_pin_hashes, make_store, open_window, sign_in  # noqa: F401

# The completer's popup asks the headless "offscreen" platform for things it cannot do.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the "
                                       r"keyboard)$")

RECEIPT = re.compile(r"^B07A-\d{6}-\d{4}-[0-9A-Z]$")


@pytest.fixture
def intake(qtbot, open_window, data_dir):  # noqa: F811
    """A signed-in window on a fresh store; returns (window, intake page)."""
    def start():
        if not Store.exists(data_dir):
            make_store(data_dir)
        window = open_window()
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.signin_page)
        sign_in(qtbot, window.signin_page, PIN)
        qtbot.waitUntil(lambda: window.pages.currentWidget() is window.work_page)
        page = window.intake_page
        qtbot.waitUntil(lambda: not page.drafts.restoring)
        return window, page
    return start


def focused() -> QWidget:
    return QApplication.focusWidget()


def type_here(qtbot, text: str) -> None:
    """Type into whatever has focus: ASCII as keys, Hangul as an input method commits it."""
    widget = focused()
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), k, modifier)


def tab_to(qtbot, page, name: str) -> None:
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.fields[name] or focused().parent() is page.fields[name], \
        f"Tab went to {focused().accessibleName()!r}, not {name}"


def choose(qtbot, page, name: str, code: str) -> None:
    """Arrow down a combo box until it shows ``code``."""
    combo = page.fields[name]
    for _ in range(combo.count() + 1):
        if combo.currentIndex() >= 0 and combo.currentData() == code:
            return
        key(qtbot, Qt.Key.Key_Down)
    raise AssertionError(f"{name} never showed {code}")


def fill_complaint_01(qtbot, page) -> dict:
    data = sample("complaint-01.json")
    who = data["petitioner"]
    qtbot.waitUntil(lambda: page.fields["name"].hasFocus())
    type_here(qtbot, who["name"])
    tab_to(qtbot, page, "type")
    tab_to(qtbot, page, "phone")
    type_here(qtbot, who["phone"])
    tab_to(qtbot, page, "email")
    tab_to(qtbot, page, "address")
    type_here(qtbot, who["address"])
    tab_to(qtbot, page, "postcode")
    type_here(qtbot, who["postcode"])
    tab_to(qtbot, page, "birth_year")
    type_here(qtbot, str(who["birth_year"]))
    tab_to(qtbot, page, "consent")
    key(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, page, "kind")
    choose(qtbot, page, "kind", data["kind"])
    tab_to(qtbot, page, "agency")
    type_here(qtbot, "구미")  # part of the name: the completer finds it inside words
    popup = page.fields["agency"].completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)  # keys go to the open popup, as on a desktop
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert page.fields["agency"].currentText() == data["agency"]
    # The offscreen platform leaves the closed popup "active"; a desktop gives the window
    # back its activation, as this does.
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    tab_to(qtbot, page, "region")
    type_here(qtbot, data["region"])
    tab_to(qtbot, page, "title")
    type_here(qtbot, data["title"])
    tab_to(qtbot, page, "body")
    type_here(qtbot, data["body"])
    tab_to(qtbot, page, "channel")
    choose(qtbot, page, "channel", data["channel"])
    tab_to(qtbot, page, "disclosure")
    choose(qtbot, page, "disclosure", data["disclosure"])
    tab_to(qtbot, page, "notify_by")
    choose(qtbot, page, "notify_by", data["notify_by"])
    tab_to(qtbot, page, "outcome")
    choose(qtbot, page, "outcome", data["outcome"])
    return data


def test_keyboard_only_intake_is_saved_and_enter_prints_the_receipt(qtbot, intake, data_dir,
                                                                     monkeypatch, exports):
    monkeypatch.delenv("FIELDBUS_PRINTER", raising=False)
    window, page = intake()
    data = fill_complaint_01(qtbot, page)
    assert not any(label.isVisible() for label in page.errors.values())

    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.receipt_view)
    number = page.receipt_label.text()
    assert RECEIPT.match(number), number
    assert page.receipt_label.font().pointSizeF() >= 28
    assert intake_draft.is_blank(page.values())  # cleared for the next citizen

    assert page.print_button.hasFocus()
    key(qtbot, Qt.Key.Key_Return)  # Enter prints the citizen's receipt
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.form_view
                    or "민원은 저장되어" in page.print_message.text())
    assert page.views.currentWidget() is page.form_view, page.print_message.text()
    pdf = page.last_receipt_pdf
    assert pdf is not None and pdf.parent == exports and pdf.exists()
    assert (pdf.stat().st_mode & 0o777) == 0o600 and not (data_dir / "receipts").exists()
    assert number in page.status.text()
    assert page.fields["name"].hasFocus()
    window.shutdown()

    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert number in text
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        officer = store.sign_in("홍길동", PIN)
        saved = complaints.get(store, number)
        assert drafts.load(store, officer.id) is None
    draft = saved.draft
    for field in ("kind", "title", "body", "agency", "region", "channel", "disclosure",
                  "notify_by", "outcome"):
        assert getattr(draft, field) == data[field], field
    assert draft.petitioner.name == "김영수" and draft.petitioner.phone == "010-2345-6789"
    assert draft.petitioner.birth_year == 1951 and draft.petitioner.postcode == "39140"
    assert draft.consent.personal_info and draft.consent.notice_version == "2026-12"


def test_an_invalid_phone_is_shown_at_the_phone_field_and_nothing_is_saved(qtbot, intake,
                                                                           data_dir):
    window, page = intake()
    qtbot.waitUntil(lambda: page.fields["name"].hasFocus())
    type_here(qtbot, "김영수")
    tab_to(qtbot, page, "type")
    tab_to(qtbot, page, "phone")
    type_here(qtbot, "010-12")
    error = page.errors["phone"]
    assert error.isVisible() and "전화번호가 올바르지 않습니다" in error.text()
    assert not page.errors["title"].isVisible()  # not reached yet: no complaint about it

    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.views.currentWidget() is page.form_view
    assert page.fields["phone"].hasFocus()
    assert page.errors["title"].isVisible()  # on save, every problem shows
    assert "고칠 곳이" in page.status.text()
    qtbot.waitUntil(lambda: window.runner.pending == 0)
    window.shutdown()
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        assert complaints.recent(store) == []


def test_a_registration_number_in_the_body_shows_a_warning(qtbot, intake):
    _window, page = intake()
    page.fields["body"].setFocus()
    type_here(qtbot, "제 주민번호는 900101-1234567 입니다.")
    warning = page.warnings["body"]
    assert warning.isVisible() and "주민등록번호" in warning.text()
    assert "1234567" in page.fields["body"].toPlainText()  # a warning, not a silent change
    page.fields["body"].selectAll()
    key(qtbot, Qt.Key.Key_Delete)
    type_here(qtbot, "진입로 포장을 요청합니다.")
    assert not warning.isVisible()


def test_refusing_consent_still_takes_the_complaint(qtbot, intake):
    _window, page = intake()
    values = intake_draft.empty_values() | {
        "name": "이순자", "phone": "010-2345-6789", "consent": False, "kind": "inquiry",
        "agency": "보건복지부", "region": "경상북도 구미시", "title": "기초연금 문의",
        "body": "기초연금 신청 방법을 알고 싶습니다.", "outcome": "resolved_on_site"}
    page.set_values(values)
    assert page.warnings["consent"].isVisible()
    # 제22조③: only the consented items are dropped; name and address stay (민원처리법)
    assert "전화번호" in page.warnings["consent"].text()
    assert "성명·주소는 민원처리법에 따라" in page.warnings["consent"].text()
    page.save_button.click()
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.receipt_view)
    assert RECEIPT.match(page.receipt_label.text())
    key(qtbot, Qt.Key.Key_Escape)  # on to the next citizen without printing
    assert page.views.currentWidget() is page.form_view


def test_anonymous_disables_the_petitioner_fields(qtbot, intake):
    _window, page = intake()
    page.anonymous.setFocus()
    key(qtbot, Qt.Key.Key_Space)
    assert page.anonymous.isChecked()
    assert not any(page.fields[k].isEnabled() for k in (*PETITIONER_FIELDS,
                                                         "consent"))
    assert intake_draft.to_intake(page.values())["petitioner"] is None


def test_every_control_has_an_accessible_name(qtbot, intake):
    _window, page = intake()
    nameless = [type(w).__name__ for w in page.findChildren(QWidget)
                if w.focusPolicy() != Qt.FocusPolicy.NoFocus
                and (isinstance(w, (QAbstractButton, QComboBox)) or w in page.fields.values())
                and not w.accessibleName()]
    assert nameless == []
    assert all(w.accessibleName() for w in page.fields.values())


def test_a_draft_is_saved_as_you_type_and_restored_after_a_crash(qtbot, intake, monkeypatch):
    monkeypatch.setenv("FIELDBUS_DRAFT_SECONDS", "0.05")
    window, page = intake()
    qtbot.waitUntil(lambda: page.fields["name"].hasFocus())
    type_here(qtbot, "김영수")
    page.fields["title"].setFocus()
    type_here(qtbot, "마을 진입로 포장 요청")
    qtbot.waitUntil(lambda: page.drafts.saved >= 1 and page.drafts.snapshot == page.values())
    saved = page.drafts.saved
    qtbot.waitUntil(lambda: window.runner.pending == 0)
    window.shutdown()  # a crash: nothing saved, the form not cleared
    assert saved >= 1

    window2, page2 = intake()
    qtbot.waitUntil(lambda: page2.fields["title"].text() == "마을 진입로 포장 요청")
    assert page2.fields["name"].text() == "김영수"
    assert page2.banner.isVisible() and "되살렸습니다" in page2.banner.text()
    assert window2.officer.name == "홍길동"

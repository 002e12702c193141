"""The intake form's parts issue 11 adds, offscreen over the real store: the two lists of
the personal-data notice (개인정보 보호법 제22조③), 접수 안내 (민원처리법 시행령 제6조④) with
the kind's default as placeholder, and for a report the consent to disclosure of identity
and the read-back step an oral report needs before it is saved (공익신고자 보호법 제8조③)."""

from __future__ import annotations

import os
from datetime import datetime

from PySide6.QtWidgets import QMessageBox

from fieldbus.domain import receipt_content
from sync.deadlines import KST
from fieldbus.services.intake import draft as intake_draft
from fieldbus.store import complaints
from fieldbus.store.store import Store
from tests.conftest import PIN
from tests.services.intake.test_draft import complaint_01_values
from tests.ui.intake.test_intake import intake, pytestmark  # noqa: F401
from tests.ui.shell.test_app import _cheap_pin_hashes, make_store, open_window, sign_in  # noqa: F401


def _report_values() -> dict:
    return complaint_01_values() | {"kind": "report", "notify_by": "",
                                    "identity_disclosure": "refused"}


def test_the_notice_lists_name_and_address_apart_and_asks_consent_for_the_rest(qtbot, intake):
    window, page = intake()
    legal = page.legal_text.toPlainText()
    assert "성명" in legal and "주소" in legal and "민원 처리에 관한 법률" in legal
    asked = page.notice_text.toPlainText()
    assert "전화번호" in asked and "출생연도" in asked and "성명" not in asked
    assert page.fields["consent"].text() == "위 선택 항목의 수집·이용에 동의함"
    window.shutdown()


def test_guidance_shows_the_kinds_default_and_saves_what_was_typed(qtbot, intake, data_dir):
    window, page = intake()
    page.set_values(complaint_01_values() | {"documents": "incomplete",
                                             "documents_missing": ""})
    default = receipt_content.table()["defaults"]["grievance"]
    assert page.fields["procedure"].placeholderText() == default["procedure"]
    assert page.fields["site_check"].placeholderText() == default["site_check"]
    assert page.fields["documents_missing"].isEnabled()
    page.check_all = True
    assert "documents_missing" in page.validate().errors  # incomplete: say what is missing
    assert page.errors["documents_missing"].isVisible()
    page.set_values(page.values() | {"documents_missing": "토지대장 사본"})
    page.check_all = True
    assert page.validate().ok
    page.save()
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.receipt_view)
    number = page.receipt_label.text()
    window.shutdown()
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        store.sign_in("홍길동", PIN)
        guidance = complaints.get(store, number).draft.guidance
    assert (guidance.documents, guidance.documents_missing, guidance.procedure) == (
        "incomplete", "토지대장 사본", None)  # empty: the default prints


def test_an_oral_report_is_saved_only_after_it_was_read_back(qtbot, intake, data_dir):
    window, page = intake()
    page.set_values(complaint_01_values())
    assert not page.report_group.isVisible()  # not a report: no reporter's step
    page.set_values(_report_values())
    assert page.report_group.isVisible() and not page.fields["oral"].isChecked()
    page.fields["kind"].setCurrentIndex(page.fields["kind"].findData("grievance"))
    page.fields["kind"].setCurrentIndex(page.fields["kind"].findData("report"))
    assert page.fields["oral"].isChecked()  # choosing report makes it oral by default
    page.check_all = True
    found = page.validate()
    assert found.errors["read_back"].code == "read_back_required"
    assert "제8조③" in page.errors["read_back"].text() and page.errors["read_back"].isVisible()
    page.save()
    assert page.views.currentWidget() is page.form_view  # refused, nothing saved
    if os.environ.get("FIELDBUS_SCREENSHOTS"):
        page.window().resize(1400, 900)
        page.grab().save(os.path.join(os.environ["FIELDBUS_SCREENSHOTS"], "intake-report.png"))

    page.fields["read_back"].setChecked(True)  # the officer read it back; the time is kept
    values = page.values()
    assert values["read_back"] and values["read_back_at"]
    assert page.validate().ok
    page.save()
    qtbot.waitUntil(lambda: page.report_question is not None)  # a report: asked once (issue 12)
    page.report_question.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: page.views.currentWidget() is page.receipt_view)
    number = page.receipt_label.text()
    window.shutdown()
    with Store.open(data_dir, officer="홍길동", pin=PIN) as store:
        store.sign_in("홍길동", PIN)
        draft = complaints.get(store, number).draft
    assert draft.oral_report is not None and draft.oral_report.at is not None
    assert draft.petitioner.identity_disclosure == "refused"


def test_a_written_report_needs_no_read_back():
    values = _report_values()  # oral False: a written 신고서 (제8조①)
    assert "oral_report" not in intake_draft.to_intake(values)
    assert intake_draft.problems(values, now=datetime.now(KST)).ok

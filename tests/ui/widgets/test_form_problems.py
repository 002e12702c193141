"""What the forms show when the store refuses a save: the reason at the field it names,
or, for a store that cannot write, what happened and what to do — never a traceback."""

from __future__ import annotations

from fieldbus.domain.errors import ValidationError
from fieldbus.store.errors import StoreWriteFailed
from tests.ui.intake.test_intake import intake, open_window  # noqa: F401 - fixtures


def test_a_refusal_naming_a_field_is_shown_there_and_focused(qtbot, intake):  # noqa: F811
    window, page = intake()
    page._save_failed(ValidationError("petitioner.phone", "not a Korean phone number",
                                      code="phone"))
    error = page.errors["phone"]
    assert error.isVisible() and error.text()
    assert page.fields["phone"].hasFocus()
    assert page.status.text() == "저장하지 않았습니다. 빨간 글씨를 보십시오."
    assert page.save_button.isEnabled()  # the officer can fix it and save again


def test_a_refusal_without_a_field_on_the_form_goes_to_the_status_line(qtbot, intake):  # noqa: F811
    window, page = intake()
    page._save_failed(ValidationError("visit", "the visit is closed", code="closed"))
    assert page.status.text().startswith("저장하지 않았습니다: ")
    page._save_failed(StoreWriteFailed("disk full"))
    assert page.status.text().startswith("저장하지 않았습니다. 디스크가 저장을 거부했습니다.")
    assert "디스크 공간" in page.status.text()  # what to do, not only what happened


def test_the_counsel_form_shows_refusals_the_same_way(qtbot, intake):  # noqa: F811
    window, _ = intake()
    page = window.counsel_page
    window.tabs.setCurrentWidget(page)
    page._save_failed(ValidationError("appellant.name", "required", code="required"))
    assert page.errors["name"].isVisible() and page.fields["name"].hasFocus()
    assert page.status.text() == "저장하지 않았습니다. 빨간 글씨를 보십시오."

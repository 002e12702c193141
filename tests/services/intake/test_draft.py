"""The intake form's content → the intake object, and its problems by field (no Qt)."""

from __future__ import annotations

from datetime import datetime

from sync.deadlines import KST
from fieldbus.domain.intake import parse_complaint
from fieldbus.services.intake import draft as form
from tests.conftest import sample

NOW = datetime(2026, 11, 26, 11, 0, tzinfo=KST)


def complaint_01_values() -> dict:
    values = form.empty_values()
    values.update(name="김영수", phone="010-2345-6789", address="경상북도 구미시 선산읍 단계동길 12",
                  postcode="39140", birth_year="1951", consent=True, kind="grievance",
                  agency="구미시청", region="경상북도 구미시", title="마을 진입로 포장 요청",
                  body=sample("complaint-01.json")["body"], channel="booked",
                  disclosure="private", notify_by="sms", outcome="filed")
    return values


def test_the_form_of_complaint_01_makes_the_same_complaint_as_its_json():
    data = form.to_intake(complaint_01_values())
    ours, _ = parse_complaint(data, now=NOW)
    theirs, _ = parse_complaint(sample("complaint-01.json"), now=NOW)
    assert ours.petitioner == theirs.petitioner
    for field in ("kind", "title", "body", "agency", "region", "channel", "disclosure",
                  "notify_by", "outcome", "referred_to"):
        assert getattr(ours, field) == getattr(theirs, field), field
    # notice 2026-12: consent is asked only for the consented items; name and address are
    # processed on the basis of 민원처리법 and listed apart (개인정보 보호법 제22조③)
    assert ours.consent.personal_info and ours.consent.notice_version == "2026-12"
    assert set(ours.consent.items) == {"phone", "email", "postcode", "birth_year"}
    assert form.problems(complaint_01_values(), now=NOW).ok


def test_anonymous_means_no_petitioner_and_no_consent():
    values = complaint_01_values() | {"anonymous": True, "notify_by": ""}
    data = form.to_intake(values)
    assert data["petitioner"] is None
    assert data["consent"] == {"personal_info": False, "notice_version": "2026-12"}
    assert form.problems(values, now=NOW).ok


def test_every_problem_is_reported_at_its_form_field():
    values = complaint_01_values() | {"phone": "010-12", "title": "", "outcome": "referred",
                                      "email": "kim@", "kind": ""}
    found = form.problems(values, now=NOW)
    assert set(found.errors) == {"phone", "title", "referred_to", "email", "kind"}
    assert found.errors["phone"].code == "phone"
    assert found.errors["title"].code in ("required", "minLength")  # the schema says minLength


def test_untouched_empty_fields_do_not_complain_yet():
    values = form.empty_values() | {"name": "김영수", "phone": "010-12"}
    found = form.problems(values, now=NOW, untouched={"kind", "agency", "region", "title",
                                                      "body", "outcome", "consent"})
    assert set(found.errors) == {"phone"}


def test_refusing_consent_still_takes_the_complaint_with_a_warning():
    values = complaint_01_values() | {"consent": False, "notify_by": ""}
    found = form.problems(values, now=NOW)
    assert found.ok
    assert [w.code for w in found.warnings] == ["contact_dropped"]
    later = form.problems(values, now=NOW, untouched={"referred_to"})  # not asked for
    assert later.ok and [w.code for w in later.warnings] == ["contact_dropped"]
    assert form.problems(values | {"notify_by": "sms"}, now=NOW).errors["notify_by"].code \
        == "unreachable"


def test_a_registration_number_is_found_and_warned_about():
    values = complaint_01_values() | {"body": "제 주민번호는 900101-1234567 입니다"}
    found = form.problems(values, now=NOW)
    assert found.rrn_fields == ("body",)
    assert "rrn_masked" in [w.code for w in found.warnings]


def test_rule_tables_are_there():
    notice = form.consent_notice()
    assert notice.version == "2026-12" and "제15조" in notice.basis and "제22조" in notice.basis
    assert [i.code for i in notice.legal_items] == ["name", "address"]
    assert all("민원 처리에 관한 법률" in i.basis for i in notice.legal_items)
    assert notice.item_codes == ("phone", "email", "postcode", "birth_year")
    assert notice.purpose and notice.retention and "동의하지 않" in notice.refusal
    names = [a.name for a in form.agencies()]
    assert len(names) >= 30 and len(set(names)) == len(names)
    assert {"구미시청", "보건복지부", "한국국토정보공사", "경상북도청"} <= set(names)
    assert len({a.code for a in form.agencies()}) == len(names)


def test_a_draft_from_another_version_is_normalised():
    assert form.normalised({"title": "x", "old_field": 1})["title"] == "x"
    assert "old_field" not in form.normalised({"old_field": 1})
    assert form.is_blank({})

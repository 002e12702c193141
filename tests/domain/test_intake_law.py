"""Intake fields issue 11 adds, against the quoted law (resources/rules/receipt-content.json,
consent.json): consent narrows to the consented items, 접수 안내 (시행령 제6조④), the
reporter's consent to disclosure of identity and the read-back of an oral report."""

from __future__ import annotations

from datetime import datetime

import pytest

from sync.deadlines import KST
from fieldbus.domain.errors import ValidationError
from fieldbus.domain.intake import parse_complaint
from fieldbus.domain.serialize import draft_to_intake
from tests.cli.conftest import COMPLAINT_SAMPLES
from tests.conftest import sample

NOW = datetime(2026, 11, 26, 11, 0, tzinfo=KST)


def _report(**changes) -> dict:
    data = sample("complaint-01.json") | {"kind": "report", "disclosure": "private",
                                          "notify_by": None}
    data.update(changes)
    return data


@pytest.mark.parametrize("name", COMPLAINT_SAMPLES)
def test_old_intake_files_stay_valid_and_round_trip(name):
    draft, _ = parse_complaint(sample(name), now=NOW)
    again, _ = parse_complaint(draft_to_intake(draft), now=NOW)
    assert again == draft
    assert draft.guidance.empty and draft.oral_report is None


def test_without_consent_name_and_address_stay_the_consented_items_go():
    # 개인정보 보호법 제15조①2·3: name and address on the basis of 민원처리법; ①1 consent
    # only for phone, e-mail, postcode, birth year (consent.json consent.items).
    data = sample("complaint-01.json") | {"notify_by": "post"}
    data["consent"] = {"personal_info": False, "notice_version": "2026-12"}
    draft, warnings = parse_complaint(data, now=NOW)
    p = draft.petitioner
    assert (p.name, p.address) == ("김영수", "경상북도 구미시 선산읍 단계동길 12")
    assert (p.phone, p.email, p.postcode, p.birth_year) == (None, None, None, None)
    assert [w.code for w in warnings] == ["contact_dropped"]
    # name and address alone are nothing to warn about
    data["petitioner"] = {"name": "김영수", "address": "경상북도 구미시 선산읍 단계동길 12"}
    assert parse_complaint(data, now=NOW)[1] == []


def test_guidance_is_optional_and_incomplete_documents_say_what_is_missing():
    draft, _ = parse_complaint(sample("complaint-01.json") | {"guidance": {
        "documents": "incomplete", "documents_missing": "토지대장 사본",
        "site_check": "2026-12-03 현장 확인"}}, now=NOW)
    assert draft.guidance.documents == "incomplete" and draft.guidance.procedure is None
    with pytest.raises(ValidationError) as caught:
        parse_complaint(sample("complaint-01.json") | {"guidance": {"documents": "incomplete"}},
                        now=NOW)
    assert caught.value.field == "guidance.documents_missing"
    with pytest.raises(ValidationError) as caught:
        parse_complaint(sample("complaint-01.json") | {"guidance": {
            "documents": "complete", "documents_missing": "x"}}, now=NOW)
    assert caught.value.code == "conflict"
    with pytest.raises(ValidationError) as caught:
        parse_complaint(sample("complaint-01.json") | {"guidance": {"documents": "maybe"}},
                        now=NOW)
    assert caught.value.field == "guidance.documents"


def test_an_oral_report_must_be_read_back_before_it_is_signed():
    # 공익신고자 보호법 제8조③: "…읽어 들려주고 공익신고자가 서명하거나 도장을 찍도록 하여야 한다."
    draft, _ = parse_complaint(_report(oral_report={"read_back": True,
                                                    "at": "2026-11-26T10:50:00+09:00"}),
                               now=NOW)
    assert draft.oral_report.read_back and draft.oral_report.at.hour == 10
    with pytest.raises(ValidationError) as caught:
        parse_complaint(_report(oral_report={"read_back": False}), now=NOW)
    assert (caught.value.field, caught.value.code) == ("oral_report.read_back",
                                                      "read_back_required")
    with pytest.raises(ValidationError) as caught:  # never in the future
        parse_complaint(_report(oral_report={"read_back": True,
                                             "at": "2026-11-27T10:00:00+09:00"}), now=NOW)
    assert caught.value.field == "oral_report.at"
    with pytest.raises(ValidationError) as caught:  # a report's step only
        parse_complaint(sample("complaint-01.json") | {"oral_report": {"read_back": True}},
                        now=NOW)
    assert caught.value.code == "conflict"


def test_the_reporters_consent_to_disclosure_is_kept_with_the_petitioner():
    # 부패방지권익위법 시행령 제55조①7 / 공익신고자 보호법 시행령 제7조①7
    data = _report()
    data["petitioner"] = data["petitioner"] | {"identity_disclosure": "refused"}
    draft, _ = parse_complaint(data, now=NOW)
    assert draft.petitioner.identity_disclosure == "refused"
    # without consent to personal data it stays (it is the reporter's answer, not contact)
    data["consent"] = {"personal_info": False, "notice_version": "2026-12"}
    assert parse_complaint(data, now=NOW)[0].petitioner.identity_disclosure == "refused"
    with pytest.raises(ValidationError) as caught:
        parse_complaint(data | {"kind": "grievance"}, now=NOW)
    assert caught.value.field == "petitioner.identity_disclosure"

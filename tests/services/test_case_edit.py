"""Editing a returned case and keeping the counsel draft, without Qt: the form values of a
saved case, the merge patch of just what changed, and the drafts' separate keys."""

from __future__ import annotations

from fieldbus.domain.intake import parse_complaint
from fieldbus.domain.records import Officer
from fieldbus.services import case_edit, counsel_draft
from fieldbus.store import complaints, drafts
from tests.conftest import sample

OFFICER = Officer(id="o1", name="홍길동", role="officer")
SUPERVISOR = Officer(id="s1", name="김관리", role="supervisor")


def _saved(store, name="complaint-01.json", **changes):
    data = sample(name) | changes
    return complaints.add(store, parse_complaint(data, now=store.clock())[0], store.officer)


def test_the_values_of_a_saved_case_make_no_patch_until_something_changes(store):
    case = _saved(store)
    values = case_edit.values_of(case)
    assert (values["name"], values["title"], values["kind"]) == ("김영수", case.draft.title,
                                                                 "grievance")
    assert case_edit.patch_for(values, dict(values)) == {}
    edited = values | {"body": "새 내용", "phone": "", "email": "young@example.kr"}
    assert case_edit.patch_for(values, edited) == {
        "body": "새 내용", "petitioner": {"phone": None, "email": "young@example.kr"}}


def test_the_patch_is_accepted_by_the_store_and_changes_only_those_fields(store):
    case = _saved(store)
    values = case_edit.values_of(case)
    patch = case_edit.patch_for(values, values | {"outcome": "referred",
                                                  "referred_to": "경상북도청"})
    assert patch == {"outcome": "referred", "referred_to": "경상북도청"}
    edited, _ = complaints.edit(store, case.receipt_no, patch, store.officer)
    assert (edited.draft.outcome, edited.draft.referred_to) == ("referred", "경상북도청")
    assert edited.draft.petitioner == case.draft.petitioner


def test_only_returned_cases_are_resubmitted_and_sealed_reporters_stay_frozen(store):
    case = _saved(store)
    assert not case_edit.may_resubmit(case)
    from dataclasses import replace

    assert case_edit.may_resubmit(replace(case, review_state="has_issues"))
    assert case_edit.frozen_fields(case, OFFICER) == frozenset()
    report = _saved(store, kind="report", disclosure="private")
    assert case_edit.frozen_fields(report, OFFICER) == frozenset(case_edit.PETITIONER_FIELDS)
    assert case_edit.frozen_fields(report, SUPERVISOR) == frozenset()
    anonymous = _saved(store, "complaint-05.json")
    assert case_edit.frozen_fields(anonymous, SUPERVISOR) == frozenset(
        case_edit.PETITIONER_FIELDS)


def test_a_counsel_draft_is_blank_until_something_is_typed_and_has_its_own_key(store):
    blank = counsel_draft.empty_values()
    assert counsel_draft.is_blank(blank)
    assert counsel_draft.is_blank(blank | {"disposed_on": "2026-09-01"})  # dates alone
    assert not counsel_draft.is_blank(blank | {"notes": "메모"})
    assert not counsel_draft.is_blank(blank | {"learned_unknown": True})
    me = store.officer.id
    drafts.save(store, me, {"title": "접수 중"})
    drafts.save(store, me, blank | {"name": "한미경"}, prefix=counsel_draft.DRAFT_PREFIX)
    assert drafts.load(store, me).values == {"title": "접수 중"}
    assert drafts.load(store, me, prefix="counsel-draft").values["name"] == "한미경"
    drafts.clear(store, me, prefix=counsel_draft.DRAFT_PREFIX)
    assert drafts.load(store, me, prefix=counsel_draft.DRAFT_PREFIX) is None
    assert drafts.load(store, me) is not None


def test_without_consent_the_contact_details_are_frozen(store):
    data = sample("complaint-01.json")
    data["consent"] = data["consent"] | {"personal_info": False}
    data["notify_by"] = None
    refused = complaints.add(store, parse_complaint(data, now=store.clock())[0], store.officer)
    frozen = case_edit.frozen_fields(refused, OFFICER)
    assert frozen == {"phone", "email", "postcode", "birth_year"}
    assert "address" not in frozen and "name" not in frozen  # processed by law (제15조①2·3)

"""Records as JSON: the shape the command line prints and the outbox carries.

Who is looking decides what is shown: screens and listings get masked contact details,
``show`` reveals them (and is audited), a public-interest reporter's identity is sealed
from everyone but supervisors, and counsel notes are withheld from officers.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fieldbus.domain.masking import mask_address, mask_email, mask_name, mask_phone
from fieldbus.domain.records import (
    Complaint,
    ComplaintDraft,
    CounselSession,
    Officer,
    Petitioner,
    Visit,
)


def person_json(person: Petitioner | None, *, reveal: bool) -> dict[str, Any] | None:
    if person is None:
        return None
    data = asdict(person)
    if data.get("identity_disclosure") is None:  # a reporter's answer only (sealed with them)
        data.pop("identity_disclosure", None)
    if not reveal:
        data.update(
            name=mask_name(person.name),
            phone=mask_phone(person.phone) or None,
            email=mask_email(person.email) or None,
            address=mask_address(person.address) or None,
            postcode=None,
            birth_year=None,
            masked=True,
        )
    return data


def visit_json(visit: Visit | None) -> dict[str, Any] | None:
    if visit is None:
        return None
    return {
        "id": visit.id,
        "date": visit.day.isoformat(),
        "venue": visit.venue,
        "region": visit.region,
        "team": list(visit.team),
        "opened_at": visit.opened_at.isoformat(),
        "closed_at": visit.closed_at.isoformat() if visit.closed_at else None,
    }


def _text_fields(draft: ComplaintDraft) -> dict[str, Any]:
    return {
        "kind": draft.kind,
        "title": draft.title,
        "body": draft.body,
        "agency": draft.agency,
        "region": draft.region,
        "channel": draft.channel,
    }


def draft_to_intake(draft: ComplaintDraft) -> dict[str, Any]:
    """The intake JSON that would produce ``draft`` (the base a merge patch applies to)."""
    consent: dict[str, Any] = {
        "personal_info": draft.consent.personal_info,
        "notice_version": draft.consent.notice_version,
    }
    if draft.consent.items:
        consent["items"] = list(draft.consent.items)
    if draft.consent.at:
        consent["at"] = draft.consent.at.isoformat()
    petitioner = None
    if draft.petitioner is not None:
        petitioner = {k: v for k, v in asdict(draft.petitioner).items() if v is not None}
    data: dict[str, Any] = {
        **_text_fields(draft),
        "petitioner": petitioner,
        "consent": consent,
        "disclosure": draft.disclosure,
        "notify_by": draft.notify_by,
        "outcome": draft.outcome,
    }
    if draft.referred_to is not None:
        data["referred_to"] = draft.referred_to
    if draft.received_at is not None:
        data["received_at"] = draft.received_at.isoformat()
    data.update(intake_extras(draft))
    return data


def intake_extras(draft: ComplaintDraft) -> dict[str, Any]:
    """The optional intake fields of issue 11 (guidance, oral_report), when given."""
    extras: dict[str, Any] = {}
    guidance = {k: v for k, v in asdict(draft.guidance).items() if v is not None}
    if guidance:
        extras["guidance"] = guidance
    if draft.oral_report is not None:
        oral: dict[str, Any] = {"read_back": draft.oral_report.read_back}
        if draft.oral_report.at is not None:
            oral["at"] = draft.oral_report.at.isoformat()
        extras["oral_report"] = oral
    return extras


def complaint_json(complaint: Complaint, *, viewer: Officer | None, reveal: bool) -> dict[str, Any]:
    """``viewer`` None means the hub (sync payload): everything, nothing sealed."""
    draft = complaint.draft
    sealed = (draft.kind == "report" and viewer is not None
              and not viewer.may_read_sealed_identity)
    if sealed and draft.petitioner is not None:
        petitioner: dict[str, Any] | None = {"sealed": True}
    else:
        petitioner = person_json(draft.petitioner, reveal=reveal or viewer is None)
    review = None
    if complaint.review_state is not None:
        centre = complaint.centre
        review = {"state": complaint.review_state, "note": complaint.review_note,
                  "by": centre.by if centre else None,
                  "at": centre.at.isoformat() if centre and centre.at else None,
                  "role": centre.role if centre else None,
                  "action": centre.action if centre else None,
                  "agency": centre.agency if centre else None,
                  "handler": centre.handler if centre else None}
    current = complaint.current_deadline_due
    return {
        "id": complaint.id,
        "receipt_no": complaint.receipt_no,
        **_text_fields(draft),
        "petitioner": petitioner,
        "consent": {
            "personal_info": draft.consent.personal_info,
            "notice_version": draft.consent.notice_version,
            "items": list(draft.consent.items),
            "at": (draft.consent.at or complaint.received_at).isoformat(),
        },
        "disclosure": draft.disclosure,
        "notify_by": draft.notify_by,
        "outcome": draft.outcome,
        "referred_to": draft.referred_to,
        "received_at": complaint.received_at.isoformat(),
        # null for an anonymous case (deadline_rule "anonymous"): no statutory period
        "deadline": complaint.deadline.isoformat() if complaint.deadline else None,
        "deadline_due": complaint.deadline_due.isoformat() if complaint.deadline_due else None,
        "deadline_rule": complaint.deadline_rule,
        # The deadline as it stands: moved at the centre by a supplement's pause or an
        # extension (then differs from the receipt's deadline_due), else the receipt's.
        "current_deadline": current.isoformat() if current else None,
        "visit": visit_json(complaint.visit),
        "status": complaint.status,
        "sync_state": complaint.sync_state,
        "review": review,
        "epeople_no": complaint.epeople_no,
        "attachments": [asdict(a) for a in complaint.attachments],
        "version": complaint.version,
        "purged": complaint.purged,
        **intake_extras(draft),
    }


def counsel_json(session: CounselSession, *, viewer: Officer | None, reveal: bool,
                 today: Any = None) -> dict[str, Any]:
    from fieldbus.domain.appeal import appeal_deadline, facts_json, proof_needed

    draft = session.draft
    show_notes = viewer is None or viewer.may_read_counsel_notes
    deadline = appeal_deadline(disposed_on=draft.disposed_on, learned_on=draft.learned_on,
                               facts=draft.appeal)
    data: dict[str, Any] = {
        "id": session.number,
        "uuid": session.id,
        "appellant": person_json(draft.appellant, reveal=reveal or viewer is None),
        "disposition": {
            "agency": draft.disposition_agency,
            "title": draft.disposition_title,
            "disposed_on": draft.disposed_on.isoformat(),
            "learned_on": draft.learned_on.isoformat() if draft.learned_on else None,
            "appeal": facts_json(draft.appeal),
        },
        "eligibility": {"basis": draft.eligibility_basis,
                        "checked_by": draft.eligibility_checked_by,
                        "shared_info_consent": draft.shared_info_consent,
                        "proof": proof_needed(draft.eligibility_basis,
                                              draft.shared_info_consent)},
        "counsel": {"name": draft.counsel_name, "qualification": draft.counsel_qualification},
        "notes": draft.notes if show_notes else None,
        "notes_withheld": not show_notes and draft.notes is not None,
        "next_step": draft.next_step,
        "outcome": draft.outcome,
        "appeal_deadline": session.appeal_deadline.isoformat()
        if session.appeal_deadline else None,
        "appeal_basis": deadline.basis,
        "appeal_rule": deadline.rule,            # which rule of 행정심판법 제27조
        "appeal_rule_text": deadline.rule_text,  # e.g. 행정심판법 제27조제1항 (안 날부터 90일)
        "visit": visit_json(session.visit),
        "sync_state": session.sync_state,
        "created_at": session.created_at.isoformat(),
        "version": session.version,
    }
    if today is not None:
        data["appeal_days_left"] = deadline.days_left(today)
        data["appeal_status"] = deadline.status(today)
    return data

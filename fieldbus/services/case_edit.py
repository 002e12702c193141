"""Editing a saved case without Qt — fixing a returned case, or correcting one (issue 12):
the form values a saved complaint starts from, who may correct it, what the officer may
change, and the merge patch of just what was changed.

The editor (``fieldbus/ui/cases/editor.py``) holds the same plain dict as the intake form
(:func:`fieldbus.services.intake.draft.empty_values`) and checks it with the same
:func:`fieldbus.services.intake.draft.problems`; the store's ``complaints.edit`` validates the
merged intake once more. Both sides of the patch go through
:func:`fieldbus.services.intake.draft.to_intake`, so only what the officer really changed is sent
(and shows in the case's history).
"""

from __future__ import annotations

from typing import Any

from fieldbus.services.intake import draft as intake_draft
from fieldbus.domain.records import CONSENTED_FIELDS, Complaint, Officer
from fieldbus.store import complaints as store_complaints

#: The citizen's details in the form (the "민원인" box).
WHO = ("name", "type", "phone", "email", "address", "postcode", "birth_year")
#: What the citizen was told at intake (민원처리법 시행령 제6조④, issue 11).
GUIDANCE = ("documents", "documents_missing", "procedure", "site_check")
#: A report's: 신분공개 동의 (kept in the petitioner, so sealed with it) and the oral
#: report read back (공익신고자 보호법 제8조③).
REPORT = ("identity_disclosure", "oral", "read_back")
#: Fields the officer can change in a saved case, in the order of the form. The
#: receipt number, time of receipt and attachments are frozen by the store; consent and
#: anonymity are the citizen's answers at the bus and are not changed afterwards.
EDITABLE = (*WHO, "kind", "agency", "region", "title", "body", "channel", "disclosure",
            "notify_by", "outcome", "referred_to", *GUIDANCE, *REPORT)
#: Fields that are the petitioner's (sealed with a reporter's identity).
PETITIONER_FIELDS = (*WHO, "identity_disclosure")


def values_of(complaint: Complaint) -> dict[str, Any]:
    """The intake form's values for a saved complaint."""
    d = complaint.draft
    p = d.petitioner
    values = intake_draft.empty_values()
    values.update(
        anonymous=p is None, consent=d.consent.personal_info,
        consent_at=d.consent.at.isoformat() if d.consent.at else None,
        kind=d.kind, agency=d.agency, region=d.region, title=d.title, body=d.body,
        channel=d.channel, disclosure=d.disclosure, notify_by=d.notify_by or "",
        outcome=d.outcome, referred_to=d.referred_to or "")
    if p is not None:
        values.update(name=p.name, type=p.type, phone=p.phone or "", email=p.email or "",
                      address=p.address or "", postcode=p.postcode or "",
                      birth_year=str(p.birth_year) if p.birth_year is not None else "",
                      identity_disclosure=p.identity_disclosure or "")
    g = d.guidance
    values.update(documents=g.documents or "", documents_missing=g.documents_missing or "",
                  procedure=g.procedure or "", site_check=g.site_check or "")
    if d.oral_report is not None:
        values.update(oral=True, read_back=d.oral_report.read_back,
                      read_back_at=d.oral_report.at.isoformat() if d.oral_report.at else None)
    return values


def may_resubmit(complaint: Complaint) -> bool:
    """Only a case the supervisor returned (``has_issues``) is fixed and resubmitted here;
    any officer signed in on the laptop may do it."""
    return complaint.review_state == "has_issues" and not complaint.purged


def correction_refusal(complaint: Complaint, officer: Officer) -> str | None:
    """Why ``officer`` may not correct ``complaint`` — ``not_taker`` (only the officer who
    took it, or a supervisor), ``case_closed`` (forwarded or closed by the centre: a
    supervisor only), ``purged`` — or None. The store's rule, which it enforces itself
    (``complaints.edit`` refuses with PermissionDenied)."""
    return store_complaints.correction_refusal(complaint, officer)


def may_correct(complaint: Complaint, officer: Officer) -> bool:
    """Whether ``officer`` may correct this saved case (고치기, issue 12)."""
    return correction_refusal(complaint, officer) is None


def frozen_fields(complaint: Complaint, officer: Officer) -> frozenset[str]:
    """Editable fields this officer may not change in this case: none of the
    petitioner's for an anonymous case or for a public-interest report whose reporter's
    identity is sealed from the officer (they are not even shown); no contact details
    where the citizen refused consent (the store would not keep them) — the name and
    address stay editable, being processed by law, not by consent."""
    sealed = complaint.draft.kind == "report" and not officer.may_read_sealed_identity
    if complaint.draft.petitioner is None or sealed:
        return frozenset(PETITIONER_FIELDS)
    if not complaint.draft.consent.personal_info:
        return frozenset(CONSENTED_FIELDS)
    return frozenset()


def may_move_across_report(officer: Officer) -> bool:
    """Whether a case is a public-interest report is fixed when it is taken: only a
    supervisor moves a case into or out of ``report`` (the store refuses anyone else and
    audits the supervisor's change), so the editor offers the move to supervisors only."""
    return officer.may_read_sealed_identity


def diff(before: Any, after: Any) -> dict[str, Any]:
    """The JSON Merge Patch (RFC 7386) turning ``before`` into ``after`` (both objects):
    changed keys only, objects recursively, ``None`` for a key removed."""
    patch: dict[str, Any] = {}
    for key in list(before) + [k for k in after if k not in before]:
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        if isinstance(old, dict) and isinstance(new, dict):
            patch[key] = diff(old, new)
        else:
            patch[key] = new
    return patch


def patch_for(original: dict[str, Any], edited: dict[str, Any]) -> dict[str, Any]:
    """The merge patch of the intake for the form's edit of ``original`` into ``edited``."""
    return diff(intake_draft.to_intake(original), intake_draft.to_intake(edited))

"""The counsel session form's content without Qt: what the form holds, the intake object it
makes, every problem the domain finds in it (by field), and the live appeal deadline.

The form (``fieldbus/ui/counsel/form.py``) keeps its content as a plain dict —
:func:`empty_values` — with dates as ``YYYY-MM-DD`` strings. :func:`to_intake` turns it
into the JSON object :func:`fieldbus.domain.intake.parse_counsel` validates, so the form and
``fieldbus counsel add`` go through the same rules. Confidential notes are only put in the
intake when the officer may write them (``with_notes``); otherwise they are saved as null.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from fieldbus.domain.appeal import appeal_deadline, counsel_rules, proof_needed
from sync.deadlines import kst_today
from fieldbus.domain.errors import ValidationError
from fieldbus.domain.intake import parse_counsel
from fieldbus.domain.records import AppealFacts

#: The form's fields, in the order of the conversation (and of the tab chain).
ORDER = ("name", "phone", "address", "birth_year", "agency", "title", "disposed_on",
         "learned_unknown", "learned_on", "appeal_kind", "period_notice", "announced_days",
         "force_majeure", "force_majeure_ended_on", "abroad", "basis",
         "shared_info_consent", "checked_by", "counsel_name", "qualification", "notes",
         "next_step", "outcome")

BASES = ("basic_livelihood", "single_parent", "basic_pension", "disability_pension",
         "north_korean_defector", "inability_to_pay", "none")
CHECKS = ("shared_admin_info", "certificate", "self_declaration", "not_checked")
QUALIFICATIONS = ("attorney", "labor_attorney")
#: 행정심판법 제27조: the appeal's type (⑦) and whether the agency told the period (⑤⑥).
APPEAL_KINDS = ("cancellation", "mandatory_refusal", "nullity", "mandatory_omission")
PERIOD_NOTICES = ("told", "told_longer", "not_told")
#: 시행령 제16조의2③: consent to the committee's 행정정보 공동이용 check.
CONSENTS = ("yes", "no")
OUTCOMES = ("application_filed", "advice_only", "referred_legal_aid", "referred_other")

#: Intake path → form field, for showing an error beside the right box.
FIELD_OF_PATH = {
    "appellant": "name", "appellant.name": "name", "appellant.phone": "phone",
    "appellant.address": "address", "appellant.birth_year": "birth_year",
    "disposition.agency": "agency", "disposition.title": "title",
    "disposition.disposed_on": "disposed_on", "disposition.learned_on": "learned_on",
    "disposition.appeal_kind": "appeal_kind", "disposition.period_notice": "period_notice",
    "disposition.announced_days": "announced_days",
    "disposition.force_majeure_ended_on": "force_majeure_ended_on",
    "disposition.abroad": "abroad", "eligibility.shared_info_consent": "shared_info_consent",
    "eligibility.basis": "basis", "eligibility.checked_by": "checked_by",
    "counsel.name": "counsel_name", "counsel.qualification": "qualification",
    "notes": "notes", "next_step": "next_step", "outcome": "outcome",
}

#: A harmless stand-in per intake path, so the next check can run after an error.
_NEUTRAL: dict[str, Any] = {
    "appellant.name": "-", "appellant.phone": None, "appellant.address": None,
    "appellant.birth_year": None, "disposition.agency": "-", "disposition.title": "-",
    "disposition.disposed_on": "2000-01-01", "disposition.learned_on": None,
    "disposition.appeal_kind": None, "disposition.period_notice": None,
    "disposition.announced_days": None, "disposition.force_majeure_ended_on": None,
    "disposition.abroad": None, "eligibility.shared_info_consent": None,
    "eligibility.basis": "none", "eligibility.checked_by": "not_checked",
    "counsel.name": "-", "counsel.qualification": "attorney", "notes": None,
    "next_step": None, "outcome": "advice_only",
}


def empty_values(today: date | None = None) -> dict[str, Any]:
    """A blank form. Choices the officer must make on purpose start unset; both dates
    start at ``today`` (a date box always holds a date); the 제27조 questions start
    unanswered (today's rule: ① and ③), the force majeure date only counts when ticked."""
    day = (today or kst_today()).isoformat()
    return {
        "name": "", "phone": "", "address": "", "birth_year": "", "agency": "", "title": "",
        "disposed_on": day, "learned_on": day, "learned_unknown": False,
        "appeal_kind": "", "period_notice": "", "announced_days": "", "force_majeure": False,
        "force_majeure_ended_on": day, "abroad": False, "basis": "",
        "shared_info_consent": "", "checked_by": "", "counsel_name": "", "qualification": "",
        "notes": "", "next_step": "", "outcome": "",
    }

#: The form's keys that are dates or ticks: a blank form holds them, they are not "typed".
_NOT_TYPED = ("disposed_on", "learned_on", "learned_unknown", "force_majeure",
              "force_majeure_ended_on", "abroad")


#: The draft autosave's key prefix in the store's ``meta`` (``counsel-draft:<officer>``),
#: apart from the intake form's ``draft:<officer>``.
DRAFT_PREFIX = "counsel-draft"


def normalised(values: dict[str, Any], today: date | None = None) -> dict[str, Any]:
    """``values`` with exactly the keys of a blank form (a draft from an older version
    may lack some or have others)."""
    blank = empty_values(today)
    return {key: values.get(key, default) for key, default in blank.items()}


def is_blank(values: dict[str, Any]) -> bool:
    """Nothing typed or chosen: the dates alone (a date box always holds one) are not
    worth a draft."""
    v = normalised(values)
    return not (v["learned_unknown"] or v["force_majeure"] or v["abroad"]) and not any(
        (v[key] or "").strip() for key in v if key not in _NOT_TYPED)


def _text(value: Any) -> str | None:
    text = value.strip() if isinstance(value, str) else value
    return text or None


def to_intake(values: dict[str, Any], *, with_notes: bool) -> dict[str, Any]:
    """The intake object (``resources/schemas/counsel-intake.schema.json``) for the form."""
    v = empty_values() | values
    birth = (v["birth_year"] or "").strip()
    told = (v["announced_days"] or "").strip() if v["period_notice"] == "told_longer" else ""
    fm = v["force_majeure"]
    consent = {"yes": True, "no": False}.get(v["shared_info_consent"] or "")
    if proof_needed(v["basis"] or "", None) != "shared_check":
        consent = None  # asked only for 제1호·제2호·제4호·제6호 (시행령 제16조의2③)
    return {
        "appellant": {
            "name": v["name"] or "",
            "phone": _text(v["phone"]),
            "address": _text(v["address"]),
            "birth_year": int(birth) if birth.isdigit() else (birth or None),
        },
        "disposition": {
            "agency": v["agency"] or "",
            "title": v["title"] or "",
            "disposed_on": v["disposed_on"] or "",
            "learned_on": None if v["learned_unknown"] else (v["learned_on"] or None),
            "appeal_kind": v["appeal_kind"] or None,
            "period_notice": v["period_notice"] or None,
            "announced_days": int(told) if told.isdigit() else (told or None),
            "force_majeure_ended_on": (v["force_majeure_ended_on"] or None) if fm else None,
            "abroad": bool(v["abroad"]) if fm else None,
        },
        "eligibility": {"basis": v["basis"] or None, "checked_by": v["checked_by"] or None,
                        "shared_info_consent": consent},
        "counsel": {"name": v["counsel_name"] or "", "qualification": v["qualification"] or None},
        "notes": _text(v["notes"]) if with_notes else None,
        "next_step": _text(v["next_step"]),
        "outcome": v["outcome"] or None,
    }


def _set(data: dict[str, Any], path: str, value: Any) -> None:
    *parents, last = path.split(".")
    node = data
    for key in parents:
        node = node[key]
    node[last] = value


@dataclass(frozen=True)
class Problems:
    errors: dict[str, ValidationError]  # form field → the domain's error

    @property
    def ok(self) -> bool:
        return not self.errors


def problems(values: dict[str, Any], *, now: datetime, with_notes: bool) -> Problems:
    """Every error ``parse_counsel`` finds, by form field (not only the first: each
    error's field gets a neutral value and the check runs again)."""
    data = to_intake(values, with_notes=with_notes)
    errors: dict[str, ValidationError] = {}
    for _ in range(len(_NEUTRAL) + 2):
        try:
            parse_counsel(data, now=now)
        except ValidationError as exc:
            field = FIELD_OF_PATH.get(exc.field, "")
            if exc.field in errors or field in errors or exc.field not in _NEUTRAL:
                errors.setdefault(field, exc)
                break
            errors[field] = exc
            _set(data, exc.field, _NEUTRAL[exc.field])
            continue
        break
    return Problems(errors=errors)


@dataclass(frozen=True)
class DeadlineView:
    """What the form shows about the appeal deadline for the dates typed so far: ``due``
    None (and ``status`` "none") when no period applies (제27조⑦); ``rule`` the rule of
    제27조 that gave it, ``rule_text`` its words (with a 민법 제161조 move)."""

    due: date | None
    days_left: int | None
    status: Literal["ok", "near", "past", "none"]
    basis: str
    from_learning: date | None
    from_disposition: date | None
    rule: str = "from_learning"
    rule_text: str = ""


def facts(values: dict[str, Any]) -> AppealFacts:
    """The form's 제27조 answers (unset ones as not asked)."""
    v = empty_values() | values
    told = (v["announced_days"] or "").strip() if v["period_notice"] == "told_longer" else ""
    ended = v["force_majeure_ended_on"] if v["force_majeure"] else None
    return AppealFacts(kind=v["appeal_kind"] or None, notice=v["period_notice"] or None,
                       announced_days=int(told) if told.isdigit() else None,
                       force_majeure_ended_on=date.fromisoformat(ended) if ended else None,
                       abroad=bool(v["abroad"]) if ended else False)


def deadline(values: dict[str, Any], *, today: date) -> DeadlineView | None:
    """The appeal deadline (행정심판법 제27조) for the form's answers; None while they do not
    make one (no or bad disposition date, learned before the disposition, a wrongly
    announced period not yet typed)."""
    v = empty_values(today) | values
    try:
        disposed = date.fromisoformat(v["disposed_on"])
        learned = None if v["learned_unknown"] or not v["learned_on"] \
            else date.fromisoformat(v["learned_on"])
        found = appeal_deadline(disposed_on=disposed, learned_on=learned, facts=facts(v))
    except (ValueError, TypeError, ValidationError):
        return None
    return DeadlineView(due=found.due, days_left=found.days_left(today),
                        status=found.status(today), basis=found.basis,
                        from_learning=found.from_learning,
                        from_disposition=found.from_disposition, rule=found.rule,
                        rule_text=found.rule_text)


@dataclass(frozen=True)
class ProofView:
    """What the form says about applying for free counsel (시행령 제16조의2②③) for the
    category chosen: ``proof`` documents / shared_check / shared_check_refused / none,
    ``chair`` True for 제6호 (the chair decides), ``asks_consent`` whether the 행정정보
    공동이용 question applies."""

    proof: str
    chair: bool
    asks_consent: bool
    item: int | None


def proof(values: dict[str, Any]) -> ProofView:
    v = empty_values() | values
    basis = v["basis"] or ""
    consent = {"yes": True, "no": False}.get(v["shared_info_consent"] or "")
    category = counsel_rules().categories.get(basis)
    needed = proof_needed(basis, consent)
    return ProofView(proof=needed, chair=basis == "inability_to_pay",
                     asks_consent=proof_needed(basis, None) == "shared_check",
                     item=category.item if category else None)

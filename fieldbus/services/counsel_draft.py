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

from fieldbus.domain.deadlines import appeal_deadline, kst_today
from fieldbus.domain.errors import ValidationError
from fieldbus.domain.intake import parse_counsel

#: The form's fields, in the order of the conversation (and of the tab chain).
ORDER = ("name", "phone", "address", "birth_year", "agency", "title", "disposed_on",
         "learned_unknown", "learned_on", "basis", "checked_by", "counsel_name",
         "qualification", "notes", "next_step", "outcome")

BASES = ("basic_livelihood", "single_parent", "basic_pension", "disability_pension",
         "north_korean_defector", "inability_to_pay", "none")
CHECKS = ("shared_admin_info", "certificate", "self_declaration", "not_checked")
QUALIFICATIONS = ("attorney", "labor_attorney")
OUTCOMES = ("application_filed", "advice_only", "referred_legal_aid", "referred_other")

#: Intake path → form field, for showing an error beside the right box.
FIELD_OF_PATH = {
    "appellant": "name", "appellant.name": "name", "appellant.phone": "phone",
    "appellant.address": "address", "appellant.birth_year": "birth_year",
    "disposition.agency": "agency", "disposition.title": "title",
    "disposition.disposed_on": "disposed_on", "disposition.learned_on": "learned_on",
    "eligibility.basis": "basis", "eligibility.checked_by": "checked_by",
    "counsel.name": "counsel_name", "counsel.qualification": "qualification",
    "notes": "notes", "next_step": "next_step", "outcome": "outcome",
}

#: A harmless stand-in per intake path, so the next check can run after an error.
_NEUTRAL: dict[str, Any] = {
    "appellant.name": "-", "appellant.phone": None, "appellant.address": None,
    "appellant.birth_year": None, "disposition.agency": "-", "disposition.title": "-",
    "disposition.disposed_on": "2000-01-01", "disposition.learned_on": None,
    "eligibility.basis": "none", "eligibility.checked_by": "not_checked",
    "counsel.name": "-", "counsel.qualification": "attorney", "notes": None,
    "next_step": None, "outcome": "advice_only",
}


def empty_values(today: date | None = None) -> dict[str, Any]:
    """A blank form. Choices the officer must make on purpose start unset; both dates
    start at ``today`` (a date box always holds a date)."""
    day = (today or kst_today()).isoformat()
    return {
        "name": "", "phone": "", "address": "", "birth_year": "", "agency": "", "title": "",
        "disposed_on": day, "learned_on": day, "learned_unknown": False, "basis": "",
        "checked_by": "", "counsel_name": "", "qualification": "", "notes": "",
        "next_step": "", "outcome": "",
    }


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
    return not v["learned_unknown"] and not any(
        (v[key] or "").strip() for key in v if key not in ("disposed_on", "learned_on",
                                                            "learned_unknown"))


def _text(value: Any) -> str | None:
    text = value.strip() if isinstance(value, str) else value
    return text or None


def to_intake(values: dict[str, Any], *, with_notes: bool) -> dict[str, Any]:
    """The intake object (``resources/schemas/counsel-intake.schema.json``) for the form."""
    v = empty_values() | values
    birth = (v["birth_year"] or "").strip()
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
        },
        "eligibility": {"basis": v["basis"] or None, "checked_by": v["checked_by"] or None},
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
    """What the form shows about the appeal deadline for the dates typed so far."""

    due: date
    days_left: int
    status: Literal["ok", "near", "past"]
    basis: str
    from_learning: date | None
    from_disposition: date


def deadline(values: dict[str, Any], *, today: date) -> DeadlineView | None:
    """The appeal deadline (행정심판법 제27조) for the form's dates; None while they do not
    make one (no or bad disposition date, learned before the disposition)."""
    v = empty_values(today) | values
    try:
        disposed = date.fromisoformat(v["disposed_on"])
        learned = None if v["learned_unknown"] or not v["learned_on"] \
            else date.fromisoformat(v["learned_on"])
        found = appeal_deadline(disposed_on=disposed, learned_on=learned)
    except (ValueError, TypeError, ValidationError):
        return None
    return DeadlineView(due=found.due, days_left=found.days_left(today),
                        status=found.status(today), basis=found.basis,
                        from_learning=found.from_learning,
                        from_disposition=found.from_disposition)

"""What a complaint receipt and a counsel confirmation say, independent of the paper.

A document is a list of items (fields, notes, the complaint's body, the QR code, …) in
reading order; :mod:`fieldbus.receipts.layout` puts the same list on A4 or on an 80 mm
roll. Who may see what is decided here: the citizen's copy and the roll show the
petitioner masked (김*수, 010-****-5678); the office copy, kept by the team and signed by
the petitioner, shows them in full; an anonymous complaint has no petitioner section;
a public-interest report shows no identity on any copy; counsel notes never appear.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from fieldbus.domain.deadlines import Deadline, appeal_deadline, rule_for
from fieldbus.domain.masking import mask_address, mask_email, mask_name, mask_phone
from fieldbus.domain.records import Complaint, Consent, CounselSession, Petitioner, Visit
from fieldbus.receipts import labels as L
from fieldbus.receipts.labels import Label, say
from fieldbus.domain.resources import resource_path
from fieldbus.store.handler import Handler
from fieldbus.store.prints import Issue


@dataclass(frozen=True)
class Field:
    label: Label
    value: str
    strong: bool = False  # bold and large: the receipt number, the appeal deadline
    note: str | None = None  # small print under the value (a legal basis)


@dataclass(frozen=True)
class Heading:
    label: Label


@dataclass(frozen=True)
class Note:
    """Small print: legal bases, hints."""

    text: str


@dataclass(frozen=True)
class Body:
    """The citizen's own words: continued over pages on A4, cut short on the roll."""

    text: str


@dataclass(frozen=True)
class FollowUp:
    lines: tuple[str, ...]
    qr: str | None = None


@dataclass(frozen=True)
class Signature:
    png: bytes | None
    sealed: bool


@dataclass(frozen=True)
class Banner:
    lines: tuple[str, ...]


Item = Field | Heading | Note | Body | FollowUp | Signature | Banner


@dataclass(frozen=True)
class Document:
    title: Label
    copy: Label
    number: str
    reissued: bool
    items: tuple[Item, ...]
    training: bool = False  # from a training store: marked 교육용 on every page, no QR


def _training(training: bool) -> list[Item]:
    """The boxed 교육용 notice at the top of a training store's documents."""
    if not training:
        return []
    return [Banner((say(L.TRAINING_NOTICE), L.TRAINING_DETAIL[0], L.TRAINING_DETAIL[1]))]


@cache
def _notices() -> dict:
    return json.loads(resource_path("receipts", "notices.json").read_text(encoding="utf-8"))


def _minute(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M")


def _visit(visit: Visit | None) -> str:
    if visit is None:
        return L.NO_VISIT
    return f"{visit.day.isoformat()} {visit.venue} ({visit.region})"


def _reissue(issue: Issue) -> list[Item]:
    if not issue.reissue:
        return []
    values = {"at": _minute(issue.at), "number": issue.number,
              "first_at": _minute(issue.first_at)}
    return [Banner((" ".join(L.REISSUE),
                    L.REISSUE_DETAIL[0].format(**values), L.REISSUE_DETAIL[1].format(**values)))]


def _person(person: Petitioner, label: Label, *, reveal: bool) -> list[Item]:
    name = person.name if reveal else mask_name(person.name)
    kind = L.PETITIONER_TYPES.get(person.type)
    contact = [person.phone if reveal else mask_phone(person.phone),
               person.email if reveal else mask_email(person.email),
               " ".join(filter(None, (person.postcode, person.address))) if reveal
               else mask_address(person.address)]
    items: list[Item] = [Field(label, f"{name} ({say(kind)})" if kind else name)]
    if any(contact):
        items.append(Field(L.CONTACT, " · ".join(c for c in contact if c)))
    return items


def _consent(consent: Consent, received_at: datetime) -> str:
    if not consent.personal_info:
        return say(L.CONSENT_REFUSED)
    text = (f"{say(L.CONSENT_GIVEN)} · {say(L.CONSENT_NOTICE)} {consent.notice_version} · "
            f"{_minute(consent.at or received_at)}")
    if consent.items:
        text += f"\n{say(L.CONSENT_ITEMS)}: {', '.join(consent.items)}"
    return text


def complaint_receipt(complaint: Complaint, *, copy: str, issue: Issue, handler: Handler,
                      received_by: str, code: str, qr: str, signature: bytes | None,
                      enrolled: bool, training: bool = False) -> Document:
    """``training``: the 교육용 notice instead of the QR code and the ways to follow, which
    would lead a trainee's role-play citizen to a real status page or call centre."""
    draft = complaint.draft
    rule = rule_for(complaint.deadline_rule)
    due = Deadline(rule=rule, received_at=complaint.received_at, due=complaint.deadline_due)
    unit = L.PERIOD_UNITS[rule.unit]
    outcome = say(L.OUTCOMES[draft.outcome])
    if draft.referred_to:
        outcome += f" → {draft.referred_to}"
    sealed = draft.kind == "report"
    items: list[Item] = [
        *_training(training),
        *_reissue(issue),
        Field(L.RECEIPT_NO, complaint.receipt_no, strong=True),
        Field(L.RECEIVED_AT, _minute(complaint.received_at)),
        Field(L.KIND, say(L.KINDS[draft.kind])),
        Field(L.TITLE, draft.title),
        Field(L.AGENCY, draft.agency),
        Field(L.VISIT, _visit(complaint.visit)),
        Field(L.RECEIVED_BY, received_by),
        Field(L.HANDLER, " · ".join(filter(None, (handler.org, handler.name,
                                                  f"☎ {handler.phone}")))),
        Field(L.PERIOD, f"{rule.label_ko} {unit[0].format(n=rule.period)} "
                        f"({unit[1].format(n=rule.period)})", note=rule.basis),
        Field(L.DUE, due.text),
        Field(L.OUTCOME, outcome),
    ]
    if sealed:
        items.append(Field(L.PETITIONER, say(L.SEALED)))
    elif draft.petitioner is not None:
        items += _person(draft.petitioner, L.PETITIONER, reveal=copy == "office")
    notice = _notices()["progress_report"]
    follow: Item = _training(training)[0] if training else FollowUp(
        lines=(*(say(line) for line in L.FOLLOW_LINES), say(L.SCAN if enrolled else L.SCAN_OFFLINE),
               f"{say(L.CHECK_CODE)}: {code}"), qr=qr)
    items += [
        Field(L.NOTIFY_BY, say(L.NOTIFY[draft.notify_by])),
        Field(L.CONSENT, _consent(draft.consent, complaint.received_at)),
        Heading(L.FOLLOW),
        follow,
        Heading(L.PROGRESS_NOTE),
        Note(f"{notice['ko']}\n{notice['en']}"),
        Heading(L.BODY),  # last: a long body continues on later pages, after all the above
        Body(draft.body),
    ]
    if copy == "office":
        items += [Heading(L.SIGNATURE), Signature(None if sealed else signature, sealed=sealed)]
    return Document(title=L.COMPLAINT_RECEIPT, copy=L.COPIES[copy], number=complaint.receipt_no,
                    reissued=issue.reissue, items=tuple(items), training=training)


def _days_left(left: int) -> Label:
    if left < 0:
        return L.PASSED
    if left == 0:
        return L.LAST_DAY
    return (L.DAYS_LEFT[0].format(n=left), L.DAYS_LEFT[1].format(n=left))


def counsel_confirmation(session: CounselSession, *, issue: Issue, today: date,
                         training: bool = False) -> Document:
    draft = session.draft
    deadline = appeal_deadline(disposed_on=draft.disposed_on, learned_on=draft.learned_on)
    items: list[Item] = [
        *_training(training),
        *_reissue(issue),
        Field(L.SESSION_NO, session.number, strong=True),
        Field(L.SESSION_AT, _minute(session.created_at)),
        Field(L.VISIT, _visit(session.visit)),
        *_person(draft.appellant, L.APPELLANT, reveal=False),
        Field(L.DISPOSITION, f"{draft.disposition_title} ({draft.disposition_agency})"),
        Field(L.DISPOSED_ON, draft.disposed_on.isoformat()),
    ]
    if draft.learned_on is not None:
        items.append(Field(L.LEARNED_ON, draft.learned_on.isoformat()))
    items += [
        Field(L.APPEAL_DEADLINE, f"{deadline.due.isoformat()}\n"
                                 f"{say(_days_left(deadline.days_left(today)))}", strong=True,
              note=f"{L.APPEAL_HINT[0]}\n{L.APPEAL_HINT[1]}\n{deadline.basis}"),
        Field(L.ELIGIBILITY, say(L.ELIGIBILITY_BASES[draft.eligibility_basis])),
        Heading(L.AGREED),
        Field(L.COUNSEL_OUTCOME, say(L.COUNSEL_OUTCOMES[draft.outcome])),
    ]
    if draft.next_step:
        items.append(Field(L.NEXT_STEP, draft.next_step))
    items += [
        Field(L.COUNSEL, f"{draft.counsel_name} · "
                         f"{say(L.QUALIFICATIONS[draft.counsel_qualification])}"),
        Heading(L.QUESTIONS),
        FollowUp(lines=tuple(say(line) for line in L.APPEAL_FOLLOW_LINES)),
    ]
    return Document(title=L.COUNSEL_CONFIRMATION, copy=L.COUNSEL_COPY, number=session.number,
                    reissued=issue.reissue, items=tuple(items), training=training)

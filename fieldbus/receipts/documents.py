"""What a complaint receipt and a counsel confirmation say, independent of the paper.

A document is a list of items (fields, notes, the complaint's body, the QR code, …) in
reading order; :mod:`fieldbus.receipts.layout` puts the same list on A4 or on an 80 mm
roll. Who may see what is decided here: the citizen's copy and the roll show the
petitioner masked (김*수, 010-****-5678); the office copy, kept by the team and signed by
the petitioner, shows them in full; an anonymous complaint says 익명 where the petitioner
would be; a public-interest report shows no identity on any copy; counsel notes never
appear. Personal items are named as the consent notice names them, never by their codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from fieldbus.domain.appeal import appeal_deadline, proof_needed
from sync.deadlines import Deadline, rule_for
from fieldbus.domain.masking import mask_address, mask_email, mask_name, mask_phone
from fieldbus.domain import receipt_content
from fieldbus.domain.records import Complaint, Consent, CounselSession, Petitioner, Visit
from fieldbus.receipts import labels as L
from fieldbus.receipts.labels import Label, say
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
    note: str | None = None  # small print with the QR code (the progress notice)


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


def _person(person: Petitioner, label: Label, *, reveal: bool,
            anonymous: bool = False) -> list[Item]:
    """Name (or 익명) and contact, masked unless ``reveal``."""
    name = say(L.ANONYMOUS) if anonymous else person.name if reveal else mask_name(person.name)
    kind = L.PETITIONER_TYPES.get(person.type)
    contact = [person.phone if reveal else mask_phone(person.phone),
               person.email if reveal else mask_email(person.email),
               " ".join(filter(None, (person.postcode, person.address))) if reveal
               else mask_address(person.address)]
    items: list[Item] = [Field(label, f"{name} ({say(kind)})" if kind else name)]
    if any(contact):
        items.append(Field(L.CONTACT, " · ".join(c for c in contact if c)))
    return items


def _codes(part: str) -> tuple[str, ...]:
    """The item codes of the notice's ``legal_basis`` or ``consent`` part, in its order."""
    return tuple(item["code"] for item in receipt_content.consent_table()[part]["items"])


def _item_words(codes: tuple[str, ...] | list[str]) -> str:
    """Item codes as the consent notice names them, Korean first and the English after
    (``전화번호, 전자우편 (phone, e-mail)``); a code neither the notice nor
    :data:`labels.ITEM_WORDS` knows is counted, never printed."""
    table = receipt_content.consent_table()
    notice = {item["code"]: item["label"]
              for part in ("legal_basis", "consent") for item in table[part]["items"]}
    ko: list[str] = []
    en: list[str | None] = []
    unknown = 0
    for code in codes:
        words = L.ITEM_WORDS.get(code)
        if words is None and code not in notice:
            unknown += 1
            continue
        ko.append(notice.get(code) or words[0])
        en.append(words[1] if words else None)
    if unknown:
        ko.append(L.OTHER_ITEMS[0].format(n=unknown))
        en.append(L.OTHER_ITEMS[1].format(n=unknown))
    if None in en:  # a notice item without English words: the Korean alone
        return ", ".join(ko)
    return say((", ".join(ko), ", ".join(w for w in en if w)))


def _legal_items() -> Field:
    """Name and address, processed on the basis of 민원처리법 — listed apart from the
    consented items (개인정보 보호법 제22조③)."""
    legal = receipt_content.consent_table()["legal_basis"]
    return Field(L.LEGAL_ITEMS, f"{_item_words(_codes('legal_basis'))} · "
                                f"{say(L.LEGAL_ITEMS_NOTE)}", note=legal["summary"])


def _consent(consent: Consent, received_at: datetime) -> str:
    """The consented items only: an item code the notice lists under legal_basis (older
    notices asked consent for name and address too) is not repeated here. Without
    consent: the notice's consented items, which are not kept."""
    if not consent.personal_info:
        return (f"{say(L.CONSENT_REFUSED)}\n"
                f"{say(L.NOT_KEPT)}: {_item_words(_codes('consent'))}")
    legal = set(_codes("legal_basis"))
    text = (f"{say(L.CONSENT_GIVEN)} · {say(L.CONSENT_NOTICE)} {consent.notice_version} · "
            f"{_minute(consent.at or received_at)}")
    items = [code for code in consent.items if code not in legal]
    if items:
        text += f"\n{say(L.CONSENT_ITEMS)}: {_item_words(items)}"
    return text


def _period(complaint: Complaint) -> list[Item]:
    """처리 기간 and 처리 예정일 — or why there is none (anonymous: not a 민원), or the
    ACRC's internal target marked as not a legal period (소극행정신고)."""
    if complaint.deadline_due is None or receipt_content.is_anonymous(complaint.draft):
        text = receipt_content.table()["anonymous"]
        return [Field(L.NO_PERIOD, f"{text['ko']}\n{text['en']}", note=text["basis"])]
    rule = rule_for(complaint.deadline_rule)
    due = Deadline(rule=rule, received_at=complaint.received_at, due=complaint.deadline_due)
    unit = L.PERIOD_UNITS[rule.unit]
    if not getattr(rule, "statutory", True):
        target = receipt_content.table()["internal_target"]
        return [Field(L.TARGET, f"{target['ko'].format(n=rule.period)}\n"
                                f"{target['en'].format(n=rule.period)}", note=rule.basis),
                Field(L.DUE, due.text)]
    current = complaint.current_deadline_due
    if current is not None and current != complaint.deadline_due:
        # A reprint after the centre moved the deadline (a supplement's pause, an
        # extension): the deadline that holds now, and the one first printed.
        moved = Deadline(rule=rule, received_at=complaint.received_at, due=current)
        return [Field(L.PERIOD, f"{rule.label_ko} {unit[0].format(n=rule.period)} "
                                f"({unit[1].format(n=rule.period)})", note=rule.basis),
                Field(L.DUE, moved.text,
                      note=f"{L.DUE_MOVED[0].format(first=due.text)}\n"
                           f"{L.DUE_MOVED[1].format(first=due.text)}")]
    return [Field(L.PERIOD, f"{rule.label_ko} {unit[0].format(n=rule.period)} "
                            f"({unit[1].format(n=rule.period)})", note=rule.basis),
            Field(L.DUE, due.text)]


def _guidance(complaint: Complaint) -> list[Item]:
    """What the citizen was told at intake (민원처리법 시행령 제6조④)."""
    told = receipt_content.told(complaint.draft.kind, complaint.draft.guidance)
    documents = say(told.documents_label())
    if told.documents_missing:
        documents += f"\n{say(L.DOCUMENTS_MISSING)}: {told.documents_missing}"
    return [
        Field(L.DOCUMENTS, documents),
        Field(L.PROCEDURE, told.procedure),
        Field(L.SITE_CHECK, told.site_check,
              note=receipt_content.table()["receipt"]["basis"]),
    ]


def _oral_report(complaint: Complaint) -> list[Item]:
    """공익신고자 보호법 제8조③: that an oral report was read back, and when."""
    oral = complaint.draft.oral_report
    if oral is None:
        return []
    text = receipt_content.table()["read_back"]
    return [Field(L.ORAL_REPORT, f"{text['ko']} · {_minute(oral.at or complaint.received_at)}",
                  note=text["basis"])]


def complaint_receipt(complaint: Complaint, *, copy: str, issue: Issue, handler: Handler,
                      received_by: str, code: str, qr: str, signature: bytes | None,
                      enrolled: bool, training: bool = False) -> Document:
    """``training``: the 교육용 notice instead of the QR code and the ways to follow, which
    would lead a trainee's role-play citizen to a real status page or call centre."""
    draft = complaint.draft
    outcome = say(L.OUTCOMES[draft.outcome])
    if draft.referred_to:
        outcome += f" → {draft.referred_to}"
    sealed = draft.kind == "report"
    if complaint.centre is not None and complaint.centre.handler:
        # The handler the centre named (민원처리법 시행령 제31조: 소속·성명·연락처).
        named = complaint.centre.handler
        handler = Handler(org=named["org"], name=named["name"], phone=named["phone"])
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
        *_period(complaint),
        Field(L.OUTCOME, outcome),
        *_oral_report(complaint),
    ]
    anonymous = receipt_content.is_anonymous(draft)
    if sealed and draft.petitioner is not None:
        items.append(Field(L.PETITIONER, say(L.SEALED)))
    elif draft.petitioner is None:  # anonymous: 익명 where the petitioner would be
        items.append(Field(L.PETITIONER, say(L.ANONYMOUS)))
    else:
        items += _person(draft.petitioner, L.PETITIONER, reveal=copy == "office",
                         anonymous=anonymous)
    notice = receipt_content.progress_notice(draft, status_page=enrolled and not training)
    basis = f" ({notice['basis']})" if notice.get("basis") else ""
    notice_text = f"{notice['ko']}{basis}\n{notice['en']}"
    follow: list[Item] = [*_training(training), Note(notice_text)] if training else [FollowUp(
        lines=(*(say(line) for line in L.FOLLOW_LINES), say(L.SCAN if enrolled else L.SCAN_OFFLINE),
               f"{say(L.CHECK_CODE)}: {code}"), qr=qr, note=notice_text)]
    items += [
        Field(L.NOTIFY_BY, say(L.NOTIFY[draft.notify_by])),
        *([] if anonymous else [_legal_items()]),
        Field(L.CONSENT, _consent(draft.consent, complaint.received_at)),
        Heading(L.GUIDANCE),
        *_guidance(complaint),
        Heading(L.FOLLOW),
        *follow,  # the progress notice with the QR code (시행령 제23조③: told in advance)
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


def _appeal_answers(draft) -> list[Item]:
    """The 행정심판법 제27조 answers that moved the deadline (none: nothing printed)."""
    facts, items = draft.appeal, []
    if facts.kind is not None:
        items.append(Field(L.APPEAL_KIND, say(L.APPEAL_KINDS[facts.kind])))
    if facts.notice is not None:
        ko, en = L.PERIOD_NOTICES[facts.notice]
        days = facts.announced_days or 0
        items.append(Field(L.PERIOD_NOTICE, say((ko.format(days=days), en.format(days=days)))))
    if facts.force_majeure_ended_on is not None:
        items.append(Field(L.FORCE_MAJEURE, facts.force_majeure_ended_on.isoformat()
                           + (f" · {say(L.ABROAD)}" if facts.abroad else "")))
    return items


def _appeal_deadline_fields(deadline, today: date) -> list[Item]:
    """The deadline and the rule that gave it, or that none applies (제27조⑦)."""
    if deadline.due is None:
        return [Field(L.APPEAL_DEADLINE, say(L.NO_LIMIT), strong=True,
                      note=f"{L.NO_LIMIT_HINT[0]}\n{L.NO_LIMIT_HINT[1]}\n{deadline.basis}")]
    return [Field(L.APPEAL_DEADLINE, f"{deadline.due.isoformat()}\n"
                                     f"{say(_days_left(deadline.days_left(today)))}",
                  strong=True, note=f"{L.APPEAL_HINT[0]}\n{L.APPEAL_HINT[1]}"),
            Field(L.APPEAL_RULE, deadline.rule_text, note=deadline.basis)]


def _free_counsel(draft) -> list[Item]:
    """Eligibility (시행령 제16조의2①) and what the application needs (②③)."""
    items: list[Item] = [Field(L.ELIGIBILITY, say(L.ELIGIBILITY_BASES[draft.eligibility_basis]),
                               note=say(L.CHAIR_DECIDES)
                               if draft.eligibility_basis == "inability_to_pay" else None)]
    proof = proof_needed(draft.eligibility_basis, draft.shared_info_consent)
    if proof != "none":
        items += [Field(L.FREE_COUNSEL_APPLY, say(L.FREE_COUNSEL_WHEN)),
                  Field(L.PROOF, say(L.PROOFS[proof]))]
    return items


def counsel_confirmation(session: CounselSession, *, issue: Issue, today: date,
                         training: bool = False) -> Document:
    draft = session.draft
    deadline = appeal_deadline(disposed_on=draft.disposed_on, learned_on=draft.learned_on,
                               facts=draft.appeal)
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
        *_appeal_answers(draft),
        *_appeal_deadline_fields(deadline, today),
        *_free_counsel(draft),
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

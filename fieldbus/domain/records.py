"""The records Fieldbus keeps (DESIGN.md §3), as plain immutable values.

Records hold codes (``grievance``, ``walk_in``), never display words: the UI and the
receipts translate. Validation lives in :mod:`fieldbus.domain.intake`; a record that
exists has passed it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

ComplaintKind = Literal["inquiry", "suggestion", "grievance", "report", "passive_admin", "other"]
COMPLAINT_KINDS: tuple[str, ...] = (
    "inquiry", "suggestion", "grievance", "report", "passive_admin", "other",
)
CHANNELS = ("walk_in", "booked")
PETITIONER_TYPES = ("individual", "group", "representative")
DISCLOSURES = ("public", "private")
NOTIFY_METHODS = ("sms", "email", "post")
OUTCOMES = ("resolved_on_site", "settlement", "filed", "referred")
ROLES = ("officer", "counsel", "supervisor")
STATUSES = ("received", "resolved", "referred", "forwarded", "closed")
SYNC_STATES = ("pending", "synced", "quarantined")
REVIEW_STATES = ("received", "has_issues", "edited", "approved", "rejected", "forwarded",
                 "closed")
ELIGIBILITY_BASES = (
    "basic_livelihood", "single_parent", "basic_pension", "disability_pension",
    "north_korean_defector", "inability_to_pay", "none",
)
COUNSEL_OUTCOMES = ("application_filed", "advice_only", "referred_legal_aid", "referred_other")


#: The petitioner's details kept only with consent (개인정보 보호법 제15조①1, 제22조③):
#: name and address are processed on the basis of 민원처리법, not of consent.
CONSENTED_FIELDS = ("phone", "email", "postcode", "birth_year")


@dataclass(frozen=True)
class Petitioner:
    name: str
    type: str = "individual"
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    postcode: str | None = None
    birth_year: int | None = None
    #: A reporter's answer to 신분공개 동의 (부패방지권익위법 시행령 제55조①7, 공익신고자
    #: 보호법 시행령 제7조①7): "agreed", "refused" or None (not asked; not a report). Kept
    #: in the petitioner, so it is sealed with the reporter's identity.
    identity_disclosure: str | None = None

    @property
    def has_contact(self) -> bool:
        return any((self.phone, self.email, self.address, self.postcode, self.birth_year))

    @property
    def has_consented_items(self) -> bool:
        """Details kept only with consent (개인정보 보호법 제15조①1): name and address are
        processed on the basis of 민원처리법 (resources/rules/consent.json)."""
        return any(getattr(self, name) for name in CONSENTED_FIELDS)


@dataclass(frozen=True)
class Consent:
    """What the citizen agreed to, against which version of the notice, and when."""

    personal_info: bool
    notice_version: str
    items: tuple[str, ...] = ()
    at: datetime | None = None


DOCUMENTS_STATES = ("none_required", "complete", "incomplete")


@dataclass(frozen=True)
class Guidance:
    """What the citizen was told at intake (민원처리법 시행령 제6조④): whether the
    documents are complete, the processing standard and procedure, and any planned on-site
    check or investigation. None = not given: the receipt prints the kind's default from
    ``resources/rules/receipt-content.json``. (The expected processing time is the
    deadline, not a field.)"""

    documents: str | None = None          # one of DOCUMENTS_STATES
    documents_missing: str | None = None  # what is missing, when "incomplete"
    procedure: str | None = None
    site_check: str | None = None

    @property
    def empty(self) -> bool:
        return not any((self.documents, self.documents_missing, self.procedure,
                        self.site_check))


@dataclass(frozen=True)
class OralReport:
    """An oral report (공익신고자 보호법 제8조②) written down by the officer and read back
    to the reporter before signing (제8조③): when that happened (None: at receipt)."""

    read_back: bool = True
    at: datetime | None = None


@dataclass(frozen=True)
class AttachmentFile:
    """A file named by an intake, read and checked at attach time (not at send time)."""

    filename: str
    media_type: str
    size: int
    sha256: str
    data: bytes = field(repr=False, default=b"")


@dataclass(frozen=True)
class Attachment:
    sha256: str
    size: int
    filename: str
    media_type: str


@dataclass(frozen=True)
class ComplaintDraft:
    """A validated intake, not yet numbered or saved."""

    kind: str
    title: str
    body: str
    agency: str
    region: str
    channel: str
    petitioner: Petitioner | None
    consent: Consent
    disclosure: str
    notify_by: str | None
    outcome: str
    referred_to: str | None
    received_at: datetime | None
    attachments: tuple[AttachmentFile, ...] = ()
    #: The petitioner's drawn signature (PNG), 시행령 제35조; saved with the complaint and
    #: read back only for the office copy (``complaints.signature``).
    signature: bytes | None = field(repr=False, default=None)
    guidance: Guidance = field(default_factory=Guidance)
    oral_report: OralReport | None = None  # kind report only

    @property
    def status(self) -> str:
        """The status a complaint starts in, from what happened on the bus."""
        if self.outcome in ("resolved_on_site", "settlement"):
            return "resolved"
        if self.outcome == "referred":
            return "referred"
        return "received"


@dataclass(frozen=True)
class Visit:
    id: str
    day: date
    venue: str
    region: str
    team: tuple[str, ...]
    opened_by: str
    opened_at: datetime
    closed_by: str | None = None
    closed_at: datetime | None = None


@dataclass(frozen=True)
class Officer:
    id: str
    name: str
    role: str

    @property
    def may_read_counsel_notes(self) -> bool:
        return self.role in ("counsel", "supervisor")

    @property
    def may_read_sealed_identity(self) -> bool:
        """Public-interest reporters' identity is sealed to all but supervisors."""
        return self.role == "supervisor"


@dataclass(frozen=True)
class CentreReview:
    """What the centre last said about a case (pulled from the hub): who took the last
    step, in which role, when and which step; the deadline as it stands now (moved by a
    supplement's pause or an extension); the agency it went to; its handler (소속·성명·
    연락처, printed on reprints and notices)."""

    by: str | None
    role: str | None
    at: datetime | None
    action: str | None
    deadline_due: datetime | None
    agency: str | None
    handler: dict[str, str] | None
    case_version: int | None = None


@dataclass(frozen=True)
class Complaint:
    id: str
    receipt_no: str
    draft: ComplaintDraft
    received_at: datetime
    #: None for a request without name and address: not a 민원 (민원처리법 제2조제1호·제2호,
    #: 시행령 제2조①3), so no statutory period; ``deadline_rule`` is then "anonymous".
    deadline: date | None
    deadline_due: datetime | None
    deadline_rule: str
    visit: Visit | None
    status: str
    review_state: str | None
    review_note: str | None
    epeople_no: str | None
    sync_state: str
    version: int
    created_by: str
    updated_at: datetime
    attachments: tuple[Attachment, ...]
    purged: bool = False
    centre: CentreReview | None = None

    @property
    def current_deadline_due(self) -> datetime | None:
        """The deadline as it stands: the centre's when it moved it, else the receipt's."""
        if self.centre is not None and self.centre.deadline_due is not None:
            return self.centre.deadline_due
        return self.deadline_due


APPEAL_KINDS = ("cancellation", "mandatory_refusal", "nullity", "mandatory_omission")
PERIOD_NOTICES = ("told", "told_longer", "not_told")


@dataclass(frozen=True)
class AppealFacts:
    """What a counsel session answers for 행정심판법 제27조②⑤⑥⑦ (every field optional:
    None = not asked). ``kind`` one of APPEAL_KINDS (심판의 종류); ``notice`` one of
    PERIOD_NOTICES (did the agency tell the period); ``announced_days`` the period it told
    (⑤); ``force_majeure_ended_on`` the day the 불가항력 ended (②), ``abroad`` filing from
    abroad (② 단서)."""

    kind: str | None = None
    notice: str | None = None
    announced_days: int | None = None
    force_majeure_ended_on: date | None = None
    abroad: bool = False

    @property
    def answered(self) -> bool:
        return self != AppealFacts()


@dataclass(frozen=True)
class CounselDraft:
    appellant: Petitioner
    disposition_agency: str
    disposition_title: str
    disposed_on: date
    learned_on: date | None
    eligibility_basis: str
    eligibility_checked_by: str
    counsel_name: str
    counsel_qualification: str
    notes: str | None
    next_step: str | None
    outcome: str
    #: 행정심판법 제27조②⑤⑥⑦ answers (fieldbus.domain.appeal); none answered by default.
    appeal: AppealFacts = AppealFacts()
    #: 시행령 제16조의2③: does the appellant consent to the committee checking the
    #: category through 행정정보 공동이용? None = not asked.
    shared_info_consent: bool | None = None


@dataclass(frozen=True)
class CounselSession:
    id: str
    number: str
    draft: CounselDraft
    appeal_deadline: date | None   # None: no period applies (행정심판법 제27조제7항)
    visit: Visit | None
    sync_state: str
    version: int
    created_by: str
    created_at: datetime
    purged: bool = False   # retention destroyed the appellant's details and the notes


@dataclass(frozen=True)
class AuditEvent:
    seq: int
    at: datetime
    officer_id: str | None
    action: str
    record_type: str | None
    record_id: str | None
    reason: str | None
    details: dict
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class IntakeWarning:
    """Something changed or dropped on the way in that the person must be told about."""

    field: str
    code: str
    message: str

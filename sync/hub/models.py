"""Pydantic models mirroring the TypedDicts of :mod:`sync.protocol`.

They validate request bodies (a body that does not fit is a 422, never a 500) and
describe the API in the OpenAPI document the hub serves. The contract itself lives in
``sync/protocol.py``; these follow it field by field.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from sync import protocol
from sync.controls import find_control

Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
DeviceCode = Annotated[str, Field(pattern=r"^[A-Z0-9]{2,6}$")]
ProtocolVersion = Literal[1, 2]
UserName = Annotated[str, Field(min_length=1, max_length=100)]
Password = Annotated[str, Field(min_length=1, max_length=1000)]


class HubInfo(BaseModel):
    name: str
    version: str
    protocol: int
    protocols: list[int]
    encodings: list[str]
    uploads: str


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    protocol: int
    error: ErrorDetail


class LoginRequest(BaseModel):
    username: UserName
    password: Password


class LoginResponse(BaseModel):
    protocol: int
    token: str
    role: protocol.Role


class LogoutResponse(BaseModel):
    protocol: int


class EnrolRequest(BaseModel):
    protocol: ProtocolVersion
    username: UserName
    password: Password
    device: DeviceCode
    device_key: Annotated[str, Field(min_length=16, max_length=200)]
    qr_secret: Annotated[str, Field(pattern=r"^[0-9a-fA-F]{64}$")]


class EnrolResponse(BaseModel):
    protocol: int
    device: str
    token: str
    public_url: str
    qr_secret: str
    recovery_public_key: str | None = None


class PushRecord(BaseModel):
    model_config = ConfigDict(extra="ignore")

    type: protocol.RecordType
    id: Annotated[str, Field(min_length=1, max_length=64)]
    version: Annotated[int, Field(ge=1, le=2**31 - 1)]
    base_version: Annotated[int, Field(ge=1, le=2**31 - 1)] | None
    content_hash: Sha256
    content: dict[str, Any]


class PushRequest(BaseModel):
    protocol: ProtocolVersion
    device: DeviceCode
    records: Annotated[list[PushRecord], Field(max_length=protocol.MAX_BATCH)]


class PushResult(BaseModel):
    id: str
    version: int
    outcome: protocol.Outcome
    reason: str | None
    awaiting: list[Sha256] | None = Field(
        None, description="version 2: blobs the record names that this device has not "
        "uploaded yet (accepted and duplicate)")


class PushResponse(BaseModel):
    protocol: int
    results: list[PushResult]


class Change(BaseModel):
    seq: int
    type: Literal["review"]
    id: str
    receipt_no: str
    review_state: protocol.ReviewState
    review_note: str | None
    status: str | None
    epeople_no: str | None
    at: str
    # Since the review workflow (absent from changes made before it):
    action: str | None = None
    note: str | None = None
    by: str | None = None
    role: str | None = None
    deadline_due: str | None = None
    agency: str | None = None
    handler: dict[str, Any] | None = None
    case_version: int | None = None


class PullResponse(BaseModel):
    protocol: int
    changes: list[Change]
    cursor: str
    more: bool


class AttachmentStored(BaseModel):
    protocol: int
    sha256: str
    size: int


def _no_controls(multiline: bool):
    """A validator refusing control and bidi characters (a 422, as for any bad body)."""
    def check(text: str) -> str:
        bad = find_control(text, multiline=multiline)
        if bad is not None:
            raise ValueError(f"contains a control character (U+{ord(bad):04X})")
        return text
    return AfterValidator(check)


class Handler(BaseModel):
    """처리담당자: 소속·성명·연락처 (민원처리법 시행령 제31조)."""
    model_config = ConfigDict(extra="forbid")
    org: Annotated[str, Field(min_length=1, max_length=100), _no_controls(multiline=False)]
    name: Annotated[str, Field(min_length=1, max_length=50), _no_controls(multiline=False)]
    phone: Annotated[str, Field(min_length=1, max_length=30), _no_controls(multiline=False)]


class ReviewRequest(BaseModel):
    """A supervisor's step (sync/hub/workflow.py). ``action`` is one of the workflow's;
    ``state`` is the first API's way (has_issues = return, approved = approve, rejected =
    reject), still accepted. Send ``If-Match`` with the case's ``case_version`` to refuse
    the step (412) when another supervisor changed the case meanwhile."""
    model_config = ConfigDict(extra="forbid")
    action: Literal[protocol.REVIEW_ACTIONS] | None = None  # type: ignore[valid-type]
    state: Literal["has_issues", "approved", "rejected"] | None = None
    note: Annotated[str, Field(max_length=4000), _no_controls(multiline=True)] | None = None
    agency: Annotated[str, Field(max_length=200), _no_controls(multiline=False)] | None = None
    epeople_no: Annotated[str, Field(max_length=40), _no_controls(multiline=False)] | None = None
    new_deadline: Annotated[str, Field(max_length=10)] | None = None   # YYYY-MM-DD
    handler: Handler | None = None
    citizen_consent: bool | None = None
    answered_on: Annotated[str, Field(max_length=10)] | None = None    # YYYY-MM-DD, close


class ResolveRequest(BaseModel):
    """A supervisor settles a kept conflict (sync/hub/conflicts.py): keep the hub's
    content, take the laptop's edit, or merge (``fields``: top-level key → "hub" or
    "laptop"). Send ``If-Match`` with the case's ``case_version``."""
    model_config = ConfigDict(extra="forbid")
    conflict_version: Annotated[int, Field(ge=1, le=2**31 - 1)]
    take: Literal["hub", "laptop", "merge"]
    fields: dict[Annotated[str, Field(max_length=64)], Literal["hub", "laptop"]] | None = None
    note: Annotated[str, Field(max_length=4000), _no_controls(multiline=True)] | None = None


class BlobSummary(BaseModel):
    sha256: str
    size: int
    received: bool = Field(True, description="false while the hub still waits for the "
                           "bytes (protocol 2: the case came first)")


class KeptConflict(BaseModel):
    version: int
    base_version: int | None
    held_version: int
    at: str
    content: dict[str, Any] | None


class Case(BaseModel):
    id: str
    type: str
    receipt_no: str | None
    device: str
    version: int
    kind: str | None
    title: str | None
    body: str | None
    petitioner: dict[str, Any] | None
    attachments: list[BlobSummary]
    attachments_pending: int = Field(0, description="attachments the hub still waits for: "
                                     f"{protocol.AWAITING_ATTACHMENTS} while above 0")
    review_state: protocol.ReviewState
    review_note: str | None
    status: str | None
    epeople_no: str | None
    received_at: str | None
    synced_at: str
    content: dict[str, Any]
    conflicts: list[KeptConflict]
    case_version: int
    deadline_due: str | None
    deadline_rule: str | None
    paused_since: str | None
    extensions: int
    agency: str | None
    handler: dict[str, Any] | None
    forwarded_at: str | None
    transferred_at: str | None
    closed_at: str | None
    answered_on: str | None
    region: str | None


class CasesResponse(BaseModel):
    protocol: int
    cases: list[Case]
    total: int
    total_capped: bool
    next_offset: int | None


class Count(BaseModel):
    key: str
    count: int
    label: str | None = None


class SummaryResponse(BaseModel):
    protocol: int
    total: int
    overdue: int
    due_this_week: int
    forwarded: int
    median_days_to_forward: float | None
    by_visit: list[Count]
    by_province: list[Count]
    by_region: list[Count]
    by_kind: list[Count]
    by_state: list[Count]
    by_outcome: list[Count]
    by_month: list[Count]


class ReviewResponse(BaseModel):
    protocol: int
    change: Change
    case_version: int


class EpeopleForward(BaseModel):
    receipt_no: str | None
    agency: str
    state: Literal["queued", "exported", "sent", "failed"]
    attempts: int
    next_at: str
    last_error: str | None
    epeople_no: str | None
    queued_at: str
    queued_by: str
    updated_at: str


class Notice(BaseModel):
    receipt_no: str | None
    kind: Literal["handler", "extension", "transfer", "progress", "result"]
    channel: Literal["sms", "email", "post"] | None
    state: Literal["queued", "sent", "skipped", "failed"]
    reason: str | None
    attempts: int
    last_error: str | None
    created_at: str
    sent_at: str | None


class NoticesResponse(BaseModel):
    protocol: int
    notices: list[Notice]


class EpeopleQueueResponse(BaseModel):
    protocol: int
    forwards: list[EpeopleForward]


class CaseEvent(BaseModel):
    at: str
    actor: str
    role: str
    action: str
    from_state: str | None
    to_state: str | None
    note: str | None
    details: dict[str, Any] | None
    case_version: int


class CaseResponse(BaseModel):
    protocol: int
    case: Case
    allowed_actions: list[str]


class HistoryResponse(BaseModel):
    protocol: int
    receipt_no: str
    events: list[CaseEvent]


class VisitCase(BaseModel):
    id: str
    type: str
    receipt_no: str | None
    review_state: protocol.ReviewState


class Visit(BaseModel):
    id: str
    device: str
    version: int
    date: str | None
    venue: str | None
    region: str | None
    team: list[str] | None
    opened_at: str | None
    opened_by: str | None
    closed_at: str | None
    closed_by: str | None
    synced_at: str
    cases: list[VisitCase]


class VisitsResponse(BaseModel):
    protocol: int
    visits: list[Visit]


class AuditHead(BaseModel):
    seq: Annotated[int, Field(ge=0, le=2**62)]
    hash: Sha256


class AnsweredHead(BaseModel):
    seq: Annotated[int, Field(ge=0, le=2**62)]
    hash: Sha256 | None


class AuditHeadReport(BaseModel):
    protocol: ProtocolVersion
    device: DeviceCode
    seq: Annotated[int, Field(ge=0, le=2**62)]
    hash: Sha256
    intact: bool
    at_vouched: AnsweredHead | None


class VouchedHead(BaseModel):
    seq: int
    hash: str
    at: str


class AuditHeadAnswer(BaseModel):
    protocol: int
    vouched: VouchedHead | None
    flagged: bool
    problem: str | None


class DeviceAuditHead(BaseModel):
    device: str
    vouched_seq: int | None
    vouched_hash: str | None
    vouched_at: str | None
    flagged: bool
    flagged_at: str | None
    problem: str | None


class AuditHeadsResponse(BaseModel):
    protocol: int
    devices: list[DeviceAuditHead]

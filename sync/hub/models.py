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
ProtocolVersion = Literal[1]
UserName = Annotated[str, Field(min_length=1, max_length=100)]
Password = Annotated[str, Field(min_length=1, max_length=1000)]


class HubInfo(BaseModel):
    name: str
    version: str
    protocol: int


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


class ReviewRequest(BaseModel):
    state: Literal["has_issues", "approved", "rejected"]
    note: Annotated[str, Field(max_length=4000), _no_controls(multiline=True)] | None = None
    epeople_no: Annotated[str, Field(max_length=40), _no_controls(multiline=False)] | None = None


class BlobSummary(BaseModel):
    sha256: str
    size: int


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
    review_state: protocol.ReviewState
    review_note: str | None
    status: str | None
    epeople_no: str | None
    received_at: str | None
    synced_at: str
    content: dict[str, Any]
    conflicts: list[KeptConflict]


class CasesResponse(BaseModel):
    protocol: int
    cases: list[Case]


class ReviewResponse(BaseModel):
    protocol: int
    change: Change


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

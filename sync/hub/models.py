"""Pydantic models mirroring the TypedDicts of :mod:`sync.protocol`.

They validate request bodies (a body that does not fit is a 422, never a 500) and
describe the API in the OpenAPI document the hub serves. The contract itself lives in
``sync/protocol.py``; these follow it field by field.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from sync import protocol

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


class ReviewRequest(BaseModel):
    state: Literal["has_issues", "approved", "rejected"]
    note: Annotated[str, Field(max_length=4000)] | None = None
    epeople_no: Annotated[str, Field(max_length=40)] | None = None


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

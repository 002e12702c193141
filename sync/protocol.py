"""The sync protocol between a laptop and the hub, version 2: paths, shapes and the rules.

Both sides import this module and nothing else of each other (``sync`` never imports
``fieldbus``), so a change of contract is a change here, with ``PROTOCOL_VERSION`` raised
when an old peer could misread it. The hub serves the same contract as OpenAPI at
``/openapi.json``; ``docs/sync-protocol.md`` explains it for people.

Why it is shaped like this (DESIGN.md §5, from what went wrong for ODK, CommCare, DHIS2):

* **Idempotent pushes.** A record is its whole current state, named by the laptop's
  UUID and a version; the hub keys it by id. The same id with the same content hash is
  acknowledged again as ``duplicate`` (a resend after a lost answer is harmless). A new
  content hash is taken only when ``base_version`` equals the version the hub holds;
  otherwise it is a ``conflict``, kept on the hub for a person — never an overwrite.
* **Cases first, attachments after (version 2).** Blobs (attachments and the drawn
  signature) are addressed by SHA-256 and uploaded over tus 1.0 (``UPLOADS``): resumable
  from the last byte the hub holds, verified against their SHA-256 before they are kept.
  A record naming blobs this device has not uploaded yet is ``accepted`` with the list of
  them in ``awaiting`` (the case shows "첨부 수신 중" until they arrive): a case never
  waits for its photos on a slow link. Version 1 — ``HEAD``/``PUT`` before the push,
  ``missing_attachment`` for a record whose blobs are not there — is still served to a
  laptop that does not say it speaks 2. (A device neither learns which blobs others sent
  nor has its case served with a blob it has not uploaded itself.)
* **Only what the device made.** A receipt number (a complaint's ``receipt_no``, a
  counsel session's ``number``) starts with the pushing device's code and ends with a
  matching check character (:mod:`sync.receipt_check`), else the record is ``invalid``.
* **Recognised bodies only.** Every JSON answer carries ``"protocol": N`` — the version
  the request said it speaks (header ``Fieldbus-Protocol``, 1 when absent, so an old
  laptop reads a new hub's answers as it always did); a client treats anything else — a
  captive portal's 200 with HTML, garbage — as a failed attempt.
* **Compact on the wire.** A hub that lists ``gzip`` in ``HubInfo.encodings`` takes JSON
  bodies with ``Content-Encoding: gzip`` (inflated under the same cap: no zip bomb gets
  past ``MAX_JSON_BYTES``) and compresses its answers for ``Accept-Encoding: gzip``.
* **Quarantine, not blockage.** ``invalid`` says why a record can never be accepted as
  sent; the client sets it aside for a person and goes on with the rest.
* **A pull cursor that never skips.** The hub hands out changes in commit order and the
  cursor is opaque; the client applies a page in one transaction and stores the cursor in
  that same transaction.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any, Literal, NotRequired, TypedDict

PROTOCOL_VERSION = 2
#: The versions this code speaks. A hub answers each request in the version the request
#: says it speaks (``PROTOCOL_HEADER``; without it, 1); a laptop reads ``HubInfo``
#: first and speaks the newest version both know — or says which side to update.
PROTOCOLS = (1, 2)
PROTOCOL_HEADER = "Fieldbus-Protocol"
HUB_NAME = "fieldbus-hub"

# -- paths ------------------------------------------------------------------------------
ROOT = "/"                                   # GET → HubInfo (no auth)
LOGIN = "/api/v1/auth/login"                 # POST LoginRequest → LoginResponse (people)
LOGOUT = "/api/v1/auth/logout"               # POST → {"protocol": 1}: ends the person token
ENROL = "/api/v1/devices/enrol"              # POST EnrolRequest → EnrolResponse
PUSH = "/api/v1/push"                        # POST PushRequest → PushResponse (device token)
PULL = "/api/v1/pull"                        # GET ?cursor=…&limit=… → PullResponse (device)
ATTACHMENT = "/api/v1/attachments/{sha256}"  # HEAD / PUT raw bytes (device token; v1)
UPLOADS = "/api/v1/uploads"                  # tus 1.0: OPTIONS; POST creates (device token)
UPLOAD = "/api/v1/uploads/{upload_id}"       # tus 1.0: HEAD offset, PATCH bytes, DELETE
CASES = "/api/v1/cases"                      # GET → list for supervisors (person token)
STATS = "/stats"                               # the open statistics: page, .json, .csv
OPEN311 = "/open311/v2"                        # Open311 GeoReport v2, read-only
#: How often one client may open the public pages (status page …) before a 429 (a
#: ``limits`` rate string; ``fieldbus-hub serve --public-rate``).
PUBLIC_RATE = "60/minute"
CASES_SUMMARY = "/api/v1/cases/summary"      # GET → the dashboard's counts, same filters
#: The summary's key (and label) for the visits and regions past its largest ones, summed.
SUMMARY_OTHER = "기타"
CASE = "/api/v1/cases/{receipt_no}"          # GET → one case (person token; ETag)
CASE_HISTORY = "/api/v1/cases/{receipt_no}/history"  # GET → the case's every step
CASE_ATTACHMENT = "/api/v1/cases/{receipt_no}/attachments/{sha256}"  # GET → bytes (person)
CASE_RESOLVE = "/api/v1/cases/{receipt_no}/resolve"  # POST ResolveRequest (supervisor)
NOTICES = "/api/v1/notices"                  # GET → the petitioners' notices (supervisor)
EPEOPLE_QUEUE = "/api/v1/epeople/queue"      # GET → the hand-off to e-People (supervisor)
REVIEW = "/api/v1/cases/{receipt_no}/review"  # POST ReviewRequest (supervisor token;
                                             #   If-Match: the case_version; the path
                                             #   takes the receipt number or the case's id)
STATUS_PAGE = "/r/{receipt_no}"              # GET ?c=code → public, masked HTML page
VISITS = "/api/v1/visits"                   # GET → visits with their cases (person token)
AUDIT_HEAD = "/api/v1/audit/head"           # GET → AuditHeadAnswer; POST AuditHeadReport
                                            #   (device token): see below
AUDIT_HEADS = "/api/v1/audit/heads"         # GET → every device's vouched head (supervisor)

AUTH_HEADER = "Authorization"                # "Bearer <token>", people and devices alike

#: The error code of an enrolment under a device code IT has not registered (403).
DEVICE_NOT_REGISTERED = "device_not_registered"

#: Device codes starting with this belong to training stores (made-up cases): a laptop
#: refuses to sync one, and the hub refuses to enrol one.
TRAINING_DEVICE_PREFIX = "EDU"

MAX_BATCH = 500                   # records in one push
#: tus 1.0 (https://tus.io/protocols/resumable-upload): the version, the extensions the
#: hub serves, and the checksum algorithm. The blob's SHA-256 (hex) goes in the creation's
#: ``Upload-Metadata`` as ``sha256`` (base64, as tus has it); the hub verifies the whole
#: upload against it before keeping it, and a per-request ``Upload-Checksum: sha256 …``
#: when a tus client sends one (460 on a mismatch, the request's bytes dropped).
TUS_VERSION = "1.0.0"
TUS_EXTENSIONS = "creation,creation-with-upload,checksum,expiration,termination"
TUS_CHECKSUM = "sha256"
TUS_CONTENT_TYPE = "application/offset+octet-stream"
#: An upload left unfinished this long after its last bytes is deleted (its partial bytes
#: with it): a laptop that comes back later starts that file again from the first byte.
UPLOAD_EXPIRY_SECONDS = 72 * 3600
#: Content codings a hub of version 2 takes for JSON bodies and offers for its answers.
ENCODINGS = ("gzip",)
MAX_ATTACHMENT_BYTES = 20 * 2**20  # the laptop refuses bigger files at attach time too
PULL_LIMIT = 500
#: A JSON request body is at most this many bytes (413 ``too_large``, refused as soon as
#: it is known: from ``Content-Length`` before reading, else while reading). A batch of
#: MAX_BATCH records must also fit: a client cuts a batch short before it gets bigger.
MAX_JSON_BYTES = 4 * 2**20
#: Attachment bytes the hub keeps for one device in all, unless the hub sets another
#: figure (``fieldbus-hub serve --device-blob-quota MIB``): past it, an upload is refused
#: with 507 ``quota_exceeded`` (the laptop keeps the file and retries on a later sync).
DEVICE_BLOB_QUOTA_BYTES = 2 * 2**30

#: Password guessing (login and enrolment): after this many wrong passwords for one
#: account within LOGIN_WINDOW_SECONDS, from anywhere, every attempt on that account is
#: 429 ``too_many_attempts`` with ``Retry-After`` until the oldest leaves the window; the
#: same after LOGIN_CLIENT_FAILURES wrong passwords from one client address (any
#: accounts). When the hub's password checker is saturated it answers 503 ``busy``
#: with ``Retry-After``.
LOGIN_WINDOW_SECONDS = 60
LOGIN_ACCOUNT_FAILURES = 10
LOGIN_CLIENT_FAILURES = 30

#: A person's token ends when unused for PERSON_TOKEN_IDLE_SECONDS, and in any case
#: PERSON_TOKEN_LIFETIME_SECONDS after login (401 ``unauthorized``: sign in again), or
#: at ``POST LOGOUT``. Device tokens do not expire: IT revokes them.
PERSON_TOKEN_IDLE_SECONDS = 60 * 60
PERSON_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60

RecordType = Literal["complaint", "counsel", "visit"]
Outcome = Literal["accepted", "duplicate", "conflict", "invalid", "missing_attachment"]
#: The case's attachments are on their way (accepted before them, version 2).
AWAITING_ATTACHMENTS = "첨부 수신 중"
ReviewState = Literal["received", "has_issues", "edited", "approved", "rejected", "forwarded",
                      "closed"]
Role = Literal["officer", "counsel", "supervisor"]
#: The steps a supervisor takes on a case (``POST REVIEW`` ``action``; sync/hub/workflow.py).
REVIEW_ACTIONS = ("return", "approve", "reject", "forward", "extend", "transfer", "assign",
                  "close")

#: Outcomes after which the laptop's outbox row is done (acknowledged by the hub).
ACKNOWLEDGED: frozenset[str] = frozenset({"accepted", "duplicate"})
#: Outcomes a person must look at; the row leaves the queue without blocking it.
NEEDS_ATTENTION: frozenset[str] = frozenset({"conflict", "invalid"})
#: Outcomes that are retried on the next push (after uploading what was missing).
RETRY: frozenset[str] = frozenset({"missing_attachment"})


class HubInfo(TypedDict):
    name: str        # HUB_NAME
    version: str     # the hub's software version
    protocol: int    # as in every answer, the version the request speaks (PROTOCOLS)
    # Version 2 on: every version it speaks, the content codings it takes for JSON bodies,
    # and where tus uploads are created. A hub of version 1 has none of these.
    protocols: NotRequired[list[int]]
    encodings: NotRequired[list[str]]
    uploads: NotRequired[str]


class LoginRequest(TypedDict):
    username: str
    password: str


class LoginResponse(TypedDict):
    protocol: int
    token: str
    role: Role


class EnrolRequest(TypedDict):
    """A laptop asks to be registered under its device code.

    The code must have been registered at the hub by IT first (``fieldbus-hub device add
    CODE``), else 403 ``device_not_registered``: an officer's password alone cannot take a
    bus's code before its laptop arrives. ``device_key`` is a random secret the laptop
    made at setup and keeps in its store: the hub stores only its SHA-256. Asking again
    with the same code and key (an answer lost on the way) succeeds and issues a fresh
    token; the same code with another key is refused (409 ``device_code_taken``); a
    revoked code is refused (403 ``device_revoked``).
    ``qr_secret`` is the laptop's install secret (hex) that keys its receipts' QR codes;
    the hub keeps the first one it is given for a code and returns it.
    """
    protocol: int
    username: str
    password: str
    device: str
    device_key: str
    qr_secret: str


class EnrolResponse(TypedDict):
    protocol: int
    device: str
    token: str          # revocable device token: to the OS keyring, never a file or a log
    public_url: str     # --public-url, else the address the laptop reached the hub at
    qr_secret: str
    # The centre's recovery public key (PEM, X25519), when the hub was given one: the
    # laptop seals its store's key to it (docs/security.md §2). Absent or null otherwise.
    recovery_public_key: NotRequired[str | None]


class BlobRef(TypedDict):
    sha256: str
    size: int


class AttachmentRef(BlobRef):
    filename: str
    media_type: str


class PushRecord(TypedDict):
    """One outbox entry: the record's whole state at ``version``.

    ``content`` for a complaint holds ``receipt_no``, ``kind``, ``title``, ``body``,
    ``agency``, ``region``, ``channel``, ``petitioner`` (object or null), ``consent``,
    ``disclosure``, ``notify_by``, ``outcome``, ``referred_to``, ``received_at``,
    ``deadline``, ``status``, ``visit`` (object or null), ``signature`` (BlobRef or null)
    and ``attachments`` (list of AttachmentRef). A counsel session holds ``number``,
    ``appellant``, ``disposition``, ``eligibility``, ``counsel``, ``notes`` (confidential:
    the hub never shows them to officers), ``outcome``, ``appeal_deadline`` and
    ``received_at`` (and ``visit``, as a complaint's). A visit holds ``date``, ``venue``,
    ``region``, ``team`` (list of names), ``opened_at``, ``opened_by``, ``closed_at`` and
    ``closed_by`` (null while it is open; officers by name): version 1 when opened, 2 when
    closed. ``content_hash`` is :func:`content_hash` of ``content``.
    """
    type: RecordType
    id: str
    version: int
    base_version: int | None
    content_hash: str
    content: dict[str, Any]


class PushRequest(TypedDict):
    protocol: int
    device: str
    records: list[PushRecord]


class PushResult(TypedDict):
    id: str
    version: int
    outcome: Outcome
    reason: str | None   # for conflict / invalid / missing_attachment: words for a person
    # Version 2: for accepted and duplicate, the SHA-256 of every blob the record names
    # that this device has not uploaded yet (upload them; the case completes when they
    # arrive). Absent from version-1 answers.
    awaiting: NotRequired[list[str]]


class PushResponse(TypedDict):
    protocol: int
    results: list[PushResult]   # one per pushed record, same order


class Change(TypedDict):
    """Something the centre decided about one of this laptop's cases."""
    seq: int
    type: Literal["review"]
    id: str                 # the complaint's id (the laptop's UUID)
    receipt_no: str
    review_state: ReviewState
    review_note: str | None
    status: str | None      # e.g. forwarded to an agency
    epeople_no: str | None
    at: str                 # ISO 8601


class PullResponse(TypedDict):
    protocol: int
    changes: list[Change]
    cursor: str    # opaque; send it back as ?cursor= next time (absent/empty = start)
    more: bool


class ReviewRequest(TypedDict):
    state: Literal["has_issues", "approved", "rejected"]
    note: str | None
    epeople_no: str | None


# -- the audit chain's head ----------------------------------------------------------------
# With every sync the laptop reports the head of its hash-chained audit log; the hub keeps
# the heads it vouched for. Each entry's hash chains every entry before it, so history
# rewritten before a vouched entry — entries deleted or edited and the chain hashed again
# — changes that entry's hash. The laptop first asks (GET) which entry the hub last
# vouched for and then reports (POST) its head together with the hash its own chain has at
# that entry now; the hub flags the device for supervisors when that hash differs, when
# the head went backwards, or when the laptop's own check of the chain fails. The seq to
# answer for comes from the hub, never from what the laptop remembers.


class AuditHead(TypedDict):
    seq: int
    hash: str


class VouchedHead(AuditHead):
    at: str        # when the hub vouched for it (ISO 8601)


class AuditHeadAnswer(TypedDict):
    """GET and POST ``AUDIT_HEAD``: what the hub vouches for now for this device."""
    protocol: int
    vouched: VouchedHead | None
    flagged: bool
    problem: str | None   # why the device is flagged, in words for a person


class AuditHeadReport(TypedDict):
    """POST ``AUDIT_HEAD``: ``at_vouched`` is ``{"seq": S, "hash": h}`` for the entry ``S``
    the GET named (``h`` the hash the laptop's chain has there now, null when it has no
    such entry), null when the hub vouched for nothing yet. A ``seq`` other than the
    hub's latest is answered 409 ``audit_head_moved`` (ask again), never a flag."""
    protocol: int
    device: str
    seq: int
    hash: str
    intact: bool    # the laptop's own walk of the whole chain held
    at_vouched: dict[str, Any] | None


class ErrorBody(TypedDict):
    protocol: int
    error: dict[str, str]   # {"code": "...", "message": "..."}


# -- helpers both sides use -----------------------------------------------------------


def canonical_json(value: Any) -> bytes:
    """The bytes a content hash is taken over: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def content_hash(content: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(content)).hexdigest()


def is_sha256(text: str) -> bool:
    return len(text) == 64 and all(c in "0123456789abcdef" for c in text)


def recognised(body: Any) -> bool:
    """True when ``body`` (parsed JSON) speaks this protocol — not a captive portal's page."""
    return isinstance(body, dict) and body.get("protocol") in PROTOCOLS


# -- the QR on a receipt ------------------------------------------------------------------
# The hub shows a case's progress at ``{public URL}/r/{receipt_no}?c={code}``. Receipt
# numbers are sequential, so the number alone would let anyone walk through every case.
# ``code`` is an HMAC-SHA256 of the receipt number keyed by the laptop's install secret
# (32 random bytes, hex, which the hub learns at enrolment), cut to its first 10 base32
# characters (50 bits): only the receipt's holder and the hub know it. Before the laptop
# is enrolled there is no hub URL; the QR then carries the number and the code alone,
# which an officer or the 110 call centre can still check later.

STATUS_CODE_LENGTH = 10


def status_code(receipt_no: str, secret_hex: str) -> str:
    """``status_code("B07A-261126-0001-K", secret)`` → e.g. ``"M3Q7ZK2D5A"`` (A–Z, 2–7)."""
    digest = hmac.new(bytes.fromhex(secret_hex), receipt_no.encode("ascii"),
                      hashlib.sha256).digest()
    return base64.b32encode(digest).decode("ascii")[:STATUS_CODE_LENGTH]


def status_code_matches(receipt_no: str, code: str, secret_hex: str) -> bool:
    # compare_digest refuses non-ASCII text (TypeError): such a code is simply wrong.
    return code.isascii() and hmac.compare_digest(status_code(receipt_no, secret_hex),
                                                  code.upper())


def status_link(receipt_no: str, code: str, hub_url: str | None) -> str:
    """What the QR carries: the status page's URL, or before enrolment ``"{number} {code}"``."""
    if not hub_url:
        return f"{receipt_no} {code}"
    return f"{hub_url.rstrip('/')}/r/{receipt_no}?c={code}"

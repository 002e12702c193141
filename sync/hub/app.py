"""The hub's HTTP API (FastAPI): the server side of ``sync/protocol.py``.

Every answer but the public status page is JSON carrying ``"protocol": 1`` — errors too
(``{"protocol": 1, "error": {"code", "message"}}``), so a laptop can tell the hub from a
captive portal. A body that does not fit the models is a 422; a database that is down is
a 503 the laptop retries. Nothing here logs a token, a password, a request body or a
query string (receipt numbers and QR codes travel in those): the access log below writes
method, path shape, status and time only.

(No ``from __future__ import annotations`` here: FastAPI reads the dependencies from the
annotations of functions defined inside :func:`create_app`, which must be real objects.)
"""

import functools
import logging
import re
import time
from collections.abc import Callable
from contextlib import asynccontextmanager
from datetime import date
from typing import Annotated, Any, Literal, get_args

import sqlalchemy as sa
from fastapi import Depends, FastAPI, Header, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from sync import protocol
from sync.hub import (__version__, audit_heads, auth, blobs, cases, feed, models, push,
                      status_page, visits)
from sync.controls import find_control
from sync.hub import case_queue, case_summary
from sync.hub import conflicts as hub_conflicts
from sync.hub import guards, open311, read_audit, signin, uploads, wire, workflow
from sync.hub.wire import HubJSON
from sync.hub.auth import Device, HubError, Person
from sync.hub.db import Checkpointer, connect, reader
from sync.hub.public_limit import PublicLimit

log = logging.getLogger("fieldbus_hub.access")
_bearer = HTTPBearer(auto_error=False, description="`Bearer <token>`: a person's token from "
                     "login, or a device's token from enrolment")
Sha256Path = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")]
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": models.ErrorBody} for code in (401, 403, 404, 409, 413, 422)}
_SIGN_IN_ERRORS: dict[int | str, dict[str, Any]] = {
    **_ERRORS, 429: {"model": models.ErrorBody, "description": "too many wrong passwords "
                     "for this account or from this client (`Retry-After`)"},
    503: {"model": models.ErrorBody, "description": "busy checking passwords, or the "
          "database is down (`Retry-After`)"}}


def _error(status: int, code: str, message: str, headers: dict[str, str] | None = None
           ) -> HubJSON:
    return HubJSON({"protocol": protocol.PROTOCOL_VERSION,
                    "error": {"code": code, "message": message}},
                   status_code=status, headers=headers)


#: A receipt number anywhere in a path (``/r/B07A-…``, ``/api/v1/cases/B07A-…/history``),
#: in any case: the access log shows it as ``…``.
_RECEIPT_IN_PATH = re.compile(r"[A-Z0-9]{2,6}-\d{6}-\d{4}-[0-9A-Z]", re.IGNORECASE)


class AccessLog:
    """Pure ASGI middleware: one line per request, with no query string and no receipt
    number (status page paths are logged as ``/r/…``, a case's as ``/api/v1/cases/…``)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started, status = time.perf_counter(), [0]

        async def sending(message):
            if message["type"] == "http.response.start":
                status[0] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            path = scope["path"]
            shown = "/r/…" if path.startswith("/r/") else _RECEIPT_IN_PATH.sub("…", path)[:80]
            log.info("%s %s %s %.1fms", scope["method"], shown, status[0],
                     (time.perf_counter() - started) * 1000)


def create_app(db_url: str, *, public_url: str | None = None,
               engine: sa.Engine | None = None,
               recovery_public_key: str | None = None,
               device_blob_quota: int = protocol.DEVICE_BLOB_QUOTA_BYTES,
               epeople=None, public_rate: str = protocol.PUBLIC_RATE) -> FastAPI:
    """The hub on the database at ``db_url`` (migrated on creation).

    ``public_url`` is what laptops are told to print in QR codes; without it, the address
    the laptop reached the hub at. ``recovery_public_key``: the centre's recovery public
    key (PEM, ``sync.hub.recovery``), sent to every laptop that enrols.
    ``device_blob_quota``: attachment bytes kept per device (507 ``quota_exceeded`` past it).
    ``epeople``: a connector (sync/hub/epeople/) the forwarded cases are sent through, on
    a thread of their own, while the hub serves; without one they wait for an export.
    ``public_rate``: how often one client may open the public pages (429 past it).
    """
    engine = engine or connect(db_url)
    passwords = signin.PasswordChecker()
    public = PublicLimit(public_rate)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        checkpointer = Checkpointer.start(engine)
        handoff = None
        if epeople is not None:
            from sync.hub.epeople.worker import Handoff

            handoff = Handoff(engine, epeople)
        yield
        if handoff is not None:
            await run_in_threadpool(handoff.stop)
        if checkpointer is not None:
            await run_in_threadpool(checkpointer.stop)
        passwords.close()

    # No /docs or /redoc: FastAPI's pages load Swagger UI and ReDoc from a third-party CDN.
    # The document itself is /openapi.json (and docs/openapi.json).
    app = FastAPI(title="Fieldbus hub", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None, default_response_class=HubJSON, max_body_size=protocol.MAX_JSON_BYTES,
                  description="The sync protocol between Fieldbus laptops and the hub "
                  "(`sync/protocol.py`, explained in `docs/sync-protocol.md`).")
    app.state.engine = engine
    # Outside everything (the 500 answers of Starlette's outermost error handler and the
    # 413 of FastAPI's body limit included): headers, the log line, the declared-size cap.
    build_stack = app.build_middleware_stack
    app.build_middleware_stack = lambda: guards.SecurityHeaders(AccessLog(wire.Spoken(
        guards.DeclaredBodyCap(wire.Inflate(wire.Compress(build_stack()))))))

    # -- errors: always JSON with "protocol" --------------------------------------------
    @app.exception_handler(HubError)
    async def _hub_error(_request: Request, exc: HubError):
        return _error(exc.status, exc.code, exc.message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        # The input itself is never echoed: it may hold a password or personal data.
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        if request.url.path.startswith(protocol.OPEN311 + "/"):
            return open311_error(request.url.path, open311.Open311Error(
                400, f"{where}: {first.get('msg', 'invalid')}"))
        return _error(422, "invalid_request", f"{where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith(protocol.OPEN311 + "/"):
            return open311_error(request.url.path, open311.Open311Error(
                exc.status_code, "no such Open311 resource" if exc.status_code == 404
                else str(exc.detail)))
        code = {404: "not_found", 405: "method_not_allowed",
                413: "too_large"}.get(exc.status_code, "http_error")
        return _error(exc.status_code, code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(sa.exc.DataError)
    async def _unstorable(_request: Request, _exc: sa.exc.DataError):
        # e.g. a NUL character, which PostgreSQL text cannot hold: bad input, not a failure
        return _error(422, "invalid_request", "a value the hub cannot store")

    @app.exception_handler(sa.exc.OperationalError)
    async def _store_down(_request: Request, _exc: sa.exc.OperationalError):
        return _error(503, "store_unavailable", "the hub's database is unavailable; retry",
                      {"Retry-After": "5"})

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception):
        logging.getLogger("fieldbus_hub").error("internal error: %s", type(exc).__name__)
        return _error(500, "internal_error", "the hub failed; retry later")

    def open311_error(path_or_format: str, error: open311.Open311Error) -> Response:
        """An Open311 error in the spec's format: XML when the path (or format) asks."""
        entries, document = open311.errors(error)
        headers = {"Retry-After": "60"} if error.status == 429 else None
        if path_or_format.endswith("xml"):
            return Response(document, status_code=error.status, headers=headers,
                            media_type="text/xml; charset=utf-8")
        return HubJSON(entries, status_code=error.status, headers=headers)

    # -- who is calling: looked up again on every request ------------------------------
    Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]

    def _caller(credentials: HTTPAuthorizationCredentials | None, find, other, needed: str):
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise HubError(401, "unauthorized", "a bearer token is needed")
        with reader(engine).connect() as conn:
            found = find(conn, credentials.credentials)
            if found is None and other(conn, credentials.credentials) is not None:
                raise HubError(403, f"{needed}_token_needed", f"this call needs a {needed} token")
        if found is None:
            raise HubError(401, "unauthorized", "unknown, replaced or revoked token, or a "
                           "disabled user")
        return found

    def device(credentials: Credentials) -> Device:
        return _caller(credentials, auth.device_for_token, auth.person_for_token, "device")

    def person(credentials: Credentials) -> Person:
        who = _caller(credentials, auth.person_for_token, auth.device_for_token, "person")
        if who.stale:  # idle expiry counts from here; written at most once a minute
            auth.touch_person_token(engine, credentials.credentials)
        return who

    def _client(request: Request) -> str:
        # uvicorn's: the peer, or what the trusted proxy says in X-Forwarded-For
        return request.client.host if request.client else "unknown"

    def supervisor(who: Annotated[Person, Depends(person)]) -> Person:
        if who.role != "supervisor":
            raise HubError(403, "forbidden", "only a supervisor may review cases")
        return who

    # -- the API ------------------------------------------------------------------------
    @app.get(protocol.ROOT, response_model=models.HubInfo)
    def root() -> dict[str, Any]:
        """The hub's name, software version and protocol version (no sign-in)."""
        return {"name": protocol.HUB_NAME, "version": __version__,
                "protocol": protocol.PROTOCOL_VERSION, "protocols": list(protocol.PROTOCOLS),
                "encodings": list(protocol.ENCODINGS), "uploads": protocol.UPLOADS}

    @app.post(protocol.LOGIN, response_model=models.LoginResponse, responses=_SIGN_IN_ERRORS)
    async def login(body: models.LoginRequest, request: Request) -> dict[str, Any]:
        """A person signs in: a bearer token for the centre's calls (cases, review),
        ending after an hour unused, twelve hours after login, or at logout. Wrong
        passwords are throttled per account and per client (429)."""
        row = await signin.check(engine, passwords, body.username, body.password,
                                 _client(request), action="login")
        token = await run_in_threadpool(auth.issue_person_token, engine, row.id)
        return {"protocol": protocol.PROTOCOL_VERSION, "token": token, "role": row.role}

    @app.post(protocol.LOGOUT, response_model=models.LogoutResponse, responses=_ERRORS)
    def logout(who: Annotated[Person, Depends(person)], credentials: Credentials
               ) -> dict[str, Any]:
        """Ends the person token this request carries (401 for it from now on)."""
        auth.logout(engine, credentials.credentials, who)
        return {"protocol": protocol.PROTOCOL_VERSION}

    @app.post(protocol.ENROL, response_model=models.EnrolResponse, responses=_SIGN_IN_ERRORS)
    async def enrol(body: models.EnrolRequest, request: Request) -> dict[str, Any]:
        """A laptop enrols under its device code with a person's password: a device token.
        The code must be registered by IT first (403 ``device_not_registered``).
        Retry-safe: the same code and key again get a fresh token (409 for another key,
        403 for a revoked code)."""
        await signin.check(engine, passwords, body.username, body.password, _client(request))
        token, secret = await run_in_threadpool(functools.partial(
            auth.enrol, engine, username=body.username, password=body.password,
            code=body.device, device_key=body.device_key, qr_secret=body.qr_secret.lower(),
            verified=True))
        return {"protocol": protocol.PROTOCOL_VERSION, "device": body.device, "token": token,
                "public_url": public_url or str(request.base_url).rstrip("/"),
                "qr_secret": secret, "recovery_public_key": recovery_public_key}

    @app.post(protocol.PUSH, response_model=models.PushResponse, responses=_ERRORS)
    def push_records(body: models.PushRequest,
                     who: Annotated[Device, Depends(device)]) -> HubJSON:
        """A batch of outbox records: one result per record, in order (accepted,
        duplicate, conflict, invalid or missing_attachment). One transaction."""
        if body.device != who.code:
            raise HubError(403, "wrong_device", "the batch names another device than the "
                           "token's")
        batch = [record.model_dump() for record in body.records]
        # Built by the hub itself, so not validated again against the response model.
        return HubJSON({"protocol": protocol.PROTOCOL_VERSION,
                             "results": push.push(engine, who, batch,
                                                  early=wire.spoken() >= 2)})

    @app.get(protocol.PULL, response_model=models.PullResponse, responses=_ERRORS)
    def pull(who: Annotated[Device, Depends(device)],
             cursor: Annotated[str | None, Query(max_length=200)] = None,
             limit: Annotated[int, Query(ge=1, le=protocol.PULL_LIMIT)] = protocol.PULL_LIMIT,
             ) -> dict[str, Any]:
        """The centre's decisions about this laptop's cases after ``cursor``, in commit
        order; ``more`` says another page waits."""
        try:
            return feed.pull(engine, who.id, cursor, limit)
        except feed.BadCursor as exc:
            raise HubError(422, "bad_cursor", str(exc)) from None

    @app.head(protocol.ATTACHMENT, responses={**_ERRORS,
                                              200: {"description": "this device uploaded it"},
                                              404: {"description": "this device did not "
                                                    "upload it"}})
    def attachment_held(sha256: Sha256Path,
                        who: Annotated[Device, Depends(device)]) -> Response:
        """200 when the hub holds the blob with this SHA-256 from this device, 404 when
        it does not (whether another device uploaded it is not told)."""
        size = blobs.size_of(engine, sha256, who.id)
        if size is None:
            return Response(status_code=404)
        return Response(status_code=200, headers={"Content-Length": str(size)})

    @app.put(protocol.ATTACHMENT, response_model=models.AttachmentStored,
             responses={201: {"model": models.AttachmentStored}, **_ERRORS,
                        507: {"model": models.ErrorBody, "description": "this device's "
                              "attachments fill its quota (`quota_exceeded`)"}},
             max_body_size=protocol.MAX_ATTACHMENT_BYTES,
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/octet-stream": {"schema": {"type": "string",
                                                         "format": "binary"}}}}})
    async def attachment_upload(sha256: Sha256Path, request: Request,
                                who: Annotated[Device, Depends(device)]) -> Response:
        """Upload a blob's raw bytes; verified against the SHA-256 in the path (422),
        at most MAX_ATTACHMENT_BYTES (413). 201 stored for this device, 200 this device
        had uploaded it already. 507 ``quota_exceeded`` when the device's attachments
        would pass its quota."""
        declared = request.headers.get("content-length", "")
        room = await run_in_threadpool(blobs.room_left, engine, sha256, who.id,
                                       device_blob_quota)
        if declared.isdigit() and int(declared) > room:
            raise _over_quota(device_blob_quota)
        incoming = await _receive(request)
        if incoming.size > room:
            raise _over_quota(device_blob_quota)
        try:
            stored = await run_in_threadpool(functools.partial(
                blobs.store, engine, sha256, incoming, who.id,
                then=lambda conn: push.arrived(conn, who.id, sha256)))
        except blobs.HashMismatch as exc:
            raise HubError(422, "hash_mismatch", str(exc)) from None
        return HubJSON({"protocol": protocol.PROTOCOL_VERSION, "sha256": sha256,
                             "size": incoming.size}, status_code=201 if stored else 200)

    # -- resumable uploads: tus 1.0 (sync/hub/uploads.py) ----------------------------
    tus_errors = {**_ERRORS, 409: {"model": models.ErrorBody, "description": "the offset is "
                                   "not the one the hub holds (`Upload-Offset` says it)"},
                  410: {"model": models.ErrorBody, "description": "the upload expired"},
                  412: {"description": "not `Tus-Resumable: 1.0.0`"},
                  460: {"model": models.ErrorBody, "description": "Upload-Checksum mismatch"},
                  507: {"model": models.ErrorBody, "description": "over the device's quota"}}

    @app.options(protocol.UPLOADS, status_code=204, responses={204: {"description": "tus"}})
    def tus_options() -> Response:
        """What the hub's tus server offers (no sign-in): version, extensions, sizes."""
        return Response(status_code=204, headers={
            **_TUS, "Tus-Version": protocol.TUS_VERSION,
            "Tus-Extension": protocol.TUS_EXTENSIONS,
            "Tus-Max-Size": str(protocol.MAX_ATTACHMENT_BYTES),
            "Tus-Checksum-Algorithm": protocol.TUS_CHECKSUM})

    @app.post(protocol.UPLOADS, status_code=201, responses={
        201: {"description": "created: `Location`, `Upload-Offset`, `Upload-Expires`"},
        **tus_errors}, max_body_size=protocol.MAX_ATTACHMENT_BYTES,
        openapi_extra={"requestBody": {"required": False, "content": {
            protocol.TUS_CONTENT_TYPE: {"schema": {"type": "string", "format": "binary"}}}}})
    async def tus_create(request: Request, who: Annotated[Device, Depends(device)],
                         upload_length: Annotated[int, Header(ge=1)],
                         upload_metadata: Annotated[str, Header(max_length=1000)]
                         ) -> Response:
        """Creates an upload of `Upload-Length` bytes of the blob named in `Upload-Metadata`
        (`sha256 <base64 of the hex digest>`); with a body (creation-with-upload) its
        first bytes too. The same device and blob again: the same upload."""
        _tus_version(request)
        sha256 = _tus(uploads.metadata_sha256, upload_metadata)
        upload = await run_in_threadpool(_tus, uploads.create, engine, who.id, sha256,
                                         upload_length, device_blob_quota)
        if _has_body(request) and not upload.done:
            upload = await _tus_receive(request, upload, 0 if upload.received == 0 else None)
        if not upload.saved:  # no bytes came with it
            await run_in_threadpool(uploads.save, engine, upload)
        return Response(status_code=201, headers={
            **_TUS, "Location": protocol.UPLOAD.format(upload_id=upload.id),
            "Upload-Offset": str(upload.received), "Upload-Expires": upload.expires_http})

    @app.head(protocol.UPLOAD, responses={200: {"description": "`Upload-Offset`, "
                                                "`Upload-Length`"}, **tus_errors})
    def tus_offset(upload_id: UploadId, request: Request,
                   who: Annotated[Device, Depends(device)]) -> Response:
        """How many bytes of the upload the hub holds (`Upload-Offset`): where to go on."""
        _tus_version(request)
        upload = _tus_find(upload_id, who)
        return Response(status_code=200, headers={
            **_TUS, "Upload-Offset": str(upload.received), "Upload-Length": str(upload.length),
            "Upload-Expires": upload.expires_http})

    @app.patch(protocol.UPLOAD, status_code=204, responses={
        204: {"description": "the bytes are kept: the new `Upload-Offset`"}, **tus_errors},
        max_body_size=protocol.MAX_ATTACHMENT_BYTES, openapi_extra={"requestBody": {"required": True, "content": {
            protocol.TUS_CONTENT_TYPE: {"schema": {"type": "string", "format": "binary"}}}}})
    async def tus_append(upload_id: UploadId, request: Request,
                         who: Annotated[Device, Depends(device)],
                         upload_offset: Annotated[int, Header(ge=0)]) -> Response:
        """Appends the body at `Upload-Offset`, which must be the hub's (409 else, with
        it). Bytes that arrive before a cut are kept. The last byte verifies the blob
        against its SHA-256 (422 `hash_mismatch`: the upload is deleted, start again)."""
        _tus_version(request)
        if request.headers.get("content-type", "").split(";")[0].strip() \
                != protocol.TUS_CONTENT_TYPE:
            raise HubError(415, "bad_content_type",
                           f"tus bytes are sent as {protocol.TUS_CONTENT_TYPE}")
        upload = await run_in_threadpool(_tus_find, upload_id, who)
        upload = await _tus_receive(request, upload, upload_offset)
        return Response(status_code=204, headers={
            **_TUS, "Upload-Offset": str(upload.received), "Upload-Expires": upload.expires_http})

    @app.delete(protocol.UPLOAD, status_code=204, responses={204: {"description": "deleted"},
                                                             **tus_errors})
    def tus_terminate(upload_id: UploadId, request: Request,
                      who: Annotated[Device, Depends(device)]) -> Response:
        """Deletes an upload and the bytes it holds (tus termination)."""
        _tus_version(request)
        _tus_find(upload_id, who)
        uploads.discard(engine, upload_id)
        return Response(status_code=204, headers=_TUS)

    def _tus_find(upload_id: str, who: Device) -> uploads.Upload:
        upload = _tus(uploads.find, engine, upload_id, who.id)
        if upload is None:
            raise _TusError(404, "not_found", "no such upload for this device")
        return upload

    async def _tus_receive(request: Request, upload: uploads.Upload,
                           start: int | None) -> uploads.Upload:
        """Appends the request's body at ``start``, hashed as it arrives; what arrived
        before a cut is kept (unless an ``Upload-Checksum`` asks for all or nothing)."""
        if start is None:  # creation-with-upload of an upload begun before: go on from HEAD
            return upload
        if start != upload.received:
            raise _TusError(409, "offset_mismatch", f"the hub holds {upload.received} bytes "
                            f"of this upload, not {start}",
                            {"Upload-Offset": str(upload.received)})
        digest = _tus(uploads.checksum, request.headers.get("upload-checksum"))
        room = upload.length - start
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > room:
            raise _TusError(413, "too_large", "more bytes than the upload's Upload-Length")
        incoming = blobs.Incoming(room)
        try:
            async for chunk in request.stream():
                incoming.add(chunk)
        except blobs.TooLarge:
            raise _TusError(413, "too_large", "more bytes than the upload's Upload-Length"
                            ) from None
        except ClientDisconnect:  # the link dropped: keep what came (nobody reads the answer)
            if digest is not None or not incoming.size:
                return upload
        else:
            if digest is not None and incoming.digest() != digest:
                raise _TusError(460, "checksum_mismatch", "the bytes do not match "
                                "Upload-Checksum; none of them were kept")
        return await run_in_threadpool(_tus, uploads.append, engine, upload, start, incoming)

    @app.get(protocol.CASES_SUMMARY, response_model=models.SummaryResponse,
             responses=_ERRORS)
    def summarise_cases(who: Annotated[Person, Depends(person)],
                        filters: Annotated[case_queue.Filters, Depends(queue_filters)]
                        ) -> dict[str, Any]:
        """The dashboard's counts over what ``GET /api/v1/cases`` with the same filters
        would list to the same person: by visit, province and region, kind, review
        state, on-site outcome and month; overdue, due within 7 days, forwarded and the
        median days from receipt to forwarding. Counts only: no case text, no person."""
        return {"protocol": protocol.PROTOCOL_VERSION,
                **case_summary.summary(engine, who, filters)}

    @app.get(protocol.CASES, response_model=models.CasesResponse, responses=_ERRORS)
    def list_cases(who: Annotated[Person, Depends(person)],
                   filters: Annotated[case_queue.Filters, Depends(queue_filters)],
                   limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                   offset: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0) -> dict[str, Any]:
        """The review queue: supervisors see every case; others the cases of the laptops
        they enrolled, without counsel notes (officers) or a reporter's identity. Filters
        combine (``device`` and ``state`` take comma lists; ``region`` matches from its
        start; ``q`` finds text inside Korean words); ``order=due`` puts overdue and
        due-soon first. ``total`` counts the filtered cases up to 1,000
        (``total_capped`` beyond); ``next_offset`` is null on the last page."""
        found = cases.page(engine, who, filters, limit=limit, offset=offset)
        read_audit.record_reads(engine, who.name, "case_read",
                                [case["receipt_no"] or case["id"] for case in found["cases"]])
        return {"protocol": protocol.PROTOCOL_VERSION, **found}

    @app.get(protocol.CASE, response_model=models.CaseResponse, responses=_ERRORS)
    def get_case(receipt_no: Annotated[str, Path(max_length=64)],
                 who: Annotated[Person, Depends(person)], response: Response) -> dict[str, Any]:
        """One case (by receipt number or id): whole for supervisors; for others only
        their bus's, sealed and withheld as in the list. ``ETag`` is its revision: send
        it back as ``If-Match`` with a review step."""
        try:
            found = cases.get_case(engine, who, receipt_no)
        except LookupError:
            raise HubError(404, "not_found", "no such case") from None
        read_audit.record_reads(engine, who.name, "case_read",
                                [found["receipt_no"] or found["id"]])
        response.headers["ETag"] = _etag(found["case_version"])
        return {"protocol": protocol.PROTOCOL_VERSION, "case": found,
                "allowed_actions": workflow.allowed(found["review_state"])
                if who.role == "supervisor" and found["type"] == "complaint" else []}

    @app.get(protocol.CASE_HISTORY, response_model=models.HistoryResponse, responses=_ERRORS)
    def case_history(receipt_no: Annotated[str, Path(max_length=64)],
                     who: Annotated[Person, Depends(person)]) -> dict[str, Any]:
        """Every step of the case at the centre with who took it and in which role."""
        try:
            found = cases.history(engine, who, receipt_no)
        except LookupError:
            raise HubError(404, "not_found", "no such case") from None
        return {"protocol": protocol.PROTOCOL_VERSION, **found}

    @app.get(protocol.CASE_ATTACHMENT, response_class=Response,
             responses={**_ERRORS, 200: {"content": {"application/octet-stream": {}}}})
    def case_attachment(receipt_no: Annotated[str, Path(max_length=64)], sha256: Sha256Path,
                        who: Annotated[Person, Depends(person)]) -> Response:
        """An attachment or the signature of a case the person may see (audited read)."""
        try:
            data, media_type, filename = cases.attachment(engine, who, receipt_no,
                                                          sha256.lower())
        except LookupError:
            raise HubError(404, "not_found", "no such attachment on this case") from None
        read_audit.record_reads(engine, who.name, "attachment_read", [sha256.lower()])
        safe = media_type if media_type in _SHOWN_TYPES else "application/octet-stream"
        return Response(data, media_type=safe, headers={
            "Content-Disposition": "attachment",
            "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"})

    @app.post(protocol.REVIEW, response_model=models.ReviewResponse,
              responses={**_ERRORS, 412: {"model": models.ErrorBody,
                                          "description": "If-Match names an old revision"}})
    def review(receipt_no: Annotated[str, Path(max_length=64)], body: models.ReviewRequest,
               who: Annotated[Person, Depends(supervisor)], response: Response,
               if_match: Annotated[str | None, Header(max_length=40)] = None
               ) -> dict[str, Any]:
        """A supervisor's step on a case (sync/hub/workflow.py); the laptop learns it on
        its next pull. 409 for a step the case's state does not allow, 422 for a missing
        note or value or one the law refuses, 412 when ``If-Match`` is not the case's
        revision (another supervisor changed it: fetch it again)."""
        action = body.action or workflow.LEGACY_STATES.get(body.state or "")
        if action is None or (body.action and body.state):
            raise HubError(422, "invalid", "give one 'action' (return, approve, reject, "
                           "forward, extend, transfer, assign, close)")
        step = workflow.Step(
            action=action, note=body.note, agency=body.agency, epeople_no=body.epeople_no,
            new_deadline=body.new_deadline,
            handler=body.handler.model_dump() if body.handler else None,
            citizen_consent=body.citizen_consent, answered_on=body.answered_on,
            if_match=_revision(if_match))
        return _stepped(response, "no such case", lambda: workflow.take(
            engine, receipt_no, step, actor=who.name, role=who.role))

    @app.post(protocol.CASE_RESOLVE, response_model=models.ReviewResponse,
              responses={**_ERRORS, 412: {"model": models.ErrorBody,
                                          "description": "If-Match names an old revision"}})
    def resolve(receipt_no: Annotated[str, Path(max_length=64)], body: models.ResolveRequest,
                who: Annotated[Person, Depends(supervisor)], response: Response,
                if_match: Annotated[str | None, Header(max_length=40)] = None
                ) -> dict[str, Any]:
        """A supervisor settles a conflict the hub kept: the hub's, the laptop's, or field
        by field; recorded in the case's history."""
        return _stepped(response, "no such case or open conflict", lambda: hub_conflicts.resolve(
            engine, receipt_no, conflict_version=body.conflict_version, take=body.take,
            fields=body.fields, actor=who.name, if_match=_revision(if_match), note=body.note))

    @app.get(protocol.EPEOPLE_QUEUE, response_model=models.EpeopleQueueResponse,
             responses=_ERRORS)
    def epeople_queue(who: Annotated[Person, Depends(supervisor)]) -> dict[str, Any]:
        """The hand-off to e-People: every forwarded case's state, tries and last error
        (a failed one needs a supervisor)."""
        from sync.hub.epeople import queue

        return {"protocol": protocol.PROTOCOL_VERSION, "forwards": queue.listing(engine)}

    @app.get(protocol.NOTICES, response_model=models.NoticesResponse, responses=_ERRORS)
    def list_notices(who: Annotated[Person, Depends(supervisor)]) -> dict[str, Any]:
        """The notices owed to petitioners, newest first: kind, channel, state (queued,
        sent, skipped with the reason, failed), tries and last error — never a contact."""
        from sync.hub import notices

        return {"protocol": protocol.PROTOCOL_VERSION, "notices": notices.listing(engine)}

    @app.get(protocol.VISITS, response_model=models.VisitsResponse, responses=_ERRORS)
    def list_visits(who: Annotated[Person, Depends(person)],
                    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                    offset: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0) -> dict[str, Any]:
        """Visits (date, venue, region, team, opened and closed by) with their cases'
        receipt numbers: supervisors see all; others the visits of the laptops they
        enrolled."""
        return {"protocol": protocol.PROTOCOL_VERSION,
                "visits": visits.list_visits(engine, who, limit=limit, offset=offset)}

    @app.get(protocol.AUDIT_HEAD, response_model=models.AuditHeadAnswer, responses=_ERRORS)
    def audit_head(who: Annotated[Device, Depends(device)]) -> dict[str, Any]:
        """The head of this laptop's audit chain the hub vouched for last: the entry
        whose hash the laptop reports next."""
        return audit_heads.current(engine, who)

    @app.post(protocol.AUDIT_HEAD, response_model=models.AuditHeadAnswer, responses=_ERRORS)
    def report_audit_head(body: models.AuditHeadReport,
                          who: Annotated[Device, Depends(device)]) -> dict[str, Any]:
        """The laptop's new head and its hash at the entry vouched for before: vouched
        for when it extends it, else the device is flagged for supervisors. 409
        ``audit_head_moved`` when the vouched head changed since the laptop asked."""
        if body.device != who.code:
            raise HubError(403, "wrong_device", "the report names another device than the "
                           "token's")
        return audit_heads.receive(engine, who, body.model_dump())

    @app.get(protocol.AUDIT_HEADS, response_model=models.AuditHeadsResponse,
             responses=_ERRORS)
    def list_audit_heads(who: Annotated[Person, Depends(person)]) -> dict[str, Any]:
        """Every device's vouched audit head, and which laptops are flagged because
        their audit log no longer extends what the hub vouched for (supervisors)."""
        if who.role != "supervisor":
            raise HubError(403, "forbidden", "only a supervisor may see the audit heads")
        return {"protocol": protocol.PROTOCOL_VERSION,
                "devices": audit_heads.list_heads(engine)}

    @app.get(protocol.STATUS_PAGE, response_class=HTMLResponse,
             responses={404: {"content": {"text/html": {}}},
                        429: {"content": {"text/html": {}}}})
    def status(receipt_no: Annotated[str, Path(max_length=40)],
               request: Request,
               c: Annotated[str | None, Query(max_length=40)] = None) -> HTMLResponse:
        """The public page of a receipt's QR code (Korean and English HTML, no personal
        data); the same 404 for an unknown number and a wrong code; 429 past the public
        pages' rate for one client."""
        wait = public.retry_after(_client(request))
        if wait is not None:
            return HTMLResponse(status_page.TOO_MANY, status_code=429,
                                headers={"Retry-After": str(wait)})
        page = status_page.render(engine, receipt_no, c)
        if page is None:
            return HTMLResponse(status_page.NOT_FOUND, status_code=404)
        return HTMLResponse(page, headers={"Cache-Control": "no-store",
                                           "Referrer-Policy": "no-referrer"})

    # -- open statistics (sync/hub/open_stats.py, stats_page.py) ------------------------
    rendered: dict[int, tuple[str, str]] = {}

    def _public_wait(request: Request) -> Response | None:
        wait = public.retry_after(_client(request))
        if wait is None:
            return None
        return Response("too many requests: try again in a minute", status_code=429,
                        headers={"Retry-After": str(wait)}, media_type="text/plain")

    @app.get(protocol.STATS, response_class=HTMLResponse,
             responses={429: {"content": {"text/plain": {}}}})
    def stats_page_route(request: Request) -> Response:
        """The open statistics as a page: tables and server-drawn charts, small cells
        suppressed (the same numbers as /stats.json and /stats.csv)."""
        if (refused := _public_wait(request)) is not None:
            return refused
        from sync.hub import open_stats, stats_page

        numbers = open_stats.statistics_of(engine)
        if id(numbers) not in rendered:
            rendered.clear()
            rendered[id(numbers)] = stats_page.render(numbers)
        page, policy = rendered[id(numbers)]
        return HTMLResponse(page, headers={"Content-Security-Policy": policy,
                                           "Cache-Control": "public, max-age=60"})

    @app.get(protocol.STATS + ".json", responses={429: {"content": {"text/plain": {}}}})
    def stats_json(request: Request) -> Response:
        """The open statistics as JSON ("<5" for a suppressed cell)."""
        if (refused := _public_wait(request)) is not None:
            return refused
        from sync.hub import open_stats

        return HubJSON({"protocol": protocol.PROTOCOL_VERSION,
                             **open_stats.as_json(open_stats.statistics_of(engine))},
                            headers={"Cache-Control": "public, max-age=60"})

    @app.get(protocol.STATS + ".csv", responses={200: {"content": {"text/csv": {}}},
                                                 429: {"content": {"text/plain": {}}}})
    def stats_csv(request: Request) -> Response:
        """The open statistics as CSV: the same cells as the page."""
        if (refused := _public_wait(request)) is not None:
            return refused
        from sync.hub import open_stats

        return Response(open_stats.as_csv(open_stats.statistics_of(engine)).encode("utf-8-sig"),
                        media_type="text/csv; charset=utf-8",
                        headers={"Cache-Control": "public, max-age=60",
                                 "Content-Disposition": 'attachment; filename="stats.csv"'})

    # -- Open311 GeoReport v2, read-only (sync/hub/open311.py) ---------------------------

    def _open311(request: Request, fmt: str, make: Callable[[], Any],
                 xml_of: Callable[[Any], bytes]) -> Response:
        """One Open311 answer in ``fmt``; errors in the specification's format."""
        as_xml = fmt == "xml"
        try:
            if fmt not in open311.FORMATS:
                as_xml = False
                raise open311.Open311Error(404, "the formats are json and xml")
            wait = public.retry_after(_client(request))
            if wait is not None:
                raise open311.Open311Error(429, "too many requests: try again in a minute")
            body = make()
        except open311.Open311Error as error:
            return open311_error("xml" if as_xml else "json", error)
        if as_xml:
            return Response(xml_of(body), media_type="text/xml; charset=utf-8")
        return HubJSON(body)

    Fmt = Annotated[str, Path(max_length=8)]
    spec_answers: dict[int | str, dict[str, Any]] = {
        status: {"description": "an Open311 error: [{code, description}] (XML: <errors>)",
                 "content": {"application/json": {}, "text/xml": {}}}
        for status in (400, 404, 429)}
    spec_answers[200] = {"content": {"application/json": {}, "text/xml": {}}}
    Jurisdiction = Annotated[str | None, Query(max_length=100)]

    @app.get(protocol.OPEN311 + "/services.{fmt}", responses=spec_answers)
    def open311_services(request: Request, fmt: Fmt,
                         jurisdiction_id: Jurisdiction = None) -> Response:
        """The services: one per complaint kind that may be public."""
        return _open311(request, fmt, open311.services,
                        lambda body: open311.as_xml("services", "service", body))

    @app.get(protocol.OPEN311 + "/services/{service_code}.{fmt}", responses=spec_answers)
    def open311_service(request: Request, service_code: Annotated[str, Path(max_length=40)],
                        fmt: Fmt, jurisdiction_id: Jurisdiction = None) -> Response:
        """A service's definition (no extra attributes)."""
        return _open311(request, fmt, lambda: open311.definition(service_code),
                        open311.xml_definition)

    @app.get(protocol.OPEN311 + "/requests.{fmt}", responses=spec_answers)
    def open311_requests(
            request: Request, fmt: Fmt, jurisdiction_id: Jurisdiction = None,
            service_request_id: Annotated[str | None, Query(max_length=4500)] = None,
            service_code: Annotated[str | None, Query(max_length=200)] = None,
            start_date: Annotated[str | None, Query(max_length=40)] = None,
            end_date: Annotated[str | None, Query(max_length=40)] = None,
            status: Annotated[str | None, Query(max_length=20)] = None) -> Response:
        """Service requests: the cases that may be public, newest first (90 days and
        1,000 at most unless asked otherwise; ``service_request_id`` overrides the rest)."""
        return _open311(request, fmt, lambda: open311.requests(engine, open311.query(
            service_request_id, service_code, start_date, end_date, status)),
            lambda body: open311.as_xml("service_requests", "request", body))

    @app.get(protocol.OPEN311 + "/requests/{service_request_id}.{fmt}",
             responses=spec_answers)
    def open311_request(request: Request,
                        service_request_id: Annotated[str, Path(max_length=40)],
                        fmt: Fmt, jurisdiction_id: Jurisdiction = None) -> Response:
        """One service request by its receipt number (a list of one, as the spec says)."""
        return _open311(request, fmt, lambda: open311.one(engine, service_request_id),
                        lambda body: open311.as_xml("service_requests", "request", body))

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _protocol_errors(get_openapi(
                title=app.title, version=app.version, description=app.description,
                routes=app.routes))
        return app.openapi_schema

    app.openapi = openapi
    return app


def _protocol_errors(document: dict[str, Any]) -> dict[str, Any]:
    """FastAPI documents its own 422 body (``{"detail": [...]}``); the hub answers every
    error with ``ErrorBody`` instead, and the document says so."""
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
    for operations in document["paths"].values():
        for operation in operations.values():
            invalid = operation.get("responses", {}).get("422")
            if invalid is not None:
                invalid["content"] = error
    schemas = document["components"]["schemas"]
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    return document


#: Media types an attachment is answered with as such; anything else (HTML, SVG, …) goes
#: out as plain bytes, so a pushed file can never run as a page in a supervisor's browser.
_SHOWN_TYPES = frozenset({"image/jpeg", "image/png", "image/heic", "application/pdf"})


def control_in(*values: str | None) -> bool:
    return any(value is not None and find_control(value, multiline=False) is not None
               for value in values)


def _etag(version: int) -> str:
    return f'"{version}"'


def queue_filters(device: Annotated[str | None, Query(max_length=500)] = None,
                  visit: Annotated[str | None, Query(max_length=64)] = None,
                  received_from: Annotated[date | None, Query()] = None,
                  received_to: Annotated[date | None, Query()] = None,
                  region: Annotated[str | None, Query(max_length=100)] = None,
                  kind: Annotated[str | None, Query(max_length=20)] = None,
                  state: Annotated[str | None, Query(max_length=200)] = None,
                  overdue: bool = False,
                  due_within: Annotated[int | None, Query(ge=0, le=3660)] = None,
                  q: Annotated[str | None, Query(max_length=case_queue.MAX_QUERY)] = None,
                  type: Annotated[Literal["complaint", "counsel"] | None, Query()] = None,
                  order: Literal["due", "synced"] = "synced") -> case_queue.Filters:
    """The queue's filters from the query string, shared by the list and its summary."""
    states = tuple(filter(None, (state or "").split(",")))
    unknown = set(states) - set(get_args(protocol.ReviewState))
    if unknown:
        raise HubError(422, "invalid", f"no review state {sorted(unknown)[0]!r}")
    if control_in(region, kind, visit, device, q):
        raise HubError(422, "invalid", "a filter contains a control character")
    return case_queue.Filters(
        device=tuple(filter(None, (device or "").split(","))), visit=visit,
        received_from=received_from, received_to=received_to, region=region or None,
        kind=kind or None, state=states, overdue=overdue, due_within=due_within,
        q=q or None, type=type, order=order)


def _stepped(response: Response, missing: str, step: Callable[[], dict[str, Any]]
             ) -> dict[str, Any]:
    """The answer to a review step or a conflict's resolution: the change, the case's new
    version in the body and as the ETag; 404 or the workflow's refusal as a HubError."""
    try:
        change = step()
    except LookupError:
        raise HubError(404, "not_found", missing) from None
    except workflow.ReviewRefused as exc:
        raise HubError(exc.status, exc.code, str(exc)) from None
    response.headers["ETag"] = _etag(change["case_version"])
    return {"protocol": protocol.PROTOCOL_VERSION, "change": change,
            "case_version": change["case_version"]}


def _revision(if_match: str | None) -> int | None:
    """The revision in ``If-Match`` (``"7"``, ``W/"7"`` or ``7``); None without one."""
    if if_match is None:
        return None
    text = if_match.strip().removeprefix("W/").strip('"')
    if not text.isdigit() or len(text) > 12:
        raise HubError(422, "bad_if_match", "If-Match must be the case's version, e.g. \"7\"")
    return int(text)


_TUS = {"Tus-Resumable": protocol.TUS_VERSION}
UploadId = Annotated[str, Path(pattern=r"^[0-9a-f]{32}$")]


def _tus_version(request: Request) -> None:
    if request.headers.get("tus-resumable") != protocol.TUS_VERSION:
        raise _TusError(412, "tus_version", f"send Tus-Resumable: {protocol.TUS_VERSION}",
                        {"Tus-Version": protocol.TUS_VERSION})


class _TusError(HubError):
    def __init__(self, status: int, code: str, message: str,
                 headers: dict[str, str] | None = None):
        super().__init__(status, code, message)
        self.headers = {**_TUS, **(headers or {})}


def _tus(call: Callable[..., Any], *args: Any) -> Any:
    """``call(*args)`` with the upload store's refusals as answers (tus headers on)."""
    try:
        return call(*args)
    except uploads.OffsetMismatch as exc:
        raise _TusError(exc.status, exc.code, str(exc),
                        {"Upload-Offset": str(exc.received)}) from None
    except uploads.UploadError as exc:
        raise _TusError(exc.status, exc.code, str(exc)) from None


def _has_body(request: Request) -> bool:
    declared = request.headers.get("content-length")
    return (declared is not None and declared != "0") or \
        "chunked" in request.headers.get("transfer-encoding", "")


def _over_quota(quota: int) -> HubError:
    return HubError(507, "quota_exceeded", f"this device's attachments on the hub would pass "
                    f"its quota of {quota} bytes: ask IT")


async def _receive(request: Request) -> blobs.Incoming:
    """The request body, hashed as it arrives; refused with 413 as soon as it is known to
    be too big (from ``Content-Length``, else while reading)."""
    limit = protocol.MAX_ATTACHMENT_BYTES
    declared = request.headers.get("content-length")
    incoming = blobs.Incoming(limit)
    try:
        if declared is not None and declared.isdigit() and int(declared) > limit:
            raise blobs.TooLarge(f"attachments are limited to {limit} bytes")
        async for chunk in request.stream():
            incoming.add(chunk)
    except blobs.TooLarge as exc:
        raise HubError(413, "too_large", str(exc)) from None
    return incoming

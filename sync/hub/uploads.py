"""Resumable attachment uploads: the storage behind the hub's tus 1.0 endpoints (issue 15).

On a bus's mobile link a connection drops every few minutes; a 20 MB scan sent as one
``PUT`` that is cut at 90 % starts again from zero, and on a link that drops every minute
may never arrive. Here an upload is a row (``uploads``) created with the blob's SHA-256
and length, and its bytes arrive in any number of requests, each continuing at the
offset the hub holds (``received``). The bytes a request delivered before its connection
was cut are kept: the laptop asks the offset (``HEAD``) and sends the rest.

Why it is built this way:

* **In the database**, like the blobs themselves (:mod:`sync.hub.blobs`): a hub on
  PostgreSQL may run several processes on machines with no shared disk, and any of them
  may get the next request of an upload. ``tuspyserver`` keeps partial uploads in files,
  which would need that shared disk, so the small tus core is implemented here instead.
* **Parts, not one growing value.** What a request delivered is appended as one
  ``upload_parts`` row — when the request ends, or when its connection is cut (the hub
  sees the cut and keeps what came) — so an append writes only what arrived. A whole file
  in one request, the usual case on a link that holds, is never written as parts: it is
  hashed as it arrives and stored as the blob, as fast as a plain ``PUT``. Each append
  checks the offset it continues from in the same transaction (compare and set): two
  requests of one upload at once — a laptop's resend while the hub still reads the cut
  one — cannot both write at one offset; the loser is told the offset (409) and
  continues from it.
* **Verified before it is kept.** When the last byte is in, the parts are read back in
  order and hashed; only bytes that hash to the upload's SHA-256 become a blob (and the
  cases waiting for it stop waiting, :func:`sync.hub.push.arrived`), else the upload and
  its parts are deleted and the laptop starts that file again. So corrupted partial data
  — on the way or in the hub's own tables — is never stored as the blob.
* **Counted in the quota.** An unfinished upload reserves its whole length in its
  device's quota from its creation on (what it will hold when done), so a device cannot
  park gigabytes in half-finished uploads.
* **Expiring.** An upload with no bytes for :data:`protocol.UPLOAD_EXPIRY_SECONDS` is
  deleted with its parts (:func:`expire`, daily with the retention purge and by creations
  at most once a minute); a finished one is kept as long, so a laptop whose last answer was lost can
  ask and learn it is done.
* **One upload per device and blob.** Creating an upload for a blob the device is already
  uploading returns that upload (a creation whose answer was lost does not leave a second
  one reserving quota); for a blob it has uploaded already, a finished upload at once.
"""

from __future__ import annotations

import base64
import datetime as _dt
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

import sqlalchemy as sa

from sync import protocol
from sync.hub import blobs, push
from sync.hub.clock import now
from sync.hub.db import reader
from sync.hub.migrations import blob_owners, upload_parts, uploads

class UploadError(ValueError):
    """Why an upload request cannot be taken; ``status`` and ``code`` for the answer."""

    status, code = 400, "bad_upload"


class Gone(UploadError):
    status, code = 410, "upload_expired"


class OffsetMismatch(UploadError):
    status, code = 409, "offset_mismatch"

    def __init__(self, message: str, received: int):
        super().__init__(message)
        self.received = received


class OverQuota(UploadError):
    status, code = 507, "quota_exceeded"


class TooLong(UploadError):
    status, code = 413, "too_large"


class Corrupted(UploadError):
    """The finished upload's bytes do not hash to its SHA-256: deleted, start again."""

    status, code = 422, "hash_mismatch"


@dataclass(frozen=True)
class Upload:
    id: str
    device_id: int
    sha256: str
    length: int
    received: int
    expires_at: str
    #: False for an upload :func:`create` made but did not write yet: its row is written
    #: with its first bytes (one transaction for a whole file), or by :func:`save`.
    saved: bool = True

    @property
    def done(self) -> bool:
        return self.received >= self.length

    @property
    def expires_http(self) -> str:
        """``Upload-Expires`` as tus writes it (an HTTP date)."""
        moment = _dt.datetime.fromisoformat(self.expires_at)
        return moment.strftime("%a, %d %b %Y %H:%M:%S GMT")


def _expiry() -> str:
    moment = _dt.datetime.now(_dt.UTC) + _dt.timedelta(seconds=protocol.UPLOAD_EXPIRY_SECONDS)
    return moment.isoformat(timespec="milliseconds")


def metadata_sha256(header: str | None) -> str:
    """The blob's SHA-256 from a tus ``Upload-Metadata`` header (``sha256 <base64>``, pairs
    separated by commas)."""
    for pair in (header or "").split(","):
        key, _, value = pair.strip().partition(" ")
        if key == "sha256":
            try:
                sha = base64.b64decode(value.strip(), validate=True).decode("ascii")
            except (ValueError, UnicodeDecodeError):
                break
            if protocol.is_sha256(sha):
                return sha
            break
    raise UploadError("Upload-Metadata must carry the blob's sha256 (lowercase hex, base64 "
                      "encoded as tus has it)")


def checksum(header: str | None) -> bytes | None:
    """The digest a tus ``Upload-Checksum: sha256 <base64>`` header names (None without
    one); another algorithm is refused (400, tus's ``Tus-Checksum-Algorithm`` says sha256)."""
    if header is None:
        return None
    algorithm, _, value = header.strip().partition(" ")
    if algorithm.lower() != protocol.TUS_CHECKSUM:
        raise UploadError(f"Upload-Checksum: only {protocol.TUS_CHECKSUM} is supported")
    try:
        digest = base64.b64decode(value.strip(), validate=True)
    except ValueError:
        digest = b""
    if len(digest) != 32:
        raise UploadError("Upload-Checksum: not a base64 SHA-256 digest")
    return digest


def _row_upload(row) -> Upload:
    return Upload(row.id, row.device_id, row.sha256, row.length, row.received, row.expires_at)


def create(engine: sa.Engine, device_id: int, sha256: str, length: int, quota: int) -> Upload:
    """A new upload of ``length`` bytes hashing to ``sha256`` for ``device_id`` (see the
    module's docstring for the one-per-blob rule and the quota) — not written yet
    (``saved`` False) unless the device holds the blob already: :func:`append` writes the
    row with the creation's bytes, in one transaction for a whole file, else :func:`save`."""
    if not 0 < length <= protocol.MAX_ATTACHMENT_BYTES:
        raise TooLong(f"attachments are 1 to {protocol.MAX_ATTACHMENT_BYTES} bytes")
    _expire_now_and_then(engine)
    with reader(engine).connect() as conn:
        mine = uploads.c.device_id == device_id
        found = conn.execute(sa.select(uploads).where(mine, uploads.c.sha256 == sha256,
                                                      uploads.c.expires_at >= now())
                             .order_by(uploads.c.received.desc())).first()
        if found is not None and found.length == length:
            return _row_upload(found)
        owned = conn.execute(sa.select(blob_owners.c.sha256).where(
            blob_owners.c.device_id == device_id, blob_owners.c.sha256 == sha256)).first()
        if owned is None:
            reserved = conn.execute(
                sa.select(sa.func.coalesce(sa.func.sum(uploads.c.length), 0))
                .where(mine, uploads.c.received < uploads.c.length,
                       uploads.c.expires_at >= now())).scalar_one()
            room = quota - blobs.used(conn, device_id) - int(reserved)
            if length > room:
                raise OverQuota(f"this device's attachments on the hub would pass its quota "
                                f"of {quota} bytes: ask IT")
    upload = Upload(secrets.token_hex(16), device_id, sha256, length,
                    length if owned is not None else 0, _expiry(), saved=False)
    if owned is not None:
        save(engine, upload)
        upload = replace(upload, saved=True)
    return upload


def save(engine: sa.Engine, upload: Upload, conn: sa.Connection | None = None) -> None:
    """Writes a created upload's row (in ``conn``'s transaction when given)."""
    row = {"id": upload.id, "device_id": upload.device_id, "sha256": upload.sha256,
           "length": upload.length, "received": upload.received, "created_at": now(),
           "expires_at": upload.expires_at}
    if conn is not None:
        conn.execute(uploads.insert().values(**row))
        return
    with engine.begin() as conn:
        conn.execute(uploads.insert().values(**row))


def find(engine: sa.Engine, upload_id: str, device_id: int) -> Upload | None:
    """The device's upload (None for an unknown id or another device's); :class:`Gone`
    once it expired."""
    with reader(engine).connect() as conn:
        row = conn.execute(sa.select(uploads).where(uploads.c.id == upload_id,
                                                    uploads.c.device_id == device_id)).first()
    if row is None:
        return None
    if row.expires_at < now():
        raise Gone("this upload expired: create a new one")
    return _row_upload(row)


def append(engine: sa.Engine, upload: Upload, start: int, incoming: blobs.Incoming) -> Upload:
    """Adds the bytes received in ``incoming`` at ``start``, which must be the offset the
    hub holds now (else :class:`OffsetMismatch` with it); finishes the upload when it is
    complete. A whole file in one request — the usual case on a link that holds — is
    stored as the blob straight away (hashed as it arrived), never written as parts."""
    if start + incoming.size > upload.length:
        raise TooLong("more bytes than the upload's Upload-Length")
    if start == 0 and incoming.size == upload.length:
        try:
            incoming.verified(upload.sha256)
        except blobs.HashMismatch:
            discard(engine, upload.id)
            raise Corrupted(_CORRUPTED) from None
        done = replace(upload, received=upload.length, expires_at=_expiry(), saved=True)

        def mark_done(conn: sa.Connection) -> None:
            if upload.saved:
                conn.execute(uploads.update().where(uploads.c.id == upload.id)
                             .values(received=done.received, expires_at=done.expires_at))
            else:
                save(engine, done, conn)

        _keep(engine, upload, incoming, also=mark_done)
        return done
    data = incoming.verified_or_not()
    with engine.begin() as conn:
        if not upload.saved:
            save(engine, replace(upload, received=start), conn)
        moved = conn.execute(
            uploads.update().where(uploads.c.id == upload.id, uploads.c.received == start)
            .values(received=start + len(data), expires_at=_expiry())).rowcount
        if moved != 1:
            held = conn.execute(sa.select(uploads.c.received)
                                .where(uploads.c.id == upload.id)).scalar()
            if held is None:
                raise Gone("this upload expired: create a new one")
            raise OffsetMismatch(f"the hub holds {held} bytes of this upload, not {start}",
                                 int(held))
        if data:
            conn.execute(upload_parts.insert().values(upload_id=upload.id, start=start,
                                                      data=data))
    done = replace(upload, received=start + len(data), expires_at=_expiry(), saved=True)
    if done.done:
        _finish(engine, done)
    return done


_CORRUPTED = ("the uploaded bytes do not hash to the upload's SHA-256; it was deleted: "
              "upload the file again")


def _keep(engine: sa.Engine, upload: Upload, incoming: blobs.Incoming,
          also: Callable[[sa.Connection], None] | None = None) -> None:
    """Stores verified bytes as the blob, the cases waiting for it told — and ``also``
    done — in the blob's own transaction (one commit for a whole file)."""
    def then(conn: sa.Connection) -> None:
        push.arrived(conn, upload.device_id, upload.sha256)
        if also is not None:
            also(conn)

    stored = blobs.store(engine, upload.sha256, incoming, upload.device_id, then=then)
    if not stored and also is not None:  # the device had it already: still mark it done
        with engine.begin() as conn:
            also(conn)


def _finish(engine: sa.Engine, upload: Upload) -> None:
    """Hashes the finished upload's parts; a match is stored as the blob, the parts
    dropped and the row kept as done; a mismatch deletes the upload (:class:`Corrupted`)."""
    incoming = blobs.Incoming(upload.length)
    with reader(engine).connect() as conn:
        for row in conn.execute(sa.select(upload_parts.c.data)
                                .where(upload_parts.c.upload_id == upload.id)
                                .order_by(upload_parts.c.start)):
            incoming.add(row.data)
    try:
        if incoming.size != upload.length:
            raise blobs.HashMismatch("short")
        incoming.verified(upload.sha256)
    except (blobs.HashMismatch, blobs.TooLarge):
        discard(engine, upload.id)
        raise Corrupted(_CORRUPTED) from None
    _keep(engine, upload, incoming)
    with engine.begin() as conn:
        conn.execute(upload_parts.delete().where(upload_parts.c.upload_id == upload.id))


def discard(engine: sa.Engine, upload_id: str) -> None:
    """Deletes an upload and its bytes (tus termination, a corrupted upload, expiry)."""
    with engine.begin() as conn:
        conn.execute(upload_parts.delete().where(upload_parts.c.upload_id == upload_id))
        conn.execute(uploads.delete().where(uploads.c.id == upload_id))


_EXPIRED_AT = [0.0]
#: Creations look for expired uploads at most this often (seconds) in one hub process.
EXPIRE_EVERY = 60.0


def _expire_now_and_then(engine: sa.Engine) -> None:
    moment = time.monotonic()
    if moment - _EXPIRED_AT[0] >= EXPIRE_EVERY:
        _EXPIRED_AT[0] = moment
        expire(engine)


def expire(engine: sa.Engine) -> int:
    """Deletes every upload past its expiry with its parts; how many."""
    stamp = now()
    with engine.begin() as conn:
        old = [row.id for row in conn.execute(sa.select(uploads.c.id)
                                              .where(uploads.c.expires_at < stamp))]
        if old:
            conn.execute(upload_parts.delete().where(upload_parts.c.upload_id.in_(old)))
            conn.execute(uploads.delete().where(uploads.c.id.in_(old)))
    return len(old)

"""Attachment bytes, addressed by SHA-256 and kept **in the database**.

Why in the database rather than in files beside it: one thing to back up and restore,
the same transactions and permissions as the records that name them, and one code path
for SQLite and PostgreSQL (a hub on PostgreSQL may run with no shared disk at all). The
protocol caps a blob at ``MAX_ATTACHMENT_BYTES`` (20 MiB), which both databases store
comfortably. A blob is written once and never changed: its name is its content.

Files in a content-addressed folder were measured too, and are not faster: on this
hub's disk writing a new 4 MiB file takes about 9.6 ms, appending it to SQLite's WAL
about 3.7 ms. What made uploads slow was elsewhere — the WAL checkpoint that the
committing request paid for (now on a thread of its own, ``db.Checkpointer``) and a
second pass over the bytes to hash them (now hashed as they arrive, :class:`Incoming`).
The hash is checked before the row is written, so no transaction ever sees a blob that
does not match its name.

**Whose blob it is.** The bytes are kept once, however many devices send them, but each
device that sent them is recorded (``blob_owners``): a device is told a blob is held only
when it uploaded it itself (else ``HEAD`` says 404, so a device cannot learn what others
uploaded) and may name in its records only blobs it uploaded. Uploading the bytes again
costs one transfer and proves the device holds them (docs/security.md §4).
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable

import sqlalchemy as sa

from sync.hub.db import now, reader
from sync.hub.migrations import blob_owners, blobs

_RETRIES = 3


def size_of(engine: sa.Engine, sha256: str, device_id: int) -> int | None:
    """The blob's size when ``device_id`` uploaded it; None otherwise (held or not)."""
    with reader(engine).connect() as conn:
        return conn.execute(
            sa.select(blobs.c.size)
            .select_from(blobs.join(blob_owners, blob_owners.c.sha256 == blobs.c.sha256))
            .where(blobs.c.sha256 == sha256, blob_owners.c.device_id == device_id)).scalar()


class HashMismatch(ValueError):
    """The uploaded bytes do not hash to the SHA-256 they were sent under."""


class TooLarge(ValueError):
    """The upload passed the size limit (it is refused as soon as that is known)."""


class Incoming:
    """A blob as it arrives, hashed chunk by chunk: the hash is ready when the last byte
    is, with no second pass over 20 MiB, and the work is done while the next chunk is
    still on the wire. The chunks are joined once, at the end."""

    def __init__(self, limit: int):
        self.limit, self.size = limit, 0
        self._hash = hashlib.sha256()
        self._parts: list[bytes] = []

    def add(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.limit:
            raise TooLarge(f"attachments are limited to {self.limit} bytes")
        self._hash.update(chunk)
        self._parts.append(chunk)

    def digest(self) -> bytes:
        return self._hash.digest()

    def verified_or_not(self) -> bytes:
        """The bytes as they came (a part of an upload: checked when the upload is whole)."""
        data = b"".join(self._parts)
        self._parts = [data]
        return data

    def verified(self, sha256: str) -> bytes:
        """The bytes, when they hash to ``sha256`` (else :class:`HashMismatch`)."""
        if self._hash.hexdigest() != sha256:
            raise HashMismatch("the bytes do not hash to the SHA-256 in the path")
        data = b"".join(self._parts)
        self._parts = [data]
        return data


def store(engine: sa.Engine, sha256: str, incoming: Incoming, device_id: int, *,
          then: Callable[[sa.Connection], object] | None = None) -> bool:
    """Keeps the bytes received in ``incoming`` when they hash to ``sha256`` (else
    :class:`HashMismatch`, nothing written) as uploaded by ``device_id``; False when that
    device had uploaded them already. Whether another device sent the same bytes is not
    told: the answer is the same either way. ``then`` runs in the same transaction once
    the device owns the blob (the cases waiting for it are told)."""
    data = incoming.verified(sha256)
    for attempt in range(_RETRIES):
        try:
            with engine.begin() as conn:
                if conn.execute(sa.select(blob_owners.c.sha256).where(
                        blob_owners.c.sha256 == sha256,
                        blob_owners.c.device_id == device_id)).first() is not None:
                    return False
                if conn.execute(sa.select(blobs.c.size).where(blobs.c.sha256 == sha256)
                                ).first() is None:
                    conn.execute(blobs.insert().values(sha256=sha256, size=len(data),
                                                       data=data, stored_at=now()))
                conn.execute(blob_owners.insert().values(sha256=sha256, device_id=device_id))
                if then is not None:
                    then(conn)
            return True
        except sa.exc.IntegrityError:
            # The same bytes uploaded twice at once (one laptop's retry, or two laptops):
            # one won; judged again against what it stored.
            if attempt == _RETRIES - 1:
                raise
    raise AssertionError("unreachable")


def read(engine: sa.Engine, sha256: str) -> bytes | None:
    with reader(engine).connect() as conn:
        return conn.execute(sa.select(blobs.c.data).where(blobs.c.sha256 == sha256)).scalar()


def room_left(engine: sa.Engine, sha256: str, device_id: int, quota: int) -> int:
    """Bytes ``device_id`` may still upload under its ``quota`` (the sizes of the blobs it
    uploaded count, however many devices sent the same bytes); unbounded when it has
    uploaded ``sha256`` already (sending it again adds nothing). Checked per upload: two
    uploads of one device at the same moment may pass it by one blob."""
    with reader(engine).connect() as conn:
        if conn.execute(sa.select(blob_owners.c.sha256).where(
                blob_owners.c.device_id == device_id,
                blob_owners.c.sha256 == sha256)).first() is not None:
            return sys.maxsize
        return quota - used(conn, device_id)


def used(conn: sa.Connection, device_id: int) -> int:
    """Bytes of the blobs ``device_id`` uploaded (each counted for every device that sent
    it)."""
    return int(conn.execute(
        sa.select(sa.func.coalesce(sa.func.sum(blobs.c.size), 0))
        .select_from(blobs.join(blob_owners, blob_owners.c.sha256 == blobs.c.sha256))
        .where(blob_owners.c.device_id == device_id)).scalar_one())

"""The hub's schema, as an ordered list of steps recorded in ``schema_version``.

A hub is upgraded in place when it starts: every step above the stored version runs, in
order, each in its own transaction together with the new version number, so a crash
mid-upgrade leaves the database at the last whole step. A step, once released, is never
edited — a change of schema is a new step at the end. A database newer than this code
is refused (an old hub must not write to a schema it does not know).

The tables (SQLAlchemy Core, so one code path serves SQLite and PostgreSQL):

* ``users`` — people: Argon2 password hash, role, disabled flag.
* ``person_tokens`` / ``devices`` — only SHA-256 hashes of tokens and device keys.
* ``records`` — the current state of every pushed record (complaint, counsel, visit),
  with the review state the centre keeps; ``record_versions`` — every accepted state.
* ``conflicts`` — pushes that would have overwritten something, kept for a person.
* ``blobs`` — attachment bytes, in the database (see :mod:`sync.hub.blobs` for why).
* ``change_counter`` + ``changes`` — the pull feed, numbered in commit order.
* ``audit`` (step 2) — who did what at the centre (user, device and review actions).
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

metadata = sa.MetaData()

schema_version = sa.Table(
    "schema_version", metadata,
    sa.Column("version", sa.Integer, nullable=False),
)

users = sa.Table(
    "users", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.String(100), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(200), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("disabled", sa.Boolean, nullable=False, default=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)

person_tokens = sa.Table(
    "person_tokens", metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
    sa.Column("created_at", sa.String(40), nullable=False),
)

devices = sa.Table(
    "devices", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("code", sa.String(6), nullable=False, unique=True),
    sa.Column("key_hash", sa.String(64), nullable=False),
    sa.Column("qr_secret", sa.String(64), nullable=False),
    sa.Column("token_hash", sa.String(64), unique=True),
    sa.Column("revoked", sa.Boolean, nullable=False, default=False),
    sa.Column("enrolled_by", sa.Integer, sa.ForeignKey("users.id"), nullable=False),
    sa.Column("enrolled_at", sa.String(40), nullable=False),
)

records = sa.Table(
    "records", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("type", sa.String(20), nullable=False),
    sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("content", sa.Text, nullable=False),   # canonical JSON
    sa.Column("receipt_no", sa.String(40), unique=True),
    sa.Column("received_at", sa.String(40)),
    sa.Column("synced_at", sa.String(40), nullable=False),
    sa.Column("review_state", sa.String(20), nullable=False),
    sa.Column("review_note", sa.Text),
    sa.Column("status", sa.String(40)),
    sa.Column("epeople_no", sa.String(40)),
    sa.Index("records_device", "device_id"),
)

record_versions = sa.Table(
    "record_versions", metadata,
    sa.Column("record_id", sa.String(64), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("base_version", sa.Integer),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("content", sa.Text, nullable=False),
    sa.Column("stored_at", sa.String(40), nullable=False),
    sa.PrimaryKeyConstraint("record_id", "version"),
)

conflicts = sa.Table(
    "conflicts", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("record_id", sa.String(64), nullable=False),
    sa.Column("device_id", sa.Integer, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("base_version", sa.Integer),
    sa.Column("held_version", sa.Integer, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("content", sa.Text, nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.UniqueConstraint("record_id", "content_hash", name="conflicts_once"),
)

blobs = sa.Table(
    "blobs", metadata,
    sa.Column("sha256", sa.String(64), primary_key=True),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    sa.Column("stored_at", sa.String(40), nullable=False),
)

change_counter = sa.Table(
    "change_counter", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
)

changes = sa.Table(
    "changes", metadata,
    sa.Column("seq", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("device_id", sa.Integer, nullable=False),
    sa.Column("record_id", sa.String(64), nullable=False),
    sa.Column("body", sa.Text, nullable=False),   # the Change as JSON, without seq
    sa.Index("changes_device_seq", "device_id", "seq"),
)

audit = sa.Table(
    "audit", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("actor", sa.String(100), nullable=False),   # a user name, or "cli"
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("subject", sa.String(100), nullable=False),
)

V1_TABLES = [users, person_tokens, devices, records, record_versions, conflicts, blobs,
             change_counter, changes]


def _step1(conn: sa.Connection) -> None:
    metadata.create_all(conn, tables=V1_TABLES)
    conn.execute(change_counter.insert().values(id=1, seq=0))


def _step2(conn: sa.Connection) -> None:
    metadata.create_all(conn, tables=[audit])


#: Step n brings the schema from version n-1 to n.
STEPS: list[Callable[[sa.Connection], None]] = [_step1, _step2]
LATEST = len(STEPS)


class SchemaTooNew(Exception):
    """The database was written by a newer hub."""


def current_version(conn: sa.Connection) -> int:
    if not sa.inspect(conn).has_table("schema_version"):
        return 0
    found = conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar()
    return int(found or 0)


def migrate(engine: sa.Engine, *, target: int = LATEST) -> int:
    """Bring the database to ``target`` (default: the latest); returns the version reached."""
    with engine.begin() as conn:
        metadata.create_all(conn, tables=[schema_version])
        version = current_version(conn)
    if version > LATEST:
        raise SchemaTooNew(f"the hub database is at schema version {version}; "
                           f"this hub knows only up to {LATEST}: upgrade the hub")
    while version < target:
        with engine.begin() as conn:
            STEPS[version](conn)
            version += 1
            conn.execute(schema_version.delete())
            conn.execute(schema_version.insert().values(version=version))
    return version

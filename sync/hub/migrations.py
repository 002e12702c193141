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
* ``records.finished_at`` / ``purged_at`` (step ``_retention``) — when a review finished
  the case and when retention destroyed its personal data (sync/hub/retention.py).
* ``login_failures`` (step 6) — wrong passwords of the last minute, for throttling;
  ``person_tokens.last_used_at`` (step 6) — for idle expiry (docs/security.md §8).
* ``registered_devices`` (step 3) — device codes IT registered (``fieldbus-hub device
  add``): only these can be enrolled. ``blob_owners`` (step 3) — which device uploaded
  which blob: a device sees and names only its own (docs/security.md §4).
* ``record_visits`` (step 4) — which visit a case was taken on (from the case's content).
* ``audit_heads`` (step 4) — the heads of each laptop's audit chain the hub vouched for,
  and the reports it refused (``problem`` set): a laptop whose chain no longer extends
  what it vouched for is flagged (docs/security.md §9).
* ``records``' review columns and ``case_events`` (step ``_review_workflow``) — the
  workflow's state (revision, current deadline, agency, handler …) and every step of a
  case's history (sync/hub/workflow.py).
* ``epeople_forwards`` (step ``_epeople_queue``) — the hand-off to e-People
  (sync/hub/epeople/queue.py).
* ``notices`` (step ``_notices``) — the notices owed to petitioners
  (sync/hub/notices.py).
* ``uploads`` + ``upload_parts`` (step ``_resumable_uploads``) — attachments on their way
  in over tus, with the bytes received so far (sync/hub/uploads.py); ``awaited_blobs`` —
  the attachments a case accepted before them is still waiting for ("첨부 수신 중").
* ``sealed_records`` — public-interest reports whose reporter the hub seals, decided
  from the first version that was a report (docs/security.md §3).
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from sync.hub.clock import now

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
    # Written at most once a minute (idle expiry needs no more precision); step 6.
    sa.Column("last_used_at", sa.String(40)),
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
    # Retention (sync/hub/retention.py; added by the step _retention on older hubs): when
    # the review finished the case, and when its personal data was destroyed.
    sa.Column("finished_at", sa.String(40)),
    sa.Column("purged_at", sa.String(40)),
    # The review workflow (sync/hub/workflow.py; added by the step _review_workflow):
    # the hub's own revision of the case (every accepted push and every review action
    # raises it: If-Match / ETag), the statutory deadline as it stands now (moved by a
    # supplement's pause and by extensions), where the case went and who handles it.
    *[sa.Column(name, kind) for name, kind in (
        ("case_version", sa.Integer), ("deadline_due", sa.String(40)),
        ("deadline_rule", sa.String(40)), ("paused_at", sa.String(40)),
        ("extended_by", sa.Integer), ("extensions", sa.Integer),
        ("agency", sa.String(200)), ("forwarded_at", sa.String(40)),
        ("transferred_at", sa.String(40)), ("handler", sa.Text),
        ("closed_at", sa.String(40)), ("answered_on", sa.String(10)),
        # What the queue filters and searches by, copied from the content at each push.
        ("kind", sa.String(20)), ("region", sa.String(100)), ("title", sa.Text),
        ("search_text", sa.Text), ("search_grams", sa.Text), ("outcome", sa.String(20)))],
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
    # Settled by a supervisor (sync/hub/conflicts.py; step _review_workflow): when, by whom,
    # and how (hub, laptop or merge). An open conflict has none.
    sa.Column("resolved_at", sa.String(40)),
    sa.Column("resolved_by", sa.String(100)),
    sa.Column("resolution", sa.String(20)),
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

registered_devices = sa.Table(
    "registered_devices", metadata,
    sa.Column("code", sa.String(6), primary_key=True),
    sa.Column("registered_at", sa.String(40), nullable=False),
)

blob_owners = sa.Table(
    "blob_owners", metadata,
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("device_id", sa.Integer, nullable=False),
    sa.PrimaryKeyConstraint("sha256", "device_id"),
)

uploads = sa.Table(
    "uploads", metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("device_id", sa.Integer, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("length", sa.Integer, nullable=False),
    sa.Column("received", sa.Integer, nullable=False),  # the tus Upload-Offset
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("expires_at", sa.String(40), nullable=False),
    sa.Index("uploads_device", "device_id"),
    sa.Index("uploads_expires", "expires_at"),
)

upload_parts = sa.Table(
    "upload_parts", metadata,
    sa.Column("upload_id", sa.String(40), nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("data", sa.LargeBinary, nullable=False),
    sa.PrimaryKeyConstraint("upload_id", "start"),
)

awaited_blobs = sa.Table(
    "awaited_blobs", metadata,
    sa.Column("record_id", sa.String(64), nullable=False),
    sa.Column("device_id", sa.Integer, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.PrimaryKeyConstraint("record_id", "sha256"),
    sa.Index("awaited_blobs_device", "device_id", "sha256"),
)

record_visits = sa.Table(
    "record_visits", metadata,
    sa.Column("record_id", sa.String(64), primary_key=True),
    sa.Column("visit_id", sa.String(64), nullable=False),
    sa.Index("record_visits_visit", "visit_id"),
)

audit_heads = sa.Table(
    "audit_heads", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id"), nullable=False),
    sa.Column("seq", sa.BigInteger, nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("problem", sa.Text),   # null: vouched for; else why the report was refused
    sa.Index("audit_heads_device", "device_id", "id"),
)

# A public-interest report's reporter is sealed from every role but the hub's own
# supervisors from the first version that was a report on: a later version with another
# kind never unseals it (docs/security.md §3). A row here is the hub's decision; only
# the hub (never a laptop's push) removes one.
sealed_records = sa.Table(
    "sealed_records", metadata,
    sa.Column("record_id", sa.String(64), primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),   # the first version that was a report
    sa.Column("sealed_at", sa.String(40), nullable=False),
)

# Every step of a case's life at the centre, for its history: what arrived from the laptop
# (received, edited, a conflict kept) and every review action, with who, in which role,
# from which state to which, the reason, and the action's details (agency, new deadline,
# handler …) as JSON.
case_events = sa.Table(
    "case_events", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("record_id", sa.String(64), nullable=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("actor", sa.String(100), nullable=False),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("from_state", sa.String(20)),
    sa.Column("to_state", sa.String(20)),
    sa.Column("note", sa.Text),
    sa.Column("details", sa.Text),
    sa.Column("case_version", sa.Integer, nullable=False),
    sa.Index("case_events_record", "record_id", "id"),
)

# Cases forwarded to e-People and how their hand-off goes (sync/hub/epeople/queue.py):
# queued (waiting for the connector, with its next try), exported (in an operator's batch,
# waiting for the 신청번호 to be recorded), sent (registered: the number) or failed (the
# last error, for a supervisor). One row a case: one case, one 신청번호.
notices = sa.Table(
    "notices", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("record_id", sa.String(64), nullable=False),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("key", sa.String(40), nullable=False),
    sa.Column("channel", sa.String(10)),
    sa.Column("state", sa.String(20), nullable=False),
    sa.Column("reason", sa.String(40)),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("next_at", sa.String(40), nullable=False),
    sa.Column("last_error", sa.Text),
    sa.Column("details", sa.Text),
    sa.Column("reference", sa.String(300)),
    sa.Column("created_at", sa.String(40), nullable=False),
    sa.Column("sent_at", sa.String(40)),
    sa.Column("updated_at", sa.String(40), nullable=False),
    sa.UniqueConstraint("record_id", "kind", "key", name="notices_once"),
    sa.Index("notices_due", "state", "next_at"),
)

epeople_forwards = sa.Table(
    "epeople_forwards", metadata,
    sa.Column("record_id", sa.String(64), primary_key=True),
    sa.Column("agency", sa.String(200), nullable=False),
    sa.Column("state", sa.String(20), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("next_at", sa.String(40), nullable=False),
    sa.Column("last_error", sa.Text),
    sa.Column("epeople_no", sa.String(40)),
    sa.Column("queued_at", sa.String(40), nullable=False),
    sa.Column("queued_by", sa.String(100), nullable=False),
    sa.Column("updated_at", sa.String(40), nullable=False),
    sa.Index("epeople_forwards_due", "state", "next_at"),
)

# Wrong passwords of the last minute (and attempts under way), to throttle guessing in
# the database: every worker of a hub sees the same counts. Only hashes of the name tried
# and of the client address: a password typed into the name field is not kept.
login_failures = sa.Table(
    "login_failures", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("account", sa.String(64), nullable=False),
    sa.Column("client", sa.String(64), nullable=False),
    sa.Column("at", sa.Float, nullable=False),   # seconds since the epoch
    sa.Column("pending", sa.Boolean, nullable=False),   # being checked right now
    sa.Index("login_failures_account", "account", "at"),
    sa.Index("login_failures_client", "client", "at"),
    sa.Index("login_failures_at", "at"),
)

V1_TABLES = [users, person_tokens, devices, records, record_versions, conflicts, blobs,
             change_counter, changes]


def _step1(conn: sa.Connection) -> None:
    metadata.create_all(conn, tables=V1_TABLES)
    conn.execute(change_counter.insert().values(id=1, seq=0))


def _step2(conn: sa.Connection) -> None:
    metadata.create_all(conn, tables=[audit])


def _step3(conn: sa.Connection) -> None:
    """Device registration and blob ownership. A hub from before knew neither: the codes
    it enrolled count as registered, and a blob is its uploader's when a record of that
    device names it (the best evidence the hub has; a device whose old record named a
    blob it never uploaded has to upload it to name it again)."""
    import json

    metadata.create_all(conn, tables=[registered_devices, blob_owners])
    conn.execute(registered_devices.insert().from_select(
        ["code", "registered_at"], sa.select(devices.c.code, devices.c.enrolled_at)))
    named: set[tuple[str, int]] = set()
    for row in conn.execute(sa.select(records.c.device_id, records.c.content)
                            .where(records.c.type == "complaint")):
        content = json.loads(row.content)
        refs = [content.get("signature"), *(content.get("attachments") or [])]
        named.update((ref["sha256"], row.device_id) for ref in refs
                     if isinstance(ref, dict) and isinstance(ref.get("sha256"), str))
    held = {sha for (sha,) in conn.execute(sa.select(blobs.c.sha256))} if named else set()
    owned = [{"sha256": sha, "device_id": device} for sha, device in sorted(named)
             if sha in held]
    if owned:
        conn.execute(blob_owners.insert(), owned)


def _step4(conn: sa.Connection) -> None:
    """Visits' cases and audit heads. Cases pushed before already name their visit in
    their content: the links are filled from it."""
    import json

    metadata.create_all(conn, tables=[record_visits, audit_heads])
    links = []
    for row in conn.execute(sa.select(records.c.id, records.c.content)
                            .where(records.c.type.in_(("complaint", "counsel")))):
        visit = json.loads(row.content).get("visit")
        if isinstance(visit, dict) and isinstance(visit.get("id"), str):
            links.append({"record_id": row.id, "visit_id": visit["id"][:64]})
    if links:
        conn.execute(record_visits.insert(), links)


def _seal_reports(conn: sa.Connection) -> None:
    """Sealing kept by the hub. A hub from before decided from each record's current
    version, so a laptop could unseal a reporter by pushing another kind: every record
    any of whose stored versions was a report is sealed now."""
    import json

    metadata.create_all(conn, tables=[sealed_records])
    first: dict[str, tuple[int, str]] = {}
    for row in conn.execute(sa.select(record_versions.c.record_id, record_versions.c.version,
                                      record_versions.c.content, record_versions.c.stored_at)
                            .order_by(record_versions.c.record_id, record_versions.c.version)):
        if row.record_id not in first and json.loads(row.content).get("kind") == "report":
            first[row.record_id] = (row.version, row.stored_at)
    if first:
        conn.execute(sealed_records.insert(), [
            {"record_id": rid, "version": version, "sealed_at": at}
            for rid, (version, at) in sorted(first.items())])


def _throttle_and_token_use(conn: sa.Connection) -> None:
    """Password throttling and person tokens' last use (idle expiry). A token from
    before has no last use: its creation time stands in."""
    metadata.create_all(conn, tables=[login_failures])
    if "last_used_at" not in {c["name"] for c in sa.inspect(conn).get_columns("person_tokens")}:
        conn.execute(sa.text("ALTER TABLE person_tokens ADD COLUMN last_used_at VARCHAR(40)"))


#: Step n brings the schema from version n-1 to n.
def _retention(conn: sa.Connection) -> None:
    """Retention's columns and index. A case finished before has no finishing time: the
    time of its last approving or rejecting review in the audit log stands in, else now
    (its period then starts at this upgrade, never earlier than it could have)."""
    present = {c["name"] for c in sa.inspect(conn).get_columns("records")}
    for name in ("finished_at", "purged_at"):
        if name not in present:
            conn.execute(sa.text(f"ALTER TABLE records ADD COLUMN {name} VARCHAR(40)"))
    conn.execute(sa.text("CREATE INDEX IF NOT EXISTS records_finished ON records "
                         "(finished_at) WHERE purged_at IS NULL"))
    last_review = (sa.select(sa.func.max(audit.c.at))
                   .where(audit.c.subject == records.c.receipt_no,
                          audit.c.action.in_(("review_approved", "review_rejected")))
                   .scalar_subquery())
    conn.execute(records.update()
                 .where(records.c.review_state.in_(("approved", "rejected")),
                        records.c.finished_at.is_(None))
                 .values(finished_at=sa.func.coalesce(last_review, now())))


REVIEW_COLUMNS = ("case_version", "deadline_due", "deadline_rule", "paused_at", "extended_by",
                  "extensions", "agency", "forwarded_at", "transferred_at", "handler",
                  "closed_at", "answered_on", "kind", "region", "title", "search_text",
                  "search_grams", "outcome")


def _review_workflow(conn: sa.Connection) -> None:
    """The review workflow's columns and the cases' history (issue 13). Cases pushed
    before get their deadline, kind, region and search text from their content, revision 1,
    and the state's e-People number as their agency's answer so far."""
    import json

    from sync.hub.case_fields import case_fields

    kinds = {column.name: column.type for column in records.columns}
    present = {c["name"] for c in sa.inspect(conn).get_columns("records")}
    for name in REVIEW_COLUMNS:
        if name not in present:
            type_sql = kinds[name].compile(dialect=conn.dialect)
            conn.execute(sa.text(f"ALTER TABLE records ADD COLUMN {name} {type_sql}"))
    present = {c["name"] for c in sa.inspect(conn).get_columns("conflicts")}
    for name in ("resolved_at", "resolved_by", "resolution"):
        if name not in present:
            type_sql = conflicts.c[name].type.compile(dialect=conn.dialect)
            conn.execute(sa.text(f"ALTER TABLE conflicts ADD COLUMN {name} {type_sql}"))
    metadata.create_all(conn, tables=[case_events])
    rows = conn.execute(sa.select(records.c.id, records.c.type, records.c.content)
                        .where(records.c.case_version.is_(None))).all()
    fills = [{"_id": row.id, **case_fields(row.type, json.loads(row.content))}
             for row in rows]
    if fills:
        conn.execute(records.update().where(records.c.id == sa.bindparam("_id")).values(
            case_version=1, extended_by=0, extensions=0,
            **{name: sa.bindparam(name) for name in fills[0] if name != "_id"}), fills)


def _epeople_queue(conn: sa.Connection) -> None:
    """The e-People hand-off's queue (issue 13 §2): empty — a case given its 신청번호
    before was registered by hand and has nothing to send."""
    metadata.create_all(conn, tables=[epeople_forwards])


def _notices(conn: sa.Connection) -> None:
    """The petitioners' notices (issue 14 §2, sync/hub/notices.py): empty — steps taken
    before owe nothing now (a handler named last month was told on paper, if at all)."""
    metadata.create_all(conn, tables=[notices])


def _queue_indexes(conn: sa.Connection) -> None:
    """The review queue's indexes (sync/hub/case_queue.py): each order a page comes in —
    by deadline (``DUE``, as :data:`sync.hub.case_queue.DUE_ORDER` writes it) and as
    synced — alone and after the filters a supervisor narrows by most (state, kind, bus),
    so a page walks an index in order instead of sorting; by receipt date and region; on
    PostgreSQL the bigram index of the search."""
    due = "(coalesce(deadline_due, '9999')), synced_at, id"
    for name, columns in (("records_due", due),
                          ("records_state_due", f"review_state, {due}"),
                          ("records_kind", f"kind, {due}"),
                          ("records_device_due", f"device_id, {due}"),
                          ("records_received", "received_at"),
                          ("records_region", "region"),
                          ("records_synced", "synced_at, id")):
        conn.execute(sa.text(f"CREATE INDEX IF NOT EXISTS {name} ON records ({columns})"))
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("CREATE INDEX IF NOT EXISTS records_grams ON records USING gin "
                             "(to_tsvector('simple', search_grams))"))


def _resumable_uploads(conn: sa.Connection) -> None:
    """Resumable uploads and cases that arrive before their attachments (issue 15): empty
    — every case stored before was stored with its attachments."""
    metadata.create_all(conn, tables=[uploads, upload_parts, awaited_blobs])


STEPS: list[Callable[[sa.Connection], None]] = [_step1, _step2, _step3, _step4, _seal_reports,
                                                _throttle_and_token_use, _retention,
                                                _review_workflow, _epeople_queue,
                                                _queue_indexes, _notices, _resumable_uploads]
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

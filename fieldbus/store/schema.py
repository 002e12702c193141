"""The store's schema, versioned in ``PRAGMA user_version`` and migrated step by step.

Each step runs in its own transaction together with the version bump, so a power cut
leaves the store at one version or the next, never between. A store written by a newer
Fieldbus is refused: this version cannot know what that one's data means.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from fieldbus.store.errors import StoreTooNew

V1 = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE officers (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    role            TEXT NOT NULL CHECK (role IN ('officer', 'counsel', 'supervisor')),
    pin_hash        TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT,
    disabled        INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL
);

CREATE TABLE visits (
    id         TEXT PRIMARY KEY,
    day        TEXT NOT NULL,
    venue      TEXT NOT NULL,
    region     TEXT NOT NULL,
    team       TEXT NOT NULL DEFAULT '[]',
    opened_by  TEXT NOT NULL REFERENCES officers(id),
    opened_at  TEXT NOT NULL,
    closed_by  TEXT REFERENCES officers(id),
    closed_at  TEXT
);
-- at most one visit open at a time
CREATE UNIQUE INDEX visits_one_open ON visits ((closed_at IS NULL)) WHERE closed_at IS NULL;

-- per-device daily sequence behind receipt and session numbers
CREATE TABLE number_sequence (
    day  TEXT PRIMARY KEY,
    last INTEGER NOT NULL
);

CREATE TABLE complaints (
    rowid        INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    receipt_no   TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    title        TEXT NOT NULL,
    body         TEXT,
    agency       TEXT NOT NULL,
    region       TEXT NOT NULL,
    channel      TEXT NOT NULL,
    petitioner   TEXT,            -- JSON or NULL (anonymous, or destroyed after retention)
    petitioner_name TEXT,         -- for search only; NULL once destroyed
    masked_name  TEXT NOT NULL DEFAULT '',
    consent      TEXT NOT NULL,   -- JSON
    disclosure   TEXT NOT NULL,
    notify_by    TEXT,
    outcome      TEXT NOT NULL,
    referred_to  TEXT,
    signature    BLOB,            -- the petitioner's drawn signature (PNG), 시행령 제35조
    received_at  TEXT NOT NULL,
    deadline     TEXT NOT NULL,   -- YYYY-MM-DD
    deadline_due TEXT NOT NULL,   -- ISO 8601, KST
    deadline_rule TEXT NOT NULL,
    visit_id     TEXT REFERENCES visits(id),
    status       TEXT NOT NULL,
    review_state TEXT,
    review_note  TEXT,
    epeople_no   TEXT,
    sync_state   TEXT NOT NULL DEFAULT 'pending'
                 CHECK (sync_state IN ('pending', 'synced', 'quarantined')),
    version      INTEGER NOT NULL DEFAULT 1,
    created_by   TEXT NOT NULL REFERENCES officers(id),
    updated_at   TEXT NOT NULL,
    purged_at    TEXT
);
CREATE INDEX complaints_received ON complaints (received_at);
CREATE INDEX complaints_status ON complaints (status, received_at);
CREATE INDEX complaints_visit ON complaints (visit_id);

-- Korean attaches particles to nouns: trigrams match inside words (진입로 in 마을진입로가).
-- Each value is indexed with two trailing spaces, so every run of one or two characters
-- is the start of some trigram: search.py finds short words through the index's term list
-- (complaints_terms) instead of scanning every row. The view gives FTS5 the same padded
-- values, so its integrity check and 'delete' agree with what was indexed.
-- New rows are indexed by complaints.py in the same transaction, not by an INSERT
-- trigger: through a trigger FTS5 costs four times as much per row (measured), and
-- imports must reach 5,000 cases a second. Updates and deletes are rare: triggers.
CREATE VIEW complaints_search_text AS
SELECT rowid, receipt_no || '  ' AS receipt_no, title || '  ' AS title, body || '  ' AS body,
       agency || '  ' AS agency, petitioner_name || '  ' AS petitioner_name
FROM complaints;
CREATE VIRTUAL TABLE complaints_fts USING fts5 (
    receipt_no, title, body, agency, petitioner_name,
    content = 'complaints_search_text', content_rowid = 'rowid', tokenize = 'trigram'
);
CREATE VIRTUAL TABLE complaints_terms USING fts5vocab ('complaints_fts', 'row');
CREATE TRIGGER complaints_fts_delete AFTER DELETE ON complaints BEGIN
    INSERT INTO complaints_fts (complaints_fts, rowid, receipt_no, title, body, agency,
                                petitioner_name)
    VALUES ('delete', old.rowid, old.receipt_no || '  ', old.title || '  ', old.body || '  ',
            old.agency || '  ', old.petitioner_name || '  ');
END;
CREATE TRIGGER complaints_fts_update
AFTER UPDATE OF receipt_no, title, body, agency, petitioner_name ON complaints BEGIN
    INSERT INTO complaints_fts (complaints_fts, rowid, receipt_no, title, body, agency,
                                petitioner_name)
    VALUES ('delete', old.rowid, old.receipt_no || '  ', old.title || '  ', old.body || '  ',
            old.agency || '  ', old.petitioner_name || '  ');
    INSERT INTO complaints_fts (rowid, receipt_no, title, body, agency, petitioner_name)
    VALUES (new.rowid, new.receipt_no || '  ', new.title || '  ', new.body || '  ',
            new.agency || '  ', new.petitioner_name || '  ');
END;

CREATE TABLE complaint_history (
    seq          INTEGER PRIMARY KEY,
    complaint_id TEXT NOT NULL REFERENCES complaints(id),
    at           TEXT NOT NULL,
    officer_id   TEXT NOT NULL REFERENCES officers(id),
    action       TEXT NOT NULL,
    fields       TEXT NOT NULL DEFAULT '[]'   -- names of changed fields, never their values
);
CREATE INDEX complaint_history_by_case ON complaint_history (complaint_id, seq);

CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size   INTEGER NOT NULL,
    data   BLOB
);

CREATE TABLE attachments (
    complaint_id TEXT NOT NULL REFERENCES complaints(id),
    position     INTEGER NOT NULL,
    sha256       TEXT NOT NULL REFERENCES blobs(sha256),
    filename     TEXT NOT NULL,
    media_type   TEXT NOT NULL,
    size         INTEGER NOT NULL,
    PRIMARY KEY (complaint_id, position)
);

CREATE TABLE counsel_sessions (
    rowid         INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    number        TEXT NOT NULL UNIQUE,
    appellant     TEXT,          -- JSON
    masked_name   TEXT NOT NULL DEFAULT '',
    disposition   TEXT NOT NULL, -- JSON
    eligibility   TEXT NOT NULL, -- JSON
    counsel       TEXT NOT NULL, -- JSON
    notes         TEXT,          -- confidential: counsel and supervisors only
    next_step     TEXT,
    outcome       TEXT NOT NULL,
    appeal_deadline TEXT NOT NULL,
    visit_id      TEXT REFERENCES visits(id),
    sync_state    TEXT NOT NULL DEFAULT 'pending'
                  CHECK (sync_state IN ('pending', 'synced', 'quarantined')),
    version       INTEGER NOT NULL DEFAULT 1,
    created_by    TEXT NOT NULL REFERENCES officers(id),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- Written in the same transaction as every change that must reach the hub. It names the
-- record and version; the sync client reads the record itself when it sends, so personal
-- data is never copied here (and retention has one place to destroy it).
CREATE TABLE outbox (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    record_type  TEXT NOT NULL,
    record_id    TEXT NOT NULL,
    version      INTEGER NOT NULL,
    base_version INTEGER,
    created_at   TEXT NOT NULL,
    state        TEXT NOT NULL DEFAULT 'pending'
                 CHECK (state IN ('pending', 'acknowledged', 'quarantined')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT
);
CREATE INDEX outbox_pending ON outbox (state, seq);
CREATE INDEX outbox_record ON outbox (record_id, seq);

-- Hash-chained: each entry's hash covers the previous one's.
CREATE TABLE audit (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    officer_id  TEXT,
    action      TEXT NOT NULL,
    record_type TEXT,
    record_id   TEXT,
    reason      TEXT,
    details     TEXT NOT NULL DEFAULT '{}',
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
"""


V2 = """
-- Prints of receipts and counsel confirmations, counted per copy: the second and later
-- print of a copy is marked 재발행 (reissue). Every print is also in the audit log
-- (receipt_printed); this table only spares a scan of the log for the count.
CREATE TABLE receipt_prints (
    record_type TEXT NOT NULL CHECK (record_type IN ('complaint', 'counsel_session')),
    record_id   TEXT NOT NULL,
    copy        TEXT NOT NULL CHECK (copy IN ('citizen', 'office')),
    prints      INTEGER NOT NULL,
    first_at    TEXT NOT NULL,
    PRIMARY KEY (record_type, record_id, copy)
) WITHOUT ROWID;
"""


V3 = """
-- Sync (issue 5). The outbox row remembers when the hub acknowledged it; a case remembers
-- when the hub acknowledged its current version (retention counts from then).
ALTER TABLE outbox ADD COLUMN acknowledged_at TEXT;
ALTER TABLE complaints ADD COLUMN synced_at TEXT;
ALTER TABLE counsel_sessions ADD COLUMN synced_at TEXT;
-- Retention finds the cases that are due without reading the others.
CREATE INDEX complaints_retention ON complaints (synced_at) WHERE purged_at IS NULL;
-- A change pulled from the hub for a record with a local change still pending waits here
-- (never overwriting the local change) until the hub has acknowledged the local change.
CREATE TABLE pull_deferred (
    seq       INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL,
    change    TEXT NOT NULL   -- the hub's change, as JSON
);
CREATE INDEX pull_deferred_record ON pull_deferred (record_id, seq);
"""


def _v3(db: sqlite_utils.Database) -> None:
    """V3, and a ``device_key`` for stores set up before it: the random secret that proves
    to the hub, when an enrolment is retried, that this is the laptop that asked first."""
    import secrets

    _script(V3)(db)
    db.execute("INSERT INTO meta (key, value) VALUES ('device_key', ?) "
               "ON CONFLICT (key) DO NOTHING", (secrets.token_hex(32),))


def _script(ddl: str) -> Callable[[sqlite_utils.Database], None]:
    def step(db: sqlite_utils.Database) -> None:
        for statement in _split(ddl):
            db.execute(statement)

    return step


def _split(script: str) -> list[str]:
    """Split a DDL script on statement ends, keeping trigger bodies whole."""
    from fieldbus.store.sqlcipher import dbapi2

    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not current.strip():
            continue
        current += line
        if dbapi2.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        raise ValueError("unterminated SQL statement in schema")
    return statements


#: MIGRATIONS[n] brings a store from version n to n + 1.
V4 = """
-- Retention reaches counsel sessions too: the appellant's details and the confidential
-- notes are destroyed like a complaint's petitioner (fieldbus/store/retention.py).
ALTER TABLE counsel_sessions ADD COLUMN purged_at TEXT;
CREATE INDEX counsel_retention ON counsel_sessions (synced_at) WHERE purged_at IS NULL;
"""

FTS_SECURE_DELETE = """
-- Destruction is complete (issue 9 §7): a 'delete' in FTS5 normally only adds a delete
-- marker, and the purged name's trigrams stay in the old segment until a merge. With
-- secure-delete FTS5 removes them from the segment itself (SQLite >= 3.42; the setting
-- is kept in complaints_fts_config). The rebuild rewrites the index of a store made
-- before, so no old segment keeps a purged or edited text (secure_delete = ON zeroes
-- the pages it frees).
INSERT INTO complaints_fts (complaints_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO complaints_fts (complaints_fts) VALUES ('rebuild');
"""

AUDIT_REDACTABLE = """
-- Audit details free of personal data past retention (issue 9 §7): an entry's hash covers
-- a digest of its reason and details, so retention can remove the free text later
-- (fieldbus/store/audit.py redact) and the chain still verifies.
ALTER TABLE audit ADD COLUMN details_hash TEXT;
ALTER TABLE audit ADD COLUMN redacted_at TEXT;
CREATE INDEX audit_free_text ON audit (at) WHERE redacted_at IS NULL AND
    details_hash IS NOT NULL AND
    (reason IS NOT NULL OR json_extract(details, '$.query') IS NOT NULL);
"""


def _audit_redactable(db: sqlite_utils.Database) -> None:
    """The columns, then the old chain re-hashed into the new form (when it verifies)."""
    from fieldbus.store import audit

    _script(AUDIT_REDACTABLE)(db)
    audit.rechain(db)


def _unindex_reporters(db: sqlite_utils.Database) -> None:
    """A public-interest reporter's name is never in the search index (issue 9 §3): stores
    from before indexed it. Emptying ``petitioner_name`` re-indexes those rows through the
    update trigger; the 'optimize' then merges every segment, so no old segment keeps the
    name's trigrams even where FTS5 secure-delete is not (yet) on."""
    changed = db.execute("UPDATE complaints SET petitioner_name = NULL "
                         "WHERE kind = 'report' AND petitioner_name IS NOT NULL").rowcount
    if changed:
        db.execute("INSERT INTO complaints_fts (complaints_fts) VALUES ('optimize')")


INTAKE_EXTRA = """
-- Issue 11: the optional intake fields the law asks for, as JSON (NULL: none given):
-- "guidance" (민원처리법 시행령 제6조④: documents, procedure, site check) and
-- "oral_report" (공익신고자 보호법 제8조③: read back to the reporter, and when).
-- A reporter's consent to disclosure of identity is in the petitioner JSON (sealed).
ALTER TABLE complaints ADD COLUMN intake_extra TEXT;
"""

def _digits(json_column: str) -> str:
    """A phone number as the search indexes hold it (issue 12): its digits only; stored
    numbers are in the national form (010-2345-6789)."""
    return f"replace(replace(json_extract({json_column}, '$.phone'), '-', ''), ' ', '')"


def _phone_of(row: str) -> str:
    """A complaint's indexed digits: none for a sealed reporter (like the name)."""
    return f"CASE WHEN {row}kind != 'report' THEN {_digits(row + 'petitioner')} END"


def _counsel_values(row: str, *, named: bool = False) -> str:
    """What counsel_fts indexes of a session (``row``: ``new.``, ``old.`` or the view's
    own row, ``named`` with the index's column names)."""
    values = {"rowid": f"{row}rowid", "number": f"{row}number || '  '",
              "appellant": f"json_extract({row}appellant, '$.name') || '  '",
              "title": f"json_extract({row}disposition, '$.title') || '  '",
              "agency": f"json_extract({row}disposition, '$.agency') || '  '",
              "phone": _digits(row + "appellant")}
    return ", ".join(f"{v} AS {k}" if named else v for k, v in values.items())


SEARCH_RETURNING = f"""
-- Issue 12: a returning citizen is found by a phone number's digits (any 4 or more) and
-- counsel sessions by number, appellant and disposition. Both are trigram indexes over
-- views, like complaints_fts, so no copy of the values is kept beside the records; both
-- forget destroyed values at once (secure-delete). A public-interest reporter's phone is
-- never indexed (issue 9 §3), the advice notes of a session never. Complaints are written
-- in bulk by complaints.py, but the phone index is small (one short value a row): kept by
-- triggers, so every writer of the phone or the kind keeps it right.
CREATE VIEW complaint_phone_text AS
SELECT rowid, {_phone_of('')} AS digits FROM complaints WHERE digits IS NOT NULL;
CREATE VIRTUAL TABLE complaint_phones USING fts5 (
    digits, content = 'complaint_phone_text', content_rowid = 'rowid', tokenize = 'trigram'
);
INSERT INTO complaint_phones (complaint_phones, rank) VALUES ('secure-delete', 1);
INSERT INTO complaint_phones (complaint_phones) VALUES ('rebuild');
CREATE TRIGGER complaint_phones_insert AFTER INSERT ON complaints
WHEN {_phone_of('new.')} IS NOT NULL BEGIN
    INSERT INTO complaint_phones (rowid, digits) VALUES (new.rowid, {_phone_of('new.')});
END;
CREATE TRIGGER complaint_phones_update AFTER UPDATE OF petitioner, kind ON complaints
WHEN {_phone_of('old.')} IS NOT {_phone_of('new.')} BEGIN
    INSERT INTO complaint_phones (complaint_phones, rowid, digits)
    SELECT 'delete', old.rowid, {_phone_of('old.')} WHERE {_phone_of('old.')} IS NOT NULL;
    INSERT INTO complaint_phones (rowid, digits)
    SELECT new.rowid, {_phone_of('new.')} WHERE {_phone_of('new.')} IS NOT NULL;
END;
CREATE TRIGGER complaint_phones_delete AFTER DELETE ON complaints
WHEN {_phone_of('old.')} IS NOT NULL BEGIN
    INSERT INTO complaint_phones (complaint_phones, rowid, digits)
    VALUES ('delete', old.rowid, {_phone_of('old.')});
END;

-- Values padded with two spaces, as in complaints_search_text (search.py's short terms);
-- the phone's digits are not: only a search of 4 or more digits looks at them.
CREATE VIEW counsel_search_text AS
SELECT {_counsel_values('', named=True)} FROM counsel_sessions;
CREATE VIRTUAL TABLE counsel_fts USING fts5 (
    number, appellant, title, agency, phone,
    content = 'counsel_search_text', content_rowid = 'rowid', tokenize = 'trigram'
);
CREATE VIRTUAL TABLE counsel_terms USING fts5vocab ('counsel_fts', 'row');
INSERT INTO counsel_fts (counsel_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO counsel_fts (counsel_fts) VALUES ('rebuild');
CREATE TRIGGER counsel_fts_insert AFTER INSERT ON counsel_sessions BEGIN
    INSERT INTO counsel_fts (rowid, number, appellant, title, agency, phone)
    VALUES ({_counsel_values('new.')});
END;
CREATE TRIGGER counsel_fts_update AFTER UPDATE OF number, appellant, disposition
ON counsel_sessions BEGIN
    INSERT INTO counsel_fts (counsel_fts, rowid, number, appellant, title, agency, phone)
    VALUES ('delete', {_counsel_values('old.')});
    INSERT INTO counsel_fts (rowid, number, appellant, title, agency, phone)
    VALUES ({_counsel_values('new.')});
END;
CREATE TRIGGER counsel_fts_delete AFTER DELETE ON counsel_sessions BEGIN
    INSERT INTO counsel_fts (counsel_fts, rowid, number, appellant, title, agency, phone)
    VALUES ('delete', {_counsel_values('old.')});
END;
"""

#: What the centre last said about a case (issue 13): who took the last step and when, the
#: deadline as it stands, the agency, the handler — JSON, written by a pulled review only.
CENTRE_REVIEW = """
ALTER TABLE complaints ADD COLUMN centre TEXT;
"""

#: The supervisor's last fetched review queue pages, case files and dashboard summaries,
#: readable offline between connections (fieldbus/store/review_cache.py): the hub's JSON
#: answer under the review desk's key. Personal data, so only here in the encrypted file,
#: and destroyed by retention (``review_cache`` rule) through the index on fetched_at.
REVIEW_CACHE = """
CREATE TABLE review_cache (
    key        TEXT PRIMARY KEY,
    body       TEXT NOT NULL,
    fetched_at TEXT NOT NULL
);
CREATE INDEX review_cache_fetched ON review_cache (fetched_at);
"""

#: Attachments and signatures the hub accepted a case before (protocol 2, issue 15): each
#: waits here until the hub holds it. ``upload_url`` is the hub's tus upload once created
#: (the offset is always asked from the hub, never kept here); ``state`` 'creating' while
#: a creation's answer is not known yet. ``record_id``: a case naming it (a signature's
#: bytes live on its case). Retention keeps a case whose files are still here.
BLOB_UPLOADS = """
CREATE TABLE blob_uploads (
    sha256     TEXT PRIMARY KEY,
    size       INTEGER NOT NULL,
    record_id  TEXT NOT NULL,
    upload_url TEXT,
    state      TEXT NOT NULL DEFAULT 'waiting',
    last_error TEXT,
    queued_at  TEXT NOT NULL
);
CREATE INDEX blob_uploads_record ON blob_uploads (record_id);
"""

MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _script(V1), _script(V2), _v3, _script(V4), _script(FTS_SECURE_DELETE), _audit_redactable,
    _unindex_reporters, _script(INTAKE_EXTRA),
    _script(SEARCH_RETURNING), _script(CENTRE_REVIEW), _script(REVIEW_CACHE),
    _script(BLOB_UPLOADS),
]
SCHEMA_VERSION = len(MIGRATIONS)


def version_of(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database) -> int:
    """Bring ``db`` to :data:`SCHEMA_VERSION`; return the version it had."""
    found = version_of(db)
    if found > SCHEMA_VERSION:
        raise StoreTooNew(
            f"this store was written by a newer Fieldbus (schema {found}, this one knows up "
            f"to {SCHEMA_VERSION}); install the newer version — the store was left untouched"
        )
    for step in range(found, SCHEMA_VERSION):
        with db.atomic():
            MIGRATIONS[step](db)
            db.execute(f"PRAGMA user_version = {step + 1}")
    return found

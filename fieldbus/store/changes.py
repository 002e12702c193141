"""What an operation changed: the store notes it itself, so no caller can forget to say.

Anki's idea (``pylib/anki/collection.py`` ``OpChanges``, ``qt/aqt/main.py``
``on_operation_did_execute``): every operation that writes reports what kinds of thing it
touched, and each screen decides from that whether what it shows is now out of date. Anki's
backend fills in the report by hand for each operation; here the database does it, so an
operation written tomorrow reports its changes without a line of its own.

When a store opens, :func:`install` adds TEMP triggers (they live in this connection only,
never in the file) after every INSERT, UPDATE and DELETE on the tables whose rows a screen
shows. Each notes its table's name in ``temp.fieldbus_changed``: a row written costs one
look-up (and the first, an insert) in a table of a dozen rows in memory. The temp table takes part in
the transaction: a write that is rolled back takes its notes with it, so only what was
committed is ever reported. The store worker (``fieldbus.ui.shell.worker``) calls
:func:`take` after each operation and tells the screens.

Another process (``fieldbus`` on the command line: an enrolment, an import) writes through
its own connection, which these triggers do not see. SQLite's ``PRAGMA data_version``
(:func:`data_version`) changes for this connection when any other one commits; the worker
reads it after each operation, and a change it did not make counts as :func:`everything`.
The window runs an empty operation when the database's files change on disk (inotify,
``fieldbus.ui.shell.worker``), so such a change shows without anyone polling.

Not watched: the audit log, the search indexes, blob bytes, the number sequence and the
history (they change only with a watched table, or change nothing on a screen: an audited
look at a case writes the audit log and its head in ``meta``, and must not count as a
change, or every screen would refresh after every look). ``meta`` is watched by key, minus
the audit head and the form drafts the forms autosave as the officer types.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

CHANGED = "fieldbus_changed"
#: Tables no screen shows by themselves (see the module's text).
UNWATCHED = frozenset({"audit", "blobs", "number_sequence", "complaint_history",
                       "sqlite_sequence"})
#: ``meta`` keys that are not news: the audit chain's head (written with every audit
#: entry) and the autosaved drafts (``fieldbus.store.drafts``: ``draft:<officer>``,
#: ``counsel-draft:<officer>``).
QUIET_META = ("audit_head", "audit_v1_head")  # fieldbus.store.audit HEAD_KEY, V1_HEAD_KEY
QUIET_META_GLOB = "*draft:*"


@dataclass(frozen=True)
class OpChanges:
    """What one operation (one or more committed transactions) changed.

    The booleans are what screens ask; ``tables`` and ``meta`` (the ``meta`` keys) are the
    whole of it. Falsy when nothing was changed.
    """

    complaints: bool = False   # a case, its attachments, its review (complaints, attachments)
    counsel: bool = False      # a counsel session
    visit: bool = False        # a visit opened, closed or changed
    outbox: bool = False       # what waits for the hub (outbox, pull_deferred)
    prints: bool = False       # a receipt or confirmation printed (receipt_prints)
    officers: bool = False
    tables: frozenset[str] = frozenset()
    meta: frozenset[str] = frozenset()  # the meta keys changed (settings, enrolment, sync)

    @classmethod
    def of(cls, names: Iterable[str]) -> OpChanges:
        """From the notes: table names, and ``meta:<key>`` for a meta key."""
        names = frozenset(names)
        meta = frozenset(n[5:] for n in names if n.startswith("meta:"))
        tables = frozenset(n for n in names if not n.startswith("meta:"))
        if meta:
            tables |= {"meta"}
        return cls(complaints=bool(tables & {"complaints", "attachments"}),
                   counsel="counsel_sessions" in tables,
                   visit="visits" in tables,
                   outbox=bool(tables & {"outbox", "pull_deferred"}),
                   prints="receipt_prints" in tables,
                   officers="officers" in tables,
                   tables=tables, meta=meta)

    def __bool__(self) -> bool:
        return bool(self.tables)

    @property
    def day(self) -> bool:
        """Anything the day's figures count (the visit tab): cases, counsel, the visit,
        prints, what waits."""
        return self.complaints or self.counsel or self.visit or self.prints or self.outbox

    @property
    def sync_state(self) -> bool:
        """Anything the status bar's sync line counts or depends on: what waits, what is
        set aside (a case's or a session's sync state), the visit, enrolment (meta)."""
        return self.outbox or self.complaints or self.counsel or self.visit or bool(self.meta)


def _watched(db) -> list[str]:
    """The ordinary tables of the main database, minus the unwatched and the virtual
    tables' own (a search index's shadow tables are named after it)."""
    rows = db.execute("SELECT name, sql FROM main.sqlite_master WHERE type = 'table'").fetchall()
    virtual = [name for name, sql in rows if (sql or "").upper().startswith("CREATE VIRTUAL")]
    return sorted(name for name, sql in rows
                  if name not in UNWATCHED and name not in virtual
                  and not name.startswith("sqlite_")
                  and not any(name.startswith(v + "_") for v in virtual))


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def install(db) -> None:
    """Add the triggers and the temp table to this connection (when the store opens)."""
    statements = [f"CREATE TEMP TABLE IF NOT EXISTS {CHANGED} (name TEXT PRIMARY KEY) "
                  "WITHOUT ROWID"]
    quiet = ", ".join(_literal(key) for key in QUIET_META)
    for table in _watched(db):
        for event, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            trigger = _quote(f"{CHANGED}_{table}_{event.lower()}")
            if table == "meta":
                key = f"{row}.key"
                note = f"'meta:' || {key}"
                quiet_key = (f"{key} NOT IN ({quiet}) AND "
                             f"{key} NOT GLOB {_literal(QUIET_META_GLOB)} AND ")
            else:
                note, quiet_key = _literal(table), ""
            # Noted once: a row already there is not inserted again (not INSERT OR IGNORE:
            # the outer statement's conflict policy overrides a trigger's, and an upsert
            # into meta made the second note fail).
            statements.append(
                f"CREATE TEMP TRIGGER IF NOT EXISTS {trigger} AFTER {event} ON main."
                f"{_quote(table)} FOR EACH ROW WHEN {quiet_key}NOT EXISTS (SELECT 1 FROM "
                f"temp.{CHANGED} WHERE name = {note}) BEGIN INSERT INTO temp.{CHANGED} "
                f"(name) VALUES ({note}); END")
    for statement in statements:
        db.execute(statement)


def take(db) -> OpChanges:
    """What was changed since the last ``take`` (committed; falsy if nothing), forgotten
    once read."""
    rows = db.execute(f"SELECT name FROM temp.{CHANGED}").fetchall()
    if not rows:
        return OpChanges()
    db.execute(f"DELETE FROM temp.{CHANGED}")
    return OpChanges.of(row[0] for row in rows)


def everything() -> OpChanges:
    """Another connection committed: what it wrote is unknown, so every screen is stale."""
    return OpChanges(complaints=True, counsel=True, visit=True, outbox=True, prints=True,
                     officers=True, tables=frozenset({"*"}), meta=frozenset({"*"}))


def data_version(db) -> int:
    """Changes, for this connection, whenever another connection commits (and only then)."""
    return int(db.execute("PRAGMA data_version").fetchone()[0])

"""Where the hub keeps its data: one SQLAlchemy Core code path for SQLite and PostgreSQL.

SQLite (the default, a file in the user data folder) needs nothing installed and suits a
small centre; PostgreSQL (``postgresql://…``, through psycopg 3) suits a real deployment
with many laptops syncing at once. The differences are confined to :func:`connect`:

* SQLite runs in WAL mode with a busy timeout, and every writing transaction starts with
  ``BEGIN IMMEDIATE``: a writer takes the write lock up front instead of failing with
  "database is locked" when it upgrades from reading, and commits are serialised.
  ``synchronous=NORMAL``: a commit survives the hub's crash; a power cut may lose the
  last commits, which the laptops still hold and push again (they are acknowledged
  only by what the hub answered). A running hub copies the WAL back into the database
  on a thread of its own (:class:`Checkpointer`), not in the request that happens to
  commit past the threshold.
* PostgreSQL gets a connection pool sized for a bus depot's worth of laptops.
"""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from sync.hub import migrations
from sync.hub.clock import ago, now  # noqa: F401  (the hub's modules import them from here)
from sync.hub.migrations import change_counter, changes
from sync.protocol import canonical_json

ENV_DB = "FIELDBUS_HUB_DB"


class StoreUnavailable(Exception):
    """The hub's database cannot be opened or reached."""


def default_url() -> str:
    """``FIELDBUS_HUB_DB``, else a SQLite file in the user data folder."""
    if os.environ.get(ENV_DB):
        return os.environ[ENV_DB]
    import platformdirs

    folder = Path(platformdirs.user_data_dir("fieldbus-hub", appauthor=False))
    return f"sqlite:///{folder / 'hub.sqlite3'}"


def _sqlalchemy_url(url: str) -> str:
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def connect(url: str, *, migrate: bool = True) -> sa.Engine:
    """An engine for ``url`` with its schema brought up to date (unless ``migrate=False``)."""
    sa_url = sa.make_url(_sqlalchemy_url(url))
    try:
        if sa_url.get_backend_name() == "sqlite":
            engine = _sqlite_engine(sa_url)
        elif sa_url.get_backend_name() == "postgresql":
            engine = sa.create_engine(sa_url, pool_size=20, max_overflow=30, pool_timeout=60,
                                      pool_pre_ping=True)
        else:
            raise StoreUnavailable(f"unsupported database URL scheme: {sa_url.drivername}")
        if migrate:
            migrations.migrate(engine)
    except sa.exc.OperationalError as exc:
        raise StoreUnavailable(f"cannot open the hub database: {_one_line(exc)}") from None
    except sa.exc.ArgumentError as exc:
        raise StoreUnavailable(f"bad database URL: {exc}") from None
    return engine


def _one_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


def _private_file(path: Path) -> None:
    """The database file readable by the hub's user only (0600), in a folder of its own
    (0700) when the hub makes the folder. SQLite gives its ``-wal`` and ``-shm`` files the
    database file's mode, so they follow. A folder that exists already is left as it is
    (it may be shared); a database file that others could read is narrowed."""
    if not path.parent.is_dir():
        path.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(path.parent, 0o700)  # mkdir's mode is cut by the umask; this is not
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        if path.stat().st_mode & 0o077:
            try:
                os.chmod(path, 0o600)
            except PermissionError:  # another user's file: SQLite says what it can do
                pass


def _sqlite_engine(url: sa.URL) -> sa.Engine:
    if url.database and url.database != ":memory:" and not url.database.startswith("file:"):
        _private_file(Path(url.database).expanduser())
    engine = sa.create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # pragma: no cover - exercised by every test
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves, below
        cursor = dbapi_conn.cursor()
        # 16 KiB pages (for a new database; an existing one keeps its own): a 4 MiB
        # attachment is 256 WAL frames to write rather than 1,024.
        cursor.execute("PRAGMA page_size=16384")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # A serving hub checkpoints on its own thread (Checkpointer, below); this is only
        # the bound on the WAL should that thread fall behind, and the checkpoint of
        # the admin commands (256 MiB: 16,384 pages of 16 KiB).
        cursor.execute(f"PRAGMA wal_autocheckpoint={_WAL_PAGES_BOUND}")
        cursor.execute(f"PRAGMA journal_size_limit={64 * 2**20}")
        cursor.execute("PRAGMA foreign_keys=ON")
        # Deleted and overwritten content is zeroed, not left in free pages (retention).
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn):  # pragma: no cover - exercised by every test
        reading = conn.get_execution_options().get(_READ_ONLY, False)
        conn.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")

    return engine


_READ_ONLY = "fieldbus_hub_read_only"
_WAL_PAGES_BOUND = 16384


class Checkpointer:
    """Copies a SQLite hub's WAL back into the database file every ``interval`` seconds,
    on a thread of its own.

    SQLite's automatic checkpoint runs inside the commit that crosses the threshold: the
    request that commits there pays for copying everything before it plus two fsyncs
    (about 5 ms per 4 MiB of attachment, half the time of storing one). Here a PASSIVE
    checkpoint — it never waits for, nor blocks, readers and writers — does that work
    beside the requests (sqlite3 releases the GIL meanwhile). Idle, it costs a look at
    the WAL index. PostgreSQL needs none of this: :meth:`start` returns None for it.
    """

    def __init__(self, engine: sa.Engine, interval: float):
        self._engine, self._interval = engine, interval
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="fieldbus-hub-checkpoint",
                                        daemon=True)

    @classmethod
    def start(cls, engine: sa.Engine, interval: float = 0.5) -> Checkpointer | None:
        if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
            return None
        checkpointer = cls(engine, interval)
        checkpointer._thread.start()
        return checkpointer

    def stop(self) -> None:
        self._stopping.set()
        self._thread.join(30)
        self.checkpoint()  # the last writes, into the database file before exit

    def checkpoint(self) -> None:
        try:
            connection = self._engine.raw_connection()  # autocommit: see _on_connect
            try:
                connection.cursor().execute("PRAGMA wal_checkpoint(PASSIVE)").close()
            finally:
                connection.close()
        except Exception as exc:  # a failed checkpoint loses nothing: the WAL keeps it
            logging.getLogger("fieldbus_hub").warning("WAL checkpoint failed: %s",
                                                      type(exc).__name__)

    def _run(self) -> None:
        while not self._stopping.wait(self._interval):
            self.checkpoint()


def reader(engine: sa.Engine) -> sa.Engine:
    """``engine`` for transactions that only read: on SQLite they do not take the write
    lock (WAL lets them run beside a writer); elsewhere it changes nothing."""
    return engine.execution_options(**{_READ_ONLY: True})


def append_change(conn: sa.Connection, *, device_id: int, record_id: str,
                  body: dict[str, Any]) -> int:
    """Adds one entry to the pull feed, numbered so that **number order is commit order**.

    The number comes from a single counter row that this transaction updates: the row
    stays locked until the transaction ends, so a second writer waits here until the
    first has committed (or rolled back) and only then takes the next number. A change
    numbered n+1 is therefore never visible before change n, and a puller that has seen
    n+1 can never later find an n it skipped. (SQLite serialises writers anyway; this is
    what makes PostgreSQL, with concurrent writers, behave the same.) Call it as the last
    write of a transaction: the lock is held from here to the commit.
    """
    seq = conn.execute(
        change_counter.update().where(change_counter.c.id == 1)
        .values(seq=change_counter.c.seq + 1).returning(change_counter.c.seq)
    ).scalar_one()
    conn.execute(changes.insert().values(seq=seq, device_id=device_id, record_id=record_id,
                                         body=canonical_json(body).decode("utf-8")))
    return seq


def insert_many(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Inserts ``rows`` (dicts with the same keys) in this transaction.

    On PostgreSQL through ``COPY``: an executemany is one INSERT per row for psycopg, and
    for a 30-case push (60 rows with their versions) COPY takes a fifth less of the
    hub's time — it is most of what a push costs. SQLite's executemany is one prepared
    statement stepped in C already.
    """
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(table.insert(), rows)
        return
    columns = list(rows[0])
    statement = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN"
    driver = conn.connection.driver_connection
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([row[column] for column in columns])
    except conn.dialect.loaded_dbapi.Error as exc:
        # raised as SQLAlchemy's own execute would (IntegrityError, DataError, …)
        raise sa.exc.DBAPIError.instance(statement, None, exc,
                                         conn.dialect.loaded_dbapi.Error) from None

"""The local encrypted store: opening it safely, signing in, and write transactions.

A store is a folder holding the SQLCipher file ``fieldbus.db`` and ``store.json`` (not
secret: the store's id and where its key is kept). The key itself is in the OS keyring.
Creating a store never touches an existing one; opening one whose key is missing says
so and stops.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from fieldbus.domain.deadlines import KST
from fieldbus.domain.errors import PermissionDenied
from fieldbus.domain.receipt_numbers import validate_device_code
from fieldbus.domain.records import Officer
from fieldbus.store import audit, officers
from fieldbus.store.errors import (
    SignInFailed,
    StoreExists,
    StoreKeyMissing,
    StoreKeyWrong,
    StoreMissing,
    StoreWriteFailed,
)
from fieldbus.store.keys import KeyPlace, find_key_place, key_place_of
from fieldbus.store.schema import migrate
from fieldbus.store.sqlcipher import DatabaseError, connect, is_disk_error

DB_FILE = "fieldbus.db"
DESCRIPTOR = "store.json"

Clock = Callable[[], datetime]


def kst_now() -> datetime:
    return datetime.now(KST)


@dataclass(frozen=True)
class StoreInfo:
    store_id: str
    key_place: str  # "keyring" or "file"


def _write_descriptor(path: Path, info: StoreInfo) -> None:
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        json.dump({"format": "fieldbus-store", "store_id": info.store_id,
                   "key_place": info.key_place}, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _read_descriptor(data_dir: Path) -> StoreInfo:
    path = data_dir / DESCRIPTOR
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return StoreInfo(store_id=str(data["store_id"]), key_place=str(data["key_place"]))
    except FileNotFoundError:
        raise StoreKeyMissing(f"{path} is missing, so the store's key cannot be found; the "
                              "store file was left untouched") from None
    except (ValueError, KeyError, TypeError):
        raise StoreKeyMissing(f"{path} is damaged; the store file was left untouched") from None


def _write_failure(exc: BaseException) -> str:
    if getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return ("this change was not saved: another Fieldbus program kept the store busy; "
                "try again")
    return f"this change was not saved: the disk refused the write ({exc})"


class Store:
    """One open store. Not thread-safe: one worker owns it (see ``fieldbus/ui``)."""

    def __init__(self, db, *, data_dir: Path, key_place: KeyPlace, clock: Clock) -> None:
        self.db = db
        self.data_dir = data_dir
        self.key_place = key_place
        self.clock = clock
        self.device = self.meta("device")
        # Set once at creation (``fieldbus.store.training``): made-up cases, never synced.
        self.training = self.meta("training") == "1"

    # -- lifecycle -------------------------------------------------------------------

    @staticmethod
    def exists(data_dir: Path) -> bool:
        return (data_dir / DB_FILE).exists() or (data_dir / DESCRIPTOR).exists()

    @classmethod
    def create(cls, data_dir: Path, *, device: str, officer: str, pin: str,
               role: str = "officer", training: bool = False, environ=os.environ,
               clock: Clock = kst_now) -> Store:
        """``training``: a store for training new staff (use ``fieldbus.store.training``,
        which also fills it with made-up cases); only it may use a reserved ``EDU`` code."""
        from fieldbus.store.training import check_device

        device = check_device(validate_device_code(device), training=training)
        officers.validate_name(officer)
        officers.validate_pin(pin)
        if cls.exists(data_dir):
            raise StoreExists(f"a store already exists in {data_dir}; it was not touched")
        try:
            data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise StoreWriteFailed(f"cannot create the store folder {data_dir}: "
                                   f"{exc.strerror}") from None
        place = find_key_place(data_dir, environ)
        info = StoreInfo(store_id=str(uuid.uuid4()),
                         key_place="file" if place.key_file else "keyring")
        created: list[Path] = []
        try:
            key = place.create(info.store_id)
            if place.key_file:
                created.append(place.key_file)
            created += [data_dir / DB_FILE]
            db = connect(data_dir / DB_FILE, key)
            migrate(db)
            now = clock()
            with db.atomic():
                db.execute("INSERT INTO meta (key, value) VALUES ('device', ?), ('store_id', ?), "
                           "('created_at', ?), ('install_secret', ?)",
                           (device, info.store_id, now.isoformat(), secrets.token_hex(32)))
                if training:
                    db.execute("INSERT INTO meta (key, value) VALUES ('training', '1')")
                first = officers.add(db, name=officer, role=role, pin=pin, at=now)
                audit.append(db, at=now, officer_id=first.id, action="store_created",
                             details={"device": device})
                audit.append(db, at=now, officer_id=first.id, action="officer_added",
                             record_type="officer", record_id=first.id,
                             details={"role": role})
            _write_descriptor(data_dir / DESCRIPTOR, info)
        except BaseException as exc:
            # Nothing in here yet but what we just made: leave the folder as we found it.
            with contextlib.suppress(Exception):
                db.close()  # type: ignore[possibly-undefined]
            for path in (*created, data_dir / (DB_FILE + "-wal"), data_dir / (DB_FILE + "-shm")):
                with contextlib.suppress(OSError):
                    path.unlink()
            if isinstance(exc, OSError) or (isinstance(exc, DatabaseError)
                                            and is_disk_error(exc)):
                detail = f"{exc.strerror} ({exc.filename})" if isinstance(exc, OSError) else exc
                raise StoreWriteFailed(f"cannot create the store in {data_dir}: {detail}") from None
            raise
        return cls(db, data_dir=data_dir, key_place=place, clock=clock)

    @classmethod
    def open(cls, data_dir: Path, *, environ=os.environ, clock: Clock = kst_now) -> Store:
        if not (data_dir / DB_FILE).exists():
            if (data_dir / DESCRIPTOR).exists():
                raise StoreMissing(f"the store file {data_dir / DB_FILE} is missing (its "
                                   "descriptor is there): restore it from backup")
            raise StoreMissing(f"no store in {data_dir}: run `fieldbus setup` first")
        info = _read_descriptor(data_dir)
        place = key_place_of(data_dir, info.key_place, environ)
        key = place.load(info.store_id)
        try:
            db = connect(data_dir / DB_FILE, key)
        except DatabaseError as exc:
            if is_disk_error(exc):
                raise StoreWriteFailed(f"cannot open the store: {exc}") from None
            raise StoreKeyWrong("the key does not open this store (a different laptop's "
                                "key, or a damaged file); the store was left untouched") from None
        try:
            migrate(db)
        except BaseException:
            db.close()
            raise
        return cls(db, data_dir=data_dir, key_place=place, clock=clock)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions ----------------------------------------------------------------

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        """One durable transaction; disk errors become :class:`StoreWriteFailed`.

        ``BEGIN IMMEDIATE`` takes the write lock up front, so a second process waits
        (busy timeout) instead of failing half-way through.
        """
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except DatabaseError as exc:
            raise StoreWriteFailed(_write_failure(exc)) from None
        try:
            yield
            self.db.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(DatabaseError):
                if self.db.conn.in_transaction:
                    self.db.execute("ROLLBACK")
            if isinstance(exc, DatabaseError) and is_disk_error(exc):
                raise StoreWriteFailed(_write_failure(exc)) from None
            raise

    def meta(self, key: str) -> str | None:
        """A value of the ``meta`` table (device, install secret, settings), or None."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    # -- people ------------------------------------------------------------------------

    def sign_in(self, name: str | None, pin: str) -> Officer:
        officer = officers.find(self.db, name)
        now = self.clock()
        with self.write():
            ok = officers.check_pin(self.db, officer, pin, now=now)
            if not ok:
                audit.append(self.db, at=now, officer_id=officer.id, action="signin_failed",
                             record_type="officer", record_id=officer.id)
        if not ok:
            raise SignInFailed("wrong PIN")
        return officer

    def add_officer(self, by: Officer, *, name: str, role: str, pin: str) -> Officer:
        if role == "supervisor" and by.role != "supervisor":
            raise PermissionDenied("only a supervisor can add a supervisor")
        now = self.clock()
        with self.write():
            officer = officers.add(self.db, name=name, role=role, pin=pin, at=now)
            audit.append(self.db, at=now, officer_id=by.id, action="officer_added",
                         record_type="officer", record_id=officer.id, details={"role": role})
        return officer

    def list_officers(self) -> list[Officer]:
        rows = self.db.execute("SELECT id, name, role FROM officers WHERE disabled = 0 "
                               "ORDER BY created_at").fetchall()
        return [Officer(id=r[0], name=r[1], role=r[2]) for r in rows]

    def audit(self, by: Officer | None, action: str, **fields) -> None:
        """Record an access that changes nothing else (a view, a print, an export)."""
        with self.write():
            audit.append(self.db, at=self.clock(), officer_id=by.id if by else None,
                         action=action, **fields)

    def verify_audit(self) -> audit.ChainReport:
        return audit.verify(self.db)


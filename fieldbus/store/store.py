"""The local encrypted store: opening it with a PIN, signing in, and write transactions.

A store is a folder holding the SQLCipher file ``fieldbus.db``, ``store.json`` (not
secret: the store's id) and ``keyslots.json`` (not secret: the store's random data key,
wrapped once per officer under their PIN and this laptop's device secret, and once for
the centre's recovery key — ``fieldbus.store.keyslots``). Opening needs an officer's PIN;
no file and no keyring entry holds a usable key on its own. Creating a store never
touches an existing one; opening one whose key cannot be found (or whose file is empty)
says so and stops.

Stores made before key slots (schema up to 4, raw key in the keyring or a development
key file) are upgraded at the first sign-in with a right PIN: see :meth:`Store.open`.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from sync.deadlines import KST
from fieldbus.domain.errors import PermissionDenied, ValidationError
from fieldbus.domain.receipt_numbers import check_device, validate_device_code
from fieldbus.domain.records import ROLES, Officer
from fieldbus.store import audit, changes, officers
from fieldbus.store.errors import (
    KeyringUnavailable,
    SignInFailed,
    StoreExists,
    StoreKeyMissing,
    StoreKeyWrong,
    StoreMissing,
    StoreWriteFailed,
)
from fieldbus.store.keys import KeyPlace, find_key_place, key_place_of
from fieldbus.store.keyslots import SLOTS_FILE, KeySlots, same_key
from fieldbus.store.schema import migrate
from fieldbus.store.sqlcipher import DatabaseError, connect, is_disk_error

DB_FILE = "fieldbus.db"
DESCRIPTOR = "store.json"
SLOTS = "slots"              # store.json's key_place for a store with key slots
LEGACY_PLACES = ("keyring", "file")  # stores made before key slots: the raw key there
RECOVERY_KEY_ENV = "FIELDBUS_RECOVERY_KEY"  # a PEM file IT provides, for setup

Clock = Callable[[], datetime]


def kst_now() -> datetime:
    return datetime.now(KST)


@dataclass(frozen=True)
class StoreInfo:
    store_id: str
    key_place: str  # "slots"; "keyring" or "file" for a store made before key slots
    training: bool = False


def _write_descriptor(path: Path, info: StoreInfo) -> None:
    tmp = path.with_suffix(".tmp")
    data = {"format": "fieldbus-store", "store_id": info.store_id, "key_place": info.key_place}
    if info.training:
        data["training"] = True  # for the sign-in screen's 교육용 marks, before opening
    with tmp.open("w", encoding="utf-8") as handle:
        json.dump(data, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _read_descriptor(data_dir: Path) -> StoreInfo:
    path = data_dir / DESCRIPTOR
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return StoreInfo(store_id=str(data["store_id"]), key_place=str(data["key_place"]),
                         training=data.get("training") is True)
    except FileNotFoundError:
        raise StoreKeyMissing(f"{path} is missing, so the store's key cannot be found; the "
                              "store file was left untouched") from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise StoreKeyMissing(f"{path} is damaged; the store file was left untouched") from None


def _check_store_file(data_dir: Path) -> None:
    """A missing or empty ``fieldbus.db`` is refused: never answered with a new store."""
    path = data_dir / DB_FILE
    if not path.exists():
        if (data_dir / DESCRIPTOR).exists() or (data_dir / SLOTS_FILE).exists():
            raise StoreMissing(f"the store file {path} is missing (its descriptor is there): "
                               "restore it from backup")
        raise StoreMissing(f"no store in {data_dir}: run `fieldbus setup` first")
    if path.stat().st_size == 0:
        raise StoreMissing(f"the store file {path} is empty (0 bytes): restore it from "
                           "backup; it was left untouched and no new store was made")


T = TypeVar("T")


def _connect(data_dir: Path, key: bytes):
    try:
        return connect(data_dir / DB_FILE, key)
    except DatabaseError as exc:
        if is_disk_error(exc):
            raise StoreWriteFailed(f"cannot open the store: {exc}") from None
        raise StoreKeyWrong("the key does not open this store (a different laptop's "
                            "key, or a damaged file); the store was left untouched") from None


def _write_failure(exc: BaseException) -> str:
    if getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return ("this change was not saved: another Fieldbus program kept the store busy; "
                "try again")
    return f"this change was not saved: the disk refused the write ({exc})"


def recovery_key_from(path: str | os.PathLike[str] | None, environ=os.environ) -> bytes | None:
    """The PEM of the centre's recovery public key: the file given, else
    ``FIELDBUS_RECOVERY_KEY``'s, else None (the hub may send it at enrolment)."""
    where = path or environ.get(RECOVERY_KEY_ENV) or None
    if where is None:
        return None
    try:
        return Path(where).expanduser().read_bytes()
    except OSError as exc:
        raise ValidationError("recovery_key", f"{where}: cannot read: {exc.strerror}",
                              code="recovery_key") from None


@dataclass(frozen=True)
class SignInInfo:
    """A store found on disk, before any PIN: what the sign-in screen may show."""

    officers: list[str]
    key_warning: str | None
    training: bool = False
    notices: list[str] = field(default_factory=list)


class Store:
    """One open store, signed in as :attr:`officer`. Not thread-safe: one worker owns it
    (see ``fieldbus/ui``)."""

    def __init__(self, db, *, data_dir: Path, key_place: KeyPlace, clock: Clock,
                 slots: KeySlots, data_key: bytes, officer: Officer | None = None) -> None:
        self.db = db
        self.data_dir = data_dir
        self.key_place = key_place
        self.clock = clock
        self.slots = slots
        self._data_key = data_key  # to wrap it for a new officer, PIN or recovery key
        self.officer = officer
        #: Things to tell the officer after sign-in (a PIN shorter than the rule).
        self.notices: list[str] = []
        self.device = self.meta("device")
        # Set once at creation (``fieldbus.services.training``): made-up cases, never synced.
        self.training = self.meta("training") == "1"
        # What each operation changes, noted by the database itself (fieldbus.store.changes).
        changes.install(db)

    # -- lifecycle -------------------------------------------------------------------

    @staticmethod
    def exists(data_dir: Path) -> bool:
        return any((data_dir / name).exists() for name in (DB_FILE, DESCRIPTOR, SLOTS_FILE))

    @classmethod
    def create(cls, data_dir: Path, *, device: str, officer: str, pin: str,
               role: str = "officer", training: bool = False, environ=os.environ,
               clock: Clock = kst_now, recovery_key: bytes | None = None) -> Store:
        """A new store, signed in as its first officer (any role: the person setting up
        the laptop is its owner). ``recovery_key``: the centre's recovery public key (PEM),
        else the hub's at enrolment. ``training``: a store for training new staff (use
        ``fieldbus.services.training``, which also fills it with made-up cases); only it may
        use a reserved ``EDU`` code."""
        from fieldbus.store.keyslots import load_public_key

        device = check_device(validate_device_code(device), training=training)
        officer = officers.validate_name(officer)
        if role not in ROLES:
            raise ValidationError("role", f"must be one of {', '.join(ROLES)}", code="role")
        pin = officers.validate_new_pin(pin)
        recipient = load_public_key(recovery_key) if recovery_key else None
        if cls.exists(data_dir):
            raise StoreExists(f"a store already exists in {data_dir}; it was not touched")
        try:
            data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise StoreWriteFailed(f"cannot create the store folder {data_dir}: "
                                   f"{exc.strerror}") from None
        place = find_key_place(data_dir, environ)
        info = StoreInfo(store_id=str(uuid.uuid4()), key_place=SLOTS, training=training)
        created: list[Path] = []
        key = secrets.token_bytes(32)
        try:
            device_secret = place.device_secret(info.store_id, create=True)
            slots = KeySlots.new(data_dir, info.store_id)
            created += [data_dir / DB_FILE]
            # Made here first, readable only by the user (and a clear error on a folder
            # that cannot be written); SQLCipher takes an empty file as a new database.
            os.close(os.open(data_dir / DB_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            db = connect(data_dir / DB_FILE, key)
            migrate(db)
            now = clock()
            with db.atomic():
                db.execute("INSERT INTO meta (key, value) VALUES ('device', ?), ('store_id', ?), "
                           "('created_at', ?), ('install_secret', ?)",
                           (device, info.store_id, now.isoformat(), secrets.token_hex(32)))
                if training:
                    db.execute("INSERT INTO meta (key, value) VALUES ('training', '1')")
                first = officers.add(db, name=officer, role=role, at=now)
                audit.append(db, at=now, officer_id=first.id, action="store_created",
                             details={"device": device})
                audit.append(db, at=now, officer_id=first.id, action="officer_added",
                             record_type="officer", record_id=first.id,
                             details={"role": role})
                slots.put_pin_slot(officer_id=first.id, name=officer, pin=pin, data_key=key,
                                   device_secret=device_secret)
                if recipient is not None:
                    slots.put_recovery(recipient, key)
                    audit.append(db, at=now, officer_id=first.id, action="recovery_key_set",
                                 details={"recipient": slots.recovery_slot()["recipient"]})
                created.append(slots.path)
                slots.save()
            _write_descriptor(data_dir / DESCRIPTOR, info)
        except BaseException as exc:
            # Nothing in here yet but what we just made: leave the folder as we found it.
            with contextlib.suppress(Exception):
                db.close()  # type: ignore[possibly-undefined]
            for path in (*created, data_dir / (DB_FILE + "-wal"), data_dir / (DB_FILE + "-shm"),
                         data_dir / (SLOTS_FILE + ".tmp")):
                with contextlib.suppress(OSError):
                    path.unlink()
            place.forget_device_secret(info.store_id)
            if isinstance(exc, OSError) or (isinstance(exc, DatabaseError)
                                            and is_disk_error(exc)):
                detail = f"{exc.strerror} ({exc.filename})" if isinstance(exc, OSError) else exc
                raise StoreWriteFailed(f"cannot create the store in {data_dir}: {detail}") from None
            raise
        return cls(db, data_dir=data_dir, key_place=place, clock=clock, slots=slots,
                   data_key=key, officer=first)

    @classmethod
    def signin_info(cls, data_dir: Path, *, environ=os.environ) -> SignInInfo | None:
        """Who may sign in, without any PIN (the sign-in screen); None when there is no
        store yet. Raises what :meth:`open` would for a store that cannot be opened."""
        if not cls.exists(data_dir):
            return None
        _check_store_file(data_dir)
        info = _read_descriptor(data_dir)
        if KeySlots.exists(data_dir) or info.key_place not in LEGACY_PLACES:
            place = find_key_place(data_dir, environ)
            slots = KeySlots.load(data_dir, info.store_id)
            cls._device_secret_for(slots, place, info.store_id)
            return SignInInfo(officers=slots.officer_names(), key_warning=place.warning(),
                              training=info.training)
        # Made before key slots: its officers are in the database, which its raw key opens
        # (the weakness the upgrade at the next sign-in removes).
        place = key_place_of(data_dir, info.key_place, environ)
        db = _connect(data_dir, place.load(info.store_id))
        try:
            names = [r[0] for r in db.execute("SELECT name FROM officers WHERE disabled = 0 "
                                              "ORDER BY created_at").fetchall()]
            training = bool(db.execute("SELECT 1 FROM meta WHERE key = 'training' "
                                       "AND value = '1'").fetchone())
        finally:
            db.close()
        return SignInInfo(officers=names, key_warning=place.warning(), training=training)

    @staticmethod
    def _device_secret_for(slots: KeySlots, place: KeyPlace, store_id: str) -> bytes | None:
        """This laptop's device secret; refused where the slots need one and it is not."""
        secret = place.device_secret(store_id)
        if secret is None and slots.needs_device_secret():
            if not place.secure:
                raise KeyringUnavailable(
                    "this store's PINs are bound to a device secret kept in the OS keyring, "
                    "and no secure keyring is available: unlock or restore it (IT can "
                    "recover the store with the recovery key); the store was left untouched")
            raise StoreKeyMissing("this store's device secret is not in the keyring: restore "
                                  "the keyring, or IT recovers the store with the recovery "
                                  "key; the store was left untouched")
        return secret

    @classmethod
    def open(cls, data_dir: Path, *, officer: str | None, pin: str, environ=os.environ,
             clock: Clock = kst_now) -> Store:
        """The store, signed in as ``officer`` (None: the only one) with ``pin``.

        A wrong PIN raises :class:`SignInFailed` (counted in the slot file; the lock after
        repeated failures holds across restarts); nothing is decrypted without the PIN.
        A store made before key slots opens once more through its raw key, checks the PIN
        against the hash it kept, wraps its key for every officer, then deletes the raw key.
        """
        _check_store_file(data_dir)
        info = _read_descriptor(data_dir)
        if KeySlots.exists(data_dir) or info.key_place not in LEGACY_PLACES:
            return cls._open_slots(data_dir, info, officer, pin, environ, clock)
        return cls._open_legacy(data_dir, info, officer, pin, environ, clock)

    @classmethod
    def _open_slots(cls, data_dir: Path, info: StoreInfo, name: str | None, pin: str,
                    environ, clock: Clock) -> Store:
        place = find_key_place(data_dir, environ)
        slots = KeySlots.load(data_dir, info.store_id)
        device_secret = cls._device_secret_for(slots, place, info.store_id)
        slot = slots.find(name)
        key = slots.unlock(slot, pin, now=clock(), device_secret=device_secret)
        db = _connect(data_dir, key)
        try:
            migrate(db)
            store = cls(db, data_dir=data_dir, key_place=place, clock=clock, slots=slots,
                        data_key=key)
            store.officer = officers.get(db, slot["id"])
            if info.key_place in LEGACY_PLACES:  # an upgrade cut short: finish it
                store._forget_legacy_key(key_place_of(data_dir, info.key_place, environ), info)
            store._after_unlock(slot, pin, device_secret)
        except BaseException:
            db.close()
            raise
        return store

    @classmethod
    def _open_legacy(cls, data_dir: Path, info: StoreInfo, name: str | None, pin: str,
                     environ, clock: Clock) -> Store:
        place = key_place_of(data_dir, info.key_place, environ)
        key = place.load(info.store_id)
        db = _connect(data_dir, key)
        try:
            migrate(db)
            officer = officers.find(db, name)
            now = clock()
            with db.atomic():
                ok = officers.check_pin(db, officer, pin, now=now)
                if not ok:
                    audit.append(db, at=now, officer_id=officer.id, action="signin_failed",
                                 record_type="officer", record_id=officer.id)
            if not ok:
                raise SignInFailed("wrong PIN")
            laptop = find_key_place(data_dir, environ)
            slots = KeySlots.new(data_dir, info.store_id)
            store = cls(db, data_dir=data_dir, key_place=laptop, clock=clock, slots=slots,
                        data_key=key, officer=officer)
            store._wrap_legacy_key(place, info, environ)
            store._after_unlock(slots.find(officer.name), pin,
                                laptop.device_secret(info.store_id))
        except BaseException:
            db.close()
            raise
        return store

    def _wrap_legacy_key(self, old: KeyPlace, info: StoreInfo, environ) -> None:
        """The one-time upgrade of a store made before key slots: a slot for every active
        officer from the PIN hash the store kept, written (and fsynced) before the raw
        key is deleted, so a power cut at any point leaves a store that opens."""
        device_secret = self.key_place.device_secret(info.store_id, create=True)
        rows = self.db.execute("SELECT id, name, pin_hash, failed_attempts, locked_until "
                               "FROM officers WHERE disabled = 0 ORDER BY created_at").fetchall()
        wrapped = [officer_id for officer_id, name, pin_hash, failures, until in rows
                   if self.slots.put_legacy_slot(officer_id=officer_id, name=name,
                                                 pin_hash=pin_hash, data_key=self._data_key,
                                                 device_secret=device_secret,
                                                 lock=(failures, until))]
        pem = recovery_key_from(None, environ)  # else the hub's at the next enrolment
        if pem:
            from fieldbus.store.keyslots import load_public_key

            with contextlib.suppress(ValidationError):  # a bad file: set it later instead
                self.slots.put_recovery(load_public_key(pem), self._data_key)
        self.slots.save()
        now = self.clock()
        with self.write():
            self.db.execute("UPDATE officers SET pin_hash = '' WHERE id IN (SELECT value "
                            "FROM json_each(?))", (json.dumps(wrapped),))
            audit.append(self.db, at=now, officer_id=self.officer.id if self.officer else None,
                         action="store_key_wrapped",
                         details={"slots": len(wrapped), "officers": len(rows),
                                  "recovery": self.slots.recovery_slot() is not None})
        self._forget_legacy_key(old, info)

    def _forget_legacy_key(self, old: KeyPlace, info: StoreInfo) -> None:
        old.forget(info.store_id)
        _write_descriptor(self.data_dir / DESCRIPTOR, StoreInfo(
            store_id=info.store_id, key_place=SLOTS, training=self.training))

    def _after_unlock(self, slot: dict, pin: str, device_secret: bytes | None) -> None:
        """After a right PIN: audit the wrong PINs given before the store was open, bind a
        slot made without a device secret (recovery, an upgrade) to this laptop's, and
        note a PIN shorter than today's rule."""
        changed = False
        if device_secret is None and self.key_place.secure:
            device_secret = self.key_place.device_secret(self.slots.store_id, create=True)
        if device_secret is not None and not slot.get("device_secret"):
            self.slots.put_pin_slot(officer_id=slot["id"], name=slot["officer"], pin=pin,
                                    data_key=self._data_key, device_secret=device_secret)
            changed = True
        failures = self.slots.take_unaudited()
        if failures:
            now = self.clock()
            with self.write():
                for officer_id, when in failures:
                    audit.append(self.db, at=now, officer_id=officer_id, action="signin_failed",
                                 record_type="officer", record_id=officer_id,
                                 details={"before_opening": True, "failed_at": when})
            changed = True
        if changed:
            self.slots.save()
        if len(pin.strip()) < officers.MIN_NEW_PIN:
            self.notices.append(officers.SHORT_PIN_NOTICE)

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
        """Check ``name``'s PIN against their slot (the lock screen, another officer on an
        open store); counted, locked out and audited as at opening."""
        officer = officers.find(self.db, name)
        slot = self.slots.slot_of(officer.id)
        if slot is None:
            raise SignInFailed(f"{officer.name} has no key slot on this laptop: a supervisor "
                               "or IT must give them a new PIN")
        device_secret = self._device_secret_for(self.slots, self.key_place, self.slots.store_id)
        try:
            key = self.slots.unlock(slot, pin, now=self.clock(), device_secret=device_secret,
                                    audit_later=False)
        except SignInFailed:
            with self.write():
                audit.append(self.db, at=self.clock(), officer_id=officer.id,
                             action="signin_failed", record_type="officer",
                             record_id=officer.id)
            raise
        if not same_key(key, self._data_key):
            raise StoreKeyWrong("this officer's slot holds another store's key")
        self.notices = []
        self._after_unlock(slot, pin, device_secret)
        self.officer = officer
        return officer

    def _require_supervisor(self, by: Officer, what: str) -> None:
        if by.role != "supervisor":
            raise PermissionDenied(f"only a supervisor can {what}: sign in as one")

    def add_officer(self, by: Officer, *, name: str, role: str, pin: str) -> Officer:
        """A new officer and their key slot; a supervisor only (docs/security.md §3)."""
        self._require_supervisor(by, "add an officer")
        pin = officers.validate_new_pin(pin)
        now = self.clock()
        device_secret = self._device_secret_for(self.slots, self.key_place, self.slots.store_id)
        with self.write():
            officer = officers.add(self.db, name=name, role=role, at=now)
            audit.append(self.db, at=now, officer_id=by.id, action="officer_added",
                         record_type="officer", record_id=officer.id, details={"role": role})
            self.slots.put_pin_slot(officer_id=officer.id, name=officer.name, pin=pin,
                                    data_key=self._data_key, device_secret=device_secret)
            try:
                self.slots.save()
            except BaseException:
                self.slots.remove(officer.id)
                raise
        return officer

    def disable_officer(self, by: Officer, name: str) -> Officer:
        """Stop ``name`` signing in here: their slot goes; their row, records and audit
        stay. A supervisor only, never themselves."""
        self._require_supervisor(by, "disable an officer")
        officer = officers.find(self.db, name)
        if officer.id == by.id:
            raise ValidationError("officer", "you cannot disable yourself", code="self")
        now = self.clock()
        removed = dict(self.slots.slot_of(officer.id) or {})
        with self.write():
            self.db.execute("UPDATE officers SET disabled = 1 WHERE id = ?", (officer.id,))
            audit.append(self.db, at=now, officer_id=by.id, action="officer_disabled",
                         record_type="officer", record_id=officer.id,
                         details={"role": officer.role})
            self.slots.remove(officer.id)
            try:
                self.slots.save()
            except BaseException:
                if removed:
                    self.slots.slots.append(removed)
                raise
        return officer

    def set_role(self, by: Officer, name: str, role: str) -> Officer:
        """Change ``name``'s role; a supervisor only, audited."""
        self._require_supervisor(by, "change a role")
        if role not in ROLES:
            raise ValidationError("role", f"must be one of {', '.join(ROLES)}", code="role")
        officer = officers.find(self.db, name)
        with self.write():
            self.db.execute("UPDATE officers SET role = ? WHERE id = ?", (role, officer.id))
            audit.append(self.db, at=self.clock(), officer_id=by.id, action="officer_role_changed",
                         record_type="officer", record_id=officer.id,
                         details={"from": officer.role, "to": role})
        return Officer(id=officer.id, name=officer.name, role=role)

    def change_pin(self, officer: Officer, new_pin: str) -> None:
        """``officer`` (signed in) chooses a new PIN: their slot is wrapped again."""
        new_pin = officers.validate_new_pin(new_pin)
        device_secret = self._device_secret_for(self.slots, self.key_place, self.slots.store_id)
        with self.write():
            audit.append(self.db, at=self.clock(), officer_id=officer.id, action="pin_changed",
                         record_type="officer", record_id=officer.id)
            self.slots.put_pin_slot(officer_id=officer.id, name=officer.name, pin=new_pin,
                                    data_key=self._data_key, device_secret=device_secret)
            self.slots.save()
        self.notices = [n for n in self.notices if n != officers.SHORT_PIN_NOTICE]

    def set_recovery_key(self, by: Officer | None, pem: bytes | str) -> str:
        """Seal the data key to the centre's recovery public key (``pem``), replacing an
        earlier one; returns its fingerprint. From setup, enrolment or a supervisor."""
        from fieldbus.store.keyslots import fingerprint, load_public_key

        public = load_public_key(pem)
        recipient = fingerprint(public)
        old = self.slots.recovery_slot()
        if old is not None and old.get("recipient") == recipient:
            return recipient
        with self.write():
            audit.append(self.db, at=self.clock(), officer_id=by.id if by else None,
                         action="recovery_key_set", details={"recipient": recipient})
            self.slots.put_recovery(public, self._data_key)
            self.slots.save()
        return recipient

    @classmethod
    def recover(cls, data_dir: Path, *, private_key_pem: bytes, officer: str, new_pin: str,
                clock: Clock = kst_now) -> Officer:
        """IT's way in when every PIN is lost: on IT's own machine, with a copy of the
        laptop's data folder and the centre's recovery private key, give ``officer`` a
        new PIN. The new slot has no device secret (IT's keyring is not the laptop's); the
        laptop binds it to its own at that officer's next sign-in. Audited."""
        from fieldbus.store.keyslots import load_private_key

        new_pin = officers.validate_new_pin(new_pin)
        private = load_private_key(private_key_pem)
        _check_store_file(data_dir)
        info = _read_descriptor(data_dir)
        slots = KeySlots.load(data_dir, info.store_id)
        key = slots.open_recovery(private)
        db = _connect(data_dir, key)
        try:
            migrate(db)
            found = officers.find(db, officer)
            now = clock()
            with db.atomic():
                audit.append(db, at=now, officer_id=None, action="store_recovered",
                             record_type="officer", record_id=found.id)
                slots.put_pin_slot(officer_id=found.id, name=found.name, pin=new_pin,
                                   data_key=key, device_secret=None)
                slots.save()
        finally:
            db.close()
        return found

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


def rows_by_rowid(store: Store, table: str, columns: str, rowids: list[int],
                  make: Callable[[Store, tuple], T]) -> list[T]:
    """``make(store, row)`` for each row of ``table`` with these row ids, in the order given
    (a search's ranking); ids no longer present are skipped. Not audited: the caller is."""
    if not rowids:
        return []
    rows = store.db.execute(
        f"SELECT rowid, {columns} FROM {table} WHERE rowid IN "
        f"({','.join('?' * len(rowids))})", rowids).fetchall()
    found = {row[0]: make(store, row[1:]) for row in rows}
    return [found[r] for r in rowids if r in found]

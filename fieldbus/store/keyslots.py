"""The store's data key, kept only wrapped: one slot per officer, one for recovery.

``fieldbus.db`` is encrypted with a random 256-bit data key that is never written down in
the clear. ``keyslots.json`` beside it (not secret: it holds no key anyone can use alone)
keeps that key wrapped several times (docs/security.md §2):

- **An officer's slot**: AES-256-GCM under a key-encryption key (KEK) made from the
  officer's PIN with Argon2id (cost and salt stored in the slot) and, where the laptop has
  a secure OS keyring, a random *device secret* kept there, joined by HKDF-SHA256. The
  associated data names the store and the slot, so a slot cannot be moved to another
  store or officer. A wrong PIN fails the GCM tag: that is the PIN check.
- **The recovery slot**: the data key sealed to the centre's recovery public key (X25519
  with a fresh ephemeral key, HKDF-SHA256, AES-256-GCM). Only IT's private key, which
  never touches a laptop, opens it (``fieldbus recover``).

Officer names are in the file so that the sign-in screen can list them before anything
is decrypted; they are staff names, not citizens' data. The wrong-PIN counter and lock
are kept per slot here too, because before sign-in the encrypted database cannot be
read; whoever can edit this file can reset them (see docs/security.md), so the offline
defence is Argon2's cost, the PIN's length and the device secret.

Every change is written to a temporary file, flushed to disk and renamed over the old
one, so a power cut leaves the old file or the new one.
"""

from __future__ import annotations

import base64
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from fieldbus.store.errors import SignInFailed, SignInLocked, StoreKeyMissing, StoreKeyWrong
from fieldbus.store.private_files import write_private

SLOTS_FILE = "keyslots.json"
FORMAT = "fieldbus-keyslots"
VERSION = 1
RECOVERY = "recovery"
KEY_BYTES = 32
_MAX_UNAUDITED = 50  # wrong PINs remembered for the audit log until the store next opens


@dataclass(frozen=True)
class KdfCost:
    """Argon2id's cost for one PIN guess; stored in each slot, which keeps what it used."""

    time_cost: int
    memory_kib: int
    parallelism: int


#: RFC 9106's second recommended profile (argon2-cffi's RFC_9106_LOW_MEMORY): 64 MiB,
#: 3 passes, 4 lanes — about 120–170 ms a guess on the reference laptop (docs/security.md).
PRODUCTION = KdfCost(time_cost=3, memory_kib=64 * 1024, parallelism=4)
#: The cost of new slots. Only tests lower it (tests/conftest.py); slots made then record
#: their lower cost, and production code never writes anything but PRODUCTION.
new_slot_cost = PRODUCTION


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _aad(store_id: str, slot_id: str) -> bytes:
    return f"fieldbus-keyslot/{VERSION}/{store_id}/{slot_id}".encode()


def _pin_key(pin: str, kdf: dict[str, Any]) -> bytes:
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(pin.encode("utf-8"), _unb64(kdf["salt"]), time_cost=int(kdf["t"]),
                           memory_cost=int(kdf["m"]), parallelism=int(kdf["p"]),
                           hash_len=KEY_BYTES, type=Type.ID, version=int(kdf.get("v", 19)))


def _kek(pin_key: bytes, device_secret: bytes | None) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                info=b"fieldbus keyslot kek v1").derive(pin_key + (device_secret or b""))


def _seal(kek: bytes, data_key: bytes, aad: bytes) -> tuple[str, str]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    return _b64(nonce), _b64(AESGCM(kek).encrypt(nonce, data_key, aad))


def _open(kek: bytes, slot: dict[str, Any], aad: bytes) -> bytes | None:
    """The data key, or None when the KEK is wrong (the tag does not hold)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        key = AESGCM(kek).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]), aad)
    except InvalidTag:
        return None
    return key if len(key) == KEY_BYTES else None


def lock_state(slot: dict[str, Any]) -> tuple[int, str | None]:
    return int(slot.get("failed_attempts", 0)), slot.get("locked_until")


# -- the recovery key -------------------------------------------------------------------


def load_public_key(pem: bytes | str):
    """The centre's X25519 recovery public key from PEM; ``ValidationError`` otherwise."""
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    from fieldbus.domain.errors import ValidationError

    try:
        key = load_pem_public_key(pem.encode("ascii") if isinstance(pem, str) else pem)
    except (ValueError, TypeError, UnicodeEncodeError):
        key = None
    if not isinstance(key, X25519PublicKey):
        raise ValidationError("recovery_key", "not an X25519 public key in PEM form "
                              "(make one with `fieldbus-hub recovery-key generate`)",
                              code="recovery_key")
    return key


def load_private_key(pem: bytes):
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    from fieldbus.domain.errors import ValidationError

    try:
        key = load_pem_private_key(pem, password=None)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, X25519PrivateKey):
        raise ValidationError("recovery_key", "not an X25519 private key in PEM form",
                              code="recovery_key")
    return key


def _raw_public(key) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def fingerprint(public_key) -> str:
    """A short name for a recovery public key (SHA-256 of its raw bytes, hex)."""
    import hashlib

    return hashlib.sha256(_raw_public(public_key)).hexdigest()[:32]


def _recovery_kek(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=ephemeral + recipient,
                info=b"fieldbus recovery slot v1").derive(shared)


# -- the file ---------------------------------------------------------------------------


class KeySlots:
    """One store's slot file, read into memory; :meth:`save` writes it atomically."""

    def __init__(self, path: Path, store_id: str, slots: list[dict[str, Any]]) -> None:
        self.path = path
        self.store_id = store_id
        self.slots = slots

    @staticmethod
    def exists(data_dir: Path) -> bool:
        return (data_dir / SLOTS_FILE).exists()

    @classmethod
    def new(cls, data_dir: Path, store_id: str) -> KeySlots:
        return cls(data_dir / SLOTS_FILE, store_id, [])

    @classmethod
    def load(cls, data_dir: Path, store_id: str) -> KeySlots:
        path = data_dir / SLOTS_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT or not isinstance(data.get("slots"), list):
                raise ValueError("not a key slot file")
            if int(data.get("version", 0)) > VERSION:
                raise StoreKeyMissing(f"{path} was written by a newer Fieldbus; update it")
            slots = [s for s in data["slots"] if isinstance(s, dict) and "id" in s]
        except FileNotFoundError:
            raise StoreKeyMissing(f"{path} is missing, so the store's key cannot be unwrapped; "
                                  "restore it from backup (IT can recover the store with the "
                                  "recovery key); the store file was left untouched") from None
        except (ValueError, TypeError, AttributeError):
            raise StoreKeyMissing(f"{path} is damaged; the store file was left untouched") \
                from None
        if data.get("store_id") != store_id:
            raise StoreKeyWrong(f"{path} belongs to another store; the store was left untouched")
        return cls(path, store_id, slots)

    def save(self) -> None:
        write_private(self.path, json.dumps(
            {"format": FORMAT, "version": VERSION, "store_id": self.store_id,
             "slots": self.slots}, ensure_ascii=False, indent=1).encode("utf-8"))

    # -- officers' slots ---------------------------------------------------------------

    def pin_slots(self) -> list[dict[str, Any]]:
        return [s for s in self.slots if s.get("kind") == "pin"]

    def officer_names(self) -> list[str]:
        """Who can sign in here, in the order they were added (for the sign-in screen)."""
        return [str(s.get("officer", "")) for s in self.pin_slots()]

    def slot_of(self, officer_id: str) -> dict[str, Any] | None:
        return next((s for s in self.pin_slots() if s["id"] == officer_id), None)

    def find(self, name: str | None) -> dict[str, Any]:
        """The slot of the officer ``name`` (None: the only officer), or SignInFailed."""
        slots = self.pin_slots()
        if name is None:
            if len(slots) != 1:
                raise SignInFailed("several officers use this laptop: name one with --officer "
                                   "or FIELDBUS_OFFICER")
            return slots[0]
        found = next((s for s in slots if s.get("officer") == name), None)
        if found is None:
            raise SignInFailed(f"no officer named {name} on this laptop")
        return found

    def needs_device_secret(self) -> bool:
        return any(s.get("device_secret") for s in self.pin_slots())

    def put_pin_slot(self, *, officer_id: str, name: str, pin: str, data_key: bytes,
                     device_secret: bytes | None, cost: KdfCost | None = None) -> None:
        """Add (or replace) ``officer_id``'s slot: the data key wrapped under their PIN."""
        cost = cost or new_slot_cost
        kdf = {"alg": "argon2id", "v": 19, "t": cost.time_cost, "m": cost.memory_kib,
               "p": cost.parallelism, "salt": _b64(secrets.token_bytes(16))}
        self._put_wrapped(officer_id, name, _pin_key(pin, kdf), kdf, data_key, device_secret,
                          (0, None))

    def put_legacy_slot(self, *, officer_id: str, name: str, pin_hash: str, data_key: bytes,
                        device_secret: bytes | None, lock: tuple[int, str | None]) -> bool:
        """A slot for an officer of a store made before key slots, from the Argon2id hash
        of their PIN that store kept (``$argon2id$v=19$m=…,t=…,p=…$salt$hash``).

        The hash's raw output *is* ``Argon2id(PIN, salt)`` with the parameters it names,
        so the slot opens with the officer's PIN as any other does, and every officer
        gets one at the first sign-in, before they come back. False when the hash is not
        one this can use (that officer then needs a new slot from a supervisor or IT)."""
        parts = pin_hash.split("$")
        try:
            if len(parts) != 6 or parts[1] != "argon2id":
                return False
            version = int(parts[2].removeprefix("v="))
            params = dict(item.split("=", 1) for item in parts[3].split(","))
            salt = base64.b64decode(parts[4] + "=" * (-len(parts[4]) % 4), validate=True)
            raw = base64.b64decode(parts[5] + "=" * (-len(parts[5]) % 4), validate=True)
            kdf = {"alg": "argon2id", "v": version, "t": int(params["t"]),
                   "m": int(params["m"]), "p": int(params["p"]), "salt": _b64(salt)}
        except (ValueError, KeyError):
            return False
        if len(raw) != KEY_BYTES:
            return False
        self._put_wrapped(officer_id, name, raw, kdf, data_key, device_secret, lock)
        return True

    def _put_wrapped(self, officer_id: str, name: str, pin_key: bytes, kdf: dict[str, Any],
                     data_key: bytes, device_secret: bytes | None,
                     lock: tuple[int, str | None]) -> None:
        nonce, wrapped = _seal(_kek(pin_key, device_secret), data_key,
                               _aad(self.store_id, officer_id))
        slot = {"id": officer_id, "kind": "pin", "officer": name, "kdf": kdf,
                "device_secret": device_secret is not None, "nonce": nonce, "wrapped": wrapped,
                "failed_attempts": lock[0], "locked_until": lock[1]}
        self.remove(officer_id)
        self.slots.append(slot)

    def rename(self, officer_id: str, name: str) -> None:
        slot = self.slot_of(officer_id)
        if slot is not None:
            slot["officer"] = name

    def remove(self, slot_id: str) -> bool:
        before = len(self.slots)
        self.slots = [s for s in self.slots if s["id"] != slot_id]
        return len(self.slots) != before

    def unlock(self, slot: dict[str, Any], pin: str, *, now: datetime,
               device_secret: bytes | None, audit_later: bool = True) -> bytes:
        """The data key from ``slot`` with ``pin``; counts and saves a wrong PIN.

        Raises SignInLocked while the slot is locked (nothing is tried or counted then),
        SignInFailed for a wrong PIN. ``audit_later``: the store is not open yet, so the
        slot remembers when, for the audit log once it is (:meth:`take_unaudited`)."""
        from fieldbus.store.officers import lock_delay

        failures, locked_until = lock_state(slot)
        if locked_until and now < datetime.fromisoformat(locked_until):
            wait = (datetime.fromisoformat(locked_until) - now).total_seconds()
            raise SignInLocked(f"too many wrong PINs: try again in {int(wait) + 1} s",
                               retry_after=wait)
        key = None
        if isinstance(pin, str) and pin:
            try:
                pin_key = _pin_key(pin, slot["kdf"])
                key = _open(_kek(pin_key, device_secret if slot.get("device_secret") else None),
                            slot, _aad(self.store_id, slot["id"]))
            except (KeyError, ValueError, TypeError):
                raise StoreKeyMissing(f"{self.path}: the slot of {slot.get('officer')} is "
                                      "damaged") from None
        if key is None:
            failures += 1
            delay = lock_delay(failures)
            slot["failed_attempts"] = failures
            slot["locked_until"] = (now + delay).isoformat() if delay else None
            if audit_later:
                slot["unaudited"] = [*slot.get("unaudited", []),
                                     now.isoformat()][-_MAX_UNAUDITED:]
            self.save()
            raise SignInFailed("wrong PIN")
        if failures or locked_until:
            slot["failed_attempts"], slot["locked_until"] = 0, None
            self.save()
        return key

    def take_unaudited(self) -> list[tuple[str, str]]:
        """(officer id, when) of wrong PINs given before the store was open, to audit now;
        forgotten from the file once taken (the caller saves)."""
        taken = []
        for slot in self.pin_slots():
            for when in slot.pop("unaudited", []):
                taken.append((slot["id"], str(when)))
        return taken

    # -- the recovery slot -------------------------------------------------------------

    def recovery_slot(self) -> dict[str, Any] | None:
        return next((s for s in self.slots if s.get("kind") == RECOVERY), None)

    def put_recovery(self, public_key, data_key: bytes) -> None:
        """Seal the data key to the centre's recovery public key (replacing any before)."""
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

        ephemeral = X25519PrivateKey.generate()
        eph_raw, recipient = _raw_public(ephemeral.public_key()), _raw_public(public_key)
        kek = _recovery_kek(ephemeral.exchange(public_key), eph_raw, recipient)
        nonce, wrapped = _seal(kek, data_key, _aad(self.store_id, RECOVERY))
        self.remove(RECOVERY)
        self.slots.append({"id": RECOVERY, "kind": RECOVERY,
                           "alg": "x25519-hkdf-sha256-aes256gcm",
                           "recipient": fingerprint(public_key), "ephemeral": _b64(eph_raw),
                           "nonce": nonce, "wrapped": wrapped})

    def open_recovery(self, private_key) -> bytes:
        """The data key, with the centre's recovery private key (IT's machine only)."""
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

        slot = self.recovery_slot()
        if slot is None:
            raise StoreKeyMissing(f"{self.path} has no recovery slot: this store was never "
                                  "given the centre's recovery key")
        public = private_key.public_key()
        if slot.get("recipient") != fingerprint(public):
            raise StoreKeyWrong("this recovery key is not the one the store was sealed to "
                                f"(it expects key {slot.get('recipient')})")
        try:
            eph_raw = _unb64(slot["ephemeral"])
            shared = private_key.exchange(X25519PublicKey.from_public_bytes(eph_raw))
            key = _open(_recovery_kek(shared, eph_raw, _raw_public(public)), slot,
                        _aad(self.store_id, RECOVERY))
        except (KeyError, ValueError):
            key = None
        if key is None:
            raise StoreKeyWrong(f"{self.path}: the recovery slot does not open (damaged)")
        return key


def same_key(a: bytes, b: bytes) -> bool:
    return hmac.compare_digest(a, b)

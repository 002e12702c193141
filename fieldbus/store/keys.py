"""Which keyring this laptop offers, the device secret kept there, and old stores' raw keys.

The store's data key is never kept here: it lives only wrapped, in ``keyslots.json``
(``fieldbus.store.keyslots``). What the OS keyring holds is a random *device secret*
that every officer's slot mixes into its PIN-derived key, so a copy of the data folder
is useless without this laptop's keyring as well as a PIN.

A keyring backend that writes secrets in plain text (or no backend at all) is refused
unless ``FIELDBUS_ALLOW_INSECURE_KEYRING=1`` says otherwise — for tests and development
— and then no device secret is used: the store is protected by the PIN alone, and every
start says so. Stores made before key slots kept their raw key in the keyring (or, in
development, a ``store.key`` file); :meth:`KeyPlace.load` and :meth:`KeyPlace.forget`
serve only their one-time upgrade (``Store.open``).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from fieldbus.store.errors import KeyringUnavailable, StoreKeyMissing

SERVICE = "fieldbus-store"            # stores made before key slots: the raw key
DEVICE_SERVICE = "fieldbus-device"    # the device secret of a store's slots
INSECURE_ENV = "FIELDBUS_ALLOW_INSECURE_KEYRING"
KEY_FILE = "store.key"                # stores made before key slots, development only

# Backends that keep secrets encrypted by the operating system.
_SECURE_MODULES = (
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
    "keyring.backends.macOS",
    "keyring.backends.Windows",
)


def insecure_allowed(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    return environ.get(INSECURE_ENV, "").strip().lower() in {"1", "true", "yes"}


@dataclass(frozen=True)
class KeyPlace:
    """This laptop's keyring (or, in development, none); ``key_file`` only for an old store
    whose raw key was kept in a development key file."""

    description: str
    secure: bool
    backend: object | None = None
    key_file: Path | None = None

    def warning(self) -> str | None:
        if self.secure:
            return None
        return (
            f"insecure key storage in use ({self.description}) because {INSECURE_ENV}=1: "
            "the store is protected by the PIN alone; never use this on a bus laptop"
        )

    # -- the device secret -------------------------------------------------------------

    def device_secret(self, store_id: str, *, create: bool = False) -> bytes | None:
        """The store's device secret from a secure keyring (made when ``create``), or None
        where there is no secure keyring (development: the PIN alone)."""
        if not self.secure:
            return None
        text = self.backend.get_password(DEVICE_SERVICE, store_id)  # type: ignore[union-attr]
        if text is None:
            if not create:
                return None
            text = secrets.token_bytes(32).hex()
            self.backend.set_password(DEVICE_SERVICE, store_id, text)  # type: ignore[union-attr]
            if self.backend.get_password(DEVICE_SERVICE, store_id) != text:  # type: ignore[union-attr]
                raise KeyringUnavailable("the keyring did not keep the store's device secret")
        try:
            secret = bytes.fromhex(text)
        except ValueError:
            secret = b""
        if len(secret) != 32:
            raise StoreKeyMissing("the store's device secret in the keyring is damaged; IT can "
                                  "recover the store with the recovery key")
        return secret

    def forget_device_secret(self, store_id: str) -> None:
        if self.secure:
            with contextlib.suppress(Exception):
                self.backend.delete_password(DEVICE_SERVICE, store_id)  # type: ignore[union-attr]

    # -- stores made before key slots --------------------------------------------------

    def load(self, store_id: str) -> bytes:
        """An old store's raw key (its one-time upgrade to key slots)."""
        if self.key_file is not None:
            if not self.key_file.exists():
                raise StoreKeyMissing(f"the store key file {self.key_file} is missing")
            text = self.key_file.read_text().strip()
        else:
            if self.backend is None:
                raise KeyringUnavailable("this store's key is kept in the OS keyring, and no "
                                         "keyring is available")
            text = self.backend.get_password(SERVICE, store_id)
            if text is None:
                raise StoreKeyMissing(
                    f"the store key is not in the keyring ({self.description}); restore the "
                    "keyring or recover the store — the store file was left untouched"
                )
        try:
            key = bytes.fromhex(text)
        except ValueError:
            raise StoreKeyMissing("the stored key is damaged (not hex)") from None
        if len(key) != 32:
            raise StoreKeyMissing("the stored key is damaged (wrong length)")
        return key

    def forget(self, store_id: str) -> None:
        """Remove an old store's raw key, once its slots hold it wrapped."""
        if self.key_file is not None:
            with contextlib.suppress(FileNotFoundError):
                self.key_file.unlink()
            with contextlib.suppress(OSError):
                dir_fd = os.open(self.key_file.parent, os.O_RDONLY)
                try:
                    os.fsync(dir_fd)
                finally:
                    os.close(dir_fd)
        elif self.backend is not None:
            with contextlib.suppress(Exception):  # already gone: nothing to remove
                self.backend.delete_password(SERVICE, store_id)


def _is_secure(backend: object) -> bool:
    inner = getattr(backend, "backends", None)  # the chainer tries several
    if inner is not None:
        return bool(inner) and _is_secure(inner[0])
    module = type(backend).__module__
    return module.startswith(_SECURE_MODULES)


def _is_absent(backend: object) -> bool:
    inner = getattr(backend, "backends", None)
    if inner is not None:
        return not inner
    return type(backend).__module__ in {"keyring.backends.fail", "keyring.backends.null"}


def find_key_place(data_dir: Path, environ: dict[str, str] | os._Environ[str] = os.environ) -> KeyPlace:
    """This laptop's keyring, or refuse with how to fix it."""
    import keyring

    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if not _is_absent(backend) and _is_secure(backend):
        return KeyPlace(description=name, secure=True, backend=backend)
    if not insecure_allowed(environ):
        if _is_absent(backend):
            reason = "no OS keyring is available"
        else:
            reason = f"the keyring backend {name} keeps secrets in plain text"
        raise KeyringUnavailable(
            f"{reason}; install and unlock a keyring (GNOME Keyring/KWallet on Linux, the "
            f"system keychain on macOS and Windows), or for development only set {INSECURE_ENV}=1"
        )
    if _is_absent(backend):
        return KeyPlace(description="no OS keyring", secure=False)
    return KeyPlace(description=name, secure=False, backend=backend)


def key_place_of(data_dir: Path, kept_in: str, environ: dict[str, str] | os._Environ[str] = os.environ
                 ) -> KeyPlace:
    """Where an old store's raw key is, given where ``store.json`` says it was put."""
    if kept_in == "file":
        if not insecure_allowed(environ):  # a key file is plain text, whatever keyring
            raise KeyringUnavailable(
                f"this store's key is kept in a plain-text key file ({data_dir / KEY_FILE}); "
                f"for development only set {INSECURE_ENV}=1 to use it")
        place = find_key_place(data_dir, environ)
        return KeyPlace(description=f"key file {data_dir / KEY_FILE}", secure=place.secure,
                        backend=place.backend, key_file=data_dir / KEY_FILE)
    place = find_key_place(data_dir, environ)
    if place.backend is None:
        raise KeyringUnavailable("this store's key is kept in the OS keyring, and no keyring "
                                 "is available: unlock or restore it; the store file was "
                                 "left untouched")
    return place

"""Where the store's random key lives, and which places are good enough.

The key is kept in the OS keyring. A keyring backend that writes secrets in plain text (or
no backend at all) is refused unless ``FIELDBUS_ALLOW_INSECURE_KEYRING=1`` says otherwise —
for tests and development — in which case the plain-text backend is used, or with no backend
at all a key file readable only by the user, and every start says so.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from fieldbus.store.errors import KeyringUnavailable, StoreKeyMissing

SERVICE = "fieldbus-store"
INSECURE_ENV = "FIELDBUS_ALLOW_INSECURE_KEYRING"
KEY_FILE = "store.key"

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
    """Where this store's key is kept: a keyring backend, or (development only) a file."""

    description: str
    secure: bool
    backend: object | None = None
    key_file: Path | None = None

    def warning(self) -> str | None:
        if self.secure:
            return None
        return (
            f"insecure key storage in use ({self.description}) because {INSECURE_ENV}=1; "
            "never use this on a bus laptop"
        )

    def load(self, store_id: str) -> bytes:
        if self.key_file is not None:
            if not self.key_file.exists():
                raise StoreKeyMissing(f"the store key file {self.key_file} is missing")
            text = self.key_file.read_text().strip()
        else:
            text = self.backend.get_password(SERVICE, store_id)  # type: ignore[union-attr]
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

    def create(self, store_id: str) -> bytes:
        key = secrets.token_bytes(32)
        if self.key_file is not None:
            fd = os.open(self.key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(key.hex())
                handle.flush()
                os.fsync(handle.fileno())
        else:
            self.backend.set_password(SERVICE, store_id, key.hex())  # type: ignore[union-attr]
            if self.backend.get_password(SERVICE, store_id) != key.hex():  # type: ignore[union-attr]
                raise KeyringUnavailable("the keyring did not keep the store key")
        return key


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
    """Choose where the key is kept, or refuse with how to fix it."""
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
        return KeyPlace(description=f"key file {data_dir / KEY_FILE}", secure=False,
                        key_file=data_dir / KEY_FILE)
    return KeyPlace(description=name, secure=False, backend=backend)


def key_place_of(data_dir: Path, kept_in: str, environ: dict[str, str] | os._Environ[str] = os.environ
                 ) -> KeyPlace:
    """Where an existing store's key is, given where ``store.json`` says it was put."""
    place = find_key_place(data_dir, environ)
    if kept_in == "file" and place.key_file is None:
        if not insecure_allowed(environ):  # a key file is plain text, whatever keyring
            raise KeyringUnavailable(
                f"this store's key is kept in a plain-text key file ({data_dir / KEY_FILE}); "
                f"for development only set {INSECURE_ENV}=1 to use it")
        return KeyPlace(description=f"key file {data_dir / KEY_FILE}", secure=False,
                        key_file=data_dir / KEY_FILE)
    if kept_in == "keyring" and place.key_file is not None:
        raise KeyringUnavailable("this store's key is kept in the OS keyring, and no keyring "
                                 "is available: unlock or restore it; the store file was "
                                 "left untouched")
    return place

"""Errors of the local store, each one a situation a person can act on."""

from __future__ import annotations

from fieldbus.domain.errors import FieldbusError


class StoreError(FieldbusError):
    """The store cannot do what was asked; nothing was changed."""

    code = "store"


class StoreMissing(StoreError):
    code = "store_missing"


class StoreExists(StoreError):
    code = "store_exists"


class KeyringUnavailable(StoreError):
    """No secure place for the store key: refuse rather than keep it in plain text."""

    code = "keyring_unavailable"


class StoreKeyMissing(StoreError):
    """The store file exists but its key is not where it should be.

    Never answered by creating a new store: the old file holds cases not yet synced.
    """

    code = "store_key_missing"


class StoreKeyWrong(StoreError):
    code = "store_key_wrong"


class StoreTooNew(StoreError):
    code = "store_too_new"


class StoreWriteFailed(StoreError):
    """The disk refused a write (full, read-only, removed); the transaction was rolled back."""

    code = "store_write_failed"


class SignInFailed(StoreError):
    code = "signin_failed"


class SignInLocked(StoreError):
    """Too many wrong PINs: sign-in waits ``retry_after`` seconds."""

    code = "signin_locked"

    def __init__(self, message: str, *, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after

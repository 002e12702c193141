"""Where the hub's device token is kept: in the OS keyring, never in a plain file.

The token lets anyone holding it push to the hub as this laptop, so it goes to the
keyring that keeps the store's device secret (``fieldbus.store.keys``) — or, only in the
development mode ``FIELDBUS_ALLOW_INSECURE_KEYRING=1`` with no keyring at all, a file
beside the store, readable only by the user. It is never written to the store, a log or
stdout.
"""

from __future__ import annotations

from fieldbus.store.errors import KeyringUnavailable
from fieldbus.store.private_files import write_private
from fieldbus.store.store import Store

SERVICE = "fieldbus-hub-device"
TOKEN_FILE = "hub-device.token"


def _account(store: Store) -> str:
    return store.meta("store_id") or ""


def save(store: Store, token: str) -> None:
    place = store.key_place
    if place.backend is None:  # the development fallback, announced on every start
        write_private(store.data_dir / TOKEN_FILE, token.encode("ascii"))
        return
    place.backend.set_password(SERVICE, _account(store), token)  # type: ignore[union-attr]
    if place.backend.get_password(SERVICE, _account(store)) != token:  # type: ignore[union-attr]
        raise KeyringUnavailable("the keyring did not keep the hub's device token")


def load(store: Store) -> str | None:
    """The device token, or None before enrolment."""
    place = store.key_place
    path = store.data_dir / TOKEN_FILE
    if place.backend is None or path.exists():  # (an old development store's file too)
        return path.read_text().strip() or None if path.exists() else None
    return place.backend.get_password(SERVICE, _account(store))  # type: ignore[union-attr]

"""Where the hub's device token is kept: beside the store's key, never in a plain file.

The token lets anyone holding it push to the hub as this laptop, so it goes where the
store's key goes (``fieldbus.store.keys``): the OS keyring, or — only when the development
fallback ``FIELDBUS_ALLOW_INSECURE_KEYRING=1`` put the store's key in a file — a file
beside it, readable only by the user. It is never written to the store, a log or stdout.
"""

from __future__ import annotations

import contextlib
import os

from fieldbus.store.errors import KeyringUnavailable
from fieldbus.store.store import Store

SERVICE = "fieldbus-hub-device"
TOKEN_FILE = "hub-device.token"


def _account(store: Store) -> str:
    return store.meta("store_id") or ""


def save(store: Store, token: str) -> None:
    place = store.key_place
    if place.key_file is not None:  # the development fallback, announced on every start
        path = store.data_dir / TOKEN_FILE
        tmp = path.with_suffix(".tmp")
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(token)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
        return
    place.backend.set_password(SERVICE, _account(store), token)  # type: ignore[union-attr]
    if place.backend.get_password(SERVICE, _account(store)) != token:  # type: ignore[union-attr]
        raise KeyringUnavailable("the keyring did not keep the hub's device token")


def load(store: Store) -> str | None:
    """The device token, or None before enrolment."""
    place = store.key_place
    if place.key_file is not None:
        path = store.data_dir / TOKEN_FILE
        return path.read_text().strip() or None if path.exists() else None
    return place.backend.get_password(SERVICE, _account(store))  # type: ignore[union-attr]

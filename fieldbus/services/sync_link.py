"""The laptop's end of sync: the store behind ``sync.client.Laptop``, enrolment, a run.

``sync`` never imports ``fieldbus``; this module joins them. It reads where the hub is
and how to trust it from the store's ``meta`` (and ``FIELDBUS_CA_BUNDLE``), the device
token from the keyring (``fieldbus.store.hub_token``), and refuses training stores before
any network call.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from fieldbus.domain.errors import ValidationError
from fieldbus.domain.records import Officer
from fieldbus.store import audit, hub_token
from fieldbus.store import sync as store_sync
from fieldbus.store.store import Store
from sync import client, protocol
from sync.progress import Report, silent

HUB_API_KEY = "hub_url"          # the address this laptop reaches the hub at (enrol --hub)
CA_BUNDLE_KEY = "hub_ca_bundle"  # optional: a CA bundle for the hub's certificate
CA_BUNDLE_ENV = "FIELDBUS_CA_BUNDLE"


class StoreLaptop:
    """:class:`sync.client.Laptop` over an open store, for the officer running the sync."""

    def __init__(self, store: Store, officer: Officer | None) -> None:
        self.store = store
        self.officer = officer
        self.device = store.device or ""

    def pending(self, limit: int, after: int) -> list[store_sync.Outgoing]:
        return store_sync.pending(self.store, limit=limit, after=after)

    def blob(self, sha256: str) -> bytes | None:
        return store_sync.blob(self.store, sha256)

    def sending(self, batch: Sequence[Any]) -> None:
        store_sync.mark_sending(self.store, batch)

    def acknowledge(self, sent: Sequence[Any], results: Sequence[Any]) -> None:
        store_sync.record_results(self.store, sent, results, by=self.officer)

    def cursor(self) -> str:
        return store_sync.cursor(self.store)

    def apply_pull(self, changes: Sequence[Any], cursor: str) -> None:
        store_sync.apply_pull(self.store, changes, cursor, by=self.officer)

    def counts(self) -> tuple[int, int]:
        return store_sync.counts(self.store)

    def waiting_uploads(self) -> list[store_sync.WaitingUpload]:
        return store_sync.waiting_uploads(self.store)

    def upload_state(self, sha256: str, state: str, upload_url: str | None = None,
                     error: str | None = None) -> None:
        store_sync.upload_state(self.store, sha256, state=state, upload_url=upload_url,
                                error=error)

    def upload_done(self, sha256: str) -> None:
        store_sync.upload_done(self.store, sha256, by=self.officer)

    def audit_report(self, vouched: Any) -> dict[str, Any] | None:
        return store_sync.audit_report(self.store, vouched)

    def audit_vouched(self, answer: Any) -> None:
        store_sync.record_vouched(self.store, answer)


def _refuse_training(store: Store) -> None:
    from fieldbus.services.training import refuse_sync

    refuse_sync(store)


def _verify(store: Store, environ, ca_bundle: str | None = None) -> Any:
    return client.tls_verify(ca_bundle or environ.get(CA_BUNDLE_ENV) or store.meta(CA_BUNDLE_KEY))


def _set_meta(store: Store, values: dict[str, str]) -> None:
    store.db.conn.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
        "value = excluded.value", list(values.items()))


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _hub_url(url: str) -> str:
    """The hub's address: HTTPS, or plain HTTP only on this machine (a hub under test) —
    the device token and personal data never cross a network in clear text."""
    try:
        parsed = httpx.URL(url.strip())
    except httpx.InvalidURL:
        parsed = httpx.URL("")
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise ValidationError("hub", "the hub's address must be an https URL, e.g. "
                              "https://hub.example.go.kr", code="format")
    if parsed.scheme == "http" and parsed.host not in LOOPBACK:
        raise ValidationError("hub", "the hub must be reached over https (plain http only "
                              "to a hub on this machine)", code="insecure")
    return str(parsed).rstrip("/")


def enrol(store: Store, officer: Officer, *, hub_url: str, username: str, password: str,
          ca_bundle: str | None = None, environ=os.environ,
          transport: httpx.BaseTransport | None = None,
          **connection: Any) -> protocol.EnrolResponse:
    """Register this laptop with the hub; keep the token in the keyring and the hub's
    addresses, QR secret and ``ca_bundle`` (a centre with its own CA) in ``meta``. Records
    are never touched: re-enrolling a laptop keeps everything it has not synced yet."""
    from fieldbus.receipts.issue import HUB_URL_KEY  # the QR's address (reportlab: lazily)

    _refuse_training(store)
    url = _hub_url(hub_url)
    request: protocol.EnrolRequest = {
        "protocol": protocol.PROTOCOL_VERSION, "username": username, "password": password,
        "device": store.device or "", "device_key": store.meta("device_key") or "",
        "qr_secret": store.meta("install_secret") or ""}
    with client.Connection(url, verify=_verify(store, environ, ca_bundle),
                           transport=transport, **connection) as conn:
        try:
            answer = client.enrol(conn, request)
        except client.HubRefused as exc:
            if exc.hub_code != protocol.DEVICE_NOT_REGISTERED:
                raise
            # What to ask IT for, in the laptop's words (the hub's are its own).
            raise client.HubRefused(
                f"this laptop's device code {store.device} is not registered at the hub: "
                f"ask IT to run `fieldbus-hub device add {store.device}`",
                exc.hub_code) from None
    hub_token.save(store, answer["token"])
    now = store.clock()
    with store.write():
        values = {HUB_API_KEY: url, HUB_URL_KEY: answer["public_url"].rstrip("/"),
                  "qr_secret": answer["qr_secret"]}
        # The hub keeps the first QR secret it was given for this code; receipts printed
        # from now on must carry codes the hub can check.
        if answer["qr_secret"] != store.meta("install_secret"):
            values["install_secret"] = answer["qr_secret"]
        if ca_bundle:
            values[CA_BUNDLE_KEY] = str(Path(ca_bundle).resolve())
        _set_meta(store, values)
        audit.append(store.db, at=now, officer_id=officer.id, action="device_enrolled",
                     details={"hub": url, "device": store.device,
                              "qr_secret_changed": "install_secret" in values})
    if answer.get("recovery_public_key"):  # the centre's: seal the store's key to it too
        store.set_recovery_key(officer, answer["recovery_public_key"])
    return answer


@dataclass(frozen=True)
class HubAccess:
    """Where the hub is and how to reach it: read from the store, used off it (the app
    reads it on the store worker and talks to the hub from its sync thread)."""

    url: str
    token: str = field(repr=False)
    verify: Any

    def connect(self, **connection: Any) -> client.Connection:
        return client.Connection(self.url, token=self.token, verify=self.verify, **connection)


def hub_access(store: Store, *, environ=os.environ) -> HubAccess:
    """The enrolled hub; ``ValidationError`` (code ``not_enrolled``) before enrolment and
    ``training_store`` for a training store."""
    _refuse_training(store)
    url = store.meta(HUB_API_KEY)
    token = hub_token.load(store)
    if not url or not token:
        raise ValidationError("hub", "this laptop is not enrolled with a hub yet: run "
                              "`fieldbus enrol --hub URL --user NAME --password-stdin`",
                              code="not_enrolled")
    return HubAccess(url, token, _verify(store, environ))


def run(store: Store, officer: Officer | None, *, environ=os.environ,
        transport: httpx.BaseTransport | None = None, progress: Report = silent,
        **connection: Any) -> client.SyncResult:
    """One push-then-pull, reporting how far it got to ``progress``. A laptop not enrolled
    yet raises ``ValidationError``."""
    access = hub_access(store, environ=environ)
    with access.connect(transport=transport, **connection) as conn:
        return client.Client(conn, StoreLaptop(store, officer), progress=progress).run()

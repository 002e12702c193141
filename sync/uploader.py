"""The laptop's tus client: each waiting file sent from the last byte the hub holds (issue 15).

A file goes in as few requests as the link allows: a creation that carries the whole file
(tus creation-with-upload) when the link holds, else — after a cut — the offset asked
from the hub (``HEAD``) and one ``PATCH`` with the rest. The offset always comes from
the hub, never from what this laptop remembers: the hub keeps what arrived before a cut
and nothing else, so asking is the only way to be right. The upload's address is kept in
the laptop's store (``Laptop.upload_state``) so that a file cut off in one run goes on in
the next, and while a creation's answer is unknown (``creating``) the next attempt asks
for the upload without sending the bytes again (the hub has one upload per device and
blob, so asking again finds it).

A request that carries bytes is sent once: a retry of the same bytes at the same offset
would be refused (the hub moved on) or would send again what it kept. Other requests
retry by :class:`sync.client.Connection`'s rules. An upload that stops making progress
for :attr:`Retry.attempts` tries in a row ends the run (what is left goes on next time).

When the finished upload's bytes do not hash to its SHA-256 (the hub's partial bytes
were damaged, or this laptop sent other bytes than before), the hub deletes it and the
file is sent once more from the first byte; a file missing or damaged on this laptop is
marked ``failed`` and left for a person.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from typing import Any, Protocol

import httpx

from sync import protocol
from sync.failures import NOT_THE_HUB, HubUnreachable, NotTheHub
from sync.progress import Meter

#: Bytes handed to the socket at a time (progress moves at this step).
SLICE = 64 * 1024
DAMAGED = "the file is missing or damaged on this laptop"


class Waiting(Protocol):
    sha256: str
    size: int
    name: str | None
    upload_url: str | None
    state: str


class Connection(Protocol):
    """What the uploader needs of :class:`sync.client.Connection`."""

    retry: Any

    def tus(self, method: str, path: str, *, headers: dict[str, str], content: Any = None,
            once: bool = False) -> httpx.Response | None: ...


class Files(Protocol):
    """What the uploader needs from the laptop (fieldbus/services/sync_link.py)."""

    def blob(self, sha256: str) -> bytes | None: ...
    def upload_state(self, sha256: str, state: str, upload_url: str | None = None,
                     error: str | None = None) -> None: ...
    def upload_done(self, sha256: str) -> None: ...


class Restart(Exception):
    """The hub no longer has this upload (expired, deleted after a mismatch): create anew."""


def _headers(**extra: str) -> dict[str, str]:
    return {"Tus-Resumable": protocol.TUS_VERSION, **extra}


def _offset(response: httpx.Response) -> int:
    value = response.headers.get("Upload-Offset", "")
    if not value.isdigit():
        raise ValueError("no Upload-Offset")
    return int(value)


class Uploader:
    def __init__(self, connection: Connection, files: Files, meter: Meter) -> None:
        self.connection, self.files, self.meter = connection, files, meter

    def send(self, waiting: Waiting) -> bool:
        """Sends one file; True when the hub holds it, False when it cannot be sent from
        here (marked failed). Raises :class:`sync.client.SyncError` when the link gives up."""
        sha, size = waiting.sha256, waiting.size
        data = self.files.blob(sha)
        if data is None or len(data) != size or hashlib.sha256(data).hexdigest() != sha:
            self.files.upload_state(sha, "failed", waiting.upload_url, DAMAGED)
            self.meter.file(sha, state="failed")
            return False
        self.meter.file(sha, state="sending")
        url, state, restarts = waiting.upload_url, waiting.state, 0
        while True:
            try:
                url = self._send(sha, data, url, creating=state == "creating")
                break
            except Restart:
                restarts += 1
                if restarts > 1:  # twice wrong at the hub: not a link's fault; next run
                    self.files.upload_state(sha, "waiting", None,
                                            "the hub refused the bytes twice")
                    self.meter.file(sha, state="failed")
                    return False
                url, state = None, "waiting"
                self.files.upload_state(sha, "waiting", None)
        self.files.upload_done(sha)
        self.meter.file(sha, sent=size, state="done")
        return True

    def _send(self, sha: str, data: bytes, url: str | None, *, creating: bool) -> str:
        offset = self._held(url) if url else None
        if offset is None:
            url, offset = self._create(sha, data, first_try=not creating and url is None)
        self.meter.file(sha, sent=offset)
        stuck = 0
        while offset < len(data):
            before = offset
            offset = self._patch(sha, url, data, offset)
            self.meter.file(sha, sent=offset)
            stuck = 0 if offset > before else stuck + 1
            if stuck >= self.connection.retry.attempts:
                raise HubUnreachable("the link keeps dropping before any bytes get through; "
                                     "the rest stays pending for the next sync")
        return url

    def _held(self, url: str) -> int | None:
        """The offset the hub holds for ``url``; None when it has no such upload now."""
        response = self.connection.tus("HEAD", url, headers=_headers())
        if response.status_code in (404, 410):
            return None
        return _offset(response)

    def _create(self, sha: str, data: bytes, *, first_try: bool) -> tuple[str, int]:
        """A new upload (or the one the hub has for this blob): its address and offset.
        The first try carries the bytes; after an unknown outcome, only the question."""
        headers = _headers(**{
            "Upload-Length": str(len(data)),
            "Upload-Metadata": "sha256 " + base64.b64encode(sha.encode()).decode()})
        if first_try:
            self.files.upload_state(sha, "creating")
            response = self.connection.tus(
                "POST", protocol.UPLOADS, once=True, content=self._slices(sha, data, 0),
                headers={**headers, "Content-Type": protocol.TUS_CONTENT_TYPE,
                         "Content-Length": str(len(data))})
        else:
            response = None
        if response is None:  # cut on the way (or a question only): ask for the upload
            response = self.connection.tus("POST", protocol.UPLOADS, headers=headers)
        if response.status_code != 201:
            raise Restart()
        url = response.headers.get("Location", "")
        if not url.startswith(protocol.UPLOADS + "/"):
            raise NotTheHub(NOT_THE_HUB)
        self.files.upload_state(sha, "waiting", url)
        return url, _offset(response)

    def _patch(self, sha: str, url: str, data: bytes, offset: int) -> int:
        """Sends ``data`` from ``offset``; the offset the hub holds afterwards."""
        response = self.connection.tus(
            "PATCH", url, once=True, content=self._slices(sha, data, offset),
            headers=_headers(**{"Upload-Offset": str(offset),
                                "Content-Type": protocol.TUS_CONTENT_TYPE,
                                "Content-Length": str(len(data) - offset)}))
        if response is None:  # cut: the hub kept what arrived
            held = self._held(url)
            if held is None:
                raise Restart()
            return held
        if response.status_code in (404, 410, 422):
            raise Restart()
        return _offset(response)  # 204, or 409 with the offset the hub holds

    def _slices(self, sha: str, data: bytes, offset: int) -> Iterator[bytes]:
        view = memoryview(data)
        for start in range(offset, len(data), SLICE):
            yield bytes(view[start:start + SLICE])
            self.meter.file(sha, sent=min(len(data), start + SLICE))


def names(records: list[dict[str, Any]]) -> dict[str, str]:
    """sha256 → file name, from the attachments the records' contents list."""
    found: dict[str, str] = {}
    for record in records:
        for item in record.get("content", {}).get("attachments") or []:
            if isinstance(item, dict) and isinstance(item.get("sha256"), str):
                found.setdefault(item["sha256"], str(item.get("filename") or ""))
    return found

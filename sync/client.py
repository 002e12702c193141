"""The laptop's sync engine: one push-then-pull run against the hub (issue 5, DESIGN.md §5).

It knows the protocol (``sync.protocol``) and the network, and nothing of the laptop's
store: the laptop hands it a :class:`Laptop` (``fieldbus/services/sync_link.py``) that lists what
waits, gives blob bytes, and records answers and pulled changes. So the store's SQL stays
in ``fieldbus/store`` and this module stays importable without ``fieldbus``.

What a run does, and why:

0. **Hello**: ``GET /`` says which protocol versions the hub speaks, whether it takes
   gzip bodies and where its uploads are; the run speaks the newest version both know
   (a hub too new or too old for this laptop is a clear error saying what to update).
1. **Push** the waiting records in batches (at most ``protocol.MAX_BATCH``; fewer on a
   link that just dropped, more while calls go through: :class:`BatchSize`), gzipped when
   the hub takes it; the laptop marks each answer. Pushes are idempotent on the hub, so a
   batch whose answer was lost is simply sent again and comes back ``duplicate``.
   Protocol 2: a case goes **before its files** — the hub accepts it and lists what it
   still waits for (``awaiting``), which the laptop queues in the same transaction as the
   answer. Protocol 1: ``HEAD`` each blob the batch names and ``PUT`` the missing ones
   first, as before.
2. **Pull** pages from the stored cursor until the hub says there is no more; each page
   and its cursor are stored together by the laptop.
3. **Audit head**: ask which head of the laptop's audit chain the hub vouched for last,
   and report the new head with the hash the chain has at that entry now; the hub vouches
   for it, or flags the laptop (``protocol.AuditHeadReport``). A hub that does not know
   the call (404) is no reason to fail a sync.
4. **Files** (protocol 2): every file the hub waits for, over tus, resumed from the byte
   the hub holds (:mod:`sync.uploader`). Last, because it is the long part: the cases,
   the centre's decisions and the audit head are through before the first photo.

Progress goes to a :class:`sync.progress.Meter` as it happens.

Every request is retried on timeouts, dropped connections, 429 (after its
``Retry-After``) and 5xx, with exponential backoff and full jitter, a bounded number of
times; then the run stops and what is left stays pending for the next run, which starts
where this one stopped (acknowledged records are never sent again). A 2xx counts only
with a JSON body that :func:`protocol.recognised` accepts: a captive portal's 200 page is
a failed attempt. A 401 stops the run at once: the device token was refused; nothing on
the laptop is deleted. TLS certificates are verified (optionally against a CA bundle).
Nothing here logs; error messages never carry a token or a record's content.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import json
import random
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Protocol

import httpx

from sync import protocol, uploader
from sync.failures import (NOT_THE_HUB, CertificateRejected, HubRefused, HubUnreachable,  # noqa: F401
                           NotTheHub, ProtocolMismatch, SyncError, TokenRefused)
from sync.progress import FileProgress, Meter, Report, silent

MAX_RETRY_AFTER = 120.0   # seconds: a hub asking for longer is treated as unreachable now


class Outgoing(Protocol):
    """A record waiting for the hub, as the laptop gives it."""

    order: int                      # a run asks for records after the last order it saw
    record: protocol.PushRecord
    blobs: Sequence[protocol.BlobRef]


class Laptop(Protocol):
    """What the engine needs from the laptop's store (implemented in fieldbus/services/sync_link.py)."""

    device: str

    def pending(self, limit: int, after: int) -> Sequence[Outgoing]: ...
    def blob(self, sha256: str) -> bytes | None: ...
    def sending(self, batch: Sequence[Outgoing]) -> None: ...  # before each push leaves
    def acknowledge(self, sent: Sequence[Outgoing],
                    results: Sequence[protocol.PushResult]) -> None: ...
    def cursor(self) -> str: ...
    def apply_pull(self, changes: Sequence[protocol.Change], cursor: str) -> None: ...
    def counts(self) -> tuple[int, int]: ...  # (pending, quarantined)
    # Protocol 2: the files the hub waits for (sync.uploader.Waiting), and their state.
    def waiting_uploads(self) -> Sequence[Any]: ...
    def upload_state(self, sha256: str, state: str, upload_url: str | None = None,
                     error: str | None = None) -> None: ...
    def upload_done(self, sha256: str) -> None: ...
    # The AuditHeadReport for the head the hub vouched for (without protocol and device),
    # None when there is nothing new; then what the hub answered, to keep.
    def audit_report(self, vouched: protocol.VouchedHead | None) -> dict[str, Any] | None: ...
    def audit_vouched(self, answer: protocol.AuditHeadAnswer) -> None: ...


@dataclass
class SyncResult:
    pushed: int = 0        # records the hub acknowledged in this run
    pulled: int = 0        # changes pulled from the hub in this run
    pending: int = 0       # records still waiting after the run
    quarantined: int = 0   # records set aside for a person
    files_pending: int = 0  # attachments the hub still waits for (protocol 2)
    protocol: int = 0      # the version the run spoke (0: it never reached the hub)
    audit_flag: str | None = None  # the hub flagged this laptop's audit log: why
    error: str | None = None
    error_code: str | None = None

    def counts(self) -> dict[str, int]:
        data = asdict(self)
        return {k: data[k] for k in ("pushed", "pulled", "pending", "quarantined",
                                     "files_pending")}


@dataclass(frozen=True)
class Retry:
    """How hard one request tries: ``attempts`` in all, waiting a random time up to
    ``base * 2**n`` (capped at ``cap``) between them — "full jitter", so laptops coming
    back together do not knock on the hub in step."""

    attempts: int = 6
    base: float = 0.5
    cap: float = 30.0

    def delay(self, failures: int, rng: Callable[[], float]) -> float:
        return rng() * min(self.cap, self.base * 2 ** failures)


DEFAULT_RETRY = Retry()
#: Long enough for a 20 MiB attachment on a slow road link, short enough to notice a
#: dead one; each is per read/write, not for the whole request.
TIMEOUT = httpx.Timeout(30.0, connect=10.0)


def tls_verify(ca_bundle: str | None) -> ssl.SSLContext | bool:
    """What httpx is to verify the hub's certificate with: the system's CAs, or a bundle."""
    if not ca_bundle:
        return True
    try:
        return ssl.create_default_context(cafile=ca_bundle)
    except (OSError, ssl.SSLError) as exc:
        raise CertificateRejected(f"cannot use the CA bundle {ca_bundle}: {exc}") from None


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None  # unreadable: the usual backoff applies
    return max(0.0, when.timestamp() - time.time())


def _is_certificate_error(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


#: What makes an answer good: a check of its recognised JSON body, or for ``HEAD`` the
#: ``Content-Length`` a 200 must carry (or ``_TUS``: a tus answer, see Connection.tus).
BodyCheck = Callable[[dict[str, Any]], bool] | str
_TUS = object()
_TUS_ANSWERS = frozenset({404, 409, 410, 422, 460})


def _any_body(body: dict[str, Any]) -> bool:
    return True


def _recognised(response: httpx.Response) -> bool:
    try:
        return protocol.recognised(response.json())
    except ValueError:
        return False


class Connection:
    """Requests to one hub with the retry rules above."""

    def __init__(self, base_url: str, *, token: str | None = None,
                 verify: ssl.SSLContext | bool = True,
                 transport: httpx.BaseTransport | None = None, retry: Retry | None = None,
                 timeout: httpx.Timeout = TIMEOUT,
                 sleep: Callable[[float], None] = time.sleep,
                 rng: Callable[[], float] = random.random) -> None:
        headers = {"User-Agent": f"fieldbus-sync/{protocol.PROTOCOL_VERSION}",
                   protocol.PROTOCOL_HEADER: str(protocol.PROTOCOL_VERSION)}
        if token is not None:
            headers[protocol.AUTH_HEADER] = f"Bearer {token}"
        self.has_token = token is not None
        self.http = httpx.Client(base_url=base_url.rstrip("/"), headers=headers, verify=verify,
                                 transport=transport, timeout=timeout, follow_redirects=False)
        self.retry, self.sleep, self.rng = retry or DEFAULT_RETRY, sleep, rng
        self.requests = 0
        self.failures = 0  # attempts that failed on the way (the link), over the whole run

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def call(self, method: str, path: str, *, json: Any = None, content: bytes | None = None,
             params: dict[str, Any] | None = None, headers: dict[str, str] | None = None,
             valid: Callable[[dict[str, Any]], bool] = lambda body: True) -> dict[str, Any]:
        """A JSON request; the hub's recognised answer, or :class:`SyncError`."""
        response = self._send(method, path, json=json, content=content, params=params,
                              headers=headers, body_check=valid)
        return response.json()

    def exists(self, path: str, size: int) -> bool:
        """``HEAD``: True on 200, False on 404. HEAD has no body to recognise, so a 200
        counts only with the blob's size as its ``Content-Length`` (as the hub answers):
        a captive portal's 200 must not make the laptop skip an upload."""
        return self._send("HEAD", path, body_check=str(size)).status_code == 200

    def tus(self, method: str, path: str, *, headers: dict[str, str],
            content: Any = None, once: bool = False) -> httpx.Response | None:
        """A tus request (:mod:`sync.uploader`): the answer when it carries
        ``Tus-Resumable`` (2xx) or the hub's JSON error for an upload it does not hold as
        asked (404, 409 with ``Upload-Offset``, 410, 422, 460). ``once``: a request
        carrying bytes is tried once — None when the link dropped it."""
        return self._send(method, path, body_check=_TUS, headers=headers, content=content,
                          once=once)

    def _send(self, method: str, path: str, *, body_check: BodyCheck | object,
              once: bool = False, **kwargs: Any) -> Any:
        failures, last = 0, "unreachable"
        while True:
            wait: float | None = None
            try:
                self.requests += 1
                response = self.http.request(method, path, **kwargs)
            except httpx.TransportError as exc:  # timeouts, refused, reset, cut mid-answer
                if _is_certificate_error(exc):
                    raise CertificateRejected(
                        "the hub's TLS certificate is not trusted; set FIELDBUS_CA_BUNDLE to "
                        "the centre's CA bundle if it uses its own") from None
                last = "unreachable"
                self.failures += 1
                if once:
                    return None
            else:
                outcome = self._judge(response, body_check)
                if outcome is None:
                    return response
                last = outcome
                self.failures += 1
                if once:  # its bytes are spent: the caller asks the hub what arrived
                    return None
                if response.status_code == 429:
                    wait = _retry_after(response)
                    if wait is not None and wait > MAX_RETRY_AFTER:
                        raise HubUnreachable(f"the hub is busy and asks to wait {wait:.0f} s; "
                                             "the rest stays pending for the next sync")
            failures += 1
            if failures >= self.retry.attempts:
                if last == "not_the_hub":
                    raise NotTheHub(NOT_THE_HUB)
                raise HubUnreachable(f"the hub could not be reached ({method} {path} failed "
                                     f"{failures} times); the rest stays pending for the next "
                                     "sync")
            jitter = self.retry.delay(failures - 1, self.rng)
            self.sleep(max(wait, jitter) if wait is not None else jitter)

    def _judge(self, response: httpx.Response, body_check: BodyCheck) -> str | None:
        """None when ``response`` is a good answer; else why the attempt failed (to retry),
        raising at once for the answers a retry cannot change."""
        status = response.status_code
        if status == 401:
            if self.has_token:
                raise TokenRefused("the hub refused this laptop's device token (revoked?); "
                                   "nothing was deleted — enrol the laptop again")
            raise TokenRefused("the hub refused the user name or password")
        if status == 429 or (status >= 500 and status != 507):
            return "unreachable"
        if body_check is _TUS:
            if 200 <= status < 300:
                return None if response.headers.get("Tus-Resumable") == protocol.TUS_VERSION \
                    else "not_the_hub"
            if status in _TUS_ANSWERS and (response.request.method == "HEAD"
                                           or _recognised(response)):
                return None
            body_check = _any_body
        if isinstance(body_check, str):  # HEAD: the Content-Length expected with a 200
            if status == 404 or (status == 200
                                 and response.headers.get("Content-Length") == body_check):
                return None
            return "not_the_hub"
        try:
            body = response.json()
        except ValueError:
            return "not_the_hub"
        if not protocol.recognised(body) and not (  # or a HubInfo, of any version
                isinstance(body, dict) and body.get("name") == protocol.HUB_NAME
                and isinstance(body.get("protocol"), int)):
            return "not_the_hub"
        if 200 <= status < 300:
            return None if body_check(body) else "not_the_hub"
        if 400 <= status < 500 or status == 507:  # 507: this device's blob quota is full
            error = body.get("error") if isinstance(body.get("error"), dict) else {}
            code = str(error.get("code", status))
            raise HubRefused(f"the hub refused: {error.get('message') or code}", code)
        return "not_the_hub"  # a recognised 1xx/3xx: not what the protocol answers


def _within_body_cap(batch: list[Outgoing]) -> list[Outgoing]:
    """The longest head of ``batch`` whose push body stays under ``protocol.MAX_JSON_BYTES``
    (the rest goes in the next batch). Sizes are measured with every non-ASCII character
    escaped — at least what httpx sends — and room kept for the envelope."""
    room = protocol.MAX_JSON_BYTES - 64 * 1024
    for n, item in enumerate(batch):
        room -= len(json.dumps(item.record)) + 1
        if room < 0:
            return batch[:max(n, 1)]
    return batch


def _results_match(sent: Sequence[Outgoing]) -> Callable[[dict[str, Any]], bool]:
    def valid(body: dict[str, Any]) -> bool:
        results = body.get("results")
        return (isinstance(results, list) and len(results) == len(sent)
                and all(isinstance(r, dict) for r in results))
    return valid


def _pull_page(body: dict[str, Any]) -> bool:
    return (isinstance(body.get("changes"), list) and isinstance(body.get("cursor"), str)
            and isinstance(body.get("more"), bool))


@dataclass
class BatchSize:
    """How many records the next push carries: halved after a push the link dropped
    (a smaller body gets through between cuts and loses less when it does not), doubled
    after one that went through at the first try, within ``[least, protocol.MAX_BATCH]``."""

    now: int = 50
    least: int = 5

    def after(self, dropped: bool) -> None:
        self.now = max(self.least, self.now // 2) if dropped \
            else min(protocol.MAX_BATCH, self.now * 2)


def _hub_info(body: dict[str, Any]) -> bool:
    return body.get("name") == protocol.HUB_NAME


class Client:
    """One hub, one laptop: :meth:`run` is one push-then-pull."""

    def __init__(self, connection: Connection, laptop: Laptop, *,
                 progress: Report = silent) -> None:
        self.connection = connection
        self.laptop = laptop
        self.meter = Meter(progress)
        self.batch = BatchSize()
        self.spoken, self.gzip = 1, False

    def run(self) -> SyncResult:
        result = SyncResult()
        try:
            self.hello(result)
            self.push(result)
            self.meter.phase("pulling")
            self.pull(result)
            self.vouch(result)
            if self.spoken >= 2:
                self.upload(result)
        except SyncError as exc:
            result.error, result.error_code = str(exc), exc.code
        result.pending, result.quarantined = self.laptop.counts()
        if self.spoken >= 2 or result.protocol == 0:
            result.files_pending = len(self.laptop.waiting_uploads())
        self.meter.phase("done")
        return result

    def hello(self, result: SyncResult) -> None:
        """Which version to speak, and whether bodies may be gzipped (``HubInfo``)."""
        self.meter.phase("connecting")
        info = self.connection.call("GET", protocol.ROOT, valid=_hub_info)
        theirs = info.get("protocols")
        if not isinstance(theirs, list):
            theirs = [info.get("protocol")]
        common = set(theirs) & set(protocol.PROTOCOLS)
        if not common:
            newest = max((v for v in theirs if isinstance(v, int)), default=0)
            side = "this laptop's Fieldbus" if newest > max(protocol.PROTOCOLS) else "the hub"
            raise ProtocolMismatch(
                f"the hub speaks sync protocol {theirs}, this laptop "
                f"{list(protocol.PROTOCOLS)}: update {side}")
        self.spoken = result.protocol = max(common)
        self.gzip = self.spoken >= 2 and "gzip" in (info.get("encodings") or [])

    def push(self, result: SyncResult) -> None:
        after = 0
        held: set[str] = set()   # blobs the hub holds, learned in this run (protocol 1)
        self.meter.update(phase="pushing", records_total=self.laptop.counts()[0], force=True)
        while batch := _within_body_cap(list(self.laptop.pending(
                min(self.batch.now, protocol.MAX_BATCH), after))):
            after = max(item.order for item in batch)
            names = uploader.names([item.record for item in batch])
            self.meter.files([FileProgress(b["sha256"], b["size"], names.get(b["sha256"]))
                              for item in batch for b in item.blobs])
            if self.spoken < 2:
                self.upload_blobs(batch, held)
            self.laptop.sending(batch)
            body = json.dumps({"protocol": self.spoken, "device": self.laptop.device,
                               "records": [item.record for item in batch]}).encode()
            headers = {"Content-Type": "application/json"}
            if self.gzip:
                body = gzip.compress(body, 6)
                headers["Content-Encoding"] = "gzip"
            dropped = self.connection.failures
            self.meter.add_total(payload=len(body))
            answer = self.connection.call("POST", protocol.PUSH, valid=_results_match(batch),
                                          content=body, headers=headers)
            self.batch.after(self.connection.failures > dropped)
            results = answer["results"]
            self.laptop.acknowledge(batch, results)
            acked = sum(1 for r in results if r.get("outcome") in protocol.ACKNOWLEDGED)
            result.pushed += acked
            self.meter.sent(len(body), records=len(batch))
            for r in results:  # what the hub holds already is done; the rest waits
                if self.spoken >= 2 and isinstance(r.get("awaiting"), list):
                    waiting = set(r["awaiting"])
                    item = next(i for i in batch if i.record["id"] == r.get("id"))
                    for b in item.blobs:
                        if b["sha256"] not in waiting:
                            self.meter.file(b["sha256"], sent=b["size"], state="done")

    def upload(self, result: SyncResult) -> None:
        """Every file the hub waits for, resumed where the hub holds it (sync.uploader)."""
        waiting = [w for w in self.laptop.waiting_uploads() if w.state != "failed"]
        if not waiting:
            return
        self.meter.phase("uploading")
        self.meter.files([FileProgress(w.sha256, w.size, w.name) for w in waiting])
        send = uploader.Uploader(self.connection, self.laptop, self.meter)
        for item in waiting:
            send.send(item)

    def upload_blobs(self, batch: Sequence[Outgoing], held: set[str]) -> None:
        """Protocol 1: the batch's blobs before the batch."""
        for ref in {b["sha256"]: b for item in batch for b in item.blobs}.values():
            sha = ref["sha256"]
            if sha in held or not protocol.is_sha256(sha):
                continue
            path = protocol.ATTACHMENT.format(sha256=sha)
            if not self.connection.exists(path, ref["size"]):
                data = self.laptop.blob(sha)
                if data is None or hashlib.sha256(data).hexdigest() != sha:
                    continue  # not sendable as named: its record comes back missing_attachment
                self.connection.call("PUT", path, content=data)
            self.meter.file(sha, sent=ref["size"], state="done")
            held.add(sha)

    def vouch(self, result: SyncResult) -> None:
        try:
            answer = self.connection.call("GET", protocol.AUDIT_HEAD, valid=_audit_answer)
            report = self.laptop.audit_report(answer["vouched"])
            if report is not None:
                answer = self.connection.call(
                    "POST", protocol.AUDIT_HEAD, valid=_audit_answer,
                    json={"protocol": protocol.PROTOCOL_VERSION, "device": self.laptop.device,
                          **report})
        except HubRefused as exc:
            if exc.hub_code in ("not_found", "audit_head_moved"):
                return  # an older hub; or another sync of this laptop just reported
            raise
        self.laptop.audit_vouched(answer)  # type: ignore[arg-type]
        result.audit_flag = str(answer.get("problem") or "flagged") if answer["flagged"] \
            else None

    def pull(self, result: SyncResult) -> None:
        cursor = self.laptop.cursor()
        while True:
            body = self.connection.call("GET", protocol.PULL, valid=_pull_page,
                                        params={"cursor": cursor, "limit": protocol.PULL_LIMIT})
            changes, new_cursor = body["changes"], body["cursor"]
            self.laptop.apply_pull(changes, new_cursor)
            result.pulled += len(changes)
            self.meter.update(pulled=result.pulled)
            if not body["more"] or (not changes and new_cursor == cursor):
                return
            cursor = new_cursor


def _audit_answer(body: dict[str, Any]) -> bool:
    vouched = body.get("vouched")
    return isinstance(body.get("flagged"), bool) and (vouched is None or (
        isinstance(vouched, dict) and isinstance(vouched.get("seq"), int)
        and isinstance(vouched.get("hash"), str)))


def enrol(connection: Connection, request: protocol.EnrolRequest) -> protocol.EnrolResponse:
    """Register the laptop; safe to repeat (the hub knows the laptop by its device key)."""
    def valid(body: dict[str, Any]) -> bool:
        return all(isinstance(body.get(k), str) and body.get(k)
                   for k in ("token", "device", "public_url", "qr_secret"))

    return connection.call("POST", protocol.ENROL, json=request, valid=valid)  # type: ignore[return-value]

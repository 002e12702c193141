"""The hub under abuse (issue 9 §8, docs/security.md §8), attacked on a real server:
password guessing, bodies without end, tokens that never die, pages that can be framed or
sniffed, a database file others can read, and reads of personal data nobody sees."""

from __future__ import annotations

import base64
import hashlib
import http.client
import os
import socket
import stat
import threading
from collections.abc import Iterable

import httpx
import sqlalchemy as sa
from argon2 import PasswordHasher

from sync import protocol
from sync.hub.db import connect
from sync.hub.migrations import audit, person_tokens, users
from tests.hub.fixtures import PASSWORD
from tests.hub.helpers import bearer, complaint, push, record, upload


def _error_code(answer: httpx.Response) -> str:
    body = answer.json()
    assert body["protocol"] == 1, body
    return body["error"]["code"]


def _login(hub, name: str, password: str, client: str | None = None) -> httpx.Response:
    # The hub trusts X-Forwarded-For from its proxy on loopback (uvicorn's
    # --forwarded-allow-ips default), which is where these tests run: so they can speak
    # as several clients.
    headers = {"X-Forwarded-For": client} if client else {}
    return httpx.post(hub.url + protocol.LOGIN, json={"username": name, "password": password},
                      headers=headers, timeout=60)


def _audit(engine, action: str) -> list[sa.Row]:
    with engine.connect() as conn:
        return conn.execute(sa.select(audit).where(audit.c.action == action)
                            .order_by(audit.c.id)).all()


# -- password guessing ------------------------------------------------------------------


def test_the_eleventh_wrong_password_for_an_account_is_refused_429(hub, engine):
    hub.add_user("kim", "officer")
    for n in range(10):  # from ten clients: the count is the account's, wherever from
        refused = _login(hub, "kim", f"guess-{n}", client=f"192.0.2.{n + 1}")
        assert refused.status_code == 401 and _error_code(refused) == "bad_credentials"
    throttled = _login(hub, "kim", "guess-10", client="192.0.2.50")
    assert throttled.status_code == 429 and _error_code(throttled) == "too_many_attempts"
    assert 1 <= int(throttled.headers["Retry-After"]) <= 60
    # Even the right password waits now: else the guess that hits would be told so.
    assert _login(hub, "kim", PASSWORD, client="192.0.2.51").status_code == 429
    # Failures are audited (whence and which account), never with what was typed.
    failed = _audit(engine, "login_failed")
    assert [(row.subject, row.actor) for row in failed] == [
        ("kim", f"client 192.0.2.{n + 1}") for n in range(10)]
    # Another account is not locked out by it.
    hub.add_user("lee", "counsel")
    assert _login(hub, "lee", PASSWORD, client="192.0.2.51").status_code == 200


def test_one_client_guessing_many_accounts_is_refused_429(hub, engine):
    hub.add_user("kim", "officer")
    for n in range(protocol.LOGIN_CLIENT_FAILURES):
        assert _login(hub, f"user{n}", "guess", client="198.51.100.7").status_code == 401
    throttled = _login(hub, "kim", PASSWORD, client="198.51.100.7")
    assert throttled.status_code == 429 and int(throttled.headers["Retry-After"]) >= 1
    # Another client signs in as usual; unknown names typed are not kept in the audit.
    assert _login(hub, "kim", PASSWORD, client="198.51.100.8").status_code == 200
    subjects = {row.subject for row in _audit(engine, "login_failed")}
    assert subjects == {"(unknown user)"}
    # Enrolment checks passwords too, and is throttled the same way.
    enrol = httpx.post(hub.url + protocol.ENROL, headers={"X-Forwarded-For": "198.51.100.7"},
                       json={"protocol": 1, "username": "kim", "password": PASSWORD,
                             "device": "B07A", "device_key": "laptop-key-0123456789",
                             "qr_secret": "ab" * 32})
    assert enrol.status_code == 429


def test_status_page_and_sync_answer_while_many_logins_wait(bus, engine):
    """Argon2 runs on a small pool of its own: logins queue there (and beyond its bound
    are turned away), while the status page and sync keep the server's threads."""
    content = complaint(1)
    push(bus.url, bus.device_token, [record("r1", content)])
    status_url = protocol.status_link(content["receipt_no"], protocol.status_code(
        content["receipt_no"], bus.qr_secret), bus.url)
    slow = PasswordHasher(time_cost=8).hash(PASSWORD)  # each check ~0.3 s, as a big hash
    names = [f"supervisor{n}" for n in range(5)]  # 8 logins each: below any throttle
    with engine.begin() as conn:
        conn.execute(users.insert(), [{"name": name, "role": "supervisor", "disabled": False,
                                       "password_hash": slow, "created_at": "2026-11-01"}
                                      for name in names])

    answers: dict[int, int] = {}
    busy = threading.Event()

    def sign_in(n: int) -> None:
        status = _login(bus.hub, names[n % len(names)], PASSWORD).status_code
        answers[n] = status
        if status == 503:
            busy.set()

    logins = [threading.Thread(target=sign_in, args=(n,)) for n in range(40)]
    for thread in logins:
        thread.start()
    # The pool said "busy": so its queue is full of logins in flight right now.
    everyone_answered = threading.Thread(target=lambda: [t.join() for t in logins])
    everyone_answered.start()
    while not busy.is_set() and everyone_answered.is_alive():
        busy.wait(0.05)
    page = httpx.get(status_url, timeout=60)
    pulled = httpx.get(bus.url + protocol.PULL, headers=bearer(bus.device_token), timeout=60)
    still_waiting = 40 - len(answers)
    everyone_answered.join()
    assert page.status_code == 200 and pulled.status_code == 200
    assert still_waiting >= 5, f"only {still_waiting} logins were still in flight"
    assert set(answers.values()) == {200, 503}  # the excess was told to come back


# -- bodies -----------------------------------------------------------------------------


def _raw(hub, head: bytes, body: Iterable[bytes] = ()) -> tuple[int, dict[str, str], bytes]:
    """Sends ``head`` and ``body`` on a socket of its own and reads the answer (which must
    come without the rest of the body: nothing more is sent)."""
    with socket.create_connection(("127.0.0.1", hub.port), timeout=20) as sock:
        sock.sendall(head)
        for part in body:
            sock.sendall(part)
        answer = http.client.HTTPResponse(sock)
        answer.begin()
        headers = {name.lower(): value for name, value in answer.getheaders()}
        return answer.status, headers, answer.read()


def test_a_100_mib_login_body_is_refused_before_it_is_read(hub):
    head = (f"POST {protocol.LOGIN} HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json"
            f"\r\nContent-Length: {100 * 2**20}\r\n\r\n").encode()
    status, headers, body = _raw(hub, head)  # not one byte of the body is sent
    assert status == 413
    assert httpx.Response(413, content=body).json()["error"]["code"] == "too_large"
    assert headers["x-content-type-options"] == "nosniff"


def test_a_chunked_body_is_refused_as_soon_as_it_passes_the_cap(hub):
    head = (f"POST {protocol.LOGIN} HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json"
            "\r\nTransfer-Encoding: chunked\r\n\r\n").encode()
    size, piece = protocol.MAX_JSON_BYTES + 1, 64 * 1024

    def chunks():
        yield b'7\r\n{"a":"x\r\n'
        sent = 7
        while sent < size:
            data = b"x" * min(piece, size - sent)
            sent += len(data)
            yield f"{len(data):x}\r\n".encode() + data + b"\r\n"
        # … and the body never ends: the hub must answer without waiting for it.

    status, _headers, body = _raw(hub, head, chunks())
    assert status == 413
    assert httpx.Response(413, content=body).json()["error"]["code"] == "too_large"


def test_a_push_batch_is_capped_in_records_and_bytes(bus):
    too_many = [record(f"r{n}", complaint(n)) for n in range(1, protocol.MAX_BATCH + 2)]
    answer = httpx.post(bus.url + protocol.PUSH, headers=bearer(bus.device_token), timeout=60,
                        json={"protocol": 1, "device": "B07A", "records": too_many})
    assert answer.status_code == 422 and _error_code(answer) == "invalid_request"
    big = [record(f"b{n}", complaint(n, body="가" * 20000)) for n in range(1, 101)]
    answer = httpx.post(bus.url + protocol.PUSH, headers=bearer(bus.device_token), timeout=60,
                        json={"protocol": 1, "device": "B07A", "records": big})
    assert answer.status_code == 413 and _error_code(answer) == "too_large"


def test_a_device_cannot_fill_the_hub_past_its_blob_quota(hub, engine):
    hub.stop()
    hub.start("--device-blob-quota", "1")  # MiB
    hub.add_user("kim", "officer")
    for code in ("B07A", "C09"):
        assert hub.cli("device", "add", code).returncode == 0
    token, other = hub.enrol("B07A", "kim")["token"], hub.enrol("C09", "kim")["token"]
    first, second = os.urandom(600 * 1024), os.urandom(600 * 1024)
    assert upload(hub.url, token, first).status_code == 201
    refused = upload(hub.url, token, second)
    assert refused.status_code == 507 and _error_code(refused) == "quota_exceeded"
    assert upload(hub.url, other, second).status_code == 201  # the quota is per device
    sha = hashlib.sha256(second).hexdigest()
    assert httpx.head(hub.url + protocol.ATTACHMENT.format(sha256=sha),
                      headers=bearer(token)).status_code == 404


# -- person tokens ----------------------------------------------------------------------


def _cases(hub, token: str) -> httpx.Response:
    return httpx.get(hub.url + protocol.CASES, headers=bearer(token))


def _age(engine, token: str, **columns: str) -> None:
    with engine.begin() as conn:
        conn.execute(person_tokens.update().where(
            person_tokens.c.token_hash == hashlib.sha256(token.encode()).hexdigest())
            .values(**columns))


def test_logout_ends_a_person_token(bus, hub):
    assert _cases(hub, bus.supervisor_token).status_code == 200
    done = httpx.post(hub.url + protocol.LOGOUT, headers=bearer(bus.supervisor_token))
    assert done.status_code == 200 and done.json() == {"protocol": 1}
    refused = _cases(hub, bus.supervisor_token)
    assert refused.status_code == 401 and _error_code(refused) == "unauthorized"
    assert _cases(hub, bus.officer_token).status_code == 200  # only that token ends
    device = httpx.post(hub.url + protocol.LOGOUT, headers=bearer(bus.device_token))
    assert device.status_code == 403  # a device token is revoked by IT, not by itself


def test_a_person_token_expires_after_its_lifetime_and_when_idle(bus, hub, engine):
    long_ago = "2026-01-01T00:00:00.000+00:00"
    _age(engine, bus.supervisor_token, created_at=long_ago)  # absolute expiry
    assert _cases(hub, bus.supervisor_token).status_code == 401
    token = hub.login("boss")
    assert _cases(hub, token).status_code == 200
    with engine.connect() as conn:
        kept = {row.token_hash for row in conn.execute(sa.select(person_tokens))}
    # The expired token's row went at the next login; the new one is there.
    assert hashlib.sha256(bus.supervisor_token.encode()).hexdigest() not in kept
    assert hashlib.sha256(token.encode()).hexdigest() in kept

    from sync.hub import db

    idle_since = db.ago(protocol.PERSON_TOKEN_IDLE_SECONDS + 60)
    _age(engine, token, last_used_at=idle_since)  # idle expiry, well within its lifetime
    assert _cases(hub, token).status_code == 401


def test_last_use_is_written_at_most_once_a_minute(bus, hub, engine):
    def last_used() -> str | None:
        with engine.connect() as conn:
            return conn.execute(sa.select(person_tokens.c.last_used_at).where(
                person_tokens.c.token_hash == hashlib.sha256(
                    bus.supervisor_token.encode()).hexdigest())).scalar()

    first = last_used()
    for _ in range(3):
        assert _cases(hub, bus.supervisor_token).status_code == 200
    assert last_used() == first  # the same minute: no write per request
    from sync.hub import db

    _age(engine, bus.supervisor_token, last_used_at=db.ago(300))
    assert _cases(hub, bus.supervisor_token).status_code == 200
    assert last_used() > db.ago(120)


# -- headers, pages, files ----------------------------------------------------------------


def _assert_secure_headers(answer: httpx.Response) -> None:
    csp = answer.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp, csp
    assert "unsafe-inline" not in csp and "http" not in csp, csp
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert answer.headers["X-Frame-Options"] == "DENY"
    assert answer.headers["Referrer-Policy"] == "no-referrer"


def test_every_answer_carries_security_headers(bus, hub):
    content = complaint(1)
    push(bus.url, bus.device_token, [record("r1", content)])
    page = httpx.get(protocol.status_link(content["receipt_no"], protocol.status_code(
        content["receipt_no"], bus.qr_secret), bus.url))
    answers = [page, httpx.get(hub.url + "/r/B07A-261126-0999-Z?c=AAAAAAAAAA"),
               httpx.get(hub.url + "/"), httpx.get(hub.url + "/no/such/path"),
               httpx.post(hub.url + protocol.LOGIN, json={"username": "kim"}),
               httpx.get(hub.url + protocol.CASES), _cases(hub, bus.supervisor_token),
               httpx.get(hub.url + "/openapi.json")]
    for answer in answers:
        _assert_secure_headers(answer)
        assert "Strict-Transport-Security" not in answer.headers  # plain HTTP here
    # The status page's only style is allowed by its hash: no inline script could run.
    style = page.text.split("<style>")[1].split("</style>")[0]
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in page.headers["Content-Security-Policy"]
    assert "<script" not in page.text
    # Behind the TLS proxy (trusted on loopback): HSTS.
    tls = httpx.get(hub.url + "/", headers={"X-Forwarded-Proto": "https"})
    assert tls.headers["Strict-Transport-Security"].startswith("max-age=")


def test_no_page_loads_a_third_party_script(hub):
    for path in ("/docs", "/redoc", "/docs/oauth2-redirect"):
        answer = httpx.get(hub.url + path)
        assert answer.status_code == 404 and "cdn" not in answer.text
    assert httpx.get(hub.url + "/openapi.json").status_code == 200


def test_the_hub_database_is_private_to_its_user(tmp_path):
    path = tmp_path / "centre" / "hub.sqlite3"
    engine = connect(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("SELECT 1"))
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
        for made in path.parent.iterdir():  # the file, and SQLite's -wal and -shm
            assert stat.S_IMODE(made.stat().st_mode) == 0o600, made.name
    finally:
        engine.dispose()


# -- reads of personal data are audited ---------------------------------------------------


def test_every_read_of_personal_data_is_audited(bus, hub, engine, tmp_path):
    data = b"made-up photo of a road " * 100
    assert upload(bus.url, bus.device_token, data).status_code == 201
    sha = hashlib.sha256(data).hexdigest()
    ref = {"sha256": sha, "size": len(data), "filename": "road.png", "media_type": "image/png"}
    first, second = complaint(1, attachments=[ref]), complaint(2)
    push(bus.url, bus.device_token, [record("r1", first), record("r2", second)])

    assert _cases(hub, bus.supervisor_token).status_code == 200
    assert _cases(hub, bus.officer_token).status_code == 200
    assert hub.cli("cases").returncode == 0
    assert hub.cli("attachment", sha, "--out", str(tmp_path / "a.bin")).returncode == 0

    reads = [(row.actor, row.action, row.subject) for row in
             _audit(engine, "case_read") + _audit(engine, "attachment_read")]
    numbers = [first["receipt_no"], second["receipt_no"]]
    assert sorted(reads) == sorted(
        [(who, "case_read", n) for who in ("boss", "kim", "cli") for n in numbers]
        + [("cli", "attachment_read", sha)])
    with engine.connect() as conn:
        stamped = conn.execute(sa.select(audit.c.at).where(audit.c.action == "case_read")
                               ).scalars().all()
    assert all(stamp.startswith("20") for stamp in stamped)  # when
    assert "김영수" not in bus.hub.log_path.read_text(encoding="utf-8")


def test_the_hub_does_not_leak_an_unhandled_error_without_headers(tmp_path):
    """A 500 (from the outermost error handler) carries the same headers."""
    import asyncio

    from sync.hub.app import create_app

    app = create_app(f"sqlite:///{tmp_path / 'hub.sqlite3'}")

    @app.get("/boom")
    def boom():
        raise RuntimeError("made-up failure")

    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://hub") as client:
            return await client.get("/boom")

    answer = asyncio.run(call())
    assert answer.status_code == 500 and _error_code(answer) == "internal_error"
    _assert_secure_headers(answer)

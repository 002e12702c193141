"""Checking a person's password (login, enrolment): throttled, audited, and off the
server's threads.

**Off the server's threads.** An Argon2 check costs about 0.1 s of CPU and 64 MiB. Run on
the thread pool that also serves sync and the status page, 60 parallel logins took that
pool and moved the status page from 0.1 s to 11 s. Here checks run on a
:class:`PasswordChecker` of their own — two threads (argon2-cffi releases the GIL) and a
bounded queue — awaited from async endpoints; past the queue a login is answered 503
``busy`` with ``Retry-After`` at once, holding nothing.

**Throttled in the database.** A hub may run several workers (processes), each with its
memory; a guesser spread over them would get each one's allowance. So the wrong
passwords of the last minute are rows in ``login_failures``, counted by every worker
(``limits`` and similar libraries keep counts in memory, Redis or Memcached — none of
which the hub has — so none fits). An attempt is written as a failure *before* its
check and taken back when the password proves right: parallel guesses at one account
cannot all pass its count before any of them is counted. The bookkeeping transactions
are serialised (SQLite by ``BEGIN IMMEDIATE``, PostgreSQL by an advisory lock), so the
count is exact. (A client's count takes only the attempts already judged wrong: many
laptops behind one address signing in at once are not throttled for being many; that
bound is looser by the checks in flight, at most ``WORKERS + QUEUE``.) The rules and
figures are ``protocol.LOGIN_*``; the client address is the one uvicorn gives (the
proxy's ``X-Forwarded-For`` only from ``--trusted-proxy``).

**Audited.** Every wrong password is an ``audit`` row (``login_failed``: the client
address, and the account when it exists — a name that matches nobody may be a password
typed in the wrong field, and is written ``(unknown user)``); every login too.
"""

from __future__ import annotations

import asyncio
import hashlib
import math
import time
from concurrent.futures import ThreadPoolExecutor

import sqlalchemy as sa
from starlette.concurrency import run_in_threadpool

from sync import protocol
from sync.hub import auth
from sync.hub.auth import HubError
from sync.hub.migrations import login_failures, users

WORKERS = 2            # threads checking passwords: the rest of the CPU serves everyone else
QUEUE = 16             # checks that may wait for them; more are told to come back
BUSY_RETRY_AFTER = 2   # seconds
_LOCK_KEY = 0x46424C47  # PostgreSQL advisory lock of the throttle's bookkeeping ("FBLG")


class Refused(HubError):
    """A refusal that tells the client when to come back (``Retry-After``)."""

    def __init__(self, status: int, code: str, message: str, retry_after: int):
        super().__init__(status, code, message)
        self.headers = {"Retry-After": str(retry_after)}


class PasswordChecker:
    """Argon2 checks on ``workers`` threads of their own, at most ``queue`` waiting.

    Used from the event loop only (the count needs no lock). A check whose request is
    cancelled while it waits is dropped from the queue; one already running finishes.
    """

    def __init__(self, workers: int = WORKERS, queue: int = QUEUE):
        self._pool = ThreadPoolExecutor(max_workers=workers,
                                        thread_name_prefix="fieldbus-hub-password")
        self._room, self._taken = workers + queue, 0

    async def matches(self, password_hash: str | None, password: str) -> bool:
        if self._taken >= self._room:
            raise Refused(503, "busy", "the hub is checking many passwords; retry shortly",
                          BUSY_RETRY_AFTER)
        self._taken += 1
        try:
            return await asyncio.wrap_future(
                self._pool.submit(auth.password_matches, password_hash, password))
        finally:
            self._taken -= 1

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _serialise(conn: sa.Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})


def _retry_after(conn: sa.Connection, where: sa.ColumnElement[bool], count: int,
                 allowed: int, now: float) -> int:
    """Seconds until fewer than ``allowed`` failures are left in the window."""
    leaving = conn.execute(sa.select(login_failures.c.at).where(where)
                           .order_by(login_failures.c.at).offset(count - allowed).limit(1)
                           ).scalar_one()
    return max(1, math.ceil(leaving + protocol.LOGIN_WINDOW_SECONDS - now))


def begin(engine: sa.Engine, name: str, client: str) -> tuple[int, sa.Row | None]:
    """Counts this attempt as a failure (until :func:`settle` says otherwise) unless the
    account or the client has used up its wrong passwords (429 ``too_many_attempts``);
    (the attempt's row id, the user's row or None)."""
    now = time.time()
    since = now - protocol.LOGIN_WINDOW_SECONDS
    account, address = _key(name), _key(client)
    with engine.begin() as conn:
        _serialise(conn)
        conn.execute(login_failures.delete().where(login_failures.c.at < since))
        for where, allowed in ((login_failures.c.account == account,
                                protocol.LOGIN_ACCOUNT_FAILURES),
                               (sa.and_(login_failures.c.client == address,
                                        login_failures.c.pending.is_(False)),
                                protocol.LOGIN_CLIENT_FAILURES)):
            where = sa.and_(where, login_failures.c.at >= since)
            count = conn.execute(sa.select(sa.func.count()).select_from(login_failures)
                                 .where(where)).scalar_one()
            if count >= allowed:
                raise Refused(429, "too_many_attempts", "too many wrong passwords; wait and "
                              "try again", _retry_after(conn, where, count, allowed, now))
        attempt = conn.execute(login_failures.insert().values(
            account=account, client=address, at=now, pending=True)).inserted_primary_key[0]
        row = conn.execute(sa.select(users).where(users.c.name == name)).first()
    return attempt, row


def settle(engine: sa.Engine, attempt: int, *, right: bool | None, row: sa.Row | None,
           client: str, action: str | None) -> None:
    """After the check: ``right`` True takes the attempt back (and audits ``action``,
    if any); False leaves it counted and audits ``login_failed``; None (not checked at
    all: the checker was busy) takes it back silently."""
    with engine.begin() as conn:
        if right is False:
            conn.execute(login_failures.update().where(login_failures.c.id == attempt)
                         .values(pending=False))
            auth.record_audit(conn, f"client {client}"[:100], "login_failed",
                              row.name if row is not None else "(unknown user)")
            return
        conn.execute(login_failures.delete().where(login_failures.c.id == attempt))
        if right and action and row is not None:
            auth.record_audit(conn, row.name, action, f"client {client}"[:100])


async def check(engine: sa.Engine, checker: PasswordChecker, name: str, password: str,
                client: str, *, action: str | None = None) -> sa.Row:
    """The user's row when ``password`` is theirs and they are not disabled; else 401
    ``bad_credentials`` (the same for an unknown name), 429 or 503."""
    attempt, row = await run_in_threadpool(begin, engine, name, client)
    try:
        matched = await checker.matches(row.password_hash if row is not None else None,
                                        password)
    except BaseException:
        await asyncio.shield(run_in_threadpool(settle, engine, attempt, right=None, row=row,
                                               client=client, action=None))
        raise
    right = matched and row is not None and not row.disabled
    await run_in_threadpool(settle, engine, attempt, right=right, row=row, client=client,
                            action=action)
    if not right:
        raise HubError(401, "bad_credentials", "wrong user name or password")
    return row

"""People, devices and their tokens.

Passwords are kept as Argon2 hashes; tokens are 32 random bytes and only their SHA-256
is stored, so a copy of the database lets nobody sign in. Every API call looks its token
up again (:func:`person_for_token`, :func:`device_for_token`): a disabled user or a
revoked device is refused on the very next request, with no cache to wait out.

A person's token starts ``fbp_`` and a device's ``fbd_``: the prefix says which table to
look in, and lets secret scanners recognise a leaked token.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from sync import protocol
from sync.hub.db import ago, now, reader
from sync.hub.migrations import audit, devices, person_tokens, registered_devices, users

ROLES = ("officer", "counsel", "supervisor")
PERSON_PREFIX, DEVICE_PREFIX = "fbp_", "fbd_"
DEVICE_CODE = re.compile(r"^[A-Z0-9]{2,6}$")
USER_NAME_MAX = 100

_hasher = PasswordHasher()
# Verifying against this when the user does not exist costs the same time as a real
# check, so response times do not tell which user names exist.
_DUMMY_HASH = _hasher.hash("not a password")


class HubError(Exception):
    """A refusal with an HTTP status and a machine-readable code."""

    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    role: str
    #: The token's last use is older than TOUCH_SECONDS (see :func:`touch_person_token`).
    stale: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class Device:
    id: int
    code: str
    qr_secret: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _new_token(prefix: str) -> str:
    return prefix + secrets.token_urlsafe(32)


def record_audit(conn: sa.Connection, actor: str, action: str, subject: str) -> None:
    conn.execute(audit.insert().values(at=now(), actor=actor, action=action, subject=subject))


# -- people ---------------------------------------------------------------------------


def add_user(engine: sa.Engine, name: str, role: str, password: str) -> None:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if not name.strip() or len(name) > USER_NAME_MAX:
        raise ValueError(f"a user name is 1 to {USER_NAME_MAX} characters")
    if len(password) < 8:
        raise ValueError("a password needs at least 8 characters")
    with engine.begin() as conn:
        if conn.execute(sa.select(users.c.id).where(users.c.name == name)).first():
            raise ValueError(f"user {name!r} exists already")
        conn.execute(users.insert().values(name=name, role=role, disabled=False,
                                           password_hash=_hasher.hash(password),
                                           created_at=now()))
        record_audit(conn, "cli", "user_add", name)


def find_user(engine: sa.Engine, name: str) -> dict[str, Any] | None:
    """A hub user's name, role and whether disabled (never the password hash)."""
    with engine.connect() as conn:
        row = conn.execute(sa.select(users.c.name, users.c.role, users.c.disabled)
                           .where(users.c.name == name)).first()
    return dict(row._mapping) if row is not None else None


def disable_user(engine: sa.Engine, name: str) -> None:
    """Disables ``name`` and drops the tokens it signed in with: it stops at once."""
    with engine.begin() as conn:
        row = conn.execute(sa.select(users.c.id).where(users.c.name == name)).first()
        if row is None:
            raise LookupError(f"no user {name!r}")
        conn.execute(users.update().where(users.c.id == row.id).values(disabled=True))
        conn.execute(person_tokens.delete().where(person_tokens.c.user_id == row.id))
        record_audit(conn, "cli", "user_disable", name)


def password_matches(password_hash: str | None, password: str) -> bool:
    """The Argon2 check (CPU-bound: the server runs it on ``signin.PasswordChecker``).
    Without a user it checks a dummy hash, so the time taken does not tell which user
    names exist."""
    try:
        _hasher.verify(password_hash or _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return False
    return password_hash is not None


def _check_password(conn: sa.Connection, name: str, password: str, *,
                    verified: bool = False) -> sa.Row:
    """The user's row; ``verified`` when the caller has checked the password already
    (``signin.check``), then only that the user still exists and is enabled."""
    row = conn.execute(sa.select(users).where(users.c.name == name)).first()
    if not verified and not password_matches(row.password_hash if row else None, password):
        row = None
    if row is None or row.disabled:
        raise HubError(401, "bad_credentials", "wrong user name or password")
    return row


def login(engine: sa.Engine, name: str, password: str) -> tuple[str, str]:
    """(token, role) for a person whose password matches (the server checks passwords
    in ``signin`` and calls :func:`issue_person_token`)."""
    with engine.begin() as conn:
        row = _check_password(conn, name, password)
    return issue_person_token(engine, row.id), row.role


# -- person tokens: idle and absolute expiry, logout ------------------------------------
TOUCH_SECONDS = 60   # a token's last use is written at most once a minute


def _live() -> sa.ColumnElement[bool]:
    return sa.and_(person_tokens.c.created_at >= ago(protocol.PERSON_TOKEN_LIFETIME_SECONDS),
                   sa.func.coalesce(person_tokens.c.last_used_at, person_tokens.c.created_at)
                   >= ago(protocol.PERSON_TOKEN_IDLE_SECONDS))


def issue_person_token(engine: sa.Engine, user_id: int) -> str:
    """A new token for the user; expired tokens (anyone's) are deleted on the way."""
    token = _new_token(PERSON_PREFIX)
    with engine.begin() as conn:
        conn.execute(person_tokens.delete().where(sa.not_(_live())))
        stamp = now()
        conn.execute(person_tokens.insert().values(token_hash=token_hash(token), user_id=user_id,
                                                   created_at=stamp, last_used_at=stamp))
    return token


def person_for_token(conn: sa.Connection, token: str) -> Person | None:
    """The signed-in person, or None when the token is unknown, expired (idle or past its
    lifetime, ``protocol.PERSON_TOKEN_*``), ended by logout or its user disabled."""
    if not token.startswith(PERSON_PREFIX):
        return None
    row = conn.execute(
        sa.select(users.c.id, users.c.name, users.c.role, person_tokens.c.last_used_at)
        .select_from(person_tokens.join(users))
        .where(person_tokens.c.token_hash == token_hash(token), users.c.disabled.is_(False),
               _live())
    ).first()
    if row is None:
        return None
    return Person(row.id, row.name, row.role,
                  stale=(row.last_used_at or "") < ago(TOUCH_SECONDS))


def touch_person_token(engine: sa.Engine, token: str) -> None:
    """Writes the token's last use (for idle expiry); called only when it is
    :attr:`Person.stale`, so a busy person costs one write a minute, not one a request."""
    with engine.begin() as conn:
        conn.execute(person_tokens.update().where(person_tokens.c.token_hash == token_hash(token))
                     .values(last_used_at=now()))


def logout(engine: sa.Engine, token: str, who: Person) -> None:
    """Ends this token (only this one: the person's other sessions go on)."""
    with engine.begin() as conn:
        conn.execute(person_tokens.delete().where(person_tokens.c.token_hash == token_hash(token)))
        record_audit(conn, who.name, "logout", "person token")


# -- devices --------------------------------------------------------------------------


def register_device(engine: sa.Engine, code: str) -> tuple[str, bool]:
    """IT registers a device code before its laptop enrols (``fieldbus-hub device add``):
    (the code as kept, upper case; False when it was registered already). Without this,
    any officer's password could take a bus's code before its laptop arrives."""
    code = code.strip().upper()
    if not DEVICE_CODE.match(code):
        raise ValueError(f"{code!r} is not a device code (2 to 6 letters A-Z or digits)")
    if code.startswith(protocol.TRAINING_DEVICE_PREFIX):
        raise ValueError(f"device codes starting with {protocol.TRAINING_DEVICE_PREFIX} "
                         "are training stores' and never enrolled")
    with engine.begin() as conn:
        if conn.execute(sa.select(registered_devices.c.code)
                        .where(registered_devices.c.code == code)).first():
            return code, False
        conn.execute(registered_devices.insert().values(code=code, registered_at=now()))
        record_audit(conn, "cli", "device_register", code)
    return code, True


def list_devices(engine: sa.Engine) -> list[dict[str, object]]:
    """Every registered code with whether (and when) a laptop enrolled it and whether it is
    revoked, by code."""
    query = (sa.select(registered_devices.c.code, registered_devices.c.registered_at,
                       devices.c.enrolled_at, devices.c.revoked)
             .select_from(registered_devices.outerjoin(
                 devices, devices.c.code == registered_devices.c.code))
             .order_by(registered_devices.c.code))
    with reader(engine).connect() as conn:
        return [{"code": row.code, "registered_at": row.registered_at,
                 "enrolled": row.enrolled_at is not None, "enrolled_at": row.enrolled_at,
                 "revoked": bool(row.revoked)} for row in conn.execute(query)]


def enrol(engine: sa.Engine, *, username: str, password: str, code: str, device_key: str,
          qr_secret: str, verified: bool = False) -> tuple[str, str]:
    """(device token, the QR secret the hub keeps) — see ``protocol.EnrolRequest``.
    ``verified``: the server checked the password already (``signin.check``)."""
    token = _new_token(DEVICE_PREFIX)
    key_hash = token_hash(device_key)
    with engine.begin() as conn:
        person = _check_password(conn, username, password, verified=verified)
        if code.startswith(protocol.TRAINING_DEVICE_PREFIX):
            raise HubError(422, "device_reserved", f"device codes starting with "
                           f"{protocol.TRAINING_DEVICE_PREFIX} are training stores' and "
                           "never enrolled")
        if conn.execute(sa.select(registered_devices.c.code)
                        .where(registered_devices.c.code == code)).first() is None:
            raise HubError(403, protocol.DEVICE_NOT_REGISTERED,
                           f"device code {code} is not registered at the hub: ask IT to run "
                           f"`fieldbus-hub device add {code}`")
        row = conn.execute(sa.select(devices).where(devices.c.code == code)).first()
        if row is None:
            conn.execute(devices.insert().values(
                code=code, key_hash=key_hash, qr_secret=qr_secret,
                token_hash=token_hash(token), revoked=False, enrolled_by=person.id,
                enrolled_at=now()))
            record_audit(conn, username, "device_enrol", code)
            return token, qr_secret
        if row.revoked:
            raise HubError(403, "device_revoked", f"device {code} has been revoked")
        if not secrets.compare_digest(row.key_hash, key_hash):
            raise HubError(409, "device_code_taken",
                            f"device code {code} is registered to another laptop")
        # The same laptop again (its answer was lost): a fresh token replaces the old one.
        conn.execute(devices.update().where(devices.c.id == row.id)
                     .values(token_hash=token_hash(token)))
        record_audit(conn, username, "device_reenrol", code)
        return token, row.qr_secret


def revoke_device(engine: sa.Engine, code: str) -> None:
    """Stop a laptop at once; a code that never enrolled (a laptop lost on its way) loses
    its registration instead, so nobody can enrol with it until IT registers it again."""
    with engine.begin() as conn:
        done = conn.execute(devices.update().where(devices.c.code == code)
                            .values(revoked=True, token_hash=None))
        if done.rowcount == 0:
            done = conn.execute(registered_devices.delete()
                                .where(registered_devices.c.code == code))
        if done.rowcount == 0:
            raise LookupError(f"no device {code!r}")
        record_audit(conn, "cli", "device_revoke", code)


def device_for_token(conn: sa.Connection, token: str) -> Device | None:
    """The enrolled device, or None when the token is unknown, replaced or revoked."""
    if not token.startswith(DEVICE_PREFIX):
        return None
    row = conn.execute(
        sa.select(devices.c.id, devices.c.code, devices.c.qr_secret)
        .where(devices.c.token_hash == token_hash(token), devices.c.revoked.is_(False))
    ).first()
    return Device(row.id, row.code, row.qr_secret) if row else None

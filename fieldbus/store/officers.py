"""Officers on this laptop, the PIN rule, and the lock after repeated wrong PINs.

A PIN is checked by unwrapping the officer's key slot (``fieldbus.store.keyslots``), and
failed attempts are counted there, on disk, so restarting the app or running the command
line in a loop does not reset the delay. The ``pin_hash`` column and its counter serve
only stores made before key slots, until their first sign-in upgrades them.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import sqlite_utils

from fieldbus.domain.errors import NotFound, ValidationError
from fieldbus.domain.ids import new_id
from fieldbus.domain.records import ROLES, Officer
from fieldbus.domain.text import clean_text
from fieldbus.store.errors import SignInFailed, SignInLocked

FREE_ATTEMPTS = 5
FIRST_DELAY = timedelta(seconds=30)
MAX_DELAY = timedelta(hours=1)
_PIN = re.compile(r"^[0-9]{4,12}$")
#: New PINs (setup, a new officer, a changed PIN): 6 to 12 digits. Older 4-digit PINs keep
#: working until changed; signing in with one says so (:data:`SHORT_PIN_NOTICE`).
MIN_NEW_PIN = 6
_NEW_PIN = re.compile(r"^[0-9]{6,12}$")
SHORT_PIN_NOTICE = ("your PIN is shorter than 6 digits: choose a new one with "
                    "`fieldbus officer pin` (the app asks too)")


def _hasher():  # imported lazily: argon2 is only needed when someone signs in
    from argon2 import PasswordHasher

    return PasswordHasher()


def validate_pin(pin: object) -> str:
    if not isinstance(pin, str) or not _PIN.match(pin.strip()):
        raise ValidationError("pin", "must be 4 to 12 digits", code="pin")
    return pin.strip()


def validate_new_pin(pin: object) -> str:
    if not isinstance(pin, str) or not _NEW_PIN.match(pin.strip()):
        raise ValidationError("pin", "must be 6 to 12 digits", code="pin")
    return pin.strip()


def validate_name(name: object) -> str:
    cleaned = clean_text(name, field="officer", max_len=50)
    assert cleaned is not None
    return cleaned


def add(db: sqlite_utils.Database, *, name: str, role: str, at: datetime) -> Officer:
    """The officer's row; their PIN goes to their key slot, never into the database."""
    name = validate_name(name)
    if role not in ROLES:
        raise ValidationError("role", f"must be one of {', '.join(ROLES)}", code="role")
    if db.execute("SELECT 1 FROM officers WHERE name = ?", (name,)).fetchone():
        raise ValidationError("officer", f"an officer named {name} already exists", code="exists")
    officer = Officer(id=new_id(), name=name, role=role)
    db.execute(
        "INSERT INTO officers (id, name, role, pin_hash, created_at) VALUES (?, ?, ?, '', ?)",
        (officer.id, name, role, at.isoformat()),
    )
    return officer


def get(db: sqlite_utils.Database, officer_id: str) -> Officer:
    """The active officer ``officer_id`` (a key slot's), or SignInFailed."""
    row = db.execute("SELECT id, name, role FROM officers WHERE id = ? AND disabled = 0",
                     (officer_id,)).fetchone()
    if row is None:
        raise SignInFailed("this officer may no longer sign in on this laptop")
    return Officer(id=row[0], name=row[1], role=row[2])


def find(db: sqlite_utils.Database, name: str | None) -> Officer:
    if name is None:
        rows = db.execute("SELECT id, name, role FROM officers WHERE disabled = 0 "
                          "ORDER BY created_at LIMIT 2").fetchall()
        if len(rows) != 1:
            raise SignInFailed("several officers use this laptop: name one with --officer "
                               "or FIELDBUS_OFFICER")
        row = rows[0]
    else:
        row = db.execute("SELECT id, name, role FROM officers WHERE name = ? AND disabled = 0",
                         (name,)).fetchone()
        if row is None:
            raise SignInFailed(f"no officer named {name} on this laptop")
    return Officer(id=row[0], name=row[1], role=row[2])


def name_of(db: sqlite_utils.Database, officer_id: str) -> str:
    """The name of any officer who ever used this laptop (disabled ones too)."""
    row = db.execute("SELECT name FROM officers WHERE id = ?", (officer_id,)).fetchone()
    if row is None:
        raise NotFound(f"no officer {officer_id} on this laptop")
    return row[0]


def lock_delay(failures: int) -> timedelta:
    """Nothing for the first few mistakes, then a delay that doubles each time."""
    if failures < FREE_ATTEMPTS:
        return timedelta(0)
    return min(FIRST_DELAY * (2 ** (failures - FREE_ATTEMPTS)), MAX_DELAY)


def check_pin(db: sqlite_utils.Database, officer: Officer, pin: str, *, now: datetime) -> bool:
    """Verify the PIN against a store made before key slots, counting failures; raises
    while the officer is locked out.

    Returns whether the failure count changed (the caller commits and audits).
    """
    from argon2.exceptions import InvalidHashError, VerificationError

    pin_hash, failures, locked_until = db.execute(
        "SELECT pin_hash, failed_attempts, locked_until FROM officers WHERE id = ?",
        (officer.id,),
    ).fetchone()
    if locked_until and now < datetime.fromisoformat(locked_until):
        wait = (datetime.fromisoformat(locked_until) - now).total_seconds()
        raise SignInLocked(f"too many wrong PINs: try again in {int(wait) + 1} s",
                           retry_after=wait)
    try:
        _hasher().verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        failures += 1
        delay = lock_delay(failures)
        db.execute(
            "UPDATE officers SET failed_attempts = ?, locked_until = ? WHERE id = ?",
            (failures, (now + delay).isoformat() if delay else None, officer.id),
        )
        return False
    if failures:
        db.execute("UPDATE officers SET failed_attempts = 0, locked_until = NULL WHERE id = ?",
                   (officer.id,))
    return True

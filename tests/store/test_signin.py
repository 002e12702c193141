"""Signing in with a PIN: wrong PINs are counted on disk (in the key slot file, so that
they count before the store can be decrypted), audited, and slow down guessing."""

from __future__ import annotations

import pytest

from fieldbus.domain.errors import PermissionDenied, ValidationError
from fieldbus.store.errors import SignInFailed, SignInLocked
from fieldbus.store.officers import FIRST_DELAY, FREE_ATTEMPTS, MAX_DELAY
from fieldbus.store.store import Store
from tests.conftest import PIN
from tests.store.helpers import audit_rows, count, team

WRONG = "000000"


def _fail(store, times: int = 1) -> None:
    for _ in range(times):
        with pytest.raises(SignInFailed, match="wrong PIN"):
            store.sign_in("홍길동", WRONG)


def _state(store) -> tuple[int, str | None]:
    from fieldbus.store.keyslots import lock_state

    (slot,) = [s for s in store.slots.pin_slots() if s["officer"] == "홍길동"]
    return lock_state(slot)


def test_the_right_pin_signs_in(cstore):
    officer = cstore.sign_in("홍길동", PIN)
    assert (officer.name, officer.role) == ("홍길동", "officer")
    assert cstore.sign_in(None, PIN) == officer  # the only officer on this laptop


def test_a_wrong_pin_is_refused_and_audited(cstore):
    before = count(cstore, "audit")
    _fail(cstore)
    rows = audit_rows(cstore)
    assert len(rows) == before + 1
    last = rows[-1]
    assert last["action"] == "signin_failed"
    assert last["record_type"] == "officer" and last["record_id"] == cstore.officer.id
    assert WRONG not in repr(last)
    assert cstore.verify_audit().ok


def test_an_unknown_officer_is_refused(cstore):
    with pytest.raises(SignInFailed, match="no officer named"):
        cstore.sign_in("임건우", PIN)


def test_free_attempts_then_a_lock_that_grows_and_then_lifts(cstore, clock):
    assert FREE_ATTEMPTS == 5 and FIRST_DELAY.total_seconds() == 30
    _fail(cstore, FREE_ATTEMPTS - 1)
    assert _state(cstore) == (FREE_ATTEMPTS - 1, None)  # no delay yet
    cstore.sign_in("홍길동", PIN)                         # and a right PIN still works...
    assert _state(cstore) == (0, None)                    # ...and resets the count

    _fail(cstore, FREE_ATTEMPTS)                          # the fifth wrong PIN locks
    with pytest.raises(SignInLocked) as locked:
        cstore.sign_in("홍길동", PIN)                     # even the right PIN is refused
    first_wait = locked.value.retry_after
    assert first_wait == pytest.approx(30)
    assert "try again in" in str(locked.value)

    clock.advance(seconds=29)
    with pytest.raises(SignInLocked):
        cstore.sign_in("홍길동", PIN)

    clock.advance(seconds=2)                              # the lock has run out: a guess
    _fail(cstore)                                         # wrong again: a longer lock
    with pytest.raises(SignInLocked) as longer:
        cstore.sign_in("홍길동", PIN)
    assert longer.value.retry_after == pytest.approx(60)

    clock.advance(seconds=61)
    officer = cstore.sign_in("홍길동", PIN)
    assert officer.name == "홍길동"
    assert _state(cstore) == (0, None)
    _fail(cstore)                                         # a later slip is not locked
    assert _state(cstore)[1] is None


def test_the_delay_doubles_up_to_a_ceiling(cstore, clock):
    _fail(cstore, FREE_ATTEMPTS)
    waits = []
    for _ in range(12):
        with pytest.raises(SignInLocked) as locked:
            cstore.sign_in("홍길동", WRONG)
        waits.append(locked.value.retry_after)
        clock.advance(seconds=locked.value.retry_after + 1)
        _fail(cstore)
    assert waits[:3] == [pytest.approx(30), pytest.approx(60), pytest.approx(120)]
    assert all(b >= a for a, b in zip(waits, waits[1:]))
    assert max(waits) == pytest.approx(MAX_DELAY.total_seconds())


def test_attempts_while_locked_do_not_count_or_change_anything(cstore, clock):
    _fail(cstore, FREE_ATTEMPTS)
    state, audited = _state(cstore), count(cstore, "audit")
    for pin in (WRONG, PIN):
        with pytest.raises(SignInLocked):
            cstore.sign_in("홍길동", pin)
    assert _state(cstore) == state and count(cstore, "audit") == audited


def test_the_lock_survives_a_restart(cstore, data_dir, clock):
    """Failures are counted on disk: restarting the app does not reset the delay."""
    _fail(cstore, FREE_ATTEMPTS)
    cstore.close()
    with pytest.raises(SignInLocked):
        Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock)
    clock.advance(seconds=31)
    with Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock) as reopened:
        assert reopened.officer.name == "홍길동"


def test_each_officer_has_their_own_count(data_dir, clock):
    store, boss = team(data_dir, clock)
    with store:
        store.add_officer(boss, name="김상담", role="counsel", pin="593017")
        _fail(store, FREE_ATTEMPTS)
        assert store.sign_in("김상담", "593017").role == "counsel"
        with pytest.raises(SignInFailed, match="several officers"):
            Store.open(data_dir, officer=None, pin=PIN, clock=clock)


def test_only_a_supervisor_adds_anyone(cstore):
    for role in ("supervisor", "counsel", "officer"):
        with pytest.raises(PermissionDenied):
            cstore.add_officer(cstore.officer, name="박감독", role=role, pin="123456")
    assert [o.name for o in cstore.list_officers()] == ["홍길동"]


@pytest.mark.parametrize("pin", ["123", "4821", "12a456", "", "1234567890123"])
def test_a_new_pin_must_be_6_to_12_digits(data_dir, clock, pin):
    store, boss = team(data_dir, clock)
    with store, pytest.raises(ValidationError) as caught:
        store.add_officer(boss, name="김상담", role="counsel", pin=pin)
    assert caught.value.field == "pin"


def test_no_pin_or_pin_hash_is_kept_in_the_store(data_dir, clock):
    """The PIN is checked by unwrapping the key slot; nothing inside the database would
    let a colleague who can read it guess another officer's PIN."""
    with Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN, clock=clock) as made:
        assert made.db.execute("SELECT pin_hash FROM officers").fetchall() == [("",)]
        assert made.sign_in("홍길동", PIN).name == "홍길동"

"""Issue 9 §2, attacked: a copy of the data folder and the keyring, without a PIN, opens
nothing; opening needs the PIN; wrong PINs lock out; an empty store file is refused.

The attacker here has everything an OS session (or a stolen disk) gives: every file in
the data folder and every secret in the keyring. Each candidate 32-byte value found in
them is tried as the SQLCipher key.
"""

from __future__ import annotations

import base64
import binascii
import re

import pytest

from fieldbus.store import complaints
from fieldbus.store.errors import SignInFailed, SignInLocked, StoreError
from fieldbus.store.sqlcipher import DatabaseError, connect
from fieldbus.store.store import DB_FILE, Store
from tests.conftest import PIN
from tests.store.helpers import draft, files_state
from tests.store.keyrings import secure_keyring  # noqa: F401 (fixture)

WRONG = "000000"


def _decodings(text: str):
    """Every way a stored string could be a 32-byte key: hex, base64, raw bytes."""
    for token in re.findall(r"[0-9A-Za-z+/=_-]{40,}", text):
        for decode in (bytes.fromhex, base64.b64decode, base64.urlsafe_b64decode):
            try:
                value = decode(token)
            except (ValueError, binascii.Error):
                continue
            if len(value) == 32:
                yield value


def _candidates(data_dir, keyring_values) -> list[bytes]:
    found: list[bytes] = []
    for path in sorted(data_dir.iterdir()):
        if not path.is_file() or path.name.startswith(DB_FILE):
            continue
        raw = path.read_bytes()
        found += [raw] if len(raw) == 32 else []
        found += list(_decodings(raw.decode("latin-1")))
    for value in keyring_values:
        found += list(_decodings(value))
        found.append(value.encode("latin-1")[:32])
    return [c for c in found if len(c) == 32]


def _opens(db_path, key: bytes) -> bool:
    try:
        connect(db_path, key).close()
    except DatabaseError:
        return False
    return True


def _make(data_dir, clock):
    store = Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN, clock=clock)
    complaints.add(store, draft(store), store.sign_in("홍길동", PIN))
    store.close()


def test_without_the_pin_no_file_of_the_folder_opens_the_store(data_dir, clock):
    """Development mode (no keyring): the folder alone must not hold a usable key."""
    _make(data_dir, clock)
    tried = _candidates(data_dir, [])
    opened = [k for k in tried if _opens(data_dir / DB_FILE, k)]
    assert not opened, "a key lying in the data folder opens the store without any PIN"


def test_without_the_pin_the_folder_and_the_keyring_open_nothing(data_dir, clock,
                                                                 secure_keyring, monkeypatch):
    monkeypatch.delenv("FIELDBUS_ALLOW_INSECURE_KEYRING")
    _make(data_dir, clock)
    values = list(secure_keyring.secrets.values())
    tried = _candidates(data_dir, values)
    assert tried  # the device secret, and whatever the slot file holds, were tried
    opened = [k for k in tried if _opens(data_dir / DB_FILE, k)]
    assert not opened, "the keyring and the folder open the store without any PIN"


def test_opening_needs_the_pin(data_dir, clock):
    _make(data_dir, clock)
    before = files_state(data_dir)
    with pytest.raises(SignInFailed):
        Store.open(data_dir, officer="홍길동", pin=WRONG, clock=clock)
    assert files_state(data_dir)[DB_FILE] == before[DB_FILE]  # not even opened
    with Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock) as opened:
        assert opened.officer.name == "홍길동"
        assert len(complaints.recent(opened)) == 1


def test_wrong_pins_at_opening_lock_out_even_across_restarts(data_dir, clock):
    _make(data_dir, clock)
    for _ in range(5):
        with pytest.raises(SignInFailed):
            Store.open(data_dir, officer="홍길동", pin=WRONG, clock=clock)
    with pytest.raises(SignInLocked) as locked:
        Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock)
    assert locked.value.retry_after == pytest.approx(30)
    clock.advance(seconds=31)
    with Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock) as opened:
        actions = [r[0] for r in opened.db.execute("SELECT action FROM audit").fetchall()]
    assert "signin_failed" in actions  # the failures were audited once the store opened


def test_a_zero_byte_store_file_is_refused_never_made_new(data_dir, clock):
    _make(data_dir, clock)
    (data_dir / DB_FILE).write_bytes(b"")
    before = files_state(data_dir)
    with pytest.raises(StoreError) as caught:
        Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock)
    assert caught.value.code in ("store_missing", "store_key_missing")
    assert "empty" in str(caught.value)
    assert files_state(data_dir) == before
    assert (data_dir / DB_FILE).stat().st_size == 0

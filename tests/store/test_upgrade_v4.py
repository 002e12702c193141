"""A store written by Fieldbus before key slots (schema 4, raw key in a development key
file or the keyring) upgrades at its first sign-in with a right PIN.

tests/store/data/v4-store was made by the code of that time (`fieldbus setup` as
supervisor 홍길동, `officer add` 김상담 (counsel) and 이현장 (officer), a visit,
complaint-01 and -05, counsel-01 by 김상담; PINs 4821, 5930 and 7316, key in
``store.key``). Every test works on a copy.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import keyring.core
import pytest

from fieldbus.store import complaints, counsel
from fieldbus.store.errors import SignInFailed
from fieldbus.store.keys import DEVICE_SERVICE, KEY_FILE, SERVICE
from fieldbus.store.keyslots import SLOTS_FILE
from fieldbus.store.sqlcipher import DatabaseError, connect
from fieldbus.store.store import DB_FILE, DESCRIPTOR, Store
from tests.conftest import LEGACY_PIN
from tests.store.helpers import V4_STORE, files_state
from tests.store.keyrings import FakeSecureKeyring

PINS = {"홍길동": LEGACY_PIN, "김상담": "5930", "이현장": "7316"}


@pytest.fixture
def old(tmp_path) -> Path:
    data_dir = tmp_path / "old"
    shutil.copytree(V4_STORE, data_dir)
    return data_dir


def _descriptor(data_dir) -> dict:
    return json.loads((data_dir / DESCRIPTOR).read_text(encoding="utf-8"))


def _opens_with(data_dir, key: bytes) -> bool:
    try:
        connect(data_dir / DB_FILE, key).close()
    except DatabaseError:
        return False
    return True


def test_a_wrong_pin_changes_nothing_and_keeps_the_old_key(old, clock):
    raw = bytes.fromhex((old / KEY_FILE).read_text())
    with pytest.raises(SignInFailed):
        Store.open(old, officer="홍길동", pin="0000", clock=clock)
    assert (old / KEY_FILE).exists() and not (old / SLOTS_FILE).exists()
    assert _descriptor(old)["key_place"] == "file"
    assert _opens_with(old, raw)


def test_the_first_sign_in_wraps_the_key_for_every_officer_and_deletes_it(old, clock):
    raw = bytes.fromhex((old / KEY_FILE).read_text())
    with Store.open(old, officer="홍길동", pin=LEGACY_PIN, clock=clock) as store:
        assert store.officer.role == "supervisor"
        assert [c.draft.title for c in complaints.recent(store)] == [
            "익명 제보: 공사장 소음", "마을 진입로 포장 요청"]
        assert len(counsel.recent(store)) == 1
        assert store.verify_audit().ok
        (wrapped,) = store.db.execute("SELECT details FROM audit WHERE action = "
                                      "'store_key_wrapped'").fetchall()
        assert json.loads(wrapped[0]) == {"officers": 3, "slots": 3, "recovery": False}
        hashes = store.db.execute("SELECT pin_hash FROM officers").fetchall()
        assert hashes == [("",), ("",), ("",)]  # nothing left to guess PINs from inside
        assert store.notices and "6 digits" in store.notices[0]  # a 4-digit PIN: change it
    assert not (old / KEY_FILE).exists()
    assert _descriptor(old)["key_place"] == "slots"
    slots = json.loads((old / SLOTS_FILE).read_text(encoding="utf-8"))
    assert [s["officer"] for s in slots["slots"]] == ["홍길동", "김상담", "이현장"]
    assert raw.hex() not in (old / SLOTS_FILE).read_text()
    assert _opens_with(old, raw)  # the data key itself is unchanged: nothing re-encrypted

    # Every officer signs in with the PIN they always had, the others before their turn.
    for name, pin in PINS.items():
        with Store.open(old, officer=name, pin=pin, clock=clock) as store:
            assert store.officer.name == name
        with pytest.raises(SignInFailed):
            Store.open(old, officer=name, pin="9999", clock=clock)


def test_a_four_digit_pin_is_changed_to_six_and_the_old_one_stops(old, clock):
    with Store.open(old, officer="이현장", pin="7316", clock=clock) as store:
        store.change_pin(store.officer, "730512")
        assert not store.notices
    with pytest.raises(SignInFailed):
        Store.open(old, officer="이현장", pin="7316", clock=clock)
    with Store.open(old, officer="이현장", pin="730512", clock=clock) as store:
        assert store.officer.role == "officer" and not store.notices


def test_an_upgrade_cut_short_after_the_slots_were_written_is_finished(old, clock, monkeypatch):
    """A power cut after keyslots.json was written, before the old key was deleted: the
    next sign-in opens through the slots and finishes the job."""
    from fieldbus.store import store as store_module

    def cut(self, old_place, info):
        raise KeyboardInterrupt("power cut")

    with monkeypatch.context() as m, pytest.raises(KeyboardInterrupt):
        m.setattr(store_module.Store, "_forget_legacy_key", cut)
        Store.open(old, officer="김상담", pin="5930", clock=clock)
    assert (old / SLOTS_FILE).exists() and (old / KEY_FILE).exists()
    with Store.open(old, officer="이현장", pin="7316", clock=clock) as store:
        assert len(complaints.recent(store)) == 2
    assert not (old / KEY_FILE).exists()
    assert _descriptor(old)["key_place"] == "slots"


def test_a_keyring_store_upgrades_and_its_key_leaves_the_keyring(old, clock, monkeypatch):
    """The same store as the keyring of that time would have kept it."""
    backend = FakeSecureKeyring()
    store_id = _descriptor(old)["store_id"]
    backend.set_password(SERVICE, store_id, (old / KEY_FILE).read_text().strip())
    (old / KEY_FILE).unlink()
    (old / DESCRIPTOR).write_text(json.dumps({**_descriptor(old), "key_place": "keyring"}))
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    monkeypatch.delenv("FIELDBUS_ALLOW_INSECURE_KEYRING")

    info = Store.signin_info(old)  # the old store still lists its officers before sign-in
    assert info is not None and info.officers == list(PINS) and info.key_warning is None
    with Store.open(old, officer="김상담", pin="5930", clock=clock) as store:
        assert store.officer.role == "counsel"
    assert list(backend.secrets) == [(DEVICE_SERVICE, store_id)]  # the raw key is gone
    before = files_state(old)
    # From now on the device secret is part of every PIN's key: the folder alone and a
    # PIN are not enough without this laptop's keyring.
    monkeypatch.setattr(keyring.core, "_keyring_backend", FakeSecureKeyring())
    with pytest.raises(Exception) as caught:
        Store.open(old, officer="김상담", pin="5930", clock=clock)
    assert getattr(caught.value, "code", "") == "store_key_missing"
    assert files_state(old) == before
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    with Store.open(old, officer="홍길동", pin=LEGACY_PIN, clock=clock) as store:
        assert store.verify_audit().ok

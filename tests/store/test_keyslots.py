"""Key slots (docs/security.md §2): the data key only wrapped, one slot per officer, the
PIN's Argon2id cost per slot, slots bound to their store and officer, and the officer
changes that add, re-wrap and remove slots — supervisors only, audited."""

from __future__ import annotations

import json
import stat

import pytest

from fieldbus.domain.errors import PermissionDenied, ValidationError
from fieldbus.store import complaints
from fieldbus.store.errors import SignInFailed, StoreKeyMissing
from fieldbus.store.keys import DEVICE_SERVICE
from fieldbus.store.keyslots import PRODUCTION, SLOTS_FILE
from fieldbus.store.store import Store
from tests.conftest import PIN
from tests.store.helpers import audit_rows, draft
from tests.store.keyrings import FakeSecureKeyring, secure_keyring  # noqa: F401 (fixture)

COUNSEL_PIN = "593017"


def _file(data_dir) -> dict:
    return json.loads((data_dir / SLOTS_FILE).read_text(encoding="utf-8"))


def _boss_store(data_dir, clock) -> Store:
    return Store.create(data_dir, device="B07A", officer="박감독", pin=PIN, role="supervisor",
                        clock=clock)


def test_new_slots_use_the_production_argon2id_cost(data_dir, clock, real_kdf):
    with Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN, clock=clock):
        pass
    (slot,) = _file(data_dir)["slots"]
    kdf = slot["kdf"]
    assert (kdf["alg"], kdf["t"], kdf["m"], kdf["p"]) == (
        "argon2id", PRODUCTION.time_cost, PRODUCTION.memory_kib, PRODUCTION.parallelism)
    assert (PRODUCTION.time_cost, PRODUCTION.memory_kib) == (3, 65536)  # RFC 9106 profile
    with Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock) as opened:
        assert opened.officer.name == "홍길동"


def test_the_slot_file_holds_no_pin_no_key_and_is_private(cstore, data_dir):
    cstore.close()
    text = (data_dir / SLOTS_FILE).read_text(encoding="utf-8")
    assert PIN not in text
    assert cstore._data_key.hex() not in text
    assert stat.S_IMODE((data_dir / SLOTS_FILE).stat().st_mode) == 0o600
    assert sorted(p.name for p in data_dir.iterdir()) == ["fieldbus.db", SLOTS_FILE,
                                                          "store.json"]


def test_a_slot_moved_to_another_officer_or_with_its_cost_edited_opens_nothing(data_dir,
                                                                              clock):
    with _boss_store(data_dir, clock) as store:
        store.add_officer(store.officer, name="김상담", role="counsel", pin=COUNSEL_PIN)
    data = _file(data_dir)
    boss, counsel = data["slots"]
    # The supervisor's wrapped key under the counsel's name: the PIN that made it fails.
    data["slots"] = [boss, {**boss, "id": counsel["id"], "officer": "김상담"}]
    (data_dir / SLOTS_FILE).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SignInFailed):
        Store.open(data_dir, officer="김상담", pin=PIN, clock=clock)
    # Nor does editing the cost a slot records (to make guessing cheaper): another key.
    data["slots"] = [{**boss, "kdf": {**boss["kdf"], "m": boss["kdf"]["m"] // 2}}]
    (data_dir / SLOTS_FILE).write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SignInFailed):
        Store.open(data_dir, officer="박감독", pin=PIN, clock=clock)


def test_a_missing_or_damaged_slot_file_is_refused_untouched(cstore, data_dir, clock):
    cstore.close()
    path = data_dir / SLOTS_FILE
    kept = path.read_bytes()
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(StoreKeyMissing, match="damaged"):
        Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock)
    path.unlink()
    with pytest.raises(StoreKeyMissing, match="missing"):
        Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock)
    assert not path.exists()
    path.write_bytes(kept)
    Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock).close()


def test_with_a_secure_keyring_the_pin_alone_opens_nothing(data_dir, clock, secure_keyring,
                                                          monkeypatch):
    import keyring.core

    monkeypatch.delenv("FIELDBUS_ALLOW_INSECURE_KEYRING")
    with Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN, clock=clock) as made:
        assert made.key_place.warning() is None
    (slot,) = _file(data_dir)["slots"]
    assert slot["device_secret"] is True
    store_id = _file(data_dir)["store_id"]
    assert list(secure_keyring.secrets) == [(DEVICE_SERVICE, store_id)]
    monkeypatch.setattr(keyring.core, "_keyring_backend", FakeSecureKeyring())  # another laptop
    with pytest.raises(StoreKeyMissing, match="device secret"):
        Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock)


def test_development_mode_says_the_pin_alone_protects_the_store(cstore):
    assert cstore.key_place.warning() and "PIN alone" in cstore.key_place.warning()
    (slot,) = cstore.slots.pin_slots()
    assert slot["device_secret"] is False


def test_only_a_supervisor_adds_officers_and_new_pins_have_six_digits(cstore, data_dir, clock):
    for role in ("officer", "counsel", "supervisor"):
        with pytest.raises(PermissionDenied, match="supervisor"):
            cstore.add_officer(cstore.officer, name="임건우", role=role, pin=COUNSEL_PIN)
    assert cstore.slots.officer_names() == ["홍길동"]
    cstore.close()
    with _boss_store(data_dir.parent / "boss", clock) as boss:
        for pin in ("4821", "12345", "12a456", "1234567890123"):
            with pytest.raises(ValidationError) as caught:
                boss.add_officer(boss.officer, name="김상담", role="counsel", pin=pin)
            assert caught.value.field == "pin"
        added = boss.add_officer(boss.officer, name="김상담", role="counsel", pin=COUNSEL_PIN)
        assert boss.slots.officer_names() == ["박감독", "김상담"]
        last = audit_rows(boss)[-1]
        assert (last["action"], last["record_id"], last["officer_id"]) == (
            "officer_added", added.id, boss.officer.id)
    with Store.open(data_dir.parent / "boss", officer="김상담", pin=COUNSEL_PIN,
                    clock=clock) as again:
        assert again.officer.role == "counsel"


def test_disabling_removes_the_slot_and_keeps_the_records(data_dir, clock):
    with _boss_store(data_dir, clock) as store:
        worker = store.add_officer(store.officer, name="이현장", role="officer", pin=COUNSEL_PIN)
        store.sign_in("이현장", COUNSEL_PIN)
        saved = complaints.add(store, draft(store), worker)
        store.sign_in("박감독", PIN)
        with pytest.raises(PermissionDenied):
            store.disable_officer(worker, "박감독")
        with pytest.raises(ValidationError):
            store.disable_officer(store.officer, "박감독")  # not oneself
        store.disable_officer(store.officer, "이현장")
        assert store.slots.officer_names() == ["박감독"]
        assert complaints.get(store, saved.receipt_no).id == saved.id
        assert store.db.execute("SELECT disabled FROM officers WHERE id = ?",
                                (worker.id,)).fetchone() == (1,)
        assert any(r["action"] == "officer_disabled" and r["record_id"] == worker.id
                   for r in audit_rows(store))
        assert store.verify_audit().ok
    with pytest.raises(SignInFailed, match="no officer named"):
        Store.open(data_dir, officer="이현장", pin=COUNSEL_PIN, clock=clock)


def test_only_a_supervisor_changes_a_role_and_it_is_audited(data_dir, clock):
    with _boss_store(data_dir, clock) as store:
        worker = store.add_officer(store.officer, name="이현장", role="officer", pin=COUNSEL_PIN)
        with pytest.raises(PermissionDenied):
            store.set_role(worker, "이현장", "counsel")
        assert store.set_role(store.officer, "이현장", "counsel").role == "counsel"
        last = audit_rows(store)[-1]
        assert last["action"] == "officer_role_changed"
        assert last["details"] == {"from": "officer", "to": "counsel"}


def test_changing_a_pin_rewraps_the_slot(cstore, data_dir, clock):
    with pytest.raises(ValidationError):
        cstore.change_pin(cstore.officer, "1234")
    cstore.change_pin(cstore.officer, "730512")
    assert audit_rows(cstore)[-1]["action"] == "pin_changed"
    cstore.close()
    with pytest.raises(SignInFailed):
        Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock)
    Store.open(data_dir, officer="홍길동", pin="730512", clock=clock).close()


def test_the_lock_screen_checks_the_pin_against_the_slot(cstore):
    with pytest.raises(SignInFailed):
        cstore.sign_in("홍길동", "000000")
    assert cstore.slots.slot_of(cstore.officer.id)["failed_attempts"] == 1
    assert cstore.sign_in("홍길동", PIN).name == "홍길동"
    assert cstore.slots.slot_of(cstore.officer.id)["failed_attempts"] == 0

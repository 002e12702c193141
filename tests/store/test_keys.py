"""Keyring policy: which keyrings are good enough for the device secret, what is refused,
and lost key material reported, never answered with a new store.

The autouse fixture in tests/conftest.py pins the environment: no OS keyring
(``keyring.backends.fail.Keyring``), insecure storage allowed, so by default there is no
device secret and the PIN alone protects the store, loudly. These tests change that per
test and reset keyring's cached backend.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import keyring
import keyring.core
import pytest

from fieldbus.store.errors import KeyringUnavailable, StoreExists, StoreKeyMissing
from fieldbus.store.keys import DEVICE_SERVICE, INSECURE_ENV, KEY_FILE
from fieldbus.store.keyslots import SLOTS_FILE
from fieldbus.store.store import DB_FILE, DESCRIPTOR, Store
from tests.conftest import PIN
from tests.store.helpers import files_state
from tests.store.keyrings import secure_keyring  # noqa: F401 (fixture)

PLAINTEXT = "keyrings.alt.file.PlaintextKeyring"


@pytest.fixture
def use_backend(monkeypatch):
    """Choose the keyring backend by its environment variable, as a person would."""

    def choose(name: str) -> None:
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", name)
        monkeypatch.setattr(keyring.core, "_keyring_backend", None)

    return choose


def _create(data_dir, **kwargs):
    return Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN, **kwargs)


def _open(data_dir, clock):
    return Store.open(data_dir, officer="홍길동", pin=PIN, clock=clock)


def _no_files(data_dir) -> bool:
    return not data_dir.exists() or not any(data_dir.iterdir())


def _store_id(data_dir) -> str:
    return json.loads((data_dir / DESCRIPTOR).read_text(encoding="utf-8"))["store_id"]


# -- refusing insecure places -----------------------------------------------------------


def test_no_keyring_without_permission_refuses_and_creates_nothing(data_dir, monkeypatch):
    monkeypatch.delenv(INSECURE_ENV)
    with pytest.raises(KeyringUnavailable) as caught:
        _create(data_dir)
    message = str(caught.value)
    assert "no OS keyring" in message
    assert f"{INSECURE_ENV}=1" in message  # says how to get going
    assert _no_files(data_dir)
    assert not Store.exists(data_dir)


def test_a_plain_text_keyring_is_refused_without_permission(data_dir, monkeypatch, use_backend):
    use_backend(PLAINTEXT)
    monkeypatch.delenv(INSECURE_ENV)
    with pytest.raises(KeyringUnavailable, match="plain text") as caught:
        _create(data_dir)
    assert f"{INSECURE_ENV}=1" in str(caught.value)
    assert _no_files(data_dir)
    assert type(keyring.get_keyring()).__name__ == "PlaintextKeyring"
    keyring_file = Path(os.environ["XDG_DATA_HOME"]) / "python_keyring" / "keyring_pass.cfg"
    assert not keyring_file.exists() or "fieldbus" not in keyring_file.read_text()


@pytest.mark.parametrize("value", ["0", "", "no"])
def test_only_an_explicit_yes_allows_insecure_storage(data_dir, monkeypatch, value):
    monkeypatch.setenv(INSECURE_ENV, value)
    with pytest.raises(KeyringUnavailable):
        _create(data_dir)
    assert _no_files(data_dir)


def test_a_plain_text_keyring_when_allowed_holds_nothing_and_says_so(data_dir, use_backend,
                                                                    clock):
    """Development: a plain-text keyring is no place for a secret, so none goes there; the
    PIN alone protects the store, and every start says so."""
    use_backend(PLAINTEXT)  # FIELDBUS_ALLOW_INSECURE_KEYRING=1 from the autouse fixture
    with _create(data_dir, clock=clock) as made:
        assert not made.key_place.secure
        warning = made.key_place.warning()
        assert warning and INSECURE_ENV in warning and "PlaintextKeyring" in warning
        assert "PIN alone" in warning
    assert not (data_dir / KEY_FILE).exists()
    assert json.loads((data_dir / DESCRIPTOR).read_text())["key_place"] == "slots"
    keyring_file = Path(os.environ["XDG_DATA_HOME"]) / "python_keyring" / "keyring_pass.cfg"
    assert not keyring_file.exists() or "fieldbus" not in keyring_file.read_text()
    with _open(data_dir, clock) as reopened:
        assert reopened.key_place.warning()


def test_without_a_keyring_nothing_beside_the_store_is_a_key_and_it_is_private(data_dir,
                                                                             clock):
    with _create(data_dir, clock=clock) as made:
        assert made.key_place.warning() and "no OS keyring" in made.key_place.warning()
    assert not (data_dir / KEY_FILE).exists()
    for name in (DB_FILE, SLOTS_FILE):
        assert stat.S_IMODE((data_dir / name).stat().st_mode) == 0o600
    assert stat.S_IMODE(data_dir.stat().st_mode) & 0o077 == 0  # nor the folder to others


def test_a_secure_keyring_keeps_the_device_secret_and_no_warning_is_given(
        data_dir, monkeypatch, secure_keyring, clock):
    monkeypatch.delenv(INSECURE_ENV)
    with _create(data_dir, clock=clock) as made:
        assert made.key_place.secure and made.key_place.warning() is None
    assert list(secure_keyring.secrets) == [(DEVICE_SERVICE, _store_id(data_dir))]
    with _open(data_dir, clock) as reopened:
        assert reopened.key_place.warning() is None


def test_a_pin_only_store_is_not_opened_without_permission(data_dir, monkeypatch, clock):
    _create(data_dir, clock=clock).close()
    before = files_state(data_dir)
    monkeypatch.delenv(INSECURE_ENV)
    with pytest.raises(KeyringUnavailable):
        _open(data_dir, clock)
    assert files_state(data_dir) == before


def test_a_pin_only_store_beside_a_secure_keyring_is_bound_to_it_at_sign_in(
        data_dir, monkeypatch, secure_keyring, clock):
    """Made without a keyring (development, or a slot IT wrote when recovering): the first
    sign-in where a secure keyring exists adds this laptop's device secret to the slot."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)  # no keyring at creation
    _create(data_dir, clock=clock).close()
    monkeypatch.setattr(keyring.core, "_keyring_backend", secure_keyring)
    monkeypatch.delenv(INSECURE_ENV)
    with _open(data_dir, clock) as opened:
        assert opened.key_place.warning() is None
    (slot,) = json.loads((data_dir / SLOTS_FILE).read_text())["slots"]
    assert slot["device_secret"] is True
    assert list(secure_keyring.secrets) == [(DEVICE_SERVICE, _store_id(data_dir))]
    _open(data_dir, clock).close()


# -- lost key material: say so, never start over ------------------------------------------


def _assert_never_replaced(data_dir, before, clock) -> None:
    """Same bytes and times, and setup refuses to make a new store over the old one."""
    assert files_state(data_dir) == before
    with pytest.raises(StoreExists):
        _create(data_dir, clock=clock)
    assert files_state(data_dir) == before


def test_a_deleted_slot_file_is_reported_and_the_store_left_alone(cstore, data_dir, clock):
    from fieldbus.store import complaints
    from tests.store.helpers import draft

    complaints.add(cstore, draft(cstore), cstore.officer)
    cstore.close()
    (data_dir / SLOTS_FILE).unlink()
    before = files_state(data_dir)
    assert DB_FILE in before
    with pytest.raises(StoreKeyMissing, match="missing"):
        _open(data_dir, clock)
    _assert_never_replaced(data_dir, before, clock)


def test_a_deleted_device_secret_is_reported_and_the_store_left_alone(
        data_dir, monkeypatch, secure_keyring, clock):
    monkeypatch.delenv(INSECURE_ENV)
    _create(data_dir, clock=clock).close()
    secure_keyring.secrets.clear()
    before = files_state(data_dir)
    with pytest.raises(StoreKeyMissing, match="device secret"):
        _open(data_dir, clock)
    _assert_never_replaced(data_dir, before, clock)
    assert not secure_keyring.secrets  # no new secret was made either


def test_a_keyring_store_opened_where_there_is_no_keyring_is_refused(
        data_dir, monkeypatch, secure_keyring, clock, use_backend):
    monkeypatch.delenv(INSECURE_ENV)
    _create(data_dir, clock=clock).close()
    use_backend("keyring.backends.fail.Keyring")
    monkeypatch.setenv(INSECURE_ENV, "1")  # even where development mode is allowed
    before = files_state(data_dir)
    with pytest.raises(KeyringUnavailable, match="device secret kept in the OS keyring"):
        _open(data_dir, clock)
    _assert_never_replaced(data_dir, before, clock)


def test_a_missing_descriptor_is_reported_and_the_store_left_alone(data_dir, clock):
    _create(data_dir, clock=clock).close()
    (data_dir / DESCRIPTOR).unlink()
    before = files_state(data_dir)
    with pytest.raises(StoreKeyMissing, match="store.json"):
        _open(data_dir, clock)
    _assert_never_replaced(data_dir, before, clock)


def test_creating_over_an_existing_store_is_refused(cstore, data_dir, clock):
    cstore.close()
    before = files_state(data_dir)
    with pytest.raises(StoreExists):
        _create(data_dir, clock=clock)
    assert files_state(data_dir) == before


def test_a_leftover_slot_file_is_never_overwritten(data_dir, clock):
    """The store file may have been moved away to be restored later: its slots must stay."""
    _create(data_dir, clock=clock).close()
    slots = (data_dir / SLOTS_FILE).read_bytes()
    (data_dir / DB_FILE).rename(data_dir.parent / "moved.db")
    (data_dir / DESCRIPTOR).unlink()
    with pytest.raises(StoreExists):
        _create(data_dir, clock=clock)
    assert (data_dir / SLOTS_FILE).read_bytes() == slots
    assert sorted(p.name for p in data_dir.iterdir()) == [SLOTS_FILE]

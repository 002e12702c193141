"""Keyring policy: where the store key lives, what is refused, and a lost key.

The autouse fixture in tests/conftest.py pins the environment: no OS keyring
(``keyring.backends.fail.Keyring``), insecure storage allowed, so by default the key goes
to a 0600 key file. These tests change that per test and reset keyring's cached backend.
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
from fieldbus.store.keys import INSECURE_ENV, KEY_FILE, SERVICE
from fieldbus.store.store import DB_FILE, DESCRIPTOR, Store
from tests.conftest import PIN
from tests.store.helpers import files_state

PLAINTEXT = "keyrings.alt.file.PlaintextKeyring"


@pytest.fixture
def use_backend(monkeypatch):
    """Choose the keyring backend by its environment variable, as a person would."""

    def choose(name: str) -> None:
        monkeypatch.setenv("PYTHON_KEYRING_BACKEND", name)
        monkeypatch.setattr(keyring.core, "_keyring_backend", None)

    return choose


class FakeSecureKeyring:
    """In-memory stand-in for an OS keyring (nothing in CI offers one).

    It claims the Secret Service module name, which is how the store recognises a backend
    that keeps secrets encrypted by the operating system.
    """

    __module__ = "keyring.backends.SecretService"

    def __init__(self) -> None:
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        del self.secrets[(service, username)]


@pytest.fixture
def secure_keyring(monkeypatch):
    backend = FakeSecureKeyring()
    monkeypatch.setattr(keyring.core, "_keyring_backend", backend)
    return backend


def _create(data_dir, **kwargs):
    return Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN, **kwargs)


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
    # Nor was a key written to the plain-text keyring on the way.
    assert type(keyring.get_keyring()).__name__ == "PlaintextKeyring"
    keyring_file = Path(os.environ["XDG_DATA_HOME"]) / "python_keyring" / "keyring_pass.cfg"
    assert not keyring_file.exists() or "fieldbus" not in keyring_file.read_text()


@pytest.mark.parametrize("value", ["0", "", "no"])
def test_only_an_explicit_yes_allows_insecure_storage(data_dir, monkeypatch, value):
    monkeypatch.setenv(INSECURE_ENV, value)
    with pytest.raises(KeyringUnavailable):
        _create(data_dir)
    assert _no_files(data_dir)


def test_a_plain_text_keyring_is_used_when_allowed_and_says_so(data_dir, use_backend, clock):
    use_backend(PLAINTEXT)  # FIELDBUS_ALLOW_INSECURE_KEYRING=1 from the autouse fixture
    with _create(data_dir, clock=clock) as made:
        assert not made.key_place.secure
        warning = made.key_place.warning()
        assert warning and INSECURE_ENV in warning and "PlaintextKeyring" in warning
    assert not (data_dir / KEY_FILE).exists()  # the key is in the keyring, not beside the db
    assert json.loads((data_dir / DESCRIPTOR).read_text())["key_place"] == "keyring"
    stored = keyring.get_password(SERVICE, _store_id(data_dir))
    assert stored is not None and len(bytes.fromhex(stored)) == 32
    keyring_file = Path(os.environ["XDG_DATA_HOME"]) / "python_keyring" / "keyring_pass.cfg"
    assert "fieldbus" in keyring_file.read_text()  # an ordinary file: why it needs permission

    with Store.open(data_dir, clock=clock) as reopened:  # and says so on every start
        assert reopened.key_place.warning()


def test_without_a_keyring_the_key_file_is_readable_only_by_the_user(data_dir, clock):
    with _create(data_dir, clock=clock) as made:
        assert made.key_place.warning() and "key file" in made.key_place.warning()
    key_file = data_dir / KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(bytes.fromhex(key_file.read_text())) == 32
    assert stat.S_IMODE(data_dir.stat().st_mode) & 0o077 == 0  # nor the folder to others


def test_a_secure_keyring_keeps_the_key_and_no_warning_is_given(data_dir, monkeypatch,
                                                              secure_keyring, clock):
    monkeypatch.delenv(INSECURE_ENV)
    with _create(data_dir, clock=clock) as made:
        assert made.key_place.secure and made.key_place.warning() is None
    assert not (data_dir / KEY_FILE).exists()
    assert list(secure_keyring.secrets) == [(SERVICE, _store_id(data_dir))]
    with Store.open(data_dir, clock=clock) as reopened:
        assert reopened.key_place.warning() is None


def test_an_existing_key_file_store_is_not_opened_without_permission(data_dir, monkeypatch,
                                                                     clock):
    _create(data_dir, clock=clock).close()
    before = files_state(data_dir)
    monkeypatch.delenv(INSECURE_ENV)
    with pytest.raises(KeyringUnavailable):
        Store.open(data_dir, clock=clock)
    assert files_state(data_dir) == before


def test_a_key_file_store_is_not_opened_without_permission_even_beside_a_secure_keyring(
        data_dir, monkeypatch, secure_keyring, clock):
    """The key file is plain text whatever keyring the laptop has now."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)  # no keyring at creation
    _create(data_dir, clock=clock).close()
    assert (data_dir / KEY_FILE).exists()
    monkeypatch.setattr(keyring.core, "_keyring_backend", secure_keyring)
    monkeypatch.delenv(INSECURE_ENV)
    before = files_state(data_dir)
    with pytest.raises(KeyringUnavailable, match=INSECURE_ENV):
        Store.open(data_dir, clock=clock)
    assert files_state(data_dir) == before


# -- a lost key: say so, never start over -------------------------------------------------


def _assert_never_replaced(data_dir, before, clock) -> None:
    """Same bytes and times, and setup refuses to make a new store over the old one."""
    assert files_state(data_dir) == before
    with pytest.raises(StoreExists):
        _create(data_dir, clock=clock)
    assert files_state(data_dir) == before


def test_a_deleted_key_file_is_reported_and_the_store_left_alone(cstore, data_dir, clock):
    from tests.store.helpers import draft
    from fieldbus.store import complaints

    complaints.add(cstore, draft(cstore), cstore.officer)
    cstore.close()
    (data_dir / KEY_FILE).unlink()
    before = files_state(data_dir)
    assert DB_FILE in before

    with pytest.raises(StoreKeyMissing, match="missing"):
        Store.open(data_dir, clock=clock)
    _assert_never_replaced(data_dir, before, clock)
    assert not (data_dir / KEY_FILE).exists()  # no new key was made either


def test_a_deleted_keyring_entry_is_reported_and_the_store_left_alone(data_dir, use_backend,
                                                                      clock):
    use_backend(PLAINTEXT)
    _create(data_dir, clock=clock).close()
    keyring.delete_password(SERVICE, _store_id(data_dir))
    before = files_state(data_dir)

    with pytest.raises(StoreKeyMissing, match="not in the keyring"):
        Store.open(data_dir, clock=clock)
    _assert_never_replaced(data_dir, before, clock)
    assert keyring.get_password(SERVICE, _store_id(data_dir)) is None


def test_a_keyring_store_opened_where_there_is_no_keyring_is_refused(data_dir, use_backend,
                                                                     clock):
    use_backend(PLAINTEXT)
    _create(data_dir, clock=clock).close()
    use_backend("keyring.backends.fail.Keyring")
    before = files_state(data_dir)
    with pytest.raises(KeyringUnavailable, match="kept in the OS keyring"):
        Store.open(data_dir, clock=clock)
    _assert_never_replaced(data_dir, before, clock)
    assert not (data_dir / KEY_FILE).exists()


def test_a_missing_descriptor_is_reported_and_the_store_left_alone(data_dir, clock):
    _create(data_dir, clock=clock).close()
    (data_dir / DESCRIPTOR).unlink()
    before = files_state(data_dir)
    with pytest.raises(StoreKeyMissing, match="store.json"):
        Store.open(data_dir, clock=clock)
    _assert_never_replaced(data_dir, before, clock)


@pytest.mark.parametrize("content", ["not hex at all", "abcd"])
def test_a_damaged_key_is_reported_not_used(data_dir, clock, content):
    _create(data_dir, clock=clock).close()
    (data_dir / KEY_FILE).write_text(content)
    before = files_state(data_dir)
    with pytest.raises(StoreKeyMissing, match="damaged"):
        Store.open(data_dir, clock=clock)
    assert files_state(data_dir) == before


def test_creating_over_an_existing_store_is_refused(cstore, data_dir, clock):
    cstore.close()
    before = files_state(data_dir)
    with pytest.raises(StoreExists):
        _create(data_dir, clock=clock)
    assert files_state(data_dir) == before


def test_a_leftover_key_file_is_never_overwritten(data_dir, clock):
    """The store file may have been moved away to be restored later: its key must stay."""
    from fieldbus.store.errors import StoreWriteFailed

    _create(data_dir, clock=clock).close()
    old_key = (data_dir / KEY_FILE).read_text()
    (data_dir / DB_FILE).rename(data_dir.parent / "moved.db")
    (data_dir / DESCRIPTOR).unlink()

    with pytest.raises(StoreWriteFailed, match=KEY_FILE):
        _create(data_dir, clock=clock)
    assert (data_dir / KEY_FILE).read_text() == old_key
    assert sorted(p.name for p in data_dir.iterdir()) == [KEY_FILE]

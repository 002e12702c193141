"""Shared test set-up: every test runs against real files in a temporary folder.

No test may touch the developer's real keyring or data folder: the environment is pinned
here, before anything imports keyring or platformdirs.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

# Real hubs (``fieldbus-hub serve`` on loopback) and real PostgreSQL, for any test folder.
from tests.hub.fixtures import hub, hub_db_url, postgres_server, postgres_url  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "samples"
PIN = "482193"
#: The PIN of the officers of stores made before key slots (tests/store/data/v*-store):
#: 4 digits were allowed then, and still open those stores until changed.
LEGACY_PIN = "4821"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    # No OS keyring in tests: the development fallback (a 0600 key file) is used, loudly.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    monkeypatch.setenv("FIELDBUS_ALLOW_INSECURE_KEYRING", "1")
    # No display either: ``fieldbus`` with no sub-command would open a window on one.
    for name in ("FIELDBUS_DATA_DIR", "FIELDBUS_PIN", "FIELDBUS_OFFICER", "FIELDBUS_DEBUG",
                 "FIELDBUS_IDLE_LOCK_SECONDS", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    import keyring.core

    keyring.core._keyring_backend = None  # forget a backend chosen by an earlier test


@pytest.fixture
def real_kdf() -> None:
    """Ask for this to keep the production Argon2id cost of new key slots."""


@pytest.fixture(autouse=True)
def _cheap_key_slots(request, monkeypatch):
    """Real Argon2id for every PIN's key slot, at a minimal cost: the production cost
    (~150 ms a PIN, docs/security.md) at every store made and opened would make the suite
    many times slower. Each slot records the cost it was made with, so opening works the
    same; tests/store/test_keyslots.py checks the production cost with ``real_kdf``."""
    if "real_kdf" in request.fixturenames:
        return
    from fieldbus.store import keyslots

    monkeypatch.setattr(keyslots, "new_slot_cost",
                        keyslots.KdfCost(time_cost=1, memory_kib=64, parallelism=1))


def sample(name: str) -> dict:
    return json.loads((SAMPLES / name).read_text(encoding="utf-8"))


@pytest.fixture
def samples_dir(tmp_path) -> Path:
    target = tmp_path / "samples"
    shutil.copytree(SAMPLES, target)
    return target


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(data_dir):
    """A real SQLCipher store with one officer, signed in as ``store.officer``."""
    from fieldbus.store.store import Store

    opened = Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN)
    yield opened
    opened.close()


def cli_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(FIELDBUS_DATA_DIR=str(data_dir), FIELDBUS_PIN=PIN, **extra)
    return env

"""Fixtures for the store tests: a real store on a clock the test moves."""

from __future__ import annotations

import pytest

from tests.conftest import PIN
from tests.store.helpers import Clock


@pytest.fixture(autouse=True)
def _cheap_pin_hashes(monkeypatch):
    """PIN hashes exist only in stores made before key slots (verified at their upgrade,
    at the cost each hash names); new stores' PINs are key slots, cheapened for tests by
    ``tests.conftest._cheap_key_slots``. Kept cheap here for any hash a test makes."""
    from argon2 import PasswordHasher

    from fieldbus.store import officers

    cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    monkeypatch.setattr(officers, "_hasher", lambda: cheap)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def cstore(data_dir, clock):
    """A real store on the test's clock, with ``cstore.officer`` signed in."""
    from fieldbus.store.store import Store

    opened = Store.create(data_dir, device="B07A", officer="홍길동", pin=PIN, clock=clock)
    opened.officer = opened.sign_in("홍길동", PIN)
    yield opened
    opened.close()

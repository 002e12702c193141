"""Fixtures for the store tests: a real store on a clock the test moves."""

from __future__ import annotations

import pytest

from tests.conftest import PIN
from tests.store.helpers import Clock


@pytest.fixture
def real_pin_hashing() -> None:
    """Ask for this to keep the production Argon2 cost (see ``_cheap_pin_hashes``)."""


@pytest.fixture(autouse=True)
def _cheap_pin_hashes(request, monkeypatch):
    """Argon2 at its production cost takes ~0.1–0.2 s a hash, and every store made here
    hashes and verifies a PIN: at a hundred stores that is most of the suite's time. The
    store still really hashes and verifies, with the same algorithm at a lower cost
    (PasswordHasher.verify reads the cost from the hash). test_signin checks the
    production cost with ``real_pin_hashing``."""
    if "real_pin_hashing" in request.fixturenames:
        return
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

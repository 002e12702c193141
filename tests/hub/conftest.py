"""The hub's core tests run on SQLite and on a real PostgreSQL (see ``fixtures.py``)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from sync.hub import auth
from sync.hub.db import connect
from tests.hub.fixtures import PASSWORD, Hub


@pytest.fixture(params=["sqlite", "postgresql"])
def hub_db_url(request, tmp_path) -> str:
    if request.param == "postgresql":
        return request.getfixturevalue("postgres_url")
    return f"sqlite:///{tmp_path / 'hub.sqlite3'}"


@dataclass
class Bus:
    """A hub with an officer (kim) whose laptop B07A is enrolled, and a supervisor (boss)."""

    hub: Hub
    device_token: str
    officer_token: str
    supervisor_token: str
    qr_secret: str

    @property
    def url(self) -> str:
        return self.hub.url


@pytest.fixture
def engine(hub_db_url):
    """The hub's database, opened directly (to look behind the API)."""
    found = connect(hub_db_url)
    yield found
    found.dispose()


@pytest.fixture
def bus(hub, engine) -> Bus:
    for name, role in (("kim", "officer"), ("boss", "supervisor"), ("lee", "counsel")):
        auth.add_user(engine, name, role, PASSWORD)
    enrolled = hub.enrol("B07A", "kim")
    return Bus(hub, enrolled["token"], hub.login("kim"), hub.login("boss"),
               enrolled["qr_secret"])

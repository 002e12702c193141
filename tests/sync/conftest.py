"""Laptops (real SQLCipher stores) enrolled with a real hub, and a faulty network between.

Retries wait a few milliseconds here (``FAST``): the waits' lengths are the client's
business and asserted in its own tests as numbers asked for, never as time spent.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from fieldbus.services import sync_link
from fieldbus.domain.records import AttachmentFile
from fieldbus.store import complaints
from fieldbus.store.store import Store
from sync.client import Retry
from tests.conftest import PIN
from tests.store.helpers import draft
from tests.sync.faults import Proxy

OFFICER_ON_HUB = "kim"


class Waits(list):
    """Stands in for ``time.sleep``: records each wait asked for."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def fast(**extra):
    return {"retry": Retry(attempts=8, base=0.001, cap=0.005), "sleep": Waits(), **extra}


def photo(i: int) -> bytes:
    return b"\x89PNG made-up photo " + str(i).encode() * 200


def add_cases(store: Store, n: int, *, files: bool = True) -> list:
    drafts = []
    for i in range(n):
        d = draft(store, title=f"마을 진입로 포장 요청 {i}")
        if files:
            data = photo(i)
            d = replace(d, signature=b"made-up signature " + str(i).encode(), attachments=(
                AttachmentFile(filename=f"road-{i}.png", media_type="image/png", size=len(data),
                               sha256=hashlib.sha256(data).hexdigest(), data=data),))
        drafts.append(d)
    return complaints.add_many(store, drafts, store.officer)


def hub_cases(hub) -> list[dict]:
    done = hub.cli("cases", "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def hub_blob(hub, sha256: str, tmp_path: Path) -> bytes | None:
    out = tmp_path / f"{sha256}.bin"
    done = hub.cli("attachment", sha256, "--out", str(out))
    return out.read_bytes() if done.returncode == 0 else None


@pytest.fixture
def make_laptop(hub, tmp_path):
    """``make_laptop("B07A")``: a new store enrolled with the hub, officer signed in."""
    hub.add_user(OFFICER_ON_HUB, "officer")
    opened = []

    def make(device: str = "B07A", *, enrol: bool = True) -> Store:
        store = Store.create(tmp_path / f"laptop-{device}", device=device, officer="홍길동",
                             pin=PIN)
        store.officer = store.sign_in("홍길동", PIN)
        opened.append(store)
        if enrol:
            from tests.hub.fixtures import PASSWORD

            hub.register(device)
            sync_link.enrol(store, store.officer, hub_url=hub.url, username=OFFICER_ON_HUB,
                            password=PASSWORD)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def proxy(hub):
    """A misbehaving network in front of the hub: set ``proxy.fault``."""
    running = Proxy(hub.url)
    running.start()
    yield running
    running.stop()


def sync_through(store: Store, proxy, **connection):
    """One run through ``proxy`` — the fault proxy, or the link simulator — (the laptop
    believes it is the hub); ``connection`` may hold ``progress=``."""
    saved = store.meta(sync_link.HUB_API_KEY)
    with store.write():
        store.db.execute("UPDATE meta SET value = ? WHERE key = ?",
                         (proxy.url, sync_link.HUB_API_KEY))
    try:
        return sync_link.run(store, store.officer, **fast(**connection))
    finally:
        with store.write():
            store.db.execute("UPDATE meta SET value = ? WHERE key = ?",
                             (saved, sync_link.HUB_API_KEY))

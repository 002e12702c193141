"""``fieldbus enrol``, ``fieldbus sync`` and ``fieldbus purge`` against a real hub."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from fieldbus.store import hub_token
from fieldbus.store.store import Store
from tests.hub.fixtures import PASSWORD
from tests.conftest import PIN


@pytest.fixture
def on_hub(hub):
    hub.add_user("kim", "officer")
    hub.register("B07A")
    return hub


def _enrol(cli, hub, password: str = PASSWORD):
    return cli("enrol", "--hub", hub.url, "--user", "kim", "--password-stdin",
               stdin=password + "\n")


def _open(cli) -> Store:
    return Store.open(cli.data_dir, officer="홍길동", pin=PIN)


def test_enrol_keeps_the_token_in_the_keyring_and_in_no_file(cli, on_hub, monkeypatch):
    # A real keyring backend (plain text, so allowed only by the development switch the
    # tests set) whose file lives outside the data folder, as the OS keyring would.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    import keyring.core

    keyring.core._keyring_backend = None
    cli.setup()
    added = cli.add("complaint-01.json")

    result = _enrol(cli, on_hub)

    assert result.code == 0, result
    assert on_hub.url in result.out
    with _open(cli) as store:
        token = hub_token.load(store)
        assert token and store.key_place.key_file is None
        assert store.meta("hub_public_url") == on_hub.url
        assert store.meta("qr_secret") == store.meta("install_secret")
    for path in cli.data_dir.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path
    assert token not in result.out + result.err and PASSWORD not in result.out + result.err

    # Enrolling again (an answer lost on the way) works and keeps the unsynced case.
    again = _enrol(cli, on_hub)
    assert again.code == 0, again
    assert cli.receipts() == [added.out.strip()]
    sync = cli("sync", "--json")
    assert sync.code == 0, sync
    assert json.loads(sync.out) == {"pushed": 1, "pulled": 0, "pending": 0, "quarantined": 0, "files_pending": 0}


def test_a_wrong_password_is_refused_with_exit_4(ready, on_hub):
    result = _enrol(ready, on_hub, password="wrong horse")
    assert result.code == 4 and "user name or password" in result.err


def test_sync_prints_the_counts_and_exits_0_when_nothing_waits(ready, on_hub):
    for name in ("complaint-01.json", "complaint-02.json"):
        ready.add(name)
    assert _enrol(ready, on_hub).code == 0

    result = ready("sync")

    assert result.code == 0, result
    assert result.out.strip() == "pushed 2, pulled 0, pending 0, quarantined 0"
    assert json.loads(ready("sync", "--json").out)["pushed"] == 0


def test_sync_exits_6_while_records_wait_for_an_unreachable_hub(ready, on_hub):
    ready.add("complaint-01.json")
    assert _enrol(ready, on_hub).code == 0
    on_hub.stop()
    from sync import client

    # Waits of a millisecond or two: how long the client waits is not what this tests.
    ready.monkeypatch.setattr(client, "DEFAULT_RETRY", client.Retry(attempts=3, base=0.001))
    result = ready("sync", "--json")
    on_hub.start()

    assert result.code == 6, result
    assert json.loads(result.out)["pending"] == 1
    assert "could not be reached" in result.err


def test_a_revoked_laptop_exits_4_and_keeps_everything(ready, on_hub):
    ready.add("complaint-01.json")
    assert _enrol(ready, on_hub).code == 0
    assert on_hub.cli("device", "revoke", "B07A").returncode == 0

    result = ready("sync")

    assert result.code == 4, result
    assert "revoked" in result.err
    assert len(ready.receipts()) == 1


def test_sync_before_enrolment_says_how(ready):
    result = ready("sync")
    assert result.code == 2 and "fieldbus enrol" in result.err


def test_a_training_store_is_never_enrolled(cli, on_hub):
    assert cli("--training", "setup", "--officer", "홍길동").code == 0
    result = cli("--training", "enrol", "--hub", on_hub.url, "--user", "kim",
                 "--password-stdin", stdin=PASSWORD + "\n")
    assert result.code == 4 and "training" in result.err


def test_purge_destroys_what_is_due_and_start_up_does_it_too(ready, on_hub):
    first = ready.add("complaint-01.json").out.strip()
    second = ready.add("complaint-02.json").out.strip()
    assert _enrol(ready, on_hub).code == 0
    assert ready("sync").code == 0
    assert ready("purge", "--json").json() == {"purged": []}  # acknowledged just now

    def age(number: str, days: int) -> None:
        with _open(ready) as store, store.write():
            at = store.db.execute("SELECT synced_at FROM complaints WHERE receipt_no = ?",
                                  (number,)).fetchone()[0]
            from datetime import datetime

            older = (datetime.fromisoformat(at) - timedelta(days=days)).isoformat()
            store.db.execute("UPDATE complaints SET synced_at = ? WHERE receipt_no = ?",
                             (older, number))

    age(first, 31)
    result = ready("purge", "--json")
    assert result.code == 0 and result.json() == {"purged": [first]}
    shown = ready("complaint", "show", first, "--json").json()
    assert shown["petitioner"] is None and shown["body"] == "" and shown["purged"]
    assert shown["receipt_no"] == first and shown["status"]

    age(second, 31)
    listing = ready("complaint", "list", "--json")  # any command's start-up purges too
    assert "retention:" in listing.err
    assert ready("complaint", "show", second, "--json").json()["purged"]
    assert ready("audit", "verify").code == 0


def test_a_device_code_another_laptop_holds_is_refused(ready, on_hub):
    on_hub.enrol("B07A", "kim")  # another laptop, another device key, same code
    result = _enrol(ready, on_hub)
    assert result.code == 4, result
    assert "hub refused" in result.err
    with _open(ready) as store:
        assert hub_token.load(store) is None and store.meta("hub_public_url") is None


@pytest.mark.parametrize("url", ["http://hub.example.go.kr", "hub.example.go.kr", "ftp://hub"])
def test_a_hub_address_that_is_not_https_is_refused(ready, url):
    result = ready("enrol", "--hub", url, "--user", "kim", "--password-stdin",
                   stdin=PASSWORD + "\n")
    assert result.code == 2 and "https" in result.err

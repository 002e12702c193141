"""``fieldbus enrol`` with a device code IT has not registered at the hub: exit 4 and one
line saying what to ask IT for (docs/security.md §4)."""

from __future__ import annotations

from fieldbus.store import hub_token
from fieldbus.store.store import Store
from tests.hub.fixtures import PASSWORD
from tests.conftest import PIN


def _enrol(cli, hub):
    return cli("enrol", "--hub", hub.url, "--user", "kim", "--password-stdin",
               stdin=PASSWORD + "\n")


def test_an_unregistered_code_is_refused_with_what_to_ask_it_for(ready, hub):
    hub.add_user("kim", "officer")

    refused = _enrol(ready, hub)

    assert refused.code == 4, refused
    assert refused.err_lines == ["error: this laptop's device code B07A is not registered "
                                 "at the hub: ask IT to run `fieldbus-hub device add B07A`"]
    with Store.open(ready.data_dir, officer="홍길동", pin=PIN) as store:
        assert hub_token.load(store) is None

    assert hub.cli("device", "add", "B07A").returncode == 0
    assert _enrol(ready, hub).code == 0
    assert _enrol(ready, hub).code == 0  # again: the same laptop, still fine

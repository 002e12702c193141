"""Issue 9 §2: when every PIN is lost, IT opens the store with the centre's recovery key.

The key pair is made as IT makes it (``fieldbus-hub recovery-key generate``); the laptop
gets the public key at setup (``--recovery-key``) or from the hub at enrolment; IT runs
``fieldbus recover`` on its own machine, on a copy of the laptop's data folder, with the
private key, which never touches the laptop.
"""

from __future__ import annotations

import json
import shutil

import pytest

from fieldbus.store.keyslots import SLOTS_FILE
from sync.hub.recovery import generate
from tests.cli.conftest import DEVICE, OFFICER, sample
from tests.hub.fixtures import PASSWORD

NEW_PIN = "618204"


@pytest.fixture
def recovery_keys(tmp_path):
    """(private key file, public key file) — IT's; the private one stays off the laptop."""
    keys = tmp_path / "it-office"
    keys.mkdir()
    fingerprint = generate(keys / "private.pem", keys / "public.pem")
    return keys / "private.pem", keys / "public.pem", fingerprint


def _slots(data_dir) -> list[dict]:
    return json.loads((data_dir / SLOTS_FILE).read_text(encoding="utf-8"))["slots"]


def test_every_pin_lost_it_recovers_and_the_data_is_intact(cli, recovery_keys, tmp_path):
    private, public, fingerprint = recovery_keys
    made = cli("setup", "--officer", OFFICER, "--device", DEVICE, "--role", "supervisor",
               "--recovery-key", public)
    assert made.code == 0, made
    added = cli("officer", "add", "김상담", "--role", "counsel",
                env={"FIELDBUS_NEW_PIN": "730519"})
    assert added.code == 0, added
    receipt = cli("--officer", OFFICER, "complaint", "add",
                  cli.write(sample("complaint-01.json"))).out.strip()
    assert [s["recipient"] for s in _slots(cli.data_dir) if s["kind"] == "recovery"] == \
        [fingerprint]
    assert private.read_bytes() not in b"".join(p.read_bytes() for p in cli.data_dir.iterdir())

    # Every PIN is lost. IT copies the folder to its own machine...
    it_copy = tmp_path / "it-copy"
    shutil.copytree(cli.data_dir, it_copy)
    wrong = cli("recover", "--data-dir", it_copy, "--recovery-private-key", public,
                "--officer", OFFICER, "--new-pin-stdin", stdin=NEW_PIN + "\n")
    assert wrong.code == 2, wrong  # a public key is not the private key
    done = cli("recover", "--data-dir", it_copy, "--recovery-private-key", private,
               "--officer", OFFICER, "--new-pin-stdin", stdin=NEW_PIN + "\n",
               env={"FIELDBUS_PIN": None})
    assert done.code == 0, done
    assert NEW_PIN not in done.out + done.err
    # ...and puts it back on the laptop.
    shutil.rmtree(cli.data_dir)
    shutil.copytree(it_copy, cli.data_dir)

    listed = cli("--officer", OFFICER, "complaint", "list", "--json",
                 env={"FIELDBUS_PIN": NEW_PIN})
    assert listed.code == 0, listed
    assert [c["receipt_no"] for c in listed.json()] == [receipt]
    old = cli("--officer", OFFICER, "complaint", "list")  # the lost PIN no longer opens it
    assert old.code == 4, old
    counsel_still = cli("--officer", "김상담", "officer", "list", env={"FIELDBUS_PIN": "730519"})
    assert counsel_still.code == 0, counsel_still
    verify = cli("--officer", OFFICER, "audit", "verify", env={"FIELDBUS_PIN": NEW_PIN})
    assert verify.code == 0, verify


def test_recovery_needs_the_store_to_have_a_recovery_slot_and_the_right_key(ready,
                                                                           recovery_keys,
                                                                           tmp_path):
    private, _, _ = recovery_keys
    result = ready("recover", "--data-dir", ready.data_dir, "--recovery-private-key", private,
                   "--officer", OFFICER, env={"FIELDBUS_NEW_PIN": NEW_PIN})
    assert result.code == 3, result
    assert "no recovery slot" in result.err

    other = tmp_path / "other"
    other.mkdir()
    generate(other / "private.pem", other / "public.pem")
    assert ready("recovery-key", "set", other / "public.pem").code == 4  # an officer may not
    supervisor_store = ready.data_dir.parent / "boss"
    boss = ready("--data-dir", supervisor_store, "setup", "--officer", "박감독", "--device",
                 "C07", "--role", "supervisor")
    assert boss.code == 0, boss
    assert ready("--data-dir", supervisor_store, "recovery-key", "set",
                 other / "public.pem").code == 0
    refused = ready("recover", "--data-dir", supervisor_store, "--recovery-private-key",
                    private, "--officer", "박감독", env={"FIELDBUS_NEW_PIN": NEW_PIN})
    assert refused.code == 3 and "not the one" in refused.err


def test_the_hub_sends_its_recovery_key_at_enrolment(cli, hub, recovery_keys):
    private, public, fingerprint = recovery_keys
    hub.stop()
    hub.start("--recovery-public-key", str(public))
    hub.add_user("kim", "officer")
    hub.register(DEVICE)
    cli.setup()
    assert not [s for s in _slots(cli.data_dir) if s["kind"] == "recovery"]
    result = cli("enrol", "--hub", hub.url, "--user", "kim", "--password-stdin",
                 stdin=PASSWORD + "\n")
    assert result.code == 0, result
    assert [s["recipient"] for s in _slots(cli.data_dir) if s["kind"] == "recovery"] == \
        [fingerprint]

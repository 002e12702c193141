"""What a device may claim on the hub (docs/security.md §4): only receipt numbers it
made, only a device code IT registered, only blobs it uploaded itself."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import httpx

from fieldbus.domain.receipt_numbers import format_receipt_no
from sync import protocol
from tests.hub.fixtures import PASSWORD
from tests.hub.helpers import bearer, complaint, outcomes, push, record, upload

DAY = dt.date(2026, 11, 26)


def _number(device: str, n: int) -> str:
    return format_receipt_no(device, DAY, n)


def _enrol(hub, device: str, key: str = "laptop-key-0123456789"):
    """Straight to the API: no registration first (``hub.enrol`` registers the code)."""
    return httpx.post(hub.url + protocol.ENROL, json={
        "protocol": 1, "username": "kim", "password": PASSWORD, "device": device,
        "device_key": key, "qr_secret": "ab" * 32})


def _error_code(answer: httpx.Response) -> str:
    return answer.json()["error"]["code"]


def test_a_device_cannot_push_under_another_devices_receipt_number(bus, hub):
    rogue = hub.enrol("C09", "kim")["token"]
    real = _number("B07A", 1)
    # C09 gets its record in first, under B07A's next number …
    stolen = push(bus.url, rogue, [record("x1", complaint(1, receipt_no=real))], device="C09")
    # … yet B07A's real case still arrives (not quarantined on its laptop as "invalid"),
    # and its citizen's QR page still works.
    assert push(bus.url, bus.device_token, [record("r1", complaint(1, receipt_no=real))]
                )[0]["outcome"] == "accepted"
    code = protocol.status_code(real, bus.qr_secret)
    assert httpx.get(protocol.status_link(real, code, bus.url)).status_code == 200
    assert outcomes(stolen) == ["invalid"]
    assert "B07A" in stolen[0]["reason"] and "C09" in stolen[0]["reason"]


def test_a_receipt_number_with_a_wrong_check_character_is_refused(bus):
    good = _number("B07A", 2)
    wrong = good[:-1] + ("A" if good[-1] != "A" else "B")
    counsel_content = {"number": wrong, "received_at": "2026-11-26T11:00:00+09:00",
                       "notes": None, "appellant": None}
    results = push(bus.url, bus.device_token, [
        record("r1", complaint(2, receipt_no=wrong)),
        record("c1", counsel_content, type="counsel"),
        record("r2", complaint(2, receipt_no=good))])
    assert outcomes(results) == ["invalid", "invalid", "accepted"]
    assert "check character" in results[0]["reason"]


def test_an_unregistered_device_code_cannot_be_enrolled(hub):
    hub.add_user("kim", "officer")
    # Any officer's password used to take any free code (a bus's, before its laptop came).
    refused = _enrol(hub, "B07A")
    assert refused.status_code == 403 and _error_code(refused) == "device_not_registered"
    assert "fieldbus-hub device add B07A" in refused.json()["error"]["message"]

    assert hub.cli("device", "add", "B07A").returncode == 0
    first = _enrol(hub, "B07A")
    assert first.status_code == 200
    again = _enrol(hub, "B07A")  # the same laptop again (its answer was lost): fine
    assert again.status_code == 200 and again.json()["token"] != first.json()["token"]
    taken = _enrol(hub, "B07A", key="another-laptop-key-000")
    assert taken.status_code == 409 and _error_code(taken) == "device_code_taken"


def test_device_add_and_list(hub):
    hub.add_user("kim", "officer")
    added = hub.cli("device", "add", "b07a")  # typed in lower case: kept upper case
    assert added.returncode == 0 and "B07A" in added.stderr
    assert hub.cli("device", "add", "B07A").returncode == 0  # again: nothing changes
    assert hub.cli("device", "add", "C12B").returncode == 0
    for bad in ("B07A!", "TOOLONG7", "EDU01"):
        done = hub.cli("device", "add", bad)
        assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert _enrol(hub, "B07A").status_code == 200
    assert hub.cli("device", "revoke", "B07A").returncode == 0

    listed = hub.cli("device", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    rows = {row["code"]: row for row in json.loads(listed.stdout)}
    assert set(rows) == {"B07A", "C12B"}
    assert rows["B07A"]["enrolled"] and rows["B07A"]["revoked"]
    assert rows["B07A"]["enrolled_at"] and rows["B07A"]["registered_at"]
    assert not rows["C12B"]["enrolled"] and not rows["C12B"]["revoked"]
    assert rows["C12B"]["enrolled_at"] is None
    text = hub.cli("device", "list")
    assert text.returncode == 0
    lines = text.stdout.splitlines()
    assert lines[0].split()[0] == "B07A" and "revoked" in lines[0]
    assert lines[1].split()[0] == "C12B" and "not enrolled" in lines[1]


def test_a_device_cannot_learn_or_claim_another_devices_blob(bus, hub, tmp_path):
    rogue = hub.enrol("C09", "kim")["token"]
    data = b"made-up photo of a road " * 500
    sha = hashlib.sha256(data).hexdigest()
    path = bus.url + protocol.ATTACHMENT.format(sha256=sha)
    assert upload(bus.url, bus.device_token, data).status_code == 201
    assert httpx.head(path, headers=bearer(bus.device_token)).status_code == 200

    # Another device learns nothing from HEAD …
    assert httpx.head(path, headers=bearer(rogue)).status_code == 404
    # … and cannot name the blob in its own record without uploading it.
    ref = {"sha256": sha, "size": len(data), "filename": "road.png",
           "media_type": "image/png"}
    claim = record("x1", complaint(1, receipt_no=_number("C09", 1), attachments=[ref]))
    assert outcomes(push(bus.url, rogue, [claim], device="C09")) == ["missing_attachment"]

    # Uploading the bytes (what a laptop does next) proves it holds them: then it may.
    assert upload(bus.url, rogue, data).status_code == 201  # new for this device
    assert upload(bus.url, rogue, data).status_code == 200  # held already
    assert httpx.head(path, headers=bearer(rogue)).status_code == 200
    assert outcomes(push(bus.url, rogue, [claim], device="C09")) == ["accepted"]
    # A wrong body under the hash gives no ownership either.
    other = hashlib.sha256(b"another made-up file").hexdigest()
    wrong = httpx.put(bus.url + protocol.ATTACHMENT.format(sha256=other), content=data,
                      headers=bearer(rogue))
    assert wrong.status_code == 422

    # People's reads are unaffected: the centre sees the attachment, the admin reads it.
    cases = httpx.get(bus.url + protocol.CASES, headers=bearer(bus.supervisor_token)).json()
    assert [a["sha256"] for c in cases["cases"] for a in c["attachments"]] == [sha]
    out = tmp_path / "out.bin"
    assert hub.cli("attachment", sha, "--out", str(out)).returncode == 0
    assert out.read_bytes() == data


def test_revoking_a_code_before_its_laptop_enrols_takes_the_registration_back(hub):
    """A laptop lost on its way to the bus: IT revokes its code before it ever enrolled,
    and whoever holds it and an officer's password cannot enrol with that code."""
    hub.add_user("kim", "officer")
    assert hub.cli("device", "add", "B07A").returncode == 0
    revoked = hub.cli("device", "revoke", "B07A")
    assert revoked.returncode == 0, revoked.stderr
    refused = _enrol(hub, "B07A")
    assert refused.status_code == 403 and _error_code(refused) == "device_not_registered"
    listed = json.loads(hub.cli("device", "list", "--json").stdout)
    assert [row["code"] for row in listed] == []

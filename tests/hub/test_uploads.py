"""Resumable uploads (tus 1.0) on a real hub, and cases that arrive before their files.

Each fault of issue 15 is tried against the hub itself: an offset beyond the file or not
the hub's, bytes past the length, a per-request checksum that does not match, partial
bytes damaged in the hub's own tables, an upload abandoned past its expiry, partial
uploads filling a quota, two devices uploading the same blob at once, a stranger's
upload, and an off-the-shelf tus client (tuspy) uploading as any tus client would.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import threading

import httpx
import pytest
import sqlalchemy as sa

from sync import protocol
from sync.hub import uploads
from sync.hub.migrations import (awaited_blobs, blob_owners, blobs, upload_parts,
                                 uploads as uploads_table)
from tests.hub.helpers import bearer, complaint, record

V2 = {protocol.PROTOCOL_HEADER: "2"}
TUS = {"Tus-Resumable": protocol.TUS_VERSION}


def _meta(data: bytes) -> str:
    return "sha256 " + base64.b64encode(hashlib.sha256(data).hexdigest().encode()).decode()


def _create(url: str, token: str, data: bytes, body: bytes | None = None) -> httpx.Response:
    headers = {**bearer(token), **TUS, "Upload-Length": str(len(data)),
               "Upload-Metadata": _meta(data)}
    if body is not None:
        headers["Content-Type"] = protocol.TUS_CONTENT_TYPE
    return httpx.post(url + protocol.UPLOADS, headers=headers, content=body, timeout=30)


def _patch(url: str, token: str, location: str, offset: int, body: bytes,
           **extra: str) -> httpx.Response:
    return httpx.patch(url + location, content=body, timeout=30, headers={
        **bearer(token), **TUS, "Upload-Offset": str(offset),
        "Content-Type": protocol.TUS_CONTENT_TYPE, **extra})


def _head(url: str, token: str, location: str) -> httpx.Response:
    return httpx.head(url + location, headers={**bearer(token), **TUS})


def _held(engine, sha: str) -> bytes | None:
    with engine.connect() as conn:
        return conn.execute(sa.select(blobs.c.data).where(blobs.c.sha256 == sha)).scalar()


def test_the_hub_says_what_tus_it_speaks(bus):
    answer = httpx.options(bus.url + protocol.UPLOADS)
    assert answer.status_code == 204
    assert answer.headers["Tus-Version"] == "1.0.0"
    assert set(answer.headers["Tus-Extension"].split(",")) >= {
        "creation", "creation-with-upload", "checksum", "expiration", "termination"}
    assert answer.headers["Tus-Checksum-Algorithm"] == "sha256"
    assert int(answer.headers["Tus-Max-Size"]) == protocol.MAX_ATTACHMENT_BYTES
    # Without Tus-Resumable: 412 and the version to speak.
    refused = httpx.post(bus.url + protocol.UPLOADS, headers={
        **bearer(bus.device_token), "Upload-Length": "3", "Upload-Metadata": _meta(b"abc")})
    assert refused.status_code == 412 and refused.headers["Tus-Version"] == "1.0.0"


def test_an_upload_resumes_from_the_offset_the_hub_holds(bus, engine):
    data = os.urandom(3 * 2**20 + 12345)
    created = _create(bus.url, bus.device_token, data)
    assert created.status_code == 201 and created.headers["Upload-Offset"] == "0"
    location = created.headers["Location"]
    assert location.startswith(protocol.UPLOADS + "/") and "Upload-Expires" in created.headers
    first = _patch(bus.url, bus.device_token, location, 0, data[:1_500_000])
    assert first.status_code == 204 and first.headers["Upload-Offset"] == "1500000"
    assert _head(bus.url, bus.device_token, location).headers["Upload-Offset"] == "1500000"
    # Not the hub's offset, or beyond the file: 409 with the offset it holds; nothing kept.
    for wrong in (0, 1_000_000, len(data) + 10):
        refused = _patch(bus.url, bus.device_token, location, wrong, data[wrong:wrong + 10])
        assert refused.status_code == 409 and refused.headers["Upload-Offset"] == "1500000"
        assert refused.json()["error"]["code"] == "offset_mismatch"
    # More bytes than the upload's length: 413.
    assert _patch(bus.url, bus.device_token, location, 1_500_000,
                  data[1_500_000:] + b"extra").status_code == 413
    assert _held(engine, hashlib.sha256(data).hexdigest()) is None
    done = _patch(bus.url, bus.device_token, location, 1_500_000, data[1_500_000:])
    assert done.status_code == 204 and done.headers["Upload-Offset"] == str(len(data))
    assert _held(engine, hashlib.sha256(data).hexdigest()) == data
    # Finished: asking again says so; the partial bytes are gone; the device owns it.
    assert _head(bus.url, bus.device_token, location).headers["Upload-Offset"] == str(len(data))
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(upload_parts)).scalar() == 0
    assert httpx.head(bus.url + protocol.ATTACHMENT.format(sha256=hashlib.sha256(data)
                                                           .hexdigest()),
                      headers=bearer(bus.device_token)).status_code == 200


def test_creating_again_finds_the_same_upload_and_a_held_blob_is_done_at_once(bus):
    data = os.urandom(100_000)
    first = _create(bus.url, bus.device_token, data, body=data[:40_000])
    assert first.status_code == 201 and first.headers["Upload-Offset"] == "40000"
    again = _create(bus.url, bus.device_token, data)  # the first answer was lost
    assert again.headers["Location"] == first.headers["Location"]
    assert again.headers["Upload-Offset"] == "40000"
    _patch(bus.url, bus.device_token, first.headers["Location"], 40_000, data[40_000:])
    held = _create(bus.url, bus.device_token, data)
    assert held.status_code == 201 and held.headers["Upload-Offset"] == str(len(data))


def test_a_checksum_that_does_not_match_keeps_none_of_the_request(bus):
    data = os.urandom(50_000)
    location = _create(bus.url, bus.device_token, data).headers["Location"]
    wrong = "sha256 " + base64.b64encode(hashlib.sha256(b"other").digest()).decode()
    refused = _patch(bus.url, bus.device_token, location, 0, data[:20_000],
                     **{"Upload-Checksum": wrong})
    assert refused.status_code == 460
    assert _head(bus.url, bus.device_token, location).headers["Upload-Offset"] == "0"
    right = "sha256 " + base64.b64encode(hashlib.sha256(data[:20_000]).digest()).decode()
    kept = _patch(bus.url, bus.device_token, location, 0, data[:20_000],
                  **{"Upload-Checksum": right})
    assert kept.status_code == 204 and kept.headers["Upload-Offset"] == "20000"
    other = _patch(bus.url, bus.device_token, location, 20_000, data[20_000:],
                   **{"Upload-Checksum": "md5 " + base64.b64encode(b"x" * 16).decode()})
    assert other.status_code == 400


def test_partial_bytes_damaged_on_the_hub_are_never_stored_as_the_blob(bus, engine):
    data = os.urandom(2 * 2**20)
    location = _create(bus.url, bus.device_token, data).headers["Location"]
    _patch(bus.url, bus.device_token, location, 0, data[:2**20])
    with engine.begin() as conn:  # a bit flipped in the hub's own table
        part = conn.execute(sa.select(upload_parts.c.data)).scalar()
        conn.execute(upload_parts.update().values(data=bytes([part[0] ^ 1]) + part[1:]))
    refused = _patch(bus.url, bus.device_token, location, 2**20, data[2**20:])
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "hash_mismatch"
    assert _held(engine, hashlib.sha256(data).hexdigest()) is None
    assert _head(bus.url, bus.device_token, location).status_code == 404  # deleted
    # The laptop starts again and the right bytes are kept.
    again = _create(bus.url, bus.device_token, data, body=data)
    assert again.headers["Upload-Offset"] == str(len(data))
    assert _held(engine, hashlib.sha256(data).hexdigest()) == data


def test_bytes_that_differ_from_what_was_sent_before_are_refused_at_the_end(bus, engine):
    data = os.urandom(300_000)
    changed = data[:150_000] + os.urandom(150_000)  # the file changed between two runs
    location = _create(bus.url, bus.device_token, data, body=data[:150_000]).headers[
        "Location"]
    refused = _patch(bus.url, bus.device_token, location, 150_000, changed[150_000:])
    assert refused.status_code == 422
    assert _held(engine, hashlib.sha256(data).hexdigest()) is None
    assert _held(engine, hashlib.sha256(changed).hexdigest()) is None


def test_an_abandoned_upload_expires_with_its_bytes(bus, engine):
    data = os.urandom(80_000)
    location = _create(bus.url, bus.device_token, data, body=data[:30_000]).headers["Location"]
    with engine.begin() as conn:  # days later
        conn.execute(uploads_table.update().values(expires_at="2020-01-01T00:00:00.000+00:00"))
    gone = _head(bus.url, bus.device_token, location)
    assert gone.status_code == 410
    assert _patch(bus.url, bus.device_token, location, 30_000, data[30_000:]).status_code == 410
    assert uploads.expire(engine) == 1
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(upload_parts)).scalar() == 0
        assert conn.execute(sa.select(sa.func.count()).select_from(uploads_table)).scalar() == 0
    fresh = _create(bus.url, bus.device_token, data)
    assert fresh.status_code == 201 and fresh.headers["Upload-Offset"] == "0"


def test_a_stranger_cannot_see_or_touch_an_upload(bus, hub):
    other = hub.enrol("C09", "kim")["token"]
    data = os.urandom(10_000)
    location = _create(bus.url, bus.device_token, data, body=data[:5_000]).headers["Location"]
    assert _head(bus.url, other, location).status_code == 404
    assert _patch(bus.url, other, location, 5_000, data[5_000:]).status_code == 404
    assert httpx.delete(bus.url + location, headers={**bearer(other), **TUS}).status_code == 404
    assert _head(bus.url, bus.supervisor_token, location).status_code == 403  # a person
    assert _head(bus.url, bus.device_token, location).headers["Upload-Offset"] == "5000"
    ended = httpx.delete(bus.url + location, headers={**bearer(bus.device_token), **TUS})
    assert ended.status_code == 204
    assert _head(bus.url, bus.device_token, location).status_code == 404


def test_partial_uploads_count_in_the_device_quota(hub, engine):
    hub.stop()
    hub.start("--device-blob-quota", "1")  # MiB
    hub.add_user("kim", "officer")
    token = hub.enrol("B07A", "kim")["token"]
    first, second = os.urandom(700 * 1024), os.urandom(700 * 1024)
    assert _create(hub.url, token, first, body=first[:1000]).status_code == 201
    refused = _create(hub.url, token, second)  # 1,000 bytes sent, 700 KiB reserved
    assert refused.status_code == 507 and refused.json()["error"]["code"] == "quota_exceeded"


def test_two_laptops_uploading_the_same_blob_at_once_both_own_it_once(bus, hub, engine):
    other = hub.enrol("C09", "kim")["token"]
    data = os.urandom(3 * 2**20)
    answers: list[httpx.Response] = []

    def send(token: str) -> None:
        answers.append(_create(bus.url, token, data, body=data))

    threads = [threading.Thread(target=send, args=(t,)) for t in (bus.device_token, other)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [a.headers["Upload-Offset"] for a in answers] == [str(len(data))] * 2
    sha = hashlib.sha256(data).hexdigest()
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(blobs)
                            .where(blobs.c.sha256 == sha)).scalar() == 1
        assert conn.execute(sa.select(sa.func.count()).select_from(blob_owners)
                            .where(blob_owners.c.sha256 == sha)).scalar() == 2
    assert _held(engine, sha) == data


def test_bad_upload_requests_get_clear_errors(bus):
    data = b"abc"
    for length, meta in (("0", _meta(data)), (str(protocol.MAX_ATTACHMENT_BYTES + 1),
                                              _meta(data)),
                         ("3", "filename YS5qcGc="), ("3", "sha256 !!!"),
                         ("3", "sha256 " + base64.b64encode(b"A" * 64).decode())):
        answer = httpx.post(bus.url + protocol.UPLOADS, headers={
            **bearer(bus.device_token), **TUS, "Upload-Length": length,
            "Upload-Metadata": meta})
        assert 400 <= answer.status_code < 500 and answer.json()["error"]["code"], length
    location = _create(bus.url, bus.device_token, data).headers["Location"]
    wrong_type = httpx.patch(bus.url + location, content=b"a", headers={
        **bearer(bus.device_token), **TUS, "Upload-Offset": "0",
        "Content-Type": "application/octet-stream"})
    assert wrong_type.status_code == 415


def test_an_off_the_shelf_tus_client_uploads_to_the_hub(bus, engine):
    from tusclient import client as tus

    data = os.urandom(700_000)
    sha = hashlib.sha256(data).hexdigest()
    uploader = tus.TusClient(bus.url + protocol.UPLOADS, headers=bearer(bus.device_token)
                             ).uploader(file_stream=io.BytesIO(data), chunk_size=256 * 1024,
                                        metadata={"sha256": sha})
    uploader.upload()
    assert _held(engine, sha) == data


def test_a_case_goes_first_and_completes_when_its_files_arrive(bus, engine):
    photo, signature = os.urandom(200_000), os.urandom(3_000)
    refs = [{"sha256": hashlib.sha256(photo).hexdigest(), "size": len(photo),
             "filename": "도로 사진.jpg", "media_type": "image/jpeg"}]
    content = complaint(1, attachments=refs, signature={
        "sha256": hashlib.sha256(signature).hexdigest(), "size": len(signature)})
    rec = record("c1", content)
    answer = httpx.post(bus.url + protocol.PUSH, headers={**bearer(bus.device_token), **V2},
                        json={"protocol": 2, "device": "B07A", "records": [rec]})
    assert answer.json()["protocol"] == 2
    [result] = answer.json()["results"]
    assert result["outcome"] == "accepted"
    assert sorted(result["awaiting"]) == sorted([refs[0]["sha256"],
                                                 content["signature"]["sha256"]])
    case = httpx.get(bus.url + protocol.CASE.format(receipt_no=content["receipt_no"]),
                     headers=bearer(bus.supervisor_token)).json()["case"]
    assert case["attachments_pending"] == 2 and case["attachments"][0]["received"] is False
    # A second push of the same record: a duplicate, still waiting for the same files.
    again = httpx.post(bus.url + protocol.PUSH, headers={**bearer(bus.device_token), **V2},
                       json={"protocol": 2, "device": "B07A", "records": [rec]}).json()
    assert again["results"][0]["outcome"] == "duplicate"
    assert sorted(again["results"][0]["awaiting"]) == sorted(result["awaiting"])
    # Not readable through the case before its own device sent it.
    read = httpx.get(bus.url + protocol.CASE_ATTACHMENT.format(
        receipt_no=content["receipt_no"], sha256=refs[0]["sha256"]),
        headers=bearer(bus.supervisor_token))
    assert read.status_code == 404
    for data in (photo, signature):
        assert _create(bus.url, bus.device_token, data, body=data).headers[
            "Upload-Offset"] == str(len(data))
    case = httpx.get(bus.url + protocol.CASE.format(receipt_no=content["receipt_no"]),
                     headers=bearer(bus.supervisor_token)).json()["case"]
    assert case["attachments_pending"] == 0 and case["attachments"][0]["received"] is True
    history = httpx.get(bus.url + protocol.CASE_HISTORY.format(
        receipt_no=content["receipt_no"]), headers=bearer(bus.supervisor_token)).json()
    assert [e["action"] for e in history["events"]].count("attachments_received") == 1
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(awaited_blobs)).scalar() == 0
    assert httpx.get(bus.url + protocol.CASE_ATTACHMENT.format(
        receipt_no=content["receipt_no"], sha256=refs[0]["sha256"]),
        headers=bearer(bus.supervisor_token)).content == photo


def test_an_old_laptop_gets_protocol_1_as_before(bus):
    photo = os.urandom(1000)
    refs = [{"sha256": hashlib.sha256(photo).hexdigest(), "size": len(photo),
             "filename": "a.jpg", "media_type": "image/jpeg"}]
    answer = httpx.post(bus.url + protocol.PUSH, headers=bearer(bus.device_token),
                        json={"protocol": 1, "device": "B07A",
                              "records": [record("c1", complaint(1, attachments=refs))]})
    body = answer.json()
    assert body["protocol"] == 1
    assert body["results"][0]["outcome"] == "missing_attachment"
    assert "awaiting" not in body["results"][0]


@pytest.mark.parametrize("version", ["9", "x", "1.5"])
def test_a_protocol_the_hub_does_not_speak_is_refused_with_what_to_update(bus, version):
    answer = httpx.get(bus.url + protocol.PULL, headers={
        **bearer(bus.device_token), protocol.PROTOCOL_HEADER: version})
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "protocol_unsupported"
    assert "update the hub" in answer.json()["error"]["message"]


def test_a_case_goes_to_e_people_only_once_its_files_are_in(bus, engine, tmp_path):
    import zipfile

    from sync.hub.epeople.export import export_batch
    from tests.hub.helpers import review_step

    photo = os.urandom(50_000)
    refs = [{"sha256": hashlib.sha256(photo).hexdigest(), "size": len(photo),
             "filename": "현장.jpg", "media_type": "image/jpeg"}]
    content = complaint(1, attachments=refs)
    httpx.post(bus.url + protocol.PUSH, headers={**bearer(bus.device_token), **V2},
               json={"protocol": 2, "device": "B07A", "records": [record("c1", content)]})
    review_step(bus, content["receipt_no"], action="approve")
    review_step(bus, content["receipt_no"], action="forward", agency="구미시청")
    assert export_batch(engine, tmp_path, actor="boss") is None  # its photo is not in yet
    _create(bus.url, bus.device_token, photo, body=photo)
    path, count = export_batch(engine, tmp_path, actor="boss")
    assert count == 1
    with zipfile.ZipFile(path) as batch:
        assert batch.read(f"attachments/{refs[0]['sha256']}") == photo

"""Compressed bodies both ways, and the version each answer is written in (issue 15)."""

from __future__ import annotations

import gzip
import json
import time
import zlib

import httpx

from sync import protocol
from tests.hub.helpers import bearer, complaint, record

V2 = {protocol.PROTOCOL_HEADER: "2"}


def _push(bus, body: bytes, **headers: str) -> httpx.Response:
    return httpx.post(bus.url + protocol.PUSH, content=body, timeout=60, headers={
        **bearer(bus.device_token), **V2, "Content-Type": "application/json", **headers})


def _records(n: int) -> bytes:
    return json.dumps({"protocol": 2, "device": "B07A",
                       "records": [record(f"c{i}", complaint(i)) for i in range(1, n + 1)]}
                      ).encode()


def test_a_gzipped_push_is_taken_and_a_pull_comes_back_gzipped(bus):
    plain = _records(30)
    packed = gzip.compress(plain)
    assert len(packed) < len(plain) / 4  # Korean JSON compresses well
    answer = _push(bus, packed, **{"Content-Encoding": "gzip"})
    assert answer.status_code == 200, answer.text
    assert [r["outcome"] for r in answer.json()["results"]] == ["accepted"] * 30
    with httpx.Client() as raw:  # look at the bytes as they came
        request = raw.build_request("GET", bus.url + protocol.CASES, headers={
            **bearer(bus.supervisor_token), "Accept-Encoding": "gzip"})
        response = raw.send(request, stream=True)
        assert response.headers["Content-Encoding"] == "gzip"
        wire = b"".join(response.iter_raw())
        assert len(json.loads(gzip.decompress(wire))["cases"]) == 30
        response.close()


def test_a_zip_bomb_is_refused_once_it_passes_the_cap(bus):
    # 1 GiB of zeros is about 1 MiB gzipped: far under the 4 MiB cap for the body as sent.
    bomb = zlib.compressobj(9, zlib.DEFLATED, 31)
    packed = b"".join(bomb.compress(b"\0" * 2**24) for _ in range(64)) + bomb.flush()
    assert len(packed) < protocol.MAX_JSON_BYTES
    started = time.monotonic()
    answer = _push(bus, packed, **{"Content-Encoding": "gzip"})
    assert answer.status_code == 413 and answer.json()["error"]["code"] == "too_large"
    assert "inflated" in answer.json()["error"]["message"]
    assert time.monotonic() - started < 20  # refused at 4 MiB, not after inflating 1 GiB
    assert httpx.get(bus.url + "/").status_code == 200  # and the hub is still there


def test_bodies_that_are_not_what_they_say_are_refused(bus):
    assert _push(bus, b"\x1f\x8bnot gzip at all", **{"Content-Encoding": "gzip"}
                 ).status_code == 400
    assert _push(bus, gzip.compress(_records(1))[:-12], **{"Content-Encoding": "gzip"}
                 ).status_code == 400  # cut short
    br = _push(bus, b"...", **{"Content-Encoding": "br"})
    assert br.status_code == 415 and br.json()["error"]["code"] == "unsupported_encoding"
    upload = httpx.post(bus.url + protocol.UPLOADS, content=gzip.compress(b"x"), headers={
        **bearer(bus.device_token), "Tus-Resumable": "1.0.0", "Upload-Length": "1",
        "Content-Encoding": "gzip"})
    assert upload.status_code == 415  # photos are never compressed twice


def test_each_answer_speaks_the_version_the_request_spoke(bus):
    for headers, version in (({}, 1), (V2, 2), ({protocol.PROTOCOL_HEADER: "1"}, 1)):
        for path in (protocol.ROOT, protocol.PULL, "/api/v1/nowhere"):
            body = httpx.get(bus.url + path, headers={**bearer(bus.device_token),
                                                     **headers}).json()
            assert body["protocol"] == version, (path, headers)

"""The hub's API on a real server (SQLite and PostgreSQL): auth, enrolment, push, pull,
attachments, review, cases and the public status page."""

from __future__ import annotations

import hashlib
import json
import random
import threading
import time

import httpx
import sqlalchemy as sa

from sync import protocol
from sync.hub import feed
from sync.hub.migrations import conflicts, records
from tests.hub.fixtures import PASSWORD
from tests.hub.helpers import bearer, complaint, counsel, outcomes, push, record, upload


def _error_code(answer: httpx.Response) -> str:
    body = answer.json()
    assert body["protocol"] == 1, body
    return body["error"]["code"]


def test_root_names_the_hub_and_every_error_is_recognisable_json(hub):
    assert httpx.get(hub.url + "/").json() == {
        "name": "fieldbus-hub", "version": "0.1.0", "protocol": 1, "protocols": [1, 2],
        "encodings": ["gzip"], "uploads": "/api/v1/uploads"}
    missing = httpx.get(hub.url + "/no/such/path")
    assert missing.status_code == 404 and _error_code(missing) == "not_found"
    wrong_method = httpx.delete(hub.url + protocol.LOGIN)
    assert wrong_method.status_code == 405 and _error_code(wrong_method) == "method_not_allowed"
    garbage = httpx.post(hub.url + protocol.LOGIN, content=b"{not json",
                         headers={"Content-Type": "application/json"})
    assert garbage.status_code == 422 and _error_code(garbage) == "invalid_request"
    # A body that does not fit is refused without echoing what was sent (a password).
    wrong = httpx.post(hub.url + protocol.LOGIN, json={"username": "kim",
                                                       "password": ["secret-pw-1"]})
    assert wrong.status_code == 422 and "secret-pw-1" not in wrong.text
    # PostgreSQL text cannot hold NUL: refused as input (SQLite: just an unknown user).
    nul = httpx.post(hub.url + protocol.LOGIN, json={"username": "k\u0000im", "password": "x"})
    assert nul.status_code in (401, 422) and _error_code(nul)


def test_login_gives_a_token_and_role_and_refuses_wrong_or_disabled(hub, engine):
    hub.add_user("kim", "officer")
    answer = httpx.post(hub.url + protocol.LOGIN, json={"username": "kim", "password": PASSWORD})
    assert answer.status_code == 200
    assert answer.json()["role"] == "officer" and answer.json()["token"].startswith("fbp_")
    for name, password in (("kim", "wrong password"), ("nobody", PASSWORD)):
        refused = httpx.post(hub.url + protocol.LOGIN, json={"username": name,
                                                             "password": password})
        assert refused.status_code == 401 and _error_code(refused) == "bad_credentials"
    assert hub.cli("user", "disable", "kim").returncode == 0
    refused = httpx.post(hub.url + protocol.LOGIN, json={"username": "kim", "password": PASSWORD})
    assert refused.status_code == 401
    # Only hashes are stored: neither the password nor the token is in the database.
    with engine.connect() as conn:
        dump = json.dumps([list(map(str, row)) for table in ("users", "person_tokens")
                           for row in conn.execute(sa.text(f"SELECT * FROM {table}"))])
    assert PASSWORD not in dump and answer.json()["token"] not in dump


def _enrol(hub, device="B07A", key="laptop-key-0123456789", secret="ab" * 32, user="kim"):
    return httpx.post(hub.url + protocol.ENROL, json={
        "protocol": 1, "username": user, "password": PASSWORD, "device": device,
        "device_key": key, "qr_secret": secret})


def test_enrolment_is_retry_safe_and_refuses_a_taken_or_revoked_code(hub):
    hub.add_user("kim", "officer")
    hub.register("B07A")
    first = _enrol(hub)
    assert first.status_code == 200
    assert first.json()["public_url"] == hub.url and first.json()["qr_secret"] == "ab" * 32
    # The answer was lost: the same laptop asks again and gets a fresh token; the hub
    # keeps the QR secret it was first given (receipts already printed use it).
    again = _enrol(hub, secret="cd" * 32)
    assert again.status_code == 200 and again.json()["token"] != first.json()["token"]
    assert again.json()["qr_secret"] == "ab" * 32
    pull = httpx.get(hub.url + protocol.PULL, headers=bearer(first.json()["token"]))
    assert pull.status_code == 401  # the replaced token stops working
    assert httpx.get(hub.url + protocol.PULL,
                     headers=bearer(again.json()["token"])).status_code == 200
    other = _enrol(hub, key="another-laptop-key-000")
    assert other.status_code == 409 and _error_code(other) == "device_code_taken"
    wrong_password = httpx.post(hub.url + protocol.ENROL, json={
        "protocol": 1, "username": "kim", "password": "nope", "device": "C01",
        "device_key": "laptop-key-0123456789", "qr_secret": "ab" * 32})
    assert wrong_password.status_code == 401
    assert hub.cli("device", "revoke", "B07A").returncode == 0
    revoked = _enrol(hub)
    assert revoked.status_code == 403 and _error_code(revoked) == "device_revoked"
    bad_code = _enrol(hub, device="b07a!")
    assert bad_code.status_code == 422
    training = _enrol(hub, device="EDU")  # a training store's code: never on the hub
    assert training.status_code == 422 and _error_code(training) == "device_reserved"


def test_public_url_given_to_laptops_can_be_set(hub):
    hub.add_user("kim", "officer")
    hub.register("B07A")
    hub.stop()
    hub.start("--public-url", "https://hub.example.kr")
    assert _enrol(hub).json()["public_url"] == "https://hub.example.kr"


def test_every_call_checks_token_and_role(bus):
    sha = "0" * 64
    device_calls = [("POST", protocol.PUSH, {"json": {"protocol": 1, "device": "B07A",
                                                      "records": []}}),
                    ("GET", protocol.PULL, {}),
                    ("HEAD", protocol.ATTACHMENT.format(sha256=sha), {}),
                    ("PUT", protocol.ATTACHMENT.format(sha256=sha), {"content": b""})]
    person_calls = [("GET", protocol.CASES, {})]
    review = ("POST", protocol.REVIEW.format(receipt_no="x"), {"json": {"state": "approved"}})
    for method, path, extra in device_calls + person_calls + [review]:
        for headers in ({}, bearer("fbd_not-a-token"), bearer("fbp_not-a-token"),
                        {"Authorization": "Basic a2ltOnB3"}):
            answer = httpx.request(method, bus.url + path, headers=headers, **extra)
            assert answer.status_code == 401, (method, path, headers)
    for method, path, extra in device_calls:
        answer = httpx.request(method, bus.url + path, headers=bearer(bus.officer_token),
                               **extra)
        assert answer.status_code == 403, (method, path)
        assert httpx.request(method, bus.url + path, headers=bearer(bus.device_token),
                             **extra).status_code in (200, 404, 422), (method, path)
    assert httpx.get(bus.url + protocol.CASES,
                     headers=bearer(bus.device_token)).status_code == 403
    assert httpx.get(bus.url + protocol.CASES,
                     headers=bearer(bus.officer_token)).status_code == 200
    method, path, extra = review
    officer = httpx.request(method, bus.url + path, headers=bearer(bus.officer_token), **extra)
    assert officer.status_code == 403 and _error_code(officer) == "forbidden"
    boss = httpx.request(method, bus.url + path, headers=bearer(bus.supervisor_token), **extra)
    assert boss.status_code == 404  # allowed; there is no case "x"


def test_a_disabled_user_and_a_revoked_device_stop_at_once(bus):
    cases = bus.url + protocol.CASES
    assert httpx.get(cases, headers=bearer(bus.officer_token)).status_code == 200
    assert bus.hub.cli("user", "disable", "kim").returncode == 0
    assert httpx.get(cases, headers=bearer(bus.officer_token)).status_code == 401
    # The laptop kim enrolled keeps syncing (its cases must still reach the centre)…
    assert push(bus.url, bus.device_token, [record("r1", complaint(1))])[0]["outcome"] \
        == "accepted"
    assert bus.hub.cli("device", "revoke", "B07A").returncode == 0
    # …until the device itself is revoked.
    answer = httpx.post(bus.url + protocol.PUSH, headers=bearer(bus.device_token),
                        json={"protocol": 1, "device": "B07A", "records": []})
    assert answer.status_code == 401
    assert httpx.get(bus.url + protocol.PULL,
                     headers=bearer(bus.device_token)).status_code == 401


def test_push_outcomes(bus, engine):
    token = bus.device_token
    first = complaint(1)
    assert outcomes(push(bus.url, token, [record("r1", first)])) == ["accepted"]
    assert outcomes(push(bus.url, token, [record("r1", first)])) == ["duplicate"]
    edited = complaint(1, title="마을 진입로 포장 요청 (수정)")
    assert outcomes(push(bus.url, token, [record("r1", edited, 2, base=1)])) == ["accepted"]
    # An edit made from a version the hub no longer holds: kept, never an overwrite.
    stale = complaint(1, title="다른 노트북에서 고친 제목")
    results = push(bus.url, token, [record("r1", stale, 3, base=1)])
    assert outcomes(results) == ["conflict"] and results[0]["reason"]
    assert outcomes(push(bus.url, token, [record("r1", stale, 3, base=1)])) == ["conflict"]
    with engine.connect() as conn:
        held = conn.execute(sa.select(records.c.version, records.c.content)
                            .where(records.c.id == "r1")).one()
        kept = conn.execute(sa.select(conflicts.c.content, conflicts.c.held_version)).all()
    assert held.version == 2 and json.loads(held.content) == edited
    assert [(json.loads(k.content), k.held_version) for k in kept] == [(stale, 2)]
    # … and shown to a person: whole to a supervisor, without the edit to an officer.
    def listed_conflicts(token):
        answer = httpx.get(bus.url + protocol.CASES, headers=bearer(token))
        return {c["id"]: c["conflicts"] for c in answer.json()["cases"]}["r1"]

    assert listed_conflicts(bus.supervisor_token) == [
        {"version": 3, "base_version": 1, "held_version": 2, "at": kept_at(engine),
         "content": stale}]
    assert [c["content"] for c in listed_conflicts(bus.officer_token)] == [None]
    cli = json.loads(bus.hub.cli("cases", "--json").stdout)
    assert cli[0]["conflicts"][0]["content"] == stale

    bad_hash = {**record("r2", complaint(2)), "content_hash": "0" * 64}
    no_title = complaint(3)
    del no_title["title"]
    bad_number = complaint(4, receipt_no="B07A-0001")
    odd_number = complaint(7, receipt_no={"number": 7})
    results = push(bus.url, token, [bad_hash, record("r3", no_title), record("r4", bad_number),
                                    record("r7", odd_number), record("r5", complaint(5))])
    assert outcomes(results) == ["invalid", "invalid", "invalid", "invalid", "accepted"]
    assert all(r["reason"] for r in results[:4])
    # The same receipt number under another id is nonsense too.
    assert outcomes(push(bus.url, token, [record("r6", complaint(5))])) == ["invalid"]
    # A batch for another device is refused whole.
    answer = httpx.post(bus.url + protocol.PUSH, headers=bearer(token),
                        json={"protocol": 1, "device": "C09", "records": []})
    assert answer.status_code == 403 and _error_code(answer) == "wrong_device"


def kept_at(engine) -> str:
    with engine.connect() as conn:
        return conn.execute(sa.select(conflicts.c.at)).scalar_one()


def test_a_record_naming_a_missing_attachment_waits_for_it(bus):
    data = "사진".encode() * 1000
    ref = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
           "filename": "road.jpg", "media_type": "image/jpeg"}
    content = complaint(1, attachments=[ref])
    results = push(bus.url, bus.device_token, [record("r1", content)])
    assert outcomes(results) == ["missing_attachment"] and ref["sha256"] in results[0]["reason"]
    assert upload(bus.url, bus.device_token, data).status_code == 201
    assert outcomes(push(bus.url, bus.device_token, [record("r1", content)])) == ["accepted"]
    wrong_size = complaint(2, attachments=[{**ref, "size": 3}])
    assert outcomes(push(bus.url, bus.device_token, [record("r2", wrong_size)])) == ["invalid"]


def test_replayed_and_reordered_batches_store_every_case_once(bus):
    token = bus.device_token
    batch_a = [record("r1", complaint(1)), record("r2", complaint(2))]
    batch_b = [record("r1", complaint(1, body="고친 본문"), 2, base=1),
               record("r3", complaint(3))]
    assert outcomes(push(bus.url, token, batch_a)) == ["accepted", "accepted"]
    assert outcomes(push(bus.url, token, batch_b)) == ["accepted", "accepted"]
    assert outcomes(push(bus.url, token, batch_a)) == ["duplicate", "duplicate"]
    assert outcomes(push(bus.url, token, batch_b)) == ["duplicate", "duplicate"]
    # Reordered: version 2 arrives before version 1 (both from this laptop).
    later = record("r4", complaint(4, body="두 번째"), 2, base=1)
    assert outcomes(push(bus.url, token, [later])) == ["accepted"]
    results = push(bus.url, token, [record("r4", complaint(4))])
    assert outcomes(results) == ["duplicate"] and "superseded" in results[0]["reason"]
    # One batch holding a record twice.
    twice = [record("r5", complaint(5)), record("r5", complaint(5, body="x"), 2, base=1)]
    assert outcomes(push(bus.url, token, twice)) == ["accepted", "accepted"]
    listed = json.loads(bus.hub.cli("cases", "--json").stdout)
    assert sorted(c["receipt_no"] for c in listed) == [complaint(n)["receipt_no"]
                                                       for n in range(1, 6)]
    by_number = {c["receipt_no"]: c for c in listed}
    assert by_number[complaint(1)["receipt_no"]]["body"] == "고친 본문"
    assert by_number[complaint(4)["receipt_no"]]["body"] == "두 번째"
    assert by_number[complaint(5)["receipt_no"]]["body"] == "x"


def test_a_record_of_another_device_is_refused(bus, hub):
    other = hub.enrol("C09", "kim")
    assert outcomes(push(bus.url, bus.device_token, [record("r1", complaint(1))])) \
        == ["accepted"]
    taken = push(bus.url, other["token"], [record("r1", complaint(1, body="x"), 2, base=1)],
                 device="C09")
    assert outcomes(taken) == ["invalid"]


def test_attachments_are_verified_size_limited_and_idempotent(bus, tmp_path):
    token = bus.device_token
    data = bytes(range(256)) * 4096
    sha = hashlib.sha256(data).hexdigest()
    path = bus.url + protocol.ATTACHMENT.format(sha256=sha)
    assert httpx.head(path, headers=bearer(token)).status_code == 404
    stored = upload(bus.url, token, data)
    assert stored.status_code == 201 and stored.json() == {"protocol": 1, "sha256": sha,
                                                           "size": len(data)}
    held = httpx.head(path, headers=bearer(token))
    assert held.status_code == 200 and held.headers["content-length"] == str(len(data))
    assert upload(bus.url, token, data).status_code == 200  # held already: fine
    mismatch = httpx.put(bus.url + protocol.ATTACHMENT.format(sha256="1" * 64), content=data,
                         headers=bearer(token))
    assert mismatch.status_code == 422 and _error_code(mismatch) == "hash_mismatch"
    assert httpx.put(bus.url + "/api/v1/attachments/NOT-A-HASH", content=data,
                     headers=bearer(token)).status_code == 422

    big = b"x" * (protocol.MAX_ATTACHMENT_BYTES + 1)
    big_path = bus.url + protocol.ATTACHMENT.format(sha256=hashlib.sha256(big).hexdigest())
    too_big = httpx.put(big_path, content=big, headers=bearer(token), timeout=60)
    assert too_big.status_code == 413 and _error_code(too_big) == "too_large"

    def chunks():  # no Content-Length: caught while streaming
        for _ in range(protocol.MAX_ATTACHMENT_BYTES // 2**20 + 1):
            yield b"x" * 2**20

    streamed = httpx.put(big_path, content=chunks(), headers=bearer(token), timeout=60)
    assert streamed.status_code == 413
    assert httpx.head(big_path, headers=bearer(token)).status_code == 404

    out = tmp_path / "out.bin"
    assert bus.hub.cli("attachment", sha, "--out", str(out)).returncode == 0
    assert out.read_bytes() == data
    missing = bus.hub.cli("attachment", "2" * 64, "--out", str(tmp_path / "none"))
    assert missing.returncode == 2 and "does not hold" in missing.stderr


def _review(bus, rid, state="has_issues", **extra):
    answer = httpx.post(bus.url + protocol.REVIEW.format(receipt_no=rid),
                        headers=bearer(bus.supervisor_token), json={"state": state, **extra})
    assert answer.status_code == 200, answer.text
    return answer.json()["change"]


def _pull(bus, cursor=None, limit=None, token=None):
    params = {k: v for k, v in (("cursor", cursor), ("limit", limit)) if v is not None}
    answer = httpx.get(bus.url + protocol.PULL, params=params,
                       headers=bearer(token or bus.device_token))
    assert answer.status_code == 200, answer.text
    assert protocol.recognised(answer.json())
    return answer.json()


def test_pull_pages_through_reviews_in_order(bus, hub):
    push(bus.url, bus.device_token, [record(f"r{n}", complaint(n)) for n in range(1, 8)])
    made = [_review(bus, f"r{n}", note=f"보완 {n}") for n in range(1, 8)]
    seen, cursor = [], None
    for expected_more in (True, True, False):
        page = _pull(bus, cursor, limit=3)
        assert page["more"] is expected_more
        seen += page["changes"]
        cursor = page["cursor"]
    assert seen == made
    assert _pull(bus, cursor) == {"protocol": 1, "changes": [], "cursor": cursor,
                                  "more": False}
    assert _pull(bus)["changes"] == made  # no cursor: from the start
    for garbage in ("garbage", feed.encode_cursor(10**30)):
        bad = httpx.get(bus.url + protocol.PULL, params={"cursor": garbage},
                        headers=bearer(bus.device_token))
        assert bad.status_code == 422 and _error_code(bad) == "bad_cursor"
    # Another laptop sees none of it.
    other = hub.enrol("C09", "kim")
    assert _pull(bus, token=other["token"])["changes"] == []


def test_review_states_follow_the_case(bus):
    push(bus.url, bus.device_token, [record("r1", complaint(1))])
    change = _review(bus, "r1", "has_issues", note="연락처를 확인해 주세요")
    assert change["review_state"] == "has_issues" and change["receipt_no"] == \
        complaint(1)["receipt_no"]
    push(bus.url, bus.device_token, [record("r1", complaint(1, body="보완함"), 2, base=1)])
    cases = httpx.get(bus.url + protocol.CASES, headers=bearer(bus.supervisor_token)).json()
    assert cases["cases"][0]["review_state"] == "edited"
    approved = _review(bus, "r1", "approved", epeople_no="1AA-2611-0012345")
    assert approved["status"] == "forwarded" and approved["epeople_no"] == "1AA-2611-0012345"
    bad = httpx.post(bus.url + protocol.REVIEW.format(receipt_no="r1"),
                     headers=bearer(bus.supervisor_token), json={"state": "edited"})
    assert bad.status_code == 422
    push(bus.url, bus.device_token, [record("r2", complaint(2))])
    cli = bus.hub.cli("review", complaint(2)["receipt_no"], "--state", "rejected",
                      "--note", "중복 접수")
    assert cli.returncode == 0, cli.stderr
    assert _pull(bus)["changes"][-1]["review_state"] == "rejected"
    assert bus.hub.cli("review", "B07A-261126-9999-X", "--state", "approved").returncode == 2


def _refused(bus, rid, state, **extra):
    answer = httpx.post(bus.url + protocol.REVIEW.format(receipt_no=rid),
                        headers=bearer(bus.supervisor_token), json={"state": state, **extra})
    return answer.status_code, _error_code(answer), answer.json()["error"]["message"]


def test_a_finished_review_is_not_undone_by_another_supervisor(bus):
    """Approve a rejected case, reject an approved one, return a finished one: refused
    with 409 and the allowed steps, nothing changed, nothing sent to the laptop."""
    push(bus.url, bus.device_token, [record("r1", complaint(1)), record("r2", complaint(2))])
    _review(bus, "r1", "rejected", note="중복 접수")
    _review(bus, "r2", "approved", epeople_no="1AA-2611-0012345")
    before = _pull(bus)["changes"]
    for rid, state in (("r1", "approved"), ("r1", "has_issues"), ("r2", "rejected"),
                       ("r2", "has_issues")):
        status, code, message = _refused(bus, rid, state, note="다시 봄")
        assert (status, code) == (409, "invalid_transition"), (rid, state)
        assert "cannot be made " + state in message
    assert _pull(bus)["changes"] == before
    listed = {c["id"]: c for c in httpx.get(bus.url + protocol.CASES, headers=bearer(
        bus.supervisor_token)).json()["cases"]}
    assert (listed["r1"]["review_state"], listed["r2"]["review_state"]) == \
        ("rejected", "approved")
    cli = bus.hub.cli("review", complaint(1)["receipt_no"], "--state", "approved")
    assert cli.returncode == 2 and "cannot be made approved" in cli.stderr
    assert "Traceback" not in cli.stderr
    # The 신청번호 may still be recorded on an approved case.
    assert _review(bus, "r2", "approved", epeople_no="1AA-2611-0012346")["epeople_no"] \
        == "1AA-2611-0012346"


def test_returning_or_rejecting_needs_a_note(bus):
    push(bus.url, bus.device_token, [record("r1", complaint(1))])
    for state in ("has_issues", "rejected"):
        for note in (None, "", "   \n "):
            extra = {} if note is None else {"note": note}
            status, code, _message = _refused(bus, "r1", state, **extra)
            assert (status, code) == (422, "note_required"), (state, note)
    assert _pull(bus)["changes"] == []
    assert _review(bus, "r1", "approved")["review_state"] == "approved"  # no note needed


def test_cases_hide_what_a_role_may_not_see(bus, hub):
    report = complaint(1, kind="report")
    odd = {**counsel(3), "disposition": "처분", "status": 5, "attachments": "none"}
    results = push(bus.url, bus.device_token, [record("r1", report),
                                               record("c1", counsel(2), type="counsel"),
                                               record("c3", odd, type="counsel")])
    assert outcomes(results) == ["accepted"] * 3
    other = hub.enrol("C09", "boss")
    push(bus.url, other["token"], [record("r9", complaint(9, device="C09"))], device="C09")
    lee = hub.login("lee")  # counsel, enrolled no laptop

    def listed(token):
        answer = httpx.get(bus.url + protocol.CASES, headers=bearer(token))
        assert answer.status_code == 200
        return {c["id"]: c for c in answer.json()["cases"]}

    boss = listed(bus.supervisor_token)
    assert set(boss) == {"r1", "c1", "c3", "r9"}
    assert boss["c3"]["title"] is None and boss["c3"]["attachments"] == []
    assert boss["r1"]["petitioner"]["name"] == "김영수"
    assert boss["c1"]["content"]["notes"] == "상담 메모"
    kim = listed(bus.officer_token)
    assert set(kim) == {"r1", "c1", "c3"}  # the cases of the laptop kim enrolled
    assert kim["r1"]["petitioner"] == {"sealed": True}
    assert "김영수" not in json.dumps(kim["r1"], ensure_ascii=False)
    assert kim["c1"]["content"]["notes"] is None and kim["c1"]["content"]["notes_withheld"]
    assert "상담 메모" not in json.dumps(kim, ensure_ascii=False)
    assert listed(lee) == {}


def test_status_page_shows_progress_only_to_the_receipt_holder(bus):
    content = complaint(1)
    push(bus.url, bus.device_token, [record("r1", content)])
    number = content["receipt_no"]
    code = protocol.status_code(number, bus.qr_secret)
    page = httpx.get(protocol.status_link(number, code, bus.url))
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "민원 진행 상황" in page.text and "고충민원" in page.text and "2026-11-26" in page.text
    for private in ("김영수", "010-2345-6789", content["title"], content["body"]):
        assert private not in page.text
    assert httpx.get(bus.url + f"/r/{number}", params={"c": code.lower()}).status_code == 200
    wrong = httpx.get(bus.url + f"/r/{number}", params={"c": "AAAAAAAAAA"})
    unknown = httpx.get(bus.url + "/r/B07A-261126-0999-Z",
                        params={"c": protocol.status_code("B07A-261126-0999-Z", bus.qr_secret)})
    bare = httpx.get(bus.url + f"/r/{number}")
    korean = httpx.get(bus.url + f"/r/{number}", params={"c": "가나다라마바사아자차"})
    assert wrong.status_code == unknown.status_code == bare.status_code == korean.status_code \
        == 404
    assert wrong.text == unknown.text == bare.text == korean.text


def test_the_log_holds_no_token_password_or_receipt(bus):
    content = complaint(1)
    push(bus.url, bus.device_token, [record("r1", content)])
    code = protocol.status_code(content["receipt_no"], bus.qr_secret)
    httpx.get(protocol.status_link(content["receipt_no"], code, bus.url))
    httpx.post(bus.url + protocol.LOGIN, json={"username": "kim", "password": "wrong-pw-123"})
    # A supervisor reading the case and its history: the receipt number is in the path.
    boss = {"Authorization": f"Bearer {bus.supervisor_token}"}
    for path in (protocol.CASE, protocol.CASE_HISTORY):
        read = httpx.get(bus.url + path.format(receipt_no=content["receipt_no"]), headers=boss)
        assert read.status_code == 200, read.text
    httpx.get(bus.url + protocol.CASE.format(receipt_no=content["receipt_no"].lower()),
              headers=boss)
    bus.hub.stop()
    log = bus.hub.log_path.read_text(encoding="utf-8")
    assert "POST /api/v1/push 200" in log  # the log is written …
    assert "GET /api/v1/cases/…/history 200" in log
    for secret in (bus.device_token, bus.officer_token, PASSWORD, "wrong-pw-123",
                   content["receipt_no"], content["receipt_no"].lower(), code, "김영수"):
        assert secret not in log  # … without secrets or personal data
    bus.hub.start()



def test_a_hub_killed_mid_push_keeps_the_whole_batch_or_none_of_it(bus, engine):
    batch = [record(f"r{n}", complaint(n)) for n in range(1, 501)]
    outcome: list = []

    def send():
        try:
            outcome.append(push(bus.url, bus.device_token, batch))
        except httpx.TransportError as exc:
            outcome.append(exc)

    sender = threading.Thread(target=send)
    sender.start()
    time.sleep(random.Random(1).uniform(0.05, 0.3))  # somewhere in the push (or after)
    bus.hub.stop(kill=True)
    sender.join(60)
    with engine.connect() as conn:
        stored = conn.execute(sa.select(sa.func.count()).select_from(records)).scalar()
        versions = conn.execute(sa.text("SELECT count(*) FROM record_versions")).scalar()
    assert (stored, versions) in ((0, 0), (500, 500))
    bus.hub.start()
    results = push(bus.url, bus.device_token, batch)  # the laptop resends
    assert set(outcomes(results)) == ({"duplicate"} if stored else {"accepted"})
    listed = json.loads(bus.hub.cli("cases", "--json").stdout)
    assert len(listed) == 500 and len({c["receipt_no"] for c in listed}) == 500
    bus.hub.stop()  # SIGTERM: uvicorn finishes what is in flight, then exits
    assert "Finished server process" in bus.hub.log_path.read_text(encoding="utf-8")

"""Text from devices on the hub (issue 9 §6, §8): control characters refused on the way in
and escaped on the way out to a terminal; resident registration numbers masked in every
string the hub keeps, whatever a laptop sent."""

from __future__ import annotations

import json

import httpx
import pytest
import sqlalchemy as sa

from sync import protocol
from sync.hub.migrations import record_versions, records
from tests.hub.helpers import bearer, complaint, counsel, outcomes, push, record

SQLITE_ONLY = pytest.mark.parametrize("hub_db_url", ["sqlite"], indirect=True)
ESCAPES = "\x1b]0;pwned\x07\x1b[2J"


@SQLITE_ONLY
def test_cases_never_prints_a_pushed_terminal_escape(bus):
    """Attack: a device's title retitles and clears the admin's terminal."""
    results = push(bus.url, bus.device_token,
                   [record("r1", complaint(1, title=f"진입로 {ESCAPES} 요청"))])
    listing = bus.hub.cli("cases")
    assert listing.returncode == 0, listing.stderr
    assert "\x1b" not in listing.stdout and "\x07" not in listing.stdout
    assert outcomes(results) == ["invalid"]
    assert "control character" in results[0]["reason"]


@SQLITE_ONLY
def test_cases_escapes_what_an_older_hub_stored(bus, engine):
    """Defence in depth: text stored before the hub refused it is printed escaped."""
    content = complaint(1)
    assert outcomes(push(bus.url, bus.device_token, [record("r1", content)])) == ["accepted"]
    stored = dict(content, title=f"진입로 {ESCAPES}\u202e요청\n가짜 줄")
    with engine.begin() as conn:
        conn.execute(records.update().values(content=json.dumps(stored, ensure_ascii=False)))
    listing = bus.hub.cli("cases")
    assert listing.returncode == 0, listing.stderr
    line = listing.stdout.strip()
    assert "\x1b" not in line and "\x07" not in line and "\u202e" not in line
    assert "\n" not in line  # the title cannot forge a second listing line
    assert "진입로 \\x1b]0;pwned\\x07\\x1b[2J\\u202e요청\\x0a가짜 줄" in line


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "제목\x1b[31m"},
        {"body": "본문\x07"},
        {"body": "본문\r다음"},
        {"agency": "\u202e청시미구"},
        {"petitioner": {"name": "김\x00영수", "type": "individual"}},
        {"visit": {"venue": "마을회관\x9b2J"}},
        {"title": "한 줄\n두 줄"},  # a title is one line
    ],
    ids=["csi", "bel", "cr", "bidi", "nul-in-name", "c1-in-visit", "newline-in-title"],
)
def test_push_refuses_control_characters(bus, changes):
    results = push(bus.url, bus.device_token, [record("r1", complaint(1, **changes))])
    assert outcomes(results) == ["invalid"]
    assert "control character" in results[0]["reason"]


def test_multiline_text_keeps_line_breaks_and_tabs(bus):
    content = complaint(1, body="첫째 줄\n\t둘째 줄")
    assert outcomes(push(bus.url, bus.device_token, [record("r1", content)])) == ["accepted"]


RRN_TEXT = "주민번호 900101\u30001234567 입니다"
MASKED = "주민번호 900101\u30001****** 입니다"


def test_the_hub_masks_rrns_in_everything_a_device_sends(bus, engine):
    """Attack: a laptop (old, or not ours) pushes registration numbers; none is kept."""
    content = complaint(1, title=RRN_TEXT, body=f"본문\n{RRN_TEXT}",
                        petitioner={"name": "김영수", "type": "individual",
                                    "address": f"구미시 {RRN_TEXT}"},
                        visit={"venue": RRN_TEXT})
    notes = counsel(1, notes=f"상담 {RRN_TEXT}")
    results = push(bus.url, bus.device_token,
                   [record("r1", content), record("s1", notes, type="counsel")])
    assert outcomes(results) == ["accepted", "accepted"]
    with engine.connect() as conn:
        kept = [row[0] for row in conn.execute(sa.select(records.c.content))]
        kept += [row[0] for row in conn.execute(sa.select(record_versions.c.content))]
    assert len(kept) == 4
    for text in kept:
        assert "1234567" not in text
    case = json.loads(kept[0])
    assert case["title"] == MASKED and case["body"] == f"본문\n{MASKED}"
    assert case["petitioner"]["address"] == f"구미시 {MASKED}"
    assert case["visit"]["venue"] == MASKED
    # The laptop's resend of the same record is still known for what it is.
    assert outcomes(push(bus.url, bus.device_token, [record("r1", content)])) == ["duplicate"]


def test_attachment_names_are_masked_and_cleaned(bus, engine):
    data = b"%PDF-1.4 made-up"
    from tests.hub.helpers import upload

    assert upload(bus.url, bus.device_token, data).status_code in (200, 201)
    import hashlib

    ref = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data),
           "media_type": "application/pdf"}
    bad = complaint(1, attachments=[{**ref, "filename": "진정서\x1b[2J.pdf"}])
    named = complaint(2, attachments=[{**ref, "filename": "900101-1234567 진정서.pdf"}])
    results = push(bus.url, bus.device_token, [record("r1", bad), record("r2", named)])
    assert outcomes(results) == ["invalid", "accepted"]
    with engine.connect() as conn:
        stored = json.loads(conn.execute(sa.select(records.c.content)).scalar_one())
    assert stored["attachments"][0]["filename"] == "900101-1****** 진정서.pdf"
    assert stored["attachments"][0]["sha256"] == ref["sha256"]


@SQLITE_ONLY
def test_review_notes_are_masked_and_cleaned(bus, engine):
    assert outcomes(push(bus.url, bus.device_token, [record("r1", complaint(1))])) == \
        ["accepted"]
    receipt = complaint(1)["receipt_no"]
    done = bus.hub.cli("review", receipt, "--state", "has_issues", "--note", RRN_TEXT)
    assert done.returncode == 0, done.stderr
    with engine.connect() as conn:
        assert conn.execute(sa.select(records.c.review_note)).scalar_one() == MASKED
    refused = bus.hub.cli("review", receipt, "--state", "has_issues", "--note", "노트\x1b[2J")
    assert refused.returncode == 2 and "control character" in refused.stderr
    answer = httpx.post(bus.url + protocol.REVIEW.format(receipt_no="r1"),
                        headers=bearer(bus.supervisor_token),
                        json={"state": "has_issues", "note": "<b>x</b>\u202e 900101-1234567"})
    assert answer.status_code == 422, answer.text
    answer = httpx.post(bus.url + protocol.REVIEW.format(receipt_no="r1"),
                        headers=bearer(bus.supervisor_token),
                        json={"state": "has_issues", "note": "확인\n900101 1234567"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["change"]["review_note"] == "확인\n900101 1******"
    with engine.connect() as conn:
        assert conn.execute(sa.select(records.c.review_note)).scalar_one() == \
            "확인\n900101 1******"

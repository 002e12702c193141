"""The notices the law owes a petitioner (issue 14 §2), against a real hub on loopback: each
step queues its notice through the channel the citizen chose and only with consent; the
folder sender writes the SMS text, the e-mail and the letter (a real PDF read back with
Hangul); the SMTP sender talks to a real local SMTP server (aiosmtpd); a failing sender
is retried and said, never a second message; progress every 30 days; supervisors see the
queue, others do not."""

from __future__ import annotations

import datetime as _dt
import email
import stat
import subprocess

import httpx
import pytest
from aiosmtpd.controller import Controller

from sync import protocol
from sync.hub import notices
from sync.hub.notice_senders import FolderSender, SmtpSender
from tests.hub.fixtures import free_port
from tests.hub.helpers import bearer, complaint, push, record, review_step

PHONE, MAIL, ADDRESS = "010-2345-6789", "kim.youngsu@example.org", "경상북도 구미시 선산읍 단계동길 12"


def _case(bus, n, **changes):
    content = complaint(n, **changes)
    push(bus.url, bus.device_token, [record(f"r{n}", content)])
    return content["receipt_no"]


def _person(**changes):
    return {"name": "김영수", "type": "individual", "phone": PHONE, "email": MAIL,
            "address": ADDRESS, "postcode": "39140", "birth_year": 1951, **changes}


def _listed(bus, token=None):
    return httpx.get(bus.url + protocol.NOTICES, headers=bearer(token or bus.supervisor_token))


def test_each_step_queues_its_notice_through_the_chosen_channel_only(bus, engine, tmp_path):
    sms = _case(bus, 1, notify_by="sms")
    post = _case(bus, 2, notify_by="post")
    refused = _case(bus, 3, notify_by="sms", consent={"personal_info": False,
                                                      "notice_version": "2026-01"})
    anonymous = _case(bus, 4, notify_by="sms", petitioner=None)
    for number in (sms, post, refused, anonymous):
        review_step(bus, number, action="assign",
              handler={"org": "구미시 도로과", "name": "최담당", "phone": "054-480-0000"})
    review_step(bus, sms, action="extend", new_deadline="2027-03-31", note="현장 확인이 필요합니다")
    review_step(bus, sms, action="transfer", agency="경상북도청", note="도 소관")
    listed = {(n["receipt_no"], n["kind"]): n for n in _listed(bus).json()["notices"]}
    assert listed[(sms, "handler")]["state"] == "queued"
    assert listed[(refused, "handler")]["state"] == "skipped"
    assert listed[(refused, "handler")]["reason"] == "no_consent"
    assert listed[(anonymous, "handler")]["reason"] == "anonymous"
    assert _listed(bus, bus.officer_token).status_code == 403
    assert PHONE not in _listed(bus).text and MAIL not in _listed(bus).text

    folder = tmp_path / "out"
    sender = FolderSender(folder)
    every = {"sms": sender, "email": sender, "post": sender}
    assert notices.run_due(engine, every) == {"sent": 4}
    assert notices.run_due(engine, every) == {}  # nothing twice
    texts = sorted(p.read_text() for p in folder.glob("*.sms.txt"))
    assert len(texts) == 3 and all(t.startswith(f"To: {PHONE}") for t in texts)
    handler, extension, transfer = (next(t for t in texts if word in t)
                                    for word in ("최담당", "2027-03-31", "경상북도청"))
    assert sms in handler and "054-480-0000" in handler
    assert "현장 확인이 필요합니다" in extension
    [letter] = folder.glob("*.pdf")
    assert stat.S_IMODE(letter.stat().st_mode) == 0o600
    text = subprocess.run(["pdftotext", str(letter), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "김영수" in text and "단계동길" in text and "최담당" in text and post in text
    states = {(n["receipt_no"], n["kind"]): n["state"] for n in _listed(bus).json()["notices"]}
    assert states[(sms, "handler")] == states[(post, "handler")] == "sent"


def test_the_result_goes_by_email_through_a_real_smtp_server(bus, engine):
    received = []

    class Inbox:
        async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd)
            received.append(envelope)
            return "250 OK"

    port = free_port()
    controller = Controller(Inbox(), hostname="127.0.0.1", port=port)
    number = _case(bus, 5, notify_by="email", petitioner=_person())
    review_step(bus, number, action="approve")
    review_step(bus, number, action="close", note="도로 포장을 마쳤습니다", answered_on="2026-12-01")
    sender = SmtpSender("127.0.0.1", port, "centre@example.org", timeout=2)
    # The server is down: tried, said, kept for later — not lost, not failed yet.
    assert notices.run_due(engine, {"email": sender}) == {"retry": 1}
    [waiting] = _listed(bus).json()["notices"]
    assert waiting["state"] == "queued" and waiting["attempts"] == 1 and waiting["last_error"]
    controller.start()
    try:
        later = _dt.datetime.now(_dt.UTC) + _dt.timedelta(hours=1)
        assert notices.run_due(engine, {"email": sender}, at=later) == {"sent": 1}
        assert notices.run_due(engine, {"email": sender}, at=later) == {}
    finally:
        controller.stop()
    [envelope] = received
    assert envelope.rcpt_tos == [MAIL]
    message = email.message_from_bytes(envelope.content, policy=email.policy.default)
    assert "처리 결과 안내" in message["Subject"] and number in message["Subject"]
    assert "도로 포장을 마쳤습니다" in message.get_content()
    assert message["Message-ID"].startswith("<N")


def test_progress_every_30_days_while_unfinished(bus, engine):
    suggestion = _case(bus, 6, kind="suggestion", notify_by="sms")
    grievance = _case(bus, 7, kind="grievance", notify_by="sms")
    closed = _case(bus, 8, kind="suggestion", notify_by="sms")
    review_step(bus, closed, action="approve")
    review_step(bus, closed, action="close", note="끝", answered_on="2026-12-01")
    received = _dt.datetime(2026, 11, 26, 10, tzinfo=_dt.timezone(_dt.timedelta(hours=9)))
    assert notices.schedule_progress(engine, at=received + _dt.timedelta(days=29)) == 0
    assert notices.schedule_progress(engine, at=received + _dt.timedelta(days=31)) == 2
    assert notices.schedule_progress(engine, at=received + _dt.timedelta(days=40)) == 0
    # 민원처리법 시행령 제23조②: again every 30 days; an ACRC grievance is told once.
    assert notices.schedule_progress(engine, at=received + _dt.timedelta(days=61)) == 1
    progress = [n for n in _listed(bus).json()["notices"] if n["kind"] == "progress"]
    assert sorted(n["receipt_no"] for n in progress) == sorted([suggestion, grievance,
                                                                suggestion])


def test_queueing_an_event_twice_makes_one_notice(bus, engine):
    import sqlalchemy as sa

    from sync.hub.migrations import records

    number = _case(bus, 9, notify_by="sms")
    with engine.begin() as conn:
        row = conn.execute(sa.select(records).where(records.c.receipt_no == number)).first()
        assert notices.queue(conn, row, "progress", "p1", {"period": 1})
        assert not notices.queue(conn, row, "progress", "p1", {"period": 1})
    assert len(_listed(bus).json()["notices"]) == 1


@pytest.mark.parametrize("channel", ["sms", "email", "post"])
def test_a_missing_contact_is_kept_as_skipped(bus, channel):
    missing = {"sms": "phone", "email": "email", "post": "address"}[channel]
    number = _case(bus, 10, notify_by=channel, petitioner=_person(**{missing: None}))
    review_step(bus, number, action="assign",
          handler={"org": "구미시 도로과", "name": "최담당", "phone": "054-480-0000"})
    [notice] = _listed(bus).json()["notices"]
    assert (notice["state"], notice["reason"], notice["channel"]) == \
        ("skipped", "no_contact", channel)


def test_the_command_sends_and_lists(bus, hub, tmp_path):
    import json

    number = _case(bus, 11, notify_by="sms")
    review_step(bus, number, action="assign",
          handler={"org": "구미시 도로과", "name": "최담당", "phone": "054-480-0000"})
    done = hub.cli("notices", "run", "--folder", str(tmp_path / "out"))
    assert done.returncode == 0 and "sent 1" in done.stderr, done.stderr
    assert len(list((tmp_path / "out").glob("*.sms.txt"))) == 1
    listed = hub.cli("notices", "queue", "--json")
    assert [(n["kind"], n["state"]) for n in json.loads(listed.stdout)] == [("handler", "sent")]
    assert hub.cli("notices", "run", "--folder", str(tmp_path), "--smtp", "nohost").returncode \
        != 0

"""``fieldbus complaint add``: a receipt number for good intake, one clear line for bad."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta, timezone

import pytest

from tests.cli.conftest import COMPLAINT_SAMPLES, DEVICE, RECEIPT_RE, sample

KST = timezone(timedelta(hours=9))
REQUIRED_KEYS = {"receipt_no", "kind", "title", "body", "agency", "region", "petitioner",
                 "received_at", "deadline", "visit", "status", "sync_state", "review"}


def test_samples_are_all_there():
    assert len(COMPLAINT_SAMPLES) >= 6


@pytest.mark.parametrize("name", COMPLAINT_SAMPLES)
def test_add_prints_a_receipt_number(ready, name):
    result = ready("complaint", "add", ready.write(sample(name)))
    assert result.code == 0, result
    assert len(result.out_lines) == 1
    receipt = result.out.strip()
    assert re.match(RECEIPT_RE, receipt), receipt
    assert receipt.startswith(DEVICE + "-")
    assert ready.receipts() == [receipt]


@pytest.mark.parametrize("name", COMPLAINT_SAMPLES)
def test_add_json_prints_the_saved_complaint(ready, name, samples_dir):
    intake = sample(name)
    before = datetime.now(KST)
    result = ready("complaint", "add", samples_dir / name, "--json")
    assert result.code == 0, result
    data = result.json()
    assert REQUIRED_KEYS <= set(data)
    assert re.match(RECEIPT_RE, data["receipt_no"])
    for key in ("kind", "title", "body", "agency", "region"):
        assert data[key] == intake[key]
    received = datetime.fromisoformat(data["received_at"])
    assert received.utcoffset() is not None
    assert before - timedelta(seconds=5) <= received <= datetime.now(KST) + timedelta(seconds=5)
    if intake["petitioner"] is None:  # no name and address: not a 민원, no deadline (issue 11)
        assert data["deadline"] is None and data["deadline_rule"] == "anonymous"
    else:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["deadline"])
        assert date.fromisoformat(data["deadline"]) >= received.date()
    assert data["visit"] is None
    assert data["status"] in ("received", "resolved", "referred")
    assert data["sync_state"] == "pending"
    assert data["review"] is None
    if intake["petitioner"] is None:
        assert data["petitioner"] is None
    else:  # the officer who took it sees it unmasked
        assert data["petitioner"]["name"] == intake["petitioner"]["name"]
        assert data["petitioner"]["phone"] == intake["petitioner"]["phone"]
    assert ready.receipts() == [data["receipt_no"]]


def test_add_from_stdin(ready):
    text = json.dumps(sample("complaint-02.json"), ensure_ascii=False)
    result = ready("complaint", "add", "-", stdin=text)
    assert result.code == 0, result
    assert re.match(RECEIPT_RE, result.out.strip())
    as_json = ready("complaint", "add", "-", "--json",
                    stdin=("\ufeff" + text).encode("utf-8"))  # a BOM is tolerated
    assert as_json.code == 0, as_json
    assert as_json.json()["title"] == "기초연금 수급 자격 문의"
    assert ready.receipts() == [as_json.json()["receipt_no"], result.out.strip()]


def test_receipt_numbers_are_sequential_and_unique(ready):
    numbers = [ready.add(name).out.strip() for name in COMPLAINT_SAMPLES]
    assert len(set(numbers)) == len(numbers)
    sequences = [int(n.split("-")[2]) for n in numbers]
    assert sequences == list(range(1, len(numbers) + 1))


def test_statuses_follow_the_on_site_outcome(ready):
    by_outcome = {}
    for name in COMPLAINT_SAMPLES:
        data = ready.add(name, "--json").json()
        by_outcome[data["outcome"]] = data["status"]
    assert by_outcome == {"filed": "received", "resolved_on_site": "resolved",
                          "settlement": "resolved", "referred": "referred"}


def test_phone_numbers_are_normalised(ready):
    intake = sample("complaint-01.json")
    intake["petitioner"]["phone"] = "+82 10 2345 6789"
    data = ready.add(intake, "--json").json()
    assert data["petitioner"]["phone"] == "010-2345-6789"


def test_text_is_nfc_normalised(ready):
    intake = sample("complaint-01.json")
    intake["title"] = "\u1100\u1175\u11b7\u1109\u116e"  # 김수 as decomposed jamo
    data = ready.add(intake, "--json").json()
    assert data["title"] == "김수"


def test_decomposed_hangul_counts_by_syllable_against_the_length_limit(ready):
    intake = sample("complaint-01.json")
    intake["title"] = "\u1100\u1161\u11a8" * 150  # 150 syllables, 450 code points as sent
    data = ready.add(intake, "--json").json()
    assert data["title"] == "각" * 150


def test_no_consent_keeps_no_consented_items_but_gives_a_receipt(ready):
    intake = sample("complaint-01.json")
    intake["consent"]["personal_info"] = False
    intake["notify_by"] = None
    result = ready("complaint", "add", ready.write(intake), "--json")
    assert result.code == 0, result
    petitioner = result.json()["petitioner"]
    assert petitioner["name"] == "김영수"
    # Name and address are kept on the basis of 민원처리법 (개인정보 보호법 제15조①2·3);
    # the consented items (phone, e-mail, postcode, birth year) are not (issue 11).
    assert petitioner["phone"] is None and petitioner["postcode"] is None
    assert petitioner["address"] == "경상북도 구미시 선산읍 단계동길 12"
    assert any("phone, e-mail, postcode and birth year were not kept" in line
               for line in result.err_lines)


def test_a_paper_form_keeps_its_received_at(ready):
    intake = sample("complaint-02.json")
    intake["received_at"] = "2026-11-26T10:00:00+09:00"
    data = ready.add(intake, "--json").json()
    assert data["received_at"] == "2026-11-26T10:00:00+09:00"
    assert data["deadline"] == "2026-12-04"  # inquiry: 7 days, the first counted
    assert data["receipt_no"].startswith(f"{DEVICE}-261126-")


@pytest.mark.parametrize("where", ["body", "title"])
def test_a_resident_registration_number_is_masked_and_the_officer_warned(ready, where):
    intake = sample("complaint-02.json")
    intake[where] = intake[where] + " 주민번호 900101-1987650"
    result = ready("complaint", "add", ready.write(intake), "--json")
    assert result.code == 0, result
    data = result.json()
    assert "900101-1******" in data[where]
    assert "1987650" not in result.out
    warnings = [line for line in result.err_lines if "resident registration" in line]
    assert len(warnings) == 1 and where in warnings[0]
    shown = ready("complaint", "show", data["receipt_no"], "--json").json()
    assert "1987650" not in json.dumps(shown)
    assert shown[where] == data[where]
    assert ready("search", "1987650", "--json").json() == []


# -- bad input -------------------------------------------------------------------------


def _future() -> str:
    return (datetime.now(KST) + timedelta(days=1)).isoformat(timespec="seconds")


def _set(path: str, value):
    def change(intake: dict) -> None:
        *parents, last = path.split(".")
        node = intake
        for key in parents:
            node = node[key]
        node[last] = value
    return change


def _drop(path: str):
    def change(intake: dict) -> None:
        *parents, last = path.split(".")
        node = intake
        for key in parents:
            node = node[key]
        del node[last]
    return change


def _both(*changes):
    def change(intake: dict) -> None:
        for one in changes:
            one(intake)
    return change


# (id, sample, change, the field the error line must name)
BAD = [
    ("missing-title", "complaint-01.json", _drop("title"), "title"),
    ("missing-kind", "complaint-01.json", _drop("kind"), "kind"),
    ("missing-consent", "complaint-01.json", _drop("consent"), "consent"),
    ("missing-petitioner-name", "complaint-01.json", _drop("petitioner.name"),
     "petitioner.name"),
    ("missing-notice-version", "complaint-01.json", _drop("consent.notice_version"),
     "consent.notice_version"),
    ("unknown-field", "complaint-01.json", _set("urgency", "high"), "urgency"),
    ("unknown-nested-field", "complaint-01.json", _set("petitioner.rrn", "900101-1234567"),
     "petitioner.rrn"),
    ("title-not-text", "complaint-01.json", _set("title", 42), "title"),
    ("body-null", "complaint-01.json", _set("body", None), "body"),
    ("birth-year-text", "complaint-01.json", _set("petitioner.birth_year", "1951"),
     "petitioner.birth_year"),
    ("birth-year-bool", "complaint-01.json", _set("petitioner.birth_year", True),
     "petitioner.birth_year"),
    ("birth-year-future", "complaint-01.json", _set("petitioner.birth_year", 2099),
     "petitioner.birth_year"),
    ("consent-text", "complaint-01.json", _set("consent.personal_info", "yes"),
     "consent.personal_info"),
    ("petitioner-list", "complaint-01.json", _set("petitioner", ["김영수"]), "petitioner"),
    ("phone-number-type", "complaint-01.json", _set("petitioner.phone", 1023456789),
     "petitioner.phone"),
    ("unknown-kind", "complaint-01.json", _set("kind", "complaint"), "kind"),
    ("korean-kind", "complaint-01.json", _set("kind", "고충"), "kind"),
    ("unknown-channel", "complaint-01.json", _set("channel", "phone"), "channel"),
    ("unknown-outcome", "complaint-01.json", _set("outcome", "done"), "outcome"),
    ("invalid-phone-short", "complaint-01.json", _set("petitioner.phone", "010-12"),
     "petitioner.phone"),
    ("invalid-phone-letter", "complaint-01.json", _set("petitioner.phone", "O10-2345-6789"),
     "petitioner.phone"),
    ("invalid-phone-foreign", "complaint-01.json", _set("petitioner.phone", "+1 202 555 0100"),
     "petitioner.phone"),
    ("invalid-email", "complaint-03.json", _set("petitioner.email", "minho.lee"),
     "petitioner.email"),
    ("invalid-postcode", "complaint-01.json", _set("petitioner.postcode", "3914"),
     "petitioner.postcode"),
    ("nul-in-title", "complaint-01.json", _set("title", "마을\x00진입로"), "title"),
    ("nul-in-body", "complaint-01.json", _set("body", "진흙탕\x00입니다"), "body"),
    ("esc-in-title", "complaint-01.json", _set("title", "\x1b[31m진입로"), "title"),
    ("bel-in-body", "complaint-01.json", _set("body", "소음\x07"), "body"),
    ("del-in-body", "complaint-01.json", _set("body", "소음\x7f입니다"), "body"),
    ("c1-in-body", "complaint-01.json", _set("body", "소음\x9b입니다"), "body"),
    ("backspace-in-title", "complaint-01.json", _set("title", "진입\x08로"), "title"),
    ("newline-in-title", "complaint-01.json", _set("title", "마을\n진입로"), "title"),
    ("tab-in-title", "complaint-01.json", _set("title", "마을\t진입로"), "title"),
    ("bidi-override-in-title", "complaint-01.json", _set("title", "진입로\u202e요청"), "title"),
    ("nul-in-name", "complaint-01.json", _set("petitioner.name", "김\x00영수"),
     "petitioner.name"),
    ("nul-in-agency", "complaint-01.json", _set("agency", "구미\x00시청"), "agency"),
    ("nul-in-consent-item", "complaint-01.json", _set("consent.items", ["연락처\x00"]),
     "consent.items"),
    ("lone-surrogate-in-body", "complaint-01.json", _set("body", "a\ud800b"), "body"),
    ("blank-title", "complaint-01.json", _set("title", " \u3000 "), "title"),
    ("title-too-long", "complaint-01.json", _set("title", "가" * 201), "title"),
    ("body-too-long", "complaint-01.json", _set("body", "가" * 20001), "body"),
    ("agency-too-long", "complaint-01.json", _set("agency", "가" * 101), "agency"),
    ("name-too-long", "complaint-01.json", _set("petitioner.name", "가" * 51),
     "petitioner.name"),
    ("future-received-at", "complaint-01.json", _set("received_at", _future()), "received_at"),
    ("far-future-received-at", "complaint-01.json",
     _set("received_at", "2999-01-01T00:00:00+09:00"), "received_at"),
    ("received-at-not-a-date", "complaint-01.json", _set("received_at", "yesterday"),
     "received_at"),
    ("received-at-number", "complaint-01.json", _set("received_at", 20261126), "received_at"),
    ("future-consent-at", "complaint-01.json", _set("consent.at", _future()), "consent.at"),
    ("referred-without-referred-to", "complaint-06.json", _drop("referred_to"), "referred_to"),
    ("referred-to-blank", "complaint-06.json", _set("referred_to", "  "), "referred_to"),
    ("referred-to-without-referral", "complaint-01.json", _set("referred_to", "경상북도청"),
     "referred_to"),
    ("sms-to-a-landline", "complaint-02.json", _set("notify_by", "sms"), "notify_by"),
    ("sms-without-a-phone", "complaint-01.json", _set("petitioner.phone", None), "notify_by"),
    ("sms-anonymous", "complaint-05.json", _set("notify_by", "sms"), "notify_by"),
    ("sms-without-consent", "complaint-01.json", _set("consent.personal_info", False),
     "notify_by"),
    ("email-without-an-address", "complaint-03.json", _set("petitioner.email", None),
     "notify_by"),
    ("unknown-notify-by", "complaint-01.json", _set("notify_by", "kakao"), "notify_by"),
    ("public-report", "complaint-01.json", _both(_set("kind", "report"),
                                                  _set("disclosure", "public")), "disclosure"),
    ("missing-attachment", "complaint-01.json", _set("attachments", ["없는파일.pdf"]),
     "attachments"),
]


@pytest.mark.parametrize("name,change,field", [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_intake_is_exit_2_with_one_line_naming_the_field(ready, name, change, field):
    ready.add("complaint-04.json")
    before = ready.receipts()
    intake = sample(name)
    change(intake)
    result = ready("complaint", "add", ready.write(intake))
    assert result.code == 2, result
    assert result.out == ""
    assert len(result.err_lines) == 1, result
    line = result.err_lines[0]
    assert line.startswith("error: "), line
    assert field in line, line
    assert "Traceback" not in result.err
    assert ready.receipts() == before


@pytest.mark.parametrize("name,change,field", [b[1:] for b in BAD[::6]],
                         ids=[b[0] for b in BAD[::6]])
def test_bad_intake_on_stdin_with_json_is_exit_2(ready, name, change, field):
    intake = sample(name)
    change(intake)
    result = ready("complaint", "add", "-", "--json", stdin=json.dumps(intake))
    assert result.code == 2, result
    assert result.out == ""
    assert len(result.err_lines) == 1 and field in result.err_lines[0], result
    assert ready.receipts() == []


def test_an_intake_that_is_not_an_object_is_exit_2(ready):
    for content in ("[]", '"text"', "42", "null"):
        result = ready("complaint", "add", ready.write(content))
        assert result.code == 2, result
        assert len(result.err_lines) == 1 and "object" in result.err_lines[0], result
    assert ready.receipts() == []


MALFORMED = [
    ("truncated", '{"kind": "inquiry", "title": '),
    ("trailing-comma", '{"kind": "inquiry",}'),
    ("single-quotes", "{'kind': 'inquiry'}"),
    ("empty", ""),
    ("two-objects", '{"kind": "inquiry"} {"kind": "other"}'),
    ("deeply-nested", "[" * 100_000 + "]" * 100_000),
]


@pytest.mark.parametrize("text", [m[1] for m in MALFORMED], ids=[m[0] for m in MALFORMED])
@pytest.mark.parametrize("via", ["file", "stdin"])
def test_malformed_json_is_exit_2(ready, text, via):
    if via == "file":
        result = ready("complaint", "add", ready.write(text))
    else:
        result = ready("complaint", "add", "-", stdin=text)
    assert result.code == 2, result
    assert len(result.err_lines) == 1, result
    assert "JSON" in result.err_lines[0]
    assert "Traceback" not in result.err
    assert ready.receipts() == []


NOT_UTF8 = [
    ("latin-1", json.dumps(sample("complaint-01.json") | {"title": "café"},
                           ensure_ascii=False).encode("latin-1", errors="replace")
     .replace(b"caf?", b"caf\xe9")),
    ("euc-kr", json.dumps(sample("complaint-01.json"), ensure_ascii=False).encode("euc-kr")),
    ("utf-16", json.dumps(sample("complaint-01.json"), ensure_ascii=False).encode("utf-16")),
    ("stray-byte", b'{"kind": "inquiry", "title": "\xff"}'),
]


@pytest.mark.parametrize("raw", [m[1] for m in NOT_UTF8], ids=[m[0] for m in NOT_UTF8])
@pytest.mark.parametrize("via", ["file", "stdin"])
def test_non_utf8_bytes_are_exit_2(ready, raw, via):
    if via == "file":
        result = ready("complaint", "add", ready.write(raw))
    else:
        result = ready("complaint", "add", "-", stdin=raw)
    assert result.code == 2, result
    assert len(result.err_lines) == 1, result
    assert "UTF-8" in result.err_lines[0]
    assert "Traceback" not in result.err
    assert ready.receipts() == []


def test_a_missing_file_is_exit_2(ready, tmp_path):
    result = ready("complaint", "add", tmp_path / "nope.json")
    assert result.code == 2, result
    assert len(result.err_lines) == 1 and "nope.json" in result.err_lines[0]


def test_a_received_at_a_minute_ahead_is_clock_skew_not_the_future(ready):
    intake = sample("complaint-01.json")
    intake["received_at"] = (datetime.now(KST) + timedelta(minutes=1)).isoformat()
    assert ready.add(intake).code == 0

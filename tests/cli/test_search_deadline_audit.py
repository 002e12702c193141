"""``fieldbus search``, ``fieldbus deadline`` and ``fieldbus audit verify``."""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta, timezone

import pytest

from fieldbus.store.store import Store
from tests.cli.conftest import COMPLAINT_SAMPLES, sample
from tests.conftest import PIN

KST = timezone(timedelta(hours=9))


@pytest.fixture
def filled(ready):
    ready.numbers = {name: ready.add(name).out.strip() for name in COMPLAINT_SAMPLES}
    return ready


# -- search ---------------------------------------------------------------------------


def _found(cli, text: str) -> list[str]:
    result = cli("search", text, "--json")
    assert result.code == 0, result
    return [item["receipt_no"] for item in result.json()]


@pytest.mark.parametrize("term", [
    "진입로",          # in the title as a word, and inside 마을진입로가 in the body
    "마을진입로",      # only in the body, inside a word
    "진입로가",        # word + particle
    "진흙탕",          # inside 진흙탕이
])
def test_search_matches_inside_korean_words(filled, term):
    assert _found(filled, term) == [filled.numbers["complaint-01.json"]]


def test_search_result_json_is_a_complaint_list(filled):
    result = filled("search", "진입로", "--json")
    [item] = result.json()
    assert item["title"] == "마을 진입로 포장 요청"
    assert "마을진입로가" in item["body"]
    assert item["petitioner"]["name"] == "김*수"  # listings mask personal data


@pytest.mark.parametrize("term,sample_name", [
    ("포장", "complaint-01.json"),   # two characters: matched without the trigram index
    ("연금", "complaint-02.json"),   # inside 기초연금
    ("소음", "complaint-05.json"),
])
def test_search_two_character_terms(filled, term, sample_name):
    assert _found(filled, term) == [filled.numbers[sample_name]]


def test_search_several_terms_must_all_match(filled):
    assert _found(filled, "구미시청 소음") == [filled.numbers["complaint-05.json"]]
    assert set(_found(filled, "구미시청")) == {
        filled.numbers[n] for n in COMPLAINT_SAMPLES if sample(n)["agency"] == "구미시청"}


def test_search_is_nfc_insensitive(filled):
    decomposed = unicodedata.normalize("NFD", "진입로")
    assert decomposed != "진입로"
    assert _found(filled, decomposed) == [filled.numbers["complaint-01.json"]]


def test_search_by_name_and_receipt_number(filled):
    assert _found(filled, "김영수") == [filled.numbers["complaint-01.json"]]
    receipt = filled.numbers["complaint-04.json"]
    assert _found(filled, receipt) == [receipt]


def test_search_with_no_match(filled):
    assert _found(filled, "없는말입니다") == []
    assert filled("search", "없는말입니다").out == ""


def test_search_plain_output(filled):
    result = filled("search", "진입로")
    assert result.code == 0, result
    assert [line.split("\t")[0] for line in result.out_lines] == [filled.numbers["complaint-01.json"]]


def test_search_with_quotes_and_operators_is_taken_literally(filled):
    for text in ('"진입로', "진입로 OR 소음", "NEAR(진입로)", "진입*", "%", "_"):
        result = filled("search", text, "--json")
        assert result.code == 0, (text, result)
    assert _found(filled, "%") == []


@pytest.mark.parametrize("text", ["", "   ", "a\x00b", "가" * 201])
def test_search_bad_query_is_exit_2(filled, text):
    result = filled("search", text)
    assert result.code == 2, result
    assert len(result.err_lines) == 1 and "query" in result.err_lines[0]


# -- deadline -------------------------------------------------------------------------


@pytest.mark.parametrize("kind,received,expected", [
    ("inquiry", "2026-11-26T10:00+09:00", "2026-12-04"),
    ("other", "2026-11-26T16:00+09:00", "2026-11-27 10:00"),
    ("other", "2026-11-26T16:00", "2026-11-27 10:00"),        # no offset: KST
    ("other", "2026-11-26T07:00Z", "2026-11-27 10:00"),       # 16:00 KST given in UTC
    ("suggestion", "2026-11-26T10:00+09:00", "2026-12-15"),
])
def test_deadline(cli, kind, received, expected):
    result = cli("deadline", kind, "--received", received)
    assert result.code == 0, result
    assert result.out.strip() == expected
    assert result.err == ""


def test_deadline_needs_no_store_and_no_pin(cli):
    result = cli("deadline", "inquiry", "--received", "2026-11-26T10:00+09:00",
                 env={"FIELDBUS_PIN": None})
    assert result.code == 0, result
    assert not cli.data_dir.exists()


def test_deadline_json(cli):
    result = cli("deadline", "other", "--received", "2026-11-26T16:00+09:00", "--json")
    assert result.code == 0, result
    data = result.json()
    assert data["kind"] == "other"
    assert data["deadline"] == "2026-11-27 10:00"
    assert data["unit"] == "hours" and data["period"] == 3
    assert datetime.fromisoformat(data["due"]) == datetime(2026, 11, 27, 10, 0, tzinfo=KST)
    assert datetime.fromisoformat(data["received_at"]) == datetime(2026, 11, 26, 16, 0,
                                                                   tzinfo=KST)
    assert data["basis"]  # the legal basis, from the rule table

    inquiry = cli("deadline", "inquiry", "--received", "2026-11-26T10:00+09:00", "--json").json()
    assert inquiry["deadline"] == "2026-12-04"
    assert inquiry["unit"] == "days" and inquiry["period"] == 7
    assert inquiry["due"].startswith("2026-12-04")


@pytest.mark.parametrize("argv,field", [
    (["deadline", "complaint", "--received", "2026-11-26T10:00+09:00"], "kind"),
    (["deadline", "질의", "--received", "2026-11-26T10:00+09:00"], "kind"),
    (["deadline", "inquiry", "--received", "yesterday"], "received"),
    (["deadline", "inquiry", "--received", "2026-13-01T10:00"], "received"),
    (["deadline", "inquiry", "--received",
      (datetime.now(KST) + timedelta(days=2)).isoformat(timespec="minutes")], "received"),
    (["deadline", "inquiry", "--received", "1999-12-31T10:00+09:00"], "received"),
], ids=["unknown-kind", "korean-kind", "not-a-date", "impossible-date", "future", "too-old"])
def test_deadline_bad_input_is_exit_2(cli, argv, field):
    result = cli(*argv)
    assert result.code == 2, result
    assert result.out == ""
    assert len(result.err_lines) == 1 and field in result.err_lines[0]


def test_deadline_without_received_is_a_usage_error(cli):
    result = cli("deadline", "inquiry")
    assert result.code == 2
    assert "--received" in result.err


# -- audit ----------------------------------------------------------------------------


def test_audit_verify_holds(filled):
    filled("complaint", "show", filled.numbers["complaint-01.json"])
    filled("search", "진입로")
    result = filled("audit", "verify")
    assert result.code == 0, result
    assert "holds" in result.out


def _tamper(data_dir, sql: str, *params) -> None:
    store = Store.open(data_dir, officer="홍길동", pin=PIN)
    try:
        store.db.execute(sql, params)
    finally:
        store.close()


def test_audit_verify_after_an_entry_was_changed(filled):
    _tamper(filled.data_dir, "UPDATE audit SET reason = 'nobody looked' WHERE seq = 3")
    result = filled("audit", "verify")
    assert result.code != 0, result
    assert result.code == 1
    assert len(result.err_lines) == 1
    assert "entry 3" in result.err_lines[0]
    assert "Traceback" not in result.err


def test_audit_verify_after_an_entry_was_rehashed_but_not_rechained(filled):
    # Changing an entry and recomputing its own hash still breaks the next link.
    store = Store.open(filled.data_dir, officer="홍길동", pin=PIN)
    try:
        from fieldbus.store import audit

        row = store.db.execute("SELECT seq, at, officer_id, action, record_type, record_id, "
                               "details_hash, prev_hash FROM audit WHERE seq = 2").fetchone()
        forged = list(row)
        forged[3] = "nothing_happened"
        store.db.execute("UPDATE audit SET action = ?, hash = ? WHERE seq = 2",
                         (forged[3], audit._digest2(*forged)))
    finally:
        store.close()
    result = filled("audit", "verify")
    assert result.code != 0, result
    assert "entry 3" in result.err_lines[0]


def test_audit_verify_after_the_newest_entries_were_cut_off(filled):
    _tamper(filled.data_dir, "DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)")
    result = filled("audit", "verify")
    assert result.code != 0, result
    assert "entry" in result.err_lines[0]

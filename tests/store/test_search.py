"""Korean search inside words, composed or decomposed, and every search audited."""

from __future__ import annotations

import unicodedata

import pytest

from fieldbus.domain.errors import ValidationError
from fieldbus.store import complaints
from fieldbus.store.search import search
from tests.store.helpers import audit_rows, count, draft

SAMPLES = [f"complaint-0{i}.json" for i in range(1, 7)]


@pytest.fixture
def cases(cstore) -> dict[str, str]:
    """The six sample complaints; sample name → receipt number."""
    return {name: complaints.add(cstore, draft(cstore, name), cstore.officer).receipt_no
            for name in SAMPLES}


def _found(store, query: str, **kwargs) -> list[str]:
    return [c.receipt_no for c in search(store, query, store.officer, **kwargs)]


def test_a_word_is_found_inside_a_longer_word(cstore, cases):
    # the body says 마을진입로가: noun, particle and a neighbouring noun run together
    assert _found(cstore, "진입로") == [cases["complaint-01.json"]]
    assert _found(cstore, "진흙탕") == [cases["complaint-01.json"]]


def test_decomposed_and_composed_hangul_find_the_same(cstore, cases):
    nfd = unicodedata.normalize("NFD", "진입로")
    assert nfd != "진입로" and len(nfd) > 3
    assert _found(cstore, nfd) == _found(cstore, "진입로") == [cases["complaint-01.json"]]


def test_text_saved_decomposed_is_found_by_a_composed_query(cstore):
    saved = complaints.add(
        cstore, draft(cstore, title=unicodedata.normalize("NFD", "하천 제방 보수 요청")),
        cstore.officer)
    assert _found(cstore, "제방 보수") == [saved.receipt_no]
    assert _found(cstore, unicodedata.normalize("NFD", "제방")) == [saved.receipt_no]


@pytest.mark.parametrize(("query", "sample"), [
    ("소음", "complaint-05.json"),     # two characters: below a trigram
    ("측량", "complaint-04.json"),
    ("연금", "complaint-02.json"),     # inside 기초연금
])
def test_a_two_character_term_is_found(cstore, cases, query, sample):
    assert _found(cstore, query) == [cases[sample]]


def test_a_one_character_term_is_found(cstore, cases):
    # 밭 appears nowhere; 창 only in 창고 (complaint-06)
    assert _found(cstore, "밭") == []
    assert _found(cstore, "창고") == [cases["complaint-06.json"]]


def test_every_term_must_match(cstore, cases):
    assert _found(cstore, "진입로 포장") == [cases["complaint-01.json"]]
    assert _found(cstore, "정류장 승차대") == [cases["complaint-03.json"]]
    assert _found(cstore, "진입로 소음") == []        # both long and short: AND
    assert _found(cstore, "공사장 야간") == [cases["complaint-05.json"]]
    assert _found(cstore, "버스 의자") == [cases["complaint-03.json"]]   # two short terms
    assert _found(cstore, "버스 측량") == []
    assert set(_found(cstore, "구미시청 요청")) == {cases["complaint-01.json"]}
    assert set(_found(cstore, "구미시청")) == {cases[f"complaint-0{i}.json"] for i in (1, 3, 5, 6)}


def test_a_receipt_number_is_found(cstore, cases):
    number = cases["complaint-03.json"]
    assert _found(cstore, number) == [number]
    assert _found(cstore, number.lower()) == [number]


def test_a_petitioner_is_found_by_name(cstore, cases):
    assert _found(cstore, "김영수") == [cases["complaint-01.json"]]
    assert _found(cstore, "영수") == [cases["complaint-01.json"]]


def test_no_match_is_an_empty_list(cstore, cases):
    assert _found(cstore, "하수도 악취") == []
    assert _found(cstore, "없는말입니다") == []


@pytest.mark.parametrize("query", ['"', '"진입로', 'NEAR(진입로', "진입로 OR 소음", "*", "%",
                                   "_", "\\", "진입로*", "-진입로", "a:b", "((("])
def test_search_syntax_in_a_query_is_taken_literally(cstore, cases, query):
    found = _found(cstore, query)
    if query in ("%", "_", "\\", "*", '"', "(((", "a:b"):
        assert found == []  # matches nothing rather than everything
    assert set(found) <= set(cases.values())


@pytest.mark.parametrize("query", ["", "   ", "진입로\x00", "가" * 201])
def test_an_unusable_query_is_a_validation_error(cstore, query):
    with pytest.raises(ValidationError) as caught:
        search(cstore, query, cstore.officer)
    assert caught.value.field == "query"


def test_the_limit_is_respected(cstore, cases):
    assert len(_found(cstore, "구미시청", limit=2)) == 2
    assert len(_found(cstore, "구미", limit=3)) == 3


def test_every_search_is_audited_with_its_query_and_who(cstore, cases):
    before = count(cstore, "audit")
    _found(cstore, unicodedata.normalize("NFD", " 김영수 "))
    _found(cstore, "하수도")
    rows = audit_rows(cstore)
    assert len(rows) == before + 2
    first, second = rows[-2:]
    assert first["action"] == second["action"] == "searched"
    assert first["details"] == {"query": "김영수", "results": 1}
    assert second["details"] == {"query": "하수도", "results": 0}
    assert first["officer_id"] == cstore.officer.id
    assert cstore.verify_audit().ok


def test_an_edit_is_reflected_in_search(cstore, cases):
    number = cases["complaint-01.json"]
    complaints.edit(cstore, number, {"title": "마을 안길 포장 요청",
                                     "body": "마을 안길이 비만 오면 진흙탕이 됩니다."},
                    cstore.officer)
    assert _found(cstore, "진입로") == []
    assert _found(cstore, "안길이") == [number]
    assert _found(cstore, "진흙탕") == [number]


def test_the_index_agrees_with_the_records(cstore, cases):
    """FTS5's own check that the index and its content table agree, after adds and edits."""
    complaints.edit(cstore, cases["complaint-02.json"], {"title": "노령연금 재신청 문의"},
                    cstore.officer)
    complaints.edit(cstore, cases["complaint-01.json"],
                    {"petitioner": {"name": "김영희"}}, cstore.officer)
    cstore.db.execute("INSERT INTO complaints_fts (complaints_fts) VALUES ('integrity-check')")
    assert count(cstore, "complaints_fts") == count(cstore, "complaints") == 6
    assert _found(cstore, "김영희") == [cases["complaint-01.json"]]
    assert _found(cstore, "김영수") == []


def test_a_short_term_at_the_very_end_of_a_value_is_found(cstore, cases):
    # 김영수 ends with 영수 and 수: no trigram of the name itself starts with them
    assert _found(cstore, "영수") == [cases["complaint-01.json"]]
    assert cases["complaint-01.json"] in _found(cstore, "수")
    # 합니다. ends the body of complaint-03: the last two characters are "다."
    assert cases["complaint-03.json"] in _found(cstore, "다.")


def test_a_short_term_in_no_case_reads_no_row(cstore, cases):
    """A two-character word nobody wrote answers from the term list alone."""
    statements: list[str] = []
    cstore.db.conn.set_trace_callback(statements.append)
    try:
        assert _found(cstore, "밭둑") == []
    finally:
        cstore.db.conn.set_trace_callback(None)
    assert not any("complaints_fts MATCH" in s or "LIKE" in s for s in statements)


def test_short_ascii_terms_ignore_case(cstore):
    saved = complaints.add(cstore, draft(cstore, title="KT 인터넷 불통"), cstore.officer)
    assert _found(cstore, "kt") == _found(cstore, "KT") == [saved.receipt_no]


def test_a_very_common_short_term_falls_back_to_a_scan(cstore, cases, monkeypatch):
    from fieldbus.store import search as search_module

    monkeypatch.setattr(search_module, "MAX_EXPANSION", 1)
    assert _found(cstore, "소음") == [cases["complaint-05.json"]]
    assert _found(cstore, "진입로 마을") == [cases["complaint-01.json"]]

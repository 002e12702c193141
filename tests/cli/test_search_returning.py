"""``fieldbus search`` finds a returning citizen (issue 12): by a phone number's digits, by
a receipt number typed compact or in lower case, and counsel sessions, each listed with its
type; ``complaint add`` without a region takes the open visit's."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import sample


@pytest.fixture
def filled(ready, samples_dir):
    ready.complaint = ready.add("complaint-01.json").out.strip()  # 김영수, 010-2345-6789
    added = ready("counsel", "add", samples_dir / "counsel-01.json")  # 한미경, 010-4444-2222
    assert added.code == 0, added
    ready.session = added.out.strip()
    return ready


@pytest.mark.parametrize("term", ["6789", "2345-6789", "01023456789"])
def test_search_by_phone_digits(filled, term):
    result = filled("search", term, "--json")
    assert result.code == 0, result
    [item] = result.json()
    assert item["receipt_no"] == filled.complaint and item["type"] == "complaint"
    assert item["petitioner"]["phone"] != "010-2345-6789"  # masked, as every listing


def test_search_by_a_compact_lower_case_receipt_number(filled):
    result = filled("search", filled.complaint.replace("-", "").lower(), "--json")
    assert [i["receipt_no"] for i in result.json()] == [filled.complaint]


def test_counsel_sessions_are_listed_with_their_type(filled):
    result = filled("search", "한미경", "--json")
    assert result.code == 0, result
    [item] = result.json()
    assert item["type"] == "counsel_session" and item["id"] == filled.session
    assert item["appellant"]["name"] == "한*경"  # masked
    assert item["notes"] is None  # a search never shows the advice notes
    lines = filled("search", "구미시청").out_lines  # both: the complaint's and the disposition's agency
    assert [line.split("\t")[0] for line in lines] == [filled.complaint, filled.session]
    assert [line.split("\t")[-1] for line in lines] == ["민원", "상담"]
    complaint_line = lines[0].split("\t")
    assert complaint_line[:3] == [filled.complaint, complaint_line[1], "grievance"]
    assert "010-2345-6789" not in filled("search", "2222").out


def test_the_search_is_audited_once_with_both_counts(filled):
    filled("search", "구미시청")
    rows = filled("audit", "verify")
    assert rows.code == 0, rows
    from fieldbus.store.store import Store
    from tests.conftest import PIN

    with Store.open(filled.data_dir, officer="홍길동", pin=PIN) as store:
        details = [json.loads(d) for (d,) in store.db.execute(
            "SELECT details FROM audit WHERE action = 'searched'").fetchall()]
    assert details == [{"counsel": 1, "query": "구미시청", "results": 1}]


def _without_region() -> dict:
    data = sample("complaint-01.json")
    del data["region"]
    return data


def test_complaint_add_without_a_region_takes_the_open_visits(ready):
    assert ready("visit", "open", "--venue", "선산읍 행정복지센터",
                 "--region", "경상북도 구미시 선산읍").code == 0
    result = ready("complaint", "add", ready.write(_without_region()), "--json")
    assert result.code == 0, result
    assert result.json()["region"] == "경상북도 구미시 선산읍"
    assert any("region" in line and "경상북도 구미시 선산읍" in line and "visit" in line
               for line in result.err_lines), result
    given = ready("complaint", "add", ready.write(sample("complaint-02.json")), "--json")
    assert given.json()["region"] == "경상북도 구미시"  # a region given is kept
    assert not any("region" in line for line in given.err_lines)


def test_complaint_add_without_a_region_and_no_visit_says_what_is_missing(ready):
    result = ready("complaint", "add", ready.write(_without_region()))
    assert result.code != 0
    assert "region" in result.err and "visit" in result.err

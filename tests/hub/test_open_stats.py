"""The open statistics (issue 14 §4) against a real hub on loopback: the same numbers on the
page, in JSON and in CSV; every cell under 5 hidden and none derivable — the tests try, by
subtracting the published cells from each total (and each 시·군·구 from its 시·도); the
charts drawn on the server with nothing the page's own policy refuses, in a real browser;
cached until the cases change."""

from __future__ import annotations

import csv
import io

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sync import protocol
from sync.hub.open_stats import MINIMUM, protect
from tests.hub.helpers import complaint, push, record
from tests.hub.test_status_page import browser  # noqa: F401 - a fixture

#: (region, kind, outcome, how many): 구미시 has 16, 안동시 4 (hidden, and so another
#: 경북 town must be), 순천시 3 (전남 hidden, and so must another 시·도 be — 강원, the
#: smallest — and their towns too).
DAY = [("경상북도 구미시 선산읍", "grievance", "filed", 12),
       ("경상북도 구미시", "inquiry", "resolved_on_site", 4),
       ("경상북도 안동시", "suggestion", "settlement", 4),
       ("경상북도 상주시", "grievance", "filed", 6),
       ("전라남도 순천시", "other", "referred", 3),
       ("강원특별자치도 정선군", "inquiry", "filed", 6)]


@pytest.fixture
def day(bus, hub):
    """The day of two buses: 경상북도's cases from B07A, the rest from B08B."""
    tokens = {"B07A": bus.device_token, "B08B": hub.enrol("B08B", "kim")["token"]}
    made: dict[str, list] = {"B07A": [], "B08B": []}
    n = 0
    for region, kind, outcome, count in DAY:
        device = "B07A" if region.startswith("경상북도") else "B08B"
        for _ in range(count):
            n += 1
            made[device].append(record(f"r{n}", complaint(n, device=device, region=region,
                                                          kind=kind, outcome=outcome)))
    for device, records in made.items():
        push(bus.url, tokens[device], records, device=device)
    return n


def _derivable(cells: list[dict], total: int) -> list[str]:
    """What a reader could work out of one table: a lone hidden cell, or hidden cells
    that together hold fewer than 5."""
    hidden = [c for c in cells if c["count"] in ("<5", "x")]
    rest = total - sum(int(c["count"]) for c in cells if c["count"] not in ("<5", "x"))
    if len(hidden) == 1:
        return [f"{hidden[0]['label']} = {rest}"]
    if hidden and rest < MINIMUM:
        return [f"{[c['label'] for c in hidden]} hold {rest}"]
    return []


def test_small_cells_are_hidden_and_none_can_be_worked_out(bus, day):
    stats = httpx.get(bus.url + protocol.STATS + ".json").json()
    assert stats["total"] == day == 35
    tables = stats["tables"]
    leaks = [f"{name}: {leak}" for name in ("month", "province", "kind", "outcome", "stage",
                                            "agency")
             for leak in _derivable(tables[name], stats["total"])]
    province = {c["key"]: c["count"] for c in tables["province"]}
    # 강원 (6) is hidden as x so that 전남's 3 cannot be worked out from the total.
    assert province == {"경상북도": "26", "전라남도": "<5", "강원특별자치도": "x"}
    for name, count in province.items():
        towns = [c for c in tables["region"] if c["province"] == name]
        if count in ("<5", "x"):
            assert all(c["count"] in ("<5", "x") for c in towns)  # a hidden 시·도 stays so
        else:
            leaks += [f"{name}: {leak}" for leak in _derivable(towns, int(count))]
    assert leaks == []
    towns = {c["key"]: c["count"] for c in tables["region"]}
    assert towns["경상북도 구미시"] == "16"  # 선산읍 is folded into its 시·군·구
    assert towns["경상북도 안동시"] == "<5" and towns["경상북도 상주시"] == "x"
    kinds = {c["key"]: c["count"] for c in tables["kind"]}
    assert kinds["grievance"] == "18" and kinds["other"] == "<5"


def test_the_csv_is_the_page_s_data(bus, day):
    stats = httpx.get(bus.url + protocol.STATS + ".json").json()
    answer = httpx.get(bus.url + protocol.STATS + ".csv")
    assert answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.content.decode("utf-8-sig"))))
    for name, cells in stats["tables"].items():
        assert [(r["key"], r["count"]) for r in rows if r["table"] == name] == \
            [(c["key"], c["count"]) for c in cells]
    page = httpx.get(bus.url + protocol.STATS).text
    for cell in stats["tables"]["province"]:
        shown = cell["count"].replace("<", "&lt;")
        assert f"<td>{cell['label']}</td><td class=\"n\">{shown}" in page


def test_cached_until_the_cases_change(bus, day):
    first = httpx.get(bus.url + protocol.STATS + ".json").json()
    assert httpx.get(bus.url + protocol.STATS + ".json").json()["computed_at"] == \
        first["computed_at"]
    push(bus.url, bus.device_token, [record("late", complaint(99, region="경상북도 구미시"))])
    assert httpx.get(bus.url + protocol.STATS + ".json").json()["total"] == first["total"] + 1


def test_the_page_draws_its_charts_with_nothing_refused(bus, day, browser):  # noqa: F811
    answer = httpx.get(bus.url + protocol.STATS, params={"q": "<script>alert(1)</script>"})
    assert answer.status_code == 200 and "<script" not in answer.text
    assert answer.text.count("<svg") == 5
    policy = answer.headers["content-security-policy"]
    assert "script-src" not in policy and "'unsafe-inline'" not in policy
    browser.get(bus.url + protocol.STATS)
    from selenium.webdriver.common.by import By

    assert "이동신문고 민원 통계" in browser.find_element(By.TAG_NAME, "h1").text
    bars = browser.find_elements(By.CSS_SELECTOR, "svg .rect")
    assert bars and bars[0].value_of_css_property("fill") in ("rgb(31, 95, 168)", "#1f5fa8")
    refused = [e for e in browser.get_log("browser") if "Content Security Policy" in
               e.get("message", "")]
    assert refused == []
    assert httpx.get(bus.url + "/stats.xml").status_code == 404


@given(st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=12))
def test_protect_never_leaves_a_small_cell_to_work_out(counts):
    """Every way a reader could narrow a small cell down: brute force over the values the
    hidden cells could hold (1–4 for "<5", 5 and more for "x"), given the total."""
    cells = [(f"k{i}", f"k{i}", n) for i, n in enumerate(counts)]
    protected = protect(cells, sum(counts))
    assert all(c.count is None for c, n in zip(protected, counts) if n < MINIMUM)
    hidden = [(c, n) for c, n in zip(protected, counts) if c.count is None]
    if not any(c.small for c, _n in hidden) or len(hidden) == len(protected):
        return  # nothing small is hidden, or nothing at all is published
    held = sum(n for _c, n in hidden)
    ranges = [range(1, MINIMUM) if c.small else range(MINIMUM, held + 1) for c, _n in hidden]
    seen: list[set[int]] = [set() for _ in hidden]

    def walk(i: int, left: int, chosen: list[int]) -> None:
        if i == len(hidden):
            if left == 0:
                for j, value in enumerate(chosen):
                    seen[j].add(value)
            return
        for value in ranges[i]:
            if value <= left:
                walk(i + 1, left - value, chosen + [value])

    if len(hidden) <= 6:
        walk(0, held, [])
        for (cell, _n), values in zip(hidden, seen):
            if cell.small:
                assert len(values) > 1, (counts, cell.key, values)


def test_the_month_s_words_come_from_public_titles_and_never_name_anyone(bus):
    titles = ([("김영수 가로등 고장 신고", "public")] * 6 + [("버스 정류장 신설", "public")] * 5
              + [("하천 제방 보수", "public")] * 3 + [("비밀통로 폐쇄 요청", "private")] * 6)
    push(bus.url, bus.device_token, [
        record(f"w{n}", complaint(n, title=title, disclosure=disclosure))
        for n, (title, disclosure) in enumerate(titles, start=1)])
    stats = httpx.get(bus.url + protocol.STATS + ".json").json()
    words = {w["word"]: w["count"] for w in stats["words"]["2026-11"]}
    assert words == {"가로등": 6, "고장": 6, "신고": 6, "버스": 5, "정류장": 5, "신설": 5}
    page = httpx.get(bus.url + protocol.STATS).text
    assert "정류장" in page and "김영수" not in page and "비밀통로" not in page
    rows = list(csv.reader(io.StringIO(httpx.get(bus.url + protocol.STATS + ".csv")
                                       .content.decode("utf-8-sig"))))
    assert ["word", "2026-11", "가로등", "", "6"] in rows

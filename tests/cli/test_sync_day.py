"""A real day on the bus through the command line, against a real hub on loopback: open a
visit, take cases, close the visit, sync — nothing is left waiting, and the centre sees the
visit with its cases (issue 9 §1)."""

from __future__ import annotations

import json

from tests.cli.test_sync_cli import _enrol, on_hub  # noqa: F401 - a fixture

VENUE, REGION = "선산읍 행정복지센터", "경상북도 구미시"


def hub_visits(hub) -> list[dict]:
    done = hub.cli("visits", "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_real_day_ends_with_nothing_pending_and_the_hub_lists_the_visit(
        ready, on_hub, samples_dir):  # noqa: F811
    assert _enrol(ready, on_hub).code == 0
    opened = ready("visit", "open", "--venue", VENUE, "--region", REGION, "--date",
                   "2026-11-26", "--team", "김조사관", "--team", "이변호사", "--json")
    assert opened.code == 0, opened
    visit_id = opened.json()["id"]
    first = ready.add("complaint-01.json").out.strip()
    # A sync in the middle of the day sends the open visit (version 1) …
    midday = ready("sync", "--json")
    assert midday.code == 0, midday
    assert midday.json()["pending"] == 0
    second = ready.add("complaint-02.json").out.strip()
    session = ready("counsel", "add", samples_dir / "counsel-01.json").out_lines[0]
    assert ready("visit", "close").code == 0

    result = ready("sync")  # … and the evening's sync its closing (version 2, on base 1)

    assert result.code == 0, result
    assert result.out.strip() == "pushed 3, pulled 0, pending 0, quarantined 0"
    [visit] = hub_visits(on_hub)
    assert visit["id"] == visit_id and visit["device"] == "B07A" and visit["version"] == 2
    assert (visit["date"], visit["venue"], visit["region"]) == ("2026-11-26", VENUE, REGION)
    assert visit["team"] == ["김조사관", "이변호사"]
    assert visit["opened_by"] == visit["closed_by"] == "홍길동"
    assert visit["opened_at"] < visit["closed_at"]
    assert sorted(case["receipt_no"] for case in visit["cases"]) == sorted(
        [first, second, session])
    # Synced again: nothing goes out, nothing waits.
    assert ready("sync", "--json").json() == {"pushed": 0, "pulled": 0, "pending": 0,
                                              "quarantined": 0, "files_pending": 0}
    listing = on_hub.cli("visits")
    assert listing.returncode == 0 and VENUE in listing.stdout and "3 case" in listing.stdout

"""The Korean holiday calendar behind the deadlines is the ``holidays`` package's, loaded
without importing every country's module (the desktop app's start-up path, issue 4)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import holidays

YEARS = range(2018, 2036)

_PROBE = """
import json, sys
from sync import deadlines
found = {y: sorted(d.isoformat() for d in deadlines._holidays_of(y)) for y in %r}
print(json.dumps({"countries_loaded": "holidays.countries" in sys.modules, "days": found}))
""" % (list(YEARS),)


def test_the_calendar_is_the_packages_korean_one_without_every_country() -> None:
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True,
                         check=True).stdout
    probe = json.loads(out)
    assert probe["countries_loaded"] is False
    for year in YEARS:
        expected = sorted(d.isoformat() for d in holidays.country_holidays("KR", years=year))
        assert probe["days"][str(year)] == expected, year
    assert "2026-09-25" in probe["days"]["2026"]  # 추석 연휴 (lunar), a sanity anchor


def test_importing_the_deadlines_loads_no_calendar() -> None:
    probe = "import sys; import sync.deadlines; print('holidays' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"
    assert date(2026, 1, 1) in holidays.country_holidays("KR", years=2026)

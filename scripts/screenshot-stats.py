"""The open statistics page for the README: a real hub on loopback with two buses' made-up
day (two laptops' pushes), opened in Debian's Chromium (headless, through Selenium), 900 px wide.

    .venv/bin/python scripts/screenshot-stats.py docs/images/stats.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DAY = [("경상북도 구미시", "grievance", "filed", 14), ("경상북도 구미시", "inquiry",
        "resolved_on_site", 7), ("경상북도 상주시", "suggestion", "settlement", 6),
       ("경상북도 안동시", "grievance", "filed", 3), ("전라남도 순천시", "other", "referred", 9),
       ("전라남도 여수시", "grievance", "filed", 8), ("강원특별자치도 정선군", "inquiry", "filed", 2)]


def main(out: str) -> int:
    import shots
    from sync import protocol
    from tests.hub.helpers import complaint, push, record

    with shots.running_hub(Path(tempfile.mkdtemp())) as hub:
        n, made = 0, {"B07A": [], "B08B": []}  # two buses: 경북 on one, the rest the other
        for region, kind, outcome, count in DAY:
            bus = "B07A" if region.startswith("경상북도") else "B08B"
            for _ in range(count):
                n += 1
                made[bus].append(record(f"r{n}", complaint(n, device=bus, region=region,
                                                           kind=kind, outcome=outcome)))
        for bus, records in made.items():
            push(hub.url, hub.enrol(bus, "kim")["token"], records, device=bus)
        shots.browser_shot(hub.url + protocol.STATS, out, width=900, height=1500)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/images/stats.png"))

"""The receipt's status page as a phone shows it (360 px wide), for the README: a real hub
on loopback, a made-up case taken through return, fix and forward, opened in Debian's
Chromium (headless, through Selenium).

    .venv/bin/python scripts/screenshot-status.py docs/images/status-360.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(out: str) -> int:
    import httpx

    import shots
    from sync import protocol
    from tests.hub.helpers import bearer, complaint, push, record

    with shots.running_hub(Path(tempfile.mkdtemp())) as hub:
        enrolled = hub.enrol("B07A", "kim")
        boss = hub.login("boss")
        content = complaint(1)
        number = content["receipt_no"]
        push(hub.url, enrolled["token"], [record("r1", content)])

        def step(**body) -> None:
            case = httpx.get(hub.url + protocol.CASE.format(receipt_no=number),
                             headers=bearer(boss)).json()["case"]
            httpx.post(hub.url + protocol.REVIEW.format(receipt_no=number), json=body,
                       headers={**bearer(boss), "If-Match": f'"{case["case_version"]}"'}
                       ).raise_for_status()

        step(action="return", note="주소를 확인해 주십시오.")
        push(hub.url, enrolled["token"], [record("r1", {**content, "title": "고침"}, 2, base=1)])
        step(action="approve")
        step(action="forward", agency="구미시청 도로과", epeople_no="1AA-2612-0000001")
        link = protocol.status_link(number, protocol.status_code(number, enrolled["qr_secret"]),
                                    hub.url)
        shots.browser_shot(link, out, width=360, height=1000, phone=True)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "docs/images/status-360.png"))

"""Issue 14's round trip: a receipt printed on a laptop, its QR code decoded from the
rendered PDF, opens that case's status page once the laptop has synced, and the page
shows each stage the supervisor sets. A real laptop store, a real hub on loopback, the
real PDF rendered by pdftoppm and read by a QR decoder."""

from __future__ import annotations

import httpx

from fieldbus.receipts.issue import print_complaint
from fieldbus.services import sync_link
from tests.hub.helpers import review_step
from tests.receipts.conftest import pages_as_images, qr_texts
from tests.sync.conftest import add_cases, fast
from tests.sync.conftest import make_laptop  # noqa: F401 - a fixture


def test_the_receipt_s_qr_opens_its_status_page_with_each_stage(make_laptop, hub, tmp_path):
    from types import SimpleNamespace

    hub.add_user("boss", "supervisor")
    laptop = make_laptop("B07A")
    [case] = add_cases(laptop, 1, files=False)
    printed: list[bytes] = []
    print_complaint(laptop, laptop.officer, case.receipt_no, deliver=printed.append)
    [link] = qr_texts(pages_as_images(printed[0], tmp_path)[0])
    assert link.startswith(hub.url + "/r/" + case.receipt_no + "?c=")
    assert httpx.get(link).status_code == 404  # not synced yet: the hub knows nothing
    sync_link.run(laptop, laptop.officer, **fast())
    page = httpx.get(link)
    assert page.status_code == 200 and case.receipt_no in page.text
    assert 'aria-current="step"><span class="state">진행 중' in page.text
    bus = SimpleNamespace(url=hub.url, supervisor_token=hub.login("boss"))
    for body, stage in (({"action": "return", "note": "연락처 확인"}, "보완 요청"),
                        ({"action": "reject", "note": "중복"}, "반려")):
        review_step(bus, case.receipt_no, **body)
        shown = httpx.get(link).text
        assert f"{stage} <span" in shown and body["note"] not in shown

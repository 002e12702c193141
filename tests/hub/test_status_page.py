"""The receipt's status page (issue 14 §1) against a real hub on loopback: each stage the
supervisor sets shows, with the deadline and why it moved, and nothing personal, no case
text, no supervisor note; markup from a laptop or a supervisor is shown as text; one
client past the public rate is answered 429; and in a real browser (Debian's Chromium,
headless, 360 px wide, no script) the page is read as a phone shows it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import httpx
import pytest

from sync import protocol
from tests.hub.helpers import bearer, complaint, push, record, review_step

NOTE = "주소를 확인해 주십시오 (비공개 메모)"
LATER = "2027-03-31"  # a working day within the grievance's +60 days


def _due(bus, number) -> str:
    case = httpx.get(bus.url + protocol.CASE.format(receipt_no=number),
                     headers=bearer(bus.supervisor_token)).json()["case"]
    return case["deadline_due"][:10]


def _page(bus, number):
    code = protocol.status_code(number, bus.qr_secret)
    answer = httpx.get(protocol.status_link(number, code, bus.url))
    assert answer.status_code == 200
    return answer.text


def _deadline(page: str) -> str | None:
    found = re.search(r'처리 기한 <span class="en" lang="en">Deadline</span><br>'
                      r'<span class="value">([\d-]+)</span>', page)
    return found.group(1) if found else None


def _stages(page: str) -> list[tuple[str, str]]:
    """(class, Korean name) of each stage, in order."""
    return re.findall(r'<li class="(\w+)"[^>]*>.*?</span></span><br>([^<]+?) <span', page)


def test_each_stage_the_supervisor_sets_shows_and_nothing_private(bus):
    content = complaint(1)
    push(bus.url, bus.device_token, [record("r1", content)])
    number = content["receipt_no"]
    page = _page(bus, number)
    assert _stages(page) == [("done", "접수"), ("now", "검토"), ("todo", "기관 이송"),
                             ("todo", "처리 완료")]
    assert 'aria-current="step"' in page and _deadline(page) == _due(bus, number)
    assert "늦춰졌습니다" not in page and "연장" not in page

    review_step(bus, number, action="return", note=NOTE)
    page = _page(bus, number)
    assert ("now", "보완 요청") in _stages(page)
    assert "멈춰 있습니다" in page  # the clock stops while the citizen's changes are awaited
    push(bus.url, bus.device_token, [record("r1", {**content, "title": "고침"}, 2, base=1)])
    page = _page(bus, number)
    assert ("done", "보완 요청") in _stages(page) and ("done", "보완됨") in _stages(page)
    assert "늦춰졌습니다" in page and _deadline(page) == _due(bus, number)

    review_step(bus, number, action="extend", new_deadline=LATER, note="현장 확인 필요")
    page = _page(bus, number)
    assert _deadline(page) == LATER and "연장되었습니다 (1회)" in page
    review_step(bus, number, action="approve")
    review_step(bus, number, action="forward", agency="구미시청 <b>도로과</b>",
          epeople_no="1AA-2612-0000001")
    page = _page(bus, number)
    assert ("now", "기관 이송") in _stages(page)
    assert "구미시청 &lt;b&gt;도로과&lt;/b&gt;" in page and "<b>" not in page
    assert "1AA-2612-0000001" in page
    review_step(bus, number, action="close", note="회신 완료", answered_on="2026-12-01")
    page = _page(bus, number)
    assert _stages(page)[-1] == ("done", "처리 완료") and "2026-12-01" in page
    assert _deadline(page) is None  # finished: no deadline to keep
    for private in ("김영수", "010-2345-6789", "단계동길", content["title"], "고침",
                    content["body"], NOTE, "현장 확인 필요", "회신 완료", "boss"):
        assert private not in page


def test_a_rejected_case_says_so_and_where_to_ask(bus):
    content = complaint(2)
    push(bus.url, bus.device_token, [record("r2", content)])
    review_step(bus, content["receipt_no"], action="reject", note="중복 민원 (비공개)")
    page = _page(bus, content["receipt_no"])
    assert _stages(page)[-1] == ("done", "반려") and "110" in page
    assert "중복 민원" not in page


def test_one_client_past_the_public_rate_is_answered_429(bus, hub):
    hub.stop()
    hub.start("--public-rate", "5/minute")
    content = complaint(3)
    push(bus.url, bus.device_token, [record("r3", content)])
    link = protocol.status_link(content["receipt_no"],
                                protocol.status_code(content["receipt_no"], bus.qr_secret),
                                bus.url)
    answers = [httpx.get(link) for _ in range(6)]
    assert [a.status_code for a in answers] == [200] * 5 + [429]
    assert int(answers[-1].headers["Retry-After"]) >= 1
    assert "다시" in answers[-1].text
    # Walking receipt numbers gets no further: the limit counts 404s too.
    assert httpx.get(bus.url + "/r/B07A-261126-0999-Z?c=AAAAAAAAAA").status_code == 429
    # The sync API is not the public pages: it still answers.
    assert httpx.get(bus.url + protocol.ROOT).status_code == 200


def test_bad_input_is_a_404_never_a_500(bus):
    for path in ("/r/" + "A" * 41, "/r/%00", "/r/<script>", "/r/B07A-261126-0001-H?c=" + "x" * 41,
                 "/r/B07A-261126-0001-H?c=%3Cscript%3E", "/r/'%20OR%201=1--?c=1"):
        answer = httpx.get(bus.url + path)
        assert answer.status_code in (404, 422), (path, answer.status_code)
        assert "<script>" not in answer.text


CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture
def browser():
    if not (CHROMIUM and CHROMEDRIVER):
        pytest.fail("Debian's chromium and chromium-driver are needed (scripts/test.sh "
                    "installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--window-size=360,800", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    # A phone's width: the page's layout, not a desktop's, is what is looked at.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # to see CSP refusals
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": 360, "height": 800, "pixelRatio": 2}})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def test_the_page_in_a_real_browser_at_phone_width(bus, browser, tmp_path):
    content = complaint(4)
    push(bus.url, bus.device_token, [record("r4", content)])
    number = content["receipt_no"]
    review_step(bus, number, action="approve")
    review_step(bus, number, action="forward", agency="구미시청", epeople_no="1AA-2612-0000002")
    browser.get(protocol.status_link(number, protocol.status_code(number, bus.qr_secret),
                                     bus.url))
    from selenium.webdriver.common.by import By

    text = browser.find_element(By.TAG_NAME, "main").text
    assert "민원 진행 상황" in text and "Complaint status" in text
    assert "1AA-2612-0000002" in text and "김영수" not in text
    # The style the Content-Security-Policy allows by its hash is applied …
    done = browser.find_element(By.CSS_SELECTOR, "li.done")
    assert done.value_of_css_property("border-left-color") == "rgba(31, 95, 168, 1)"
    # … and nothing is wider than the phone.
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 360
    current = browser.find_elements(By.CSS_SELECTOR, '[aria-current="step"]')
    assert [c.text.splitlines()[1] for c in current] == ["기관 이송 Sent to the agency"]
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ko"
    shot = Path(tmp_path) / "status-360.png"
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 5_000
    browser.get(bus.url + f"/r/{number}?c=AAAAAAAAAA")
    assert "맞지 않습니다" in browser.find_element(By.TAG_NAME, "main").text

"""Open311 GeoReport v2, read-only (issue 14 §3), against a real hub on loopback, read by
our own requests and by an off-the-shelf client from PyPI (``georeport``) in both formats:
the spec's fields, filters and defaults, W3C dates and error format; no personal data, no
description for a private case, no report or counsel session at all; bad input a 4xx in
the spec's format, never a 500, never reflected unescaped."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import httpx
import pytest
from georeport import GeoReport

from sync import protocol
from tests.hub.helpers import complaint, counsel, number, push, record, review_step

W3C = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$")
FIELDS = {"service_request_id", "status", "status_notes", "service_name", "service_code",
          "description", "agency_responsible", "service_notice", "requested_datetime",
          "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
          "lat", "long", "media_url"}
PRIVATE = ("김영수", "010-2345-6789", "단계동길", "39140", "비만 오면 진흙탕", "상담 메모",
           "비공개 메모", "boss")


@pytest.fixture
def cases(bus):
    """A public grievance (forwarded), a private inquiry (closed), a report, a counsel
    session, and a grievance from 100 days ago."""
    made = {
        "public": complaint(1, disclosure="public", region="경상북도 구미시 선산읍 단계동"),
        "private": complaint(2, kind="inquiry"),
        "report": complaint(3, kind="report", disclosure="public"),
        "old": complaint(4, received_at="2026-08-20T10:00:00+09:00",
                         receipt_no=number("B07A", 4, day="260820")),
    }
    push(bus.url, bus.device_token, [record(f"r{n}", c) for n, c in enumerate(made.values())]
         + [record("c1", counsel(1), type="counsel")])
    for receipt_no, steps in ((made["public"]["receipt_no"],
                           ({"action": "approve", "note": "비공개 메모"},
                            {"action": "forward", "agency": "구미시청 <b>도로과</b>"})),
                          (made["private"]["receipt_no"],
                           ({"action": "approve"},
                            {"action": "close", "note": "비공개 메모",
                             "answered_on": "2026-12-01"}))):
        for body in steps:
            review_step(bus, receipt_no, **body)
    return {key: c["receipt_no"] for key, c in made.items()}


def _get(bus, path, **params):
    return httpx.get(bus.url + protocol.OPEN311 + path, params=params)


def test_services_in_both_formats(bus):
    listed = _get(bus, "/services.json").json()
    assert [s["service_code"] for s in listed] == ["grievance", "inquiry", "suggestion",
                                                   "passive_admin", "other"]
    assert all(s["metadata"] is False and s["type"] == "batch" for s in listed)
    root = ET.fromstring(_get(bus, "/services.xml", jurisdiction_id="fieldbus").content)
    assert root.tag == "services"
    assert [s.findtext("service_code") for s in root] == [s["service_code"] for s in listed]
    assert root[0].findtext("metadata") == "false"
    assert _get(bus, "/services/grievance.json").json() == {"service_code": "grievance",
                                                            "attributes": []}
    assert ET.fromstring(_get(bus, "/services/grievance.xml").content).tag == \
        "service_definition"


def test_requests_say_nothing_private_and_leave_reports_and_counsel_out(bus, cases):
    answer = _get(bus, "/requests.json")
    assert answer.status_code == 200
    listed = {r["service_request_id"]: r for r in answer.json()}
    assert set(listed) == {cases["public"], cases["private"]}  # not the report, not 100 days
    for entry in listed.values():
        assert set(entry) == FIELDS
        assert W3C.match(entry["requested_datetime"]) and W3C.match(entry["updated_datetime"])
    public, private = listed[cases["public"]], listed[cases["private"]]
    assert public["description"] == "마을 진입로 포장 요청 1" and private["description"] is None
    assert public["address"] == "경상북도 구미시"
    assert public["status"] == "open" and W3C.match(public["expected_datetime"])
    assert public["agency_responsible"] == "구미시청 <b>도로과</b>"  # JSON: data, not markup
    assert public["status_notes"] == "처리 기관에 전달되어 처리 중입니다."
    assert private["status"] == "closed" and private["expected_datetime"] is None
    for text in (answer.text, _get(bus, "/requests.xml").text):
        for secret in PRIVATE:
            assert secret not in text
    xml = _get(bus, "/requests.xml").text
    assert "&lt;b&gt;도로과&lt;/b&gt;" in xml and "<b>" not in xml
    for hidden in (cases["report"], "B07A-261126-5001"):
        assert _get(bus, f"/requests/{hidden}.json").status_code == 404


def test_the_filters_and_defaults_of_the_spec(bus, cases):
    ids = ",".join([cases["public"], cases["old"], cases["report"]])
    by_id = _get(bus, "/requests.json", service_request_id=ids, status="closed")
    assert sorted(r["service_request_id"] for r in by_id.json()) == \
        sorted([cases["public"], cases["old"]])  # ids override status and the 90 days
    assert [r["service_request_id"] for r in _get(bus, "/requests.json",
                                                  service_code="inquiry").json()] == \
        [cases["private"]]
    assert [r["service_request_id"] for r in _get(bus, "/requests.json",
                                                  status="closed").json()] == [cases["private"]]
    old = _get(bus, "/requests.json", start_date="2026-08-01T00:00:00+09:00",
               end_date="2026-09-01T00:00:00Z").json()
    assert [r["service_request_id"] for r in old] == [cases["old"]]
    assert _get(bus, "/requests.json", start_date="2026-01-01",
                end_date="2026-12-31").status_code == 400  # more than 90 days
    one = _get(bus, f"/requests/{cases['public']}.json").json()
    assert [r["service_request_id"] for r in one] == [cases["public"]]
    item = ET.fromstring(_get(bus, f"/requests/{cases['public']}.xml").content)
    assert item.tag == "service_requests" and item[0].tag == "request"
    assert item[0].findtext("service_request_id") == cases["public"]


def test_an_off_the_shelf_open311_client_reads_it(bus, cases):
    for output in ("json", "xml"):
        client = GeoReport(bus.url + protocol.OPEN311, jurisdiction="fieldbus",
                           output_format=output)
        codes = [s["service_code"] for s in client.get_service_list()]
        assert codes[0] == "grievance" and len(codes) == 5
        assert client.get_service_definition("inquiry")["service_code"] == "inquiry"
        case = client.get_service_request(cases["public"])
        assert case["service_request_id"] == cases["public"]
        assert case["status"] == "open" and case["service_code"] == "grievance"
        listed = client.get_service_requests(status="open")
        listed = listed if isinstance(listed, list) else [listed]
        assert [r["service_request_id"] for r in listed] == [cases["public"]]


@pytest.mark.parametrize("path, params", [
    ("/requests.json", {"start_date": "yesterday"}),
    ("/requests.xml", {"end_date": "2026-13-45"}),
    ("/requests.json", {"service_code": "<script>alert(1)</script>"}),
    ("/requests.json", {"status": "pending"}),
    ("/requests.json", {"service_request_id": "x" * 5000}),
    ("/requests.xml", {"service_request_id": ",".join(["a"] * 101)}),
    ("/services/nothing.json", {}),
    ("/services.csv", {}),
    ("/requests/'%20OR%201=1--.json", {}),
    ("/nowhere.xml", {}),
])
def test_bad_input_is_answered_in_the_spec_error_format(bus, path, params):
    answer = _get(bus, path, **params)
    assert 400 <= answer.status_code < 500, answer.text
    assert "<script>" not in answer.text
    if path.endswith(".xml"):
        root = ET.fromstring(answer.content)
        assert root.tag == "errors" and root[0].findtext("code") == str(answer.status_code)
    else:
        [error] = answer.json()
        assert error["code"] == answer.status_code and error["description"]


def test_sql_in_an_id_finds_nothing(bus, cases):
    answer = _get(bus, "/requests.json", service_request_id="' OR '1'='1")
    assert answer.status_code == 200 and answer.json() == []

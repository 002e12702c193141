"""Open311 GeoReport v2, read-only, under ``/open311/v2/`` (issue 14 §3): the hub's cases
as other civic systems read service requests, so that an existing Open311 client works
unchanged.

Followed to the letter of the specification (wiki.open311.org/GeoReport_v2):
``services.{json|xml}`` (one service per complaint kind), ``services/{code}.{fmt}`` (the
service definition: none has extra attributes, ``metadata`` is false), ``requests.{fmt}``
with ``service_request_id`` (a comma list; it overrides every other filter),
``service_code``, ``start_date``, ``end_date`` and ``status`` (``open``/``closed``, comma
lists), the 90-day window and 1,000 results by default, ``jurisdiction_id`` accepted;
``requests/{id}.{fmt}`` where the id is the receipt number. Dates are W3C
(``2026-11-26T10:00:00+09:00``, the centre's time zone). Errors are the specification's:
a list of ``{"code", "description"}`` (``<errors><error>`` in XML) with the HTTP status.

What is public and what is not:

* no petitioner, no handler, no note, ever; ``address`` at most the 시·군·구 (the region's
  first two words); no coordinates (the laptops take none);
* ``description`` only for a case the citizen made public (``disclosure`` ``public``), and
  then its title only — the text may still name people;
* public-interest reports (``report``, or sealed by the hub) and counsel sessions never
  appear: a report's place and time may identify the reporter;
* ``status_notes`` in the workflow's own generic words, never the supervisor's note;
  ``agency_responsible`` the agency it was forwarded to, else the one it concerns;
  ``expected_datetime`` the statutory deadline as it stands; ``service_request_id`` the
  receipt number.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from sync.deadlines import KST
from sync.hub.db import reader
from sync.hub.migrations import case_events, records, sealed_records

FORMATS = ("json", "xml")
#: One service per complaint kind a citizen may see here (not ``report``: see above).
SERVICES = {
    "grievance": ("고충민원", "행정기관의 위법·부당한 처분이나 불합리한 제도로 인한 고충"),
    "inquiry": ("질의", "법령·제도·절차에 관한 설명이나 해석의 요구"),
    "suggestion": ("건의", "정책·제도의 개선을 요구하는 제안"),
    "passive_admin": ("소극행정 신고", "공무원의 소극적 업무 처리로 인한 불편의 신고"),
    "other": ("기타", "그 밖의 민원"),
}
GROUP = "이동신문고"
DEFAULT_DAYS = 90
MAX_RESULTS = 1000
MAX_IDS = 100
#: The workflow's states in words fit for anyone (never the supervisor's note).
NOTES = {"received": "접수되어 검토 중입니다.", "has_issues": "민원인에게 보완을 요청했습니다.",
         "edited": "보완된 내용을 검토 중입니다.", "approved": "검토를 마치고 처리 기관에 전달할 예정입니다.",
         "forwarded": "처리 기관에 전달되어 처리 중입니다.", "rejected": "처리하지 않기로 결정되었습니다.",
         "closed": "처리가 끝났습니다."}
CLOSED = ("rejected", "closed")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class Open311Error(Exception):
    """An answer in the specification's error format: ``status`` and one description,
    which never repeats the input (it may be markup, or a citizen's data)."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


@dataclass(frozen=True)
class Query:
    ids: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    start: _dt.datetime | None = None
    end: _dt.datetime | None = None
    statuses: tuple[str, ...] = ()


def _list(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(",") if part.strip())


def _when(value: str | None, name: str) -> _dt.datetime | None:
    """A W3C date or date-time; a date alone is the start of that day in the centre's
    time zone, a time without a zone is the centre's."""
    if not value:
        return None
    try:
        moment = _dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise Open311Error(400, f"{name} is not a W3C date-time "
                           "(e.g. 2026-11-26T10:00:00+09:00)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=KST)


def query(service_request_id: str | None, service_code: str | None, start_date: str | None,
          end_date: str | None, status: str | None) -> Query:
    """The ``requests`` parameters checked (400 in the spec's format when one is wrong)."""
    ids = _list(service_request_id)
    if len(ids) > MAX_IDS:
        raise Open311Error(400, f"at most {MAX_IDS} service_request_id at once")
    codes = _list(service_code)
    unknown = [c for c in codes if c not in SERVICES]
    if unknown:
        raise Open311Error(400, "an unknown service_code (services.json lists them)")
    statuses = _list(status)
    if any(s not in ("open", "closed") for s in statuses):
        raise Open311Error(400, "status is open, closed, or both (comma-separated)")
    return Query(ids, codes, _when(start_date, "start_date"), _when(end_date, "end_date"),
                 statuses)


def w3c(value: Any) -> str | None:
    """A stored time (or date) as W3C in the centre's time zone."""
    if not value:
        return None
    text = str(value)
    try:
        moment = _dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if len(text) <= 10:
        moment = _dt.datetime.combine(moment.date(), _dt.time(0), tzinfo=KST)
    elif moment.tzinfo is None:
        moment = moment.replace(tzinfo=KST)
    return moment.astimezone(KST).isoformat(timespec="seconds")


def services() -> list[dict[str, Any]]:
    return [{"service_code": code, "service_name": name, "description": description,
             "metadata": False, "type": "batch", "keywords": "민원", "group": GROUP}
            for code, (name, description) in SERVICES.items()]


def definition(code: str) -> dict[str, Any]:
    if code not in SERVICES:
        raise Open311Error(404, "no such service (services.json lists them)")
    return {"service_code": code, "attributes": []}


def _public() -> sa.Select:
    """Complaints that may appear: of a public kind (so never a report), not sealed."""
    return (sa.select(records.c.id, records.c.receipt_no, records.c.kind, records.c.region,
                      records.c.title, records.c.review_state, records.c.deadline_due,
                      records.c.received_at, records.c.synced_at, records.c.agency,
                      records.c.content)
            .select_from(records.outerjoin(sealed_records,
                                           sealed_records.c.record_id == records.c.id))
            .where(records.c.type == "complaint", records.c.receipt_no.is_not(None),
                   records.c.kind.in_(list(SERVICES)), sealed_records.c.record_id.is_(None)))


def _kst(moment: _dt.datetime) -> str:
    return moment.astimezone(KST).isoformat()


def requests(engine: sa.Engine, wanted: Query, *,
             now: _dt.datetime | None = None) -> list[dict[str, Any]]:
    """The service requests ``wanted`` names, newest first (see the module)."""
    with reader(engine).connect() as conn:
        select = _public()
        if wanted.ids:
            select = select.where(records.c.receipt_no.in_(wanted.ids))
        else:
            # Without dates, the last 90 days; with one, 90 days from or up to it.
            end = wanted.end or (wanted.start + _dt.timedelta(days=DEFAULT_DAYS)
                                 if wanted.start else now or _dt.datetime.now(KST))
            start = wanted.start or end - _dt.timedelta(days=DEFAULT_DAYS)
            if start > end:
                raise Open311Error(400, "start_date is after end_date")
            if end - start > _dt.timedelta(days=DEFAULT_DAYS):
                raise Open311Error(400, f"a range may not span more than {DEFAULT_DAYS} days")
            select = select.where(records.c.received_at >= _kst(start),
                                  records.c.received_at <= _kst(end))
            if wanted.codes:
                select = select.where(records.c.kind.in_(wanted.codes))
            if wanted.statuses and set(wanted.statuses) != {"open", "closed"}:
                finished = records.c.review_state.in_(CLOSED)
                select = select.where(finished if wanted.statuses == ("closed",)
                                      else sa.or_(records.c.review_state.is_(None),
                                                  ~finished))
        rows = conn.execute(select.order_by(records.c.received_at.desc())
                            .limit(MAX_RESULTS)).all()
        updated = dict(conn.execute(
            sa.select(case_events.c.record_id, sa.func.max(case_events.c.at))
            .where(case_events.c.record_id.in_([r.id for r in rows]))
            .group_by(case_events.c.record_id)).all()) if rows else {}
    return [_request(row, updated.get(row.id)) for row in rows]


def _town(region: str | None) -> str | None:
    """At most the 시·군·구: ``경상북도 구미시 선산읍`` → ``경상북도 구미시``."""
    return " ".join((region or "").split()[:2]) or None


def _request(row: Any, last_event: str | None) -> dict[str, Any]:
    content = json.loads(row.content)
    public = content.get("disclosure") == "public"
    state = row.review_state or "received"
    return {
        "service_request_id": row.receipt_no,
        "status": "closed" if state in CLOSED else "open",
        "status_notes": NOTES.get(state),
        "service_name": SERVICES[row.kind][0],
        "service_code": row.kind,
        "description": row.title if public else None,
        "agency_responsible": row.agency or content.get("agency"),
        "service_notice": None,
        "requested_datetime": w3c(row.received_at),
        "updated_datetime": w3c(max(filter(None, (last_event, row.synced_at)))),
        "expected_datetime": None if state in CLOSED else w3c(row.deadline_due),
        "address": _town(row.region),
        "address_id": None, "zipcode": None, "lat": None, "long": None, "media_url": None,
    }


def one(engine: sa.Engine, receipt_no: str) -> list[dict[str, Any]]:
    found = requests(engine, Query(ids=(receipt_no,)))
    if not found:
        raise Open311Error(404, "no such service request")
    return found


# -- formats --------------------------------------------------------------------------

def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _CONTROLS.sub("", str(value))


def _element(parent: ET.Element, tag: str, fields: dict[str, Any]) -> None:
    item = ET.SubElement(parent, tag)
    for key, value in fields.items():
        child = ET.SubElement(item, key)
        if isinstance(value, list):
            for entry in value:
                _element(child, "attribute", entry)
        elif value is not None:
            child.text = _text(value)


def as_xml(root: str, item: str, entries: list[dict[str, Any]]) -> bytes:
    """The specification's XML: ``<root><item>…</item>…</root>``."""
    top = ET.Element(root)
    for entry in entries:
        _element(top, item, entry)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(top, encoding="utf-8")


def xml_definition(entry: dict[str, Any]) -> bytes:
    top = ET.Element("service_definition")
    ET.SubElement(top, "service_code").text = entry["service_code"]
    ET.SubElement(top, "attributes")
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(top, encoding="utf-8")


def errors(error: Open311Error) -> tuple[list[dict[str, Any]], bytes]:
    """The error in both formats."""
    entries = [{"code": error.status, "description": error.description}]
    return entries, as_xml("errors", "error", entries)

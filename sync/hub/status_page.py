"""The public page a receipt's QR code opens: how the case is going, and nothing personal.

Only the holder of the receipt knows the code (an HMAC of the number keyed by the
laptop's secret, see ``sync.protocol.status_code``). An unknown number, a wrong code and a
missing code get the very same 404 page, so the numbers cannot be walked through.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json

import sqlalchemy as sa

from sync import protocol
from sync.hub.db import reader
from sync.hub.migrations import devices, records

KINDS = {"inquiry": "질의", "suggestion": "건의", "grievance": "고충민원", "report": "신고",
         "passive_admin": "소극행정 신고", "other": "기타"}
STATUSES = {"received": "접수", "resolved": "현장 해결", "referred": "안내(이송)",
            "forwarded": "기관 이송", "closed": "종결"}
REVIEWS = {"received": "접수됨", "has_issues": "보완 요청", "edited": "보완됨",
           "approved": "검토 완료", "rejected": "반려", "forwarded": "기관 이송",
           "closed": "처리 완료"}

#: The page's only style. The hub's Content-Security-Policy allows it by this hash, and
#: nothing else: no script (the page has none), no other style, image or frame.
STYLE = ("body{font-family:sans-serif;max-width:32em;margin:2em auto;padding:0 1em}\n"
         "dt{font-weight:bold;margin-top:.6em}")
STYLE_SHA256 = base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()

_PAGE = """<!doctype html>
<html lang="ko"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<style>""" + STYLE.replace("{", "{{").replace("}", "}}") + """</style></head>
<body><h1>{title}</h1>{body}</body></html>
"""

NOT_FOUND = _PAGE.format(
    title="민원 진행 상황", body="<p>접수번호나 확인 코드가 맞지 않습니다. 접수증의 QR 코드를 "
    "다시 찍거나 110 정부민원안내콜센터에 문의해 주십시오.</p>")


def _day(value: object) -> str:
    return str(value)[:10] if value else "—"


def render(engine: sa.Engine, receipt_no: str, code: str | None) -> str | None:
    """The page's HTML, or None (→ the same 404 for every failure)."""
    if not code or len(receipt_no) > 40 or len(code) > 40:
        return None
    with reader(engine).connect() as conn:
        row = conn.execute(
            sa.select(records.c.content, records.c.status, records.c.review_state,
                      records.c.deadline_due, devices.c.qr_secret)
            .select_from(records.join(devices, records.c.device_id == devices.c.id))
            .where(records.c.receipt_no == receipt_no, records.c.type == "complaint")).first()
    if row is None or not protocol.status_code_matches(receipt_no, code, row.qr_secret):
        return None
    content = json.loads(row.content)
    status = row.status or content.get("status")
    items = [("접수번호", receipt_no),
             ("종류", KINDS.get(content.get("kind"), "민원")),
             ("접수일", _day(content.get("received_at"))),
             ("처리 상태", STATUSES.get(status, status or "—")),
             ("검토", REVIEWS.get(row.review_state, row.review_state)),
             # as it stands: moved at the centre by a supplement's pause or an extension
             ("처리 기한", _day(row.deadline_due or content.get("deadline")))]
    body = "<dl>" + "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(str(v))}</dd>"
                            for k, v in items) + "</dl>"
    return _PAGE.format(title="민원 진행 상황", body=body)

"""The public page a receipt's QR code opens: how the case is going, and nothing personal
(issue 14 §1).

Only the holder of the receipt knows the code (an HMAC of the number keyed by the
laptop's secret, see ``sync.protocol.status_code``). An unknown number, a wrong code and a
missing code get the very same 404 page, so the numbers cannot be walked through.

What the page says: the case's stages as a timeline (접수 → 검토 → 보완 요청/보완됨 →
이송 or 기관 이송 with the e-People 신청번호 → 처리 완료, or 반려), each with its date;
the agency that must answer; the statutory deadline as it stands and, when it moved, why
(an extension, the pause while the citizen's changes were awaited) — in the workflow's
own words, never the supervisor's note; the last update's date; and how to ask (110,
e-People). Never the case's title or text, the petitioner, the handler's name or any
note. Korean first with English beside it; plain HTML that a screen reader follows (an
ordered list, the current stage marked ``aria-current``), no script, one style allowed
by its hash (:mod:`sync.hub.guards`), readable on a phone 360 px wide.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from sync import protocol
from sync.deadlines import KST
from sync.hub.db import reader
from sync.hub.migrations import case_events, devices, records

KINDS = {"inquiry": ("질의", "Inquiry"), "suggestion": ("건의", "Suggestion"),
         "grievance": ("고충민원", "Grievance"), "report": ("신고", "Report"),
         "passive_admin": ("소극행정 신고", "Passive-administration report"),
         "other": ("기타", "Other")}

#: The page's only style. The hub's Content-Security-Policy allows it by this hash, and
#: nothing else: no script (the page has none), no other style, image or frame.
STYLE = (
    "body{font-family:\"Noto Sans KR\",\"Malgun Gothic\",\"Apple SD Gothic Neo\","
    "NanumGothic,sans-serif;max-width:34em;margin:1.5em auto;padding:0 1em;"
    "line-height:1.5;color:#1a1a1a}\n"
    "h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.4em}\n"
    ".en{color:#555;font-size:.9em}\n"
    "dt{font-weight:bold;margin-top:.6em}dd{margin-left:0}\n"
    "ol{list-style:none;padding:0;margin:0}\n"
    "li{border-left:4px solid #ccc;padding:.3em 0 .6em .8em;margin:0}\n"
    "li.done{border-color:#1f5fa8}li.now{border-color:#b35c00;background:#fff6e5}\n"
    "li.todo{color:#666}.when{display:block;font-size:.9em}.line{display:block}\n"
    ".state{font-size:.85em;font-weight:bold}.value{font-weight:bold}\n"
    "a{color:#1f5fa8}")
STYLE_SHA256 = base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()

_PAGE = """<!doctype html>
<html lang="ko"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<style>""" + STYLE.replace("{", "{{").replace("}", "}}") + """</style></head>
<body><main><h1>민원 진행 상황 <span class="en" lang="en">Complaint status</span></h1>
{body}</main></body></html>
"""

_ASK = ("<h2>문의 <span class=\"en\" lang=\"en\">Questions</span></h2>"
        "<p>정부민원안내콜센터 <a href=\"tel:110\">110</a> · 국민신문고 "
        "<a href=\"https://www.epeople.go.kr\">www.epeople.go.kr</a>{number}<br>"
        "<span class=\"en\" lang=\"en\">Government call centre 110 (Korean, English and "
        "other languages) · e-People, the national complaint portal</span></p>")

NOT_FOUND = _PAGE.format(
    title="민원 진행 상황", body="<p>접수번호나 확인 코드가 맞지 않습니다. 접수증의 QR 코드를 "
    "다시 찍거나 110 정부민원안내콜센터에 문의해 주십시오.<br><span class=\"en\" lang=\"en\">"
    "The receipt number or its code does not match. Scan the receipt's QR code again, or "
    "call the government call centre on 110.</span></p>" + _ASK.format(number=""))

TOO_MANY = _PAGE.format(
    title="민원 진행 상황", body="<p>잠시 뒤에 다시 열어 주십시오.<br><span class=\"en\" "
    "lang=\"en\">Too many requests: please try again in a minute.</span></p>")


@dataclass(frozen=True)
class Stage:
    ko: str
    en: str
    state: str                 # "done", "now" or "todo"
    when: str | None = None
    #: lines under it: (Korean, English, a value to show on its own line or None)
    lines: tuple[tuple[str, str, str | None], ...] = ()


_STATE_WORDS = {"done": ("완료", "done"), "now": ("진행 중", "in progress"),
                "todo": ("예정", "to come")}


def _day(value: Any) -> str | None:
    """A stored time as the centre's calendar day (KST), or None."""
    if not value:
        return None
    text = str(value)
    if len(text) <= 10:
        return text
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text[:10]
    return (moment.astimezone(KST) if moment.tzinfo else moment).date().isoformat()


def _last(events: list[Any], *actions: str) -> Any | None:
    found = [e for e in events if e.action in actions]
    return found[-1] if found else None


def stages(row: Any, content: dict[str, Any], events: list[Any]) -> list[Stage]:
    """The case's timeline from its workflow columns and history (see the module)."""
    state = row.review_state or "received"
    done_review = state not in ("received",)
    out = [Stage("접수", "Received", "done", _day(content.get("received_at"))),
           Stage("검토", "Under review", "done" if done_review else "now",
                 _day(row.synced_at))]
    returned = _last(events, "return")
    if returned is not None:
        fixed = [e for e in events if e.action == "edited" and e.id > returned.id]
        out.append(Stage("보완 요청", "Changes requested",
                         "now" if state == "has_issues" else "done", _day(returned.at),
                         (("접수증의 연락처로 안내를 받으셨다면 보완해 주십시오.",
                           "If you were asked for more information, please provide it.",
                           None),)
                         if state == "has_issues" else ()))
        if fixed:
            out.append(Stage("보완됨", "Changes received", "done", _day(fixed[-1].at)))
    if state == "rejected":
        rejected = _last(events, "reject")
        out.append(Stage("반려", "Not accepted", "done",
                         _day(rejected.at) if rejected is not None else None,
                         (("자세한 사유는 110으로 문의해 주십시오.", "Call 110 to ask why.",
                           None),)))
        return out
    lines: list[tuple[str, str, str | None]] = []
    if row.agency:
        lines.append(("처리 기관", "Agency", row.agency))
    if row.epeople_no:
        lines.append(("국민신문고 신청번호", "e-People application number", row.epeople_no))
    moved = row.forwarded_at or row.transferred_at
    transferred = row.transferred_at is not None
    out.append(Stage("이송" if transferred else "기관 이송",
                     "Transferred" if transferred else "Sent to the agency",
                     "done" if state == "closed" else "now" if moved else "todo",
                     _day(row.transferred_at or row.forwarded_at), tuple(lines)))
    out.append(Stage("처리 완료", "Completed", "done" if state == "closed" else "todo",
                     _day(row.answered_on or row.closed_at)))
    return out


def deadline_lines(row: Any, content: dict[str, Any],
                   events: list[Any]) -> list[tuple[str, str, str | None]]:
    """The deadline as it stands, and why it moved: an extension, or the pause while the
    citizen's changes were awaited (a return followed by the fix)."""
    due = _day(row.deadline_due or content.get("deadline"))
    if due is None or row.review_state in ("rejected", "closed"):
        return []
    lines: list[tuple[str, str, str | None]] = [("처리 기한", "Deadline", due)]
    if row.paused_at:
        lines.append(("보완을 기다리는 동안 처리 기간이 멈춰 있습니다.",
                      "The period is paused while the changes are awaited.", None))
    if row.extensions:
        lines.append((f"처리 기간이 연장되었습니다 ({row.extensions}회).",
                      f"The period was extended ({row.extensions}×).", None))
    returned = _last(events, "return")
    if returned is not None and not row.paused_at and any(
            e.action == "edited" and e.id > returned.id for e in events):
        lines.append(("보완에 걸린 기간만큼 기한이 늦춰졌습니다.",
                      "Moved by the time the changes took.", None))
    return lines


def _pair(ko: str, en: str) -> str:
    return f"{html.escape(ko)} <span class=\"en\" lang=\"en\">{html.escape(en)}</span>"


def _line(ko: str, en: str, value: str | None) -> str:
    """A label in both languages, its value (a date, an agency, a number) below it."""
    shown = f'<br><span class="value">{html.escape(value)}</span>' if value else ""
    return _pair(ko, en) + shown


def _render_stage(stage: Stage) -> str:
    ko, en = _STATE_WORDS[stage.state]
    current = ' aria-current="step"' if stage.state == "now" else ""
    when = f'<span class="when">{html.escape(stage.when)}</span>' if stage.when else ""
    lines = "".join(f'<span class="line">{_line(*line)}</span>' for line in stage.lines)
    return (f'<li class="{stage.state}"{current}><span class="state">{ko} · '
            f'<span lang="en">{en}</span></span><br>{_pair(stage.ko, stage.en)}{when}'
            f"{lines}</li>")


def render(engine: sa.Engine, receipt_no: str, code: str | None) -> str | None:
    """The page's HTML, or None (→ the same 404 for every failure)."""
    if not code or len(receipt_no) > 40 or len(code) > 40:
        return None
    with reader(engine).connect() as conn:
        row = conn.execute(
            sa.select(records, devices.c.qr_secret)
            .select_from(records.join(devices, records.c.device_id == devices.c.id))
            .where(records.c.receipt_no == receipt_no, records.c.type == "complaint")).first()
        if row is None or not protocol.status_code_matches(receipt_no, code, row.qr_secret):
            return None
        events = conn.execute(
            sa.select(case_events.c.id, case_events.c.at, case_events.c.action)
            .where(case_events.c.record_id == row.id).order_by(case_events.c.id)).all()
    content = json.loads(row.content)
    kind = KINDS.get(content.get("kind"), ("민원", "Complaint"))
    updated = _day(max([e.at for e in events] + [row.synced_at]))
    facts = [(_pair("접수번호", "Receipt number"), html.escape(receipt_no)),
             (_pair("종류", "Kind"), _pair(*kind)),
             (_pair("최근 변경", "Last update"), html.escape(updated or "—"))]
    items = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in facts)
    deadline = "".join(f"<p>{_line(*line)}</p>"
                       for line in deadline_lines(row, content, events))
    timeline = "".join(_render_stage(stage) for stage in stages(row, content, events))
    number = f" (신청번호 {html.escape(row.epeople_no)})" if row.epeople_no else ""
    body = (f"<dl>{items}</dl>{deadline}"
            f"<h2>진행 단계 <span class=\"en\" lang=\"en\">Stages</span></h2>"
            f"<ol aria-label=\"진행 단계 Stages\">{timeline}</ol>" + _ASK.format(number=number))
    return _PAGE.format(title=f"민원 진행 상황 {html.escape(receipt_no)}", body=body)

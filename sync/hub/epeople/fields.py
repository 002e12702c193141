"""A case as e-People's registration form asks for it (the fields an operator types in,
and what an API would take). The Korean labels are the form's; one place, as data."""

from __future__ import annotations

import json
from typing import Any

#: (key, the registration form's label), in the form's order.
FIELDS: tuple[tuple[str, str], ...] = (
    ("receipt_no", "이동신문고 접수번호"),
    ("applicant_type", "신청인 구분"),
    ("name", "성명"),
    ("phone", "연락처"),
    ("address", "주소"),
    ("region", "민원 발생 지역"),
    ("kind", "민원 종류"),
    ("title", "제목"),
    ("body", "내용"),
    ("disclosure", "공개 여부"),
    ("notify_by", "통지 방식"),
    ("agency", "처리 기관"),
    ("attachments", "첨부"),
)
APPLICANT_TYPES = {"individual": "개인", "organisation": "법인·단체", "corporation": "법인·단체"}
KINDS = {"grievance": "고충민원", "inquiry": "질의민원", "suggestion": "건의민원",
         "report": "신고", "passive_admin": "소극행정 신고", "other": "기타민원"}
DISCLOSURE = {"public": "공개", "private": "비공개"}
NOTIFY = {"sms": "문자", "email": "전자우편", "post": "우편"}


def registration(row: Any) -> dict[str, Any]:
    """The registration fields of the case ``row`` (a ``records`` row). The petitioner is
    the case's own: a public-interest reporter's identity goes to e-People as the law's
    channel for it, never anywhere else (the export batch is audited)."""
    content = json.loads(row.content)
    person = content.get("petitioner") if isinstance(content.get("petitioner"), dict) else {}
    files = [a for a in content.get("attachments") or [] if isinstance(a, dict)]
    return {
        "receipt_no": row.receipt_no,
        "applicant_type": APPLICANT_TYPES.get(person.get("type"), "개인"),
        "name": person.get("name"), "phone": person.get("phone"),
        "address": person.get("address"), "region": content.get("region"),
        "kind": KINDS.get(content.get("kind"), content.get("kind")),
        "title": content.get("title"), "body": content.get("body"),
        "disclosure": DISCLOSURE.get(content.get("disclosure"), content.get("disclosure")),
        "notify_by": NOTIFY.get(content.get("notify_by"), content.get("notify_by")),
        "agency": row.agency,
        "attachments": [{"sha256": a.get("sha256"), "size": a.get("size"),
                         "filename": a.get("filename"), "media_type": a.get("media_type")}
                        for a in files],
    }

"""Made-up records and small HTTP helpers for the hub's tests."""

from __future__ import annotations

import hashlib
from typing import Any

import httpx

from sync import protocol
from sync.receipt_check import check_character


def number(device: str = "B07A", n: int = 1, day: str = "261126") -> str:
    """A receipt number ``device`` could have made (the hub checks the device part and
    the check character)."""
    return f"{device}-{day}-{n:04d}-{check_character(f'{device}{day}{n:04d}')}"


def complaint(n: int = 1, device: str = "B07A", **changes: Any) -> dict[str, Any]:
    """A complaint's sync content, as a laptop sends it (made-up people only)."""
    content = {
        "receipt_no": number(device, n), "kind": "grievance",
        "title": f"마을 진입로 포장 요청 {n}", "body": "비만 오면 진흙탕이 됩니다.",
        "agency": "구미시청", "region": "경상북도 구미시", "channel": "booked",
        "petitioner": {"name": "김영수", "type": "individual", "phone": "010-2345-6789",
                       "email": None, "address": "경상북도 구미시 선산읍 단계동길 12",
                       "postcode": "39140", "birth_year": 1951},
        "consent": {"personal_info": True, "notice_version": "2026-01"},
        "disclosure": "private", "notify_by": "sms", "outcome": "filed", "referred_to": None,
        "received_at": "2026-11-26T10:00:00+09:00", "deadline": "2026-12-10",
        "status": "received", "visit": None, "signature": None, "attachments": [],
    }
    content.update(changes)
    return content


def counsel(n: int = 1, device: str = "B07A", notes: str | None = "상담 메모") -> dict[str, Any]:
    # Counsel sessions number from 5001 here, so they never take a complaint's number.
    return {"number": number(device, 5000 + n), "received_at": "2026-11-26T11:00:00+09:00",
            "appellant": {"name": "이순자"}, "disposition": {"title": "영업정지 처분"},
            "eligibility": {"basis": "기초생활수급자"}, "counsel": {"name": "박변호"},
            "notes": notes, "outcome": "advised", "appeal_deadline": "2027-02-20"}


def record(rid: str, content: dict[str, Any], version: int = 1, base: int | None = None,
           type: str = "complaint") -> dict[str, Any]:
    return {"type": type, "id": rid, "version": version, "base_version": base,
            "content_hash": protocol.content_hash(content), "content": content}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def push(url: str, token: str, records: list[dict[str, Any]], device: str = "B07A"
         ) -> list[dict[str, Any]]:
    answer = httpx.post(url + protocol.PUSH, headers=bearer(token), timeout=30,
                        json={"protocol": 1, "device": device, "records": records})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert protocol.recognised(body)
    return body["results"]


def outcomes(results: list[dict[str, Any]]) -> list[str]:
    return [r["outcome"] for r in results]


def upload(url: str, token: str, data: bytes) -> httpx.Response:
    sha = hashlib.sha256(data).hexdigest()
    return httpx.put(url + protocol.ATTACHMENT.format(sha256=sha), content=data,
                     headers=bearer(token), timeout=30)


def review_step(bus: Any, receipt_no: str, **body: Any) -> None:
    """The supervisor of ``bus`` takes a review step on the case as it stands now."""
    case = httpx.get(bus.url + protocol.CASE.format(receipt_no=receipt_no),
                     headers=bearer(bus.supervisor_token)).json()["case"]
    answer = httpx.post(bus.url + protocol.REVIEW.format(receipt_no=receipt_no), json=body,
                        headers={**bearer(bus.supervisor_token),
                                 "If-Match": f'"{case["case_version"]}"'})
    assert answer.status_code == 200, answer.text

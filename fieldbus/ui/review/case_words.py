"""The review's words: states, steps, roles and kinds in Korean, and case text made safe
to show.

The names are the ones the officer's case list already uses (``fieldbus/ui/cases/model.py``)
— a supervisor and an officer talking about one case on the phone must hear the same word
for its state — repeated here because one screen never imports another.

Case text comes from laptops and from other supervisors: it is shown as the characters it
is, never as markup (``<b>`` stays ``<b>``), and a control character that slipped past the
hub's screening (a row kept before the rule, a cache written by an older app) is shown as
a visible picture (ESC as ␛) instead of being handed to the text engine.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from sync.deadlines import KST

_CTX = "review_words"

#: C0/C1 controls but newline and tab, DEL, the line/paragraph separators, the bidi controls.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def shown(value: Any) -> str:
    """``value`` as text to put in a plain-text widget: None as empty, structures as
    JSON, every unsafe control as its visible picture (U+2400 block) or ``\\uXXXX``."""
    if value is None:
        return ""
    if not isinstance(value, str):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return _UNSAFE.sub(_picture, value)


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"\\u{code:04x}"


def state_names() -> dict[str | None, str]:
    return {None: tr("검토 전"), "received": tr("검토 중"), "has_issues": tr("보완 요청"),
            "edited": tr("보완 제출"), "approved": tr("승인"), "rejected": tr("반려"),
            "forwarded": tr("기관 전달"), "closed": tr("처리 완료")}


def state_name(state: str | None) -> str:
    return state_names().get(state, shown(state))


def action_names() -> dict[str, str]:
    """The supervisor's steps (``sync/hub/workflow.py`` ACTIONS), then what else the
    history records (``sync/hub/push.py``, ``conflicts.py``). Written out with their
    context: a step's button says what it does (Approve), where the same Korean word as a
    state says where a case stands (Approved)."""
    translate = QCoreApplication.translate
    return {"return": translate("review_actions", "보완 요청"),
            "approve": translate("review_actions", "승인"),
            "reject": translate("review_actions", "반려"),
            "forward": translate("review_actions", "기관 전달"),
            "extend": translate("review_actions", "기한 연장"),
            "transfer": translate("review_actions", "이송"),
            "assign": translate("review_actions", "담당자 지정"),
            "close": translate("review_actions", "종결"),
            "received": translate("review_actions", "접수"),
            "updated": translate("review_actions", "현장 수정"),
            "edited": translate("review_actions", "보완 제출"),
            "conflict_kept": translate("review_actions", "충돌 보관"),
            "conflict_resolved": translate("review_actions", "충돌 해결"),
            "epeople_registered": translate("review_actions", "국민신문고 등록"),
            "epeople_status": translate("review_actions", "국민신문고 상태")}


def action_name(action: str | None) -> str:
    return action_names().get(action or "", shown(action))


def role_name(role: str | None) -> str:
    names = {"officer": tr("현장 담당자"), "counsel": tr("국선대리인"),
             "supervisor": tr("관리자"), "device": tr("현장 노트북")}
    return names.get(role or "", shown(role))


def kind_name(kind: str | None) -> str:
    names = {"inquiry": tr("질의"), "suggestion": tr("건의"), "grievance": tr("고충"),
             "report": tr("부패·공익신고"), "passive_admin": tr("소극행정신고"),
             "other": tr("기타")}
    return names.get(kind or "", shown(kind))


def moment(iso: str | None) -> str:
    """A hub time (UTC, ``2026-11-26T01:30:00.000+00:00``) as the centre reads it, in
    KST: ``2026-11-26 10:30``; a date, or text that is not a time, as it is."""
    if not iso:
        return ""
    try:
        when = datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return shown(iso)
    if len(iso) <= 10:
        return when.date().isoformat()
    if when.tzinfo is not None:
        when = when.astimezone(KST)
    return when.strftime("%Y-%m-%d %H:%M")


def problem(exc: Exception) -> str:
    """What went wrong with the hub, in one line for the screen (never a traceback)."""
    from fieldbus.domain.errors import ValidationError
    from fieldbus.services.review_desk import DeskOffline, NoCopy, SignedOut
    from sync.client import CertificateRejected, HubRefused, HubUnreachable, TokenRefused
    from sync.review_client import NotASupervisor, Stale

    if isinstance(exc, Stale):
        return tr("다른 관리자가 방금 이 사건을 바꿨습니다. 새 상태를 다시 불러왔으니 확인하고 "
                  "다시 하십시오.")
    if isinstance(exc, NotASupervisor):
        return tr("관리자 계정이 아닙니다. 검토는 관리자만 할 수 있습니다.")
    if isinstance(exc, NoCopy):
        return tr("허브에 연결할 수 없고, 이 목록은 이 노트북에서 받아 둔 적이 없습니다.")
    if isinstance(exc, (DeskOffline, HubUnreachable)):
        return tr("허브에 연결할 수 없습니다. 연결되면 다시 하십시오.")
    if isinstance(exc, SignedOut):
        return tr("허브 로그인이 끝났습니다. 다시 로그인하십시오.")
    if isinstance(exc, TokenRefused):
        return tr("사용자 이름 또는 비밀번호가 맞지 않습니다.")
    if isinstance(exc, CertificateRejected):
        return tr("허브의 인증서를 믿을 수 없습니다. IT 담당자에게 알리십시오.")
    if isinstance(exc, HubRefused):
        return tr("허브가 거절했습니다: {0}").format(shown(str(exc)))
    if isinstance(exc, ValidationError):
        return shown(str(exc))
    return tr("처리하지 못했습니다: {0}").format(shown(str(exc)))

"""A counsel session in words, for every screen that shows one: the counsel tab's form and
detail, and the case list when a search finds a session (종류 상담).

The words for the codes a session stores (eligibility basis, how it was checked, consent to
the 행정정보 공동이용 check, the appeal's type and notice, counsel's qualification, outcome),
the "days left" wording, the session read for a person (audited, on the worker) and its
HTML. It lives here, not in ``fieldbus.ui.counsel``, because a screen never imports another
screen's package.
"""

from __future__ import annotations

import html
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from sync.deadlines import KST
from fieldbus.ui.widgets.personal import person_lines


def tr(text: str) -> str:
    return QCoreApplication.translate("counsel", text)


def choices() -> dict[str, list[tuple[str, str]]]:
    """For each choice field, its ``(words, code)`` pairs in the order they are offered."""
    return {
        "basis": [(tr("기초생활수급자"), "basic_livelihood"), (tr("한부모가족"), "single_parent"),
                  (tr("기초연금 수급자"), "basic_pension"),
                  (tr("장애인연금 수급자"), "disability_pension"),
                  (tr("북한이탈주민"), "north_korean_defector"),
                  (tr("그 밖에 위원장이 경제적 능력으로 인하여 대리인을 선임할 수 없다고 "
                      "인정하는 사람"), "inability_to_pay"),
                  (tr("해당 없음"), "none")],
        "shared_info_consent": [(tr("동의함 — 위원회가 행정정보 공동이용으로 확인"), "yes"),
                                (tr("동의하지 않음 — 소명 서류 제출"), "no")],
        "appeal_kind": [(tr("취소심판"), "cancellation"),
                        (tr("의무이행심판 (거부처분)"), "mandatory_refusal"),
                        (tr("무효등확인심판 (청구기간 없음)"), "nullity"),
                        (tr("의무이행심판 (부작위, 청구기간 없음)"), "mandatory_omission")],
        "period_notice": [(tr("알렸음"), "told"),
                          (tr("법정기간보다 긴 기간으로 잘못 알렸음"), "told_longer"),
                          (tr("알리지 않았음 (처분일부터 180일)"), "not_told")],
        "checked_by": [(tr("행정정보 공동이용"), "shared_admin_info"),
                       (tr("증명서 확인"), "certificate"), (tr("본인 진술"), "self_declaration"),
                       (tr("미확인"), "not_checked")],
        "qualification": [(tr("변호사"), "attorney"), (tr("공인노무사"), "labor_attorney")],
        "outcome": [(tr("국선대리인 선정 신청"), "application_filed"), (tr("상담만"), "advice_only"),
                    (tr("대한법률구조공단 안내"), "referred_legal_aid"),
                    (tr("기타 안내"), "referred_other")],
    }


def time_left(status: str, days_left: int | None) -> str:
    """How long is left to file the appeal, or how long ago the deadline passed."""
    if status == "none" or days_left is None:
        return tr("청구기간 제한 없음")
    if status == "past":
        return tr("기한이 {0}일 지났습니다").format(-days_left)
    if days_left == 0:
        return tr("오늘이 마지막 날입니다")
    return tr("{0}일 남음").format(days_left)


def read_session(store, number: str, officer, today: date) -> dict[str, Any]:
    """On the worker: the session as the officer may see it (notes withheld from roles
    that may not read them); the view is audited."""
    from fieldbus.domain.serialize import counsel_json
    from fieldbus.store import counsel

    session = counsel.view(store, number, officer, reason="counsel detail")
    return counsel_json(session, viewer=officer, reveal=True, today=today)


def _esc(value) -> str:
    return html.escape(str(value)) if value not in (None, "") else "–"


def deadline_text(data: dict[str, Any]) -> str:
    """The appeal deadline's line (its label's text)."""
    if data["appeal_deadline"] is None:
        return tr("행정심판 청구 기한: {0}").format(data["appeal_rule_text"])
    return tr("행정심판 청구 기한: {0} ({1})\n{2}").format(
        data["appeal_deadline"], time_left(data["appeal_status"], data["appeal_days_left"]),
        data["appeal_rule_text"])


def render(data: dict[str, Any], *, revealed: bool = False) -> str:
    """The session as HTML for the detail browser (the deadline has its own label); the
    appellant masked unless ``revealed`` (audited by the caller)."""
    words = {key: {code: text for text, code in pairs} for key, pairs in choices().items()}

    def name(key: str, code: str | None) -> str:
        return words[key].get(code, code)

    who, disp = data["appellant"] or {}, data["disposition"]
    elig, couns = data["eligibility"], data["counsel"]
    if data["notes"] is not None:
        notes = _esc(data["notes"]).replace("\n", "<br>")
    elif data["notes_withheld"]:
        withheld = tr("상담 내용이 기록되어 있습니다. 국선대리인과 관리자만 볼 수 있습니다.")
        notes = f"<i>{_esc(withheld)}</i>"
    else:
        notes = _esc(tr("기록 없음"))
    rows = [
        (tr("상담번호"), _esc(data["id"])),
        (tr("상담일시"), _esc(datetime.fromisoformat(data["created_at"])
                              .astimezone(KST).strftime("%Y-%m-%d %H:%M"))),
        (tr("청구인"), "<br>".join(_esc(x) for x in person_lines(who, revealed=revealed))),
        (tr("출생연도"), _esc(who.get("birth_year") if revealed or not who.get("birth_year")
                          else "****")),
        (tr("처분 기관"), _esc(disp["agency"])),
        (tr("처분 내용"), _esc(disp["title"])),
        (tr("처분일"), _esc(disp["disposed_on"])),
        (tr("처분이 있음을 안 날"), _esc(disp["learned_on"] or tr("모름"))),
    ]
    appeal = disp.get("appeal") or {}
    if appeal.get("kind"):
        rows.append((tr("심판의 종류"), _esc(name("appeal_kind", appeal["kind"]))))
    if appeal.get("notice"):
        told = name("period_notice", appeal["notice"])
        if appeal.get("announced_days"):
            told += " " + tr("({0}일)").format(appeal["announced_days"])
        rows.append((tr("청구기간 고지"), _esc(told)))
    if appeal.get("force_majeure_ended_on"):
        rows.append((tr("불가항력 사유가 끝난 날"), _esc(
            appeal["force_majeure_ended_on"] + (" " + tr("(국외)") if appeal.get("abroad")
                                                else ""))))
    rows += [
        (tr("적용 규정"), _esc(data.get("appeal_rule_text"))),
        (tr("선정 요건"), _esc(name("basis", elig["basis"]))),
        (tr("확인 방법"), _esc(name("checked_by", elig["checked_by"]))),
        (tr("국선대리인"), _esc(f"{couns['name']} "
                              f"({name('qualification', couns['qualification'])})")),
        (tr("상담 결과"), _esc(name("outcome", data["outcome"]))),
        (tr("다음 할 일"), _esc(data["next_step"])),
        (tr("동기화"), _esc(tr("동기화됨") if data["sync_state"] == "synced"
                          else tr("동기화 대기"))),
    ]
    consent = elig.get("shared_info_consent")
    if consent is not None:
        rows.insert(-5, (tr("행정정보 공동이용 확인"), _esc(name("shared_info_consent",
                                                              "yes" if consent else "no"))))
    parts = ["<table cellspacing='0' cellpadding='3'>"]
    parts.extend(f"<tr><td style='color:#555' nowrap>{_esc(k)}</td><td>{v}</td></tr>"
                 for k, v in rows)
    parts.append("</table>")
    parts.append(f"<h4>{_esc(tr('상담 내용 (비밀)'))}</h4><p>{notes}</p>")
    return "".join(parts)

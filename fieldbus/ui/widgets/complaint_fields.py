"""A complaint's fields in words, for the two screens that edit one: the intake form
(:mod:`fieldbus.ui.intake.form`) and the returned-case editor (:mod:`fieldbus.ui.cases.editor`).

The words shown for each code a choice stores, and the reason under a field that the
domain's rules refused (:func:`fieldbus.services.intake.draft.problems` names the field and
the rule's code). Kept in one place, a returned case reads exactly as its intake did.
The words are the intake form's (translation context ``intake``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from fieldbus.domain.errors import ValidationError
from fieldbus.ui.widgets.form_problems import text_length, usual_field_message


def tr(text: str) -> str:
    return QCoreApplication.translate("intake", text)


def choices() -> dict[str, list[tuple[str, str]]]:
    """For each choice field, its ``(words, code)`` pairs in the order they are offered."""
    return {
        "type": [(tr("개인"), "individual"), (tr("단체"), "group"),
                 (tr("대리인"), "representative")],
        "kind": [(tr("질의"), "inquiry"), (tr("건의"), "suggestion"), (tr("고충"), "grievance"),
                 (tr("부패·공익신고"), "report"), (tr("소극행정신고"), "passive_admin"),
                 (tr("기타"), "other")],
        "channel": [(tr("현장 방문"), "walk_in"), (tr("사전 예약"), "booked")],
        "disclosure": [(tr("비공개"), "private"), (tr("공개"), "public")],
        "notify_by": [(tr("알리지 않음"), ""), (tr("문자(SMS)"), "sms"),
                      (tr("전자우편"), "email"), (tr("우편"), "post")],
        "outcome": [(tr("현장 해결"), "resolved_on_site"), (tr("합의(합의서 작성)"), "settlement"),
                    (tr("조사 접수"), "filed"), (tr("이송·안내"), "referred")],
        # 민원처리법 시행령 제6조④; "" = the kind's default (receipt-content.json)
        "documents": [(tr("종류별 기본 안내"), ""), (tr("구비서류 없음"), "none_required"),
                      (tr("구비서류 완비"), "complete"), (tr("구비서류 미비"), "incomplete")],
        # 부패방지권익위법 시행령 제55조①7, 공익신고자 보호법 시행령 제7조①7
        "identity_disclosure": [(tr("묻지 않음"), ""), (tr("신분공개에 동의함"), "agreed"),
                                (tr("신분공개에 동의하지 않음"), "refused")],
    }


def field_message(field: str, exc: ValidationError, values: dict[str, Any]) -> str:
    """The reason for a field's error, in words, for the line under it."""
    code = exc.code
    if field in ("kind", "outcome", "channel", "disclosure", "type") and code in (
            "enum", "type", "required"):
        return tr("하나를 고르십시오.")
    if field == "email":
        return tr("전자우편 주소가 올바르지 않습니다 (예: name@example.kr).")
    if field == "postcode":
        return tr("우편번호는 숫자 5자리입니다.")
    if field == "notify_by" and code == "unreachable":
        return {
            "sms": tr("문자로 알리려면 휴대전화 번호와 개인정보 수집 동의가 필요합니다."),
            "email": tr("전자우편으로 알리려면 전자우편 주소와 개인정보 수집 동의가 필요합니다."),
            "post": tr("우편으로 알리려면 주소가 필요합니다."),
        }.get(values.get("notify_by") or "", tr("알릴 방법에 필요한 연락처가 없습니다."))
    if field == "disclosure" and code == "conflict":
        return tr("부패·공익신고는 신고자 보호를 위해 공개할 수 없습니다.")
    if field == "referred_to" and code == "required":
        return tr("이송·안내한 기관을 입력하십시오.")
    if field == "read_back" and code == "read_back_required":
        return tr("구술 신고는 신고 내용을 신고자에게 읽어 주고 확인받은 뒤에 저장합니다 "
                  "(공익신고자 보호법 제8조③).")
    if field == "documents_missing" and code == "required":
        return tr("구비서류가 미비하면 보완할 서류를 적으십시오.")
    return usual_field_message(field, exc, length=text_length(values.get(field)))


def rrn_warning() -> str:
    """The warning under a field holding what looks like a resident registration number
    (never collected: the store masks its back half if it is saved anyway)."""
    return tr("주민등록번호로 보이는 번호가 있습니다. 주민등록번호는 받지 않습니다 — "
              "지우십시오. 그대로 저장하면 뒷자리를 *로 가립니다.")


def report_question(parent: QWidget) -> QMessageBox:
    """The one question a report (kind ``report``) asks before it is saved: a wrong kind
    seals an identity and changes the deadline. Yes / No, No the default (Enter, Esc)."""
    buttons = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, tr("부패·공익신고로 접수"),
                      tr("공익신고로 접수하면 신고자 신원이 봉인되고 관리자만 볼 수 있습니다. "
                         "접수증과 민원 목록에도 신고자를 표시하지 않으며, 처리 기간은 신고에 "
                         "관한 법령을 따릅니다. 부패·공익신고로 접수하시겠습니까?"),
                      buttons.Yes | buttons.No, parent)
    box.setObjectName("intake-report-question")
    box.button(buttons.Yes).setText(tr("예, 공익신고로 접수"))
    box.button(buttons.No).setText(tr("아니요, 종류를 다시 봅니다"))
    box.button(buttons.Yes).setAccessibleName(tr("공익신고로 접수"))
    box.button(buttons.No).setAccessibleName(tr("종류를 다시 보기"))
    box.setDefaultButton(buttons.No)
    box.setEscapeButton(buttons.No)
    return box

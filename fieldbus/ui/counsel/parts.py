"""What the counsel form (:mod:`fieldbus.ui.counsel.form`) and one session opened from its
list (:mod:`fieldbus.ui.counsel.detail`) both show or do.

The words for the codes a session stores (eligibility basis, how it was checked, counsel's
qualification, outcome), the appeal deadline's label, colours and "days left" wording,
and the print of the counsel confirmation (a store operation on the worker). The form
holds the detail view and the detail never needs the form: both take these from here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from fieldbus.ui.printing.receipt_delivery import delivery
from fieldbus.ui.widgets.fonts import enlarge

DEADLINE_STYLES = {
    "ok": "color: #1b5e20; background: #e8f5e9; padding: 6px;",
    "near": "color: #7a4a00; background: #ffe8a3; padding: 6px;",   # amber
    "past": "color: #ffffff; background: #b00020; padding: 6px;",   # red
    "none": "color: #555555; padding: 6px;",
}


def tr(text: str) -> str:
    return QCoreApplication.translate("counsel", text)


def choices() -> dict[str, list[tuple[str, str]]]:
    """For each choice field, its ``(words, code)`` pairs in the order they are offered."""
    return {
        "basis": [(tr("기초생활수급자"), "basic_livelihood"), (tr("한부모가족"), "single_parent"),
                  (tr("기초연금 수급자"), "basic_pension"),
                  (tr("장애인연금 수급자"), "disability_pension"),
                  (tr("북한이탈주민"), "north_korean_defector"),
                  (tr("그 밖에 경제적 능력으로 대리인 선임이 곤란한 경우"), "inability_to_pay"),
                  (tr("해당 없음"), "none")],
        "checked_by": [(tr("행정정보 공동이용"), "shared_admin_info"),
                       (tr("증명서 확인"), "certificate"), (tr("본인 진술"), "self_declaration"),
                       (tr("미확인"), "not_checked")],
        "qualification": [(tr("변호사"), "attorney"), (tr("공인노무사"), "labor_attorney")],
        "outcome": [(tr("국선대리인 선정 신청"), "application_filed"), (tr("상담만"), "advice_only"),
                    (tr("대한법률구조공단 안내"), "referred_legal_aid"),
                    (tr("기타 안내"), "referred_other")],
    }


def deadline_label(object_name: str) -> QLabel:
    """The appeal deadline, large enough to read across the table."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setAccessibleName(tr("행정심판 청구 기한"))
    label.setWordWrap(True)
    enlarge(label, 1.6, at_least=16.0)
    return label


def time_left(status: str, days_left: int) -> str:
    """How long is left to file the appeal, or how long ago the deadline passed."""
    if status == "past":
        return tr("기한이 {0}일 지났습니다").format(-days_left)
    if days_left == 0:
        return tr("오늘이 마지막 날입니다")
    return tr("{0}일 남음").format(days_left)


def colour_deadline(label: QLabel, status: str) -> None:
    """Green while there is time, amber when near, red when past (``status``: ok / near /
    past / none); the status is also a property, for tests and style sheets."""
    label.setProperty("deadlineStatus", status)
    label.setStyleSheet(DEADLINE_STYLES[status])


def print_confirmation(store, officer, number: str, *, out: Path | None, printer: str | None,
                       layout: str) -> tuple[Any, Path | None]:
    """On the worker: print session ``number``'s confirmation (a reprint after the
    first); ``(Printed, the PDF written or None)``."""
    from fieldbus.receipts.issue import print_counsel

    deliver, written = delivery(out, printer=printer, layout=layout)
    printed = print_counsel(store, officer, number, layout=layout, deliver=deliver)
    return printed, (written[0] if written else None)

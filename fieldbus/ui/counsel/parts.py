"""What the counsel form (:mod:`fieldbus.ui.counsel.form`) and one session opened from its
list (:mod:`fieldbus.ui.counsel.detail`) both show or do.

The appeal deadline's label and colours, the proof wording and the print of the counsel
confirmation (a store operation on the worker); the words for codes and the "days left"
wording are in :mod:`fieldbus.ui.widgets.counsel_fields`, which the case list uses too. The form
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


def deadline_label(object_name: str) -> QLabel:
    """The appeal deadline, large enough to read across the table."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setAccessibleName(tr("행정심판 청구 기한"))
    label.setWordWrap(True)
    enlarge(label, 1.6, at_least=16.0)
    return label


def proof_text(proof: str, *, chair: bool) -> str:
    """What the appellant must bring for a free-counsel application (행정심판법 시행령
    제16조의2②③), for the category chosen; empty for none."""
    lines = {
        "documents": tr("소명 서류: 해당 사실을 소명하는 서류를 신청서와 함께 제출해야 합니다 "
                        "(시행령 제16조의2제2항 후단)."),
        "shared_check": tr("소명 서류: 위원회가 행정정보 공동이용으로 확인합니다 (제3항). "
                           "청구인이 확인에 동의하지 않으면 서류를 제출해야 합니다."),
        "shared_check_refused": tr("소명 서류: 행정정보 공동이용 확인에 동의하지 않았으므로 "
                                   "서류를 제출해야 합니다 (제3항 단서)."),
    }
    text = lines.get(proof, "")
    if text and chair:
        text += "\n" + tr("제6호는 위원장이 경제적 능력으로 인하여 대리인을 선임할 수 없다고 "
                          "인정하는지 판단합니다.")
    if text:
        text = tr("신청: 심리기일 전까지 선임 신청서를 위원회에 제출 (시행령 제16조의2제2항)") \
            + "\n" + text
    return text


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

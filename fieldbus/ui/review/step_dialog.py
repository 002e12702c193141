"""The form for one review step: what the hub needs for it, asked before it is sent.

Each step asks only its own fields (``sync/hub/workflow.py``): a note where the law or
the workflow wants a reason (보완 요청, 반려, 연장, 이송, 종결), the agency for a
forward or a transfer, the new date and the citizen's consent for an extension, the
handler's 소속·성명·연락처 for 담당자 지정. The hub checks again; the form only saves a
round trip for what is plainly missing. The same form serves a bulk step, whose fields
go with every case of the selection.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (QCheckBox, QDateEdit, QDialog, QDialogButtonBox,
                               QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout,
                               QWidget)

from fieldbus.ui.review.case_words import action_name

#: Steps whose note the workflow requires.
NOTE_REQUIRED = ("return", "reject", "extend", "transfer", "close")
MAX_NOTE = 4000


class StepDialog(QDialog):
    def __init__(self, action: str, *, cases: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.setWindowTitle(action_name(action) if cases == 1 else
                            self.tr("{0} — 선택한 {1}건").format(action_name(action), cases))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setAccessibleName(self.tr("사유 또는 메모"))
        self.note.setPlaceholderText(self.tr("필수") if action in NOTE_REQUIRED
                                     else self.tr("선택"))
        self.note.setMaximumHeight(110)
        self.agency = QLineEdit()
        self.agency.setMaxLength(200)
        self.agency.setAccessibleName(self.tr("처리 기관"))
        self.epeople_no = QLineEdit()
        self.epeople_no.setMaxLength(40)
        self.epeople_no.setPlaceholderText("1AA-2612-0000000")
        self.epeople_no.setAccessibleName(self.tr("국민신문고 신청번호"))
        self.new_deadline = QDateEdit(QDate.currentDate().addDays(14))
        self.new_deadline.setCalendarPopup(True)
        self.new_deadline.setDisplayFormat("yyyy-MM-dd")
        self.new_deadline.setAccessibleName(self.tr("새 처리 기한"))
        self.consent = QCheckBox(self.tr("민원인이 두 번째 연장에 동의함"))
        self.answered_on = QDateEdit(QDate.currentDate())
        self.answered_on.setCalendarPopup(True)
        self.answered_on.setDisplayFormat("yyyy-MM-dd")
        self.answered_on.setAccessibleName(self.tr("회신일"))
        self.handler = {key: QLineEdit() for key in ("org", "name", "phone")}
        for key, length in (("org", 100), ("name", 50), ("phone", 30)):
            self.handler[key].setMaxLength(length)
        note_label = {"extend": self.tr("연장 사유"), "close": self.tr("처리 결과"),
                      "transfer": self.tr("이송 사유")}.get(action, self.tr("메모"))
        if action in ("forward", "transfer"):
            form.addRow(self.tr("처리 기관(&A)"), self.agency)
        if action in ("forward", "approve"):
            form.addRow(self.tr("신청번호(&E)"), self.epeople_no)
        if action == "extend":
            form.addRow(self.tr("새 기한(&D)"), self.new_deadline)
            form.addRow("", self.consent)
        if action == "assign":
            for key, label, name in (
                    ("org", self.tr("소속(&O)"), self.tr("처리담당자 소속")),
                    ("name", self.tr("성명(&N)"), self.tr("처리담당자 성명")),
                    ("phone", self.tr("연락처(&P)"), self.tr("처리담당자 연락처"))):
                self.handler[key].setAccessibleName(name)
                form.addRow(label, self.handler[key])
        if action == "close":
            form.addRow(self.tr("회신일(&R)"), self.answered_on)
        if action != "assign":
            form.addRow(note_label + (" *" if action in NOTE_REQUIRED else ""), self.note)
        self.problem = QLabel()
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(action_name(action))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("취소"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def missing(self) -> str | None:
        """What plainly is missing, in one line; None when the form may go."""
        note = self.note.toPlainText().strip()
        if self.action in NOTE_REQUIRED and not note:
            return self.tr("사유를 적으십시오.")
        if len(note) > MAX_NOTE:
            return self.tr("메모는 {0}자 이내로 적으십시오.").format(MAX_NOTE)
        if self.action in ("forward", "transfer") and not self.agency.text().strip():
            return self.tr("처리 기관을 적으십시오.")
        if self.action == "assign" and not all(e.text().strip() for e in self.handler.values()):
            return self.tr("담당자의 소속·성명·연락처를 모두 적으십시오.")
        return None

    def _check(self) -> None:
        missing = self.missing()
        if missing:
            self.problem.setText(missing)
            return
        self.accept()

    def fields(self) -> dict[str, Any]:
        """The step's fields as ``ReviewSession.step`` takes them."""
        fields: dict[str, Any] = {}
        note = self.note.toPlainText().strip()
        if note and self.action != "assign":
            fields["note"] = note
        if self.action in ("forward", "transfer"):
            fields["agency"] = self.agency.text().strip()
        if self.action in ("forward", "approve") and self.epeople_no.text().strip():
            fields["epeople_no"] = self.epeople_no.text().strip()
        if self.action == "extend":
            fields["new_deadline"] = _day(self.new_deadline)
            if self.consent.isChecked():
                fields["citizen_consent"] = True
        if self.action == "assign":
            fields["handler"] = {k: e.text().strip() for k, e in self.handler.items()}
        if self.action == "close":
            fields["answered_on"] = _day(self.answered_on)
        return fields


def _day(edit: QDateEdit) -> str:
    chosen = edit.date()
    return date(chosen.year(), chosen.month(), chosen.day()).isoformat()

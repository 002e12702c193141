"""Fix and resubmit a returned case (보완하여 다시 제출, issue 4 item 4).

Opened from the case list for a case the supervisor returned (review state
``has_issues``). The supervisor's note stands above the form; the fields are the intake
form's, filled with the case as saved; the receipt number, time of receipt and
attachments are frozen (the store refuses to change them), as are consent and anonymity.
Checking is the intake form's: :func:`fieldbus.services.intake.draft.problems` as the officer
types, the reason under the field (:func:`fieldbus.ui.widgets.complaint_fields.field_message`,
which the intake form uses too).
Saving sends a JSON Merge Patch of just the changed fields to ``complaints.edit`` on the
worker, which makes the case ``edited`` and queues it for the hub again.

Keys: Tab walks the form; Ctrl+S resubmits; Esc goes back to the case without saving.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldbus.services import case_edit
from fieldbus.services.intake import draft as intake_draft
from fieldbus.domain.deadlines import KST
from fieldbus.ui.shell.worker import StoreOp
from fieldbus.ui.widgets.agency_picker import agency_combo
from fieldbus.ui.widgets.complaint_fields import choices, field_message, rrn_warning
from fieldbus.ui.widgets.fonts import enlarge
from fieldbus.ui.widgets import form_parts
from fieldbus.ui.widgets.form_problems import point_at_problems, show_refusal
from fieldbus.ui.widgets.keys import push_button, shortcut, tab_chain

NOTE_STYLE = ("background: #fff3cd; color: #3d2c00; border: 2px solid #e0b000; "
              "padding: 8px;")
LINES = {"name": 50, "phone": 30, "email": 254, "address": 300, "postcode": 5,
         "birth_year": 4, "region": 100, "title": 200, "referred_to": 100}
COMBOS = ("type", "kind", "channel", "disclosure", "notify_by", "outcome")


def tr(text: str) -> str:
    return QCoreApplication.translate("case_editor", text)


def labels() -> dict[str, str]:
    return {"name": tr("성명"), "type": tr("민원인 유형"), "phone": tr("전화번호"),
            "email": tr("전자우편"), "address": tr("주소"), "postcode": tr("우편번호"),
            "birth_year": tr("출생연도"), "kind": tr("민원 종류"), "agency": tr("관계 기관"),
            "region": tr("발생 지역"), "title": tr("제목"), "body": tr("내용"),
            "channel": tr("접수 경로"), "disclosure": tr("공개 여부"),
            "notify_by": tr("처리 결과 통지"), "outcome": tr("현장 처리 결과"),
            "referred_to": tr("이송·안내 기관")}


def _resubmit(store, officer, receipt_no: str, patch: dict[str, Any]):
    from fieldbus.store import complaints

    return complaints.edit(store, receipt_no, patch, officer)[0]


class CaseEditor(QWidget):
    """``saved`` carries the edited complaint; ``cancelled`` means back, nothing saved."""

    saved = Signal(object)
    cancelled = Signal()

    def __init__(self, window) -> None:
        super().__init__()
        self.window_ = window
        self.complaint = None
        self.original: dict[str, Any] = intake_draft.empty_values()
        self.frozen: frozenset[str] = frozenset()
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.warnings: dict[str, QLabel] = {}
        self.problems: intake_draft.Problems | None = None
        self._loading = False
        self._saving = False
        self._build()

    # -- building ----------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.heading = QLabel()
        self.heading.setAccessibleName(tr("보완할 사건"))
        enlarge(self.heading, 1.3)
        layout.addWidget(self.heading)
        self.note = QLabel()
        # The hub's words, shown as written: "<b>x</b>" or "<img src=…>" in a note must
        # never be taken for markup (a QLabel guesses rich text otherwise).
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setObjectName("case-editor-note")
        self.note.setAccessibleName(tr("관리자 보완 요청"))
        self.note.setStyleSheet(NOTE_STYLE)
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        enlarge(self.note, 1.15, bold=False)
        layout.addWidget(self.note)
        self.frozen_info = QLabel()
        self.frozen_info.setAccessibleName(tr("바꿀 수 없는 항목"))
        self.frozen_info.setWordWrap(True)
        layout.addWidget(self.frozen_info)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setAccessibleName(tr("보완 양식"))
        content = QWidget()
        columns = QHBoxLayout(content)
        self.who = QGroupBox(tr("민원인"))
        who_form = QFormLayout(self.who)
        what = QGroupBox(tr("민원 내용"))
        what_form = QFormLayout(what)
        names = labels()
        for key in case_edit.EDITABLE:
            form = who_form if key in case_edit.PETITIONER_FIELDS else what_form
            self._labelled(form, key, names[key], self._widget(key))
        self.who_hidden = QLabel()
        self.who_hidden.setAccessibleName(tr("민원인 정보 안내"))
        self.who_hidden.setWordWrap(True)
        who_form.addRow(self.who_hidden)
        left = QVBoxLayout()
        left.addWidget(self.who)
        left.addStretch(1)
        columns.addLayout(left, 1)
        columns.addWidget(what, 1)
        scroll.setWidget(content)
        layout.addWidget(scroll, 1)

        # Ctrl+S (like the Save button) resubmits, Esc (like Cancel) goes back; Enter on
        # either button presses it.
        self.cancel_button = push_button(tr("취소 (Esc)"), tr("보완 취소"), self.cancel,
                                         auto_default=True)
        self.status, self.save_button = form_parts.save_bar(
            self, self.save, status_object="case-editor-status",
            status_name=tr("보완 제출 상태"), save_text=tr("보완하여 다시 제출 (Ctrl+S)"),
            save_name=tr("보완하여 다시 제출"), auto_default=True, then=[self.cancel_button])
        shortcut(self, Qt.Key.Key_Escape, self.cancel)
        tab_chain([self.fields[key] for key in case_edit.EDITABLE]
                  + [self.save_button, self.cancel_button])

    def _widget(self, key: str) -> QWidget:
        if key in COMBOS:
            return form_parts.choice_combo(key, self._edited, choices()[key])
        if key == "agency":
            return agency_combo(self._edited)
        if key == "body":
            return form_parts.text_box("body", self._edited, min_height=140)
        return form_parts.line_edit(key, self._edited, max_len=LINES[key])

    def _labelled(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        if isinstance(widget, QComboBox) and widget.lineEdit() is not None:
            widget.lineEdit().setAccessibleName(label)  # the agency's searchable box
        self.fields[key] = widget
        self.errors[key] = error = form_parts.error_note("case-editor", key, label)
        self.warnings[key] = warning = form_parts.warning_note("case-editor", key, label)
        form_parts.labelled_row(form, label, widget, error, warning).setAccessibleName(label)

    # -- the case ----------------------------------------------------------------------

    def load(self, complaint, officer) -> None:
        """Fill the form with ``complaint`` (a returned case, read on the worker)."""
        self.complaint = complaint
        self.original = case_edit.values_of(complaint)
        self.frozen = case_edit.frozen_fields(complaint, officer)
        self.heading.setText(tr("보완하여 다시 제출: {0}").format(complaint.receipt_no))
        self.note.setText(tr("관리자 보완 요청: {0}").format(
            complaint.review_note or tr("(메모 없음)")))
        consent = tr("동의함") if complaint.draft.consent.personal_info else tr("동의하지 않음")
        self.frozen_info.setText(tr(
            "바꿀 수 없는 항목 — 접수번호 {0} · 접수일시 {1} · 첨부 {2}건 · 개인정보 동의: {3}")
            .format(complaint.receipt_no, complaint.received_at.strftime("%Y-%m-%d %H:%M"),
                    len(complaint.attachments), consent))
        v = self.original
        f = self.fields
        self._loading = True
        try:
            for key in case_edit.EDITABLE:
                widget = f[key]
                value = "" if key in self.frozen else v[key]  # a sealed identity stays out
                if key in COMBOS:
                    widget.setCurrentIndex(max(widget.findData(value or ""), 0))
                elif key == "agency":
                    widget.setEditText(value)
                elif key == "body":
                    widget.setPlainText(value)
                else:
                    widget.setText(value)
        finally:
            self._loading = False
        # Into or out of a public-interest report: a supervisor's decision only.
        free = case_edit.may_move_across_report(officer)
        kind = f["kind"]
        kind.model().item(kind.findData("report")).setEnabled(free)
        kind.setEnabled(free or complaint.draft.kind != "report")
        hidden = "name" in self.frozen  # no petitioner, or one sealed from this officer
        for key in case_edit.PETITIONER_FIELDS:
            f[key].setVisible(not hidden)
            f[key].setEnabled(key not in self.frozen)
        for label in self.who.findChildren(QLabel):
            if label is not self.who_hidden and label.buddy() in f.values():
                label.setVisible(not hidden)
        if not self.frozen:
            text = ""
        elif not hidden:
            text = tr("개인정보 수집·이용에 동의하지 않아 연락처는 저장하지 않습니다.")
        elif complaint.draft.petitioner is None:
            text = tr("익명 민원: 민원인 정보가 없습니다.")
        else:
            text = tr("신고자 신원 보호: 관리자만 볼 수 있어 바꿀 수 없습니다.")
        self.who_hidden.setText(text)
        self.who_hidden.setVisible(bool(text))
        self.status.clear()
        self._update_enabled()
        self.validate()

    def focus_first(self) -> None:
        first = "name" if "name" not in self.frozen else \
            "kind" if self.fields["kind"].isEnabled() else "agency"
        self.fields[first].setFocus()

    def values(self) -> dict[str, Any]:
        """The form's values: the case as saved, with what the officer changed."""
        values = dict(self.original)
        f = self.fields
        for key in case_edit.EDITABLE:
            if key in self.frozen:
                continue
            widget = f[key]
            if key in COMBOS:
                values[key] = form_parts.chosen_code(widget)
            elif key == "agency":
                values[key] = widget.currentText()
            elif key == "body":
                values[key] = widget.toPlainText()
            else:
                values[key] = widget.text()
        return values

    def patch(self) -> dict[str, Any]:
        return case_edit.patch_for(self.original, self.values())

    # -- as the officer types ----------------------------------------------------------

    def _edited(self, key: str) -> None:
        if self._loading:
            return
        if key == "outcome":
            self._update_enabled()
        self.validate()

    def _update_enabled(self) -> None:
        self.fields["referred_to"].setEnabled(self.fields["outcome"].currentData() == "referred")

    def validate(self) -> intake_draft.Problems:
        values = self.values()
        found = intake_draft.problems(values, now=datetime.now(KST))
        self.problems = found
        for key, label in self.errors.items():
            exc = found.errors.get(key)
            show = exc is not None and self.fields[key].isEnabled()
            label.setText(field_message(key, exc, values) if show else "")
            label.setVisible(show)
        for key, label in self.warnings.items():
            show = key in found.rrn_fields
            label.setText(rrn_warning() if show else "")
            label.setVisible(show)
        return found

    # -- saving ------------------------------------------------------------------------

    def save(self) -> None:
        officer = getattr(self.window_, "officer", None)
        if self._saving or officer is None or self.complaint is None or not self.isVisible():
            return
        found = self.validate()
        if not found.ok:
            point_at_problems(found.errors, case_edit.EDITABLE, self.fields, self.status)
            return
        patch = self.patch()
        if not patch:
            self._nothing_changed()
            return
        receipt_no = self.complaint.receipt_no
        self._saving = True
        self.save_button.setEnabled(False)
        self.status.setText(tr("제출하는 중…"))
        op = StoreOp(lambda store: _resubmit(store, officer, receipt_no, patch))
        self.window_.runner.run(op.success(self._saved).failure(self._save_failed))

    def _nothing_changed(self) -> None:
        self.status.setText(tr("바뀐 내용이 없습니다. 관리자 요청대로 고친 뒤 제출하십시오."))

    def _saved(self, complaint) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if complaint.review_state == "has_issues":  # the store found nothing changed
            self._nothing_changed()
            return
        self.complaint = None
        self.saved.emit(complaint)

    def _save_failed(self, exc: Exception) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        field = intake_draft.FIELD_OF_PATH.get(getattr(exc, "field", ""))
        show_refusal(exc, self.status, field=None if field in self.frozen else field,
                     errors=self.errors, fields=self.fields,
                     message=lambda f: field_message(f, exc, self.values()), resubmit=True)

    def cancel(self) -> None:
        if self._saving or not self.isVisible():
            return
        self.complaint = None
        self.cancelled.emit()

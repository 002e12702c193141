"""Fix and resubmit a returned case (보완하여 다시 제출, issue 4 item 4), or correct a
saved one (고치기, issue 12).

Opened from the case list for a case the supervisor returned (review state
``has_issues``) — the supervisor's note stands above the form — or, from a case's detail
(F2), by the officer who took the case or a supervisor
(:func:`fieldbus.services.case_edit.may_correct`): then a reason is asked for ("고치는
까닭", kept in the audit log and shown in the case's history). The fields are the intake
form's, the guidance and a report's fields of issue 11 included, filled with the case as
saved; the receipt number, time of receipt and attachments are frozen (the store refuses
to change them), as are consent and anonymity.
Checking is the intake form's: :func:`fieldbus.services.intake.draft.problems` as the officer
types, the reason under the field (:func:`fieldbus.ui.widgets.complaint_fields.field_message`,
which the intake form uses too).
Saving sends a JSON Merge Patch of just the changed fields to ``complaints.edit`` on the
worker, which makes a returned case ``edited`` and queues the new version for the hub.
A refusal of the store (whether a case is a report is a supervisor's decision; a case
taken by a colleague) is one line in the status.

Keys: Tab walks the form (the reason last); Ctrl+S saves; Esc goes back to the case
without saving.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldbus.services import case_edit
from fieldbus.services.intake import draft as intake_draft
from sync.deadlines import KST
from fieldbus.domain.errors import PermissionDenied
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
         "birth_year": 4, "region": 100, "title": 200, "referred_to": 100,
         "documents_missing": 500, "site_check": 500}
COMBOS = ("type", "kind", "channel", "disclosure", "notify_by", "outcome", "documents",
          "identity_disclosure")
TEXT_BOXES = ("body", "procedure")
CHECKS = ("oral", "read_back")
REASON_MAX = 200


def tr(text: str) -> str:
    return QCoreApplication.translate("case_editor", text)


def labels() -> dict[str, str]:
    return {"name": tr("성명"), "type": tr("민원인 유형"), "phone": tr("전화번호"),
            "email": tr("전자우편"), "address": tr("주소"), "postcode": tr("우편번호"),
            "birth_year": tr("출생연도"), "kind": tr("민원 종류"), "agency": tr("관계 기관"),
            "region": tr("발생 지역"), "title": tr("제목"), "body": tr("내용"),
            "channel": tr("접수 경로"), "disclosure": tr("공개 여부"),
            "notify_by": tr("처리 결과 통지"), "outcome": tr("현장 처리 결과"),
            "referred_to": tr("이송·안내 기관"), "documents": tr("구비서류"),
            "documents_missing": tr("보완할 서류"), "procedure": tr("처리 기준과 절차"),
            "site_check": tr("현장 확인·조사"), "identity_disclosure": tr("신분공개 동의"),
            "oral": tr("신고 방법"), "read_back": tr("읽어 주기")}


def refusal_text(exc: PermissionDenied) -> str:
    """The store's refusal of an edit, in one line."""
    return {
        "kind_sealed": tr("민원 종류를 부패·공익신고로 바꾸거나 부패·공익신고에서 다른 종류로 "
                          "바꾸는 일은 관리자만 할 수 있습니다. 종류를 되돌리십시오."),
        "identity_sealed": tr("신고자의 신원 정보는 관리자만 고칠 수 있습니다."),
        "not_taker": tr("이 사건을 접수한 담당자나 관리자만 고칠 수 있습니다."),
        "case_closed": tr("센터에서 이미 이송하거나 종결한 사건은 관리자만 고칠 수 있습니다."),
    }.get(exc.code, tr("이 작업을 할 권한이 없습니다."))


def _resubmit(store, officer, receipt_no: str, patch: dict[str, Any],
              reason: str | None = None):
    from fieldbus.store import complaints

    return complaints.edit(store, receipt_no, patch, officer, reason=reason)[0]


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
        #: A correction (고치기) rather than a returned case's resubmission.
        self.correcting = False
        self._read_back_at: str | None = None
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
        self.guidance = QGroupBox(tr("접수 안내 (민원처리법 시행령 제6조④)"))
        guidance_form = QFormLayout(self.guidance)
        self.report_group = QGroupBox(tr("신고자 보호 (부패·공익신고)"))
        report_form = QFormLayout(self.report_group)
        names = labels()
        for key in case_edit.EDITABLE:
            form = who_form if key in case_edit.WHO else \
                guidance_form if key in case_edit.GUIDANCE else \
                report_form if key in case_edit.REPORT else what_form
            self._labelled(form, key, names[key], self._widget(key))
        self.who_hidden = QLabel()
        self.who_hidden.setAccessibleName(tr("민원인 정보 안내"))
        self.who_hidden.setWordWrap(True)
        who_form.addRow(self.who_hidden)
        left = QVBoxLayout()
        left.addWidget(self.who)
        left.addWidget(self.guidance)
        left.addWidget(self.report_group)
        left.addStretch(1)
        columns.addLayout(left, 1)
        columns.addWidget(what, 1)
        scroll.setWidget(content)
        layout.addWidget(scroll, 1)

        # A correction's reason (issue 12): below the form, beside nothing else, so it is
        # the last thing filled in before saving.
        self.reason_row = QWidget()
        reason_form = QFormLayout(self.reason_row)
        reason_form.setContentsMargins(0, 0, 0, 0)
        self.reason = QLineEdit()
        self.reason.setObjectName("case-editor-reason")
        self.reason.setMaxLength(REASON_MAX)
        self.reason.setAccessibleName(tr("고치는 까닭"))
        self.reason.setPlaceholderText(tr("예: 전화번호를 잘못 들음 (처리 이력과 감사 기록에 남습니다)"))
        reason_label = QLabel(tr("고치는 까닭 (꼭 적기)"))
        reason_label.setBuddy(self.reason)
        reason_label.setAccessibleName(tr("고치는 까닭"))
        reason_form.addRow(reason_label, self.reason)
        layout.addWidget(self.reason_row)
        self.reason_row.hide()

        # Ctrl+S (like the Save button) saves, Esc (like Cancel) goes back; Enter on
        # either button presses it.
        self.cancel_button = push_button(tr("취소 (Esc)"), tr("보완 취소"), self.cancel,
                                         auto_default=True)
        self.status, self.save_button = form_parts.save_bar(
            self, self.save, status_object="case-editor-status",
            status_name=tr("보완 제출 상태"), save_text=tr("보완하여 다시 제출 (Ctrl+S)"),
            save_name=tr("보완하여 다시 제출"), auto_default=True, then=[self.cancel_button])
        shortcut(self, Qt.Key.Key_Escape, self.cancel)
        tab_chain([self.fields[key] for key in case_edit.EDITABLE]
                  + [self.reason, self.save_button, self.cancel_button])

    def _widget(self, key: str) -> QWidget:
        if key in COMBOS:
            return form_parts.choice_combo(key, self._edited, choices()[key])
        if key == "agency":
            return agency_combo(self._edited)
        if key in TEXT_BOXES:
            if key == "body":
                return form_parts.text_box(key, self._edited, min_height=140)
            return form_parts.text_box(key, self._edited, min_height=60, max_height=100)
        if key == "oral":
            return form_parts.check_box(
                "oral", self._edited, tr("구술 신고 (신고서 없이 말로 신고, 담당자가 받아 적음)"),
                tr("구술 신고"))
        if key == "read_back":
            box = QCheckBox(tr("신고 내용을 신고자에게 읽어 주고 확인받았습니다"))
            box.setAccessibleName(tr("신고 내용 읽어 주기 확인"))
            box.toggled.connect(self._read_back_toggled)
            return box
        return form_parts.line_edit(key, self._edited, max_len=LINES[key])

    def _read_back_toggled(self, checked: bool) -> None:
        if not self._loading:
            self._read_back_at = datetime.now(KST).isoformat(timespec="seconds") if checked \
                else None
        self._edited("read_back")

    def _labelled(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        if isinstance(widget, QComboBox) and widget.lineEdit() is not None:
            widget.lineEdit().setAccessibleName(label)  # the agency's searchable box
        self.fields[key] = widget
        self.errors[key] = error = form_parts.error_note("case-editor", key, label)
        self.warnings[key] = warning = form_parts.warning_note("case-editor", key, label)
        form_parts.labelled_row(form, label, widget, error, warning).setAccessibleName(label)

    # -- the case ----------------------------------------------------------------------

    def load(self, complaint, officer, *, correction: bool = False) -> None:
        """Fill the form with ``complaint`` (read on the worker): a returned case to fix
        and resubmit, or (``correction``) a saved case to correct, with a reason."""
        self.complaint = complaint
        self.correcting = correction
        self.original = case_edit.values_of(complaint)
        self.frozen = case_edit.frozen_fields(complaint, officer)
        self._read_back_at = self.original["read_back_at"]
        if correction:
            self.heading.setText(tr("고치기: {0} (버전 {1})").format(complaint.receipt_no,
                                                                 complaint.version))
            self.heading.setAccessibleName(tr("고칠 사건"))
            self.save_button.setText(tr("고친 내용 저장 (Ctrl+S)"))
            self.save_button.setAccessibleName(tr("고친 내용 저장"))
            self.cancel_button.setAccessibleName(tr("고치기 취소"))
        else:
            self.heading.setText(tr("보완하여 다시 제출: {0}").format(complaint.receipt_no))
            self.heading.setAccessibleName(tr("보완할 사건"))
            self.save_button.setText(tr("보완하여 다시 제출 (Ctrl+S)"))
            self.save_button.setAccessibleName(tr("보완하여 다시 제출"))
            self.cancel_button.setAccessibleName(tr("보완 취소"))
        self.note.setText(tr("관리자 보완 요청: {0}").format(
            complaint.review_note or tr("(메모 없음)")))
        self.note.setVisible(not correction)
        self.reason.clear()
        self.reason_row.setVisible(correction)
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
                elif key in TEXT_BOXES:
                    widget.setPlainText(value)
                elif key in CHECKS:
                    widget.setChecked(bool(value))
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
        for group in (self.who, self.report_group):
            for label in group.findChildren(QLabel):
                if label is not self.who_hidden and label.buddy() in (
                        f[k] for k in case_edit.PETITIONER_FIELDS):
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

    def focus_reason(self) -> None:
        self.reason.setFocus()

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
            elif key in TEXT_BOXES:
                values[key] = widget.toPlainText()
            elif key in CHECKS:
                values[key] = widget.isChecked()
            else:
                values[key] = widget.text()
        values["read_back_at"] = self._read_back_at if values["read_back"] else None
        return values

    def patch(self) -> dict[str, Any]:
        return case_edit.patch_for(self.original, self.values())

    # -- as the officer types ----------------------------------------------------------

    def _edited(self, key: str) -> None:
        if self._loading:
            return
        if key in ("outcome", "documents", "kind", "oral"):
            self._update_enabled()
        self.validate()

    def _update_enabled(self) -> None:
        f = self.fields
        f["referred_to"].setEnabled(f["outcome"].currentData() == "referred")
        f["documents_missing"].setEnabled(f["documents"].currentData() == "incomplete")
        report = f["kind"].currentData() == "report"
        self.report_group.setVisible(report)
        f["identity_disclosure"].setEnabled(report and "identity_disclosure" not in self.frozen)
        f["oral"].setEnabled(report)
        f["read_back"].setEnabled(report and f["oral"].isChecked())

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
        reason = self.reason.text().strip() or None
        if self.correcting and reason is None:
            self.status.setText(tr("고치는 까닭을 적어야 저장합니다 (처리 이력에 남습니다)."))
            self.reason.setFocus()
            return
        receipt_no = self.complaint.receipt_no
        self._saving = True
        self.save_button.setEnabled(False)
        self.status.setText(tr("저장하는 중…") if self.correcting else tr("제출하는 중…"))
        op = StoreOp(lambda store: _resubmit(store, officer, receipt_no, patch, reason))
        self.window_.runner.run(op.success(self._saved).failure(self._save_failed))

    def _nothing_changed(self) -> None:
        self.status.setText(tr("바뀐 내용이 없습니다. 고칠 곳을 고친 뒤 저장하십시오.")
                            if self.correcting else
                            tr("바뀐 내용이 없습니다. 관리자 요청대로 고친 뒤 제출하십시오."))

    def _saved(self, complaint) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        unchanged = complaint.version == self.complaint.version if self.correcting \
            else complaint.review_state == "has_issues"
        if unchanged:  # the store found nothing changed
            self._nothing_changed()
            return
        self.complaint = None
        self.saved.emit(complaint)

    def _save_failed(self, exc: Exception) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, PermissionDenied):
            self.status.setText(refusal_text(exc))
            if exc.code == "kind_sealed" and self.fields["kind"].isEnabled():
                self.fields["kind"].setFocus()
            return
        field = intake_draft.FIELD_OF_PATH.get(getattr(exc, "field", ""))
        show_refusal(exc, self.status, field=None if field in self.frozen else field,
                     errors=self.errors, fields=self.fields,
                     message=lambda f: field_message(f, exc, self.values()),
                     resubmit=not self.correcting)

    def cancel(self) -> None:
        if self._saving or not self.isVisible():
            return
        self.complaint = None
        self.cancelled.emit()

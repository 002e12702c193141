"""The complaint intake form (issue 4 item 3), in the order the conversation goes.

Petitioner (or anonymous) → consent (notice from ``resources/rules/consent.json``) → kind →
agency (searchable, ``resources/rules/agencies.json``) → region → title → body → channel →
disclosure → notification → on-site outcome → attachments
(:mod:`fieldbus.ui.intake.attachment_box`) → the petitioner's signature
(:mod:`fieldbus.ui.intake.signature_pad`, optional: it cannot be typed, and the office copy then
reads 서명 없음). The widgets only hold what is typed: the
form's content is a plain dict (:mod:`fieldbus.services.intake.draft`), checked as it changes with
the same domain rules the command line uses, and every error is shown under the field it
names. Saving, printing and the draft autosave are store operations on the worker
(:mod:`fieldbus.ui.shell.worker`); nothing here touches the store.

Keys: Tab walks the form in order; Ctrl+S saves; on the receipt screen Enter prints the
citizen's receipt and Esc goes on to the next citizen without printing.
"""

from __future__ import annotations

import base64
import logging
import os
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedLayout,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fieldbus.services.intake import attachments as intake_attachments, draft as intake_draft
from fieldbus.domain.deadlines import KST
from fieldbus.domain.errors import ValidationError
from fieldbus.services.settings import env_seconds
from fieldbus.ui.shell import messages
from fieldbus.ui.widgets.agency_picker import agency_combo
from fieldbus.ui.intake.attachment_box import AttachmentBox, save_problem_text
from fieldbus.ui.widgets.draft_autosave import DraftAutosave
from fieldbus.ui.widgets.form_parts import field_box, note_label, two_columns
from fieldbus.ui.widgets.form_problems import point_at_problems, show_refusal
from fieldbus.ui.printing.after_save import PrintAfterSave, Wording
from fieldbus.ui.printing.receipt_delivery import delivery
from fieldbus.ui.intake.signature_pad import SignaturePad
from fieldbus.ui.shell.worker import StoreOp

log = logging.getLogger(__name__)

DEFAULT_AUTOSAVE_SECONDS = 5.0
ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a5300; background: #fff4d6; padding: 2px;"
INFO_STYLE = "color: #0b5394; background: #e8f0fe; padding: 4px;"

#: The tab chain and the order errors are visited in.
ORDER = ("anonymous", "name", "type", "phone", "email", "address", "postcode", "birth_year",
         "consent", "kind", "agency", "region", "title", "body", "channel", "disclosure",
         "notify_by", "outcome", "referred_to")
PETITIONER_FIELDS = ("name", "type", "phone", "email", "address", "postcode", "birth_year")


def tr(text: str) -> str:
    return QCoreApplication.translate("intake", text)


def autosave_seconds(environ=os.environ) -> float:
    return env_seconds("FIELDBUS_DRAFT_SECONDS", DEFAULT_AUTOSAVE_SECONDS, environ)


def _choices() -> dict[str, list[tuple[str, str]]]:
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
    }


def field_message(field: str, exc: ValidationError, values: dict[str, Any]) -> str:
    """The reason for a field's error, in words, for the line under it."""
    code = exc.code
    if field in ("kind", "outcome", "channel", "disclosure", "type") and code in (
            "enum", "type", "required"):
        return tr("하나를 고르십시오.")
    if field == "phone":
        return tr("전화번호가 올바르지 않습니다 (예: 010-2345-6789, 054-480-1234).")
    if field == "email":
        return tr("전자우편 주소가 올바르지 않습니다 (예: name@example.kr).")
    if field == "postcode":
        return tr("우편번호는 숫자 5자리입니다.")
    if field == "birth_year":
        return tr("출생연도는 1900년부터 올해까지의 네 자리 숫자입니다.")
    if field == "notify_by" and code == "unreachable":
        return {
            "sms": tr("문자로 알리려면 휴대전화 번호와 개인정보 수집 동의가 필요합니다."),
            "email": tr("전자우편으로 알리려면 전자우편 주소와 개인정보 수집 동의가 필요합니다."),
            "post": tr("우편으로 알리려면 주소와 개인정보 수집 동의가 필요합니다."),
        }.get(values.get("notify_by") or "", tr("알릴 방법에 필요한 연락처가 없습니다."))
    if field == "disclosure" and code == "conflict":
        return tr("부패·공익신고는 신고자 보호를 위해 공개할 수 없습니다.")
    if field == "referred_to" and code == "required":
        return tr("이송·안내한 기관을 입력하십시오.")
    if code in ("required", "minLength"):
        return tr("꼭 입력해야 합니다.")
    if code in ("maxLength", "too_long"):
        return tr("너무 깁니다.")
    return messages.field_error(exc)


# -- store operations (run on the worker) --------------------------------------------------


def _save_complaint(store, officer, values: dict[str, Any]) -> str:
    from fieldbus.domain.intake import parse_complaint
    from fieldbus.store import complaints, drafts

    draft, _warnings = parse_complaint(intake_draft.to_intake(values), now=store.clock())
    attached = intake_attachments.from_draft(values.get("attachments"))
    draft = replace(draft, attachments=intake_attachments.files_for_save(attached),
                    signature=intake_draft.signature_png(values))
    complaint = complaints.add(store, draft, officer)
    # Cleared after the complaint is committed: a crash in between leaves a draft that
    # may duplicate a saved case, never a case lost.
    drafts.clear(store, officer.id)
    return complaint.receipt_no


def _print_receipt(store, officer, number: str, *, out: Path | None, printer: str | None,
                   layout: str) -> tuple[Any, Path | None]:
    from fieldbus.receipts.issue import print_complaint

    deliver, written = delivery(out, printer=printer, layout=layout)
    printed = print_complaint(store, officer, number, layout=layout, copy="citizen",
                              deliver=deliver)
    return printed, (written[0] if written else None)


def _load_draft(store, officer_id: str):
    """The officer's draft, and its attached files checked again: (draft, still there,
    what became of the others). A file that vanished since is taken off the list and
    the officer told so; the rest of the draft comes back as it was."""
    from fieldbus.store import drafts

    draft = drafts.load(store, officer_id)
    if draft is None:
        return None, [], []
    kept, gone = intake_attachments.recheck(
        intake_attachments.from_draft(draft.values.get("attachments")))
    return draft, kept, gone


# -- the widget ----------------------------------------------------------------------------


class IntakeForm(QWidget):
    """The "민원 접수" tab. ``window`` gives the store runner and the signed-in officer."""

    def __init__(self, window, *, autosave_s: float | None = None) -> None:
        super().__init__()
        self.window_ = window
        self.notice = intake_draft.consent_notice()
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.warnings: dict[str, QLabel] = {}
        self.touched: set[str] = set()
        self.check_all = False
        self.problems: intake_draft.Problems | None = None
        self._officer_id: str | None = None
        self._saving = False
        self._loading = False
        self._consent_at: str | None = None
        self._signature_b64 = ""

        self.setAcceptDrops(True)  # files dropped anywhere on the form are attached
        self.views = QStackedLayout(self)
        self.form_view = self._build_form()
        self.receipt_view = PrintAfterSave(window, Wording(
            heading=tr("접수되었습니다. 접수번호:"), number_name=tr("접수번호"),
            hint=tr("Enter: 시민용 접수증 인쇄   ·   Esc: 인쇄하지 않고 다음 민원"),
            print_button=tr("접수증 인쇄 (Enter)"), print_name=tr("접수증 인쇄"),
            next_button=tr("다음 민원 (Esc)"), next_name=tr("다음 민원"),
            saved_pdf=tr("접수증 {0}을(를) PDF로 저장했습니다 (프린터 설정 없음): {1}"),
            printed=tr("접수증 {0}을(를) 인쇄했습니다."),
            not_printed=tr("접수번호 {0}: 접수증을 인쇄하지 않았습니다."),
            still_saved=tr("{0} 민원은 저장되어 있습니다. Enter로 다시 시도하거나 "
                           "Esc로 넘어가십시오.")), _print_receipt, name="intake-receipt")
        self.receipt_view.done.connect(self._back_to_form)
        self.receipt_label = self.receipt_view.number_label
        self.print_message = self.receipt_view.print_message
        self.print_button = self.receipt_view.print_button
        self.views.addWidget(self.form_view)
        self.views.addWidget(self.receipt_view)

        self.drafts = DraftAutosave(
            window, prefix="draft", seconds=autosave_s or autosave_seconds(),
            values=self.values, busy=lambda: self._saving, is_blank=intake_draft.is_blank,
            restore=self._restore_draft, problem=self._draft_problem, load=_load_draft,
            draft_of=lambda loaded: loaded[0], parent=self)
        window.pages.currentChanged.connect(self._page_changed)
        self._update_enabled()
        self.validate()

    # -- building ----------------------------------------------------------------------

    def _labelled(self, form: QFormLayout, key: str, label: str, widget: QWidget, *,
                  rrn: bool = False) -> None:
        widget.setAccessibleName(label)
        self.fields[key] = widget
        error = note_label(f"intake-error-{key}", tr("{0} 오류").format(label), ERROR_STYLE)
        self.errors[key] = error
        notes = [error]
        if rrn or key == "consent":
            warning = note_label(f"intake-warning-{key}", tr("{0} 경고").format(label),
                                 WARNING_STYLE)
            self.warnings[key] = warning
            notes.append(warning)
        box = field_box(widget, *notes)
        caption = QLabel(label)
        caption.setBuddy(widget)
        form.addRow(caption, box)

    def _combo(self, key: str, placeholder: str | None = None) -> QComboBox:
        combo = QComboBox()
        for text, code in _choices()[key]:
            combo.addItem(text, code)
        if placeholder is not None:
            combo.setPlaceholderText(placeholder)
            combo.setCurrentIndex(-1)
        combo.currentIndexChanged.connect(lambda _i, k=key: self._edited(k))
        return combo

    def _line(self, key: str, *, max_len: int, placeholder: str = "") -> QLineEdit:
        line = QLineEdit()
        line.setMaxLength(max_len)
        line.setPlaceholderText(placeholder)
        line.textChanged.connect(lambda _t, k=key: self._edited(k))
        return line

    def _build_form(self) -> QWidget:
        self.banner = note_label("intake-banner", tr("접수 안내"), INFO_STYLE)
        outer, left, right = two_columns(self.banner, tr("민원 접수 양식"))

        # 1. petitioner
        who = QGroupBox(tr("1. 민원인"))
        who_form = QFormLayout(who)
        self.anonymous = QCheckBox(tr("익명으로 접수 (민원인 정보 없이)"))
        self.anonymous.setAccessibleName(tr("익명 접수"))
        self.anonymous.toggled.connect(lambda _c: self._edited("anonymous"))
        self.fields["anonymous"] = self.anonymous
        who_form.addRow(self.anonymous)
        self._labelled(who_form, "name", tr("성명"), self._line("name", max_len=50), rrn=True)
        self._labelled(who_form, "type", tr("민원인 유형"), self._combo("type"))
        self._labelled(who_form, "phone", tr("전화번호"),
                       self._line("phone", max_len=30, placeholder="010-2345-6789"))
        self._labelled(who_form, "email", tr("전자우편"),
                       self._line("email", max_len=254, placeholder="name@example.kr"))
        self._labelled(who_form, "address", tr("주소"), self._line("address", max_len=300),
                       rrn=True)
        self._labelled(who_form, "postcode", tr("우편번호"),
                       self._line("postcode", max_len=5, placeholder=tr("숫자 5자리")))
        self._labelled(who_form, "birth_year", tr("출생연도"),
                       self._line("birth_year", max_len=4, placeholder=tr("예: 1951")))
        left.addWidget(who)

        # 2. consent
        agree = QGroupBox(tr("2. 개인정보 수집·이용 동의"))
        agree_layout = QFormLayout(agree)
        n = self.notice
        self.notice_text = QTextBrowser()
        self.notice_text.setAccessibleName(tr("개인정보 수집·이용 안내문"))
        self.notice_text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notice_text.setHtml(
            f"<b>{n.title}</b> <small>({tr('안내문 판')} {n.version})</small><br>"
            f"<b>{tr('목적')}</b>: {n.purpose}<br>"
            f"<b>{tr('항목')}</b>: {', '.join(n.items)}<br>"
            f"<b>{tr('보유 기간')}</b>: {n.retention}<br>"
            f"<b>{tr('거부할 권리')}</b>: {n.refusal}<br>"
            f"<small>{tr('근거')}: {n.basis}</small>")
        self.notice_text.setMinimumHeight(150)
        agree_layout.addRow(self.notice_text)
        consent = QCheckBox(tr("위 내용을 듣고 개인정보 수집·이용에 동의함"))
        consent.toggled.connect(self._consent_toggled)
        self._labelled(agree_layout, "consent", tr("동의 여부"), consent)
        left.addWidget(agree)
        left.addStretch(1)

        # 3. the complaint
        what = QGroupBox(tr("3. 민원 내용"))
        what_form = QFormLayout(what)
        self._labelled(what_form, "kind", tr("민원 종류"),
                       self._combo("kind", tr("민원 종류를 고르십시오")))
        self._labelled(what_form, "agency", tr("관계 기관"), self._agency_combo(), rrn=True)
        self._labelled(what_form, "region", tr("발생 지역"),
                       self._line("region", max_len=100, placeholder=tr("예: 경상북도 구미시")),
                       rrn=True)
        self._labelled(what_form, "title", tr("제목"), self._line("title", max_len=200),
                       rrn=True)
        body = QPlainTextEdit()
        body.setTabChangesFocus(True)
        body.setMinimumHeight(110)
        body.textChanged.connect(lambda: self._edited("body"))
        self._labelled(what_form, "body", tr("내용"), body, rrn=True)
        self._labelled(what_form, "channel", tr("접수 경로"), self._combo("channel"))
        self._labelled(what_form, "disclosure", tr("공개 여부"), self._combo("disclosure"))
        self._labelled(what_form, "notify_by", tr("처리 결과 통지"), self._combo("notify_by"))
        self._labelled(what_form, "outcome", tr("현장 처리 결과"),
                       self._combo("outcome", tr("현장 처리 결과를 고르십시오")))
        self._labelled(what_form, "referred_to", tr("이송·안내 기관"),
                       self._line("referred_to", max_len=100), rrn=True)
        right.addWidget(what)

        # 4. attachments, 5. the petitioner's signature
        files = QGroupBox(tr("4. 첨부 파일"))
        QVBoxLayout(files).addWidget(self._attachment_box())
        right.addWidget(files)
        sign = QGroupBox(tr("5. 민원인 서명 (선택)"))
        QVBoxLayout(sign).addWidget(self._signature_pad())
        right.addWidget(sign)
        right.addStretch(1)

        bar = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("intake-status")
        self.status.setAccessibleName(tr("접수 상태"))
        self.status.setWordWrap(True)
        bar.addWidget(self.status, 1)
        self.save_button = QPushButton(tr("저장 (Ctrl+S)"))
        self.save_button.setAccessibleName(tr("저장"))
        self.save_button.clicked.connect(self.save)
        bar.addWidget(self.save_button)
        outer.layout().addLayout(bar)

        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), outer)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)

        chain = [self.fields[key] for key in ORDER] + self.attachments.focus_chain() \
            + self.signature.focus_chain() + [self.save_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)
        return outer

    def _attachment_box(self) -> AttachmentBox:
        self.attachments = AttachmentBox()
        return self.attachments

    def _signature_pad(self) -> SignaturePad:
        self.signature = SignaturePad()
        self.signature.changed.connect(self._signature_changed)
        return self.signature

    def _signature_changed(self) -> None:
        png = self.signature.png()
        self._signature_b64 = base64.b64encode(png).decode("ascii") if png else ""

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.views.currentWidget() is self.form_view:
            self.attachments.accept_drag(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        self.attachments.take_drop(event)

    def _agency_combo(self) -> QComboBox:
        combo = agency_combo()
        combo.editTextChanged.connect(lambda _t: self._edited("agency"))
        return combo

    # -- the content -------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        f = self.fields
        values = intake_draft.empty_values()
        values["anonymous"] = self.anonymous.isChecked()
        for key in ("name", "phone", "email", "address", "postcode", "birth_year", "region",
                    "title", "referred_to"):
            values[key] = f[key].text()
        values["agency"] = f["agency"].currentText()
        values["body"] = f["body"].toPlainText()
        for key in ("type", "kind", "channel", "disclosure", "notify_by", "outcome"):
            combo = f[key]
            values[key] = combo.currentData() if combo.currentIndex() >= 0 else ""
        values["consent"] = f["consent"].isChecked()
        values["consent_at"] = self._consent_at if values["consent"] else None
        values["attachments"] = [a.to_json() for a in self.attachments.files()]
        values["signature"] = self._signature_b64
        return values

    def set_values(self, values: dict[str, Any]) -> None:
        v = intake_draft.normalised(values)
        f = self.fields
        self._loading = True
        try:
            self.anonymous.setChecked(bool(v["anonymous"]))
            for key in ("name", "phone", "email", "address", "postcode", "birth_year",
                        "region", "title", "referred_to"):
                f[key].setText(v[key] or "")
            f["agency"].setEditText(v["agency"] or "")
            f["body"].setPlainText(v["body"] or "")
            for key in ("type", "kind", "channel", "disclosure", "notify_by", "outcome"):
                combo = f[key]
                index = combo.findData(v[key]) if v[key] is not None else -1
                if index < 0 and key not in ("kind", "outcome"):
                    index = 0
                combo.setCurrentIndex(index)
            f["consent"].setChecked(bool(v["consent"]))
            self._consent_at = v["consent_at"]
            self.attachments.set_files(intake_attachments.from_draft(v["attachments"]))
            self.signature.set_png(intake_draft.decoded_signature(v["signature"]))
            self._signature_changed()
        finally:
            self._loading = False
        blank = intake_draft.empty_values()
        self.touched = {key for key in ORDER if v.get(key) != blank.get(key)}
        self.check_all = False
        self._update_enabled()
        self.validate()

    def clear(self) -> None:
        self.set_values(intake_draft.empty_values())
        self.touched.clear()
        self.validate()

    # -- as the officer types ----------------------------------------------------------

    def _consent_toggled(self, checked: bool) -> None:
        if not self._loading:
            self._consent_at = datetime.now(KST).isoformat(timespec="seconds") if checked \
                else None
        self._edited("consent")

    def _edited(self, key: str) -> None:
        if self._loading:
            return
        self.touched.add(key)
        if key in ("anonymous", "outcome"):
            self._update_enabled()
        self.validate()

    def _update_enabled(self) -> None:
        anonymous = self.anonymous.isChecked()
        for key in (*PETITIONER_FIELDS, "consent"):
            self.fields[key].setEnabled(not anonymous)
        self.signature.setEnabled(not anonymous)  # a signature would name the petitioner
        self.fields["referred_to"].setEnabled(self.fields["outcome"].currentData() == "referred")

    def _untouched(self) -> set[str]:
        """Fields not yet reached: after the furthest one the officer has edited."""
        if self.check_all:
            return set()
        reached = max((ORDER.index(k) for k in self.touched if k in ORDER), default=-1)
        return {key for i, key in enumerate(ORDER) if i > reached and key not in self.touched}

    def validate(self) -> intake_draft.Problems:
        values = self.values()
        found = intake_draft.problems(values, now=datetime.now(KST),
                                      untouched=self._untouched())
        self.problems = found
        for key, label in self.errors.items():
            exc = found.errors.get(key)
            if exc is not None and self.fields[key].isEnabled():
                label.setText(field_message(key, exc, values))
                label.show()
            else:
                label.clear()
                label.hide()
        for key, label in self.warnings.items():
            text = ""
            if key in found.rrn_fields:
                text = tr("주민등록번호로 보이는 번호가 있습니다. 주민등록번호는 받지 않습니다 — "
                          "지우십시오. 그대로 저장하면 뒷자리를 *로 가립니다.")
            elif key == "consent" and any(w.code == "contact_dropped" for w in found.warnings):
                text = tr("동의하지 않았으므로 연락처(전화·전자우편·주소)는 저장하지 않습니다. "
                          "민원은 그대로 접수됩니다.")
            label.setText(text)
            label.setVisible(bool(text))
        return found

    # -- saving ------------------------------------------------------------------------

    def _officer(self):
        return getattr(self.window_, "officer", None)

    def save(self) -> None:
        officer = self._officer()
        if self._saving or officer is None or self.views.currentWidget() is not self.form_view:
            return
        if self.attachments.busy:
            self.status.setText(tr("첨부 파일을 아직 읽고 있습니다. 잠시 뒤 다시 저장하십시오."))
            return
        self.check_all = True
        found = self.validate()
        if not found.ok:
            point_at_problems(found.errors, ORDER, self.fields, self.status)
            return
        values = self.values()
        self._saving = True
        self.save_button.setEnabled(False)
        self.save_button.setText(tr("저장 중…"))
        self.status.setText("")
        op = StoreOp(lambda store: _save_complaint(store, officer, values))
        self.window_.runner.run(op.success(self._saved).failure(self._save_failed))

    def _saved(self, number: str) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.save_button.setText(tr("저장 (Ctrl+S)"))
        self.clear()
        self.drafts.settled()  # saved: not a draft (cleared with the save)
        self.banner.hide()
        self.views.setCurrentWidget(self.receipt_view)
        self.receipt_view.show_number(number)
        refresh = getattr(self.window_, "refresh_outbox", None)
        if refresh is not None:
            refresh()

    def _save_failed(self, exc: Exception) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.save_button.setText(tr("저장 (Ctrl+S)"))
        if isinstance(exc, ValidationError) and exc.field.startswith("attachments"):
            self.attachments.show_problem(save_problem_text(exc, self.attachments.files()))
            self.attachments.list.setFocus()
            self.status.setText(tr("저장하지 않았습니다. 첨부 파일을 확인하십시오."))
            return
        field = intake_draft.FIELD_OF_PATH.get(getattr(exc, "field", ""))
        show_refusal(exc, self.status, field=field, errors=self.errors, fields=self.fields,
                     message=lambda f: field_message(f, exc, self.values()))

    @property
    def receipt_no(self) -> str | None:
        return self.receipt_view.number

    @property
    def last_receipt_pdf(self) -> Path | None:
        return self.receipt_view.last_pdf

    def _back_to_form(self, text: str) -> None:
        self.views.setCurrentWidget(self.form_view)
        self.status.setText(text)
        self.fields["name"].setFocus()

    # -- drafts ------------------------------------------------------------------------

    def _page_changed(self, _index: int) -> None:
        window = self.window_
        officer = self._officer()
        if officer is None or window.pages.currentWidget() is not getattr(window, "work_page",
                                                                          None):
            return
        if officer.id == self._officer_id:
            return  # back from the lock: the form kept its content
        self._officer_id = officer.id
        self.views.setCurrentWidget(self.form_view)
        self.clear()
        self.fields["name"].setFocus()
        self.drafts.start(officer.id)

    def _restore_draft(self, loaded) -> None:
        draft, kept, gone = loaded
        self.set_values(draft.values)
        self.attachments.set_files(kept, gone)
        at = draft.saved_at.astimezone(KST).strftime("%H:%M:%S")
        text = tr("저장하지 않은 접수 내용이 있어 되살렸습니다 ({0}에 자동 저장). 확인한 뒤 "
                  "저장하십시오.").format(at)
        self.banner.setText(text)
        self.banner.show()
        self.window_.statusBar().showMessage(text, 15_000)

    def _draft_problem(self, what: str) -> None:
        self.status.setText(tr("임시 저장본을 불러오지 못했습니다.") if what == "load"
                            else tr("임시 저장에 실패했습니다. 디스크를 확인하십시오."))

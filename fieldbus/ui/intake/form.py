"""The complaint intake form (issue 4 item 3), in the order the conversation goes.

Petitioner (or anonymous) → consent (notice from ``resources/rules/consent.json``: name and
address listed apart as processed on the basis of 민원처리법, consent asked only for the
consented items, 개인정보 보호법 제22조③) → kind → agency (searchable,
``resources/rules/agencies.json``) → region → title → body → channel → disclosure →
notification → on-site outcome → what the citizen is told at intake (민원처리법 시행령
제6조④; empty = the kind's default from ``resources/rules/receipt-content.json``) → for a
report, the reporter's consent to disclosure of identity and the read-back of an oral report
(공익신고자 보호법 제8조③, required before saving) → attachments
(:mod:`fieldbus.ui.intake.attachment_box`) → the petitioner's signature
(:mod:`fieldbus.ui.intake.signature_pad`, optional: it cannot be typed, and the office copy then
reads 서명 없음). The widgets only hold what is typed: the
form's content is a plain dict (:mod:`fieldbus.services.intake.draft`), checked as it changes with
the same domain rules the command line uses, and every error is shown under the field it
names. Saving, printing and the draft autosave are store operations on the worker
(:mod:`fieldbus.ui.shell.worker`); nothing here touches the store. The words for the
choices and for each error are :mod:`fieldbus.ui.widgets.complaint_fields` (the
returned-case editor shows the same), the fields are built from
:mod:`fieldbus.ui.widgets.form_parts`.

Keys: Tab walks the form in order; Ctrl+S saves; on the receipt screen Enter prints the
citizen's receipt and Esc goes on to the next citizen without printing.
"""

from __future__ import annotations

import base64
import logging
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QStackedLayout,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fieldbus.services.intake import attachments as intake_attachments, draft as intake_draft
from fieldbus.domain import receipt_content
from sync.deadlines import KST
from fieldbus.domain.errors import ValidationError
from fieldbus.ui.intake.attachment_box import AttachmentBox, save_problem_text
from fieldbus.ui.intake.columns import columned_form
from fieldbus.ui.intake.signature_pad import SignaturePad
from fieldbus.ui.printing.after_save import PrintAfterSave, Wording
from fieldbus.ui.printing.receipt_delivery import delivery
from fieldbus.ui.shell.worker import StoreOp
from fieldbus.ui.widgets.agency_picker import agency_combo
from fieldbus.ui.widgets.complaint_fields import (
    choices,
    field_message,
    report_question,
    rrn_warning,
)
from fieldbus.ui.widgets.draft_autosave import DraftAutosave, problem_text
from fieldbus.ui.widgets import form_parts
from fieldbus.ui.widgets.form_problems import point_at_problems, recount, show_refusal
from fieldbus.ui.widgets.keys import tab_chain

log = logging.getLogger(__name__)

#: The tab chain and the order errors are visited in.
ORDER = ("anonymous", "name", "type", "phone", "email", "address", "postcode", "birth_year",
         "consent", "kind", "agency", "region", "title", "body", "channel", "disclosure",
         "notify_by", "outcome", "referred_to", "documents", "documents_missing", "procedure",
         "site_check", "identity_disclosure", "oral", "read_back")
#: For a report only (kind ``report``).
REPORT_FIELDS = ("identity_disclosure", "oral", "read_back")
PETITIONER_FIELDS = ("name", "type", "phone", "email", "address", "postcode", "birth_year")


def tr(text: str) -> str:
    return QCoreApplication.translate("intake", text)


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
                   layout: str, copy: str = "citizen") -> tuple[Any, Path | None]:
    from fieldbus.receipts.issue import print_complaint

    deliver, written = delivery(out, printer=printer, layout=layout)
    printed = print_complaint(store, officer, number, layout=layout, copy=copy,
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
        #: Fields the keyboard focus has been in and left (their problems show).
        self.left: set[str] = set()
        self.check_all = False
        self.problems: intake_draft.Problems | None = None
        #: A report's question before saving, while it is open (issue 12).
        self.report_question = None
        self._saving = False
        self._loading = False
        self._consent_at: str | None = None
        self._signature_b64 = ""
        #: 발생 지역's default: the open visit's region (issue 12), asked of the store when
        #: the form shows and after each save; '' with no visit open.
        self.visit_region = ""

        self.setAcceptDrops(True)  # files dropped anywhere on the form are attached
        self.views = QStackedLayout(self)
        self.form_view = self._build_form()
        self.receipt_view = PrintAfterSave(window, Wording(
            heading=tr("접수되었습니다. 접수번호:"), number_name=tr("접수번호"),
            hint=tr("Enter: 아래 고른 대로 접수증 인쇄   ·   Esc: 인쇄하지 않고 다음 민원"),
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
            window, prefix="draft", seconds=autosave_s,
            values=self.values, busy=lambda: self._saving,
            is_blank=lambda values: intake_draft.is_blank(values, region=self.visit_region),
            restore=self._restore_draft,
            problem=lambda what: self.status.setText(problem_text(what)), load=_load_draft,
            draft_of=lambda loaded: loaded[0], parent=self)
        window.pages.currentChanged.connect(self._page_changed)
        self.leave_watch = form_parts.LeaveWatch(self, self.fields, self._left)
        self._update_enabled()
        self.validate()

    # -- building ----------------------------------------------------------------------

    def _labelled(self, form: QFormLayout, key: str, label: str, widget: QWidget, *,
                  rrn: bool = False) -> None:
        self.fields[key] = widget
        self.errors[key] = error = form_parts.error_note("intake", key, label)
        notes = [error]
        if rrn or key == "consent":
            self.warnings[key] = warning = form_parts.warning_note("intake", key, label)
            notes.append(warning)
        form_parts.labelled_row(form, label, widget, *notes)

    def _combo(self, key: str, placeholder: str | None = None) -> QComboBox:
        return form_parts.choice_combo(key, self._edited, choices()[key], placeholder)

    def _line(self, key: str, *, max_len: int, placeholder: str = "") -> QLineEdit:
        return form_parts.line_edit(key, self._edited, max_len=max_len, placeholder=placeholder)

    def _build_form(self) -> QWidget:
        self.banner = form_parts.note_label("intake-banner", tr("접수 안내"), form_parts.INFO_STYLE)

        # 1. petitioner
        who = QGroupBox(tr("1. 민원인"))
        who_form = QFormLayout(who)
        self.anonymous = form_parts.check_box("anonymous", self._edited,
                                   tr("익명으로 접수 (민원인 정보 없이)"), tr("익명 접수"))
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

        # 2. personal data: the legal-basis items apart from the consented ones (제22조③)
        agree = QGroupBox(tr("2. 개인정보 처리 안내와 동의"))
        agree_layout = QFormLayout(agree)
        n = self.notice
        self.legal_text = QTextBrowser()
        self.legal_text.setAccessibleName(tr("동의 없이 처리하는 항목"))
        self.legal_text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        legal = "".join(f"<li><b>{i.label}</b>: {i.purpose}<br><small>{tr('근거')}: "
                        f"{i.basis}</small></li>" for i in n.legal_items)
        no_consent = tr("동의를 받지 않습니다. 익명 접수는 성명·주소를 받지 않으며 법정 "
                        "처리기간이 없습니다.")
        self.legal_text.setHtml(
            f"<b>{n.legal_title}</b> <small>({tr('안내문 판')} {n.version})</small>"
            f"<ul>{legal}</ul><small>{no_consent}</small>")
        self.legal_text.setMinimumHeight(80)  # it scrolls: the form fits a laptop screen
        agree_layout.addRow(self.legal_text)
        self.notice_text = QTextBrowser()
        self.notice_text.setAccessibleName(tr("개인정보 수집·이용 안내문"))
        self.notice_text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        items = "".join(f"<li><b>{i.label}</b>: {i.purpose}</li>" for i in n.consent_items)
        self.notice_text.setHtml(
            f"<b>{n.consent_title}</b><ul>{items}</ul>"
            f"<b>{tr('보유 기간')}</b>: {n.retention}<br>"
            f"<b>{tr('거부할 권리')}</b>: {n.refusal}<br>"
            f"<small>{tr('근거')}: {n.consent_basis}</small>")
        self.notice_text.setMinimumHeight(100)
        agree_layout.addRow(self.notice_text)
        consent = QCheckBox(tr("위 선택 항목의 수집·이용에 동의함"))
        consent.toggled.connect(self._consent_toggled)
        self._labelled(agree_layout, "consent", tr("동의 여부"), consent)
        guidance = self._guidance_box()

        # 3. the complaint
        what = QGroupBox(tr("3. 민원 내용"))
        what_form = QFormLayout(what)
        self._labelled(what_form, "kind", tr("민원 종류"),
                       self._combo("kind", tr("민원 종류를 고르십시오")))
        self._labelled(what_form, "agency", tr("관계 기관"), agency_combo(self._edited),
                       rrn=True)
        self._labelled(what_form, "region", tr("발생 지역"),
                       self._line("region", max_len=100, placeholder=tr("예: 경상북도 구미시")),
                       rrn=True)
        self._labelled(what_form, "title", tr("제목"), self._line("title", max_len=200),
                       rrn=True)
        self._labelled(what_form, "body", tr("내용"),
                       form_parts.text_box("body", self._edited, min_height=72), rrn=True)
        self._labelled(what_form, "channel", tr("접수 경로"), self._combo("channel"))
        self._labelled(what_form, "disclosure", tr("공개 여부"), self._combo("disclosure"))
        self._labelled(what_form, "notify_by", tr("처리 결과 통지"), self._combo("notify_by"))
        self._labelled(what_form, "outcome", tr("현장 처리 결과"),
                       self._combo("outcome", tr("현장 처리 결과를 고르십시오")))
        self._labelled(what_form, "referred_to", tr("이송·안내 기관"),
                       self._line("referred_to", max_len=100), rrn=True)
        report = self._report_box()

        # 4. attachments, 5. the petitioner's signature
        files = QGroupBox(tr("4. 첨부 파일"))
        QVBoxLayout(files).addWidget(self._attachment_box())
        sign = QGroupBox(tr("5. 민원인 서명 (선택)"))
        QVBoxLayout(sign).addWidget(self._signature_pad())
        # In reading order: three columns on the laptop's screen, else two (columns.py).
        outer, self.columns = columned_form(
            self.banner, tr("민원 접수 양식"), [who, agree, what, guidance, report, files, sign],
            wide=[0, 0, 1, 1, 2, 2, 2], narrow=[0, 0, 1, 0, 1, 1, 1],
            stretchy=[self.legal_text, self.notice_text, self.fields["body"],
                      self.fields["procedure"], self.attachments.list])

        self.status, self.save_button = form_parts.save_bar(
            outer, self.save, status_object="intake-status", status_name=tr("접수 상태"),
            save_text=tr("저장 (Ctrl+S)"), save_name=tr("저장"))
        tab_chain([self.fields[key] for key in ORDER] + self.attachments.focus_chain()
                  + self.signature.focus_chain() + [self.save_button])
        return outer

    def _guidance_box(self) -> QGroupBox:
        """민원처리법 시행령 제6조④: what the citizen is told at intake. An empty box
        prints the kind's default, which it shows as its placeholder."""
        box = QGroupBox(tr("접수 안내 (민원처리법 시행령 제6조④)"))
        form = QFormLayout(box)
        self.guidance_hint = form_parts.note_label(
            "intake-guidance-hint", tr("접수 안내 설명"), form_parts.INFO_STYLE)
        self.guidance_hint.setText(tr("구비서류, 처리 기준과 절차, 현장 확인·조사 예정을 "
                                      "안내하고 접수증에 적습니다. 비워 두면 민원 종류별 "
                                      "기본 안내를 인쇄합니다. 처리 예정 기간은 접수증의 "
                                      "처리 기간·처리 예정일입니다."))
        form.addRow(self.guidance_hint)
        self.guidance_hint.setVisible(True)  # in the form now: not a window of its own
        self._labelled(form, "documents", tr("구비서류"), self._combo("documents"))
        self._labelled(form, "documents_missing", tr("보완할 서류"),
                       self._line("documents_missing", max_len=500), rrn=True)
        self._labelled(form, "procedure", tr("처리 기준과 절차"),
                       form_parts.text_box("procedure", self._edited, min_height=44),
                       rrn=True)
        self._labelled(form, "site_check", tr("현장 확인·조사"),
                       self._line("site_check", max_len=500), rrn=True)
        return box

    def _report_box(self) -> QGroupBox:
        """For a report: 신분공개 동의 (시행령 제55조①7·②, 공익신고자 보호법 시행령
        제7조①7·②, with the explanation the law asks for) and the read-back of an oral
        report before it is signed (공익신고자 보호법 제8조③)."""
        texts = receipt_content.table()
        self.report_group = box = QGroupBox(tr("신고자 보호 (부패·공익신고)"))
        form = QFormLayout(box)
        explain = QLabel(f"{texts['identity_disclosure']['question']}<br>"
                         f"<small>{texts['identity_disclosure']['explanation']}<br>"
                         f"{tr('근거')}: {texts['identity_disclosure']['basis']}</small>")
        explain.setObjectName("intake-identity-explanation")
        explain.setWordWrap(True)
        form.addRow(explain)
        self._labelled(form, "identity_disclosure", tr("신분공개 동의"),
                       self._combo("identity_disclosure"))
        oral = form_parts.check_box("oral", self._edited,
                         tr("구술 신고 (신고서 없이 말로 신고, 담당자가 받아 적음)"), tr("구술 신고"))
        self._labelled(form, "oral", tr("신고 방법"), oral)
        read_back = QCheckBox(texts["read_back"]["confirm"])
        read_back.setAccessibleName(tr("신고 내용 읽어 주기 확인"))
        read_back.toggled.connect(self._read_back_toggled)
        self._labelled(form, "read_back", tr("읽어 주기"), read_back)
        basis = QLabel(f"<small>{tr('근거')}: {texts['read_back']['basis']} — "
                       f"{texts['read_back']['text']}</small>")
        basis.setWordWrap(True)
        form.addRow(basis)
        self._read_back_at: str | None = None
        return box

    def _read_back_toggled(self, checked: bool) -> None:
        if not self._loading:
            self._read_back_at = datetime.now(KST).isoformat(timespec="seconds") if checked \
                else None
        self._edited("read_back")

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
            values[key] = form_parts.chosen_code(f[key])
        values["consent"] = f["consent"].isChecked()
        values["consent_at"] = self._consent_at if values["consent"] else None
        for key in ("documents_missing", "site_check"):
            values[key] = f[key].text()
        values["procedure"] = f["procedure"].toPlainText()
        for key in ("documents", "identity_disclosure"):
            values[key] = form_parts.chosen_code(f[key])
        values["oral"] = f["oral"].isChecked()
        values["read_back"] = f["read_back"].isChecked()
        values["read_back_at"] = self._read_back_at if values["read_back"] else None
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
            for key in ("documents_missing", "site_check"):
                f[key].setText(v[key] or "")
            f["procedure"].setPlainText(v["procedure"] or "")
            for key in ("documents", "identity_disclosure"):
                index = f[key].findData(v[key] or "")
                f[key].setCurrentIndex(max(index, 0))
            f["oral"].setChecked(bool(v["oral"]))
            f["read_back"].setChecked(bool(v["read_back"]))
            self._read_back_at = v["read_back_at"]
            self.attachments.set_files(intake_attachments.from_draft(v["attachments"]))
            self.signature.set_png(intake_draft.decoded_signature(v["signature"]))
            self._signature_changed()
        finally:
            self._loading = False
        blank = intake_draft.empty_values(region=self.visit_region)
        self.touched = {key for key in ORDER if v.get(key) != blank.get(key)}
        self.left = set()
        self.check_all = False
        self._update_enabled()
        self.validate()

    def clear(self) -> None:
        self.set_values(intake_draft.empty_values(region=self.visit_region))
        self.touched.clear()
        self.validate()

    # -- the open visit's region -------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self._ask_visit_region()

    def _ask_visit_region(self) -> None:
        window = self.window_
        if self._officer() is None or not window.runner.running:
            return
        window.runner.run(StoreOp(intake_draft.visit_region).success(self._visit_region_known))

    def _visit_region_known(self, region: str) -> None:
        """Prefill 발생 지역 unless the officer has typed one: the field is empty or still
        holds the previous default."""
        before, self.visit_region = self.visit_region, region
        field = self.fields["region"]
        if region == before and field.text() == region or "region" in self.touched \
                or field.text() not in ("", before):
            return
        self._loading = True
        try:
            field.setText(region)
        finally:
            self._loading = False
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
        if key == "kind" and self.fields["kind"].currentData() == "report" \
                and "oral" not in self.touched:
            # On the bus a report is told and written down by the officer (제8조②): oral,
            # so it must be read back before saving (제8조③) unless the officer unticks it.
            self._loading = True
            self.fields["oral"].setChecked(True)
            self._loading = False
        if key in ("anonymous", "outcome", "kind", "documents", "oral"):
            self._update_enabled()
        self.validate()

    def _update_enabled(self) -> None:
        anonymous = self.anonymous.isChecked()
        for key in (*PETITIONER_FIELDS, "consent"):
            self.fields[key].setEnabled(not anonymous)
        self.signature.setEnabled(not anonymous)  # a signature would name the petitioner
        self.fields["referred_to"].setEnabled(self.fields["outcome"].currentData() == "referred")
        self.fields["documents_missing"].setEnabled(
            self.fields["documents"].currentData() == "incomplete")
        kind = self.fields["kind"].currentData()
        report = kind == "report"
        self.report_group.setVisible(report)
        for key in REPORT_FIELDS:
            self.fields[key].setEnabled(report)
        self.fields["identity_disclosure"].setEnabled(report and not anonymous)
        self.fields["read_back"].setEnabled(report and self.fields["oral"].isChecked())
        self._show_defaults(kind)

    def _show_defaults(self, kind: str | None) -> None:
        """The kind's default guidance as the placeholder of each empty box."""
        if not kind:
            for key in ("procedure", "site_check"):
                self.fields[key].setPlaceholderText(tr("민원 종류를 고르면 기본 안내가 보입니다"))
            return
        default = receipt_content.table()["defaults"][kind]
        self.fields["procedure"].setPlaceholderText(default["procedure"])
        self.fields["site_check"].setPlaceholderText(default["site_check"])
        words = dict((code, text) for text, code in choices()["documents"])
        self.fields["documents"].setItemText(
            0, tr("종류별 기본 안내: {0}").format(words[default["documents"]]))

    def _left(self, key: str) -> None:
        if key not in self.left:
            self.left.add(key)
            self.validate()

    def _untouched(self) -> set[str]:
        """Fields not reached yet: neither edited nor been in and left (all are reached
        once Save was tried)."""
        if self.check_all:
            return set()
        return {key for key in ORDER if key not in self.touched and key not in self.left}

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
                text = rrn_warning()
            elif key == "consent" and any(w.code == "contact_dropped" for w in found.warnings):
                text = tr("동의하지 않았으므로 전화번호·전자우편·우편번호·출생연도는 저장하지 "
                          "않습니다. 성명·주소는 민원처리법에 따라 처리합니다. 민원은 그대로 "
                          "접수됩니다.")
            label.setText(text)
            label.setVisible(bool(text))
        recount(self.status, found.errors)
        return found

    # -- saving ------------------------------------------------------------------------

    def _officer(self):
        return getattr(self.window_, "officer", None)

    def save(self) -> None:
        officer = self._officer()
        if self._saving or officer is None or self.views.currentWidget() is not self.form_view \
                or self.report_question is not None:
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
        if values["kind"] == "report":  # sealed and on its own deadline: asked once
            self.report_question = box = report_question(self)
            box.finished.connect(lambda _r: self._report_answered(box, officer, values))
            box.open()
            return
        self._store(officer, values)

    def _report_answered(self, box, officer, values: dict[str, Any]) -> None:
        self.report_question = None
        box.deleteLater()
        if box.clickedButton() is not box.button(box.StandardButton.Yes):
            self.status.setText(tr("저장하지 않았습니다. 민원 종류를 확인하십시오."))
            self.fields["kind"].setFocus()
            return
        self._store(officer, values)

    def _store(self, officer, values: dict[str, Any]) -> None:
        self._saving = True
        form_parts.show_saving(self.save_button, True)
        self.status.setText("")
        op = StoreOp(lambda store: _save_complaint(store, officer, values))
        self.window_.runner.run(op.success(self._saved).failure(self._save_failed))

    def _saved(self, number: str) -> None:
        self._saving = False
        form_parts.show_saving(self.save_button, False)
        self.clear()
        self._ask_visit_region()  # a visit may have opened or closed meanwhile
        self.drafts.settled()  # saved: not a draft (cleared with the save)
        self.banner.hide()
        self.views.setCurrentWidget(self.receipt_view)
        self.receipt_view.show_number(number)
        form_parts.outbox_grew(self.window_)

    def _save_failed(self, exc: Exception) -> None:
        self._saving = False
        form_parts.show_saving(self.save_button, False)
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
        with self.leave_watch.quietly():
            self.views.setCurrentWidget(self.form_view)
            self.status.setText(text)
            self.fields["name"].setFocus()

    # -- drafts ------------------------------------------------------------------------

    def _page_changed(self, _index: int) -> None:
        officer = self.drafts.arriving()
        if officer is None:
            return
        with self.leave_watch.quietly():
            self.views.setCurrentWidget(self.form_view)
            self.clear()
            self.fields["name"].setFocus()
        self._ask_visit_region()
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

"""The counsel session form (issue 4 item 5): 행정심판 국선대리인 상담.

Appellant → disposition challenged (agency, title, date of disposition, date learned of it,
the appeal's type, whether the agency told the period and which, a force majeure and when
it ended, abroad — 행정심판법 제27조②⑤⑥⑦) → the appeal deadline, live, with the rule that
gave it → eligibility basis (시행령 제16조의2①), consent to the committee's 행정정보
공동이용 check (③, categories 1, 2, 4, 6 only), how it was checked, and what the
application needs (②) → counsel →
confidential notes (only for counsel and supervisors) → next step → outcome. The widgets
only hold what is typed; :mod:`fieldbus.services.counsel_draft` checks it with the domain's
``parse_counsel`` and computes the deadline. Saving, printing and the list of today's
sessions are store operations on the worker; nothing here touches the store. The form
is autosaved every few seconds as an encrypted draft in the store (``meta`` key
``counsel-draft:<officer id>``) and restored after a crash, like the intake form's.
Enter on a row of today's sessions opens it (:mod:`fieldbus.ui.counsel.detail`): the
deadline, the notes for counsel and supervisors only, and a reprint of the confirmation.
What the form and that view both use (the words for codes, the deadline's look, the
print) is in :mod:`fieldbus.ui.counsel.parts`; the form's fields are built from
:mod:`fieldbus.ui.widgets.form_parts`, as the intake form's are.

Keys: Tab walks the form in order; Ctrl+S saves; on the confirmation screen Enter prints
the confirmation and Esc goes on without printing.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from fieldbus.services import counsel_draft
from sync.deadlines import KST
from fieldbus.domain.errors import ValidationError
from fieldbus.ui.counsel.detail import CounselDetail
from fieldbus.ui.counsel.parts import (
    colour_deadline,
    deadline_label,
    print_confirmation,
    proof_text,
)
from fieldbus.ui.printing.after_save import PrintAfterSave, Wording
from fieldbus.ui.shell.worker import StoreOp
from fieldbus.ui.widgets.agency_picker import agency_combo
from fieldbus.ui.widgets.counsel_fields import choices, time_left
from fieldbus.ui.widgets.draft_autosave import DraftAutosave, problem_text
from fieldbus.ui.widgets import form_parts
from fieldbus.ui.widgets.form_problems import (
    point_at_problems,
    recount,
    show_refusal,
    text_length,
    usual_field_message,
)
from fieldbus.ui.widgets.keys import tab_chain
from fieldbus.ui.widgets.tables import fill, text_table

log = logging.getLogger(__name__)

NOTES_HIDDEN_TEXT = QT_TR_NOOP("상담 내용은 국선대리인과 관리자만 볼 수 있습니다")


def tr(text: str) -> str:
    return QCoreApplication.translate("counsel", text)


#: The form's choice boxes (a code each, or "" while unset).
_CHOICES = ("appeal_kind", "period_notice", "basis", "shared_info_consent", "checked_by",
            "qualification", "outcome")

STATUS_NAMES = {"ok": QT_TR_NOOP("여유"), "near": QT_TR_NOOP("임박"),
                "past": QT_TR_NOOP("기한 지남")}


def field_message(field: str, exc: ValidationError, values: dict[str, Any] | None = None) -> str:
    """The reason under ``field`` (``values``: the form's, for a count of characters)."""
    code = exc.code
    if field in ("basis", "checked_by", "qualification", "outcome", "appeal_kind",
                 "period_notice", "shared_info_consent"):
        return tr("하나를 고르십시오.")
    if field == "announced_days":
        return tr("행정청이 알린 기간을 90일보다 긴 일 수로 적으십시오.")
    if field == "force_majeure_ended_on" and code == "conflict":
        return tr("불가항력 사유가 끝난 날은 처분일보다 앞설 수 없습니다.")
    if field == "learned_on" and code in ("conflict", "learned_before_disposition"):
        return tr("처분이 있음을 안 날은 처분일보다 앞설 수 없습니다.")
    if field in ("disposed_on", "learned_on") and code == "future":
        return tr("오늘 이후의 날짜는 고를 수 없습니다.")
    return usual_field_message(field, exc, length=text_length((values or {}).get(field)))


# -- store operations (run on the worker) --------------------------------------------------


def _save_session(store, officer, values: dict[str, Any], with_notes: bool) -> str:
    from fieldbus.domain.intake import parse_counsel
    from fieldbus.store import counsel, drafts

    draft, _warnings = parse_counsel(counsel_draft.to_intake(values, with_notes=with_notes),
                                     now=store.clock())
    number = counsel.add(store, draft, officer).number
    # Cleared after the session is committed: a crash in between leaves a draft that may
    # duplicate a saved session, never a session lost.
    drafts.clear(store, officer.id, prefix=counsel_draft.DRAFT_PREFIX)
    return number


def _today_sessions(store) -> list[tuple[str, str, str, str]]:
    """Today's sessions as (number, masked name, deadline, status) — never notes, never
    the full name: only these strings cross to the GUI thread."""
    from fieldbus.domain.masking import mask_name
    from fieldbus.store import counsel

    from fieldbus.domain.appeal import appeal_deadline

    today = store.clock().astimezone(KST).date()
    rows = []
    for session in counsel.recent(store, limit=200):
        if session.created_at.astimezone(KST).date() != today:
            continue
        d = session.draft
        found = appeal_deadline(disposed_on=d.disposed_on, learned_on=d.learned_on,
                                facts=d.appeal)
        status = found.status(today)
        rows.append((session.number, mask_name(d.appellant.name),
                     session.appeal_deadline.isoformat() if session.appeal_deadline
                     else tr("제한 없음"), tr(STATUS_NAMES[status])
                     if status in STATUS_NAMES else ""))
    return rows


# -- the widget ----------------------------------------------------------------------------


class CounselForm(QWidget):
    """The "국선대리인 상담" tab. ``window`` gives the runner and the signed-in officer."""

    def __init__(self, window, *, autosave_s: float | None = None) -> None:
        super().__init__()
        self.window_ = window
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.touched: set[str] = set()
        #: Fields the keyboard focus has been in and left (their problems show).
        self.left: set[str] = set()
        self.check_all = False
        self.problems: counsel_draft.Problems | None = None
        self.deadline: counsel_draft.DeadlineView | None = None
        self.deadline_status = "none"  # ok / near / past / none — the style shown
        self.sessions: list[tuple[str, str, str, str]] = []
        self._saving = False
        self._loading = False

        self.views = QStackedLayout(self)
        self.form_view = self._build_form()
        self.done_view = PrintAfterSave(window, Wording(
            heading=tr("상담을 저장했습니다. 상담번호:"), number_name=tr("상담번호"),
            hint=tr("Enter: 상담 확인증 인쇄   ·   Esc: 인쇄하지 않고 다음 상담"),
            print_button=tr("확인증 인쇄 (Enter)"), print_name=tr("상담 확인증 인쇄"),
            next_button=tr("다음 상담 (Esc)"), next_name=tr("다음 상담"),
            saved_pdf=tr("상담 확인증 {0}을(를) PDF로 저장했습니다 (프린터 설정 없음): {1}"),
            printed=tr("상담 확인증 {0}을(를) 인쇄했습니다."),
            not_printed=tr("상담번호 {0}: 확인증을 인쇄하지 않았습니다."),
            still_saved=tr("{0} 상담은 저장되어 있습니다. Enter로 다시 시도하거나 "
                           "Esc로 넘어가십시오.")), print_confirmation, name="counsel")
        self.done_view.done.connect(self._back_to_form)
        self.number_label = self.done_view.number_label
        self.print_message = self.done_view.print_message
        self.print_button = self.done_view.print_button
        self.detail_view = CounselDetail(window)
        self.detail_view.back.connect(self._back_from_detail)
        self.views.addWidget(self.form_view)
        self.views.addWidget(self.done_view)
        self.views.addWidget(self.detail_view)
        self.drafts = DraftAutosave(
            window, prefix=counsel_draft.DRAFT_PREFIX, seconds=autosave_s, values=self.values,
            busy=lambda: self._saving, is_blank=counsel_draft.is_blank,
            restore=self._restore_draft,
            problem=lambda what: self.status.setText(problem_text(what)), parent=self)
        window.pages.currentChanged.connect(self._page_changed)
        self.leave_watch = form_parts.LeaveWatch(self, self.fields, self._left)
        self.clear()

    # -- building ----------------------------------------------------------------------

    def _labelled(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> QLabel:
        self.fields[key] = widget
        self.errors[key] = error = form_parts.error_note("counsel", key, label)
        return form_parts.labelled_row(form, label, widget, error)

    def _line(self, key: str, *, max_len: int, placeholder: str = "") -> QLineEdit:
        return form_parts.line_edit(key, self._edited, max_len=max_len, placeholder=placeholder)

    def _combo(self, key: str, placeholder: str) -> QComboBox:
        combo = form_parts.choice_combo(key, self._edited, choices()[key], placeholder)
        # Long choices (제6호's wording) must not widen the form: the box shows what fits
        # and its list the whole text.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        combo.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        return combo

    def _date(self, key: str) -> QDateEdit:
        edit = form_parts.DateBox()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.dateChanged.connect(lambda _d, k=key: self._edited(k))
        return edit

    def _build_form(self) -> QWidget:
        self.banner = form_parts.note_label("counsel-banner", tr("상담 안내"), form_parts.INFO_STYLE)
        outer, left, right = form_parts.two_columns(self.banner, tr("국선대리인 상담 양식"))

        who = QGroupBox(tr("1. 청구인"))
        who_form = QFormLayout(who)
        self._labelled(who_form, "name", tr("성명"), self._line("name", max_len=50))
        self._labelled(who_form, "phone", tr("전화번호"),
                       self._line("phone", max_len=30, placeholder="010-2345-6789"))
        self._labelled(who_form, "address", tr("주소"), self._line("address", max_len=300))
        self._labelled(who_form, "birth_year", tr("출생연도"),
                       self._line("birth_year", max_len=4, placeholder=tr("예: 1966")))
        left.addWidget(who)

        what = QGroupBox(tr("2. 다투려는 처분"))
        what_form = QFormLayout(what)
        self._labelled(what_form, "agency", tr("처분 기관"), agency_combo(self._edited))
        self._labelled(what_form, "title", tr("처분 내용"), self._line("title", max_len=200))
        self._labelled(what_form, "disposed_on", tr("처분일"), self._date("disposed_on"))
        unknown = form_parts.check_box("learned_unknown", self._edited,
                            tr("처분이 있음을 안 날을 모름 (처분일부터 180일만 적용)"),
                            tr("안 날 모름"))
        self.fields["learned_unknown"] = unknown
        what_form.addRow(unknown)
        self._labelled(what_form, "learned_on", tr("처분이 있음을 안 날"),
                       self._date("learned_on"))
        self._labelled(what_form, "appeal_kind", tr("심판의 종류"),
                       self._combo("appeal_kind", tr("모르면 비워 두십시오")))
        self._labelled(what_form, "period_notice", tr("청구기간 고지"),
                       self._combo("period_notice", tr("모르면 비워 두십시오")))
        announced = self._line("announced_days", max_len=4, placeholder=tr("예: 120"))
        announced.setToolTip(tr("행정청이 처분이 있음을 안 날부터 센다고 알린 일 수 (제27조제5항)"))
        self._labelled(what_form, "announced_days", tr("알린 청구기간 (일)"),
                       announced)
        force = form_parts.check_box("force_majeure", self._edited,
                          tr("불가항력으로 기간 안에 청구하지 못함"), tr("불가항력"),
                          tooltip=tr("천재지변·전쟁·사변 그 밖의 불가항력 (행정심판법 제27조제2항)"))
        self.fields["force_majeure"] = force
        what_form.addRow(force)
        self._labelled(what_form, "force_majeure_ended_on", tr("불가항력 사유가 끝난 날"),
                       self._date("force_majeure_ended_on"))
        abroad = form_parts.check_box("abroad", self._edited, tr("국외에서 청구 (30일)"),
                           tr("국외에서 청구"))
        self.fields["abroad"] = abroad
        what_form.addRow(abroad)
        left.addWidget(what)

        self.deadline_label = deadline_label("counsel-deadline")
        self.deadline_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.deadline_basis = QLabel()
        self.deadline_basis.setAccessibleName(tr("청구 기한 근거"))
        self.deadline_basis.setWordWrap(True)
        left.addWidget(self.deadline_label)
        left.addWidget(self.deadline_basis)
        left.addStretch(1)

        elig = QGroupBox(tr("3. 국선대리인 선정 요건 (행정심판법 시행령 제16조의2)"))
        elig_form = QFormLayout(elig)
        self._labelled(elig_form, "basis", tr("해당 요건"),
                       self._combo("basis", tr("요건을 고르십시오")))
        self._labelled(elig_form, "shared_info_consent", tr("행정정보 공동이용 확인 동의"),
                       self._combo("shared_info_consent", tr("청구인에게 물어 고르십시오")))
        self._labelled(elig_form, "checked_by", tr("상담 때 확인한 방법"),
                       self._combo("checked_by", tr("확인 방법을 고르십시오")))
        self.proof_note = QLabel()
        self.proof_note.setObjectName("counsel-proof")
        self.proof_note.setAccessibleName(tr("국선대리인 신청 안내"))
        self.proof_note.setWordWrap(True)
        elig_form.addRow(self.proof_note)
        right.addWidget(elig)

        couns = QGroupBox(tr("4. 상담"))
        couns_form = QFormLayout(couns)
        self._labelled(couns_form, "counsel_name", tr("국선대리인 성명"),
                       self._line("counsel_name", max_len=50))
        self._labelled(couns_form, "qualification", tr("자격"),
                       self._combo("qualification", tr("자격을 고르십시오")))
        notes = form_parts.text_box("notes", self._edited, min_height=90)
        notes.setPlaceholderText(tr("비밀 — 국선대리인과 관리자만 봅니다. 확인증에 인쇄되지 않습니다."))
        self.notes_caption = self._labelled(couns_form, "notes", tr("상담 내용 (비밀)"), notes)
        self.notes_hidden = QLabel(tr(NOTES_HIDDEN_TEXT))
        self.notes_hidden.setObjectName("counsel-notes-hidden")
        self.notes_hidden.setAccessibleName(tr("상담 내용 비공개 안내"))
        self.notes_hidden.setWordWrap(True)
        self.notes_hidden.hide()
        couns_form.addRow(self.notes_hidden)
        next_step = form_parts.text_box("next_step", self._edited, max_height=60)
        self._labelled(couns_form, "next_step", tr("다음 할 일"), next_step)
        self._labelled(couns_form, "outcome", tr("상담 결과"),
                       self._combo("outcome", tr("상담 결과를 고르십시오")))
        right.addWidget(couns)

        today_box = QGroupBox(tr("오늘의 상담"))
        today_layout = QVBoxLayout(today_box)
        self.session_list = text_table([tr("상담번호"), tr("청구인"), tr("청구 기한"), tr("상태")],
                                       tr("오늘의 상담 목록"))
        self.session_list.setObjectName("counsel-today")
        self.session_list.setMaximumHeight(140)
        self.session_list.setToolTip(tr("Enter: 상담 열기"))
        self.session_list.activated.connect(lambda index: self.open_session(index.row()))
        today_layout.addWidget(self.session_list)
        right.addWidget(today_box)
        right.addStretch(1)

        self.status, self.save_button = form_parts.save_bar(
            outer, self.save, status_object="counsel-status", status_name=tr("상담 저장 상태"),
            save_text=tr("저장 (Ctrl+S)"), save_name=tr("상담 저장"))
        tab_chain([self.fields[key] for key in counsel_draft.ORDER]
                  + [self.save_button, self.session_list])
        return outer

    # -- the content -------------------------------------------------------------------

    def _officer(self):
        return getattr(self.window_, "officer", None)

    @property
    def may_write_notes(self) -> bool:
        officer = self._officer()
        return bool(officer is not None and officer.may_read_counsel_notes)

    def values(self) -> dict[str, Any]:
        f = self.fields
        values = counsel_draft.empty_values(self._today())
        for key in ("name", "phone", "address", "birth_year", "title", "counsel_name",
                    "announced_days"):
            values[key] = f[key].text()
        values["agency"] = f["agency"].currentText()
        for key in ("disposed_on", "learned_on", "force_majeure_ended_on"):
            values[key] = f[key].date().toString("yyyy-MM-dd")
        for key in ("learned_unknown", "force_majeure", "abroad"):
            values[key] = f[key].isChecked()
        for key in _CHOICES:
            values[key] = form_parts.chosen_code(f[key])
        values["notes"] = f["notes"].toPlainText() if self.may_write_notes else ""
        values["next_step"] = f["next_step"].toPlainText()
        return values

    @staticmethod
    def _today() -> date:
        return datetime.now(KST).date()

    def clear(self) -> None:
        self.set_values(counsel_draft.empty_values(self._today()))

    def set_values(self, values: dict[str, Any]) -> None:
        """Fill the form (blank, or a restored draft); fields holding something count
        as touched, so their problems show at once."""
        f = self.fields
        today = self._today()
        blank = counsel_draft.empty_values(today)
        v = counsel_draft.normalised(values, today)
        self._loading = True
        try:
            for key in ("name", "phone", "address", "birth_year", "title", "counsel_name",
                        "announced_days"):
                f[key].setText(v[key] or "")
            f["agency"].setCurrentIndex(-1)
            f["agency"].setEditText(v["agency"] or "")
            qtoday = QDate(today.year, today.month, today.day)
            for key in ("disposed_on", "learned_on", "force_majeure_ended_on"):
                f[key].setMaximumDate(qtoday)
                day = QDate.fromString(v[key] or "", "yyyy-MM-dd")
                f[key].setDate(day if day.isValid() else qtoday)
            for key in ("learned_unknown", "force_majeure", "abroad"):
                f[key].setChecked(bool(v[key]))
            for key in _CHOICES:
                f[key].setCurrentIndex(f[key].findData(v[key]) if v[key] else -1)
            f["notes"].setPlainText(v["notes"] or "")
            f["next_step"].setPlainText(v["next_step"] or "")
            self._enable()
        finally:
            self._loading = False
        self.touched = {key for key in counsel_draft.ORDER if v[key] != blank[key]}
        self.left = set()
        self.check_all = False
        self._apply_role()
        self.validate()

    def _apply_role(self) -> None:
        """Notes only for officers who may read them; the others see why not."""
        allowed = self.may_write_notes
        self.fields["notes"].setVisible(allowed)
        self.fields["notes"].setEnabled(allowed)
        self.notes_caption.setVisible(allowed)
        self.notes_hidden.setVisible(not allowed)
        if not allowed:
            self.fields["notes"].clear()

    # -- as the officer types ----------------------------------------------------------

    def _edited(self, key: str) -> None:
        if self._loading:
            return
        self.touched.add(key)
        self._enable()
        self.validate()

    def _left(self, key: str) -> None:
        if key not in self.left:
            self.left.add(key)
            self.validate()

    def _enable(self) -> None:
        """A question only while it applies: the day learned unless unknown, the announced
        period when told a longer one (⑤), the force majeure's end and abroad when ticked
        (②), the 행정정보 공동이용 consent for categories 1, 2, 4 and 6 (시행령 ③).
        Disabled boxes are left out of the Tab chain."""
        f = self.fields
        f["learned_on"].setEnabled(not f["learned_unknown"].isChecked())
        f["announced_days"].setEnabled(form_parts.chosen_code(f["period_notice"])
                                       == "told_longer")
        force = f["force_majeure"].isChecked()
        f["force_majeure_ended_on"].setEnabled(force)
        f["abroad"].setEnabled(force)
        asks = counsel_draft.proof({"basis": form_parts.chosen_code(f["basis"])}).asks_consent
        f["shared_info_consent"].setEnabled(asks)

    def validate(self) -> counsel_draft.Problems:
        values = self.values()
        found = counsel_draft.problems(values, now=datetime.now(KST),
                                       with_notes=self.may_write_notes)
        self.problems = found
        for key, label in self.errors.items():
            exc = found.errors.get(key)
            show = exc is not None and self.fields[key].isEnabled() and (
                self.check_all or key in self.touched or key in self.left
                or (key == "learned_on" and "disposed_on" in self.touched))
            if show:
                label.setText(field_message(key, exc, values))
                label.show()
            else:
                label.clear()
                label.hide()
        recount(self.status, found.errors)
        self._show_deadline(values)
        view = counsel_draft.proof(values)
        self.proof_note.setText(proof_text(view.proof, chair=view.chair))
        return found

    def _show_deadline(self, values: dict[str, Any]) -> None:
        today = self._today()
        # An empty form holds no case's dates yet (both boxes just say today): no deadline
        # is counted for it, so the holiday calendar loads when the officer starts, not
        # while the window is being built.
        empty = counsel_draft.is_blank(values) and not self.check_all and not (
            self.touched & {"disposed_on", "learned_on", "learned_unknown"})
        view = None if empty else counsel_draft.deadline(values, today=today)
        self.deadline = view
        if view is None:
            self.deadline_status = "none"
            self.deadline_label.setText(tr("행정심판 청구 기한: 날짜를 확인하십시오"))
            self.deadline_basis.setText("")
        elif view.due is None:  # 제27조⑦
            self.deadline_status = "none"
            self.deadline_label.setText(tr("행정심판 청구 기한: {0}").format(view.rule_text))
            self.deadline_basis.setText(tr("근거: {0}").format(view.basis))
        else:
            self.deadline_status = view.status
            left = time_left(view.status, view.days_left)
            warn = {"near": tr(" — 기한 임박"), "past": tr(" — 기한 지남")}.get(view.status, "")
            self.deadline_label.setText(tr("행정심판 청구 기한: {0} ({1}){2}\n{3}").format(
                view.due.isoformat(), left, warn, view.rule_text))
            self.deadline_basis.setText(tr("근거: {0}").format(view.basis))
        colour_deadline(self.deadline_label, self.deadline_status)

    # -- saving ------------------------------------------------------------------------

    def save(self) -> None:
        officer = self._officer()
        if self._saving or officer is None or self.views.currentWidget() is not self.form_view:
            return
        self.check_all = True
        found = self.validate()
        if not found.ok:
            point_at_problems(found.errors, counsel_draft.ORDER, self.fields, self.status)
            return
        values = self.values()
        with_notes = self.may_write_notes
        self._saving = True
        form_parts.show_saving(self.save_button, True)
        self.status.setText("")
        op = StoreOp(lambda store: _save_session(store, officer, values, with_notes))
        self.window_.runner.run(op.success(self._saved).failure(self._save_failed))

    def _saved(self, number: str) -> None:
        self._saving = False
        self.drafts.settled()  # saved: not a draft (cleared with the save)
        self.banner.hide()
        form_parts.show_saving(self.save_button, False)
        self.views.setCurrentWidget(self.done_view)
        self.done_view.show_number(number)
        self.refresh_sessions()
        form_parts.outbox_grew(self.window_)

    def _save_failed(self, exc: Exception) -> None:
        self._saving = False
        form_parts.show_saving(self.save_button, False)
        field = counsel_draft.FIELD_OF_PATH.get(getattr(exc, "field", ""))
        show_refusal(exc, self.status, field=field, errors=self.errors, fields=self.fields,
                     message=lambda f: field_message(f, exc, self.values()))

    # -- the confirmation --------------------------------------------------------------

    @property
    def session_no(self) -> str | None:
        return self.done_view.number

    @property
    def last_pdf(self) -> Path | None:
        return self.done_view.last_pdf

    def _back_to_form(self, text: str) -> None:
        with self.leave_watch.quietly():
            self.clear()
            self.drafts.settled()
            self.views.setCurrentWidget(self.form_view)
            self.status.setText(text)
            self.fields["name"].setFocus()

    # -- today's sessions --------------------------------------------------------------

    def refresh_sessions(self) -> None:
        runner = self.window_.runner
        if self._officer() is None or not runner.running:
            return
        runner.run(StoreOp(_today_sessions).success(self._show_sessions).failure(
            lambda exc: self.status.setText(tr("오늘의 상담 목록을 불러오지 못했습니다."))))

    def _show_sessions(self, rows: list[tuple[str, str, str, str]]) -> None:
        self.sessions = rows
        fill(self.session_list, rows)

    def _page_changed(self, _index: int) -> None:
        officer = self.drafts.arriving()
        if officer is None:
            return
        self.views.setCurrentWidget(self.form_view)
        self.status.setText("")
        self.banner.hide()
        self.clear()
        self.refresh_sessions()
        self.drafts.start(officer.id)

    # -- today's sessions: one opened ----------------------------------------------------

    def open_session(self, row: int) -> None:
        """Show the session in the list's ``row`` (the form keeps what it holds)."""
        if not 0 <= row < len(self.sessions) or self.views.currentWidget() is not \
                self.form_view:
            return
        self.views.setCurrentWidget(self.detail_view)
        self.detail_view.show_session(self.sessions[row][0])

    def _back_from_detail(self) -> None:
        self.views.setCurrentWidget(self.form_view)
        self.session_list.setFocus()

    # -- the draft autosave ------------------------------------------------------------

    def _restore_draft(self, draft) -> None:
        self.set_values(draft.values)
        at = draft.saved_at.astimezone(KST).strftime("%H:%M:%S")
        self.banner.setText(tr("저장하지 않은 상담 내용이 있어 되살렸습니다 ({0}에 자동 저장). "
                               "확인한 뒤 저장하십시오.").format(at))
        self.banner.show()

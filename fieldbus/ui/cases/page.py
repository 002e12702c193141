"""The "사건 목록" tab: the case list, search and detail view (issue 4 item 4).

Search as you type (debounced, the store's Korean infix search), filters, a lazily
filled table (:mod:`fieldbus.ui.cases.model`) and, for the selected case, a detail pane
read on the worker through ``complaints.view`` — an audited look at personal data — with
the case's history and a receipt reprint. The citizen's details show masked until
"개인정보 보기" reveals them (audited; :mod:`fieldbus.ui.widgets.personal`), and are masked
again on lock, on another selection and after a minute. A search also lists the counsel
sessions it matches (종류 상담); one chosen shows there too, read through ``counsel.view``
(the counsel tab's rendering, from ``fieldbus.ui.widgets.counsel_fields``). A case the supervisor
returned (has_issues) shows the note and a "보완하여 다시 제출" button opening :class:`~fieldbus.ui.cases.editor.
CaseEditor` in place of the list. Nothing here touches the store on the GUI thread: every
read, the reprint and the resubmission are :class:`~fieldbus.ui.shell.worker.StoreOp`\\ s.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedLayout,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fieldbus.services.case_edit import correction_refusal, may_correct, may_resubmit
from sync.deadlines import KST, kst_today
from fieldbus.store.case_list import COUNSEL, Filters
from fieldbus.ui.cases import model as cases_model
from fieldbus.ui.cases.columns import ColumnFit
from fieldbus.ui.cases.editor import CaseEditor
from fieldbus.ui.cases.editor import labels as editor_labels
from fieldbus.ui.cases.model import CasesModel, short_time, tr
from fieldbus.ui.printing import receipt_delivery
from fieldbus.ui.printing.after_save import failure_reason, print_op
from fieldbus.ui.printing.choices import PrintChoices
from fieldbus.ui.shell.worker import FollowChanges, StoreOp
from fieldbus.ui.widgets import counsel_fields
from fieldbus.ui.widgets.form_parts import outbox_grew
from fieldbus.ui.widgets.keys import shortcut
from fieldbus.ui.widgets.personal import PersonalReveal, Target, person_lines

SEARCH_DELAY_MS = 250
DETAIL_DELAY_MS = 150  # arrowing down the list does not open (and audit) every case passed


@dataclass(frozen=True)
class Detail:
    """What the detail pane shows, read on the worker."""

    complaint: object  # fieldbus.domain.records.Complaint
    history: list  # case_list.HistoryEntry, oldest first


def _read_detail(store, receipt_no: str, officer) -> Detail:
    from fieldbus.store import case_list, complaints

    complaint = complaints.view(store, receipt_no, officer, reason="case detail")
    return Detail(complaint=complaint, history=case_list.history(store, complaint.id))


def _reprint(store, officer, receipt_no: str, *, out: Path | None, printer: str | None,
             layout: str, copy: str = "citizen"):
    """Print ``copy`` again, on ``printer`` or as a PDF to ``out`` (0600); (Printed, path
    or None)."""
    from fieldbus.receipts.issue import print_complaint

    deliver, written = receipt_delivery.delivery(out, printer=printer, layout=layout)
    printed = print_complaint(store, officer, receipt_no, copy=copy, layout=layout,
                              deliver=deliver)
    return printed, (written[0] if written else None)


def _current_visit_id(store) -> str | None:
    from fieldbus.store import visits

    visit = visits.current(store)
    return visit.id if visit else None


class CasesPage(QWidget):
    def __init__(self, window) -> None:
        super().__init__()
        self.window_ = window
        self.runner = window.runner
        self.model = CasesModel(self.runner, parent=self)
        self.model.counted.connect(self._counted)
        self.model.failed.connect(self._list_failed)
        self.visit_id: str | None = None
        self.shown_receipt: str | None = None
        self.shown: Detail | None = None
        self.shown_session: dict | None = None  # a counsel session a search listed
        self._detail_generation = 0
        self._keep: int | None = None  # the selected case's row id, over a refresh
        self._build()
        # The list follows what operations change (a save, a pull's review): at once on
        # screen; a hidden page queries again whenever it shows (showEvent).
        self.follow = FollowChanges(self, self.runner, lambda c: c.complaints or c.counsel,
                                    self.refresh_keeping_selection, on_show=False)

    # -- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        self.views = QStackedLayout(self)
        self.list_view = QWidget()
        self.editor = CaseEditor(self.window_)
        self.editor.saved.connect(self._resubmitted)
        self.editor.cancelled.connect(self._close_editor)
        self.views.addWidget(self.list_view)
        self.views.addWidget(self.editor)
        layout = QVBoxLayout(self.list_view)
        layout.setContentsMargins(0, 6, 0, 0)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("검색: 접수번호, 제목, 내용, 기관, 이름, 전화번호 (일부도)"))
        self.search.setAccessibleName(tr("사건 검색"))
        self.search.setClearButtonEnabled(True)
        bar.addWidget(self.search, 3)
        self.kind = self._combo(tr("종류 필터"), tr("모든 종류"), cases_model.kind_names())
        self.status = self._combo(tr("상태 필터"), tr("모든 상태"), cases_model.status_names())
        self.sync = self._combo(tr("동기화 필터"), tr("모든 동기화 상태"),
                                cases_model.sync_names())
        reviews = {k: v for k, v in cases_model.review_names().items() if k is not None}
        self.review = self._combo(tr("검토 상태 필터"), tr("모든 검토 상태"), reviews)
        for combo in (self.kind, self.status, self.sync, self.review):
            bar.addWidget(combo)
        self.overdue = QCheckBox(tr("기한 지남"))
        self.overdue.setAccessibleName(tr("처리기한이 지난 사건만"))
        bar.addWidget(self.overdue)
        self.this_visit = QCheckBox(tr("이번 방문"))
        self.this_visit.setAccessibleName(tr("지금 열린 방문의 사건만"))
        bar.addWidget(self.this_visit)
        layout.addLayout(bar)

        self.count_label = QLabel()
        self.count_label.setAccessibleName(tr("찾은 사건 수"))
        layout.addWidget(self.count_label)

        self.table = QTableView()
        self.table.setAccessibleName(tr("사건 목록 표"))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.hide()
        # Uniform rows: with 100,000 of them the view never measures a row's contents nor
        # keeps one's height. Their height follows the text size (changeEvent).
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._row_height = rows.defaultSectionSize()  # the style's, for normal text
        self._size_rows()
        # Each column as wide as its words, the title what is left (issue 12).
        self.column_fit = ColumnFit(self.table, name_sample="남궁*수W")

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(tr("사건 상세"))
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText(tr("사건을 고르면 여기에 나옵니다 (열람은 기록됨)."))
        detail_layout.addWidget(self.detail, 1)
        buttons = QHBoxLayout()
        self.reprint = QPushButton(tr("접수증 재발행"))
        self.reprint.setAccessibleName(tr("접수증 재발행"))
        self.reprint.setEnabled(False)
        buttons.addWidget(self.reprint)
        self.resubmit = QPushButton(tr("보완하여 다시 제출"))
        self.resubmit.setAccessibleName(tr("보완하여 다시 제출"))
        self.resubmit.setAutoDefault(True)  # Enter as well as Space presses it
        self.resubmit.hide()
        buttons.addWidget(self.resubmit)
        # 고치기 (issue 12): the taker or a supervisor corrects a saved case; F2 anywhere
        # on the list, or Enter on the button.
        self.correct = QPushButton(tr("고치기 (F2)"))
        self.correct.setAccessibleName(tr("사건 고치기"))
        self.correct.setAutoDefault(True)
        self.correct.hide()
        buttons.addWidget(self.correct)
        self.personal = PersonalReveal(self.window_, self)
        self.personal.changed.connect(lambda _revealed: self._render_shown())
        buttons.addWidget(self.personal, 1)
        buttons.addStretch(1)
        detail_layout.addLayout(buttons)
        self.reprint_choices = PrintChoices(copies=True, name="cases-reprint")  # see _reprint
        detail_layout.addWidget(self.reprint_choices)
        self.message = QLabel()
        self.message.setAccessibleName(tr("사건 목록 알림"))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail_layout.addWidget(self.message)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setAccessibleName(tr("목록과 상세"))
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([980, 380])
        layout.addWidget(self.splitter, 1)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.search.returnPressed.connect(self.apply_filters)
        for combo in (self.kind, self.status, self.sync, self.review):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.overdue.toggled.connect(lambda _on: self.apply_filters())
        self.this_visit.toggled.connect(self._visit_toggled)

        self.detail_timer = QTimer(self)
        self.detail_timer.setSingleShot(True)
        self.detail_timer.setInterval(DETAIL_DELAY_MS)
        self.detail_timer.timeout.connect(self._open_selected)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._row_changed())
        self.model.dataChanged.connect(self._rows_arrived)
        self.reprint.clicked.connect(self._reprint)
        self.resubmit.clicked.connect(self.open_editor)
        self.correct.clicked.connect(self.open_correction)
        shortcut(self.list_view, Qt.Key.Key_F2, self.open_correction)

    def _size_rows(self) -> None:
        height = self.table.fontMetrics().height() + 10
        self.table.verticalHeader().setDefaultSectionSize(max(self._row_height, height))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size was changed
            self._size_rows()

    def _combo(self, accessible: str, everything: str, names: dict) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(accessible)
        combo.addItem(everything, None)
        for code, name in names.items():
            combo.addItem(name, code)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    # -- the list ------------------------------------------------------------------------

    @property
    def ready(self) -> bool:
        return self.window_.officer is not None and self.runner.running

    def filters(self) -> Filters:
        text = self.search.text().strip()
        return Filters(text=text or None, visit_id=self.visit_id if self.this_visit.isChecked()
                       else None, kind=self.kind.currentData(),
                       status=self.status.currentData(), sync_state=self.sync.currentData(),
                       review_state=self.review.currentData(),
                       overdue=self.overdue.isChecked())

    def apply_filters(self) -> None:
        """Query the list again with what the controls say (also: refresh)."""
        self.search_timer.stop()
        if not self.ready:
            return
        filters, today = self.filters(), kst_today()
        self.message.clear()
        self.model.set_filters(filters, today=today,  # the count and first page, one query
                               by=getattr(self.window_, "officer", None))
        self.count_label.setText(tr("찾는 중…"))

    refresh = apply_filters

    def _counted(self, generation: int, n: int) -> None:
        if generation == self.model.generation:
            self.count_label.setText(tr("{0}건").format(f"{n:,}") if n
                                     else tr("찾은 사건이 없습니다."))
            self._reselect()

    def refresh_keeping_selection(self) -> None:
        """The list again after a change the store told of; the selected case stays
        selected (found again by its row id once the new list has come)."""
        self._keep = self.model.rowid_at(self.table.selectionModel().currentIndex().row())
        self.apply_filters()

    def _reselect(self) -> None:
        keep, self._keep = self._keep, None
        row = None if keep is None else self.model.row_of(keep)
        if row is not None:  # else no longer in the list (its state left the filter)
            self.select_row(row)

    def _rows_arrived(self, top, bottom) -> None:
        """A page came: if it holds the selected row (chosen while it was still "…"),
        open that case now."""
        current = self.table.selectionModel().currentIndex()
        if current.isValid() and top.row() <= current.row() <= bottom.row():
            self.detail_timer.start()

    def _list_failed(self, exc: Exception) -> None:
        code = getattr(exc, "code", "")
        if code == "too_long":
            self.message.setText(tr("검색어가 너무 깁니다 (200자까지)."))
        elif code == "control_char":
            self.message.setText(tr("검색어에 쓸 수 없는 문자가 있습니다."))
        else:
            self.message.setText(tr("사건 목록을 읽지 못했습니다. 다시 시도하십시오."))
        self.count_label.clear()

    def _visit_toggled(self, on: bool) -> None:
        if not on:
            self.apply_filters()
            return
        if not self.ready:
            return

        def found(visit_id: str | None) -> None:
            self.visit_id = visit_id
            if visit_id is None:
                self.message.setText(tr("지금 열린 방문이 없습니다."))
                self.this_visit.setChecked(False)
                return
            self.apply_filters()

        self.runner.run(StoreOp(_current_visit_id).success(found).failure(lambda exc: None))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self.views.currentWidget() is self.list_view:
            self.apply_filters()  # cases taken on the intake tab meanwhile appear

    # -- the detail ----------------------------------------------------------------------

    def selected_receipt(self) -> str | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.model.data(index, cases_model.ReceiptRole)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)

    def _row_changed(self) -> None:
        self.personal.hide_personal()  # another row chosen: nothing stays revealed
        self.detail_timer.start()

    def hide_personal(self) -> None:
        """Mask the shown citizen's details again (the window's lock)."""
        self.personal.hide_personal()

    def _open_selected(self) -> None:
        receipt_no = self.selected_receipt()
        if receipt_no is None or not self.ready or receipt_no == self.shown_receipt:
            return
        index = self.table.selectionModel().currentIndex()
        if self.model.data(index, cases_model.KindRole) == COUNSEL:
            self.show_session(receipt_no)
            return
        self.show_case(receipt_no)

    def show_session(self, number: str) -> None:
        """Read a counsel session the search listed (audited, on the worker); show it."""
        officer, today = self.window_.officer, kst_today()
        self._detail_generation += 1
        generation = self._detail_generation
        self.reprint.setEnabled(False)
        self.resubmit.hide()
        self.correct.hide()
        read = counsel_fields.read_session
        self.runner.run(StoreOp(lambda store: read(store, number, officer, today))
                        .success(lambda data: self._show_session(generation, data))
                        .failure(lambda exc: self._detail_failed(generation, exc)))

    def _show_session(self, generation: int, data: dict) -> None:
        if generation != self._detail_generation:
            return
        self.shown_receipt, self.shown, self.shown_session = data["id"], None, data
        self.personal.set_target(Target("counsel_session", data["uuid"], data["id"]))
        self._render_shown()
        self.message.clear()

    def _render_shown(self) -> None:
        """The shown case or session again: masked, or in full while revealed."""
        revealed = self.personal.revealed
        if self.shown is not None:
            self.detail.setHtml(render_detail(self.shown, self.window_.officer, kst_today(),
                                              revealed=revealed))
        elif self.shown_session is not None:
            self.detail.setHtml(_render_session(self.shown_session, revealed))

    def show_case(self, receipt_no: str, *, notice: str = "") -> None:
        """Read one case (audited, on the worker) and show it, ``notice`` below it."""
        officer = self.window_.officer
        self._detail_generation += 1
        generation = self._detail_generation
        self.reprint.setEnabled(False)
        self.resubmit.hide()
        self.correct.hide()
        self.runner.run(StoreOp(lambda store: _read_detail(store, receipt_no, officer))
                        .success(lambda d: self._show_detail(generation, d, notice))
                        .failure(lambda exc: self._detail_failed(generation, exc)))

    def _detail_failed(self, generation: int, exc: Exception) -> None:
        if generation == self._detail_generation:
            self.shown_receipt = None
            self.shown = self.shown_session = None
            self.personal.set_target(None)
            self.detail.clear()
            self.message.setText(tr("사건을 열지 못했습니다."))

    def _show_detail(self, generation: int, detail: Detail, notice: str = "") -> None:
        if generation != self._detail_generation:
            return
        self.shown_receipt = detail.complaint.receipt_no
        self.shown, self.shown_session = detail, None
        self.personal.set_target(reveal_target(detail, self.window_.officer))
        self._render_shown()  # masked: 개인정보 보기 reveals
        self.reprint.setEnabled(True)
        self.resubmit.setVisible(may_resubmit(detail.complaint))
        self.correct.setVisible(not may_resubmit(detail.complaint)
                                and may_correct(detail.complaint, self.window_.officer))
        self.message.setText(notice)

    def clear_detail(self) -> None:
        self._detail_generation += 1
        self.shown_receipt = None
        self.shown = self.shown_session = None
        self.personal.set_target(None)
        self.detail.clear()
        self.reprint.setEnabled(False)
        self.resubmit.hide()
        self.correct.hide()

    # -- fix and resubmit a returned case ------------------------------------------------

    def open_editor(self) -> None:
        """Show the returned case's fields for fixing, the supervisor's note above."""
        shown = self.shown
        if shown is None or not may_resubmit(shown.complaint) or not self.ready:
            return
        self.editor.load(shown.complaint, self.window_.officer)
        self.views.setCurrentWidget(self.editor)
        self.editor.focus_first()

    def open_correction(self) -> None:
        """고치기 (F2): the shown case in the same form, a reason asked for; a case this
        officer may not correct says why in one line."""
        shown = self.shown
        if shown is None or not self.ready or self.views.currentWidget() is not self.list_view:
            return
        if may_resubmit(shown.complaint):  # a returned case is fixed and resubmitted
            self.open_editor()
            return
        refusal = correction_refusal(shown.complaint, self.window_.officer)
        if refusal is not None:
            self.message.setText({
                "not_taker": tr("이 사건을 접수한 담당자나 관리자만 고칠 수 있습니다."),
                "case_closed": tr("센터에서 이미 이송하거나 종결한 사건은 관리자만 고칠 수 "
                                  "있습니다."),
            }.get(refusal, tr("보존기간이 지나 파기된 사건은 고칠 수 없습니다.")))
            return
        self.editor.load(shown.complaint, self.window_.officer, correction=True)
        self.views.setCurrentWidget(self.editor)
        self.editor.focus_first()

    def _close_editor(self) -> None:
        self.views.setCurrentWidget(self.list_view)
        (self.correct if self.editor.correcting else self.resubmit).setFocus()

    def _resubmitted(self, complaint) -> None:
        self.views.setCurrentWidget(self.list_view)
        self.apply_filters()  # the row's review and sync state changed
        notice = tr("{0}: 고쳤습니다 (버전 {1}). 동기화를 기다립니다.") if self.editor.correcting \
            else tr("{0}: 보완하여 다시 제출했습니다. 동기화를 기다립니다.")
        self.show_case(complaint.receipt_no, notice=notice.format(complaint.receipt_no,
                                                                  complaint.version))
        self.table.setFocus()
        outbox_grew(self.window_)

    # -- reprint -------------------------------------------------------------------------

    def _reprint(self) -> None:
        receipt_no = self.shown_receipt
        if receipt_no is None or self.shown is None or not self.ready:  # not a session
            return
        officer = self.window_.officer
        # The copy, layout and printer shown under the button (the laptop's defaults
        # unless changed for this print); printed on the worker.
        self._reprint_choice = self.reprint_choices.choice()
        op = print_op(self, officer, receipt_no, _reprint, self._reprint_choice)
        if op is None:  # save dialog cancelled
            return
        self.reprint.setEnabled(False)
        self.message.setText(tr("접수증을 만드는 중…"))
        self.runner.run(op.success(self._reprinted).failure(self._reprint_failed))

    def _reprinted(self, job) -> None:
        printed, path = job.done[0]
        self.last_receipt = path
        self.last_receipts = job.paths
        self.reprint.setEnabled(self.shown_receipt is not None)
        what = tr("재발행") if printed.issue.reissue else tr("발행")
        where = ", ".join(str(p) for p in job.paths) or tr("프린터")
        self.message.setText(tr("접수증을 {0}했습니다: {1}").format(what, where))
        if job.failed is not None:
            self._reprint_failed(job.failed)
            return
        self.reprint_choices.reset()  # the next print starts from the defaults again

    def _reprint_failed(self, exc: Exception) -> None:
        self.reprint.setEnabled(self.shown_receipt is not None)
        self.message.setText(failure_reason(exc, self._reprint_choice.printer))


# -- the detail as HTML ------------------------------------------------------------------


def _esc(value) -> str:
    return html.escape(str(value)) if value not in (None, "") else "–"


def reveal_target(detail: Detail, officer) -> Target | None:
    """What "개인정보 보기" would show of the case: nothing for an anonymous or purged case
    nor, to an officer without the right, a sealed reporter; a supervisor gives a reason."""
    c = detail.complaint
    sealed = c.draft.kind == "report"
    if c.draft.petitioner is None or c.purged or (
            sealed and not officer.may_read_sealed_identity):
        return None
    return Target("complaint", c.id, c.receipt_no, needs_reason=sealed)


def _render_session(data: dict, revealed: bool) -> str:
    return (f"<h3>{_esc(tr('상담 {0}').format(data['id']))}</h3>"
            f"<p><b>{_esc(counsel_fields.deadline_text(data))}</b></p>"
            + counsel_fields.render(data, revealed=revealed))


def field_words(fields) -> str:
    """The fields an edit changed, in the form's words: ``petitioner.phone`` → 전화번호."""
    words = editor_labels() | {"petitioner": tr("민원인"), "guidance": tr("접수 안내"),
                               "oral_report": tr("구술 신고"), "consent": tr("개인정보 동의"),
                               "review_state": tr("검토 상태"), "review_note": tr("검토 의견"),
                               "centre": tr("기한·담당")}
    return ", ".join(words.get(f) or words.get(f.rsplit(".", 1)[-1]) or f for f in fields)


def _reason(entry) -> str:
    """" — 까닭: …" after an edit's fields: the reason given for a correction."""
    reason = getattr(entry, "reason", None)
    return " — " + _esc(tr("까닭: {0}").format(reason)) if reason else ""


def _centre_rows(c) -> list[tuple[str, str]]:
    """What the centre last said (pulled from the hub): who took the step and when, the
    agency the case went to, its handler (소속·성명·연락처)."""
    centre = c.centre
    if centre is None:
        return []
    rows = []
    if centre.by or centre.at:
        when = centre.at.astimezone(KST).strftime("%Y-%m-%d %H:%M") if centre.at else ""
        rows.append((tr("마지막 검토"), _esc(" · ".join(x for x in (centre.by, when) if x))))
    if centre.agency:
        rows.append((tr("처리 기관"), _esc(centre.agency)))
    if centre.handler:
        h = centre.handler
        rows.append((tr("처리담당자"), _esc(f"{h.get('org')} {h.get('name')} "
                                           f"({h.get('phone')})")))
    return rows


def render_detail(detail: Detail, officer, today: date, *, revealed: bool = False) -> str:
    """The case as HTML; the citizen masked unless ``revealed`` (audited by the caller)."""
    from fieldbus.receipts import labels

    c = detail.complaint
    d = c.draft
    kinds, statuses = cases_model.kind_names(), cases_model.status_names()
    syncs, reviews = cases_model.sync_names(), cases_model.review_names()
    current = c.current_deadline_due
    if c.deadline is None:  # no name and no address: not a 민원 under 민원처리법 제2조
        overdue = False
        deadline = _esc(tr("없음 (익명: 법정 처리기간 없음)"))
    elif current is not None and c.deadline_due is not None and current != c.deadline_due:
        # Moved at the centre (a supplement's pause, an extension): the receipt's too.
        overdue = current.date() < today and c.review_state not in ("rejected", "closed")
        deadline = _esc(tr("{0} (접수증의 기한 {1}에서 센터가 변경)").format(
            current.date().isoformat(), c.deadline.isoformat()))
    else:
        overdue = c.deadline < today and c.status not in ("resolved", "closed")
        deadline = _esc(c.deadline.isoformat())
    if overdue:
        deadline = f"<span style='color:#b00020;font-weight:bold'>{deadline} " \
                   f"({_esc(tr('기한 지남'))})</span>"
    sealed = c.draft.kind == "report" and not officer.may_read_sealed_identity
    p = d.petitioner
    if sealed and p is not None:
        person = _esc(tr("신고자 신원 보호: 관리자만 볼 수 있습니다"))
    elif p is None:
        person = _esc(tr("익명") if not c.purged else tr("보존기간이 지나 파기됨"))
    elif d.kind == "report" and not revealed:  # sealed: not even masked, until a reason
        person = _esc(tr("신고자 신원 보호: 열람 사유를 적고 '개인정보 보기'로 볼 수 있습니다 "
                         "(기록됨)"))
    else:
        person = "<br>".join(_esc(b) for b in person_lines(p, revealed=revealed))
    rows = [
        (tr("접수번호"), _esc(c.receipt_no)),
        (tr("접수일시"), _esc(c.received_at.strftime("%Y-%m-%d %H:%M"))),
        (tr("종류"), _esc(kinds.get(d.kind, d.kind))),
        (tr("상태"), _esc(statuses.get(c.status, c.status))),
        (tr("검토"), _esc(cases_model.review_word(reviews, c.review_state, c.sync_state))),
        (tr("동기화"), _esc(syncs.get(c.sync_state, c.sync_state))),
        (tr("처리기한"), deadline),
        (tr("민원인"), person),
        (tr("관계기관"), _esc(d.agency)),
        (tr("지역"), _esc(d.region)),
        (tr("접수 경로"), _esc(tr("예약") if d.channel == "booked" else tr("현장 방문"))),
        (tr("현장 처리"), _esc(labels.OUTCOMES.get(d.outcome, (d.outcome,))[0]
                             + (f" → {d.referred_to}" if d.referred_to else ""))),
        (tr("통지 방법"), _esc(labels.NOTIFY.get(d.notify_by, (d.notify_by,))[0])),
        (tr("공개 여부"), _esc(tr("공개") if d.disclosure == "public" else tr("비공개"))),
        (tr("방문"), _esc(f"{c.visit.day.isoformat()} {c.visit.venue}" if c.visit else None)),
        (tr("국민신문고 신청번호"), _esc(c.epeople_no)),
        *_centre_rows(c),
    ]
    parts = [f"<h3>{_esc(d.title)}</h3>"]
    if c.review_state == "has_issues":
        parts.append("<div style='background:#fff3cd;padding:6px;border:1px solid #e0b000'>"
                     f"<b>{_esc(tr('관리자 보완 요청'))}</b><br>{_esc(c.review_note)}</div>")
    parts.append("<table cellspacing='0' cellpadding='3'>")
    parts.extend(f"<tr><td style='color:#555' nowrap>{_esc(k)}</td><td>{v}</td></tr>"
                 for k, v in rows)
    parts.append("</table>")
    parts.append(f"<h4>{_esc(tr('내용'))}</h4><p>{_esc(d.body).replace(chr(10), '<br>')}</p>")
    if c.attachments:
        parts.append(f"<h4>{_esc(tr('첨부'))}</h4><ul>")
        parts.extend(f"<li>{_esc(a.filename)} ({a.size:,} B)</li>" for a in c.attachments)
        parts.append("</ul>")
    actions = {"created": tr("접수"), "edited": tr("수정"),
               "centre_extend": tr("관리자: 처리기한 연장"),
               "centre_assign": tr("관리자: 처리담당자 지정")}
    actions.update({f"review_{code}": tr("관리자 검토: {0}").format(name)
                    for code, name in reviews.items() if code is not None})
    parts.append(f"<h4>{_esc(tr('처리 이력'))}</h4><table cellspacing='0' cellpadding='2'>")
    for entry in detail.history:
        fields = field_words(entry.fields)
        parts.append(f"<tr><td nowrap>{_esc(short_time(entry.at))}</td>"
                     f"<td>{_esc(entry.officer)}</td>"
                     f"<td>{_esc(actions.get(entry.action, entry.action))}"
                     f"{' (' + _esc(fields) + ')' if fields else ''}"
                     f"{_reason(entry)}"
                     f"</td></tr>")
    parts.append("</table>")
    return "".join(parts)


def build_cases_page(window) -> QWidget:
    """The tab's page; ``window`` gives the store worker (``window.runner``) and the
    signed-in officer (``window.officer``)."""
    return CasesPage(window)

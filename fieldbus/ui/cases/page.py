"""The "사건 목록" tab: the case list, search and detail view (issue 4 item 4).

Search as you type (debounced, the store's Korean infix search), filters, a lazily
filled table (:mod:`fieldbus.ui.cases.model`) and, for the selected case, a detail pane
read on the worker through ``complaints.view`` — an audited look at personal data — with
the case's history and a receipt reprint. A case the supervisor returned (has_issues)
shows the note and a "보완하여 다시 제출" button opening :class:`~fieldbus.ui.cases.editor.
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

from fieldbus.services.case_edit import may_resubmit
from fieldbus.domain.deadlines import kst_today
from fieldbus.store.case_list import Filters
from fieldbus.ui.cases import model as cases_model
from fieldbus.ui.cases.editor import CaseEditor
from fieldbus.ui.cases.model import CasesModel, short_time, tr
from fieldbus.ui.printing import receipt_delivery
from fieldbus.ui.shell.worker import StoreOp
from fieldbus.ui.widgets.form_parts import outbox_grew

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


def _reprint(store, officer, receipt_no: str, out: Path):
    """Print the citizen's copy again as an A4 PDF to ``out`` (0600); (Printed, path)."""
    from fieldbus.receipts.issue import print_complaint

    deliver, written = receipt_delivery.pdf_to(out)
    printed = print_complaint(store, officer, receipt_no, copy="citizen", layout="a4",
                              deliver=deliver)
    return printed, written[0]


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
        self._detail_generation = 0
        self._build()

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
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        metrics = self.table.fontMetrics()
        samples = {"receipt_no": "B07A-261126-0000-WW", "received_at": "11-26 10:30W",
                   "kind": "소극행정신고W", "title": "마을 진입로 포장 요청 (재)",
                   "masked_name": "남궁*수W", "status": "기관 전달W", "review_state": "보완 제출W",
                   "sync_state": "동기화 대기W", "deadline": "2026-11-26 (지남)W"}
        for column, (name, _) in enumerate(cases_model.COLUMNS):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(samples[name]) + 12)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName(tr("사건 상세"))
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText(tr("사건을 고르면 여기에 나옵니다 (열람은 기록됨)."))
        detail_layout.addWidget(self.detail, 1)
        buttons = QHBoxLayout()
        self.reprint = QPushButton(tr("접수증 재발행 (PDF)"))
        self.reprint.setAccessibleName(tr("접수증 재발행"))
        self.reprint.setEnabled(False)
        buttons.addWidget(self.reprint)
        self.resubmit = QPushButton(tr("보완하여 다시 제출"))
        self.resubmit.setAccessibleName(tr("보완하여 다시 제출"))
        self.resubmit.setAutoDefault(True)  # Enter as well as Space presses it
        self.resubmit.hide()
        buttons.addWidget(self.resubmit)
        buttons.addStretch(1)
        detail_layout.addLayout(buttons)
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
            lambda current, _previous: self.detail_timer.start())
        self.model.dataChanged.connect(self._rows_arrived)
        self.reprint.clicked.connect(self._reprint)
        self.resubmit.clicked.connect(self.open_editor)

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

    def _open_selected(self) -> None:
        receipt_no = self.selected_receipt()
        if receipt_no is None or not self.ready or receipt_no == self.shown_receipt:
            return
        self.show_case(receipt_no)

    def show_case(self, receipt_no: str, *, notice: str = "") -> None:
        """Read one case (audited, on the worker) and show it, ``notice`` below it."""
        officer = self.window_.officer
        self._detail_generation += 1
        generation = self._detail_generation
        self.reprint.setEnabled(False)
        self.resubmit.hide()
        self.runner.run(StoreOp(lambda store: _read_detail(store, receipt_no, officer))
                        .success(lambda d: self._show_detail(generation, d, notice))
                        .failure(lambda exc: self._detail_failed(generation, exc)))

    def _detail_failed(self, generation: int, exc: Exception) -> None:
        if generation == self._detail_generation:
            self.shown_receipt = None
            self.shown = None
            self.detail.clear()
            self.message.setText(tr("사건을 열지 못했습니다."))

    def _show_detail(self, generation: int, detail: Detail, notice: str = "") -> None:
        if generation != self._detail_generation:
            return
        self.shown_receipt = detail.complaint.receipt_no
        self.shown = detail
        self.detail.setHtml(render_detail(detail, self.window_.officer, kst_today()))
        self.reprint.setEnabled(True)
        self.resubmit.setVisible(may_resubmit(detail.complaint))
        self.message.setText(notice)

    def clear_detail(self) -> None:
        self._detail_generation += 1
        self.shown_receipt = None
        self.shown = None
        self.detail.clear()
        self.reprint.setEnabled(False)
        self.resubmit.hide()

    # -- fix and resubmit a returned case ------------------------------------------------

    def open_editor(self) -> None:
        """Show the returned case's fields for fixing, the supervisor's note above."""
        shown = self.shown
        if shown is None or not may_resubmit(shown.complaint) or not self.ready:
            return
        self.editor.load(shown.complaint, self.window_.officer)
        self.views.setCurrentWidget(self.editor)
        self.editor.focus_first()

    def _close_editor(self) -> None:
        self.views.setCurrentWidget(self.list_view)
        self.resubmit.setFocus()

    def _resubmitted(self, complaint) -> None:
        self.views.setCurrentWidget(self.list_view)
        self.apply_filters()  # the row's review and sync state changed
        self.show_case(complaint.receipt_no, notice=tr(
            "{0}: 보완하여 다시 제출했습니다. 동기화를 기다립니다.").format(complaint.receipt_no))
        self.table.setFocus()
        outbox_grew(self.window_)

    # -- reprint -------------------------------------------------------------------------

    def _reprint(self) -> None:
        receipt_no = self.shown_receipt
        if receipt_no is None or not self.ready:
            return
        officer = self.window_.officer
        out = receipt_delivery.choose_pdf_path(self, receipt_no)
        if out is None:  # save dialog cancelled
            return
        self.reprint.setEnabled(False)
        self.message.setText(tr("접수증을 만드는 중…"))
        self.runner.run(StoreOp(lambda store: _reprint(store, officer, receipt_no, out))
                        .success(self._reprinted).failure(self._reprint_failed))

    def _reprinted(self, result) -> None:
        printed, path = result
        self.last_receipt = path
        self.reprint.setEnabled(self.shown_receipt is not None)
        what = tr("재발행") if printed.issue.reissue else tr("발행")
        self.message.setText(tr("접수증을 {0}했습니다: {1}").format(what, path))

    def _reprint_failed(self, exc: Exception) -> None:
        self.reprint.setEnabled(self.shown_receipt is not None)
        self.message.setText(tr("접수증을 만들지 못했습니다: {0}").format(
            getattr(exc, "message", None) or type(exc).__name__))


# -- the detail as HTML ------------------------------------------------------------------


def _esc(value) -> str:
    return html.escape(str(value)) if value not in (None, "") else "–"


def render_detail(detail: Detail, officer, today: date) -> str:
    from fieldbus.receipts import labels

    c = detail.complaint
    d = c.draft
    kinds, statuses = cases_model.kind_names(), cases_model.status_names()
    syncs, reviews = cases_model.sync_names(), cases_model.review_names()
    if c.deadline is None:  # no name and no address: not a 민원 under 민원처리법 제2조
        overdue = False
        deadline = _esc(tr("없음 (익명: 법정 처리기간 없음)"))
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
    else:
        bits = [p.name, p.phone, p.email, " ".join(x for x in (p.postcode, p.address) if x)]
        person = "<br>".join(_esc(b) for b in bits if b)
    rows = [
        (tr("접수번호"), _esc(c.receipt_no)),
        (tr("접수일시"), _esc(c.received_at.strftime("%Y-%m-%d %H:%M"))),
        (tr("종류"), _esc(kinds.get(d.kind, d.kind))),
        (tr("상태"), _esc(statuses.get(c.status, c.status))),
        (tr("검토"), _esc(reviews.get(c.review_state, c.review_state))),
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
    actions = {"created": tr("접수"), "edited": tr("수정")}
    actions.update({f"review_{code}": tr("관리자 검토: {0}").format(name)
                    for code, name in reviews.items() if code is not None})
    parts.append(f"<h4>{_esc(tr('처리 이력'))}</h4><table cellspacing='0' cellpadding='2'>")
    for entry in detail.history:
        fields = ", ".join(entry.fields)
        parts.append(f"<tr><td nowrap>{_esc(short_time(entry.at))}</td>"
                     f"<td>{_esc(entry.officer)}</td>"
                     f"<td>{_esc(actions.get(entry.action, entry.action))}"
                     f"{' (' + _esc(fields) + ')' if fields else ''}</td></tr>")
    parts.append("</table>")
    return "".join(parts)


def build_cases_page(window) -> QWidget:
    """The tab's page; ``window`` gives the store worker (``window.runner``) and the
    signed-in officer (``window.officer``)."""
    return CasesPage(window)

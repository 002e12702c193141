"""The 검토 tab: the supervisor signs in to the hub, works the queue, opens a case, takes
steps one case or a selection at a time, reads the dashboard and exports the filter.

Shown only to the laptop's supervisors (the main window adds the tab by role). The hub
account is asked here, not stored: the hub's token lives in the desk's memory until the
supervisor signs out or the app closes. When the hub cannot be reached the last fetched
queue opens read-only from the encrypted store, with a banner saying when it was fetched
and every step disabled (:mod:`fieldbus.services.review_desk`).

The store is reached only through the window's store runner (``runner.call`` from the
workspace's threads); the hub only from those threads (:mod:`fieldbus.ui.review.tasks`).
"""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QDialog,
                               QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox,
                               QSplitter, QStackedWidget, QTableView, QTabWidget,
                               QVBoxLayout, QWidget)

from fieldbus.services.review_desk import QueueFilters, QueuePage, ReviewDesk
from fieldbus.ui.review.case_view import CaseView, ask_step
from fieldbus.ui.review.case_words import (action_name, kind_name, moment, problem, shown,
                                           state_names)
from fieldbus.ui.review.queue_model import RECEIPT_ROLE, QueueModel
from fieldbus.ui.review.tasks import Tasks
from sync import protocol
from sync.review_client import NotASupervisor

KINDS = ("inquiry", "suggestion", "grievance", "report", "passive_admin", "other")
BULK_ACTIONS = ("approve", "forward", "assign")
OPEN_DELAY_MS = 150


def choose_export_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to write the export: the save dialog (tests answer it instead)."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("ReviewPage", "검토 목록 내보내기"), suggested,
        QCoreApplication.translate("ReviewPage", "Excel 통합 문서 (*.xlsx);;CSV (*.csv)"))
    return Path(chosen) if chosen else None


class ExportDialog(QDialog):
    """Why the cases leave the app (audited), and whether sealed reporters go with them."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("내보내기"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("현재 필터의 사건 {0}건을 파일로 내보냅니다. 내보내기는 사유와 함께 "
                               "감사 기록에 남습니다.").format(f"{count:,}"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setMaxLength(200)
        self.reason.setAccessibleName(self.tr("내보내는 사유"))
        form.addRow(self.tr("사유(&R) *"), self.reason)
        self.include_sealed = QCheckBox(self.tr("공익신고자의 신원 포함 (법에 따라 보호됨: 꼭 필요할 "
                                                "때만)"))
        form.addRow("", self.include_sealed)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020;")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("파일 선택…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("취소"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if len(self.reason.text().strip()) < 2:
            self.problem.setText(self.tr("내보내는 사유를 적으십시오."))
            return
        self.accept()


def ask_export(parent: QWidget, count: int) -> tuple[str, bool] | None:
    """The export's reason and sealed choice, or None (tests answer it instead)."""
    dialog = ExportDialog(count, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.reason.text().strip(), dialog.include_sealed.isChecked()


class HubSignIn(QWidget):
    """The hub account's sign-in, or the last queue offline."""

    submitted = Signal(str, str, str)
    offline_requested = Signal()
    forget_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QWidget()
        box.setMaximumWidth(560)
        layout = QVBoxLayout(box)
        title = QLabel(self.tr("허브에 관리자로 로그인"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        intro = QLabel(self.tr("검토 대기열은 허브에 있습니다. 허브의 관리자 계정으로 로그인하십시오. "
                               "비밀번호는 이 노트북에 저장되지 않습니다."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.address = QLineEdit()
        self.address.setAccessibleName(self.tr("허브 주소"))
        self.address.setPlaceholderText("https://hub.example.go.kr")
        self.user = QLineEdit()
        self.user.setAccessibleName(self.tr("허브 사용자 이름"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("허브 비밀번호"))
        form.addRow(self.tr("허브 주소(&H)"), self.address)
        form.addRow(self.tr("사용자 이름(&U)"), self.user)
        form.addRow(self.tr("비밀번호(&W)"), self.password)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.button = QPushButton(self.tr("로그인(&L)"))
        self.button.setDefault(True)
        self.button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.offline_button = QPushButton(self.tr("마지막으로 받은 목록 보기 (오프라인)"))
        self.offline_button.clicked.connect(self.offline_requested)
        self.forget_button = QPushButton(self.tr("오프라인 사본 지우기"))
        self.forget_button.setToolTip(self.tr("이 노트북에 남은 검토 목록 사본을 지웁니다 (7일이 지나면 "
                                              "저절로 지워집니다)."))
        self.forget_button.clicked.connect(self.forget_requested)
        row.addWidget(self.button)
        row.addWidget(self.offline_button)
        row.addStretch(1)
        row.addWidget(self.forget_button)
        layout.addLayout(row)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(box, 2)
        centre.addStretch(1)
        outer.addLayout(centre)
        outer.addStretch(2)

    def _submit(self) -> None:
        if not self.user.text().strip() or not self.password.text():
            self.message.setText(self.tr("사용자 이름과 비밀번호를 입력하십시오."))
            return
        self.set_busy(True)
        self.submitted.emit(self.address.text().strip(), self.user.text().strip(),
                            self.password.text())

    def set_busy(self, busy: bool) -> None:
        self.button.setEnabled(not busy)
        self.offline_button.setEnabled(not busy)
        if busy:
            self.message.setStyleSheet("")
            self.message.setText(self.tr("허브에 연결하는 중…"))

    def refused(self, text: str) -> None:
        self.set_busy(False)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(text)
        self.password.clear()
        self.password.setFocus()


class Filters(QWidget):
    """The queue's filter bar; ``changed`` when the supervisor applies it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.q = QLineEdit()
        self.q.setPlaceholderText(self.tr("검색 (제목·내용·이름, 낱말 일부도)"))
        self.q.setAccessibleName(self.tr("검색어"))
        self.q.setMaxLength(200)
        self.q.returnPressed.connect(self.changed)
        self.state = QComboBox()
        self.state.setAccessibleName(self.tr("검토 상태"))
        self.state.addItem(self.tr("모든 상태"), None)
        for key, name in state_names().items():
            if key is not None:
                self.state.addItem(name, key)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("민원 종류"))
        self.kind.addItem(self.tr("모든 종류"), None)
        for key in KINDS:
            self.kind.addItem(kind_name(key), key)
        self.device = QLineEdit()
        self.device.setPlaceholderText(self.tr("버스 (B07A, …)"))
        self.device.setAccessibleName(self.tr("버스"))
        self.device.setMaximumWidth(140)
        self.region = QLineEdit()
        self.region.setPlaceholderText(self.tr("지역"))
        self.region.setAccessibleName(self.tr("지역"))
        self.region.setMaximumWidth(160)
        self.visit = QComboBox()
        self.visit.setAccessibleName(self.tr("방문"))
        self.visit.addItem(self.tr("모든 방문"), None)
        self.visit.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.visit.setMinimumContentsLength(16)  # a long venue's name does not widen the bar
        self.received_from = self._date(self.tr("접수일부터"), self.tr("접수일 처음"))
        self.received_to = self._date(self.tr("접수일까지"), self.tr("접수일 끝"))
        self.overdue = QCheckBox(self.tr("기한 초과만"))
        self.due_within = QSpinBox()
        self.due_within.setAccessibleName(self.tr("며칠 안에 마감"))
        self.due_within.setRange(0, 90)
        self.due_within.setSpecialValueText(self.tr("마감 제한 없음"))
        self.due_within.setSuffix(self.tr("일 안에 마감"))
        self.apply = QPushButton(self.tr("적용(&F)"))
        self.apply.clicked.connect(self.changed)
        self.state.currentIndexChanged.connect(self.changed)
        self.visit.currentIndexChanged.connect(self.changed)
        self.kind.currentIndexChanged.connect(self.changed)
        self.overdue.toggled.connect(self.changed)
        for widget, stretch in ((self.q, 3), (self.state, 0), (self.kind, 0), (self.visit, 0),
                                (self.device, 0), (self.region, 0), (self.received_from, 0),
                                (self.received_to, 0), (self.overdue, 0),
                                (self.due_within, 0), (self.apply, 0)):
            layout.addWidget(widget, stretch)

    @staticmethod
    def _date(name: str, unset: str) -> QDateEdit:
        """A received-date bound; its lowest value means "no bound" (shown as ``unset``)."""
        edit = QDateEdit()
        edit.setAccessibleName(name)
        edit.setSpecialValueText(unset)
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.setDate(edit.minimumDate())
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setCalendarPopup(True)
        return edit

    @staticmethod
    def _day(edit: QDateEdit) -> date | None:
        chosen = edit.date()
        return None if chosen == edit.minimumDate() else \
            date(chosen.year(), chosen.month(), chosen.day())

    def set_visits(self, visits: list[dict[str, Any]]) -> None:
        """The visits to choose from (the hub's counts per visit: key, label)."""
        chosen = self.visit.currentData()
        self.visit.blockSignals(True)
        self.visit.clear()
        self.visit.addItem(self.tr("모든 방문"), None)
        for entry in visits:
            if entry.get("key") and entry["key"] != protocol.SUMMARY_OTHER:
                self.visit.addItem(shown(entry.get("label") or entry["key"]), entry["key"])
        found = self.visit.findData(chosen)
        self.visit.setCurrentIndex(max(found, 0))
        self.visit.blockSignals(False)

    def value(self) -> QueueFilters:
        devices = tuple(d.strip().upper() for d in self.device.text().split(",") if d.strip())
        return QueueFilters(
            device=devices, visit=self.visit.currentData(),
            region=self.region.text().strip() or None, kind=self.kind.currentData(),
            state=(self.state.currentData(),) if self.state.currentData() else (),
            received_from=self._day(self.received_from),
            received_to=self._day(self.received_to),
            overdue=self.overdue.isChecked(), due_within=self.due_within.value() or None,
            q=self.q.text().strip() or None)


class ReviewPage(QWidget):
    """The 검토 tab (see the module's note)."""

    #: The desk changed: signed in, offline, or signed out (tests wait for it).
    desk_changed = Signal()

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("검토"))
        self.window_ = window
        self.tasks = Tasks(self)
        self.desk: ReviewDesk | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)
        self.sign_in = HubSignIn()
        self.sign_in.submitted.connect(self._sign_in)
        self.sign_in.offline_requested.connect(self._open_offline)
        self.sign_in.forget_requested.connect(self._forget_copies)
        self.stack.addWidget(self.sign_in)
        self.workspace = QWidget()
        self.stack.addWidget(self.workspace)
        self._build_workspace()
        self._dashboard: Any = None
        self.tasks.run(lambda: window.runner.call(_enrolled_hub), self._prefill,
                       lambda exc: None)

    # -- building ---------------------------------------------------------------------

    def _build_workspace(self) -> None:
        column = QVBoxLayout(self.workspace)
        top = QHBoxLayout()
        self.who = QLabel()
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        self.refresh = QPushButton(self.tr("새로 고침(&N)"))
        self.refresh.setShortcut("F5")
        self.refresh.clicked.connect(self.reload)
        self.export_button = QPushButton(self.tr("내보내기(&X)…"))
        self.export_button.clicked.connect(self.export)
        self.sign_out_button = QPushButton(self.tr("허브 로그아웃"))
        self.sign_out_button.clicked.connect(self.sign_out)
        top.addWidget(self.who, 1)
        for button in (self.refresh, self.export_button, self.sign_out_button):
            top.addWidget(button)
        column.addLayout(top)
        self.banner = QLabel()
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setAccessibleName(self.tr("오프라인 안내"))
        self.banner.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 6px;")
        self.banner.hide()
        column.addWidget(self.banner)
        self.filters = Filters()
        self.filters.changed.connect(self._filter)
        column.addWidget(self.filters)
        self.inner = QTabWidget()
        queue = QWidget()
        queue_column = QVBoxLayout(queue)
        queue_column.setContentsMargins(0, 0, 0, 0)
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        self.model = QueueModel(self.tasks, self)
        self.model.loaded.connect(self._loaded)
        self.model.failed.connect(lambda exc: self.say(problem(exc)))
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("검토 대기열"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The title keeps a readable width; the last column takes what is left.
        header.setStretchLastSection(True)
        for column_no, width in ((0, 145), (1, 70), (2, 130), (3, 80), (4, 50), (5, 95),
                                 (6, 230), (7, 120)):
            self.table.setColumnWidth(column_no, width)
        # The case under the cursor opens once the cursor rests: holding Page Down must
        # not fetch and lay out every case it passes.
        self.open_timer = QTimer(self)
        self.open_timer.setSingleShot(True)
        self.open_timer.setInterval(OPEN_DELAY_MS)
        self.open_timer.timeout.connect(self._open_current)
        self.table.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self.open_timer.start())
        left_column.addWidget(self.table, 1)
        bulk = QHBoxLayout()
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setAccessibleName(self.tr("사건 수"))
        bulk.addWidget(self.count, 1)
        self.bulk_buttons: dict[str, QPushButton] = {}
        for action in BULK_ACTIONS:
            button = QPushButton(self.tr("선택 {0}").format(action_name(action)))
            button.clicked.connect(lambda _=False, a=action: self.bulk(a))
            bulk.addWidget(button)
            self.bulk_buttons[action] = button
        left_column.addLayout(bulk)
        split.addWidget(left)
        self.case_view = CaseView(self.tasks)
        self.case_view.said.connect(self.say)
        # A step's case comes back whole: its row is updated in place (the list keeps
        # its place; the order is the hub's again at the next refresh).
        self.case_view.shown_case.connect(
            lambda file: self.model.update_case(file.case) if file.offline is None else None)
        split.addWidget(self.case_view)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([930, 510])
        queue_column.addWidget(split)
        self.inner.addTab(queue, self.tr("대기열"))
        self.dashboard_holder = QWidget()
        QVBoxLayout(self.dashboard_holder).setContentsMargins(0, 0, 0, 0)
        self.inner.addTab(self.dashboard_holder, self.tr("대시보드"))
        self.inner.currentChanged.connect(self._inner_shown)
        column.addWidget(self.inner, 1)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("검토 알림"))
        self.status.setWordWrap(True)
        column.addWidget(self.status)

    @property
    def dashboard(self) -> Any:
        """The dashboard, built the first time it is wanted (its charting library is
        imported then, not when the app starts)."""
        if self._dashboard is None:
            from fieldbus.ui.review.dashboard import Dashboard

            self._dashboard = Dashboard(self.tasks)
            self._dashboard.set_desk(self.desk)
            self.dashboard_holder.layout().addWidget(self._dashboard)
        return self._dashboard

    def _inner_shown(self, index: int) -> None:
        if self.inner.widget(index) is self.dashboard_holder and self.desk is not None:
            self.dashboard.show_summary(self.model.filters)

    def _prefill(self, address: str | None) -> None:
        if address and not self.sign_in.address.text():
            self.sign_in.address.setText(address)

    # -- signing in and out -----------------------------------------------------------

    def _sign_in(self, address: str, user: str, password: str) -> None:
        runner, officer = self.window_.runner, self.window_.officer
        self.tasks.run(lambda: ReviewDesk.sign_in(runner.call, officer, user, password,
                                                  hub_url=address or None),
                       lambda desk: self._use(desk, user),
                       lambda exc: self.sign_in.refused(problem(exc)))

    def _offline_desk(self) -> ReviewDesk | None:
        """A desk over this laptop's copies, or None (said on the sign-in screen)."""
        try:
            return ReviewDesk.offline(self.window_.runner.call, self.window_.officer)
        except NotASupervisor as exc:
            self.sign_in.refused(problem(exc))
            return None

    def _open_offline(self) -> None:
        desk = self._offline_desk()
        if desk is not None:
            self._use(desk, None)

    def _forget_copies(self) -> None:
        desk = self._offline_desk()
        if desk is None:
            return
        self.tasks.run(desk.forget_copies, lambda count: self.sign_in.message.setText(
            self.tr("오프라인 사본 {0}개를 지웠습니다.").format(count)),
            lambda exc: self.sign_in.refused(problem(exc)))

    def _use(self, desk: ReviewDesk, user: str | None) -> None:
        self.desk = desk
        self.sign_in.set_busy(False)
        self.sign_in.password.clear()
        self.sign_in.message.clear()
        self.who.setText(self.tr("허브 관리자 {0}").format(shown(user)) if user else
                         self.tr("오프라인 — 허브에 로그인하지 않았습니다"))
        self.sign_out_button.setText(self.tr("허브 로그아웃") if user else self.tr("허브에 로그인"))
        self._online(desk.online)
        self.case_view.set_desk(desk)
        if self._dashboard is not None:
            self._dashboard.set_desk(desk)
        self.stack.setCurrentWidget(self.workspace)
        self.model.set_filters(self.filters.value())
        self.model.set_desk(desk)
        self.table.setFocus()
        self._load_visits()
        self.desk_changed.emit()

    def _load_visits(self) -> None:
        """The filter's visits, from the hub's counts over every case."""
        desk = self.desk
        if desk is not None:
            self.tasks.run(lambda: desk.summary(QueueFilters()).get("by_visit", []),
                           self.filters.set_visits, lambda exc: None)

    def sign_out(self) -> None:
        """End the hub session (its token forgotten) and ask for a sign-in again."""
        desk, self.desk = self.desk, None
        if desk is not None and desk.online:
            self.tasks.run(desk.sign_out, lambda _: None, lambda exc: None)
        self.model.set_desk(None)
        self.case_view.set_desk(None)
        if self._dashboard is not None:
            self._dashboard.set_desk(None)
        self.banner.hide()
        self.stack.setCurrentWidget(self.sign_in)
        self.desk_changed.emit()

    def shutdown(self) -> None:
        """The window is closing: end the hub session on a thread of its own (never the
        GUI thread's wait; the token ends by itself within the hour if this fails)."""
        desk, self.desk = self.desk, None
        if desk is not None and desk.online:
            threading.Thread(target=desk.sign_out, name="review-sign-out",
                             daemon=True).start()
        self.tasks.shutdown()

    # -- the queue --------------------------------------------------------------------

    def _online(self, online: bool) -> None:
        for button in (*self.bulk_buttons.values(), self.export_button):
            button.setEnabled(online)

    def _filter(self) -> None:
        if self.desk is None:
            return
        self.model.set_filters(self.filters.value())
        if self._dashboard is not None and self.inner.currentWidget() is self.dashboard_holder:
            self._dashboard.show_summary(self.model.filters)

    def reload(self) -> None:
        if self.desk is not None:
            self.model.reload()
            if self.case_view.file is not None:
                self.case_view.show_case(self.case_view.file.receipt_no)

    def _loaded(self, page: QueuePage) -> None:
        total = self.tr("{0}건 이상").format(f"{page.total:,}") if page.total_capped \
            else self.tr("{0}건").format(f"{page.total:,}")
        self.count.setText(self.tr("{0} 중 {1}건 표시").format(total, f"{self.model.rowCount():,}"))
        if page.offline is not None:
            self.banner.setText(self.tr(
                "오프라인: 허브에 연결할 수 없어 {0}에 받은 목록을 보여 줍니다. 검토 단계는 허브에 "
                "연결된 뒤에 할 수 있습니다.").format(moment(page.offline.fetched_at)))
            self.banner.show()
            self._online(False)
        else:
            self.banner.hide()
            self._online(self.desk is not None and self.desk.online)
        if self.model.rowCount() and not self.table.selectionModel().hasSelection() \
                and self.case_view.file is None:
            self.table.selectRow(0)

    def _open_current(self) -> None:
        current = self.table.currentIndex()
        if current.isValid() and self.desk is not None:
            self.case_view.show_case(self.model.data(current, RECEIPT_ROLE))

    def selected(self) -> list[tuple[str, int]]:
        """The selection as (receipt number, revision shown) — what a bulk step sends."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [(self.model.entry(row).receipt_no, self.model.entry(row).case_version)
                for row in rows]

    def bulk(self, action: str) -> None:
        chosen = self.selected()
        if not chosen:
            self.say(self.tr("사건을 하나 이상 고르십시오."))
            return
        if self.desk is None or not self.desk.online:
            self.say(self.tr("오프라인에서는 검토 단계를 할 수 없습니다."))
            return
        fields = ask_step(self, action, cases=len(chosen))
        if fields is None:
            return
        desk = self.desk
        self.say(self.tr("{0}건 처리 중…").format(len(chosen)))
        self.tasks.run(lambda: desk.bulk(chosen, action, **fields), self._bulk_done,
                       lambda exc: self.say(problem(exc)))

    def _bulk_done(self, outcome: Any) -> None:
        line = self.tr("{0}건 완료").format(len(outcome.done))
        if outcome.refused:
            line += self.tr(", {0}건 거절: ").format(len(outcome.refused)) + "; ".join(
                f"{shown(receipt)} ({shown(why)})" for receipt, why in outcome.refused[:5])
        self.say(line)
        self.model.reload()

    def export(self) -> None:
        if self.desk is None or not self.desk.online:
            return
        total = self.model.last_page.total if self.model.last_page else 0
        asked = ask_export(self, total)
        if asked is None:
            return
        path = choose_export_path(self, f"fieldbus-review-{date.today():%Y%m%d}.xlsx")
        if path is None:
            return
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_suffix(".xlsx")
        reason, include_sealed = asked
        desk, filters = self.desk, self.model.filters
        self.say(self.tr("내보내는 중…"))
        self.tasks.run(lambda: desk.export(filters, path, reason=reason,
                                           include_sealed=include_sealed),
                       lambda rows: self.say(self.tr("{0}건을 내보냈습니다: {1}").format(
                           f"{rows:,}", path)),
                       lambda exc: self.say(problem(exc)))

    def say(self, text: str) -> None:
        self.status.setText(text)


def _enrolled_hub(store: Any) -> str | None:
    from fieldbus.services.sync_link import HUB_API_KEY

    return store.meta(HUB_API_KEY)


def build_review_page(window: Any) -> ReviewPage:
    return ReviewPage(window)

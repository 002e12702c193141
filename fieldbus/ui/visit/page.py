"""The "오늘의 방문" tab: today's visit and the day's dashboard (issue 4 item 2), and the
"동기화 대기" panel listing the outbox (item 6, until the sync engine exists).

Every store call runs on the worker (``window.runner``); one operation fetches the open
visit, the day's numbers (:mod:`fieldbus.store.dashboard`) and the waiting list together.
No timer polls the store: the page refreshes after every operation that changed what it
counts (the runner's ``changed``, :class:`~fieldbus.ui.shell.worker.FollowChanges`) — a
save, a print, a visit opened or closed, the sync thread's acks and pulls — at once while
it is on screen, else when it next shows; and when it shows for the first time or on a new
day.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sync.deadlines import kst_today
from fieldbus.receipts import labels
from fieldbus.ui.shell import display, messages
from fieldbus.ui.shell.worker import FollowChanges, StoreOp
from fieldbus.ui.widgets import form_parts
from fieldbus.ui.widgets.keys import push_button, tab_chain
from fieldbus.ui.widgets.waiting_list import WaitingList

WAITING_LIMIT = 200


@dataclass(frozen=True)
class Loaded:
    """What one refresh learnt on the worker."""

    visit: object | None  # fieldbus.domain.records.Visit
    opened_by: str | None
    summary: object  # fieldbus.store.dashboard.Summary
    waiting: list


def _load(store) -> Loaded:
    """Runs on the worker."""
    from fieldbus.store import dashboard, officers, visits

    visit = visits.current(store)
    opened_by = officers.name_of(store.db, visit.opened_by) if visit else None
    summary = dashboard.summary(store, visit_id=visit.id if visit else None)
    return Loaded(visit=visit, opened_by=opened_by, summary=summary,
                  waiting=dashboard.waiting(store, limit=WAITING_LIMIT))


def split_team(text: str) -> tuple[str, ...]:
    """``"김민수, 이영희,,박준호"`` → the names, in order, blanks dropped."""
    for sep in ("，", "、", ";"):
        text = text.replace(sep, ",")
    return tuple(name.strip() for name in text.split(",") if name.strip())


def _field_error(exc: Exception) -> str:
    code = getattr(exc, "code", "")
    if code == "date":
        return messages.tr("오늘에서 1년 넘게 떨어진 날짜는 쓸 수 없습니다.")
    if code == "visit_open":
        return messages.tr("이미 열린 방문이 있습니다. 먼저 마치십시오.")
    return messages.field_error(exc)


class VisitPage(QWidget):
    def __init__(self, window) -> None:
        super().__init__()
        self.window_ = window
        self.visit = None
        self.loaded: Loaded | None = None
        self._generation = 0
        #: Asked before closing a visit; tests replace it.
        self.confirm_close: Callable[[], bool] = self._ask_close

        layout = QVBoxLayout(self)
        self.state = QStackedWidget()
        self.state.setAccessibleName(self.tr("방문 상태"))
        self.state.addWidget(self._build_open_form())
        self.state.addWidget(self._build_header())
        self.state.setCurrentWidget(self.open_box)
        layout.addWidget(self.state)

        row = QHBoxLayout()
        # The day's figures are a tall column: they scroll rather than make the window
        # taller than a laptop screen (150 % scaling, large text).
        figures = QScrollArea()
        figures.setWidgetResizable(True)
        figures.setFrameShape(QScrollArea.Shape.NoFrame)
        figures.setAccessibleName(self.tr("오늘의 현황"))
        figures.setWidget(self._build_dashboard())
        row.addWidget(figures, 1)
        row.addWidget(self._build_waiting(), 2)
        layout.addLayout(row, 1)

        self.follow = FollowChanges(self, window.runner, lambda changes: changes.day,
                                    self.refresh)

    # -- building ----------------------------------------------------------------------

    def _build_open_form(self) -> QGroupBox:
        box = self.open_box = QGroupBox(self.tr("방문 시작하기"))
        box.setAccessibleName(self.tr("방문 시작하기"))
        form = QFormLayout(box)
        self.venue = QLineEdit()
        self.venue.setPlaceholderText(self.tr("예: 청송군청 앞 광장"))
        self.region = QLineEdit()
        self.region.setPlaceholderText(self.tr("예: 경상북도 청송군"))
        self.day = form_parts.DateBox(QDate(kst_today()))
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.team = QLineEdit()
        self.team.setPlaceholderText(self.tr("쉼표로 구분: 김민수, 이영희"))
        self.errors: dict[str, QLabel] = {}
        for key, text, widget in (("venue", self.tr("장소"), self.venue),
                                  ("region", self.tr("지역(시·군·구)"), self.region),
                                  ("date", self.tr("날짜"), self.day),
                                  ("team", self.tr("팀원"), self.team)):
            widget.setAccessibleName(text)
            label = QLabel(text)
            label.setBuddy(widget)
            error = QLabel()
            error.setAccessibleName(self.tr("{0} 오류").format(text))
            error.setStyleSheet("color: #b00020;")
            error.setWordWrap(True)
            error.hide()
            self.errors[key] = error
            column = QVBoxLayout()
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(widget)
            column.addWidget(error)
            form.addRow(label, column)
        self.form_error = QLabel()
        self.form_error.setAccessibleName(self.tr("방문 시작 오류"))
        self.form_error.setStyleSheet("color: #b00020;")
        self.form_error.setWordWrap(True)
        self.form_error.hide()
        self.open_button = push_button(self.tr("방문 시작"), self.tr("방문 시작"),
                                       self.open_visit, auto_default=True)
        for field in (self.venue, self.region, self.team):
            field.returnPressed.connect(self.open_visit)
        form.addRow(self.form_error)
        form.addRow(self.open_button)
        tab_chain([self.venue, self.region, self.day, self.team, self.open_button])
        return box

    def _build_header(self) -> QGroupBox:
        box = self.header_box = QGroupBox(self.tr("진행 중인 방문"))
        box.setAccessibleName(self.tr("진행 중인 방문"))
        form = QFormLayout(box)
        self.header: dict[str, QLabel] = {}
        for key, text in (("day", self.tr("날짜")), ("venue", self.tr("장소")),
                          ("region", self.tr("지역")), ("team", self.tr("팀원")),
                          ("opened", self.tr("시작"))):
            value = QLabel()
            value.setAccessibleName(text)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                          | Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.header[key] = value
            form.addRow(QLabel(text), value)
        self.close_error = QLabel()
        self.close_error.setAccessibleName(self.tr("방문 마치기 오류"))
        self.close_error.setStyleSheet("color: #b00020;")
        self.close_error.hide()
        self.close_button = push_button(self.tr("방문 마치기"), self.tr("방문 마치기"),
                                        self.close_visit)
        form.addRow(self.close_error)
        form.addRow(self.close_button)
        return box

    def _build_dashboard(self) -> QGroupBox:
        box = self.dashboard_box = QGroupBox(self.tr("오늘의 현황"))
        box.setAccessibleName(self.tr("오늘의 현황"))
        grid = QGridLayout(box)
        self.numbers: dict[str, QLabel] = {}
        big = self.font()
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        tiles = (("cases", self.tr("접수한 민원")), ("counsel", self.tr("국선대리인 상담")),
                 ("receipts", self.tr("접수증 발급")), ("waiting", self.tr("동기화 대기")),
                 ("quarantined", self.tr("확인 필요")))
        for i, (key, text) in enumerate(tiles):
            value = QLabel("–")
            value.setFont(big)
            value.setAccessibleName(text)
            self.numbers[key] = value
            grid.addWidget(QLabel(text), i, 0)
            grid.addWidget(value, i, 1, alignment=Qt.AlignmentFlag.AlignRight)
        row = len(tiles)
        for group, title, table in (("kind", self.tr("종류별"), labels.KINDS),
                                    ("outcome", self.tr("현장 처리별"), labels.OUTCOMES)):
            heading = QLabel(title)
            heading.setStyleSheet("font-weight: bold; margin-top: 8px;")
            grid.addWidget(heading, row, 0, 1, 2)
            row += 1
            for code, (korean, english) in table.items():
                name = english if display.current_language() == "en" else korean
                value = QLabel("0")
                value.setAccessibleName(f"{title} {name}")
                self.numbers[f"{group}:{code}"] = value
                grid.addWidget(QLabel(name), row, 0)
                grid.addWidget(value, row, 1, alignment=Qt.AlignmentFlag.AlignRight)
                row += 1
        self.scope_label = QLabel()
        self.scope_label.setAccessibleName(self.tr("집계 범위"))
        self.scope_label.setWordWrap(True)
        grid.addWidget(self.scope_label, row, 0, 1, 2)
        grid.setRowStretch(row + 1, 1)
        return box

    def _build_waiting(self) -> QGroupBox:
        box = self.waiting_box = QGroupBox(self.tr("동기화 대기"))
        box.setAccessibleName(self.tr("동기화 대기"))
        column = QVBoxLayout(box)
        self.waiting = WaitingList()
        self.waiting_note, self.waiting_table = self.waiting.note, self.waiting.table
        column.addWidget(self.waiting, 1)
        return box

    # -- refreshing --------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        # Changes made while hidden are FollowChanges' (stale until shown); here only
        # the first showing, and a new day (the figures of a day without a visit).
        loaded = self.loaded
        if loaded is None or loaded.summary.day not in (None, kst_today()):
            self.refresh()

    def refresh(self) -> None:
        window = self.window_
        if window.officer is None or not window.runner.running:
            return
        self._generation += 1
        generation = self._generation
        window.runner.run(StoreOp(_load).success(lambda got: self._loaded(generation, got))
                          .failure(self._load_failed))

    def _load_failed(self, exc: Exception) -> None:
        self.waiting_note.setText(self.tr("현황을 불러오지 못했습니다: {0}")
                                  .format(messages.store_problem(exc)[0]))

    def _loaded(self, generation: int, got: Loaded) -> None:
        if generation != self._generation:
            return  # an older answer arriving after a newer request
        self.loaded = got
        self._show_visit(got.visit, got.opened_by)
        self._show_summary(got.summary, got.visit)
        self._show_waiting(got.waiting, got.summary)

    def _show_visit(self, visit, opened_by: str | None) -> None:
        self.visit = visit
        if visit is None:
            if self.state.currentWidget() is not self.open_box:
                self.state.setCurrentWidget(self.open_box)
                self.day.setDate(QDate(kst_today()))
            return
        self.header["day"].setText(visit.day.isoformat())
        self.header["venue"].setText(visit.venue)
        self.header["region"].setText(visit.region)
        self.header["team"].setText(", ".join(visit.team) or self.tr("(없음)"))
        self.header["opened"].setText(self.tr("{0} · {1}").format(
            opened_by or "", visit.opened_at.strftime("%Y-%m-%d %H:%M")))
        self.close_error.hide()
        self.state.setCurrentWidget(self.header_box)

    def _show_summary(self, summary, visit) -> None:
        n = self.numbers
        n["cases"].setText(self.tr("{0}건").format(summary.cases))
        n["counsel"].setText(self.tr("{0}건").format(summary.counsel_sessions))
        n["receipts"].setText(self.tr("{0}건").format(summary.receipts_printed))
        n["receipts"].setToolTip(self.tr("상담 확인서 {0}건, 재발행·보관용을 포함한 인쇄 {1}장")
                                 .format(summary.confirmations_printed, summary.prints))
        n["waiting"].setText(self.tr("{0}건").format(summary.waiting))
        n["quarantined"].setText(self.tr("{0}건").format(summary.quarantined))
        n["quarantined"].setStyleSheet("color: #b00020;" if summary.quarantined else "")
        for group, counts, table in (("kind", summary.by_kind, labels.KINDS),
                                     ("outcome", summary.by_outcome, labels.OUTCOMES)):
            for code in table:
                n[f"{group}:{code}"].setText(str(counts.get(code, 0)))
        if visit is not None:
            self.scope_label.setText(self.tr("이번 방문({0})에서 접수한 것").format(visit.venue))
        else:
            self.scope_label.setText(self.tr("{0}에 접수한 것 (열린 방문 없음)")
                                     .format(summary.day.isoformat()))

    def _show_waiting(self, rows: list, summary) -> None:
        self.waiting.show_rows(rows, waiting=summary.waiting, quarantined=summary.quarantined)

    # -- opening and closing -----------------------------------------------------------

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()
        self.form_error.hide()

    def open_visit(self) -> None:
        window = self.window_
        if window.officer is None or not self.open_button.isEnabled():
            return
        self._clear_errors()
        officer = window.officer
        venue, region = self.venue.text(), self.region.text()
        day = self.day.date().toPython()
        team = split_team(self.team.text())

        def op(store):
            from fieldbus.store import visits

            return visits.open_visit(store, officer, venue=venue, region=region, day=day,
                                     team=team)

        self.open_button.setEnabled(False)
        window.runner.run(StoreOp(op).success(self._opened).failure(self._open_failed))

    def _opened(self, visit) -> None:
        self.open_button.setEnabled(True)
        for field in (self.venue, self.region, self.team):
            field.clear()
        self.close_button.setFocus()  # the visit shows once the change is told (FollowChanges)

    def _open_failed(self, exc: Exception) -> None:
        from fieldbus.domain.errors import ValidationError

        self.open_button.setEnabled(True)
        field = getattr(exc, "field", "")
        if isinstance(exc, ValidationError) and field in self.errors:
            self.errors[field].setText(_field_error(exc))
            self.errors[field].show()
            {"venue": self.venue, "region": self.region, "date": self.day,
             "team": self.team}[field].setFocus()
            return
        if isinstance(exc, ValidationError):
            self.form_error.setText(_field_error(exc))
        else:
            what, todo = messages.store_problem(exc)
            self.form_error.setText(f"{what} {todo}")
        self.form_error.show()
        self.refresh()  # e.g. another window opened a visit meanwhile

    def _ask_close(self) -> bool:
        venue = self.visit.venue if self.visit else ""
        answer = QMessageBox.question(
            self, self.tr("방문 마치기"),
            self.tr("{0} 방문을 마칠까요? 이후 접수하는 민원은 이 방문에 묶이지 않습니다.")
            .format(venue),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def close_visit(self) -> None:
        window = self.window_
        if window.officer is None or self.visit is None or not self.confirm_close():
            return
        officer = window.officer

        def op(store):
            from fieldbus.store import visits

            return visits.close_visit(store, officer)

        self.close_button.setEnabled(False)
        window.runner.run(StoreOp(op).success(self._closed).failure(self._close_failed))

    def _closed(self, visit) -> None:
        self.close_button.setEnabled(True)
        self.venue.setFocus()

    def _close_failed(self, exc: Exception) -> None:
        self.close_button.setEnabled(True)
        from fieldbus.domain.errors import NotFound

        if isinstance(exc, NotFound):
            self.close_error.setText(self.tr("열린 방문이 없습니다."))
        else:
            self.close_error.setText(" ".join(messages.store_problem(exc)))
        self.close_error.show()
        self.refresh()


def build_visit_page(window) -> QWidget:
    """The tab's page; ``window`` gives the store worker (``window.runner``) and the
    signed-in officer (``window.officer``)."""
    return VisitPage(window)

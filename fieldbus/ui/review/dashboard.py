"""The supervisors' dashboard: the queue's filter counted and drawn (issue 13 §3).

The counts come from the hub (``GET /api/v1/cases/summary`` through
:meth:`fieldbus.services.review_desk.ReviewDesk.summary`, fetched on a background
thread): the same cases the queue lists with the same filter, so a bar never disagrees
with the list beside it. The charts are pyqtgraph's — drawn by Qt, so Hangul labels come
through Qt's font fallback like every other label in the app — horizontal bars, because
a region's or a visit's name is too long to stand under a column. The whole board saves
as one PNG (a supervisor's weekly report takes a picture, not a widget).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (QFileDialog, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from fieldbus.ui.review.case_words import kind_name, moment, state_name
from fieldbus.ui.review.tasks import Tasks

_CTX = "review_dashboard"
#: The bars' colour: the app's blue; overdue figures in the app's red.
BAR = "#1f5fa8"
WARN = "#b00020"
MAX_LABEL_WIDTH = 240


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def outcome_name(outcome: str) -> str:
    """The on-site outcome as the receipt names it (``fieldbus/receipts/labels.py``)."""
    return {"resolved_on_site": tr("현장에서 해결"), "settlement": tr("합의서 작성"),
            "filed": tr("조사를 위해 접수"), "referred": tr("이송")}.get(outcome, outcome)


def choose_png_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to save the board: the save dialog (tests answer it instead)."""
    chosen, _ = QFileDialog.getSaveFileName(parent, tr("대시보드 저장"), suggested,
                                            tr("PNG 이미지 (*.png)"))
    return Path(chosen) if chosen else None


class BarChart(pg.PlotWidget):
    """One count drawn as horizontal bars, the largest on top, its number at its end."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, background="w")
        self.setAccessibleName(title)
        self.setTitle(title, color="#222", size="11pt")
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        item = self.getPlotItem()
        item.showGrid(x=True, y=False, alpha=0.2)
        for side in ("left", "bottom"):
            item.getAxis(side).setTextPen("#222")
            item.getAxis(side).setPen("#888")
        self.setMinimumHeight(180)
        self.labels: list[str] = []
        self.values: list[int] = []

    def show_counts(self, entries: list[tuple[str, int]]) -> None:
        """``entries`` as (label, count), drawn in the order given from the top."""
        item = self.getPlotItem()
        item.clear()
        self.labels = [label for label, _ in entries]
        self.values = [count for _, count in entries]
        if not entries:
            item.getAxis("left").setTicks([[]])
            empty = pg.TextItem(tr("해당 사건 없음"), color="#666", anchor=(0.5, 0.5))
            item.addItem(empty)
            empty.setPos(0.5, 0.5)
            item.setRange(xRange=(0, 1), yRange=(0, 1))
            return
        rows = np.arange(len(entries))[::-1].astype(float)  # first entry on top
        heights = np.array(self.values, dtype=float)
        item.addItem(pg.BarGraphItem(x0=0, y=rows, height=0.7, width=heights,
                                     brush=BAR, pen=None))
        top = max(heights.max(), 1.0)
        for row, count in zip(rows, self.values):
            text = pg.TextItem(f"{count:,}", color="#222", anchor=(0, 0.5))
            item.addItem(text)
            text.setPos(count + top * 0.01, row)
        left = item.getAxis("left")
        left.setTicks([[(row, label) for row, label in zip(rows, self.labels)]])
        # The axis drops a label wider than itself: make room for the longest (a visit's
        # or a region's name), up to a limit that leaves the bars most of the chart.
        metrics = QFontMetrics(left.style.get("tickFont") or self.font())
        widest = max(metrics.horizontalAdvance(label) for label in self.labels)
        left.setWidth(min(widest + 16, MAX_LABEL_WIDTH))
        item.setRange(xRange=(0, top * 1.15), yRange=(-0.6, len(entries) - 0.4),
                      padding=0)


class Dashboard(QWidget):
    """The figures and charts of one filter; :meth:`show_summary` fetches and draws."""

    #: The board was drawn (tests wait for it).
    drawn = Signal()

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("대시보드"))
        self._tasks = tasks
        self._desk: Any = None
        self._asked = 0  # a newer filter's answer wins over an older one still coming
        self.summary: dict[str, Any] | None = None
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setAccessibleName(tr("대시보드 상태"))
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.save_button = QPushButton(tr("PNG로 저장(&P)"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_png)
        head = QHBoxLayout()
        head.addWidget(self.status, 1)
        head.addWidget(self.save_button)
        layout.addLayout(head)
        self.board = QWidget()  # what the PNG holds: figures and charts, not the buttons
        board = QVBoxLayout(self.board)
        figures = QHBoxLayout()
        self.figures: dict[str, QLabel] = {}
        for key, title in (("total", tr("사건")), ("overdue", tr("기한 초과")),
                           ("due_this_week", tr("이번 주 마감")), ("forwarded", tr("기관 전달")),
                           ("median_days_to_forward", tr("전달까지 중앙값"))):
            figure = QLabel()
            figure.setTextFormat(Qt.TextFormat.PlainText)
            figure.setAlignment(Qt.AlignmentFlag.AlignCenter)
            figure.setAccessibleName(title)
            font = QFont(figure.font())
            font.setPointSizeF(font.pointSizeF() * 1.3)
            figure.setFont(font)
            figure.setProperty("title", title)
            figures.addWidget(figure, 1)
            self.figures[key] = figure
        board.addLayout(figures)
        grid = QGridLayout()
        self.charts: dict[str, BarChart] = {}
        for n, (key, title) in enumerate((
                ("by_visit", tr("방문별")), ("by_province", tr("시·도별")),
                ("by_kind", tr("민원 종류별")), ("by_state", tr("검토 상태별")),
                ("by_outcome", tr("현장 처리 결과별")), ("by_month", tr("접수 월별")))):
            chart = BarChart(title)
            grid.addWidget(chart, n // 2, n % 2)
            self.charts[key] = chart
        board.addLayout(grid, 1)
        layout.addWidget(self.board, 1)

    def set_desk(self, desk: Any) -> None:
        self._desk = desk

    def show_summary(self, filters: Any) -> None:
        """Fetch the counts of ``filters`` (off the GUI thread) and draw them."""
        if self._desk is None:
            return
        self._asked += 1
        asked, desk = self._asked, self._desk
        self.status.setText(tr("집계를 불러오는 중…"))
        self._tasks.run(lambda: desk.summary(filters),
                        lambda summary: self._show(asked, summary),
                        lambda exc: self._failed(asked, exc))

    def _failed(self, asked: int, exc: Exception) -> None:
        if asked == self._asked:
            self.status.setText(tr("집계를 불러오지 못했습니다: {}").format(exc))

    def _show(self, asked: int, summary: dict[str, Any]) -> None:
        if asked != self._asked:
            return
        self.summary = summary
        names: dict[str, Callable[[str], str]] = {
            "by_kind": kind_name, "by_state": state_name, "by_outcome": outcome_name}
        for key, chart in self.charts.items():
            name = names.get(key, lambda key: key)
            entries = [(entry.get("label") or (name(entry["key"]) if entry["key"]
                                               else tr("(없음)")), entry["count"])
                       for entry in summary.get(key, [])]
            chart.show_counts(entries[::-1] if key == "by_month" else entries)
        median = summary.get("median_days_to_forward")
        values = {key: f"{summary.get(key) or 0:,}" for key in self.figures
                  if key != "median_days_to_forward"}
        values["median_days_to_forward"] = tr("{}일").format(median) if median is not None \
            else "—"
        for key, figure in self.figures.items():
            figure.setText(f"{figure.property('title')}\n{values[key]}")
        self.figures["overdue"].setStyleSheet(
            f"color: {WARN};" if summary.get("overdue") else "")
        if summary.get("offline"):
            self.status.setText(tr("오프라인: {} 에 받은 집계입니다").format(
                moment(summary.get("fetched_at"))))
        else:
            self.status.setText(tr("사건 {}건의 집계").format(f"{summary.get('total', 0):,}"))
        self.save_button.setEnabled(True)
        self.drawn.emit()

    def save_png(self) -> Path | None:
        """The board as a PNG where the supervisor chooses; the path, or None."""
        path = choose_png_path(self, "fieldbus-dashboard.png")
        if path is None:
            return None
        if path.suffix.lower() != ".png":
            path = path.with_suffix(".png")
        if not self.board.grab().save(str(path), "PNG"):
            self.status.setText(tr("저장하지 못했습니다: {}").format(path))
            return None
        self.status.setText(tr("저장했습니다: {}").format(path))
        return path

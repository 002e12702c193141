"""The review queue as a lazy table: pages of the hub's queue fetched as the view scrolls.

The view asks :meth:`QueueModel.canFetchMore` when it nears the last row it holds; the
next page is fetched on a background thread (:class:`~fieldbus.ui.review.tasks.Tasks`)
and its rows appended when it arrives, so scrolling a queue of 100,000 cases holds the
GUI thread only for the rows on screen. A new filter starts a new *generation*: a page
of the old filter still on its way is dropped when it lands.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, NamedTuple

from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QModelIndex,
                            QPersistentModelIndex, Qt, Signal)
from PySide6.QtGui import QBrush, QColor

from fieldbus.services.review_desk import PAGE, QueueFilters, QueuePage, ReviewDesk
from fieldbus.ui.review.case_words import kind_name, moment, shown, state_name
from fieldbus.ui.review.tasks import Tasks

Index = QModelIndex | QPersistentModelIndex
FINISHED = ("rejected", "closed")
OVERDUE = QBrush(QColor("#b00020"))
#: The receipt number of a row (``data(index, RECEIPT_ROLE)``).
RECEIPT_ROLE = Qt.ItemDataRole.UserRole
COLUMNS, DUE, TITLE = 8, 2, 6
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_RECEIPT = int(RECEIPT_ROLE)


def tr(text: str) -> str:
    return QCoreApplication.translate("review_queue", text)


def _headers() -> list[str]:
    """Written out with their context, so lupdate files them under it: a header is a
    title ("Review state"), where the same words elsewhere are part of a sentence."""
    translate = QCoreApplication.translate
    return [translate("review_queue", "접수번호"), translate("review_queue", "검토 상태"),
            translate("review_queue", "처리 기한"), translate("review_queue", "종류"),
            translate("review_queue", "버스"), translate("review_queue", "지역"),
            translate("review_queue", "제목"), translate("review_queue", "접수 일시")]


def overdue(case: dict[str, Any], now: datetime | None = None) -> bool:
    """Past its deadline and not finished (the hub's ``overdue`` filter, read off a row)."""
    due = case.get("deadline_due")
    if not due or case.get("review_state") in FINISHED:
        return False
    try:
        when = datetime.fromisoformat(due)
    except ValueError:
        return False
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when < (now or datetime.now(timezone.utc))


class Row(NamedTuple):
    """One queue row as the table needs it: its cells already worked out, and no nested
    structures — a long queue of plain tuples costs the cycle collector (which holds the
    interpreter lock, so the GUI thread too) nothing, where the hub's case dicts would."""

    receipt_no: str
    case_version: int
    cells: tuple[str, ...]
    overdue: bool
    title: str


def row_of_case(case: dict[str, Any], now: datetime) -> Row:
    return Row(str(case.get("receipt_no") or case.get("id")),
               int(case.get("case_version") or 1),
               tuple(QueueModel._cell(case, column) for column in range(COLUMNS)),
               overdue(case, now), shown(case.get("title")))


class QueueModel(QAbstractTableModel):
    """Rows are the hub's case entries (``GET /api/v1/cases``), in the hub's order."""

    #: A page arrived (the first of a filter, or a further one): for the banner and total.
    loaded = Signal(object)
    #: Fetching failed: one line for the screen.
    failed = Signal(object)

    def __init__(self, tasks: Tasks, parent=None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._desk: ReviewDesk | None = None
        self._filters = QueueFilters()
        # Worked out on the fetching thread: painting asks data() for every cell and role
        # on each frame.
        self._rows: list[Row] = []
        self._next: int | None = None
        self._loading = False
        self._generation = 0
        self.last_page: QueuePage | None = None

    # -- what the workspace asks ------------------------------------------------------

    def set_desk(self, desk: ReviewDesk | None) -> None:
        self._desk = desk
        self.reload()

    @property
    def filters(self) -> QueueFilters:
        return self._filters

    def set_filters(self, filters: QueueFilters) -> None:
        self._filters = filters
        self.reload()

    def reload(self) -> None:
        """Start the filter over from its first page."""
        self._generation += 1
        self.beginResetModel()
        self._rows, self._next, self._loading = [], None, False
        self.endResetModel()
        if self._desk is not None:
            self._fetch(0)

    @property
    def loading(self) -> bool:
        return self._loading

    def entry(self, row: int) -> Row:
        return self._rows[row]

    def update_case(self, case: dict[str, Any]) -> None:
        """A case fetched again (a step, a refresh of the open case): its row shows what
        holds now, in place — the list keeps its scroll and selection."""
        row = self.row_of(str(case.get("receipt_no") or case.get("id")))
        if row is None:
            return
        self._rows[row] = row_of_case(case, datetime.now(timezone.utc))
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMNS - 1))

    def row_of(self, receipt_no: str) -> int | None:
        for row, entry in enumerate(self._rows):
            if entry.receipt_no == receipt_no:
                return row
        return None

    # -- fetching ---------------------------------------------------------------------

    def _fetch(self, offset: int) -> None:
        desk, filters, generation = self._desk, self._filters, self._generation
        assert desk is not None
        self._loading = True
        def fetch() -> tuple[QueuePage, list[Row]]:
            page = desk.page(filters, offset, PAGE)
            now = datetime.now(timezone.utc)
            return page, [row_of_case(case, now) for case in page.cases]

        self._tasks.run(fetch, lambda fetched: self._arrived(generation, *fetched),
                        lambda exc: self._failed(generation, exc))

    def _arrived(self, generation: int, page: QueuePage, rows: list[Row]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.last_page = page
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._next = page.next_offset
        self.loaded.emit(page)

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self.failed.emit(exc)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802 (Qt API)
        return not parent.isValid() and self._next is not None and not self._loading \
            and self._desk is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802 (Qt API)
        if self.canFetchMore(parent):
            self._fetch(self._next)

    # -- the table ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _headers()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Called for every role of every visible cell on each paint: plain int
        comparisons first (an enum's attribute lookup costs more than the answer)."""
        if role != _DISPLAY and role != _FOREGROUND and role != _RECEIPT \
                and role != _TOOLTIP:
            return None
        row = index.row()
        if row < 0:
            return None  # an invalid index
        entry = self._rows[row]
        if role == _DISPLAY:
            return entry.cells[index.column()]
        if role == _FOREGROUND:
            return OVERDUE if entry.overdue and index.column() == DUE else None
        if role == _RECEIPT:
            return entry.receipt_no
        return entry.title if index.column() == TITLE else None

    @staticmethod
    def _cell(case: dict[str, Any], column: int) -> str:
        if column == 0:
            return shown(case.get("receipt_no") or case.get("id"))
        if column == 1:
            if case.get("attachments_pending"):  # the case came before its files
                return tr("{0} · 첨부 수신 중").format(state_name(case.get("review_state")))
            return state_name(case.get("review_state"))
        if column == DUE:
            due = moment(case.get("deadline_due"))
            return tr("{0} (기한 지남)").format(due) if overdue(case) else due
        if column == 3:
            return tr("상담") if case.get("type") == "counsel" else kind_name(case.get("kind"))
        if column == 4:
            return shown(case.get("device"))
        if column == 5:
            return shown(case.get("region"))
        if column == TITLE:
            return shown(case.get("title"))[:120]
        return moment(case.get("received_at"))

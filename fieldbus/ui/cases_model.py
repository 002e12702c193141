"""The case list as a Qt table model, filled lazily from the store worker.

The model starts empty. A view asks ``canFetchMore``/``fetchMore`` as it scrolls; each
``fetchMore`` sends one :class:`~fieldbus.ui.worker.StoreOp` asking
:func:`fieldbus.store.case_list.page` for the rows after the last one held, and the rows
are inserted (``beginInsertRows``) when the answer comes back on the GUI thread. The model
never calls the store itself. A new filter resets the model and bumps ``generation``;
a page that arrives for an older generation is dropped.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from fieldbus.store import case_list
from fieldbus.store.case_list import CaseRow, Filters
from fieldbus.ui.worker import StoreOp, StoreRunner

_CTX = "cases"
OVERDUE_COLOUR = QColor("#b00020")


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def kind_names() -> dict[str, str]:
    return {"inquiry": tr("질의"), "suggestion": tr("건의"), "grievance": tr("고충"),
            "report": tr("부패·공익신고"), "passive_admin": tr("소극행정신고"),
            "other": tr("기타")}


def status_names() -> dict[str, str]:
    return {"received": tr("접수"), "resolved": tr("현장 해결"), "referred": tr("이송"),
            "forwarded": tr("기관 전달"), "closed": tr("종결")}


def sync_names() -> dict[str, str]:
    return {"pending": tr("동기화 대기"), "synced": tr("동기화됨"),
            "quarantined": tr("확인 필요")}


def review_names() -> dict[str | None, str]:
    return {None: tr("검토 전"), "received": tr("검토 중"), "has_issues": tr("보완 요청"),
            "edited": tr("보완 제출"), "approved": tr("승인"), "rejected": tr("반려")}


def short_time(iso: str) -> str:
    """``2026-11-26T10:30:00+09:00`` → ``2026-11-26 10:30`` (stored in KST already)."""
    try:
        return datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


#: (attribute of CaseRow, header); the order of the table's columns.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("receipt_no", "접수번호"),
    ("received_at", "접수일시"),
    ("kind", "종류"),
    ("title", "제목"),
    ("masked_name", "민원인"),
    ("status", "상태"),
    ("review_state", "검토"),
    ("sync_state", "동기화"),
    ("deadline", "처리기한"),
)

ReceiptRole = Qt.ItemDataRole.UserRole + 1


class CasesModel(QAbstractTableModel):
    """Rows of :class:`~fieldbus.store.case_list.CaseRow`, newest first."""

    #: (generation, rows in the model, more to fetch) after a page arrived.
    loaded = Signal(int, int, bool)
    #: A page could not be read (the exception); the list stays as it was.
    failed = Signal(object)

    def __init__(self, runner: StoreRunner, *, page_size: int = case_list.PAGE_SIZE,
                 parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.page_size = page_size
        self.filters = Filters()
        self.generation = 0
        self.today = date.today()
        self._rows: list[CaseRow] = []
        self._fetching = False
        self._exhausted = True  # nothing to fetch until a query is set
        self._kinds, self._statuses = kind_names(), status_names()
        self._syncs, self._reviews = sync_names(), review_names()

    # -- the query -----------------------------------------------------------------------

    def set_filters(self, filters: Filters, *, today: date | None = None) -> None:
        """Start over with ``filters``: empty the model and fetch the first page."""
        self.beginResetModel()
        self.filters = filters
        self.today = today or date.today()
        self.generation += 1
        self._rows = []
        self._fetching = False
        self._exhausted = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def refresh(self) -> None:
        self.set_filters(self.filters)

    @property
    def fetching(self) -> bool:
        return self._fetching

    @property
    def complete(self) -> bool:
        """Every matching row is in the model."""
        return self._exhausted and not self._fetching

    def row_at(self, row: int) -> CaseRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802 (Qt API)
        if parent.isValid():
            return False
        return not self._exhausted and not self._fetching and self.runner.running

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802 (Qt API)
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation, filters, size = self.generation, self.filters, self.page_size
        today = self.today
        after = self._rows[-1].cursor if self._rows else None
        op = StoreOp(lambda store: case_list.page(store, filters, limit=size, after=after,
                                                  today=today))
        self.runner.run(op.success(lambda rows: self._arrived(generation, rows))
                        .failure(lambda exc: self._failed(generation, exc)))

    def _arrived(self, generation: int, rows: list[CaseRow]) -> None:
        if generation != self.generation:
            return  # an answer to an older query
        self._fetching = False
        if len(rows) < self.page_size:
            self._exhausted = True
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self.loaded.emit(generation, len(self._rows), not self._exhausted)

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self.generation:
            return
        self._fetching = False
        self._exhausted = True
        self.failed.emit(exc)

    # -- the table -----------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(COLUMNS):
                return tr(COLUMNS[section][1])
            return None
        return section + 1

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.parent().isValid():
            return None
        row = self.row_at(index.row())
        if row is None or not 0 <= index.column() < len(COLUMNS):
            return None
        name = COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._display(row, name)
        if role == ReceiptRole:
            return row.receipt_no
        if role == Qt.ItemDataRole.ForegroundRole and name == "deadline" \
                and row.overdue(self.today):
            return QBrush(OVERDUE_COLOUR)
        return None

    def _display(self, row: CaseRow, name: str) -> str:
        if name == "received_at":
            return short_time(row.received_at)
        if name == "kind":
            return self._kinds.get(row.kind, row.kind)
        if name == "status":
            return self._statuses.get(row.status, row.status)
        if name == "sync_state":
            return self._syncs.get(row.sync_state, row.sync_state)
        if name == "review_state":
            return self._reviews.get(row.review_state, row.review_state or "")
        if name == "masked_name" and not row.masked_name:
            return tr("익명")
        if name == "deadline" and row.overdue(self.today):
            return tr("{0} (지남)").format(row.deadline)
        return str(getattr(row, name) or "")

"""The case list as a Qt table model: every match counted, only the rows on screen held.

A query (:meth:`CasesModel.set_filters`) is one :class:`~fieldbus.ui.shell.worker.StoreOp`:
the worker reads every matching row id in order (:func:`fieldbus.store.case_list.
ordered_rowids`, 8 bytes a case) and the first page. When it comes back the model is
reset once, to the full count; the scroll bar is right from then on and no row is ever
inserted (one insert into a 100,000-row table took 39 ms of the GUI thread).

Rows the view paints and the model does not hold show a placeholder; their page is asked
for once the paint is over (:func:`fieldbus.store.case_list.rows`, by row id: as quick at
the end as at the top), and ``dataChanged`` repaints them when it comes. One request is
under way at a time and takes only the pages asked for last, so holding Page Down does not
queue a page for every screen passed. At most :data:`CACHE_PAGES` pages are held, least
recently shown dropped first: memory, and the garbage collector's work, stay the same
however far the list is scrolled. Each row's texts are made once, on the worker, when its
page is read; a paint only looks them up.

A search also lists the counsel sessions it matches (their row ids negated, see
:mod:`fieldbus.store.case_list`): 종류 "상담", the outcome as the status, no review nor
deadline (:func:`line`); :data:`KindRole` tells the page which it is.

The model never calls the store itself. A new query bumps ``generation``; an answer to an
older one is dropped.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from sync.deadlines import kst_today
from fieldbus.store import case_list
from fieldbus.store.case_list import CaseRow, Filters
from fieldbus.ui.shell.worker import StoreOp, StoreRunner

_CTX = "cases"
OVERDUE_COLOUR = QColor("#b00020")
OVERDUE_BRUSH = QBrush(OVERDUE_COLOUR)


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
            "edited": tr("보완 제출"), "approved": tr("승인"), "rejected": tr("반려"),
            "forwarded": tr("기관 전달"), "closed": tr("처리 완료")}


def review_word(reviews: dict[str | None, str], review_state: str | None,
                sync_state: str) -> str:
    """A case's review word as the centre says it: a case the hub holds and no supervisor
    has acted on is "received" there (검토 중 in the supervisor's queue), though the laptop
    knows no review state for it yet; 검토 전 is only for a case still on the laptop."""
    if review_state is None and sync_state == "synced":
        review_state = "received"
    return reviews.get(review_state, review_state or "")


def short_time(iso: str, *, this_year: int | None = None) -> str:
    """``2026-11-26T10:30:00+09:00`` → ``2026-11-26 10:30`` (stored in KST already).

    With ``this_year`` (the case list): ``11-26 10:30`` for this year's cases and
    ``2025-11-26`` for older ones, so the list's width goes to the title; the detail
    view shows the full time."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if this_year is None:
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.strftime("%m-%d %H:%M" if moment.year == this_year else "%Y-%m-%d")


#: (attribute of CaseRow, header); the order of the table's columns.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("receipt_no", QT_TR_NOOP("접수번호")),
    ("received_at", QT_TR_NOOP("접수일시")),
    ("kind", QT_TR_NOOP("종류")),
    ("title", QT_TR_NOOP("제목")),
    ("masked_name", QT_TR_NOOP("민원인")),
    ("status", QT_TR_NOOP("상태")),
    ("review_state", QT_TR_NOOP("검토")),
    ("sync_state", QT_TR_NOOP("동기화")),
    ("deadline", QT_TR_NOOP("처리기한")),
)

ReceiptRole = Qt.ItemDataRole.UserRole + 1
#: The row's kind code: a complaint's, or ``case_list.COUNSEL`` for a counsel session.
KindRole = Qt.ItemDataRole.UserRole + 2

#: Pages kept (least recently used dropped first): 4,000 rows, whatever was scrolled past.
CACHE_PAGES = 20
#: Pages asked for in one operation: the viewport spans at most two, plus one to spare.
PAGES_PER_REQUEST = 3
#: What a row shows until its page has arrived.
PLACEHOLDER = "…"

# data() runs for every cell of every paint: plain ints compare quicker than Qt's enums.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_RECEIPT = int(ReceiptRole)
_KIND = int(KindRole)
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
    Qt.ItemFlag.ItemNeverHasChildren
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_DEADLINE = next(i for i, (name, _) in enumerate(COLUMNS) if name == "deadline")


@dataclass(frozen=True, slots=True)
class Names:
    """The translated words a row is shown with (read on the GUI thread, used on the
    worker: formatting a page there keeps it off the GUI thread)."""

    kinds: dict[str, str]
    statuses: dict[str, str]
    syncs: dict[str, str]
    reviews: dict[str | None, str]
    anonymous: str
    overdue: str
    sealed: str  # a public-interest report's name cell: the store gives no name at all
    counsel: str  # a counsel session's 종류 (a search lists them too)
    outcomes: dict[str, str]  # a counsel session's outcome, in its 상태 column

    @classmethod
    def current(cls) -> Names:
        return cls(kind_names(), status_names(), sync_names(), review_names(), tr("익명"),
                   tr("{0} (지남)"), tr("비공개"), tr("상담"), counsel_outcome_names())


def counsel_outcome_names() -> dict[str, str]:
    """A counsel session's outcome as its row shows it (short: the table's 상태 column)."""
    return {"application_filed": tr("선정 신청"), "advice_only": tr("상담만"),
            "referred_legal_aid": tr("법률구조공단 안내"), "referred_other": tr("기타 안내")}


@dataclass(frozen=True, slots=True)
class Line:
    """One row as the table shows it: every column's text made once, when its page came."""

    row: CaseRow
    texts: tuple[str, ...]
    overdue: bool


def line(row: CaseRow, names: Names, today: date) -> Line:
    if row.kind == case_list.COUNSEL:
        return _counsel_line(row, names, today)
    overdue = row.overdue(today)
    values = {
        "receipt_no": row.receipt_no,
        "received_at": short_time(row.received_at, this_year=today.year),
        "kind": names.kinds.get(row.kind, row.kind),
        "title": row.title or "",
        "masked_name": names.sealed if row.kind == "report" else
        row.masked_name or names.anonymous,
        "status": names.statuses.get(row.status, row.status),
        "review_state": review_word(names.reviews, row.review_state, row.sync_state),
        "sync_state": names.syncs.get(row.sync_state, row.sync_state),
        "deadline": names.overdue.format(row.deadline) if overdue else row.deadline or "",
    }
    return Line(row, tuple(values[name] for name, _ in COLUMNS), overdue)


def _counsel_line(row: CaseRow, names: Names, today: date) -> Line:
    """A counsel session a search found: its number, 상담, the disposition, the masked
    appellant, its outcome and sync state (no review, no processing deadline)."""
    values = {
        "receipt_no": row.receipt_no,
        "received_at": short_time(row.received_at, this_year=today.year),
        "kind": names.counsel,
        "title": row.title or "",
        "masked_name": row.masked_name or names.anonymous,
        "status": names.outcomes.get(row.status, row.status or ""),
        "review_state": "",
        "sync_state": names.syncs.get(row.sync_state, row.sync_state),
        "deadline": "",
    }
    return Line(row, tuple(values[name] for name, _ in COLUMNS), False)


def _first_page(store, filters: Filters, today: date, size: int,
                names: Names, by=None) -> tuple[array, list[Line]]:
    """On the worker: every match's row id in order, and the first page's lines (a text
    filter audited as ``by``'s search, when given)."""
    rowids = case_list.ordered_rowids(store, filters, today=today, by=by)
    first = case_list.rows(store, rowids[:size]) if rowids else []
    return rowids, [line(row, names, today) for row in first]


def _pages(store, wanted: list[tuple[int, array]], today: date,
           names: Names) -> list[tuple[int, list[Line]]]:
    """On the worker: the lines of each (page number, its row ids)."""
    return [(number, [line(row, names, today) for row in case_list.rows(store, rowids)])
            for number, rowids in wanted]


class CasesModel(QAbstractTableModel):
    """Every matching case as a row, newest first; only recently shown pages held."""

    #: (generation, how many cases match) once a query's count has arrived.
    counted = Signal(int, int)
    #: A query or a page could not be read (the exception). A failed query empties the
    #: list; a failed page stays "…" until it is scrolled to again.
    failed = Signal(object)

    def __init__(self, runner: StoreRunner, *, page_size: int = case_list.PAGE_SIZE,
                 cache_pages: int = CACHE_PAGES, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.page_size = page_size
        self.cache_pages = max(cache_pages, PAGES_PER_REQUEST)
        self.filters = Filters()
        self.generation = 0
        self.today = kst_today()
        self.names = Names.current()
        self._rowids = array("q")
        self._cache: OrderedDict[int, list[Line]] = OrderedDict()
        self._hot = -1  # the page data() used last: already the most recent in _cache
        self._wanted: dict[int, None] = {}  # pages data() asked for, in order of asking
        self._counting = False
        self._searched: str | None = None  # the search text audited last
        self._asking: int | None = None  # generation of the page request under way
        self._send_timer = QTimer(self)
        self._send_timer.setSingleShot(True)
        self._send_timer.setInterval(0)  # once the paint that asked is over
        self._send_timer.timeout.connect(self._send)

    # -- the query -----------------------------------------------------------------------

    def set_filters(self, filters: Filters, *, today: date | None = None, by=None) -> None:
        """Query again with ``filters``. What is shown stays until the count and first
        page arrive; then the table is reset once, to the full count. ``by`` (the officer
        signed in) has a newly typed search text audited; a refresh of the same text is
        not audited again."""
        if not self.runner.running:
            return  # the window is closing
        self.filters = filters
        self.today = today or kst_today()
        self.names = Names.current()  # the language may have changed
        self.generation += 1
        self._counting = True
        self._wanted.clear()
        generation, size, names, today = self.generation, self.page_size, self.names, \
            self.today
        if filters.text == self._searched:
            by = None
        self._searched = filters.text
        op = StoreOp(lambda store: _first_page(store, filters, today, size, names, by))
        self.runner.run(op.success(lambda got: self._counted(generation, *got))
                        .failure(lambda exc: self._failed(generation, exc)))

    def refresh(self) -> None:
        self.set_filters(self.filters)

    @property
    def fetching(self) -> bool:
        """The count or a page of the current query is being read."""
        return self._counting or self._asking == self.generation

    @property
    def complete(self) -> bool:
        """The count has arrived and no page that was asked for is missing."""
        return not self.fetching and not self._wanted

    @property
    def held(self) -> int:
        """Rows held in memory (at most ``cache_pages * page_size``)."""
        return sum(len(lines) for lines in self._cache.values())

    def row_at(self, row: int) -> CaseRow | None:
        """The row, if its page is held (None otherwise; nothing is fetched)."""
        found = self._line(row)
        return found.row if found is not None else None

    def _line(self, row: int) -> Line | None:
        lines = self._cache.get(row // self.page_size)
        if lines is None or row < 0:
            return None
        offset = row % self.page_size
        return lines[offset] if offset < len(lines) else None

    def _counted(self, generation: int, rowids: array, first: list[Line]) -> None:
        if generation != self.generation:
            return  # an answer to an older query
        self.beginResetModel()
        self._rowids = rowids
        self._cache = OrderedDict([(0, first)] if first else [])
        self._hot = -1
        self._wanted.clear()
        self._counting = False
        self.endResetModel()
        self.counted.emit(generation, len(rowids))

    def _failed(self, generation: int, exc: Exception) -> None:
        if generation != self.generation:
            return
        if self._counting:
            self.beginResetModel()
            self._rowids, self._cache, self._hot = array("q"), OrderedDict(), -1
            self._counting = False
            self.endResetModel()
        self._wanted.clear()
        self.failed.emit(exc)

    # -- pages on demand -----------------------------------------------------------------

    def _want(self, page: int) -> None:
        self._wanted.pop(page, None)
        self._wanted[page] = None  # the most recently asked last
        if not self._send_timer.isActive():
            self._send_timer.start()

    def _send(self) -> None:
        """Ask the worker for the pages the latest paints wanted, if it is free.

        Holding Page Down asks for a page every few rows; only the last few asked for
        (what is on screen now) are read, once the previous request is answered."""
        if self._counting or self._asking is not None or not self._wanted \
                or not self.runner.running:
            return
        pages = [p for p in self._wanted if p not in self._cache][-PAGES_PER_REQUEST:]
        self._wanted.clear()
        if not pages:
            return
        size, rowids = self.page_size, self._rowids
        wanted = [(p, rowids[p * size:(p + 1) * size]) for p in sorted(pages)]
        generation, today, names = self.generation, self.today, self.names
        self._asking = generation
        op = StoreOp(lambda store: _pages(store, wanted, today, names))
        self.runner.run(op.success(lambda got: self._paged(generation, got))
                        .failure(lambda exc: self._page_failed(generation, exc)))

    def _paged(self, generation: int, got: list[tuple[int, list[Line]]]) -> None:
        self._asking = None
        if generation == self.generation and not self._counting:
            last = len(COLUMNS) - 1
            for number, lines in got:
                self._cache[number] = lines
                self._cache.move_to_end(number)
            while len(self._cache) > self.cache_pages:
                self._cache.popitem(last=False)
            self._hot = -1
            for number, lines in got:
                if lines:
                    first = number * self.page_size
                    self.dataChanged.emit(self.index(first, 0),
                                          self.index(first + len(lines) - 1, last))
        self._send()  # what was asked for meanwhile (a stale request: for the new query)

    def _page_failed(self, generation: int, exc: Exception) -> None:
        self._asking = None
        if generation == self.generation:
            self._wanted.clear()  # not asked again by every paint: the next scroll will
            self.failed.emit(exc)
        self._send()

    # -- the table -----------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rowids)

    def rowid_at(self, row: int) -> int | None:
        """The record behind ``row`` (a session's is negative), None off the list."""
        return self._rowids[row] if 0 <= row < len(self._rowids) else None

    def row_of(self, rowid: int) -> int | None:
        """Where the record ``rowid`` is in the list now, None if it left it."""
        try:
            return self._rowids.index(rowid)
        except ValueError:
            return None

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
        # asked for every cell of every paint: the flags are made once (Python's enum
        # "|" took longer than data() itself)
        return _ROW_FLAGS if index.isValid() else _NO_FLAGS

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        """Called for every role of every visible cell on each paint: answers from the
        page's precomputed texts, and asks for a missing page rather than waiting."""
        if role != _DISPLAY and role != _TOOLTIP and role != _FOREGROUND \
                and role != _RECEIPT and role != _KIND:
            return None
        row = index.row()
        if row < 0:
            return None  # an invalid index
        page = row // self.page_size
        lines = self._cache.get(page)
        if lines is None:
            if role == _DISPLAY and row < len(self._rowids):
                self._want(page)
                return PLACEHOLDER
            return None
        if page != self._hot:
            self._cache.move_to_end(page)
            self._hot = page
        offset = row - page * self.page_size
        if offset >= len(lines):
            return None  # a case deleted since the count
        found = lines[offset]
        if role == _RECEIPT:
            return found.row.receipt_no
        if role == _KIND:
            return found.row.kind
        column = index.column()
        if role == _FOREGROUND:
            return OVERDUE_BRUSH if found.overdue and column == _DEADLINE else None
        return found.texts[column] if 0 <= column < len(found.texts) else None

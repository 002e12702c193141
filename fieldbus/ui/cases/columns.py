"""The case list's column widths: each column as wide as its words (issue 12).

Every column but the title is made as wide as the widest thing it can show: its header
and every word of its kind (all kinds, statuses, review and sync states, in the language
shown), a receipt number, a date, an overdue deadline. The title takes what is left and is
the one cut short ("…"). Only when even that leaves the title less than
:data:`TITLE_CHARS` characters (large text on a narrow window) do the columns a case is
not told apart by (review, sync, name, deadline) give way, down to their header's width;
the number, date, kind and status never do.

The widths are measured again when the text size changes and when the table is resized
(the splitter, the window). Nothing here reads the rows: with 100,000 of them the view
must never measure their contents (Qt's ResizeToContents would ask for every page).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from fieldbus.ui.cases import model as cases_model

#: An item view's text margins and a little room, in pixels.
PADDING = 12
#: The title's least width, in average characters, before other columns give way.
TITLE_CHARS = 12
#: The columns that give way, first to last, when the title would be too narrow.
YIELDING = ("review_state", "sync_state", "masked_name", "deadline")
NAMES = [name for name, _ in cases_model.COLUMNS]
TITLE = NAMES.index("title")


def words(name_sample: str) -> dict[str, list[str]]:
    """Everything each column (but the title) may show, in the language shown now;
    ``name_sample`` is a long masked name."""
    names = cases_model.Names.current()
    return {
        "receipt_no": ["B07A-261126-0000-W"],
        "received_at": ["12-31 23:59", "2025-12-31"],
        "kind": [*names.kinds.values(), names.counsel],
        "masked_name": [name_sample, names.anonymous, names.sealed],
        "status": [*names.statuses.values(), *names.outcomes.values()],
        "review_state": [w for w in names.reviews.values() if w],
        "sync_state": list(names.syncs.values()),
        "deadline": [names.overdue.format("2026-12-31"), "2026-12-31"],
    }


class ColumnFit(QObject):
    """Keeps ``table``'s columns as wide as their words (see the module's text)."""

    def __init__(self, table: QTableView, *, name_sample: str) -> None:
        super().__init__(table)
        self.table = table
        self.name_sample = name_sample
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.wanted: dict[str, int] = {}
        table.installEventFilter(self)
        table.viewport().installEventFilter(self)
        self.measure()

    def measure(self) -> None:
        """Work out each column's width for the present font and language."""
        table, header = self.table, self.table.horizontalHeader()
        metrics, header_metrics = table.fontMetrics(), header.fontMetrics()
        model = table.model()
        self.wanted = {}
        for name, texts in words(self.name_sample).items():
            column = NAMES.index(name)
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            self.wanted[name] = max(
                [metrics.horizontalAdvance(text) + PADDING for text in texts]
                + [self._header_width(header_metrics, title)])
        self.fit()

    @staticmethod
    def _header_width(metrics, title: str) -> int:
        return metrics.horizontalAdvance(title) + 2 * PADDING

    def fit(self) -> None:
        """Set the widths for the table's width now, yielding columns narrowed if need be."""
        table = self.table
        widths = dict(self.wanted)
        room = table.viewport().width()
        title_least = table.fontMetrics().averageCharWidth() * TITLE_CHARS
        over = sum(widths.values()) + title_least - room
        header_metrics = table.horizontalHeader().fontMetrics()
        model = table.model()
        for name in YIELDING:
            if over <= 0:
                break
            column = NAMES.index(name)
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            least = min(widths[name], self._header_width(header_metrics, title))
            give = min(over, widths[name] - least)
            widths[name] -= give
            over -= give
        for name, width in widths.items():
            table.setColumnWidth(NAMES.index(name), width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind in (QEvent.Type.FontChange, QEvent.Type.LanguageChange) \
                and watched is self.table:
            self.measure()
        elif kind == QEvent.Type.Resize and watched is self.table.viewport():
            self.fit()
        return False

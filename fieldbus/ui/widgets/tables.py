"""Short read-only tables of text rows: today's counsel sessions, what waits for the hub.

Rows are chosen whole (a row is one record), never edited in place, and the columns fit
their text with the last one taking what is left. The long case list is a model/view of
its own (``fieldbus.ui.cases.model``); these tables hold at most a few hundred rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem


def text_table(headers: Sequence[str], accessible_name: str) -> QTableWidget:
    """An empty table with ``headers``, read out as ``accessible_name``."""
    table = QTableWidget(0, len(headers))
    table.setAccessibleName(accessible_name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill(table: QTableWidget, rows: Sequence[Iterable[str]]) -> None:
    """``table`` holds ``rows`` (each a row's cells, in column order) and nothing else."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))

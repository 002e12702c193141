"""The case list's columns fit their words (issue 12, "Fit the laptop").

On the laptop (1366 wide, the window maximised) every column but the title shows its text
whole: the receipt number, the date, the kind, the name, the status, the review and sync
states, the deadline; only the title is cut short ("…"), and the table never scrolls
sideways. In English and at 150 % text the columns the officer reads a case by (number,
date, kind, status) are never cut; after the text size is changed on the open window too.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from fieldbus.ui.cases import model as cases_model
from fieldbus.ui.shell import display
from tests.ui.cases.test_cases import cases  # noqa: F401
from tests.ui.shell.test_app import _cheap_pin_hashes, open_window, sign_in  # noqa: F401

LAPTOP = (1366, 700)
ALL_BUT_TITLE = [name for name, _ in cases_model.COLUMNS if name != "title"]
KEY = ["receipt_no", "received_at", "kind", "status"]
#: An item view's text margins (Qt: 2 × (PM_FocusFrameHMargin + 1)), with room to spare.
PADDING = 8


@pytest.fixture
def looks(qapp):
    """Switch the language and text size; Korean at 100 % again afterwards."""
    def switch(code: str, scale: float) -> None:
        assert display.install_language(code)
        display.apply_text_scale(scale)
    yield switch
    display.install_language("ko")
    display.apply_text_scale(1.0)


def cut_cells(page, names: list[str]) -> list[str]:
    """Cells and headers of the columns ``names`` whose text is wider than the column."""
    table, model = page.table, page.model
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    header_metrics = header.fontMetrics()
    found = []
    for name in names:
        column = [n for n, _ in cases_model.COLUMNS].index(name)
        width = table.columnWidth(column)
        title = model.headerData(column, Qt.Orientation.Horizontal)
        if header_metrics.horizontalAdvance(title) + PADDING > width:
            found.append(f"header {title!r} ({width} px)")
        for row in range(model.rowCount()):
            text = model.data(model.index(row, column))
            if text and metrics.horizontalAdvance(text) + PADDING > width:
                found.append(f"{name} {text!r} ({width} px)")
    return sorted(set(found))


def show_list(qtbot, cases, n: int = 40):  # noqa: F811
    window, page, _numbers = cases(n)
    window.resize(*LAPTOP)
    qtbot.waitUntil(lambda: page.model.complete and page.model.rowCount() == n)
    page.select_row(0)
    qtbot.waitUntil(lambda: page.shown_receipt is not None)
    qtbot.wait(50)
    return window, page


@pytest.mark.parametrize(("code", "scale", "names", "whole"), [
    ("ko", 1.0, ALL_BUT_TITLE, True), ("en", 1.0, KEY, False), ("ko", 1.5, KEY, False),
    ("en", 1.5, KEY, False)])
def test_on_the_laptop_only_the_title_is_cut_short(  # noqa: PLR0913
        qtbot, cases, looks, code, scale, names, whole):  # noqa: F811
    """In Korean at 100 % every column but the title shows its words and the list never
    scrolls sideways. With longer words (English) or larger text the detail pane beside the
    list keeps its buttons whole, so the list may scroll sideways: its number, date, kind
    and status are still never cut."""
    looks(code, scale)
    window, page = show_list(qtbot, cases)
    assert cut_cells(page, names) == []
    if whole:
        assert not page.table.horizontalScrollBar().isVisible()
        title = [n for n, _ in cases_model.COLUMNS].index("title")
        assert page.table.columnWidth(title) >= page.table.fontMetrics().averageCharWidth() * 10


def test_the_columns_follow_a_new_text_size(qtbot, cases, looks):  # noqa: F811
    window, page = show_list(qtbot, cases)
    assert cut_cells(page, ALL_BUT_TITLE) == []
    looks("ko", 1.5)  # as the settings dialog does it, on the open window
    qtbot.wait(50)
    assert cut_cells(page, KEY) == []

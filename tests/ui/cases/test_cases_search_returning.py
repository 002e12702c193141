"""The case list's search finds a returning citizen (issue 12): by a phone number's digits,
typed with or without hyphens, and by a receipt number typed compact in lower case. The
list stays masked. (Counsel sessions are found by ``fieldbus search``: the case list holds
complaints only.)"""

from __future__ import annotations

import pytest

from tests.ui.cases.test_cases import cases  # noqa: F401 (a fixture)
from tests.ui.shell.test_app import _cheap_pin_hashes, open_window, type_text  # noqa: F401


@pytest.mark.parametrize("typed", ["6789", "2345-6789", "01023456789"])
def test_phone_digits_find_the_case(qtbot, cases, typed):  # noqa: F811
    window, page, numbers = cases(6)  # complaint-01 first: 김영수, 010-2345-6789
    type_text(qtbot, page.search, typed)
    qtbot.waitUntil(lambda: page.model.complete and page.model.filters.text == typed)
    assert page.model.rowCount() == 1
    row = [page.model.data(page.model.index(0, c)) or "" for c in range(page.model.columnCount())]
    assert numbers[0] in row
    assert "010-2345-6789" not in " ".join(map(str, row)) and "김영수" not in row
    assert "전화번호" in page.search.placeholderText()
    window.shutdown()


def test_a_compact_lower_case_receipt_number_finds_the_case(qtbot, cases):  # noqa: F811
    window, page, numbers = cases(6)
    typed = numbers[3].replace("-", "").lower()
    type_text(qtbot, page.search, typed)
    qtbot.waitUntil(lambda: page.model.complete and page.model.filters.text == typed)
    assert page.model.rowCount() == 1
    assert numbers[3] in [page.model.data(page.model.index(0, c))
                          for c in range(page.model.columnCount())]
    window.shutdown()

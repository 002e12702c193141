"""GUI tests run headless: Qt's ``offscreen`` platform, no display needed.

Set at this conftest's import, before any test makes the ``QApplication`` (pytest-qt's
``qapp``): that is when Qt reads ``QT_QPA_PLATFORM``. ``setdefault`` lets a developer
watch a test on a real display with ``QT_QPA_PLATFORM=xcb``.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


import pytest  # noqa: E402


@pytest.fixture
def exports(tmp_path):
    """The folder the officer picks in the "save as PDF" dialog (a modal dialog cannot be
    answered headless, so :func:`_save_dialog_answers` answers it with this folder)."""
    folder = tmp_path / "exports"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(autouse=True)
def _save_dialog_answers(monkeypatch, exports):
    """The save dialog, answered as an officer would: the suggested name in ``exports``."""
    from fieldbus.ui.printing import receipt_delivery

    monkeypatch.setattr(receipt_delivery, "choose_pdf_path",
                        lambda parent, number: receipt_delivery.free_pdf_path(exports, number),
                        raising=False)

"""The "국선대리인 상담" tab: the counsel session form (issue 4 item 5).

The form itself is :class:`fieldbus.ui.counsel.form.CounselForm`; its Qt-free logic (the
intake object, problems by field, the live appeal deadline) is :mod:`fieldbus.services.counsel_draft`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from fieldbus.ui.counsel.form import CounselForm


def build_counsel_page(window) -> QWidget:
    """The tab's page; ``window`` gives the store worker (``window.runner``), the
    signed-in officer (``window.officer``), the data folder and the page stack (the form
    resets and fetches today's sessions when the work page shows after a sign-in)."""
    return CounselForm(window)

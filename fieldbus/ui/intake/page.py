"""The "민원 접수" tab: the complaint intake form (issue 4 item 3).

The form itself is :class:`fieldbus.ui.intake.form.IntakeForm`; its Qt-free logic is
:mod:`fieldbus.services.intake.draft` and its drafts are kept by :mod:`fieldbus.store.drafts`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from fieldbus.ui.intake.form import IntakeForm


def build_intake_page(window) -> QWidget:
    """The tab's page; ``window`` gives the store worker (``window.runner``), the
    signed-in officer (``window.officer``), the data folder and the page stack (the form
    restores the officer's draft when the work page first shows after a sign-in)."""
    return IntakeForm(window)

"""The "사건 목록" tab: the case list, search and detail view (issue 4 item 4)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def build_cases_page(window) -> QWidget:
    """The tab's page; ``window`` gives the store worker (``window.runner``) and the
    signed-in officer (``window.officer``)."""
    page = QWidget()
    layout = QVBoxLayout(page)
    placeholder = QLabel(page.tr("준비 중입니다."))
    placeholder.setAccessibleName(page.tr("사건 목록"))
    layout.addWidget(placeholder)
    layout.addStretch(1)
    return page

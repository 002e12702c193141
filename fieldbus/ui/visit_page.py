"""The "오늘의 방문" tab: today's visit and the day's dashboard (issue 4 item 2)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def build_visit_page(window) -> QWidget:
    """The tab's page; ``window`` gives the store worker (``window.runner``) and the
    signed-in officer (``window.officer``)."""
    page = QWidget()
    layout = QVBoxLayout(page)
    placeholder = QLabel(page.tr("준비 중입니다."))
    placeholder.setAccessibleName(page.tr("오늘의 방문"))
    layout.addWidget(placeholder)
    layout.addStretch(1)
    return page

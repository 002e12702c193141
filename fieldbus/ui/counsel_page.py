"""The "국선대리인 상담" tab: the counsel session form (issue 4 item 5)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def build_counsel_page(window) -> QWidget:
    """The tab's page; ``window`` gives the store worker (``window.runner``) and the
    signed-in officer (``window.officer``)."""
    page = QWidget()
    layout = QVBoxLayout(page)
    placeholder = QLabel(page.tr("준비 중입니다."))
    placeholder.setAccessibleName(page.tr("국선대리인 상담"))
    layout.addWidget(placeholder)
    layout.addStretch(1)
    return page

"""The 교육용 marks of a window over a training store (``fieldbus --training``).

A trainee and the person watching must never mistake practice for a real intake, so the
window says it in three places: its title, a coloured banner above every screen (setup,
sign-in, the lock screen and every tab, since it sits outside the page stack), and the
status bar. The store itself is marked too (``fieldbus.services.training``), so every
receipt printed from it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

BANNER_STYLE = ("background: #f2a900; color: #1a1a1a; font-weight: bold; padding: 6px; "
                "border-bottom: 2px solid #8a5a00;")


def tr(text: str) -> str:
    return QCoreApplication.translate("TrainingBanner", text)


def training_title(title: str) -> str:
    """The window title, prefixed so the task bar shows it too."""
    return tr("[교육용] {0}").format(title)


class TrainingBanner(QLabel):
    """The banner; hidden until the window knows it is over a training store."""

    def __init__(self) -> None:
        super().__init__(tr("교육용 — 실제 민원이 아닙니다. 연습용 자료이며 동기화되지 않습니다."))
        self.setObjectName("training-banner")
        self.setAccessibleName(tr("교육용 저장소 안내"))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setStyleSheet(BANNER_STYLE)
        self.hide()


def status_label() -> QLabel:
    """The status bar's permanent 교육용 mark."""
    label = QLabel(tr("교육용 저장소"))
    label.setObjectName("training-status")
    label.setAccessibleName(tr("교육용 저장소"))
    label.setStyleSheet("color: #8a5a00; font-weight: bold;")
    label.hide()
    return label

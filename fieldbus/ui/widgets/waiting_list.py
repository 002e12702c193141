"""What waits for the hub, row by row: the visit tab and the sync panel show the same list.

Rows come from :func:`fieldbus.store.dashboard.waiting` (records needing attention first,
then the oldest waiting): kind, receipt or session number, version, since when, state,
attempts and the hub's last reason. No personal data is in it, so it may stay on screen.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from fieldbus.ui.widgets.tables import fill, text_table


def _hhmm(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).strftime("%m-%d %H:%M")
    except ValueError:
        return iso


class WaitingList(QWidget):
    """A note line and the table; :meth:`show_rows` fills both."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel()
        self.note.setAccessibleName(self.tr("동기화 대기 안내"))
        self.note.setWordWrap(True)
        column.addWidget(self.note)
        headers = [self.tr("종류"), self.tr("번호"), self.tr("버전"), self.tr("대기 시작"),
                   self.tr("상태"), self.tr("시도"), self.tr("마지막 오류")]
        self.table = text_table(headers, self.tr("동기화 대기 목록"))
        column.addWidget(self.table, 1)

    def show_rows(self, rows: list, *, waiting: int, quarantined: int) -> None:
        """``rows`` (at most a page of them) out of ``waiting`` + ``quarantined`` in all."""
        kinds = {"complaint": self.tr("민원"), "counsel_session": self.tr("국선대리인 상담"),
                 "visit": self.tr("방문")}
        states = {"pending": self.tr("대기"), "quarantined": self.tr("확인 필요")}
        fill(self.table, [(kinds.get(row.record_type, row.record_type), row.number or "–",
                           str(row.version), _hhmm(row.since), states.get(row.state, row.state),
                           str(row.attempts), row.last_error or "") for row in rows])
        total = waiting + quarantined
        if not total:
            self.note.setText(self.tr("모두 동기화되었습니다. 기다리는 것이 없습니다."))
        elif total > len(rows):
            self.note.setText(self.tr("동기화 대기 {0}건 중 앞의 {1}건입니다. "
                                      "연결되면 자동으로 보냅니다.").format(total, len(rows)))
        else:
            self.note.setText(self.tr("동기화 대기 {0}건. 연결되면 자동으로 보냅니다.")
                              .format(total))
        if quarantined:
            self.note.setText(self.note.text() + " " + self.tr(
                "'확인 필요' {0}건은 허브가 받지 않은 것입니다: 마지막 오류를 보고 고치거나 "
                "관리자에게 알리십시오.").format(quarantined))

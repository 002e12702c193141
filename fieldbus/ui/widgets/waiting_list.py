"""What waits for the hub, row by row: the visit tab and the sync panel show the same list.

Rows come from :func:`fieldbus.store.dashboard.waiting` (records needing attention first,
then the oldest waiting): kind, receipt or session number, version, since when, state,
attempts and the hub's last reason. No personal data is in it, so it may stay on screen.
The note above says what becomes of them in the laptop's sync state (:meth:`set_sync`): only
an enrolled laptop the hub takes is told they go out by themselves.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from fieldbus.services.sync_status import SyncStatus
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
        self.status: SyncStatus | None = None  # unknown until set_sync: no promise made
        self._counts: tuple[int, int, int] | None = None  # waiting, quarantined, shown

    def set_sync(self, status: SyncStatus) -> None:
        """The laptop's sync state: the note says what becomes of what waits."""
        self.status = status
        self._show_note()

    def show_rows(self, rows: list, *, waiting: int, quarantined: int) -> None:
        """``rows`` (at most a page of them) out of ``waiting`` + ``quarantined`` in all."""
        kinds = {"complaint": self.tr("민원"), "counsel_session": self.tr("국선대리인 상담"),
                 "visit": self.tr("방문")}
        states = {"pending": self.tr("대기"), "quarantined": self.tr("확인 필요")}
        fill(self.table, [(kinds.get(row.record_type, row.record_type), row.number or "–",
                           str(row.version), _hhmm(row.since), states.get(row.state, row.state),
                           str(row.attempts), row.last_error or "") for row in rows])
        self._counts = (waiting, quarantined, len(rows))
        self._show_note()

    def _show_note(self) -> None:
        if self._counts is None:
            return
        waiting, quarantined, shown = self._counts
        parts = [self._state_words(waiting + quarantined)]
        if waiting + quarantined > shown:
            parts.append(self.tr("아래 목록은 앞의 {0}건입니다.").format(shown))
        if quarantined:
            parts.append(self.tr(
                "'확인 필요' {0}건은 허브가 받지 않은 것입니다: 마지막 오류를 보고 고치거나 "
                "관리자에게 알리십시오.").format(quarantined))
        self.note.setText(" ".join(parts))

    def _state_words(self, total: int) -> str:
        """What becomes of ``total`` waiting records, in this laptop's sync state."""
        status = self.status
        if status is None:
            return (self.tr("동기화 대기 {0}건.").format(total) if total
                    else self.tr("기다리는 것이 없습니다."))
        if status.training:
            return (self.tr("교육용 저장소의 기록 {0}건은 허브로 보내지 않습니다.").format(total)
                    if total else self.tr("교육용 저장소는 허브로 보내지 않습니다."))
        if not status.enrolled:
            if not total:
                return self.tr("이 노트북은 허브에 등록되지 않아 동기화하지 않습니다. "
                               "보낼 기록은 없습니다.")
            return self.tr("이 노트북은 허브에 등록되지 않아 기록 {0}건을 보내지 못했습니다. "
                           "모두 이 노트북에 안전하게 남아 있으며, 관리자가 `fieldbus enrol`로 "
                           "등록하면 보냅니다.").format(total)
        if not status.sends_when_connected:  # the hub refused this laptop
            return self.tr("허브가 이 노트북을 받지 않아 기록 {0}건을 보내지 못했습니다. 기록은 "
                           "이 노트북에 남아 있습니다. 관리자에게 다시 등록을 요청하십시오."
                           ).format(total)
        if not total:
            return self.tr("모두 동기화되었습니다. 기다리는 것이 없습니다.")
        return self.tr("동기화 대기 {0}건. 연결되면 자동으로 보냅니다.").format(total)

"""The sync panel: where the work stands with the centre, what waits, and why.

Opened from the status bar's sync button or the menu (Ctrl+Shift+Y). It shows the line the
status bar shows, when the last run went through and why the last one failed, a button to
sync now, and the waiting list (:class:`~fieldbus.ui.widgets.waiting_list.WaitingList`) with the
hub's reason for each record set aside. While a run goes (issue 15, "Progress people can
read") it shows how far it has got, from the :class:`sync.progress.Progress` the controller
keeps on the status: a bar for the bytes of the whole run and each attachment on its way
with its own bar.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldbus.services.sync_status import Phase, SyncStatus
from fieldbus.ui.shell.worker import StoreOp
from fieldbus.ui.widgets.fonts import enlarge
from fieldbus.ui.widgets.keys import push_button
from fieldbus.ui.widgets.tables import text_table
from fieldbus.ui.widgets.waiting_list import WaitingList
from sync.progress import FileProgress, Progress, human_bytes, human_pair, human_rate

_CTX = "sync"
WAITING_LIMIT = 200
COLOURS = {Phase.ATTENTION: "#b00020", Phase.REFUSED: "#b00020", Phase.OFFLINE: "#8a5a00",
           Phase.NOT_ENROLLED: "#8a5a00", Phase.SYNCED: "#1b5e20"}


def tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


#: Why the last run stopped, in the officer's words, by the engine's code
#: (:mod:`sync.failures`); the engine's own sentence (English, for IT and scripts) is
#: the line's tooltip.
FAILURE_REASONS = {
    "unreachable": QT_TR_NOOP("허브에 연결할 수 없습니다. 연결되면 다시 보냅니다."),
    "certificate": QT_TR_NOOP("허브의 보안 인증서를 확인할 수 없습니다. 관리자에게 "
                              "알리십시오."),
    "not_the_hub": QT_TR_NOOP("허브가 아닌 곳이 응답했습니다 (와이파이 로그인 화면?). "
                              "인터넷 연결을 확인하십시오."),
    "token_refused": QT_TR_NOOP("허브가 이 노트북의 인증을 받지 않습니다."),
    "hub_refused": QT_TR_NOOP("허브가 요청을 거절했습니다. 관리자에게 알리십시오."),
    "protocol": QT_TR_NOOP("허브와 이 노트북의 Fieldbus 버전이 맞지 않습니다. 관리자에게 "
                           "업데이트를 요청하십시오."),
}


def failure_reason(code: str) -> str:
    """The officer's line for a failure ``code``; an unknown one says only that it failed."""
    return tr(FAILURE_REASONS.get(code, QT_TR_NOOP("동기화하지 못했습니다.")))


def headline(status: SyncStatus) -> str:
    """The status bar's words for ``status`` (see :mod:`fieldbus.services.sync_status` for order)."""
    phase, waiting = status.phase, status.pending
    if phase is Phase.TRAINING:
        return tr("동기화하지 않음 (교육용)")
    if phase is Phase.SYNCING:
        return going(status.progress)
    if phase is Phase.ATTENTION:
        return tr("확인 필요 {0}건 · 대기 {1}건").format(status.quarantined, waiting)
    if phase is Phase.REFUSED:
        return tr("허브가 거부함 · 대기 {0}건").format(waiting)
    if phase is Phase.NOT_ENROLLED:
        return tr("허브 미등록 · 대기 {0}건").format(waiting) if waiting \
            else tr("허브 미등록")
    files = tr(" · 첨부 {0}개").format(status.files_pending) if status.files_pending else ""
    if phase is Phase.OFFLINE:
        if not waiting and status.files_pending:
            return tr("오프라인 · 첨부 {0}개 대기").format(status.files_pending)
        return tr("오프라인 · 대기 {0}건").format(waiting) + files
    if phase is Phase.WAITING:
        if not waiting:  # the cases are at the centre; their files still go
            return tr("첨부 전송 대기 {0}개").format(status.files_pending)
        return tr("동기화 대기 {0}건").format(waiting) + files
    return tr("모두 동기화됨")


def going(progress: Progress | None) -> str:
    """The line while a run goes: "동기화 중 · 기록 12/30 · 4.2/46.0 MB · 120 KB/s · 약 6분
    남음", with only the parts known so far ("동기화 중…" before the first report)."""
    if progress is None or progress.phase == "connecting":
        return tr("동기화 중…")
    parts = [tr("동기화 중")]
    if progress.records_total:
        parts.append(tr("기록 {0}/{1}").format(progress.records_sent, progress.records_total))
    if progress.bytes_total:
        parts.append(human_pair(progress.bytes_sent, progress.bytes_total))
    if progress.phase == "pulling":
        parts.append(tr("받는 중 {0}건").format(progress.pulled) if progress.pulled
                     else tr("받는 중"))
    elif progress.rate:
        parts.append(human_rate(progress.rate))
        left = time_left(progress.eta_seconds)
        if left:
            parts.append(left)
    return " · ".join(parts)


def time_left(seconds: float | None) -> str:
    """``360`` → "약 6분 남음"; nothing once nothing is left or while it is not known."""
    if not seconds or seconds <= 0:
        return ""
    if seconds < 60:
        return tr("1분 미만 남음")
    minutes = round(seconds / 60)
    if minutes < 60:
        return tr("약 {0}분 남음").format(minutes)
    return tr("약 {0}시간 {1}분 남음").format(*divmod(minutes, 60))


def file_state(state: str) -> str:
    return {"waiting": tr("대기"), "sending": tr("전송 중"), "done": tr("완료"),
            "failed": tr("실패")}.get(state, state)


def explanation(status: SyncStatus) -> str:
    """The status bar's tooltip: what the line means when records do not go out by
    themselves, then how to open the panel."""
    phase, lines = status.phase, []
    if phase is Phase.TRAINING:
        lines.append(tr("교육용 저장소는 허브에 등록하지 않고 동기화하지도 않습니다."))
    elif not status.enrolled and phase is not Phase.ATTENTION:
        lines.append(tr("이 노트북은 허브에 등록되지 않아 동기화하지 않습니다. 기록은 이 "
                        "노트북에 안전하게 남아 있고, 관리자가 `fieldbus enrol`로 등록하면 "
                        "보냅니다."))
    elif phase is Phase.REFUSED:
        lines.append(tr("허브가 이 노트북을 받지 않습니다. 기록은 이 노트북에 남아 있습니다. "
                        "관리자에게 다시 등록을 요청하십시오."))
    lines.append(tr("동기화 현황 보기 (Ctrl+Shift+Y)"))
    return "\n".join(lines)


def colour(status: SyncStatus) -> str:
    return COLOURS.get(status.phase, "")


def _waiting(store):
    from fieldbus.store import dashboard
    from fieldbus.store import sync as store_sync

    return dashboard.waiting(store, limit=WAITING_LIMIT), store_sync.counts(store)


def percent(sent: int, size: int) -> int:
    return 100 if size <= 0 else max(0, min(100, sent * 100 // size))


class RunProgress(QWidget):
    """How far the run under way has got: a bar for all its bytes, and each attachment on
    its way (name, size, its own bar, state). :meth:`show_progress` fills it."""

    COLUMNS = 4  # file, size, progress, state

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.overall = QProgressBar()
        self.overall.setAccessibleName(tr("전체 전송량"))
        self.overall.setRange(0, 0)  # busy until the first report gives a total
        column.addWidget(self.overall)
        self.files = text_table([tr("첨부 파일"), tr("크기"), tr("진행"), tr("상태")],
                                tr("보내는 첨부 파일"))
        self.files.setMinimumHeight(110)
        column.addWidget(self.files, 1)
        self.files.hide()

    def show_progress(self, progress: Progress | None) -> None:
        if progress is None or not progress.bytes_total:
            self.overall.setRange(0, 0)
            self.overall.setFormat("")
        else:
            self.overall.setRange(0, 1000)
            self.overall.setValue(min(1000, progress.bytes_sent * 1000 // progress.bytes_total))
            self.overall.setFormat(f"{human_pair(progress.bytes_sent, progress.bytes_total)}"
                                   f" ({percent(progress.bytes_sent, progress.bytes_total)}%)")
        files = progress.files if progress is not None else ()
        self.files.setVisible(bool(files))
        self.files.setRowCount(len(files))
        for row, f in enumerate(files):
            self._show_file(row, f)

    def _show_file(self, row: int, f: FileProgress) -> None:
        name = f.name or f.sha256[:12]
        for col, text in ((0, name), (1, human_bytes(f.size)), (3, file_state(f.state))):
            item = self.files.item(row, col)
            if item is None:
                self.files.setItem(row, col, QTableWidgetItem(text))
            elif item.text() != text:
                item.setText(text)
        bar = self.files.cellWidget(row, 2)
        if not isinstance(bar, QProgressBar):
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setMaximumHeight(self.files.verticalHeader().defaultSectionSize())
            self.files.setCellWidget(row, 2, bar)
        bar.setValue(percent(f.sent, f.size))
        bar.setAccessibleName(tr("{0} 전송 진행").format(name))

    def percents(self) -> list[int]:
        """Each file's bar, in the list's order (for the tests and screen readers' sake)."""
        return [self.files.cellWidget(row, 2).value() for row in range(self.files.rowCount())]


class SyncPanel(QDialog):
    def __init__(self, window, controller) -> None:
        super().__init__(window)
        self.window_, self.controller = window, controller
        self.setWindowTitle(tr("동기화 현황"))
        self.setAccessibleName(tr("동기화 현황"))
        self.resize(760, 520)
        column = QVBoxLayout(self)
        self.headline = QLabel()
        self.headline.setAccessibleName(tr("동기화 상태"))
        enlarge(self.headline, 1.3)
        column.addWidget(self.headline)
        self.detail = QLabel()
        self.detail.setAccessibleName(tr("동기화 자세히"))
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.detail)
        self.progress = RunProgress()
        column.addWidget(self.progress, 1)
        self.waiting = WaitingList()
        column.addWidget(self.waiting, 1)
        buttons = QHBoxLayout()
        self.sync_button = push_button(tr("지금 동기화"), tr("지금 동기화"), controller.sync_now)
        buttons.addWidget(self.sync_button)
        buttons.addStretch(1)
        buttons.addWidget(push_button(tr("닫기"), tr("닫기"), self.reject))
        column.addLayout(buttons)
        controller.changed.connect(self.show_status)
        self.show_status(controller.status)
        if controller.status.running:  # a run takes minutes: show what waits meanwhile
            self.reload()

    def show_status(self, status: SyncStatus) -> None:
        self.waiting.set_sync(status)
        self.headline.setText(headline(status))
        self.headline.setStyleSheet(f"color: {colour(status)};" if colour(status) else "")
        self.detail.setText(self._detail(status))
        self.detail.setToolTip(status.error or "")  # the engine's own words, for IT
        self.progress.setVisible(status.running)
        if status.running:
            self.progress.show_progress(status.progress)
        self.sync_button.setEnabled(status.enrolled and not status.training
                                    and not status.running)
        if not status.running:
            self.reload()

    def _detail(self, status: SyncStatus) -> str:
        lines = []
        if status.training:
            lines.append(tr("교육용 저장소는 허브에 등록하지 않고 동기화하지도 않습니다."))
        elif not status.enrolled:
            # The waiting list's note below says it is not enrolled and what becomes of
            # the records; here only how to enrol, so the panel says it once.
            lines.append(tr("등록하려면 관리자가 이 노트북에서 `fieldbus enrol --hub 주소 "
                            "--user 이름 --password-stdin`을 실행합니다."))
        if status.last_success is not None:
            lines.append(tr("마지막 동기화: {0}").format(
                status.last_success.strftime("%Y-%m-%d %H:%M:%S")))
        if status.error_code is not None:
            lines.append(tr("마지막 시도 실패: {0}").format(failure_reason(status.error_code)))
        if status.phase is Phase.REFUSED:
            lines.append(tr("허브가 이 노트북의 인증을 받지 않습니다 (등록 취소?). 관리자에게 "
                            "다시 등록을 요청하십시오. 기록은 지워지지 않습니다."))
        return "\n".join(lines)

    def reload(self) -> None:
        runner = self.window_.runner
        if not runner.running or self.window_.officer is None:
            return
        runner.run(StoreOp(_waiting).success(self._show_rows).failure(
            lambda exc: self.waiting.note.setText(tr("대기 목록을 불러오지 못했습니다."))))

    def _show_rows(self, got) -> None:
        rows, (waiting, quarantined) = got
        self.waiting.show_rows(rows, waiting=waiting, quarantined=quarantined)

"""One case for the supervisor: the whole record, its attachments and signature, its
history as a timeline, its kept conflicts, and the review steps with their shortcuts.

Everything is fetched from the hub on the workspace's threads (:class:`Tasks`): the case
file, then an attachment when it is opened (images shown as pictures, PDFs in Qt's own
PDF view — nothing is written to disk). A step is sent with the revision shown; when
another supervisor changed the case a moment before, the hub refuses it (412) and the
view fetches the case again and says so — never applies it silently.

Case text is shown as text: the record is an HTML page built with every value escaped,
so a note of ``<script>`` or a terminal escape stays visible characters.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QGridLayout, QGroupBox,
                               QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QScrollArea, QSplitter, QTextBrowser,
                               QVBoxLayout, QWidget)

from fieldbus.services.review_desk import CaseFile, ReviewDesk
from fieldbus.ui.review.case_words import (action_name, kind_name, moment, problem,
                                           role_name, shown, state_name)
from fieldbus.ui.review.step_dialog import StepDialog
from fieldbus.ui.review.tasks import Tasks

#: Each step's shortcut: Ctrl+Shift and a letter of its English name.
SHORTCUTS = {"return": "R", "approve": "A", "reject": "J", "forward": "F", "extend": "E",
             "transfer": "T", "assign": "H", "close": "C"}
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp")


def _row(label: str, value: Any) -> str:
    text = shown(value)
    return (f"<tr><th align='left' valign='top' style='padding-right:12px'>"
            f"{html.escape(label)}</th><td>{html.escape(text).replace(chr(10), '<br>')}"
            f"</td></tr>") if text else ""


class MergeDialog(QDialog):
    """A kept conflict settled field by field: each field where the laptop's edit and the
    hub's record differ, both values side by side, the side to keep chosen for each."""

    def __init__(self, held: dict[str, Any], theirs: dict[str, Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("필드별 병합"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("다른 값마다 남길 쪽을 고르십시오. 고르지 않은 필드는 허브 기록대로 "
                               "남습니다."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        for column, title in enumerate((self.tr("필드"), self.tr("허브 기록"), self.tr("노트북 수정"),
                                        self.tr("남길 쪽"))):
            header = QLabel(title)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            grid.addWidget(header, 0, column)
        self.choices: dict[str, QComboBox] = {}
        keys = sorted(key for key in set(held) | set(theirs) if held.get(key) != theirs.get(key))
        for row, key in enumerate(keys, start=1):
            grid.addWidget(QLabel(shown(key)), row, 0)
            for column, side in ((1, held), (2, theirs)):
                value = QLabel(shown(side.get(key))[:300])
                value.setTextFormat(Qt.TextFormat.PlainText)
                value.setWordWrap(True)
                grid.addWidget(value, row, column)
            choice = QComboBox()
            choice.setAccessibleName(self.tr("{0}: 남길 쪽").format(shown(key)))
            choice.addItem(self.tr("허브 기록"), "hub")
            choice.addItem(self.tr("노트북 수정"), "laptop")
            grid.addWidget(choice, row, 3)
            self.choices[key] = choice
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("병합"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("취소"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def fields(self) -> dict[str, str]:
        return {key: choice.currentData() for key, choice in self.choices.items()}


def ask_merge(parent: QWidget, held: dict[str, Any],
              theirs: dict[str, Any]) -> dict[str, str] | None:
    """Which side of each differing field to keep, or None (tests answer it instead)."""
    dialog = MergeDialog(held, theirs, parent)
    return dialog.fields() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_step(parent: QWidget, action: str, cases: int = 1) -> dict[str, Any] | None:
    """The step's form; its fields, or None when cancelled (tests answer it instead)."""
    dialog = StepDialog(action, cases=cases, parent=parent)
    return dialog.fields() if dialog.exec() == QDialog.DialogCode.Accepted else None


class AttachmentViewer(QDialog):
    """An attachment shown in the app: a picture, or a PDF in Qt's PDF view."""

    def __init__(self, name: str, media_type: str, data: bytes,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(shown(name))
        self.resize(800, 700)
        layout = QVBoxLayout(self)
        self.pixmap: QPixmap | None = None
        self.document: QPdfDocument | None = None
        if media_type == "application/pdf" or data[:5] == b"%PDF-":
            self._buffer = QBuffer(self)
            self._buffer.setData(QByteArray(data))
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document = QPdfDocument(self)
            self.document.load(self._buffer)
            view = QPdfView(self)
            view.setPageMode(QPdfView.PageMode.MultiPage)
            view.setDocument(self.document)
            layout.addWidget(view)
        else:
            self.pixmap = QPixmap()
            picture = QLabel()
            picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            if self.pixmap.loadFromData(data):
                picture.setPixmap(self.pixmap)
            else:
                picture.setText(self.tr("이 파일은 앱에서 볼 수 없습니다 ({0}).").format(
                    shown(media_type)))
            scroll = QScrollArea()
            scroll.setWidget(picture)
            scroll.setWidgetResizable(True)
            layout.addWidget(scroll)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def show_attachment(parent: QWidget, name: str, media_type: str, data: bytes) -> None:
    """Open the viewer (tests replace this to look at what would be shown)."""
    AttachmentViewer(name, media_type, data, parent).open()


class CaseView(QWidget):
    #: A line for the status bar.
    said = Signal(str)
    #: The case file arrived and is shown (tests wait for it).
    shown_case = Signal(object)

    def __init__(self, tasks: Tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("사건 내용"))
        self._tasks = tasks
        self._desk: ReviewDesk | None = None
        self.file: CaseFile | None = None
        self._asked = 0
        layout = QVBoxLayout(self)
        self.header = QLabel(self.tr("목록에서 사건을 고르십시오."))
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setWordWrap(True)
        self.header.setAccessibleName(self.tr("사건 요약"))
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.header.setFont(font)
        layout.addWidget(self.header)
        steps = QGroupBox(self.tr("검토 단계 (단축키: Ctrl+Shift+글자)"))
        grid = QGridLayout(steps)
        self.actions: dict[str, QAction] = {}
        self.buttons: dict[str, QPushButton] = {}
        for n, (action, key) in enumerate(SHORTCUTS.items()):
            sequence = QKeySequence(f"Ctrl+Shift+{key}")
            qaction = QAction(action_name(action), self)
            qaction.setShortcut(sequence)
            qaction.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            qaction.setEnabled(False)
            qaction.triggered.connect(lambda _=False, a=action: self.take(a))
            self.addAction(qaction)
            button = QPushButton(f"{action_name(action)} ({key})")
            button.setToolTip(sequence.toString(QKeySequence.SequenceFormat.NativeText))
            button.setEnabled(False)
            button.clicked.connect(qaction.trigger)
            qaction.enabledChanged.connect(button.setEnabled)
            grid.addWidget(button, n // 4, n % 4)
            self.actions[action] = qaction
            self.buttons[action] = button
        layout.addWidget(steps)
        split = QSplitter(Qt.Orientation.Vertical)
        self.record = QTextBrowser()
        self.record.setOpenLinks(False)
        self.record.setAccessibleName(self.tr("사건 기록"))
        split.addWidget(self.record)
        lower = QWidget()
        lower_layout = QHBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        files = QVBoxLayout()
        files.addWidget(QLabel(self.tr("첨부와 서명 (Enter로 보기)")))
        self.attachments = QListWidget()
        self.attachments.setAccessibleName(self.tr("첨부 파일"))
        self.attachments.itemActivated.connect(self._open_attachment)
        files.addWidget(self.attachments)
        files.addWidget(QLabel(self.tr("보관된 충돌")))
        self.conflicts = QListWidget()
        self.conflicts.setAccessibleName(self.tr("보관된 충돌"))
        files.addWidget(self.conflicts)
        settle = QGridLayout()
        self.take_laptop = QPushButton(self.tr("노트북 수정 채택"))
        self.keep_hub = QPushButton(self.tr("허브 기록 유지"))
        self.merge = QPushButton(self.tr("필드별 병합…"))
        for n, (button, take) in enumerate(((self.take_laptop, "laptop"),
                                            (self.keep_hub, "hub"), (self.merge, "merge"))):
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, t=take: self.resolve(t))
            settle.addWidget(button, n // 2, n % 2)
        files.addLayout(settle)
        lower_layout.addLayout(files, 2)
        timeline = QVBoxLayout()
        timeline.addWidget(QLabel(self.tr("처리 이력")))
        self.history = QListWidget()
        self.history.setAccessibleName(self.tr("처리 이력"))
        self.history.setWordWrap(True)
        timeline.addWidget(self.history)
        lower_layout.addLayout(timeline, 3)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)

    # -- showing ------------------------------------------------------------------------

    def set_desk(self, desk: ReviewDesk | None) -> None:
        self._desk = desk
        self.file = None
        self._fill(None)

    def show_case(self, receipt_no: str) -> None:
        """Fetch the case file (off the GUI thread) and show it."""
        if self._desk is None:
            return
        self._asked += 1
        asked, desk = self._asked, self._desk
        self.header.setText(self.tr("{0} 불러오는 중…").format(shown(receipt_no)))
        self._enable([])
        self._tasks.run(lambda: desk.case(receipt_no),
                        lambda file: self._arrived(asked, file),
                        lambda exc: self._failed(asked, exc))

    def _arrived(self, asked: int, file: CaseFile) -> None:
        if asked == self._asked:
            self._fill(file)

    def _failed(self, asked: int, exc: Exception) -> None:
        if asked == self._asked:
            self.header.setText(problem(exc))

    def _enable(self, allowed: list[str]) -> None:
        for action, qaction in self.actions.items():
            qaction.setEnabled(action in allowed)

    def _fill(self, file: CaseFile | None) -> None:
        self.file = file
        self.attachments.clear()
        self.history.clear()
        self.conflicts.clear()
        if file is None:
            self.header.setText(self.tr("목록에서 사건을 고르십시오."))
            self.record.clear()
            self._enable([])
            for button in (self.take_laptop, self.keep_hub, self.merge):
                button.setEnabled(False)
            return
        case = file.case
        due = moment(case.get("deadline_due"))
        header = self.tr("{0} · {1} · 처리 기한 {2}").format(
            shown(file.receipt_no), state_name(case.get("review_state")), due or "—")
        if case.get("paused_since"):
            header += self.tr(" (보완 대기: {0}부터 기한 정지)").format(
                moment(case["paused_since"]))
        if case.get("attachments_pending"):
            header += self.tr(" · 첨부 수신 중 {0}건").format(case["attachments_pending"])
        if file.offline:
            header += self.tr(" — 오프라인 사본 ({0})").format(moment(file.offline.fetched_at))
        self.header.setText(header)
        self.record.setHtml(self._record_html(case))
        content = case.get("content") or {}
        arriving = {a.get("sha256") for a in case.get("attachments") or []
                    if isinstance(a, dict) and a.get("received") is False}
        for attachment in content.get("attachments") or []:
            item = QListWidgetItem(self.tr("{0} ({1} KB)").format(
                shown(attachment.get("filename")), max(1, int(attachment.get("size", 0)) // 1024)))
            if attachment.get("sha256") in arriving:  # not at the hub yet: nothing to open
                item.setText(self.tr("{0} — 첨부 수신 중").format(item.text()))
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            item.setData(Qt.ItemDataRole.UserRole, (attachment.get("sha256"),
                                                    attachment.get("media_type") or "",
                                                    attachment.get("filename") or ""))
            self.attachments.addItem(item)
        signature = content.get("signature")
        if isinstance(signature, dict) and signature.get("sha256"):
            item = QListWidgetItem(self.tr("민원인 서명"))
            item.setData(Qt.ItemDataRole.UserRole, (signature["sha256"], "image/png",
                                                    "signature.png"))
            self.attachments.addItem(item)
        for event in file.history:
            self.history.addItem(self._event_line(event))
        for conflict in case.get("conflicts") or []:
            item = QListWidgetItem(self.tr("노트북 버전 {0} ({1}) — 허브는 버전 {2}").format(
                conflict.get("version"), moment(conflict.get("at")),
                conflict.get("held_version")))
            item.setData(Qt.ItemDataRole.UserRole, (conflict.get("version"),
                                                    conflict.get("content") or {}))
            self.conflicts.addItem(item)
        online = file.offline is None and self._desk is not None and self._desk.online
        self._enable(file.allowed_actions if online else [])
        has_conflicts = online and self.conflicts.count() > 0
        if has_conflicts:
            self.conflicts.setCurrentRow(0)
        for button in (self.take_laptop, self.keep_hub, self.merge):
            button.setEnabled(has_conflicts)
        self.shown_case.emit(file)

    def _record_html(self, case: dict[str, Any]) -> str:
        petitioner = case.get("petitioner") or {}
        if petitioner.get("sealed"):
            who, phone, address = self.tr("(비공개: 공익신고자)"), "", ""
        else:
            who, phone, address = (petitioner.get("name"), petitioner.get("phone"),
                                   petitioner.get("address"))
        handler = case.get("handler") or {}
        rows = [
            (self.tr("종류"), self.tr("상담") if case.get("type") == "counsel"
             else kind_name(case.get("kind"))),
            (self.tr("버스"), case.get("device")), (self.tr("지역"), case.get("region")),
            (self.tr("접수 일시"), moment(case.get("received_at"))),
            (self.tr("처리 기한"), moment(case.get("deadline_due"))),
            (self.tr("연장"), self.tr("{0}회").format(case["extensions"])
             if case.get("extensions") else ""),
            (self.tr("민원인"), who), (self.tr("연락처"), phone), (self.tr("주소"), address),
            (self.tr("제목"), case.get("title")), (self.tr("내용"), case.get("body")),
            (self.tr("검토 메모"), case.get("review_note")),
            (self.tr("처리 기관"), case.get("agency")),
            (self.tr("국민신문고 신청번호"), case.get("epeople_no")),
            (self.tr("처리담당자"), " · ".join(shown(handler.get(k))
                                          for k in ("org", "name", "phone") if handler.get(k))),
            (self.tr("전달 일시"), moment(case.get("forwarded_at"))),
            (self.tr("종결 일시"), moment(case.get("closed_at"))),
        ]
        return "<table>" + "".join(_row(label, value) for label, value in rows) + "</table>"

    def _event_line(self, event: dict[str, Any]) -> str:
        actor = event.get("actor") or event.get("by") or ""
        line = self.tr("{0} · {1} · {2} ({3})").format(
            moment(event.get("at")), action_name(event.get("action")), shown(actor),
            role_name(event.get("role")))
        if event.get("note"):
            line += "\n" + shown(event["note"])
        return line

    # -- attachments --------------------------------------------------------------------

    def _open_attachment(self, item: QListWidgetItem) -> None:
        if self.file is None or self._desk is None:
            return
        sha256, media_type, name = item.data(Qt.ItemDataRole.UserRole)
        desk, receipt_no = self._desk, self.file.receipt_no
        self.said.emit(self.tr("첨부를 불러오는 중…"))
        self._tasks.run(lambda: desk.attachment(receipt_no, sha256),
                        lambda data: show_attachment(self, name, media_type, data),
                        lambda exc: self.said.emit(problem(exc)))

    # -- steps --------------------------------------------------------------------------

    def take(self, action: str) -> None:
        """Ask the step's fields, then send it with the revision shown."""
        if self.file is None or self._desk is None or not self.actions[action].isEnabled():
            return
        fields = ask_step(self, action)
        if fields is None:
            return
        desk, file = self._desk, self.file
        self._enable([])
        self._tasks.run(
            lambda: desk.step(file.receipt_no, action, case_version=file.version, **fields),
            lambda change: self._stepped(file.receipt_no, action),
            lambda exc: self._refused(file.receipt_no, exc))

    def resolve(self, take: str) -> None:
        item = self.conflicts.currentItem()
        if self.file is None or self._desk is None or item is None:
            return
        desk, file = self._desk, self.file
        conflict_version, theirs = item.data(Qt.ItemDataRole.UserRole)
        fields = None
        if take == "merge":
            fields = ask_merge(self, file.case.get("content") or {}, theirs)
            if fields is None:
                return
        self._tasks.run(
            lambda: desk.resolve(file.receipt_no, conflict_version=int(conflict_version),
                                 take=take, case_version=file.version, fields=fields),
            lambda change: self._stepped(file.receipt_no, "conflict_resolved"),
            lambda exc: self._refused(file.receipt_no, exc))

    def _stepped(self, receipt_no: str, action: str) -> None:
        self.said.emit(self.tr("{0}: {1} 완료").format(shown(receipt_no), action_name(action)))
        self.show_case(receipt_no)

    def _refused(self, receipt_no: str, exc: Exception) -> None:
        self.said.emit(problem(exc))
        self.show_case(receipt_no)  # what holds now, buttons as it allows

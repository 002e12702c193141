"""The intake form's attached files: a list with name, size and a remove button, a
"파일 추가…" button, drops of files from the file manager, Delete to remove the selected one.

Each file is checked the moment it is added, with the reason in words under the list: its
size from its metadata (no byte read), then — on a thread pool, not the GUI thread — its
content hashed, so the same file dropped twice is attached once and a 20 MB photo never
freezes the form. The rule itself is :mod:`fieldbus.services.intake.attachments`'. Nothing here
touches the store: the files are read into it when the complaint is saved, on the store
worker.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QObject, QRunnable, Qt, QThreadPool, \
    Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldbus.services.intake import attachments as files
from fieldbus.services.intake.attachment_files import MAX_FILE_BYTES, MAX_TOTAL_BYTES
from fieldbus.domain.errors import ValidationError
from fieldbus.services.intake.attachments import Attached, Refusal

ERROR_STYLE = "color: #b00020;"
MB = 2**20


def tr(text: str) -> str:
    return QCoreApplication.translate("attachments", text)


def size_text(size: int) -> str:
    if size >= MB:
        return f"{size / MB:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return tr("{0} 바이트").format(size)


def refusal_text(refusal: Refusal) -> str:
    """Why a file was not attached (or was taken off after a restore), in words."""
    name = refusal.filename
    texts = {
        "file_size": tr("{0} 파일은 {1}입니다. 한 파일은 {2} MB까지 첨부할 수 있습니다."),
        "total_size": tr("{0} 파일({1})을 더하면 첨부 파일이 모두 {2} MB를 넘습니다."),
        "too_many": tr("{0}: 첨부 파일은 {1}개까지입니다."),
        "unreadable": tr("{0} 파일을 읽을 수 없습니다 (없거나, 폴더이거나, 권한이 없습니다)."),
        "duplicate": tr("{0} 파일은 이미 첨부되어 있습니다 (같은 내용). 한 번만 첨부합니다."),
        "missing": tr("임시 저장본의 첨부 파일 {0}을(를) 찾을 수 없어 목록에서 뺐습니다. "
                      "다시 첨부하십시오."),
        "changed": tr("임시 저장본의 첨부 파일 {0}이(가) 그 뒤 바뀌어 목록에서 뺐습니다. "
                      "다시 첨부하십시오."),
    }
    text = texts.get(refusal.code, tr("{0} 파일을 첨부하지 못했습니다."))
    if refusal.code == "file_size":
        return text.format(name, size_text(refusal.size), MAX_FILE_BYTES // MB)
    if refusal.code == "total_size":
        return text.format(name, size_text(refusal.size), MAX_TOTAL_BYTES // MB)
    if refusal.code == "too_many":
        return text.format(name, files.max_files())
    return text.format(name)


def save_problem_text(exc: ValidationError, attached: Sequence[Attached]) -> str:
    """A file refused when saving (``attachments[i]``): it changed, grew or vanished
    after it was attached."""
    index = exc.field.partition("[")[2].rstrip("]")
    name = attached[int(index)].filename if index.isdigit() and int(index) < len(attached) \
        else ""
    return tr("{0} 파일이 첨부한 뒤 바뀌었거나 없어졌습니다. 목록에서 빼고 다시 "
              "첨부하십시오.").format(name)


def local_files(mime: QMimeData) -> list[str]:
    """The local files a drag carries (a file manager's drop), in order."""
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


class _Results(QObject):
    """Carries a read's result from the pool thread to the GUI thread (queued signal).

    One tuple, never None: see the note on ``_Outcome`` in ``fieldbus/ui/shell/worker.py``."""

    done = Signal(object)  # (token, Attached | Refusal)


class _Read(QRunnable):
    def __init__(self, token: int, path: str, results: _Results) -> None:
        super().__init__()
        self.token, self.path, self.results = token, path, results

    def run(self) -> None:
        self.results.done.emit((self.token, files.read(self.path)))


class AttachmentBox(QWidget):
    """The list of attached files (the form reads it with :meth:`files`)."""

    def __init__(self, parent: QWidget | None = None, *,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self._files: list[Attached] = []
        self._problems: list[str] = []
        # token → the path while it is read, then what the read found (in the order added)
        self._reading: dict[int, str | Attached | Refusal] = {}
        self._tokens = itertools.count(1)
        self._pool = pool or QThreadPool.globalInstance()
        self._results = _Results()
        self._results.done.connect(self._read_done)

        self.list = QListWidget()
        self.list.setObjectName("attachment-list")
        self.list.setAccessibleName(tr("첨부 파일 목록"))
        self.list.setAccessibleDescription(tr("Delete: 고른 파일 빼기. 파일 관리자에서 "
                                              "파일을 끌어다 놓아도 첨부됩니다."))
        self.list.setMinimumHeight(72)
        self.list.setMaximumHeight(140)
        self.add_button = QPushButton(tr("파일 추가…"))
        self.add_button.setAccessibleName(tr("첨부 파일 추가"))
        self.add_button.clicked.connect(self.choose_files)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("intake-error-attachments")
        self.message.setAccessibleName(tr("첨부 파일 오류"))
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self._show_reading()

    # -- what it holds -----------------------------------------------------------------

    def files(self) -> list[Attached]:
        return list(self._files)

    @property
    def busy(self) -> bool:
        """A file is still being read (saving now would leave it out)."""
        return bool(self._reading)

    def focus_chain(self) -> list[QWidget]:
        return [self.list, self.add_button]

    def set_files(self, attached: Sequence[Attached], problems: Sequence[Refusal] = ()) -> None:
        """Show these files (a restored draft, or none), and what became of the others."""
        self._reading.clear()  # reads still running belong to the form's earlier content
        self._files = list(attached)
        self._show_problems([refusal_text(p) for p in problems])
        self._show_reading()
        self._rebuild()

    def show_problem(self, text: str) -> None:
        self._show_problems([text])

    # -- adding ------------------------------------------------------------------------

    def choose_files(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileNames(self, tr("첨부할 파일 고르기"))
        if chosen:
            self.add_paths(chosen)

    def add_paths(self, paths: Sequence[str]) -> None:
        """Attach files: each is checked and read off the GUI thread, then listed, or
        refused with the reason under the list."""
        refused = []
        for path in paths:
            if len(self._files) + len(self._reading) >= files.max_files():
                refused.append(refusal_text(Refusal("too_many", Path(path).name)))
                continue
            token = next(self._tokens)
            self._reading[token] = path
            self._pool.start(_Read(token, path, self._results))
        self._show_problems(refused)
        self._show_reading()

    def _read_done(self, outcome: tuple[int, Attached | Refusal]) -> None:
        token, result = outcome
        if token not in self._reading:
            return  # the form was cleared or restored meanwhile
        self._reading[token] = result
        # Taken in the order the files were added, whichever was read first.
        problems, added = list(self._problems), False
        while self._reading:
            first = next(iter(self._reading))
            done = self._reading[first]
            if isinstance(done, str):
                break  # still being read
            del self._reading[first]
            problem = done if isinstance(done, Refusal) else files.refusal(done, self._files)
            if problem is not None:
                problems.append(refusal_text(problem))
            else:
                self._files.append(done)
                added = True
        self._show_problems(problems)
        self._show_reading()
        if added:
            self._rebuild()

    # -- removing ----------------------------------------------------------------------

    def remove(self, index: int) -> None:
        if 0 <= index < len(self._files):
            del self._files[index]
            self._show_problems([])
            self._rebuild()
            self.list.setCurrentRow(min(index, len(self._files) - 1))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) \
                and self.list.currentRow() >= 0:
            self.remove(self.list.currentRow())
            return
        super().keyPressEvent(event)

    # -- drops -------------------------------------------------------------------------

    def accept_drag(self, event) -> None:
        if local_files(event.mimeData()):
            event.acceptProposedAction()

    def take_drop(self, event) -> None:
        paths = local_files(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        self.accept_drag(event)

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        self.accept_drag(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        self.take_drop(event)

    # -- showing -----------------------------------------------------------------------

    def _show_problems(self, texts: list[str]) -> None:
        self._problems = list(texts)
        self.message.setText("\n".join(texts))
        self.message.setVisible(bool(texts))

    def _show_reading(self) -> None:
        if self._reading:
            self.hint.setText(tr("파일을 읽는 중… ({0}개)").format(len(self._reading)))
        else:
            self.hint.setText(tr("여기로 파일을 끌어다 놓거나 [파일 추가…]를 누르십시오. "
                                 "한 파일 {0} MB, 모두 {1} MB까지.")
                              .format(MAX_FILE_BYTES // MB, MAX_TOTAL_BYTES // MB))

    def _rebuild(self) -> None:
        self.list.clear()
        for index, a in enumerate(self._files):
            item = QListWidgetItem(self.list)
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         tr("{0}, {1}").format(a.filename, size_text(a.size)))
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(4, 1, 4, 1)
            name = QLabel(a.filename)
            name.setToolTip(a.path)
            line.addWidget(name, 1)
            line.addWidget(QLabel(size_text(a.size)))
            remove = QToolButton()
            remove.setText(tr("빼기"))
            remove.setAccessibleName(tr("{0} 빼기").format(a.filename))
            remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keyboard: Delete on the list
            remove.clicked.connect(lambda _c=False, i=index: self.remove(i))
            line.addWidget(remove)
            item.setSizeHint(row.sizeHint())
            self.list.setItemWidget(item, row)

"""One counsel session, opened from the counsel tab's list of today's sessions (issue 4
item 5): the appellant, the disposition, the appeal deadline (large, amber when near, red
when past), eligibility, counsel, outcome — and a reprint of the confirmation (재발행).

The session is read on the worker through ``counsel.view`` (audited) and turned there
into the JSON the command line shows (``serialize.counsel_json`` with the viewer): the
confidential notes only cross to the GUI thread for counsel and supervisors. An officer
sees that notes exist, never their text. The form that holds this view is not imported
here: the deadline's look and the print are shared through :mod:`fieldbus.ui.counsel.parts`,
the words for codes, the audited read and the HTML through
:mod:`fieldbus.ui.widgets.counsel_fields` (the case list's search shows a session with them).

The appellant's name, contact and birth year show masked (as the list and the receipt do)
until "개인정보 보기" reveals them — audited, and masked again after a minute, on lock and
when another session is opened (:mod:`fieldbus.ui.widgets.personal`).

Keys: Enter reprints the confirmation; Ctrl+Shift+P reveals; Esc goes back to the form.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from sync.deadlines import KST
from fieldbus.ui.counsel.parts import colour_deadline, deadline_label, print_confirmation
from fieldbus.ui.printing.after_save import failure_reason, print_op
from fieldbus.ui.printing.choices import PrintChoice, PrintChoices
from fieldbus.ui.shell.worker import StoreOp
from fieldbus.ui.widgets.fonts import enlarge
from fieldbus.ui.widgets.keys import push_button, shortcut
from fieldbus.ui.widgets.counsel_fields import deadline_text, read_session, render
from fieldbus.ui.widgets.personal import PersonalReveal, Target


def tr(text: str) -> str:
    return QCoreApplication.translate("counsel_detail", text)


class CounselDetail(QWidget):
    """``back`` asks the form to show itself again."""

    back = Signal()

    def __init__(self, window) -> None:
        super().__init__()
        self.window_ = window
        self.number: str | None = None
        self.data: dict[str, Any] | None = None
        self.last_pdf: Path | None = None
        self._generation = 0
        self._printing = False

        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setAccessibleName(tr("상담번호"))
        enlarge(self.heading, 1.3)
        layout.addWidget(self.heading)
        self.deadline_label = deadline_label("counsel-detail-deadline")
        layout.addWidget(self.deadline_label)
        self.body = QTextBrowser()
        self.body.setAccessibleName(tr("상담 상세"))
        self.body.setOpenLinks(False)
        layout.addWidget(self.body, 1)
        bar = QHBoxLayout()
        self.message = QLabel()
        self.message.setAccessibleName(tr("상담 상세 알림"))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar.addWidget(self.message, 1)
        self.personal = PersonalReveal(window, self)
        self.personal.changed.connect(lambda _revealed: self._render())
        bar.addWidget(self.personal)
        self.reprint = push_button(tr("확인증 재발행 (Enter)"), tr("상담 확인증 재발행"),
                                   self.print_, auto_default=True)
        self.reprint.setEnabled(False)
        # This reprint's layout and printer (this laptop's defaults until changed).
        self.choices = PrintChoices(copies=False, name="counsel-detail")
        self._choice = PrintChoice()
        bar.addWidget(self.choices)
        bar.addWidget(self.reprint)
        self.back_button = push_button(tr("돌아가기 (Esc)"), tr("상담 양식으로 돌아가기"),
                                       self.back.emit, auto_default=True)
        bar.addWidget(self.back_button)
        layout.addLayout(bar)
        QWidget.setTabOrder(self.body, self.reprint)
        QWidget.setTabOrder(self.reprint, self.back_button)
        QWidget.setTabOrder(self.back_button, self.choices.paper)
        QWidget.setTabOrder(self.choices.paper, self.choices.choose_printer)
        shortcut(self, Qt.Key.Key_Escape, self.back.emit)

    def show_session(self, number: str) -> None:
        """Read the session (audited, on the worker) and show it."""
        officer = getattr(self.window_, "officer", None)
        if officer is None:
            return
        self._generation += 1
        generation = self._generation
        self.number, self.data = number, None
        self.choices.reset()
        self.heading.setText(tr("상담 {0}").format(number))
        self.deadline_label.clear()
        self.personal.set_target(None)
        self.body.clear()
        self.message.setText(tr("불러오는 중…"))
        self.reprint.setEnabled(False)
        today = datetime.now(KST).date()
        op = StoreOp(lambda store: read_session(store, number, officer, today))
        self.window_.runner.run(op.success(lambda d: self._shown(generation, d)).failure(
            lambda exc: self._failed(generation)))

    def _shown(self, generation: int, data: dict[str, Any]) -> None:
        if generation != self._generation:
            return
        self.data = data
        self.message.clear()
        self.personal.set_target(Target("counsel_session", data["uuid"], data["id"]))
        self._render()
        status = data["appeal_status"]
        self.deadline_label.setText(deadline_text(data))
        self.deadline_label.setToolTip(tr("근거: {0}").format(data["appeal_basis"]))
        colour_deadline(self.deadline_label, status)
        self.reprint.setEnabled(True)
        self.reprint.setFocus()

    def _render(self) -> None:
        if self.data is not None:
            self.body.setHtml(render(self.data, revealed=self.personal.revealed))

    def _failed(self, generation: int) -> None:
        if generation == self._generation:
            self.message.setText(tr("상담을 열지 못했습니다."))

    # -- reprint -----------------------------------------------------------------------

    def print_(self) -> None:
        """The confirmation again (marked 재발행 after the first), as the done screen
        prints it: the layout and printer shown beside the button (this laptop's defaults
        unless changed), a PDF where the officer chooses when no printer is set."""
        officer = getattr(self.window_, "officer", None)
        number = self.number
        if self._printing or officer is None or number is None or self.data is None:
            return
        self._choice = self.choices.choice()
        op = print_op(self, officer, number, print_confirmation, self._choice)
        if op is None:  # save dialog cancelled
            return
        self._printing = True
        self.reprint.setEnabled(False)
        self.message.setText(tr("확인증을 만드는 중…"))
        self.window_.runner.run(op.success(self._printed).failure(self._print_failed))

    def _printed(self, job) -> None:
        printed, path = job.done[0]
        self._printing = False
        self.reprint.setEnabled(True)
        self.reprint.setFocus()  # disabling it while printing took the focus away
        self.last_pdf = path
        what = tr("재발행") if printed.issue.reissue else tr("발행")
        where = str(path) if path is not None else tr("프린터")
        self.message.setText(tr("상담 확인증을 {0}했습니다: {1}").format(what, where))
        self.choices.reset()  # the next print starts from the defaults again

    def _print_failed(self, exc: Exception) -> None:
        self._printing = False
        self.reprint.setEnabled(True)
        self.reprint.setFocus()
        self.message.setText(failure_reason(exc, self._choice.printer))

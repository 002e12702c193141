"""The screen shown once a case or session is saved: its number, large, and Enter to print
(Esc to go on without printing). Shared by the intake and counsel forms.

Below the number, :class:`~fieldbus.ui.printing.choices.PrintChoices` shows what Enter
prints — this laptop's defaults (settings, the environment over them) — and lets the
officer change it for this print: the copy (a complaint: citizen, office or both), the
layout, the printer (Qt's dialog). A print function that takes ``copy`` is a complaint's.

The prints run on the store worker (each copy's count, audit and delivery in one
transaction, see ``fieldbus.receipts.issue``): the window goes on meanwhile. :attr:`done`
carries the line the form shows next. A reprint elsewhere (an opened counsel session)
starts its print with :func:`print_op` and words a failure with :func:`failure_reason`,
so that every print asks and fails the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fieldbus.ui.printing import choices as print_choices
from fieldbus.ui.printing.choices import PrintChoice, PrintChoices, failure_reason
from fieldbus.ui.shell.worker import StoreOp
from fieldbus.ui.widgets.fonts import enlarge
from fieldbus.ui.widgets.keys import push_button, shortcut


def tr(text: str) -> str:
    return QCoreApplication.translate("print_after_save", text)


@dataclass(frozen=True)
class Wording:
    heading: str       # "접수되었습니다. 접수번호:"
    number_name: str   # accessible name of the number
    hint: str          # "Enter: … · Esc: …"
    print_button: str
    print_name: str
    next_button: str
    next_name: str
    saved_pdf: str     # "{0}" number, "{1}" path
    printed: str       # "{0}" number
    not_printed: str   # "{0}" number
    still_saved: str   # "{0}" reason


__all__ = ["PrintAfterSave", "Wording", "failure_reason", "print_op"]


def print_op(parent: QWidget, officer, number: str, print_fn: Callable,
             choice: PrintChoice | None = None) -> StoreOp | None:
    """The prints of ``choice`` (None: the defaults) of ``number`` as one store operation
    whose result is a :class:`~fieldbus.ui.printing.choices.Job`, once it is known where
    they go: the printer chosen, else a PDF where the officer picks (None: they cancelled
    the save dialog, nothing is printed). GUI thread; the prints run on the worker."""
    choice = choice or print_choices.defaults()
    steps = print_choices.plan(parent, number, choice)
    if steps is None:
        return None
    return StoreOp(lambda store: print_choices.run(store, officer, number, print_fn, steps))


def reprint_path(complaint: bool) -> str:
    """Where the record can be printed again later."""
    if complaint:
        return tr("사건 목록의 ‘접수증 재발행’으로 나중에 다시 인쇄할 수 있습니다.")
    return tr("상담 탭의 오늘 상담 목록에서 열어 ‘확인증 재발행’으로 나중에 다시 인쇄할 수 "
              "있습니다.")


class PrintAfterSave(QWidget):
    """``print_fn(store, officer, number, *, out, printer, layout)`` returns
    ``(Printed, pdf path or None)``; it runs on the worker. With no printer set the
    officer picks the PDF's place first (``receipt_delivery.destination``)."""

    done = Signal(str)

    def __init__(self, window, wording: Wording, print_fn: Callable, *, name: str) -> None:
        super().__init__()
        self.window_ = window
        self.wording = wording
        self.print_fn = print_fn
        self.complaint = print_choices.takes_copy(print_fn)
        self.number: str | None = None
        self.last_pdf: Path | None = None
        self.last_pdfs: list[Path] = []
        self.printing = False
        self._choice = PrintChoice()

        layout = QVBoxLayout(self)
        layout.addStretch(1)
        heading = QLabel(wording.heading)
        heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(heading)
        self.number_label = QLabel()
        self.number_label.setObjectName(f"{name}-number")
        self.number_label.setAccessibleName(wording.number_name)
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.number_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        enlarge(self.number_label, 3, at_least=28.0)
        layout.addWidget(self.number_label)
        hint = QLabel(wording.hint)
        hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(hint)
        self.choices = PrintChoices(copies=self.complaint, name=name)
        choices_row = QHBoxLayout()
        choices_row.addStretch(1)
        choices_row.addWidget(self.choices)
        choices_row.addStretch(1)
        layout.addLayout(choices_row)
        self.print_message = QLabel()
        self.print_message.setObjectName(f"{name}-print-message")
        self.print_message.setAccessibleName(tr("인쇄 결과"))
        self.print_message.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.print_message.setWordWrap(True)
        layout.addWidget(self.print_message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.print_button = push_button(wording.print_button, wording.print_name, self.print_,
                                        auto_default=False)
        self.next_button = push_button(wording.next_button, wording.next_name, self.skip,
                                       auto_default=False)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(2)
        for key, slot in ((Qt.Key.Key_Return, self.print_), (Qt.Key.Key_Enter, self.print_),
                          (Qt.Key.Key_Escape, self.skip)):
            shortcut(self, key, slot)

    def show_number(self, number: str) -> None:
        self.number = number
        self.number_label.setText(number)
        self.choices.reset()
        self.print_message.setText("")
        self.print_button.setFocus()

    def _current(self) -> bool:
        return self.isVisibleTo(self.window())

    def print_(self) -> None:
        officer = getattr(self.window_, "officer", None)
        if self.printing or officer is None or self.number is None or not self._current():
            return
        self._choice = self.choices.choice()
        op = print_op(self, officer, self.number, self.print_fn, self._choice)
        if op is None:  # the officer cancelled the save dialog: nothing printed
            self.print_button.setFocus()
            return
        self.printing = True
        self.print_button.setEnabled(False)
        self.print_message.setText(tr("인쇄 중…"))
        self.window_.runner.run(op.success(self._printed).failure(self._print_failed))

    def _printed(self, job) -> None:
        self.printing = False
        self.print_button.setEnabled(True)
        paths = job.paths
        self.last_pdf = paths[0] if paths else None
        self.last_pdfs = paths
        if job.failed is not None:  # the first copy is out, a later one is not
            done = ", ".join(print_choices.copy_name(printed.copy) for printed, _ in job.done)
            self._print_failed(job.failed, before=tr("{0}: 인쇄했습니다.").format(done))
            return
        printed = job.done[0][0]
        if paths:
            self.done.emit(self.wording.saved_pdf.format(
                printed.number, ", ".join(str(path) for path in paths)))
        else:
            self.done.emit(self.wording.printed.format(printed.number))

    def _print_failed(self, exc: Exception, *, before: str = "") -> None:
        self.printing = False
        self.print_button.setEnabled(True)
        self.print_button.setFocus()
        reason = failure_reason(exc, self._choice.printer)
        line = " ".join(filter(None, (before, self.wording.still_saved.format(reason),
                                      reprint_path(self.complaint))))
        self.print_message.setText(line)

    def skip(self) -> None:
        if self.printing or not self._current():
            return
        self.done.emit(self.wording.not_printed.format(self.number))

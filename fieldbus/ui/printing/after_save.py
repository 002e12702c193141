"""The screen shown once a case or session is saved: its number, large, and Enter to print
(Esc to go on without printing). Shared by the intake and counsel forms.

The print runs on the store worker (count, audit and delivery in one transaction, see
``fieldbus.receipts.issue``); :attr:`done` carries the line the form shows next. A reprint
elsewhere (an opened counsel session) starts its print with :func:`print_op` and words a
failure with :func:`failure_reason`, so that every print asks and fails the same way.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from fieldbus.ui.printing import receipt_delivery
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


PRINT_FAILURES = {
    "printer_not_found": QT_TR_NOOP("프린터를 찾을 수 없습니다."),
    "printer_not_ready": QT_TR_NOOP("프린터가 준비되지 않았습니다 (전원·용지·연결 확인)."),
    "page_size_unsupported": QT_TR_NOOP("프린터가 이 용지 크기를 지원하지 않습니다."),
}


def failure_reason(exc: Exception) -> str:
    """Why a print failed, in words (the printer's known problems, else a plain "not
    printed"): the case or session stays saved and can be printed again."""
    return tr(PRINT_FAILURES.get(getattr(exc, "code", ""), QT_TR_NOOP("인쇄하지 못했습니다.")))


def print_op(parent: QWidget, officer, number: str, print_fn: Callable) -> StoreOp | None:
    """The print of ``number`` as a store operation, once it is known where it goes: the
    printer named by ``FIELDBUS_PRINTER``, else a PDF where the officer chooses (None: they
    cancelled the save dialog, nothing is printed). The layout is
    ``FIELDBUS_RECEIPT_LAYOUT`` (``a4`` unless set). GUI thread; the print runs on the
    worker."""
    where = receipt_delivery.destination(parent, number)
    if where is None:
        return None
    printer, out = where
    layout = os.environ.get("FIELDBUS_RECEIPT_LAYOUT") or "a4"
    return StoreOp(lambda store: print_fn(store, officer, number, out=out, printer=printer,
                                          layout=layout))


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
        self.number: str | None = None
        self.last_pdf: Path | None = None
        self.printing = False

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
        self.print_message.setText("")
        self.print_button.setFocus()

    def _current(self) -> bool:
        return self.isVisibleTo(self.window())

    def print_(self) -> None:
        officer = getattr(self.window_, "officer", None)
        if self.printing or officer is None or self.number is None or not self._current():
            return
        op = print_op(self, officer, self.number, self.print_fn)
        if op is None:  # the officer cancelled the save dialog: nothing printed
            self.print_button.setFocus()
            return
        self.printing = True
        self.print_button.setEnabled(False)
        self.print_message.setText(tr("인쇄 중…"))
        self.window_.runner.run(op.success(self._printed).failure(self._print_failed))

    def _printed(self, result) -> None:
        printed, path = result
        self.printing = False
        self.print_button.setEnabled(True)
        self.last_pdf = path
        if path is not None:
            self.done.emit(self.wording.saved_pdf.format(printed.number, path))
        else:
            self.done.emit(self.wording.printed.format(printed.number))

    def _print_failed(self, exc: Exception) -> None:
        self.printing = False
        self.print_button.setEnabled(True)
        self.print_button.setFocus()
        self.print_message.setText(self.wording.still_saved.format(failure_reason(exc)))

    def skip(self) -> None:
        if self.printing or not self._current():
            return
        self.done.emit(self.wording.not_printed.format(self.number))

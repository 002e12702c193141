"""What one print is: which copies, on which layout, on which printer (issue 12).

Every print from the window starts from this laptop's defaults (:func:`defaults`:
``FIELDBUS_PRINTER`` / ``FIELDBUS_RECEIPT_LAYOUT`` over ``settings.json`` over the
built-in citizen's copy on A4 saved as a PDF file) and may be changed for that print with
:class:`PrintChoices`, the row shown on the after-save screen and beside each reprint
button: the copy (citizen / office / both; complaints only), the layout and "프린터
선택…", Qt's print dialog, whose choice is remembered in the settings.

:func:`plan` (GUI thread) turns a choice into the prints to make, asking where a PDF goes
when no printer is set; :func:`run` (store worker) makes them one after the other, each
counted and audited in its own transaction (``fieldbus.receipts.issue``). Rendering and
the printer's work happen there, never on the GUI thread. :func:`failure_reason` says in
one line what went wrong and what to do.
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from fieldbus.services import settings
from fieldbus.ui.printing import receipt_delivery

CITIZEN, OFFICE = "citizen", "office"
# The copies the officer can choose (the combo's code, the copies in the order they are
# printed, the words).
COPY_CHOICES = (
    ("citizen", (CITIZEN,), QT_TR_NOOP("민원인 보관용")),
    ("office", (OFFICE,), QT_TR_NOOP("기관 보관용 (서명)")),
    ("both", (CITIZEN, OFFICE), QT_TR_NOOP("둘 다")),
)
COPIES_OF = {code: copies for code, copies, _text in COPY_CHOICES}
LAYOUT_CHOICES = (("a4", QT_TR_NOOP("A4")), ("roll80", QT_TR_NOOP("80 mm 롤")))


def tr(text: str) -> str:
    return QCoreApplication.translate("print_choices", text)


@dataclass(frozen=True)
class PrintChoice:
    copies: tuple[str, ...] = (CITIZEN,)
    layout: str = "a4"
    printer: str = ""  # "" = save a PDF file; "default" = the system's default printer


def defaults(stored: settings.Settings | None = None, environ=os.environ) -> PrintChoice:
    """This laptop's print defaults: the environment over the settings file (read again
    each time) over the built-in ones."""
    stored = settings.load() if stored is None else stored
    return PrintChoice(copies=(CITIZEN, OFFICE) if stored.print_office_copy else (CITIZEN,),
                       layout=settings.receipt_layout(stored, environ),
                       printer=settings.printer(stored, environ))


def printer_name(printer: str | None) -> str:
    """A printer as the officer reads it."""
    if not printer:
        return tr("PDF 파일로 저장")
    return tr("기본 프린터") if printer == "default" else printer


def remember_printer(printer: str) -> None:
    """Keep ``printer`` as this laptop's printer (the other settings as they are)."""
    stored = settings.load()
    if stored.printer != printer:
        settings.save(replace(stored, printer=printer))


# -- what went wrong ------------------------------------------------------------------------


def failure_reason(exc: Exception, printer: str | None = None) -> str:
    """Why a print failed and what to do, in one line; the record stays saved."""
    code = getattr(exc, "code", "")
    name = printer_name(printer)
    if code == "printer_not_found":
        return tr("프린터 ‘{0}’를 찾을 수 없습니다. 설정에서 프린터를 고르거나 PDF로 "
                  "저장하십시오.").format(name)
    if code == "no_printer":
        return tr("이 노트북에 설정된 프린터가 없습니다. 시스템 설정에서 프린터를 추가하거나 "
                  "PDF로 저장하십시오.")
    if code == "printer_not_ready":
        return tr("프린터 ‘{0}’가 인쇄를 시작하지 못했습니다. 전원·용지·연결을 확인하고 "
                  "다시 인쇄하십시오.").format(name)
    if code == "print_failed":
        return tr("인쇄가 중간에 멈췄습니다. 프린터의 용지·전원을 확인하고 다시 "
                  "인쇄하십시오.")
    if code == "page_size_unsupported":
        return tr("프린터 ‘{0}’가 이 용지를 지원하지 않습니다. 용지(A4·80 mm 롤)나 "
                  "프린터를 바꾸십시오.").format(name)
    if code in ("pdf_not_written", "pdf_unreadable"):
        return tr("PDF 파일을 저장하지 못했습니다. 다른 폴더를 고르십시오.")
    return tr("인쇄하지 못했습니다.")


# -- the prints of one choice ---------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    copy: str
    layout: str
    printer: str | None
    out: Path | None


@dataclass
class Job:
    """What :func:`run` printed: ``(Printed, PDF path or None)`` per copy, in order, and
    the error that stopped a later copy (the first copy's error is raised)."""

    done: list[tuple] = field(default_factory=list)
    failed: Exception | None = None

    @property
    def paths(self) -> list[Path]:
        return [path for _printed, path in self.done if path is not None]


def takes_copy(print_fn: Callable) -> bool:
    """Whether ``print_fn`` prints a choice of copies (a complaint's receipt)."""
    try:
        return "copy" in inspect.signature(print_fn).parameters
    except (TypeError, ValueError):
        return False


def plan(parent: QWidget, number: str, choice: PrintChoice) -> list[Step] | None:
    """The prints of ``choice`` (GUI thread). With no printer, the officer picks where the
    first PDF goes; a second copy is saved beside it. None: they cancelled."""
    printer = choice.printer or None
    steps, folder, first = [], None, None
    for copy in choice.copies:
        layout = "a4" if copy == OFFICE else choice.layout  # the office copy is signed on A4
        out = None
        if printer is None:
            stem = number if copy == CITIZEN else f"{number}-office"
            if folder is None:
                out = receipt_delivery.choose_pdf_path(parent, stem)
                if out is None:
                    return None
                folder, first = out.parent, out
            else:
                out = receipt_delivery.free_pdf_path(folder, f"{first.stem}-office")
        steps.append(Step(copy=copy, layout=layout, printer=printer, out=out))
    return steps


def run(store, officer, number: str, print_fn: Callable, steps: list[Step]) -> Job:
    """On the store worker: each step through ``print_fn(store, officer, number, *, out,
    printer, layout[, copy])``."""
    job, copies = Job(), takes_copy(print_fn)
    for index, step in enumerate(steps):
        kwargs = {"out": step.out, "printer": step.printer, "layout": step.layout}
        if copies:
            kwargs["copy"] = step.copy
        try:
            job.done.append(print_fn(store, officer, number, **kwargs))
        except Exception as exc:
            if index == 0:
                raise
            job.failed = exc
            break
    return job


def copy_name(copy: str) -> str:
    return tr(next(text for code, _copies, text in COPY_CHOICES if code == copy))


# -- the row of choices ---------------------------------------------------------------------


class PrintChoices(QWidget):
    """Copy (when ``copies``), layout and printer for the next print, reset to the
    defaults when shown and by :meth:`reset`. Never takes the focus first: Enter on the
    screen prints the defaults."""

    def __init__(self, *, copies: bool, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}-print-choices")
        self._printer = ""
        self._dialog = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.copy = QComboBox()
        self.copy.setAccessibleName(tr("인쇄할 사본"))
        for code, _copies, text in COPY_CHOICES:
            self.copy.addItem(tr(text), code)
        self.copy.setToolTip(tr("기관 보관용 (서명)은 언제나 A4로 인쇄합니다."))
        self.copy.setEnabled(copies)
        self.paper = QComboBox()
        self.paper.setAccessibleName(tr("용지"))
        for value, text in LAYOUT_CHOICES:
            self.paper.addItem(tr(text), value)
        self.printer_label = QLabel()
        self.printer_label.setAccessibleName(tr("프린터"))
        self.choose_printer = QPushButton(tr("프린터 선택…"))
        self.choose_printer.setAccessibleName(tr("프린터 선택"))
        self.choose_printer.setAutoDefault(False)
        self.choose_printer.clicked.connect(self.open_printer_dialog)
        row.addWidget(self.copy)
        self.copy.setVisible(copies)  # in the row first: a parentless widget shown is a window
        row.addWidget(self.paper)
        row.addWidget(self.printer_label, 1)
        row.addWidget(self.choose_printer)
        self.reset()

    def reset(self) -> None:
        """Back to this laptop's defaults (read again: the settings may have changed)."""
        chosen = defaults()
        if self.copy.isEnabled():
            code = next(c for c, copies in COPIES_OF.items() if copies == chosen.copies)
            self.copy.setCurrentIndex(max(0, self.copy.findData(code)))
        else:
            self.copy.setCurrentIndex(0)
        self.paper.setCurrentIndex(max(0, self.paper.findData(chosen.layout)))
        self._set_printer(chosen.printer)

    def choice(self) -> PrintChoice:
        copies = COPIES_OF[self.copy.currentData()] if self.copy.isEnabled() else (CITIZEN,)
        return PrintChoice(copies=copies, layout=self.paper.currentData(),
                           printer=self._printer)

    def _set_printer(self, printer: str) -> None:
        self._printer = printer
        self.printer_label.setText(tr("프린터: {0}").format(printer_name(printer)))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.reset()

    def open_printer_dialog(self) -> None:
        """Qt's print dialog (not waited for: the window goes on); the printer chosen there
        is used for this print and kept in the settings for the next ones."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo

        target = QPrinter()
        if self._printer and self._printer != "default" \
                and not QPrinterInfo.printerInfo(self._printer).isNull():
            target.setPrinterName(self._printer)
        dialog = QPrintDialog(target, self)
        dialog.setWindowTitle(tr("프린터 선택"))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
        dialog.accepted.connect(lambda: self._printer_chosen(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self._dialog = (dialog, target)  # kept alive while it is open
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()  # like QDialog.open(): modal to the window, not waited for

    def _printer_chosen(self, dialog) -> None:
        from PySide6.QtPrintSupport import QPrinter

        chosen = dialog.printer()
        printer = "" if chosen.outputFormat() == QPrinter.OutputFormat.PdfFormat \
            or not chosen.printerName() else chosen.printerName()
        self._set_printer(printer)
        try:
            remember_printer(printer)
        except OSError:
            pass  # used for this print all the same; the settings dialog says what is wrong

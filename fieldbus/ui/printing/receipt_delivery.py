"""Where a receipt printed from the window goes: the printer chosen
(``fieldbus.ui.printing.choices``: ``FIELDBUS_PRINTER`` over the settings; ``default`` for
the system's), rendered in memory (``fieldbus.ui.printing.printer``: no file),
else — no printer set — a PDF where the officer chooses in a save dialog, written 0600
(``fieldbus.store.private_files``). Never the data folder: a receipt there would be the
complaint in plain text beside the encrypted store, outliving its retention (issue 9 §7;
the ``receipts/`` folder of earlier versions is destroyed at start,
``fieldbus.store.receipt_files``). A receipt can always be printed again from the store.

:func:`destination` runs on the GUI thread before the print; :func:`delivery` on the
store worker, inside the print's transaction (see fieldbus.receipts.issue): a delivery
that fails leaves the print neither counted nor audited.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from fieldbus.domain.errors import PrintFailed

Deliver = Callable[[bytes], None]


def free_pdf_path(folder: Path, number: str) -> Path:
    """``{number}.pdf``, else ``{number}-2.pdf``, … (a reprint never overwrites)."""
    path, n = folder / f"{number}.pdf", 2
    while path.exists():
        path, n = folder / f"{number}-{n}.pdf", n + 1
    return path


def choose_pdf_path(parent, number: str) -> Path | None:
    """Ask the officer where to save the PDF (the documents folder is offered, with a name
    no earlier print took); None when they cancel. GUI thread."""
    from PySide6.QtCore import QCoreApplication, QStandardPaths
    from PySide6.QtWidgets import QFileDialog

    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    name, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("receipt_delivery", "접수증을 PDF로 저장"),
        str(free_pdf_path(Path(folder), number)), "PDF (*.pdf)")
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def destination(parent, number: str) -> tuple[str | None, Path | None] | None:
    """``(printer, None)`` when a printer is set (``FIELDBUS_PRINTER``, else the settings),
    else ``(None, path)`` the officer chose; None when they cancelled the save dialog. GUI
    thread. (The window's prints go through ``choices.plan``, which also splits copies.)"""
    from fieldbus.services import settings

    printer = settings.printer(settings.load(), os.environ) or None
    if printer:
        return printer, None
    path = choose_pdf_path(parent, number)
    return None if path is None else (None, path)


def pdf_to(path: Path) -> tuple[Deliver, list[Path]]:
    """A delivery writing the PDF to ``path`` (0600, whole or not at all), and the list
    that receives the path written."""
    from fieldbus.store.private_files import write_private

    written: list[Path] = []

    def deliver(pdf: bytes) -> None:
        try:
            write_private(path, pdf)
        except OSError as exc:
            raise PrintFailed(f"the PDF could not be written ({exc.strerror})",
                              code="pdf_not_written") from None
        written.append(path)

    return deliver, written


def delivery(out: Path | None, *, printer: str | None,
             layout: str) -> tuple[Deliver, list[Path]]:
    """The printer's delivery when ``printer`` is set, else one writing ``out``."""
    if printer:
        from fieldbus.ui.printing.printer import deliver_to_printer

        return deliver_to_printer(None if printer == "default" else printer,
                                  roll80=layout == "roll80"), []
    if out is None:
        raise ValueError("no printer and no file to write the PDF to")
    return pdf_to(out)

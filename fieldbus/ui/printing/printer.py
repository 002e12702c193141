"""Printing a receipt PDF on a chosen printer through Qt.

The receipt itself is made elsewhere (``fieldbus/receipts``, reportlab) as PDF bytes; this
module only puts those bytes on paper: every page is rendered with Qt PDF (``QPdfDocument``,
PDFium inside) to an image at the printer's resolution and painted, fitted, onto one printer
page. Rendering to an image, rather than handing the PDF to the printer, means every printer
Qt can drive prints the receipt the same way, fonts and QR code included.

Threads
-------
``print_pdf`` is a plain, blocking function so that the app can run it on a worker thread
and keep the UI responsive (rendering an A4 page at 600 dpi takes a few hundred ms). That is
allowed:

* Qt's "Thread-Support in Qt Modules" (doc.qt.io/qt-6/threads-modules.html, *Painting in
  Threads*): "QPainter can be used in a thread to paint onto QImage, QPrinter, [and]
  QPicture … paint devices", and "only one thread at a time can paint on a given paint
  device". So the ``QPrinter`` handed to ``print_pdf`` belongs to the worker until it
  returns: the GUI thread must not touch it (nor start a second job on it) meanwhile.
  The same page notes that on macOS the automatic progress dialog is not shown when
  printing outside the GUI thread.
* ``QPdfDocument`` is a ``QObject`` that ``print_pdf`` creates, uses and drops in the calling
  thread, so it has no thread affinity problem. PDFium "is not thread-safe at all" and Qt
  guards every call into it with one process-wide recursive mutex (``QPdfMutexLocker`` in
  qtwebengine ``src/pdf/qpdfdocument.cpp``), so rendering here is safe next to, say, a
  ``QPdfView`` preview in the GUI thread, which merely waits for a page render to finish.
* A ``QGuiApplication``/``QApplication`` must exist (created on the main thread) before a
  ``QPrinter`` is made or ``print_pdf`` is called. ``printer_for``, ``available_printers``
  and ``default_printer_name`` are meant for the GUI thread (they back the printer picker);
  they only query the print system and are quick.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from fieldbus.domain.errors import PrintFailed

__all__ = [
    "MAX_RENDER_DPI",
    "ROLL_WIDTH_MM",
    "available_printers",
    "default_printer_name",
    "deliver_to_printer",
    "print_pdf",
    "printer_for",
]

#: Width of the paper on the bus's receipt roll printers.
ROLL_WIDTH_MM = 80.0
#: Pages are rendered at the printer's resolution up to this; above it (a PDF printer at
#: 1200 dpi) at an integer fraction of it. An A4 page at 600 dpi is a ~140 MB image.
MAX_RENDER_DPI = 600


def available_printers() -> list[str]:
    """Names of the printers the system offers (CUPS on Linux), possibly none."""
    return list(QPrinterInfo.availablePrinterNames())


def default_printer_name() -> str | None:
    """The system's default printer, or ``None`` when there is none."""
    return QPrinterInfo.defaultPrinterName() or None


def printer_for(name: str | None, *, roll80: bool, pdf: bytes | None = None) -> QPrinter:
    """A ``QPrinter`` for the printer called ``name`` (``None``: the system default), set up
    for a receipt.

    ``roll80=False``: an A4 portrait page inside the printer's own margins.
    ``roll80=True``: a custom page 80 mm wide, printed full-page with no margins, whose
    length comes from the first page of ``pdf`` (required then): 80 mm × height/width of
    that page, which is its own length when the receipt was laid out 80 mm wide.

    Raises ``PrintFailed`` (``printer_not_found``, ``page_size_unsupported``,
    ``pdf_unreadable``).
    """
    if roll80:
        if pdf is None:
            raise TypeError("printer_for(roll80=True) needs pdf=: its first page gives the length")
        first = _first_page_size(pdf)
        length_mm = ROLL_WIDTH_MM * first.height() / first.width()
        page_size = QPageSize(
            QSizeF(ROLL_WIDTH_MM, length_mm),
            QPageSize.Unit.Millimeter,
            f"Roll {ROLL_WIDTH_MM:g} mm",
            QPageSize.SizeMatchPolicy.ExactMatch,
        )
    else:
        page_size = QPageSize(QPageSize.PageSizeId.A4)

    if name is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    else:
        info = QPrinterInfo.printerInfo(name)
        if info.isNull():
            raise PrintFailed(f"no printer named {name!r}", code="printer_not_found")
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setDocName("Fieldbus")
    printer.setFullPage(roll80)
    ok = printer.setPageSize(page_size) and printer.setPageOrientation(
        QPageLayout.Orientation.Portrait
    )
    if roll80:
        ok = ok and printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    if not ok:
        raise PrintFailed(
            f"printer {printer.printerName() or '(PDF)'!r} does not take the page "
            f"{page_size.name()!r}",
            code="page_size_unsupported",
        )
    return printer


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print every page of ``pdf`` on ``printer``, one printer page per PDF page, and return
    the number of pages printed.

    Each page is rendered at the printer's resolution (at most ``MAX_RENDER_DPI``), scaled
    to fit the printer's page rectangle with its aspect ratio kept, centred across the page
    and placed at its top. Blocking; see the module notes on threads.

    Raises ``PrintFailed``: ``pdf_unreadable`` when the bytes are not a PDF Qt can open (the
    printer is not touched), ``printer_not_ready`` when the printer will not begin a job,
    ``print_failed`` when the job fails part-way (it is aborted; some pages may be out).
    """
    with _opened(pdf) as document:
        pages = document.pageCount()
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintFailed(
                f"printer {printer.printerName() or printer.outputFileName()!r} "
                "did not begin the job",
                code="printer_not_ready",
            )
        # Qt's PDF engine (PDF files, and CUPS jobs on Linux) would store each page image as
        # JPEG: blurred text edges and QR modules. Keep them lossless.
        painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)
        try:
            for index in range(pages):
                if index and not printer.newPage():
                    raise PrintFailed(f"page {index + 1} could not be started", code="print_failed")
                _draw_page(document, index, painter, printer)
        except BaseException:
            printer.abort()
            painter.end()
            raise
        painter.end()
        if printer.printerState() == QPrinter.PrinterState.Error:
            raise PrintFailed("the printer reported an error", code="print_failed")
        return pages


def _draw_page(document: QPdfDocument, index: int, painter: QPainter, printer: QPrinter) -> None:
    # Device pixels of the area the painter covers: the printable area, or the whole
    # sheet in full-page mode (roll).
    area_w, area_h = printer.width(), printer.height()
    step = max(1, math.ceil(printer.resolution() / MAX_RENDER_DPI))
    points = document.pagePointSize(index)  # not empty: checked by _opened
    if area_w <= 0 or area_h <= 0:
        raise PrintFailed("the printer's page has no printable area", code="print_failed")
    scale = min(area_w / points.width(), area_h / points.height())  # device px per point
    target_w, target_h = points.width() * scale, points.height() * scale
    image_size = QSize(max(1, round(target_w / step)), max(1, round(target_h / step)))
    image = document.render(
        index,
        image_size,
        QPdfDocumentRenderOptions(),
        QImage.Format.Format_RGB32,
        QColor(Qt.GlobalColor.white),
    )
    if image.isNull():
        raise PrintFailed(f"page {index + 1} could not be rendered", code="print_failed")
    painter.drawImage(QRectF((area_w - target_w) / 2, 0, target_w, target_h), image)


def _first_page_size(pdf: bytes) -> QSizeF:
    with _opened(pdf) as document:
        return document.pagePointSize(0)


@contextmanager
def _opened(pdf: bytes) -> Iterator[QPdfDocument]:
    """The PDF loaded from memory (no temporary file holds the citizen's receipt), with at
    least one page of non-empty size, or ``PrintFailed("pdf_unreadable")``."""
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    try:
        # A QBuffer is a random-access device: QPdfDocument loads it synchronously.
        document.load(buffer)
        if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            raise PrintFailed(
                f"the PDF cannot be read ({document.error().name})", code="pdf_unreadable"
            )
        for index in range(document.pageCount()):
            if document.pagePointSize(index).isEmpty():
                raise PrintFailed(f"page {index + 1} of the PDF has no size", code="pdf_unreadable")
        yield document
    finally:
        document.close()
        buffer.close()


def deliver_to_printer(name: str | None, *, roll80: bool):
    """A ``deliver(pdf)`` for :mod:`fieldbus.receipts.issue` that prints on ``name``
    (None: the default printer), for callers without a window, like the command line.

    Makes the QGuiApplication Qt's print system needs if none exists; with no display
    it uses the offscreen platform (printing needs no screen).
    """
    import os
    import sys

    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                     or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        deliver_to_printer.app = QGuiApplication(["fieldbus"])  # kept alive while printing
    if name is None and default_printer_name() is None:
        # Said before the receipt is made and audited, not as Qt's "did not begin the job".
        raise PrintFailed("this laptop has no printer set up: add it in the system's printer "
                          "settings, or save the receipt as a PDF (--out)", code="no_printer")

    def deliver(pdf: bytes) -> None:
        print_pdf(pdf, printer_for(name, roll80=roll80, pdf=pdf))

    return deliver

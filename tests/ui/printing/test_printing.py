"""Printing a PDF through Qt (``fieldbus.ui.printing.printer``), checked on what comes out.

The "printer" is a ``QPrinter`` writing a PDF file (``setOutputFileName``), which goes
through the same QPainter → print-engine path as a real job (on Linux, CUPS printing is
this PDF engine plus a spool). The output is read back with poppler (``pdfinfo`` for pages
and sizes, ``pdftoppm`` for pixels), so the checks do not trust Qt to judge itself.

The input PDF is written by hand below: a few pages with a text line and a black bar at a
position unique to each page, in Helvetica (a PDF standard font, which PDFium draws from
its own copy: no system font needed). Finding each page's bar where the fitting maths puts
it, and white where the other pages' bars would be, shows that every page was printed, in
order, fitted, and not blank.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter

from fieldbus.domain.errors import FieldbusError, PrintFailed
from fieldbus.ui.printing.printer import available_printers, default_printer_name, print_pdf, printer_for

pytestmark = pytest.mark.usefixtures("qapp")

MM = 72 / 25.4  # points per millimetre
DPI = 100  # pdftoppm resolution for the pixel checks


# --- a small, exact PDF writer for test inputs -------------------------------------------


@dataclass(frozen=True)
class Layout:
    """Where things are on each input page, in points from the top-left corner."""

    width: float
    height: float
    pages: int
    text_x: float
    text_top: float
    font_size: float
    bar_x: float  # the bar runs from bar_x to width - bar_x
    bar_height: float
    first_bar_top: float
    bar_step: float

    def bar_top(self, page: int) -> float:
        return self.first_bar_top + self.bar_step * page


A4_LAYOUT = Layout(width=595.276, height=841.89, pages=3, text_x=72, text_top=60,
                   font_size=36, bar_x=72, bar_height=40, first_bar_top=200, bar_step=90)
# A roll receipt: 80 mm wide, bars from edge to edge to show nothing is cut off as margin.
ROLL_LAYOUT = Layout(width=80 * MM, height=150 * MM, pages=2, text_x=10, text_top=20,
                     font_size=20, bar_x=0, bar_height=30, first_bar_top=120, bar_step=70)


def make_pdf(layout: Layout) -> bytes:
    objects: list[bytes] = []
    kids = []
    font_id = 3
    for page in range(layout.pages):
        page_id, content_id = 4 + 2 * page, 5 + 2 * page
        kids.append(f"{page_id} 0 R")
        baseline = layout.height - layout.text_top - layout.font_size * 0.75
        bar_bottom = layout.height - layout.bar_top(page) - layout.bar_height
        content = (
            f"BT /F1 {layout.font_size} Tf {layout.text_x} {baseline:.2f} Td"
            f" (PAGE {page + 1}) Tj ET\n"
            f"0 g {layout.bar_x} {bar_bottom:.2f} {layout.width - 2 * layout.bar_x:.2f} "
            f"{layout.bar_height} re f\n"
        ).encode()
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {layout.width:.3f} {layout.height:.3f}]"
            f" /Resources << /Font << /F1 {font_id} 0 R >> >>"
            f" /Contents {content_id} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    head = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {layout.pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(head + objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(offsets) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


# --- reading the printed output ----------------------------------------------------------


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} not found: install poppler-utils (scripts/test.sh does, as root)")
    return path


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """(width, height) in points of every page, from pdfinfo."""
    text = subprocess.run([_tool("pdfinfo"), "-f", "1", "-l", "9999", str(pdf)],
                          capture_output=True, text=True, check=True).stdout
    sizes = []
    for line in text.splitlines():
        if line.startswith("Page") and " size:" in line:
            numbers = line.split("size:")[1].split("pts")[0].split("x")
            sizes.append((float(numbers[0]), float(numbers[1])))
    return sizes


def image_encodings(pdf: Path) -> list[str]:
    """The encoding of every image in the PDF ("image" is lossless Flate), from pdfimages."""
    text = subprocess.run([_tool("pdfimages"), "-list", str(pdf)],
                          capture_output=True, text=True, check=True).stdout
    return [line.split()[8] for line in text.splitlines()[2:] if line.strip()]


@dataclass
class Gray:
    width: int
    height: int
    pixels: bytes

    def dark_fraction(self, x0: float, y0: float, x1: float, y1: float) -> float:
        """Share of pixels darker than mid-grey in the box, given in points."""
        scale = DPI / 72
        left, right = max(0, round(x0 * scale)), min(self.width, round(x1 * scale))
        top, bottom = max(0, round(y0 * scale)), min(self.height, round(y1 * scale))
        assert right > left and bottom > top, "empty box"
        dark = sum(
            1
            for y in range(top, bottom)
            for value in self.pixels[y * self.width + left : y * self.width + right]
            if value < 128
        )
        return dark / ((right - left) * (bottom - top))


def rasterize(pdf: Path, tmp_path: Path) -> list[Gray]:
    prefix = tmp_path / "page"
    subprocess.run([_tool("pdftoppm"), "-gray", "-r", str(DPI), str(pdf), str(prefix)], check=True)
    images = []
    for path in sorted(tmp_path.glob("page-*.pgm")):
        data = path.read_bytes()
        magic, width, height, maxval, rest = data.split(maxsplit=4)
        assert magic == b"P5" and maxval == b"255"
        images.append(Gray(int(width), int(height), rest[: int(width) * int(height)]))
    return images


def check_pages(images: list[Gray], layout: Layout, paint_rect) -> None:
    """Each output page shows its own input page, fitted into ``paint_rect`` (points)."""
    scale = min(paint_rect.width() / layout.width, paint_rect.height() / layout.height)
    left = paint_rect.x() + (paint_rect.width() - layout.width * scale) / 2
    top = paint_rect.y()

    def box(x0, y0, x1, y1):
        return left + x0 * scale, top + y0 * scale, left + x1 * scale, top + y1 * scale

    assert len(images) == layout.pages
    for page, image in enumerate(images):
        text = box(layout.text_x, layout.text_top,
                   layout.text_x + 4 * layout.font_size, layout.text_top + layout.font_size)
        assert image.dark_fraction(*text) > 0.08, f"page {page + 1}: no text where expected"
        x0, x1 = layout.bar_x, layout.width - layout.bar_x
        for other in range(layout.pages):
            y0 = layout.bar_top(other)
            y1 = y0 + layout.bar_height
            # Inside the bar, short of its edges by 3 pt (anti-aliasing).
            dark = image.dark_fraction(*box(x0 + 3, y0 + 3, x1 - 3, y1 - 3))
            if other != page:
                assert dark < 0.01, f"page {page + 1}: page {other + 1}'s bar is there"
                continue
            assert dark > 0.98, f"page {page + 1}: its bar is missing ({dark:.0%} dark)"
            # ... and white just outside it: the page is neither shifted nor stretched.
            around = [box(x0, y0 - 7, x1, y0 - 3), box(x0, y1 + 3, x1, y1 + 7)]
            if x0 > 0:
                around += [box(x0 - 7, y0, x0 - 3, y1), box(x1 + 3, y0, x1 + 7, y1)]
            for edge in around:
                assert image.dark_fraction(*edge) < 0.01, f"page {page + 1}: bar misplaced"


# --- the tests ---------------------------------------------------------------------------


def _to_file(printer, path: Path):
    printer.setOutputFileName(str(path))  # a .pdf name switches the printer to PDF output
    assert printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    return printer


def test_a4_prints_every_page_fitted_and_legible(tmp_path):
    out = tmp_path / "out.pdf"
    printer = _to_file(printer_for(None, roll80=False), out)

    assert print_pdf(make_pdf(A4_LAYOUT), printer) == 3

    sizes = page_sizes(out)
    assert len(sizes) == 3
    for width, height in sizes:  # A4 is 595.3 x 841.9 pt; Qt writes whole points
        assert width == pytest.approx(210 * MM, abs=1) and height == pytest.approx(297 * MM, abs=1)
    paint_rect = printer.pageLayout().paintRect(QPageLayout.Unit.Point)
    check_pages(rasterize(out, tmp_path), A4_LAYOUT, paint_rect)
    # One image per page, stored losslessly: no JPEG fuzz around text or QR modules.
    assert image_encodings(out) == ["image"] * 3


def test_roll_page_is_80_mm_wide_full_bleed_and_as_long_as_the_receipt(tmp_path):
    pdf = make_pdf(ROLL_LAYOUT)
    out = tmp_path / "roll.pdf"
    printer = _to_file(printer_for(None, roll80=True, pdf=pdf), out)
    assert printer.fullPage()
    assert printer.pageLayout().margins(QPageLayout.Unit.Millimeter).isNull()

    assert print_pdf(pdf, printer) == 2

    sizes = page_sizes(out)
    assert sizes == [pytest.approx((80 * MM, 150 * MM), abs=1)] * 2
    images = rasterize(out, tmp_path)
    paint_rect = printer.pageLayout().paintRect(QPageLayout.Unit.Point)
    assert paint_rect.x() == 0 and paint_rect.y() == 0  # no margin at all
    check_pages(images, ROLL_LAYOUT, paint_rect)
    # The bars run from edge to edge: the first and last pixel columns are dark too.
    for page, image in enumerate(images):
        middle = ROLL_LAYOUT.bar_top(page) + ROLL_LAYOUT.bar_height / 2
        assert image.dark_fraction(0, middle - 5, 1.5, middle + 5) > 0.9
        assert image.dark_fraction(80 * MM - 1.5, middle - 5, 80 * MM, middle + 5) > 0.9


def test_roll_receipt_on_an_a4_printer_is_enlarged_to_fit_and_centred(tmp_path):
    """The roll printer is down, the receipt goes to the A4 printer: it fills the height."""
    out = tmp_path / "roll-on-a4.pdf"
    printer = _to_file(printer_for(None, roll80=False), out)
    assert print_pdf(make_pdf(ROLL_LAYOUT), printer) == 2
    assert page_sizes(out) == [pytest.approx((210 * MM, 297 * MM), abs=1)] * 2
    paint_rect = printer.pageLayout().paintRect(QPageLayout.Unit.Point)
    check_pages(rasterize(out, tmp_path), ROLL_LAYOUT, paint_rect)


def test_roll_length_follows_the_first_page_shape(tmp_path):
    """An A4 PDF on the roll: 80 mm wide, 80 × 297/210 mm long, nothing wasted."""
    pdf = make_pdf(A4_LAYOUT)
    out = tmp_path / "roll-a4.pdf"
    printer = _to_file(printer_for(None, roll80=True, pdf=pdf), out)
    assert print_pdf(pdf, printer) == 3
    assert page_sizes(out) == [pytest.approx((80 * MM, 80 * 297 / 210 * MM), abs=1)] * 3


def test_printing_from_a_worker_thread(tmp_path):
    """The app prints off the UI thread: the printer is made here, used there."""
    out = tmp_path / "worker.pdf"
    printer = _to_file(printer_for(None, roll80=False), out)
    result: dict[str, object] = {}

    def work():
        try:
            result["pages"] = print_pdf(make_pdf(A4_LAYOUT), printer)
        except BaseException as error:  # noqa: BLE001 - handed to the main thread
            result["error"] = error

    worker = threading.Thread(target=work, name="print-worker")
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive()
    assert result == {"pages": 3}
    assert len(page_sizes(out)) == 3


@pytest.mark.parametrize(
    "pdf",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"this is not a PDF", id="not-a-pdf"),
        pytest.param(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", id="header-only"),
        pytest.param(make_pdf(A4_LAYOUT)[:-60], id="truncated"),
        pytest.param(make_pdf(A4_LAYOUT).replace(b"/Kids", b"/Kidz"), id="no-page-tree"),
    ],
)
def test_corrupt_pdf_raises_print_failed_and_prints_nothing(tmp_path, pdf):
    out = tmp_path / "never.pdf"
    printer = _to_file(printer_for(None, roll80=False), out)
    with pytest.raises(PrintFailed) as caught:
        print_pdf(pdf, printer)
    assert caught.value.code == "pdf_unreadable"
    assert isinstance(caught.value, FieldbusError)
    assert not out.exists()  # the job was never begun


def test_corrupt_pdf_is_refused_for_a_roll_page():
    with pytest.raises(PrintFailed) as caught:
        printer_for(None, roll80=True, pdf=b"not a pdf")
    assert caught.value.code == "pdf_unreadable"


def test_roll_page_needs_the_pdf():
    with pytest.raises(TypeError, match="first page"):
        printer_for(None, roll80=True)


# Qt says so itself when a painter cannot begin; the error we raise is what the test checks.
@pytest.mark.qt_log_ignore(r"^QPainter::begin\(\): Returned false$")
def test_printer_that_cannot_begin_raises_print_failed(tmp_path):
    printer = _to_file(printer_for(None, roll80=False), tmp_path / "no-such-dir" / "out.pdf")
    with pytest.raises(PrintFailed) as caught:
        print_pdf(make_pdf(A4_LAYOUT), printer)
    assert caught.value.code == "printer_not_ready"


def test_unknown_printer_name_is_refused():
    with pytest.raises(PrintFailed) as caught:
        printer_for("no such printer 이동신문고", roll80=False)
    assert caught.value.code == "printer_not_found"


def test_printer_listing_is_plain_strings():
    names = available_printers()
    assert isinstance(names, list) and all(isinstance(name, str) and name for name in names)
    default = default_printer_name()
    assert default is None or (isinstance(default, str) and default)

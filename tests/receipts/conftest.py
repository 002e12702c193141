"""Receipts are checked as a person would: real PDFs, rendered to PNG with poppler's
pdftoppm at 200 dpi, QR codes read with a real decoder (zxing-cpp), and text read back
with pypdf."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from fieldbus.receipts.issue import print_complaint, print_counsel
from fieldbus.store import complaints, visits
from tests.store.conftest import _cheap_pin_hashes, clock, cstore  # noqa: F401 (fixtures)
from tests.store.helpers import draft

DPI = 200


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def squashed(text: str) -> str:
    """Without whitespace: wrapped lines and run boundaries do not matter."""
    return re.sub(r"\s+", "", text)


def pages_as_images(pdf: bytes, tmp_path: Path, dpi: int = DPI) -> list[Image.Image]:
    path = tmp_path / f"render-{len(list(tmp_path.glob('render-*.pdf')))}.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", path, path.with_suffix("")],
                   check=True)
    return [Image.open(png).convert("L")
            for png in sorted(tmp_path.glob(f"{path.stem}-*.png"),
                              key=lambda p: int(p.stem.rsplit("-", 1)[1]))]


def qr_texts(image: Image.Image) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image)
            if r.format == zxingcpp.BarcodeFormat.QRCode]


def font_names(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


class Printer:
    """Prints into memory: ``printer.complaint(number)`` → (Printed, pdf bytes)."""

    def __init__(self, store) -> None:
        self.store = store

    def complaint(self, receipt_no: str, **options):
        out: list[bytes] = []
        printed = print_complaint(self.store, self.store.officer, receipt_no,
                                  deliver=out.append, **options)
        return printed, out[0]

    def counsel(self, ident: str, **options):
        out: list[bytes] = []
        printed = print_counsel(self.store, self.store.officer, ident, deliver=out.append,
                                **options)
        return printed, out[0]

    def add(self, name: str = "complaint-01.json", **changes) -> str:
        """Save a complaint from a sample (top-level keys changed); its receipt number."""
        return complaints.add(self.store, draft(self.store, name, **changes),
                              self.store.officer).receipt_no


@pytest.fixture
def printer(cstore) -> Printer:
    visits.open_visit(cstore, cstore.officer, venue="선산읍 행정복지센터", region="경상북도 구미시")
    return Printer(cstore)

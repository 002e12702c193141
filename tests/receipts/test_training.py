"""A training store's receipts and confirmations say 교육용 on every page and carry no QR."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from fieldbus.store import complaints, counsel
from fieldbus.services.training import create_training
from tests.conftest import PIN
from tests.receipts.conftest import Printer, pages_as_images, pdf_text, qr_texts, squashed


@pytest.fixture
def training_printer(tmp_path):
    store = create_training(tmp_path / "training", officer="김교육", pin=PIN)
    store.officer = store.sign_in("김교육", PIN)
    yield Printer(store)
    store.close()


@pytest.mark.parametrize("layout", ["a4", "roll80"])
def test_a_training_receipt_says_so_and_has_no_qr(training_printer, tmp_path, layout):
    store = training_printer.store
    receipt = complaints.recent(store)[-1].receipt_no
    _, pdf = training_printer.complaint(receipt, layout=layout)
    text = squashed(pdf_text(pdf))
    assert "교육용—실제민원이아닙니다" in text
    assert "TRAINING" in text
    images = pages_as_images(pdf, tmp_path)
    assert all(qr_texts(image) == [] for image in images)


def test_every_page_of_a_long_training_receipt_is_marked(training_printer):
    store = training_printer.store
    receipt = complaints.recent(store)[-1].receipt_no
    complaints.edit(store, receipt, {"body": "연습 " * 4000}, store.officer)
    printed, pdf = training_printer.complaint(receipt)
    assert printed.pages > 1
    for page in PdfReader(io.BytesIO(pdf)).pages:
        assert "교육용" in page.extract_text()


def test_a_training_counsel_confirmation_says_so(training_printer):
    session = counsel.recent(training_printer.store)[0]
    _, pdf = training_printer.counsel(session.number)
    assert "교육용—실제민원이아닙니다" in squashed(pdf_text(pdf))


def test_a_real_receipt_says_nothing_of_training(printer, tmp_path):
    _, pdf = printer.complaint(printer.add())
    text = pdf_text(pdf)
    assert "교육용" not in text and "TRAINING" not in text
    assert qr_texts(pages_as_images(pdf, tmp_path)[0])  # and keeps its QR code

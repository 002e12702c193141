"""The QR code: a real decoder reads it from the page rendered at 200 dpi, and it carries
the status link with a keyed check that the hub can recompute."""

from __future__ import annotations

import base64
import hashlib
import hmac

import pytest

from sync.protocol import status_code, status_link
from tests.receipts.conftest import pages_as_images, pdf_text, qr_texts, squashed

HUB = "https://sinmungo-hub.example.go.kr"


def _expected_code(receipt_no: str, secret_hex: str) -> str:
    """The algorithm spelled out again (the hub implements it independently)."""
    mac = hmac.new(bytes.fromhex(secret_hex), receipt_no.encode(), hashlib.sha256).digest()
    return base64.b32encode(mac).decode()[:10]


@pytest.mark.parametrize("layout", ["a4", "roll80"])
def test_before_enrolment_the_qr_carries_the_number_and_code(printer, cstore, tmp_path, layout):
    number = printer.add()
    _, pdf = printer.complaint(number, layout=layout)
    code = _expected_code(number, cstore.meta("install_secret"))

    assert qr_texts(pages_as_images(pdf, tmp_path)[0]) == [f"{number} {code}"]
    assert squashed(f"확인 코드 (Check code): {code}") in squashed(pdf_text(pdf))


@pytest.mark.parametrize("layout", ["a4", "roll80"])
def test_once_enrolled_the_qr_carries_the_status_url(printer, cstore, tmp_path, layout):
    cstore.db.execute("INSERT INTO meta (key, value) VALUES ('hub_public_url', ?)", (HUB + "/",))
    number = printer.add()
    _, pdf = printer.complaint(number, layout=layout)
    code = _expected_code(number, cstore.meta("install_secret"))

    assert qr_texts(pages_as_images(pdf, tmp_path)[0]) == [f"{HUB}/r/{number}?c={code}"]


def test_codes_differ_per_receipt_and_per_laptop():
    secret, other = "11" * 32, "22" * 32
    first = status_code("B07A-261126-0001-K", secret)
    assert len(first) == 10 and set(first) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    assert first == _expected_code("B07A-261126-0001-K", secret)
    assert status_code("B07A-261126-0002-J", secret) != first
    assert status_code("B07A-261126-0001-K", other) != first
    assert status_link("B07A-261126-0001-K", first, None) == f"B07A-261126-0001-K {first}"
    assert status_link("B07A-261126-0001-K", first, "https://h.example/") == (
        f"https://h.example/r/B07A-261126-0001-K?c={first}")

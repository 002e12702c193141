"""The check code on a receipt's QR, so that case status pages cannot be enumerated or forged.

The hub shows a case's progress at ``{hub public URL}/r/{receipt_no}?c={code}``. Receipt
numbers are sequential, so the number alone would let anyone walk through every case.
``code`` is an HMAC-SHA256 of the receipt number keyed by this laptop's install secret
(``meta.install_secret``: 32 random bytes, hex, which the hub learns at enrolment), cut to
its first 10 base32 characters (50 bits): only the receipt's holder and the hub know it,
and a guess is right once in 10^15. The hub computes the same function to check a scan.

Before the laptop is enrolled there is no hub URL; the QR then carries the receipt number
and the code alone, which an officer or the 110 call centre can still check later.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

CODE_LENGTH = 10


def status_code(receipt_no: str, secret_hex: str) -> str:
    """``status_code("B07A-261126-0001-K", secret)`` → e.g. ``"M3Q7ZK2D5A"`` (A–Z, 2–7)."""
    digest = hmac.new(bytes.fromhex(secret_hex), receipt_no.encode("ascii"),
                      hashlib.sha256).digest()
    return base64.b32encode(digest).decode("ascii")[:CODE_LENGTH]


def status_link(receipt_no: str, code: str, hub_url: str | None) -> str:
    """What the QR carries: the status page's URL, or before enrolment ``"{number} {code}"``."""
    if not hub_url:
        return f"{receipt_no} {code}"
    return f"{hub_url.rstrip('/')}/r/{receipt_no}?c={code}"

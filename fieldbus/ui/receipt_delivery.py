"""Where a receipt printed from the window goes: the printer named by ``FIELDBUS_PRINTER``
(``default`` for the system's), else a PDF in the data folder's private ``receipts/``.

Runs on the store worker, inside the print's transaction (see fieldbus.receipts.issue):
a delivery that fails leaves the print neither counted nor audited.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

Deliver = Callable[[bytes], None]


def free_pdf_path(folder: Path, number: str) -> Path:
    """``{number}.pdf``, else ``{number}-2.pdf``, … (a reprint never overwrites)."""
    path, n = folder / f"{number}.pdf", 2
    while path.exists():
        path, n = folder / f"{number}-{n}.pdf", n + 1
    return path


def pdf_into(folder: Path, number: str) -> tuple[Deliver, list[Path]]:
    """A delivery writing the PDF durably into ``folder`` (0700: a receipt names a case),
    and the list that receives the path written."""
    written: list[Path] = []

    def deliver(pdf: bytes) -> None:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = free_pdf_path(folder, number)
        partial = path.with_suffix(".pdf.part")
        with partial.open("wb") as handle:
            handle.write(pdf)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
        written.append(path)

    return deliver, written


def delivery(data_dir: Path, number: str, *, printer: str | None,
             layout: str) -> tuple[Deliver, list[Path]]:
    if printer:
        from fieldbus.ui.printing import deliver_to_printer

        return deliver_to_printer(None if printer == "default" else printer,
                                  roll80=layout == "roll80"), []
    return pdf_into(data_dir / "receipts", number)

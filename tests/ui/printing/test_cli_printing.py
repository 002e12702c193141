"""``fieldbus receipt --printer``: the command line prints through Qt, and a print that
does not happen is neither counted nor audited."""

from __future__ import annotations

import re

from pypdf import PdfReader

from fieldbus.ui.printing import printer as printing
from tests.cli.conftest import _cheap_pin_hashes, cli, ready  # noqa: F401  (fixtures)
from tests.receipts.conftest import pdf_text, squashed


def _audit_entries(runner) -> int:
    result = runner("audit", "verify")
    assert result.code == 0, result
    return int(re.search(r"holds: (\d+) entries", result.out).group(1))


def test_a_printer_named_wrong_is_exit_2_and_nothing_is_recorded(qapp, ready, tmp_path):
    number = ready.add("complaint-01.json").out.strip()
    before = _audit_entries(ready)

    result = ready("receipt", number, "--printer", "no-such-printer")
    assert result.code == 2, result
    assert result.err_lines == ["error: no printer named 'no-such-printer'"]
    assert _audit_entries(ready) == before

    first = ready("receipt", number, "--out", tmp_path / "r.pdf")
    assert "reissue" not in first.out  # the failed print did not count


def test_the_receipt_reaches_the_printer_through_qt(qapp, ready, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    paper = tmp_path / "paper.pdf"
    chosen = []

    def pdf_printer(name, *, roll80, pdf=None):  # a PDF "printer": no CUPS queue here
        chosen.append((name, roll80))
        printer = QPrinter()
        printer.setOutputFileName(str(paper))
        printer.setResolution(150)
        return printer

    monkeypatch.setattr(printing, "printer_for", pdf_printer)
    monkeypatch.setattr(printing, "default_printer_name", lambda: "Roll80")  # one is set up
    number = ready.add("complaint-01.json").out.strip()

    result = ready("receipt", number, "--printer", "default", "--layout", "roll80")
    assert result.code == 0, result
    assert result.out_lines == [f"{number}: printer default (roll80 citizen copy, 1 page(s))"]
    assert chosen == [(None, True)]
    assert len(PdfReader(paper).pages) == 1  # printed as an image of the receipt page
    assert paper.stat().st_size > 10_000
    again = ready("receipt", number, "--out", tmp_path / "again.pdf")
    assert "reissue (print 2)" in again.out
    assert number in squashed(pdf_text((tmp_path / "again.pdf").read_bytes()))

"""``fieldbus receipt``, ``fieldbus counsel receipt`` and ``fieldbus handler``."""

from __future__ import annotations

import re

import pytest

from tests.cli.conftest import sample
from tests.receipts.conftest import pdf_text, squashed


def _audit_count(cli) -> int:
    result = cli("audit", "verify")
    assert result.code == 0, result
    return int(re.search(r"holds: (\d+) entries", result.out).group(1))


def test_receipt_writes_the_pdf_and_says_what_it_printed(ready, tmp_path):
    number = ready.add("complaint-01.json").out.strip()
    out = tmp_path / "receipt.pdf"

    first = ready("receipt", number, "--out", out)
    assert first.code == 0, first
    assert first.out_lines == [f"{number}: {out} (a4 citizen copy, 1 page(s))"]
    text = squashed(pdf_text(out.read_bytes()))
    assert number in text and "김*수" in text and "김영수" not in text

    again = ready("receipt", number, "--out", out, "--layout", "roll80")
    assert again.code == 0, again
    assert again.out_lines == [f"{number}: {out} (roll80 citizen copy, 1 page(s), "
                               "reissue (print 2))"]
    assert "재발행" in pdf_text(out.read_bytes())

    office = ready("receipt", number, "--out", out, "--copy", "office")
    assert office.code == 0, office
    assert "김영수" in squashed(pdf_text(out.read_bytes()))
    assert not list(tmp_path.glob(".*.tmp"))


def test_receipt_files_are_readable_by_their_owner_only(ready, samples_dir, tmp_path):
    """A receipt file is the complaint in plain text (the office copy: name, contact and
    signature): created 0600 whatever the umask, also when it replaces a wider file."""
    import os

    number = ready.add("complaint-01.json").out.strip()
    session = ready("counsel", "add", samples_dir / "counsel-01.json").out.strip()
    wide = tmp_path / "wide.pdf"
    wide.write_bytes(b"")
    wide.chmod(0o644)
    old = os.umask(0o022)
    try:
        runs = [(tmp_path / "citizen.pdf", ("receipt", number)),
                (tmp_path / "office.pdf", ("receipt", number, "--copy", "office")),
                (wide, ("receipt", number, "--copy", "office")),
                (tmp_path / "counsel.pdf", ("counsel", "receipt", session))]
        for out, argv in runs:
            result = ready(*argv, "--out", out)
            assert result.code == 0, result
            assert (out.stat().st_mode & 0o777) == 0o600, out.name
    finally:
        os.umask(old)


@pytest.mark.parametrize("argv, message", [
    (["B07A-261126-0099-{check}"], "no complaint with receipt number"),
    (["{mistyped}"], "check character does not match"),
    (["{number}", "--layout", "roll80", "--copy", "office"], "office copy"),
], ids=["unknown", "mistyped", "office-on-roll"])
def test_a_receipt_that_cannot_be_printed_is_one_line_and_exit_2(ready, tmp_path, argv,
                                                                 message):
    from datetime import date

    from fieldbus.domain.receipt_numbers import format_receipt_no

    number = ready.add("complaint-01.json").out.strip()
    values = {"check": format_receipt_no("B07A", date(2026, 11, 26), 99)[-1],
              "mistyped": number[:-1] + ("A" if number[-1] != "A" else "B"), "number": number}
    before = _audit_count(ready)
    out = tmp_path / "never.pdf"
    result = ready("receipt", *[a.format(**values) for a in argv], "--out", out)
    assert result.code == 2, result
    assert len(result.err_lines) == 1 and message in result.err_lines[0], result
    assert not out.exists() and _audit_count(ready) == before


@pytest.mark.parametrize("where", ["missing-folder/r.pdf", "a-file/r.pdf", "."],
                         ids=["no-folder", "under-a-file", "a-folder"])
def test_an_unwritable_output_is_one_line_exit_2_and_nothing_changes(ready, tmp_path, where):
    number = ready.add("complaint-01.json").out.strip()
    (tmp_path / "a-file").write_text("not a folder")
    before = _audit_count(ready)
    out = tmp_path / where

    result = ready("receipt", number, "--out", out)
    assert result.code == 2, result
    assert len(result.err_lines) == 1 and "cannot write" in result.err_lines[0], result
    assert _audit_count(ready) == before
    ok = ready("receipt", number, "--out", tmp_path / "ok.pdf")
    assert "reissue" not in ok.out  # the failed print was not counted


def test_characters_no_font_has_are_reported(ready, tmp_path):
    number = ready.add({**sample("complaint-01.json"), "title": "길 고쳐 주세요 🚧",
                        "body": "🚧 공사 표지판 🚧 😀"}).out.strip()
    result = ready("receipt", number, "--out", tmp_path / "r.pdf")
    assert result.code == 0, result
    assert result.err_lines == ["warning: 4 character(s) that no receipt font has were printed "
                                "as their code: U+1F6A7 CONSTRUCTION SIGN, U+1F600 GRINNING FACE"]


def test_counsel_receipt_prints_the_confirmation(ready, tmp_path, samples_dir):
    number = ready("counsel", "add", samples_dir / "counsel-01.json").out_lines[0]
    out = tmp_path / "counsel.pdf"
    result = ready("counsel", "receipt", number, "--out", out, "--layout", "roll80")
    assert result.code == 0, result
    text = squashed(pdf_text(out.read_bytes()))
    assert "2026-12-21" in text and "처분사유서미수령" not in text

    unknown = ready("counsel", "receipt", "no-such-session", "--out", out)
    assert unknown.code == 2 and len(unknown.err_lines) == 1, unknown


def test_handler_set_and_show(ready, tmp_path):
    assert ready("handler", "show").out_lines == ["국민권익위원회 이동신문고 · 110"]
    result = ready("handler", "set", "--name", "박담당", "--phone", "044-200-7151")
    assert result.code == 0, result
    assert result.out_lines == ["국민권익위원회 이동신문고 · 박담당 · 044-200-7151"]
    number = ready.add("complaint-01.json").out.strip()
    ready("receipt", number, "--out", tmp_path / "r.pdf")
    assert "박담당·☎044-200-7151" in squashed(pdf_text((tmp_path / "r.pdf").read_bytes()))

    bad = ready("handler", "set", "--phone", "call me")
    assert bad.code == 2 and bad.err_lines == ["error: phone: not a valid Korean phone number"]
    none = ready("handler", "set")
    assert none.code == 2 and len(none.err_lines) == 1

"""Every character of the citizen's text appears as itself, in a font that has it, or
visibly as its code and reported; long text wraps and never leaves the page."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import ImageChops
from pypdf import PdfReader

from fieldbus.receipts.fonts import FALLBACK, fonts
from fieldbus.receipts.layout import ROLL_BODY_CHARS
from tests.conftest import sample
from tests.receipts.conftest import DPI, font_names, pages_as_images, pdf_text, squashed


def _person(name: str) -> dict:
    return {**sample("complaint-01.json")["petitioner"], "name": name}


def _margins_blank(image, margin_mm: float, dpi: int = DPI) -> bool:
    """Nothing drawn in the outer ``margin_mm`` of the page (left, right, top, bottom)."""
    edge = round(margin_mm / 25.4 * dpi)
    width, height = image.size
    for box in ((0, 0, edge, height), (width - edge, 0, width, height),
                (0, 0, width, edge), (0, height - edge, width, height)):
        if ImageChops.invert(image.crop(box)).getbbox() is not None:
            return False
    return True


def test_hanja_and_rare_hangul_print_as_themselves(printer):
    number = printer.add(title="똠방각하 햏 쀍 — 金永洙 관련", petitioner=_person("金永洙"))
    printed, office = printer.complaint(number, copy="office")
    text = squashed(pdf_text(office))
    assert "똠방각하햏쀍—金永洙관련" in text and "金永洙" in text.replace("金永洙관련", "")
    assert printed.substituted == ()
    assert not any(FALLBACK in name for name in font_names(office))

    _, citizen = printer.complaint(number)
    assert "金*洙" in squashed(pdf_text(citizen))


def test_letters_nanum_lacks_come_from_the_fallback_font(printer):
    number = printer.add(petitioner=_person("Nguyễn Thị Hương"), title="Trần Văn Đức 민원")
    printed, pdf = printer.complaint(number, copy="office")
    text = squashed(pdf_text(pdf))  # pypdf starts a new line at each change of font
    assert "NguyễnThịHương" in text and "TrầnVănĐức" in text
    assert printed.substituted == ()
    assert any(FALLBACK in name for name in font_names(pdf))


def test_a_character_no_font_has_is_printed_as_its_code_and_reported(printer):
    family = "\U0001F468\u200d\U0001F469\u200d\U0001F467"
    number = printer.add(title="도로 파손 🚧 신고", body=f"가족 {family} 모두 불편 ☎️")
    printed, pdf = printer.complaint(number)
    text = pdf_text(pdf)
    assert "[U+1F6A7]" in text
    assert "[U+1F468]" in text and "[U+1F469]" in text and "[U+1F467]" in text
    assert "U+200D" not in text  # the joiners are in Noto Sans (with no width)
    assert "☎" in text and "U+FE0F" not in text  # the font has ☎; the selector has no form
    assert printed.substituted == ("🚧", "\U0001F468", "\U0001F469", "\U0001F467")


@given(st.text(max_size=40))
def test_every_piece_is_drawn_in_a_font_that_has_it(text):
    covered = fonts().covered
    missing: list[str] = []
    pieces = fonts().pieces(text, bold=False, missing=missing)
    rebuilt = []
    unmatched = iter(missing)
    for piece in pieces:
        if piece.code:
            ch = next(unmatched)
            assert piece.text == f"[U+{ord(ch):04X}]"
            rebuilt.append(ch)
        else:
            assert all(ord(ch) in covered[piece.font] for ch in piece.text)
            rebuilt.append(piece.text)
    shown = "".join(rebuilt)
    # Only characters no font draws and that have no visible form are left out.
    assert [ch for ch in text if ch not in shown] == [
        ch for ch in text if not any(ord(ch) in c for c in covered.values())
        and ch not in missing]


@pytest.mark.parametrize("name, masked", [("김", "*"), ("김" + "가" * 48 + "수", "김" + "*" * 48 + "수")],
                         ids=["one", "fifty"])
def test_names_of_one_character_or_fifty(printer, tmp_path, name, masked):
    number = printer.add(petitioner=_person(name))
    _, citizen = printer.complaint(number, layout="roll80")
    assert masked in squashed(pdf_text(citizen))
    _, office = printer.complaint(number, copy="office")
    assert name in squashed(pdf_text(office))
    assert all(_margins_blank(page, 3, 100) for page in pages_as_images(citizen, tmp_path, 100))
    assert all(_margins_blank(page, 10, 100) for page in pages_as_images(office, tmp_path, 100))


def test_a_long_title_and_body_continue_on_further_a4_pages(printer, tmp_path):
    title = "진입로" * 66 + "끝끝"  # 200 characters, no space to break at
    body = "\n".join(f"{i:04d}번째 줄: 마을 진입로가 비만 오면 진흙탕이 됩니다." for i in range(580))
    assert 19_000 < len(body) <= 20_000
    printed, pdf = printer.complaint(printer.add(title=title, body=body))
    text = squashed(pdf_text(pdf))

    assert printed.pages > 3
    # Nothing dropped or cut. pypdf reads the label column between the title's lines, and
    # each page's footer between the body's.
    assert squashed(title) in text.replace("Subject", "")
    positions = [text.index(squashed(line)) for line in body.splitlines()]
    assert positions == sorted(positions)
    for page in range(1, printed.pages + 1):
        assert f"{page}/{printed.pages}쪽" in text
    assert all(_margins_blank(page, 10, dpi=72) for page in pages_as_images(pdf, tmp_path, 72))


def test_the_roll_cuts_a_long_body_with_an_ellipsis_and_says_how_much(printer, tmp_path):
    body = "가나다라마바사아자차카타파하 " * 200
    printed, pdf = printer.complaint(printer.add(title="긴 " * 99 + "제목", body=body),
                                     layout="roll80")
    text = squashed(pdf_text(pdf))
    shown = body[:ROLL_BODY_CHARS].rstrip()
    assert squashed(shown) + "…" in text and squashed(body[:ROLL_BODY_CHARS + 20]) not in text
    assert f"본문{ROLL_BODY_CHARS}자/전체{len(body.strip()):,}자" in text
    assert squashed("긴 " * 99 + "제목") in text
    assert printed.pages == 1 and len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert _margins_blank(pages_as_images(pdf, tmp_path)[0], 3)

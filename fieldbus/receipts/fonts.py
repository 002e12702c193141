"""The fonts receipts are printed in, and what happens to a character none of them has.

* **NanumGothic** (regular and bold, SIL OFL 1.1, from Debian's ``fonts-nanum``): every
  one of the 11,172 Hangul syllables (똠, 햏, 쀍 included), the 4,888 Hanja of KS X 1001
  (金永洙), Latin-1 and the symbols a receipt uses.
* **Noto Sans** (regular, SIL OFL 1.1, from Debian's ``fonts-noto-core``) for letters
  NanumGothic lacks: the Vietnamese, extended Latin, Greek and Cyrillic in the names of
  foreign residents (Nguyễn Thị Hương, Trần Văn Đức). 0.5 MB; a CJK fallback for rarer
  Hanja would be a 20–30 MB TrueType font (the Noto CJK fonts are CFF, which reportlab
  cannot embed), so those are handled like emoji below.

Every character is looked up in the fonts' character maps before it is drawn. One that
no font has (emoji, Hanja outside KS X 1001, Thai, old Hangul jamo) is printed visibly as
its code point, ``[U+1F600]``, in the main font, and reported to the caller — never as an
empty box and never dropped. The only characters left out are default-ignorable ones no
font draws (variation selectors, zero-width joiners, direction marks): they have no
visible form in any renderer.

Fonts are registered with reportlab once per process (:func:`fonts` is cached: loading
them costs about 0.1 s); reportlab embeds only the glyphs a document uses.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from sync.resources import resource_path

REGULAR = "NanumGothic"
BOLD = "NanumGothic-Bold"
FALLBACK = "NotoSans"
_FILES = {REGULAR: "NanumGothic.ttf", BOLD: "NanumGothicBold.ttf",
          FALLBACK: "NotoSans-Regular.ttf"}


@dataclass(frozen=True)
class Piece:
    """Consecutive characters drawn in one font; ``code`` marks the ``[U+…]`` standing for
    one character no font has, which is never broken across lines."""

    text: str
    font: str
    code: bool = False


@dataclass(frozen=True)
class Fonts:
    covered: dict[str, frozenset[int]]

    def pieces(self, text: str, *, bold: bool, missing: list[str]) -> list[Piece]:
        """``text`` split by the font that draws each character; a character no font has
        becomes a ``[U+XXXX]`` piece and is appended to ``missing``."""
        main = BOLD if bold else REGULAR
        if all(ord(ch) in self.covered[main] for ch in text):  # nearly always
            return [Piece(text, main)] if text else []
        pieces: list[Piece] = []
        for ch in text:
            point = ord(ch)
            font = main if point in self.covered[main] else \
                FALLBACK if point in self.covered[FALLBACK] else None
            if font is None:
                if not _ignorable(ch):
                    missing.append(ch)
                    pieces.append(Piece(f"[U+{point:04X}]", main, code=True))
            elif pieces and pieces[-1].font == font and not pieces[-1].code:
                pieces[-1] = Piece(pieces[-1].text + ch, font)
            else:
                pieces.append(Piece(ch, font))
        return pieces


def _ignorable(ch: str) -> bool:
    point = ord(ch)
    return (unicodedata.category(ch) == "Cf" or 0xFE00 <= point <= 0xFE0F
            or 0xE0100 <= point <= 0xE01EF)


@cache
def fonts() -> Fonts:
    """Register the receipt fonts with reportlab (once per process) and read their maps."""
    covered = {}
    for name, filename in _FILES.items():
        font = TTFont(name, str(resource_path("fonts", filename)))
        pdfmetrics.registerFont(font)
        covered[name] = frozenset(font.face.charToGlyph)
    return Fonts(covered=covered)

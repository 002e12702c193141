"""Putting a :class:`~fieldbus.receipts.documents.Document` on paper: A4 or an 80 mm roll.

Text is broken into lines here (between words, and inside a word only when it is wider
than the line), in the fonts that have each character (:mod:`fieldbus.receipts.fonts`).
Every item becomes blocks of known height. On A4 the blocks fill pages top to bottom and
a long body continues on further pages, each page footed with the number, the copy and
"page n of N". On the roll the page is 80 mm wide and as long as its content, and the
body is cut after :data:`ROLL_BODY_CHARS` characters with "…" and a note of how much is
on the A4 receipt. Nothing is drawn outside the page. No text is smaller than
:data:`MIN_SIZE` (7 pt) on either paper: the small print (legal bases, the English beside
a label, the footer) is read by elderly citizens too.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from reportlab.graphics.barcode.qr import QrCode
from reportlab.lib.colors import Color, black
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from fieldbus.receipts import labels as L
from fieldbus.receipts.documents import (
    Banner,
    Body,
    Document,
    Field,
    FollowUp,
    Heading,
    Item,
    Note,
    Signature,
)
from fieldbus.receipts.fonts import BOLD, REGULAR, Fonts, fonts
from fieldbus.receipts.labels import say

LAYOUTS = ("a4", "roll80")
ROLL_BODY_CHARS = 300
MIN_SIZE = 7.0  # pt: the smallest text on any receipt (issue 12)
GREY = Color(0.3, 0.3, 0.3)
WATERMARK = Color(0.82, 0.82, 0.82)


@dataclass(frozen=True)
class Style:
    size: float
    bold: bool = False
    color: Color = black
    leading: float = 1.4

    @property
    def height(self) -> float:
        return self.size * self.leading


@dataclass(frozen=True)
class Run:
    text: str
    font: str
    width: float
    code: bool = False  # a [U+…] substitution: never broken


Line = list[Run]


@dataclass(frozen=True)
class Block:
    """Something of known height, drawn with its top-left corner at (x, y); ``ascent`` is
    the distance from the top to a line of text's baseline (blocks side by side in a
    row are aligned on it)."""

    height: float
    draw: Callable[[Canvas, float, float], None]
    ascent: float = 0.0
    keep: bool = False  # on the same page as the block after it (headings)


@dataclass(frozen=True)
class Paper:
    width: float
    margin: float          # left and right
    top: float
    bottom: float          # below the footer on A4
    label_width: float     # 0: the label stands above its value (roll)
    title: Style
    value: Style
    strong: Style
    label: Style
    label_en: Style
    note: Style
    qr: float
    height: float = 0.0    # 0: as long as the content (roll)

    @property
    def inner(self) -> float:
        return self.width - 2 * self.margin


PAPERS = {
    "a4": Paper(width=A4[0], height=A4[1], margin=18 * mm, top=16 * mm, bottom=20 * mm,
                label_width=40 * mm, title=Style(20, bold=True), value=Style(11, leading=1.3),
                strong=Style(16, bold=True), label=Style(10, bold=True),
                label_en=Style(7.5, color=GREY, leading=1.3), note=Style(8, color=GREY),
                qr=34 * mm),
    "roll80": Paper(width=80 * mm, margin=4 * mm, top=4 * mm, bottom=6 * mm, label_width=0,
                    title=Style(14, bold=True), value=Style(9.5), strong=Style(13, bold=True),
                    label=Style(8, bold=True, leading=1.3),
                    label_en=Style(7, color=GREY, leading=1.3),
                    note=Style(7, color=GREY, leading=1.35), qr=36 * mm),
}


@dataclass
class Rendered:
    pdf: bytes
    pages: int
    substituted: list[str] = field(default_factory=list)  # characters printed as [U+…]


class _Typesetter:
    def __init__(self, fonts: Fonts) -> None:
        self.fonts = fonts
        self.missing: list[str] = []

    def lines(self, text: str, style: Style, width: float) -> list[Line]:
        """``text`` broken into lines no wider than ``width``; "\\n" starts a new line."""
        out: list[Line] = []
        space = stringWidth(" ", REGULAR, style.size)
        for paragraph in text.split("\n"):
            line: Line = []
            used = 0.0
            for word in paragraph.split():
                runs = [Run(p.text, p.font, stringWidth(p.text, p.font, style.size), p.code)
                        for p in self.fonts.pieces(word, bold=style.bold, missing=self.missing)]
                wide = sum(r.width for r in runs)
                gap = space if line else 0.0
                if used + gap + wide <= width:
                    if gap:
                        line.append(Run(" ", REGULAR, gap))
                    line += runs
                    used += gap + wide
                    continue
                if line:
                    out.append(line)
                    line, used = [], 0.0
                if wide <= width:
                    line, used = runs, wide
                    continue
                for run in runs:  # a word wider than the line: break between characters
                    parts = [run] if run.code else [
                        Run(ch, run.font, stringWidth(ch, run.font, style.size))
                        for ch in run.text]
                    for part in parts:
                        if line and used + part.width > width:
                            out.append(line)
                            line, used = [], 0.0
                        line.append(part)
                        used += part.width
            out.append(line)
        return [_merge(line) for line in out]


def _merge(line: Line) -> Line:
    merged: Line = []
    for run in line:
        if merged and merged[-1].font == run.font:
            merged[-1] = Run(merged[-1].text + run.text, run.font, merged[-1].width + run.width)
        else:
            merged.append(run)
    return merged


def _ascent(style: Style) -> float:
    return style.size * (0.8 + (style.leading - 1) / 2)


def _width(line: Line) -> float:
    return sum(run.width for run in line)


def _draw_line(canvas: Canvas, line: Line, style: Style, x: float, baseline: float) -> None:
    canvas.setFillColor(style.color)
    for run in line:
        canvas.setFont(run.font, style.size)
        canvas.drawString(x, baseline, run.text)
        x += run.width


def _line_block(line: Line, style: Style, x_offset: float = 0.0) -> Block:
    return Block(style.height,
                 lambda c, x, y: _draw_line(c, line, style, x + x_offset, y - _ascent(style)),
                 ascent=_ascent(style))


def _stack(blocks: list[Block]) -> Block:
    """Blocks one under the other, as one block."""

    def draw(c: Canvas, x: float, y: float) -> None:
        for block in blocks:
            block.draw(c, x, y)
            y -= block.height
    return Block(sum(b.height for b in blocks), draw)


def _row(blocks: list[Block]) -> Block:
    """Blocks side by side (each knows its own x offset), aligned on their baselines."""
    ascent = max(b.ascent for b in blocks)

    def draw(c: Canvas, x: float, y: float) -> None:
        for block in blocks:
            block.draw(c, x, y - (ascent - block.ascent))
    return Block(max(b.height + ascent - b.ascent for b in blocks), draw, ascent)


def _gap(height: float) -> Block:
    return Block(height, lambda c, x, y: None)


class _Composer:
    """Turns items into blocks for one paper."""

    def __init__(self, paper: Paper, setter: _Typesetter) -> None:
        self.paper = paper
        self.setter = setter

    def text(self, text: str, style: Style, width: float | None = None,
             x_offset: float = 0.0) -> list[Block]:
        return [_line_block(line, style, x_offset)
                for line in self.setter.lines(text, style, width or self.paper.inner)]

    def title(self, doc: Document) -> list[Block]:
        """The document's name, and which copy it is (at the right when there is room)."""
        p = self.paper
        title = self.setter.lines(doc.title[0], p.title, p.inner)
        copy = self.setter.lines(say(doc.copy), p.label, p.inner)
        head = [_line_block(line, p.title) for line in title]
        tail = [_line_block(line, p.label) for line in copy]
        if len(title) == 1 and len(copy) == 1 and _width(title[0]) + 12 + _width(copy[0]) <= p.inner:
            head = [_row([head[0], _line_block(copy[0], p.label, p.inner - _width(copy[0]))])]
            tail = []
        return [*head, *self.text(doc.title[1], p.label_en), *tail, _gap(2), self.rule()]

    def rule(self, weight: float = 0.6) -> Block:
        def draw(c: Canvas, x: float, y: float) -> None:
            c.setLineWidth(weight)
            c.setStrokeColor(black)
            c.line(x, y - 1.5, x + self.paper.inner, y - 1.5)
        return Block(5, draw)

    def label(self, label: L.Label, width: float, x_offset: float = 0.0) -> list[Block]:
        """Korean in bold and English in grey: on one line when they fit, else stacked."""
        p = self.paper
        ko = self.setter.lines(label[0], p.label, width)
        en = self.setter.lines(label[1], p.label_en, width)
        if len(ko) == 1 and len(en) == 1 and _width(ko[0]) + 4 + _width(en[0]) <= width:
            shift = _width(ko[0]) + 4
            return [_row([_line_block(ko[0], p.label, x_offset),
                          _line_block(en[0], p.label_en, x_offset + shift)])]
        return [*[_line_block(line, p.label, x_offset) for line in ko],
                *[_line_block(line, p.label_en, x_offset) for line in en]]

    def field(self, item: Field) -> list[Block]:
        p = self.paper
        style = p.strong if item.strong else p.value
        notes = self.text(item.note, p.note, p.inner - p.label_width, p.label_width) \
            if item.note else []
        if not p.label_width:  # roll: the label above its value
            return [*self.label(item.label, p.inner), *self.text(item.value, style), *notes,
                    _gap(3)]
        # A4: the label in a column on the left; one block per row, so a page may break
        labels = self.label(item.label, p.label_width - 4)
        values = self.text(item.value, style, p.inner - p.label_width, p.label_width) + notes
        rows = [_row([b for b in (labels[i] if i < len(labels) else None,
                                  values[i] if i < len(values) else None) if b])
                for i in range(max(len(labels), len(values)))]
        return [*rows, _gap(3)]

    def heading(self, item: Heading) -> list[Block]:
        blocks = [_gap(4), *self.text(say(item.label), self.paper.label), self.rule(0.3)]
        return [replace(block, keep=True) for block in blocks]

    def body(self, item: Body) -> list[Block]:
        text = item.text
        notes: list[Block] = []
        if not self.paper.height and len(text) > ROLL_BODY_CHARS:
            values = {"shown": ROLL_BODY_CHARS, "total": len(text)}
            notes = self.text(say((L.CONTINUED[0].format(**values),
                                   L.CONTINUED[1].format(**values))), self.paper.note)
            text = text[:ROLL_BODY_CHARS].rstrip() + "…"
        return [*self.text(text, self.paper.value), *notes, _gap(4)]

    def follow_up(self, item: FollowUp) -> list[Block]:
        p = self.paper
        note = self.text(item.note, p.note) + [_gap(3)] if item.note else []
        if item.qr is None:
            return [*self.text("\n".join(item.lines), p.value), *note, _gap(4)]
        if p.label_width:  # A4: the QR code on the left, the ways to follow on its right
            x_text = p.qr + 6 * mm
            side = self.text("\n".join(item.lines), p.value, p.inner - x_text, x_text)
            if item.note:  # the progress notice under the ways to follow, beside the code
                side += [_gap(3), *self.text(item.note, p.note, p.inner - x_text, x_text)]
            lines = _stack(side)

            def draw(c: Canvas, x: float, y: float) -> None:
                _draw_qr(c, item.qr, x, y, p.qr)
                lines.draw(c, x, y)
            return [Block(max(p.qr, lines.height), draw), _gap(4)]
        qr = Block(p.qr, lambda c, x, y: _draw_qr(c, item.qr, x + (p.inner - p.qr) / 2, y,
                                                  p.qr))
        return [qr, *self.text("\n".join(item.lines), p.value), _gap(2), *note, _gap(2)]

    def signature(self, item: Signature) -> list[Block]:
        p = self.paper
        if item.sealed:
            return self.text(say(L.SEALED), p.value)
        if item.png is None:
            return self.text(say(L.NOT_SIGNED), p.value)
        image = ImageReader(io.BytesIO(item.png))
        box = (70 * mm, 28 * mm)

        def draw(c: Canvas, x: float, y: float) -> None:
            c.drawImage(image, x, y - box[1], width=box[0], height=box[1],
                        preserveAspectRatio=True, anchor="sw", mask="auto")
        return [Block(box[1], draw)]

    def banner(self, item: Banner) -> list[Block]:
        """A boxed notice at the top (the reissue mark)."""
        p = self.paper
        first, *rest = item.lines
        lines = _stack([*self.text(first, p.strong, p.inner - 8, 4),
                        *[b for text in rest for b in self.text(text, p.value, p.inner - 8, 4)]])
        height = lines.height + 6

        def draw(c: Canvas, x: float, y: float) -> None:
            c.setLineWidth(1.5)
            c.setStrokeColor(black)
            c.rect(x, y - height, p.inner, height)
            lines.draw(c, x, y - 3)
        return [Block(height, draw), _gap(6)]

    def item(self, item: Item) -> list[Block]:
        match item:
            case Field():
                return self.field(item)
            case Heading():
                return self.heading(item)
            case Note():
                return [*self.text(item.text, self.paper.note), _gap(3)]
            case Body():
                return self.body(item)
            case FollowUp():
                return self.follow_up(item)
            case Signature():
                return self.signature(item)
            case Banner():
                return self.banner(item)
        raise TypeError(f"unknown receipt item {item!r}")


def _draw_qr(canvas: Canvas, payload: str, x: float, top: float, size: float) -> None:
    """reportlab's QR code (error correction M, 4-module quiet zone), drawn straight on the
    canvas: its graphics widget encodes twice and builds a shape per run of modules, three
    times slower."""
    QrCode(payload, width=size, height=size, qrLevel="M").drawOn(canvas, x, top - size)


def render(doc: Document, layout: str) -> Rendered:
    """The document as PDF bytes on ``layout`` (``a4`` or ``roll80``)."""
    paper = PAPERS[layout]
    setter = _Typesetter(fonts())
    composer = _Composer(paper, setter)
    blocks = composer.title(doc)
    for item in doc.items:
        blocks += composer.item(item)

    buffer = io.BytesIO()
    if paper.height:
        pages = _paginate(blocks, paper.height - paper.top - paper.bottom)
        size = (paper.width, paper.height)
    else:
        pages = [blocks]
        size = (paper.width, paper.top + sum(b.height for b in blocks) + paper.bottom)
    canvas = Canvas(buffer, pagesize=size, pageCompression=1)
    canvas.setTitle(f"{doc.title[0]} {doc.number}")
    for number, page in enumerate(pages, start=1):
        if doc.training:
            _watermark(canvas, size)
        _stack(page).draw(canvas, paper.margin, size[1] - paper.top)
        if paper.height:
            _footer(canvas, composer, doc, paper, number, len(pages))
        canvas.showPage()
    canvas.save()
    return Rendered(pdf=buffer.getvalue(), pages=len(pages), substituted=setter.missing)


def _watermark(canvas: Canvas, size: tuple[float, float]) -> None:
    """교육용 TRAINING across the page, under the content, every 120 mm down a long roll: a
    training document cut or photocopied still says what it is."""
    text = " ".join(L.TRAINING)
    font_size = size[0] / 11
    canvas.saveState()
    canvas.setFillColor(WATERMARK)
    canvas.setFont(BOLD, font_size)
    step = 120 * mm
    y = size[1] - min(size[1], step) / 2
    while y > 0:
        canvas.saveState()
        canvas.translate(size[0] / 2, y)
        canvas.rotate(30)
        canvas.drawCentredString(0, -font_size / 3, text)
        canvas.restoreState()
        y -= step
    canvas.restoreState()


def _paginate(blocks: list[Block], room: float) -> list[list[Block]]:
    pages: list[list[Block]] = [[]]
    used = 0.0
    unit: list[Block] = []  # blocks that go on one page: kept ones and the one after
    for block in blocks:
        unit.append(block)
        if block.keep:
            continue
        height = sum(b.height for b in unit)
        if pages[-1] and used + height > room:
            pages.append([])
            used = 0.0
        pages[-1] += unit
        used += height
        unit = []
    pages[-1] += unit
    return pages


def _footer(canvas: Canvas, composer: _Composer, doc: Document, paper: Paper, page: int,
            pages: int) -> None:
    values = {"page": page, "pages": pages}
    parts = [doc.number, say(doc.copy)]
    if doc.training:
        parts.insert(0, " ".join(L.TRAINING))
    if doc.reissued:
        parts.append(" ".join(L.REISSUE))
    parts.append(say((L.PAGE[0].format(**values), L.PAGE[1].format(**values))))
    top = paper.bottom - 4 * mm
    canvas.setLineWidth(0.3)
    canvas.line(paper.margin, top + 2, paper.width - paper.margin, top + 2)
    _stack(composer.text(" · ".join(parts), paper.note)).draw(canvas, paper.margin, top)

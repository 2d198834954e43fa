"""The share image (og:image): the article's title large, its place above and by-line below, in
the site's colours. Social cards need the title; the site's own covers (cover_art.py) do not."""

import io
from functools import cache
from pathlib import Path

from PIL import Image as Canvas
from PIL import ImageDraw, ImageFont

from .meta import COVER_SIZE

SIZE = COVER_SIZE
MARGIN = 80
NIGHT, ACCENT, WHITE, MUTED = "#0f2a44", "#0b57a4", "#f5f8fc", "#c9d6e6"
FONT = Path(__file__).parent / "fonts" / "DejaVuSans-Bold.ttf"


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    """DejaVu Sans Bold, shipped with the app: the same covers on every machine, every glyph
    the articles use (dashes, quotes, Nordic letters)."""
    return ImageFont.truetype(str(FONT), size=size)


@cache
def _missing_glyph(size: int) -> bytes:
    """What the font draws for a character it lacks (its .notdef box)."""
    return bytes(_font(size).getmask("\ue000"))


def _drawable(text: str, size: int) -> str:
    """The text without characters the font lacks (emoji, CJK): never drawn as empty boxes."""
    font, missing = _font(size), _missing_glyph(size)
    kept = "".join(ch for ch in text if ch.isspace() or bytes(font.getmask(ch)) != missing)
    return " ".join(kept.split())


def _fit(text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """One line that fits `width`: as it is, or cut with an ellipsis."""
    if font.getlength(text) <= width:
        return text
    while text and font.getlength(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _break(word: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """A word longer than the line, in pieces that fit (a 255-letter title stays on the card)."""
    pieces = [""]
    for ch in word:
        if pieces[-1] and font.getlength(pieces[-1] + ch) > width:
            pieces.append("")
        pieces[-1] += ch
    return pieces


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy word wrap by measured width; a word longer than the line is broken."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        elif font.getlength(word) <= width:
            lines.append(word)
        else:
            lines.extend(_break(word, font, width))
    return lines


TITLE_SIZES = (64, 58, 52, 46, 40)
TEXT_WIDTH = SIZE[0] - 2 * MARGIN


def _title_lines(title: str) -> tuple[list[str], ImageFont.FreeTypeFont]:
    """The largest size at which the title fits in four lines across the card; at the smallest,
    the fourth line ends in an ellipsis."""
    for size in TITLE_SIZES:
        font = _font(size)
        lines = _wrap(_drawable(title, size), font, TEXT_WIDTH)
        if len(lines) <= 4:
            return lines, font
    return [*lines[:3], _fit(" ".join(lines[3:]), font, TEXT_WIDTH)], font


def layout(title: str, place: str, author: str, site_name: str) -> list[tuple[str, int]]:
    """Every line the cover draws, with its font size; each fits inside the margins."""
    small = _font(28)
    lines = [(_fit(_drawable(place.upper(), 28), small, TEXT_WIDTH), 28)] if place else []
    title_lines, font = _title_lines(title)
    lines += [(line, font.size) for line in title_lines]
    byline = f"By {author}" if author else ""
    footer = " · ".join(part for part in (byline, site_name) if part)
    return [*lines, (_fit(_drawable(footer, 28), small, TEXT_WIDTH), 28)]


def draw_cover(title: str, place: str, author: str, site_name: str) -> bytes:
    """A 1200×630 PNG: place above, the title large, the by-line and site name below."""
    canvas = Canvas.new("RGB", SIZE, NIGHT)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 0, 24, SIZE[1]), fill=ACCENT)
    draw.ellipse((SIZE[0] - 260, -220, SIZE[0] + 220, 260), fill="#12365a")
    *lines, (footer, _) = layout(title, place, author, site_name)
    top = MARGIN
    if place:
        (line, size), *lines = lines
        draw.text((MARGIN, top), line, font=_font(size), fill=MUTED)
        top += 70
    for line, size in lines:
        draw.text((MARGIN, top), line, font=_font(size), fill=WHITE)
        top += int(size * 1.18)
    draw.line((MARGIN, SIZE[1] - 120, SIZE[0] - MARGIN, SIZE[1] - 120), fill=ACCENT, width=3)
    draw.text((MARGIN, SIZE[1] - 95), footer, font=_font(28), fill=MUTED)
    out = io.BytesIO()
    canvas.save(out, format="PNG", optimize=True)
    return out.getvalue()

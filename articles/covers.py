"""Every article gets a cover and share image: the editor's feed image, or one drawn here from
the title, city and author in the site's colours, stored as a Wagtail image for renditions."""

import hashlib
import io
import logging
from datetime import timedelta
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from PIL import Image as Canvas
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Collection

from pagecache.invalidation import published
from pagecache.middleware import STALE_IF_ERROR

from .meta import COVER_SIZE, COVER_SPECS, OG_IMAGE_SPEC
from .pages import ArticlePage

logger = logging.getLogger(__name__)
SIZE = COVER_SIZE
MARGIN = 80
NIGHT, ACCENT, WHITE, MUTED = "#0f2a44", "#0b57a4", "#f5f8fc", "#c9d6e6"
DESIGN_VERSION = "1"  # bump to redraw every generated cover
COLLECTION_NAME = "Generated covers"
RETIRE_MARGIN_SECONDS = 3600  # beyond the edge's own lifetime, for CDN and browser copies
FONT = Path(__file__).parent / "fonts" / "DejaVuSans-Bold.ttf"


class GeneratedCover(models.Model):
    """The drawn cover of an article without a feed image; outside page revisions, so
    publishing an old revision never points the page at a deleted image."""

    page = models.OneToOneField(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="generated_cover"
    )
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=64, help_text=_("What it was drawn from, hashed."))

    def __str__(self) -> str:
        return f"Cover of {self.page_id}"


def cover_facts(page) -> tuple[str, str, str]:
    city = page.city
    place = ", ".join(part for part in (city.name, city.country) if part) if city else ""
    return page.title, place, page.author.name if page.author else ""


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


def cover_key(page) -> str:
    """What the cover is drawn from, hashed: a new key means a new drawing."""
    parts = (*cover_facts(page), settings.WAGTAIL_SITE_NAME, DESIGN_VERSION)
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def all_cover_filters() -> list[Filter]:
    specs = [spec for pattern in COVER_SPECS.values() for spec in Filter.expand_spec(pattern)]
    return [Filter(spec=spec) for spec in [*specs, OG_IMAGE_SPEC]]


def ensure_cover(page) -> bool:
    """Draw the page's cover if it has none or the title, city or author changed; True if it
    drew one. Its renditions are made before it is used, so no reader waits for an encoding."""
    facts, key = cover_facts(page), cover_key(page)
    current = GeneratedCover.objects.filter(page=page).select_related("image").first()
    if current and current.key == key:
        return False
    title, place, author = facts
    described = ", ".join(part for part in (place, f"by {author}" if author else "") if part)
    image = get_image_model()(
        title=f"Cover: {title}"[:255],
        description=f"“{title}”{f' ({described})' if described else ''}"[:255],
        collection=_collection(),
    )
    image.file = ImageFile(
        io.BytesIO(draw_cover(*facts, settings.WAGTAIL_SITE_NAME)),
        name=f"cover-{page.pk}-{key[:8]}.png",
    )
    image.save()
    image.get_renditions(*all_cover_filters())
    with transaction.atomic():
        GeneratedCover.objects.update_or_create(page=page, defaults={"image": image, "key": key})
        if current:
            retire_later(current.image_id)
    logger.info("Drew the cover of %s", page.title)
    return True


def draw_and_show(page) -> bool:
    """Draw the cover if needed, then refresh the cached pages that show the article."""
    if not ensure_cover(page):
        return False
    published(instance=page)  # its page, every card of it and every listing
    return True


@task(backend="background")
def draw_cover_later(page_id: int) -> str:
    """Drawing and encoding take a second or two of CPU: the worker does it, not the publish."""
    page = ArticlePage.objects.live().select_related("author", "city").filter(pk=page_id).first()
    if page is None or page.feed_image_id:
        return "nothing to draw"
    return "drawn" if draw_and_show(page) else "already up to date"


def retire_after_seconds() -> int:
    return settings.PAGE_CACHE_SECONDS + STALE_IF_ERROR + RETIRE_MARGIN_SECONDS


def retire_later(image_id: int) -> None:
    """Pages cached a moment ago (and a CDN's copies) may still name a replaced drawing: it goes
    once they have all expired."""
    later = timezone.now() + timedelta(seconds=retire_after_seconds())
    retire_cover.using(run_after=later).enqueue(image_id)


@task(backend="background")
def retire_cover(image_id: int) -> str:
    """Delete a replaced drawing (its file and renditions) unless it is a cover again."""
    if GeneratedCover.objects.filter(image_id=image_id).exists():
        return "still in use"
    deleted, _ = get_image_model().objects.filter(pk=image_id).delete()
    return "deleted" if deleted else "already gone"


def cover_deleted(sender=None, instance=None, **kwargs) -> None:
    """post_delete: an article deleted (or its cover record) leaves no orphaned drawing."""
    transaction.on_commit(lambda: retire_later(instance.image_id), robust=True)


def draw_on_publish(sender=None, instance=None, **kwargs) -> None:
    """page_published of an ArticlePage: one without the editor's own image whose title, city or
    author changed gets its cover drawn by the worker (queued with the publish, in its
    transaction)."""
    if instance.feed_image_id:
        return
    if not GeneratedCover.objects.filter(page=instance, key=cover_key(instance)).exists():
        draw_cover_later.enqueue(instance.pk)


def _collection() -> Collection:
    root = Collection.get_first_root_node()
    found = root.get_children().filter(name=COLLECTION_NAME).first()
    return found or root.add_child(name=COLLECTION_NAME)

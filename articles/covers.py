"""Every article gets a cover and a share image: the editor's feed image, or two drawn here and
stored as Wagtail images: the site's cover, without words, in the city's palette and the topic's
motif (cover_art.py), and the share image with the title, place and by-line (share_card.py)."""

import hashlib
import io
import logging
from datetime import timedelta
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.files.images import ImageFile
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import Collection

from pagecache.invalidation import published
from pagecache.middleware import STALE_IF_ERROR

from . import images
from .cover_art import draw_artwork
from .meta import COVER_SIZE, COVER_SPECS, OG_IMAGE_SPEC
from .pages import ArticlePage
from .share_card import draw_cover

logger = logging.getLogger(__name__)
DESIGN_VERSION = "2"  # bump to redraw every generated cover
COLLECTION_NAME = "Generated covers"
RETIRE_MARGIN_SECONDS = 3600  # beyond the edge's own lifetime, for CDN and browser copies


class GeneratedCover(models.Model):
    """The drawn cover of an article without a feed image; outside page revisions, so
    publishing an old revision never points the page at a deleted image."""

    page = models.OneToOneField(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="generated_cover"
    )
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    share_image = models.ForeignKey(
        "wagtailimages.Image", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The share image's 1200×630 rendition, made with it: og:image needs no join or query.
    share_url = models.CharField(max_length=500, blank=True)
    key = models.CharField(max_length=64, help_text=_("What it was drawn from, hashed."))

    def __str__(self) -> str:
        return f"Cover of {self.page_id}"


class DrawnShare(NamedTuple):
    """The drawn share image as og:image reads a rendition."""

    url: str
    width: int
    height: int
    image: None = None


def cover_facts(page) -> tuple[str, str, str]:
    city = page.city
    place = ", ".join(part for part in (city.name, city.country) if part) if city else ""
    return page.title, place, page.author.name if page.author else ""


def art_facts(page) -> tuple[str, str, str]:
    """The city and topic the cover's palette and motif come from, and its own seed."""
    topics = sorted(page.topics.names()) if page.pk else []
    return (page.city.slug if page.city else "", topics[0] if topics else "", page.slug)


def cover_key(page) -> str:
    """What the cover is drawn from, hashed: a new key means a new drawing."""
    parts = (*cover_facts(page), *art_facts(page), settings.WAGTAIL_SITE_NAME, DESIGN_VERSION)
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def all_cover_filters() -> list[Filter]:
    specs = [spec for pattern in COVER_SPECS.values() for spec in Filter.expand_spec(pattern)]
    return [Filter(spec=spec) for spec in [*specs, OG_IMAGE_SPEC]]


def stored(page, kind: str, drawing: bytes, title: str, key: str):
    described = ", ".join(part for part in cover_facts(page)[1:] if part)
    image = get_image_model()(
        title=f"{kind}: {title}"[:255],
        description=f"“{title}”{f' ({described})' if described else ''}"[:255],
        collection=_collection(),
    )
    image.file = ImageFile(io.BytesIO(drawing), name=f"{kind.lower()}-{page.pk}-{key[:8]}.png")
    image.save()
    image.get_renditions(*all_cover_filters())
    return image


def ensure_cover(page) -> bool:
    """Draw the page's cover and share image if it has none or what they show changed; True if
    it drew. Their renditions are made first, so no reader waits for an encoding."""
    key = cover_key(page)
    current = GeneratedCover.objects.filter(page=page).first()
    if current and current.key == key:
        return False
    title = page.title
    art = stored(page, "Cover", draw_artwork(*art_facts(page)), title, key)
    share = stored(
        page, "Share", draw_cover(*cover_facts(page), settings.WAGTAIL_SITE_NAME), title, key
    )
    share_url = share.get_rendition(OG_IMAGE_SPEC).url
    with transaction.atomic():
        GeneratedCover.objects.update_or_create(page=page, defaults={
            "image": art, "share_image": share, "share_url": share_url, "key": key
        })  # fmt: skip
        if current:
            retire_later(current.image_id, current.share_image_id)
    logger.info("Drew the cover of %s", page.title)
    return True


def share_of(article, environ: dict | None = None):
    """The og:image: the editor's image's rendition, else the drawn share image (no query)."""
    if article.feed_image_id:
        return images.rendition(article.feed_image, OG_IMAGE_SPEC, environ)
    try:
        drawn = article.generated_cover
    except ObjectDoesNotExist:
        return None
    return DrawnShare(drawn.share_url, *COVER_SIZE) if drawn.share_url else None


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


def retire_later(*image_ids: int | None) -> None:
    """Pages cached a moment ago (and a CDN's copies) may still name a replaced drawing: it goes
    once they have all expired."""
    later = timezone.now() + timedelta(seconds=retire_after_seconds())
    for image_id in filter(None, image_ids):
        retire_cover.using(run_after=later).enqueue(image_id)


@task(backend="background")
def retire_cover(image_id: int) -> str:
    """Delete a replaced drawing (its file and renditions) unless it is a cover again."""
    if GeneratedCover.objects.filter(Q(image_id=image_id) | Q(share_image_id=image_id)).exists():
        return "still in use"
    deleted, _ = get_image_model().objects.filter(pk=image_id).delete()
    return "deleted" if deleted else "already gone"


def cover_deleted(sender=None, instance=None, **kwargs) -> None:
    """post_delete: an article deleted (or its cover record) leaves no orphaned drawing."""
    drawn = (instance.image_id, instance.share_image_id)
    transaction.on_commit(lambda: retire_later(*drawn), robust=True)


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

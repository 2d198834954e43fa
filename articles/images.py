"""Images never hold up a page: the renditions of a large original are made by the worker.

Decoding an original costs memory and time in proportion to its pixels (a 40-megapixel PNG:
about 300 MB and 3 s of CPU for the site's renditions), so a page never makes renditions of an
original over IMAGE_INLINE_MAX_PIXELS itself: it uses those already made, or shows the page
without the image (not kept by the page cache) and asks the worker to make them. Uploads are
capped at IMAGE_MAX_MEGAPIXELS (WAGTAILIMAGES_MAX_IMAGE_PIXELS), what the worker renders in its
memory.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage, AbstractRendition, Filter

from pagecache.middleware import dont_keep

from .meta import COVER_SPECS, OG_IMAGE_SPEC

FIGURE_SPEC = "format-{avif,webp,jpeg} width-1200"  # a body image (blocks/figure.html)
AVATAR_SPECS = {"small": "fill-80x80|format-webp", "large": "fill-240x240|format-webp"}
ADMIN_SPECS = ("max-165x165", "max-800x600")  # Wagtail's own listing and edit views
ASKED_SECONDS = 300  # one request for the worker per image in that time


def site_filters() -> list[Filter]:
    """Every rendition the site shows of an image."""
    patterns = [*COVER_SPECS.values(), OG_IMAGE_SPEC, FIGURE_SPEC, *AVATAR_SPECS.values()]
    specs = [spec for pattern in patterns for spec in Filter.expand_spec(pattern)]
    return [Filter(spec=spec) for spec in dict.fromkeys([*specs, *ADMIN_SPECS])]


def is_large(image: AbstractImage) -> bool:
    return (image.width or 0) * (image.height or 0) > settings.IMAGE_INLINE_MAX_PIXELS


def renditions(
    image: AbstractImage, specs: Iterable[str], environ: dict | None = None
) -> dict[str, AbstractRendition] | None:
    """The renditions for `specs`; for a large original only if all were made already (else
    None: the worker is asked, and this response is not kept by the edge)."""
    filters = [Filter(spec=spec) for spec in specs]
    if not is_large(image):
        return image.get_renditions(*filters)
    found = image.find_existing_renditions(*filters)
    if len(found) == len(filters):
        return {f.spec: found[f] for f in filters}
    dont_keep(environ)
    if cache.add(f"renditions-asked:{image.pk}", 1, timeout=ASKED_SECONDS):
        make_renditions.enqueue(image.pk)
    return None


def rendition(image: AbstractImage, spec: str, environ: dict | None = None):
    """One rendition, as `renditions` makes it (or None)."""
    made = renditions(image, [spec], environ)
    return made[spec] if made else None


@task(backend="background")
def make_renditions(image_id: int) -> str:
    """The worker decodes the original once and makes every rendition the site shows."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return "image gone"
    image.get_renditions(*site_filters())
    cache.delete(f"renditions-asked:{image.pk}")
    return "made"


def uploaded(sender, instance: AbstractImage, created: bool = False, **kwargs) -> None:
    """post_save of an image: a large new original gets its renditions made by the worker."""
    if created and is_large(instance):
        transaction.on_commit(lambda: make_renditions.enqueue(instance.pk), robust=True)

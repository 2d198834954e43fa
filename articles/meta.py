"""What a page's <head> tells search engines and social sites; the editor's SEO panel previews
these same functions, so what it shows is what the page outputs."""

from urllib.parse import urlencode

from django.conf import settings
from django.template.defaultfilters import truncatewords
from django.urls import reverse

OG_IMAGE_SPEC = "fill-1200x630"  # the share image, as LinkedIn, Slack and X crop it
COVER_SIZE = (1200, 630)  # what a drawn cover measures
# Cover renditions in the <picture> of a listing card and of the article header.
COVER_SPECS = {
    "card": "format-{avif,webp,jpeg} fill-{400x210,800x420}",
    "header": "format-{avif,webp,jpeg} fill-{704x370,1200x630}",
}
# What search results show before they cut off (Google and Bing, roughly, in characters).
TITLE_TAG_LIMIT = 60
DESCRIPTION_LIMIT = 155
DESCRIPTION_FALLBACK_WORDS = 50  # a page with no meta description offers its intro's opening


def share_title(page) -> str:
    """og:title: the SEO title if the editor set one, else the page title."""
    return getattr(page, "seo_title", "") or getattr(page, "title", "")


def title_tag(page) -> str:
    return f"{share_title(page)} · {settings.WAGTAIL_SITE_NAME}"


def meta_description(page) -> str:
    """The meta description (and og:description); without one, the intro's opening words."""
    return getattr(page, "search_description", "") or truncatewords(
        getattr(page, "intro", ""), DESCRIPTION_FALLBACK_WORDS
    )


def cover_drawing_url(page, kind: str = "share") -> str:
    """The drawing a page without a feed image will get, as its title, city, author (the share
    image) or city, topic and slug (the cover, `kind="cover"`) stand, at an admin URL: what the
    SEO panel and the preview show before a publish draws it for real."""
    query = {"title": page.title, "city": page.city_id or "", "author": page.author_id or ""}
    if kind == "cover":
        topics = sorted(page.topics.names()) if page.pk else []
        query = {"kind": kind, "city": page.city_id or "", "slug": page.slug or page.title,
                 "topic": topics[0] if topics else ""}  # fmt: skip
    return f"{reverse('article_cover_preview')}?{urlencode(query)}"

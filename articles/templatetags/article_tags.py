"""Template tags: the office list, the call-to-action link, related cards, and what crawlers read
in <head>."""

import json
import re
import zlib
from urllib.parse import urlencode, urlsplit, urlunsplit

from django import template
from django.forms.utils import flatatt
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from wagtail.images.models import Filter, Picture

from articles import analysis, covers, images, meta
from articles.contents import anchors, sections, trail
from articles.meta import COVER_SIZE, COVER_SPECS
from articles.related import related_articles, stored_related
from articles.seo import article_structured_data, breadcrumb_structured_data
from articles.site_url import absolute
from articles.snippets import CONTACT_PATH, Office

register = template.Library()
# What the <head> says of a page: the same functions feed the editor's SEO panel previews.
register.filter("title_tag", meta.title_tag)
register.filter("share_title", meta.share_title)
register.filter("meta_description", meta.meta_description)
register.filter("absolute", absolute)


@register.inclusion_tag("includes/offices.html", takes_context=True)
def office_list(context, heading_id: str = "offices-heading") -> dict:
    """The published offices, or in an editor's preview the list with the edited office."""
    offices = context.get("preview_offices") or Office.published()
    return {"offices": list(offices), "heading_id": heading_id}


@register.simple_tag
def cta_href(call_to_action, article=None) -> str:
    """The button's link; to the contact form it carries the article the reader came from."""
    url = call_to_action.button_url if call_to_action else CONTACT_PATH
    parts = urlsplit(url)
    if article is None or getattr(article, "pk", None) is None or parts.path != CONTACT_PATH:
        return url
    query = "&".join(filter(None, [parts.query, urlencode({"article": article.pk})]))
    return urlunsplit(parts._replace(query=query))


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """This page's address without tracking or odd query strings; a listing keeps its page."""
    request = context["request"]
    page = request.GET.get("page", "")
    query = f"?page={page}" if page.isdigit() and page != "1" else ""
    return absolute(request.path) + query


@register.simple_tag(takes_context=True)
def structured_data(context, article) -> str:
    """The article's JSON-LD (the post, then its breadcrumbs), escaped so no text can close the
    script element."""
    scripts = []
    for data in (article_structured_data(article, environ(context)),
                 breadcrumb_structured_data(article)):  # fmt: skip
        text = json.dumps(data, ensure_ascii=False)
        escaped = text.translate({ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"})
        scripts.append(f'<script type="application/ld+json">{escaped}</script>')
    return mark_safe("\n  ".join(scripts))


@register.simple_tag
def way_around(article) -> dict:
    """The breadcrumbs above the title, the contents list and the headings' anchors."""
    return {"trail": trail(article), "sections": sections(article), "anchors": anchors(article)}


CONTACT_LINK = re.compile(r'href="/contact/?(?:\?[^"]*)?"')


@register.filter
def counted_contact_links(html, article) -> str:
    """A body's links to the contact form go through the counted click, as the button does, so
    the lead they bring is the article's."""
    target = f'href="{reverse("cta_click", args=(article.pk,))}?to=form"'
    return mark_safe(CONTACT_LINK.sub(target, str(html)))


@register.filter
def anchor_of(anchors: dict, block) -> str:
    return anchors.get(block.id, "")


SUFFIXES = re.compile(r"(?:ing|ed|es|e|s)$", re.IGNORECASE)


def word_pattern(word: str) -> str:
    """A searched word and the forms the full-text search matches it by (hire: hiring, hired,
    hires); a short word only as itself."""
    stem = SUFFIXES.sub("", word) if len(word) > 3 else word
    return rf"\b{re.escape(stem)}\w*" if len(word) > 2 else rf"\b{re.escape(word)}\b"


@register.filter
def highlight(text: str, query: str) -> str:
    """Mark every searched word in a snippet of text (escaped first)."""
    words = sorted(
        {w for w in re.findall(r"\w+", query or "") if len(w) > 1}, key=len, reverse=True
    )
    if not words:
        return escape(text)
    # Split the raw text, then escape each piece: a match can never land inside an entity.
    pattern = "|".join(word_pattern(word) for word in words)
    parts = re.split(f"({pattern})", text, flags=re.IGNORECASE)
    return mark_safe(
        "".join(
            f"<mark>{escape(part)}</mark>" if i % 2 else escape(part)
            for i, part in enumerate(parts)
        )
    )


def environ(context) -> dict | None:
    request = context.get("request")
    return request.META if request is not None else None


@register.simple_tag(takes_context=True)
def share_image(context, article):
    """The og:image / twitter:image (1200×630): the editor's image, else the drawn share image
    with the title (a social card needs it), or None."""
    return covers.share_of(article, environ(context)) if hasattr(article, "feed_image_id") else None


def picture(context, image, pattern: str, attrs: dict) -> str:
    """<picture> (AVIF, WebP, JPEG; width and height against layout shift), or nothing while
    the worker makes a large original's renditions."""
    made = images.renditions(image, Filter.expand_spec(pattern), environ(context))
    return Picture(made, attrs).__html__() if made else ""


@register.simple_tag(takes_context=True)
def cover_picture(context, article, place: str, **attrs) -> str:
    """The cover. Decorative (alt=""): the drawn cover is a pattern of the city and topic; an
    editor's own image says what it shows through its alt text."""
    cover = article.cover
    if cover is None:
        return drawing_in_preview(context, article, attrs)
    alt = cover.default_alt_text if article.feed_image_id else ""
    return picture(context, cover, COVER_SPECS[place], {"alt": alt, **attrs})


@register.simple_tag(takes_context=True)
def content_findings(context, article) -> str:
    """In the editor's preview only: what the Checks panel should say of the article, named on
    its h1 for the rules of articles/admin/checks.py."""
    if not getattr(context.get("request"), "is_preview", False):
        return ""
    return format_html(' data-content-findings="{}"', " ".join(analysis.findings(article)))


def drawing_in_preview(context, article, attrs: dict) -> str:
    """In the editor's preview of an article never published, the cover it will get, drawn
    from its city, topic and slug as they stand; readers never see one missing."""
    if not getattr(context.get("request"), "is_preview", False) or article.feed_image_id:
        return ""
    width, height = COVER_SIZE
    return format_html(
        '<img src="{}" width="{}" height="{}" alt=""{}>',
        meta.cover_drawing_url(article, kind="cover"),
        width,
        height,
        flatatt(attrs),
    )


@register.simple_tag(takes_context=True)
def figure_picture(context, image, **attrs) -> str:
    """A body image at the column's width."""
    return picture(context, image, images.FIGURE_SPEC, attrs)


@register.simple_tag(takes_context=True)
def avatar_image(context, image, size: str, **attrs) -> str:
    """An author's photo, square."""
    made = images.rendition(image, images.AVATAR_SPECS[size], environ(context))
    return made.img_tag(attrs) if made else ""


AVATAR_TONES = 6  # .avatar--0 … --5 in site.css: dark enough for white initials (WCAG AA)


@register.inclusion_tag("includes/avatar.html", takes_context=True)
def avatar(context, author, size: str = "small") -> dict:
    """The author's photo, or their initials on a colour of their own: no image request."""
    words = [word for word in re.split(r"[\s-]+", author.name) if word[:1].isalpha()]
    initials = "".join(word[0] for word in (words[:1] + words[1:][-1:])).upper()
    tone = zlib.crc32(author.name.encode()) % AVATAR_TONES
    return {
        "author": author, "size": size, "initials": initials or "?", "tone": tone,
        "request": context.get("request"),
    }  # fmt: skip


@register.simple_tag(takes_context=True)
def related_cards(context, page) -> list:
    """An article's "More articles": when routed to (not a preview), the stored list that came
    with the article; otherwise (previews; before the worker has stored one) worked out now."""
    ids = getattr(page, "stored_related_ids", None)
    if ids is not None and not getattr(context.get("request"), "is_preview", False):
        return stored_related(ids)
    return related_articles(page, topics=context.get("topics"))

"""Ways around a long article: the trail to it (breadcrumbs) and its sections (a table of
contents from the body's headings), shared by the page and its structured data."""

from typing import NamedTuple

from django.utils.text import slugify
from django.utils.translation import gettext as _

from .pages import ArticlePage

# A contents list earns its place on a long article with several sections.
CONTENTS_MIN_MINUTES = 3
CONTENTS_MIN_SECTIONS = 3


class Crumb(NamedTuple):
    name: str
    url: str


class Section(NamedTuple):
    anchor: str
    title: str


def trail(article: ArticlePage) -> list[Crumb]:
    """Home › Articles › the article's city: where the article sits, above its title."""
    listing = article.url.rstrip("/").rpartition("/")[0] + "/"  # its parent's address: no query
    crumbs = [Crumb(_("Home"), "/"), Crumb(_("Articles"), listing)]
    if article.city:
        crumbs.append(Crumb(article.city.name, article.city.get_absolute_url()))
    return crumbs


def anchors(article: ArticlePage) -> dict[str, str]:
    """Each heading block's id → its anchor: its words as a slug, made unique in the page."""
    found, taken = {}, set()
    for block in article.body:
        if block.block_type != "heading":
            continue
        base = slugify(str(block.value)) or "section"
        anchor, n = base, 2
        while anchor in taken:
            anchor, n = f"{base}-{n}", n + 1
        taken.add(anchor)
        found[block.id] = anchor
    return found


def sections(article: ArticlePage) -> list[Section]:
    """The table of contents, or none for a short article."""
    if article.reading_minutes < CONTENTS_MIN_MINUTES:
        return []
    by_id = {block.id: str(block.value) for block in article.body if block.block_type == "heading"}
    listed = [Section(anchor, by_id[block_id]) for block_id, anchor in anchors(article).items()]
    return listed if len(listed) >= CONTENTS_MIN_SECTIONS else []

"""Which reader-facing paths of the articles count as page views, and which page each names
(settings.COUNTED_PAGES lists this for the performance numbers; nothing here imports them).

A section is (kind, pattern, resolve): `pattern` matches a whole path; `resolve(paths)` maps
the paths that name a page still there to (the row's key, the article's id or None). Without
`resolve`, the path itself is the key.
"""

import re
from collections.abc import Callable

from wagtail.models import Site

from .pages import ArticlePage
from .snippets import Author, City

SLUG = re.compile(r"^/[\w-]+/([\w-]+)/$")


def slugs(paths: set[str]) -> dict[str, str]:
    return {path: match[1] for path in paths if (match := SLUG.match(path))}


def articles_at(paths: set[str]) -> dict[str, tuple[str, int]]:
    """By id, so that a later slug change keeps the article's history."""
    by_path = slugs(paths)
    root_paths = Site.get_site_root_paths()
    root = root_paths[0].root_path if root_paths else "/"
    ids = dict(
        ArticlePage.objects.filter(
            url_path__in=[f"{root}blog/{slug}/" for slug in by_path.values()]
        ).values_list("slug", "pk")
    )
    return {path: (str(ids[slug]), ids[slug]) for path, slug in by_path.items() if slug in ids}


def slugs_of(model) -> Callable[[set[str]], dict[str, tuple[str, None]]]:
    def resolve(paths: set[str]) -> dict[str, tuple[str, None]]:
        by_path = slugs(paths)
        found = set(model.objects.filter(slug__in=by_path.values()).values_list("slug", flat=True))
        return {path: (slug, None) for path, slug in by_path.items() if slug in found}

    return resolve


def existing_articles(ids: list[int]) -> set[int]:
    """Which of these ids (a click's, a form view's) are articles still there."""
    return set(ArticlePage.objects.filter(pk__in=ids).values_list("pk", flat=True))


SECTIONS = [
    ("listing", r"/(?:|blog/|topics/[\w-]+/)", None),
    ("article", r"/blog/(?!feed/)[\w-]+/", articles_at),
    ("author", r"/authors/[\w-]+/", slugs_of(Author)),
    ("city", r"/cities/[\w-]+/", slugs_of(City)),
]

"""What a response shows, as cache tags (Varnish `xkey`, a CDN's surrogate keys).

A response is tagged with the keys of the objects it shows; a change purges exactly those keys
(invalidation.py). Two kinds of key, both worked out from the object itself, so no app names
another's models:

- `key(obj)`: this object (a page's own key is `page-<id>` whatever its type, so a card and the
  page it links to share it);
- `key(Model)`: "some objects of this type": a listing of articles, the list of offices. Any
  publish of that type, or a change to one of them, purges it.

A type's key and a page's key are also written once more with the page's *bucket*
(`articles.office:7`, `page-12:7`, one of BUCKETS by a hash of the URL), so that a change shown
on many pages (the offices; an article on many related lists) can be purged a bucket at a time
(invalidation.spread): a few pages are renewed each second instead of all at once.

Tags live on the request (its META), so views, templates and template tags add to them while
the response is made; the middleware writes them into the response header.
"""

import zlib
from collections.abc import Callable, Iterable
from functools import wraps

from django.db import models
from django.http import HttpRequest
from wagtail.models import Page

TAGS = "pagecache.tags"  # request.META: the keys this response shows
EVERYTHING = "site"  # on every cacheable response: one key to purge it all
BUCKETS = 30


def key(thing: models.Model | type[models.Model]) -> str:
    """The cache key of an object, or of "some objects of this model" for a model class."""
    if isinstance(thing, type):
        return thing._meta.label_lower
    if isinstance(thing, Page):
        return page_key(thing.pk)
    return f"{thing._meta.label_lower}-{thing.pk}"


def page_key(page_id: int) -> str:
    """On a page and on every card of it elsewhere."""
    return f"page-{page_id}"


def is_type_key(name: str) -> bool:
    return "." in name and "-" not in name


def bucket_of(path: str) -> int:
    return zlib.crc32(path.encode()) % BUCKETS


def is_page_key(name: str) -> bool:
    return name.startswith("page-") and name[5:].isdigit()


def is_own_key(name: str) -> bool:
    return name.startswith("page-") and name.endswith("-itself")


def with_buckets(keys: set[str], path: str) -> set[str]:
    """The keys a response at `path` is tagged with: its type, page and own keys once more in
    its bucket, so that a change shown on many pages can renew them a bucket at a time."""
    bucket = bucket_of(path)
    spreadable = (is_type_key, is_page_key, is_own_key)
    return keys | {f"{name}:{bucket}" for name in keys if any(kind(name) for kind in spreadable)}


def own_key(page_id: int) -> str:
    """On the page itself only (not on its cards): what an unpublish removes at once."""
    return f"page-{page_id}-itself"


def keys_of(things: Iterable) -> set[str]:
    return {key(thing) for thing in things if thing is not None}


def shows(request: HttpRequest | None, *things) -> None:
    """This response shows these objects (or, for a model class, some objects of it)."""
    if request is not None:
        request.META.setdefault(TAGS, set()).update(keys_of(things))


def listing_of(*models_shown: type[models.Model]) -> Callable:
    """A view decorator: the view lists objects of these models."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def tagged_view(request: HttpRequest, *args, **kwargs):
            shows(request, *models_shown)
            return view(request, *args, **kwargs)

        return tagged_view

    return decorate


def tagged(request: HttpRequest) -> set[str]:
    return request.META.get(TAGS, set())

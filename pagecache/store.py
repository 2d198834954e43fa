"""Whole public responses in the shared cache, stamped with what they depend on.

Every stored page carries a stamp, and one round trip (MGET on Redis) reads the current stamp
parts with the page:

- the *generation*: bumped when something may vanish or change everywhere (unpublish, delete,
  move, a view restriction, a snippet): every page is stale at once;
- the *listing version*: bumped when an article is published; every page that lists articles
  (home, /blog/, author, city and topic pages, feeds, sitemap, search) is stale at once;
- the page's own *path version*: bumped when that article is published: fresh at once;
- the *related time*: when a new article was last published. Any article page may now show it
  as a related-article card, so it keeps its stored copy for up to PAGE_CACHE_RELATED_LAG
  seconds (spread over that window by its key, so 300 articles are not rebuilt in the same
  second), then one request rebuilds it (a short lock) while the others get the stored copy;
- the *update version*: bumped when a live article is updated. An article page records which
  articles its related cards show (cache tags); after an update it reads their change times in
  a second round trip, once: a page that does not show the updated article is re-stamped and
  served as it is, a page that does is rebuilt within the window as above.

Everything here works on the WSGI environ (Django's request.META), so the WSGI layer and the
Django middleware share one definition of what is cacheable and under which key.

Each process keeps a copy of what its lookups read (local.py): a hit on a page it has read
before takes no round trip at all. Every write below is announced so that copies forget it.

The page cache has its own cache alias ("pages") with short timeouts and no swallowed errors: a
Redis that is down or hung costs one short timeout, then this process serves uncached for
OUTAGE_SECONDS (logged once) before trying again.
"""

import hashlib
import logging
import re
import time
from functools import cache as memoize
from typing import NamedTuple
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse

from . import encoding, local, registry

logger = logging.getLogger(__name__)
ALIAS = local.ALIAS
GENERATION_KEY = "pagecache:generation"
LISTING_KEY = "pagecache:listing"
RELATED_KEY = "pagecache:related"
UPDATED_KEY = "pagecache:updated"
STAMP_SEEN = "pagecache.stamp"  # environ key: the stamp this request started under
STARTED = "pagecache.started"  # environ key: when this request looked the page up
ARTICLE = "pagecache.article"  # environ key: set while serving an article page
DONT_STORE = "pagecache.dont_store"  # environ key: this response is not to be kept
NEVER_CACHED = ("/admin/", "/contact/", "/healthz/", "/static/", "/media/", "/documents/")
OUTAGE_SECONDS = 10
REBUILD_LOCK_SECONDS = 30


class Stamp(NamedTuple):
    generation: int
    listing: int | None  # None: an article page, which lists no articles
    path: int
    related: float
    updated: int


class Entry(NamedTuple):
    stamp: Stamp
    status: int
    headers: dict[str, str]
    body: bytes
    shows: tuple[int, ...] = ()  # the articles an article page shows as related cards
    rendered_at: float = 0.0
    encoding: str = ""  # "gzip": body is stored compressed (encoding.py)


_down_until = 0.0


def available() -> bool:
    return time.monotonic() >= _down_until


def outage(error: Exception, doing: str) -> None:
    """Serve uncached for a while; say so once per outage, not once per request."""
    global _down_until
    if available():
        logger.warning(
            "Page cache unavailable (%s while %s): serving uncached for %ss",
            type(error).__name__, doing, OUTAGE_SECONDS,
        )  # fmt: skip
    _down_until = time.monotonic() + OUTAGE_SECONDS
    local.forget()


def reset_outage() -> None:
    """Try the cache again on the next request (tests; an operator's shell)."""
    global _down_until
    _down_until = 0.0


@memoize
def session_cookie(name: str) -> re.Pattern:
    return re.compile(rf"(?:^|;)\s*{re.escape(name)}=")


def cacheable_request(environ: dict) -> bool:
    """Anonymous GET/HEAD of a public path: no session cookie, so nothing personal to show."""
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and environ.get("REQUEST_METHOD") in ("GET", "HEAD")
        and not environ.get("PATH_INFO", "").startswith(NEVER_CACHED)
        and not session_cookie(settings.SESSION_COOKIE_NAME).search(environ.get("HTTP_COOKIE", ""))
    )


def key_query(query_string: str, path: str) -> str:
    """The query parameters this page reads (registry.py); all others (utm_*, fbclid, …) leave
    the key alone, so a tracking link is a hit on the page it links to."""
    if not query_string or not (params := registry.query_params(path)):
        return ""
    pairs = parse_qsl(query_string, keep_blank_values=True)
    return urlencode(sorted((k, v) for k, v in pairs if k in params))


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()


def key_for(environ: dict) -> str:
    scheme = environ.get("HTTP_X_FORWARDED_PROTO") or environ.get("wsgi.url_scheme", "http")
    path = environ.get("PATH_INFO", "")
    address = "|".join(
        (scheme, environ.get("HTTP_HOST", ""), path,
         key_query(environ.get("QUERY_STRING", ""), path), environ.get("REQUEST_METHOD", ""))
    )  # fmt: skip
    return "pagecache:" + digest(address)


def path_key(path: str) -> str:
    return "pagecache:path:" + digest(path)


def changed_key(article_id: int) -> str:
    return f"pagecache:changed:{article_id}"


def mark_article(environ: dict, shows: list[int]) -> None:
    """Called while an article renders: it shows other articles only as related cards."""
    environ[ARTICLE] = tuple(shows)


def within_lag(key: str, since: float) -> bool:
    """A page showing something that changed at `since` may serve its copy a little longer;
    past its moment in the window, one request rebuilds it (single flight)."""
    lag = settings.PAGE_CACHE_RELATED_LAG
    spread = 1 + int(key[-8:], 16) % lag if lag else 0  # this page's moment within the window
    if time.time() < since + spread:
        return True
    return not caches[ALIAS].add(f"{key}:rebuild", 1, timeout=REBUILD_LOCK_SECONDS)


def current(entry: Entry, now: Stamp, key: str, found: dict) -> bool:
    """Whether the stored page may be served. `found` is what the lookup read (and what this
    process's copy keeps): what is read here is added to it, so a copied page is checked once."""
    seen = entry.stamp
    if (seen.generation, seen.path) != (now.generation, now.path):
        return False
    if seen.listing is not None:
        return seen.listing == now.listing
    if seen.related < now.related:
        return within_lag(key, now.related)
    checked = f"{key}:checked"  # the update version this page was last found unaffected at
    if now.updated in (seen.updated, found.get(checked)) or not entry.shows:
        return True
    cards = f"{key}:cards"  # when its cards' articles last changed (announced: "*")
    if cards not in found:
        changed = caches[ALIAS].get_many([changed_key(pk) for pk in entry.shows]).values()
        found[cards] = max(changed, default=0.0)
    if found[cards] > entry.rendered_at:
        return within_lag(key, found[cards])
    # None of its cards changed: say so (a few bytes), so other processes' next hits take one
    # round trip.
    caches[ALIAS].set(checked, now.updated, timeout=settings.PAGE_CACHE_SECONDS)
    found[checked] = now.updated
    return True


# Other apps' notes on each request answered from the cache (content performance counts the
# view; a miss is counted by Django once it renders a real page): each hook takes the environ;
# it must be cheap and never raise.
HIT_HOOKS: list = []


def lookup(environ: dict) -> Entry | None:
    """The stored response if it may be served; remembers the current stamp in the environ."""
    if not available():
        return None
    key, path = key_for(environ), path_key(environ.get("PATH_INFO", ""))
    copy = local.copy()
    try:
        found = copy.get(key) if copy else None
        token = None
        if found is None:
            token = copy.token() if copy else None
            found = caches[ALIAS].get_many(
                [GENERATION_KEY, LISTING_KEY, RELATED_KEY, UPDATED_KEY, path, key, f"{key}:checked"]
            )
        # What this request renders is stamped with what it started under: a change made while
        # it renders leaves the stored copy already stale.
        now = Stamp(
            found.get(GENERATION_KEY, 1), found.get(LISTING_KEY, 1), found.get(path, 1),
            found.get(RELATED_KEY, 0.0), found.get(UPDATED_KEY, 1),
        )  # fmt: skip
        environ[STAMP_SEEN], environ[STARTED] = now, time.time()
        entry = found.get(key)
        fresh = isinstance(entry, Entry) and current(entry, now, key, found)
    except Exception as error:  # down or hung: serve uncached
        outage(error, "reading")
        return None
    if copy is not None:
        if fresh and token is not None:
            copy.keep(key, found, token, expires=entry.rendered_at + settings.PAGE_CACHE_SECONDS)
        elif not fresh and token is None:
            copy.changed(key)  # the copied page is stale: read it from Redis next time
    if not fresh:
        return None
    for hook in HIT_HOOKS:
        hook(environ)
    return entry


def served(entry: Entry, environ: dict) -> tuple[bytes, dict[str, str]]:
    """The stored body and headers as this client can read them (gzipped or not)."""
    return encoding.for_client(entry.body, entry.encoding, entry.headers, environ)


def as_response(entry: Entry, environ: dict) -> HttpResponse:
    body, headers = served(entry, environ)
    return HttpResponse(body, status=entry.status, headers=headers)


def dont_store(environ: dict) -> None:
    """This response is incomplete for now (say, an image still being made): the middleware
    neither keeps it nor lets a CDN keep it."""
    environ[DONT_STORE] = True


def save(environ: dict, response: HttpResponse) -> bool:
    """Store the page; False when the cache is down (the lookup failed, or this set)."""
    now = environ.get(STAMP_SEEN)
    if now is None or not available():
        return False
    shows = environ.get(ARTICLE)
    stamp = now if shows is None else now._replace(listing=None)
    body, body_encoding, headers = encoding.prepare(response)
    entry = Entry(
        stamp, response.status_code, headers, body, shows or (), environ.get(STARTED, 0.0),
        body_encoding,
    )  # fmt: skip
    key = key_for(environ)
    try:
        caches[ALIAS].set(key, entry, timeout=settings.PAGE_CACHE_SECONDS)
        caches[ALIAS].delete(f"{key}:rebuild")
        local.announce(key)
    except Exception as error:
        outage(error, "storing")
        return False
    return True


def bump(key: str) -> None:
    if not caches[ALIAS].add(key, 2, timeout=None):
        caches[ALIAS].incr(key)


def clear() -> bool:
    """Make every cached page stale (something may vanish or change everywhere); False if Redis
    did not answer. Always tried, outage or not: an invalidation must never be skipped."""
    try:
        bump(GENERATION_KEY)
        local.announce(local.EVERYTHING)  # every process's copies carry the old stamp
    except Exception as error:
        outage(error, "clearing")
        return False
    return True


def article_published(path: str, article_id: int, new: bool) -> bool:
    """An article went live or changed: it and every listing are stale at once. Pages that show
    it as a related card (any article page, for a new one) follow within PAGE_CACHE_RELATED_LAG
    seconds. False if Redis did not answer (the caller then clears everything, later)."""
    try:
        bump(path_key(path))
        bump(LISTING_KEY)
        if new:
            caches[ALIAS].set(RELATED_KEY, time.time(), timeout=None)
        else:
            caches[ALIAS].set(changed_key(article_id), time.time(), timeout=None)
            bump(UPDATED_KEY)
        local.announce(local.EVERYTHING)  # after every write: copies read since are current
    except Exception as error:
        outage(error, "invalidating")
        return False
    return True

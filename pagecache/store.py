"""Whole public responses in the shared cache, stamped with the content generation.

Any content change bumps the generation, so every cached page is stale at once: simple, and a
change shows on the next request of every page that displays it (listings, feeds, sitemap). A
lookup reads the generation and the page in one round trip (MGET on Redis).

Everything here works on the WSGI environ (Django's request.META), so the WSGI layer and the
Django middleware share one definition of what is cacheable and under which key.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

logger = logging.getLogger(__name__)
GENERATION_KEY = "pagecache:generation"
GENERATION_SEEN = "pagecache.generation"  # environ key: the generation this request started under
NEVER_CACHED = ("/admin/", "/contact/", "/healthz/", "/static/", "/media/", "/documents/")

Stored = tuple[int, int, dict[str, str], bytes]  # generation, status, headers, body


def cacheable_request(environ: dict) -> bool:
    """Anonymous GET/HEAD of a public path: no session cookie, so nothing personal to show."""
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and environ.get("REQUEST_METHOD") in ("GET", "HEAD")
        and not environ.get("PATH_INFO", "").startswith(NEVER_CACHED)
        and f"{settings.SESSION_COOKIE_NAME}=" not in environ.get("HTTP_COOKIE", "")
    )


def key_for(environ: dict) -> str:
    scheme = environ.get("HTTP_X_FORWARDED_PROTO") or environ.get("wsgi.url_scheme", "http")
    address = "|".join(
        (scheme, environ.get("HTTP_HOST", ""), environ.get("PATH_INFO", ""),
         environ.get("QUERY_STRING", ""), environ.get("REQUEST_METHOD", ""))
    )  # fmt: skip
    return "pagecache:" + hashlib.sha256(address.encode("utf-8", "replace")).hexdigest()


def lookup(environ: dict) -> Stored | None:
    """The stored response if it is current; remembers the generation in the environ."""
    key = key_for(environ)
    try:
        found = cache.get_many([GENERATION_KEY, key])
    except Exception as error:  # the cache is down: serve uncached
        logger.warning("Page cache unavailable, serving uncached: %s", type(error).__name__)
        return None
    # What this request renders is stamped with the generation it started under: a change made
    # while it renders leaves the stored copy already stale.
    environ[GENERATION_SEEN] = found.get(GENERATION_KEY, 1)
    stored = found.get(key)
    return stored if stored is not None and stored[0] == environ[GENERATION_SEEN] else None


def as_response(stored: Stored) -> HttpResponse:
    _, status, headers, content = stored
    return HttpResponse(content, status=status, headers=headers)


def save(environ: dict, response: HttpResponse) -> None:
    generation = environ.get(GENERATION_SEEN)
    if generation is None:  # the lookup failed: the cache is down
        return
    stored = (generation, response.status_code, dict(response.items()), response.content)
    try:
        cache.set(key_for(environ), stored, timeout=settings.PAGE_CACHE_SECONDS)
    except Exception as error:
        logger.warning("Page cache unavailable, not stored: %s", type(error).__name__)


def clear() -> None:
    """Make every cached page stale (content changed somewhere)."""
    try:
        if cache.add(GENERATION_KEY, 2, timeout=None):
            return
        cache.incr(GENERATION_KEY)
    except Exception as error:
        logger.warning("Page cache could not be cleared: %s", type(error).__name__)

"""Whole public responses in the shared cache, stamped with the content generation.

Any content change bumps the generation, so every cached page is stale at once: simple, and a
change shows on the next request of every page that displays it (listings, feeds, sitemap). A
lookup reads the generation and the page in one round trip (MGET on Redis).

Everything here works on the WSGI environ (Django's request.META), so the WSGI layer and the
Django middleware share one definition of what is cacheable and under which key.

The page cache has its own cache alias ("pages") with short timeouts and no swallowed errors: a
Redis that is down or hung costs one short timeout, then this process serves uncached for
OUTAGE_SECONDS (logged once) before trying again.
"""

import hashlib
import logging
import re
import time
from functools import cache as memoize
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse

logger = logging.getLogger(__name__)
ALIAS = "pages"
GENERATION_KEY = "pagecache:generation"
GENERATION_SEEN = "pagecache.generation"  # environ key: the generation this request started under
NEVER_CACHED = ("/admin/", "/contact/", "/healthz/", "/static/", "/media/", "/documents/")
# The only query parameters any cached page reads; all others (utm_*, fbclid, gclid, …) leave
# the key alone, so a tracking link is a hit on the page it links to.
KEY_QUERY_PARAMS = ("page", "q")
OUTAGE_SECONDS = 10

Stored = tuple[int, int, dict[str, str], bytes]  # generation, status, headers, body
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


def key_query(query_string: str) -> str:
    pairs = parse_qsl(query_string, keep_blank_values=True)
    return urlencode(sorted((k, v) for k, v in pairs if k in KEY_QUERY_PARAMS))


def key_for(environ: dict) -> str:
    scheme = environ.get("HTTP_X_FORWARDED_PROTO") or environ.get("wsgi.url_scheme", "http")
    address = "|".join(
        (scheme, environ.get("HTTP_HOST", ""), environ.get("PATH_INFO", ""),
         key_query(environ.get("QUERY_STRING", "")), environ.get("REQUEST_METHOD", ""))
    )  # fmt: skip
    return "pagecache:" + hashlib.sha256(address.encode("utf-8", "replace")).hexdigest()


def lookup(environ: dict) -> Stored | None:
    """The stored response if it is current; remembers the generation in the environ."""
    if not available():
        return None
    key = key_for(environ)
    try:
        found = caches[ALIAS].get_many([GENERATION_KEY, key])
    except Exception as error:  # down or hung: serve uncached
        outage(error, "reading")
        return None
    # What this request renders is stamped with the generation it started under: a change made
    # while it renders leaves the stored copy already stale.
    environ[GENERATION_SEEN] = found.get(GENERATION_KEY, 1)
    stored = found.get(key)
    return stored if stored is not None and stored[0] == environ[GENERATION_SEEN] else None


def as_response(stored: Stored) -> HttpResponse:
    _, status, headers, content = stored
    return HttpResponse(content, status=status, headers=headers)


def save(environ: dict, response: HttpResponse) -> bool:
    """Store the page; False when the cache is down (the lookup failed, or this set)."""
    generation = environ.get(GENERATION_SEEN)
    if generation is None or not available():
        return False
    stored = (generation, response.status_code, dict(response.items()), response.content)
    try:
        caches[ALIAS].set(key_for(environ), stored, timeout=settings.PAGE_CACHE_SECONDS)
    except Exception as error:
        outage(error, "storing")
        return False
    return True


def clear() -> bool:
    """Make every cached page stale (content changed somewhere); False if Redis did not answer.

    Always tried, outage or not: an invalidation must never be skipped.
    """
    try:
        if not caches[ALIAS].add(GENERATION_KEY, 2, timeout=None):
            caches[ALIAS].incr(GENERATION_KEY)
    except Exception as error:
        outage(error, "clearing")
        return False
    return True

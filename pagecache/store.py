"""Whole public responses in the shared cache, keyed by address and a content generation.

Any content change bumps the generation, so every cached page is stale at once: simple, and a
change shows on the next request of every page that displays it (listings, feeds, sitemap).
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)
GENERATION_KEY = "pagecache:generation"


def _generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY) or 1
    return generation


def key_for(request: HttpRequest) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"pagecache:{_generation()}:{request.method == 'HEAD'}:{digest}"


def load(request: HttpRequest) -> HttpResponse | None:
    try:
        stored = cache.get(key_for(request))
    except Exception as error:  # the cache is down: serve uncached
        logger.warning("Page cache unavailable, serving uncached: %s", type(error).__name__)
        return None
    if stored is None:
        return None
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def save(request: HttpRequest, response: HttpResponse) -> None:
    stored = (response.status_code, list(response.items()), response.content)
    try:
        cache.set(key_for(request), stored, timeout=settings.PAGE_CACHE_SECONDS)
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

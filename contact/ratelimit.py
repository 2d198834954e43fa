"""A per-address limit on form posts, kept in the shared cache so it holds across workers."""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

logger = logging.getLogger(__name__)
WINDOW_SECONDS = 60


def client_address(request: HttpRequest) -> str:
    """The visitor's address; behind N trusted proxies, Nth from the right of X-Forwarded-For."""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [
        a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()
    ]
    if proxies and forwarded:
        return forwarded[-min(proxies, len(forwarded))]
    return request.META.get("REMOTE_ADDR", "unknown")


def over_limit(request: HttpRequest, scope: str) -> bool:
    """Count this post; True once an address posts more than CONTACT_RATE_LIMIT times a minute.

    If the cache is unreachable the post is let through: losing a lead is worse than spam.
    """
    window = int(time.time() // WINDOW_SECONDS)
    key = f"ratelimit:{scope}:{client_address(request)}:{window}"
    try:
        cache.add(key, 0, timeout=WINDOW_SECONDS * 2)
        count = cache.incr(key)
    except Exception as error:  # cache backend down
        count, reason = None, type(error).__name__
    else:
        reason = "no count returned"
    if count is None:  # django-redis answers None when it ignores an outage
        logger.warning("Rate limit not applied, cache unavailable: %s", reason)
        return False
    return count > settings.CONTACT_RATE_LIMIT

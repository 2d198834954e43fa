"""Per-client limits on form posts, kept in the shared cache so they hold across workers."""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

logger = logging.getLogger(__name__)


def client_address(request: HttpRequest) -> str | None:
    """The visitor's address; behind N trusted proxies, Nth from the right of X-Forwarded-For.

    The one definition for rate limits and the admin login lockout (AXES_CLIENT_IP_CALLABLE).
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [
        a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()
    ]
    if proxies and forwarded:
        return forwarded[-min(proxies, len(forwarded))]
    return request.META.get("REMOTE_ADDR") or None


def over_limit(key: str, limit: int, window_seconds: int = 60) -> bool:
    """Count one attempt under `key`; True once there were more than `limit` in the window.

    If the cache is unreachable the attempt is let through: losing a lead is worse than spam.
    """
    window = int(time.time() // window_seconds)
    bucket = f"ratelimit:{key}:{window}"
    try:
        cache.add(bucket, 0, timeout=window_seconds * 2)
        count = cache.incr(bucket)
    except Exception as error:  # cache backend down
        count, reason = None, type(error).__name__
    else:
        reason = "no count returned"
    if count is None:  # django-redis answers None when it ignores an outage
        logger.warning("Rate limit not applied, cache unavailable: %s", reason)
        return False
    return count > limit


def client_over_limit(
    request: HttpRequest, scope: str, limit: int, window_seconds: int = 60
) -> bool:
    """`over_limit` for this client's address within one scope (a form)."""
    return over_limit(f"{scope}:{client_address(request) or 'unknown'}", limit, window_seconds)

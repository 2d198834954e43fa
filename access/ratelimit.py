"""Per-client limits on form posts, kept in the shared cache so they hold across workers."""

import ipaddress
import logging
import time
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

logger = logging.getLogger(__name__)


@lru_cache(maxsize=8)
def networks(trusted: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in trusted)


def trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks(tuple(settings.TRUSTED_PROXIES)))


def client_address(request: HttpRequest) -> str | None:
    """The visitor's address: the socket's, unless it is one of TRUSTED_PROXIES; then the
    right-most address in X-Forwarded-For that is not a trusted proxy. A client that reaches the
    application directly cannot choose its address by sending the header itself.

    The one definition for rate limits and the admin login lockout (AXES_CLIENT_IP_CALLABLE).
    """
    return client_address_of(request.META)


def client_address_of(environ: dict) -> str | None:
    """`client_address` from a request's environ (what the counting code is handed)."""
    address = environ.get("REMOTE_ADDR") or None
    forwarded = environ.get("HTTP_X_FORWARDED_FOR", "").split(",")
    while address and trusted_proxy(address) and forwarded:
        hop = forwarded.pop().strip()
        try:
            address = str(ipaddress.ip_address(hop))
        except ValueError:  # a malformed hop: the last proxy we trust is all we know
            break
    return address


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

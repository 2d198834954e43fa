"""The shared cache's Redis client: after one failed call it answers at once, for a while, as
if Redis were down, instead of each call waiting out its own timeout.

Wagtail reads the shared cache on page renders and the rate limits on every form post; the
shared cache ignores the errors (IGNORE_EXCEPTIONS), so the site serves on, uncached.
"""

import logging
import time
from functools import wraps

from django_redis.client import DefaultClient
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger(__name__)
OUTAGE_SECONDS = 10
GUARDED = ("get", "get_many", "set", "set_many", "add", "delete", "delete_many", "incr",
           "has_key", "touch", "expire", "ttl", "clear")  # fmt: skip
_down_until = 0.0


def available() -> bool:
    return time.monotonic() >= _down_until


def reset_outage() -> None:
    """Try Redis again on the next call (tests; an operator's shell)."""
    global _down_until
    _down_until = 0.0


def _outage(error: Exception) -> None:
    global _down_until
    if available():
        logger.warning(
            "Shared cache unavailable (%s): skipping it for %ss", type(error).__name__,
            OUTAGE_SECONDS,
        )  # fmt: skip
    _down_until = time.monotonic() + OUTAGE_SECONDS


def _guarded(method):
    @wraps(method)
    def call(self, *args, **kwargs):
        if not available():
            raise ConnectionInterrupted(connection=None)
        try:
            return method(self, *args, **kwargs)
        except ConnectionInterrupted as error:
            _outage(error)
            raise

    return call


class OutageAwareClient(DefaultClient):
    pass


for _name in GUARDED:
    setattr(OutageAwareClient, _name, _guarded(getattr(DefaultClient, _name)))

"""This run's own Redis database, so that two runs on one machine never clear each other's.

A run claims the first free database of CLAIMABLE with a key in database 0 (kept for a few
hours, so a killed run frees its claim) and gives it back when the run ends.
"""

import atexit
import os

import redis

SERVER = os.environ.get("TEST_REDIS_SERVER", "redis://127.0.0.1:6379")
CLAIMABLE = range(15, 7, -1)
CLAIM_SECONDS = 3 * 3600
TIMEOUTS = {"SOCKET_CONNECT_TIMEOUT": 0.1, "SOCKET_TIMEOUT": 0.1}


def _claim() -> int:
    claims = redis.Redis.from_url(f"{SERVER}/0")
    for number in CLAIMABLE:
        key = f"hiring-articles:test-run:db{number}"
        if claims.set(key, os.getpid(), nx=True, ex=CLAIM_SECONDS):
            atexit.register(claims.delete, key)
            return number
    raise RuntimeError(f"every Redis database {CLAIMABLE.stop + 1}-{CLAIMABLE.start} is taken")


DATABASE = _claim()
URL = f"{SERVER}/{DATABASE}"


def redis_caches(location: str = URL) -> dict:
    """The shared cache as production sets it up (see config/settings/base.py)."""
    options = {
        "IGNORE_EXCEPTIONS": True, **TIMEOUTS,
        "CLIENT_CLASS": "pagecache.redis_client.OutageAwareClient",
    }  # fmt: skip
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache", "LOCATION": location, "OPTIONS": options,
        }
    }  # fmt: skip

"""The shared cache's Redis client, aware of the page cache's outage window.

Wagtail reads the shared cache on every page render (its site-root lookup). While the page cache
has found Redis down or hung, this client answers at once as if Redis were down, instead of each
call waiting out its own timeout; the shared cache ignores such errors (IGNORE_EXCEPTIONS).
"""

from django_redis.client import DefaultClient
from django_redis.exceptions import ConnectionInterrupted

from . import store


class OutageAwareClient(DefaultClient):
    def get_next_client_index(self, write: bool = True, tried: list[int] | None = None) -> int:
        if not store.available():
            raise ConnectionInterrupted(connection=None)
        return super().get_next_client_index(write=write, tried=tried)

"""Purging the edge by tag: the one interface, and the Varnish backend shipped with it.

A soft purge marks the tagged copies stale (the edge serves them while it fetches new ones); a
hard purge removes them, for what readers must not see a moment longer (an unpublished or
restricted page). EDGE_PURGE_BACKEND names the class, EDGE_PURGE_URLS where it sends purges
(every Varnish in front; none in development, where nothing is cached).

A CDN with surrogate keys (Fastly, Bunny, …) is another small class with the same `purge`.
"""

import http.client
import logging
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)
TIMEOUT_SECONDS = 2.0
KEYS_PER_REQUEST = 100  # a header of a few kilobytes at most


class PurgeFailed(Exception):
    """An edge did not confirm the purge (down, refused, timed out): try again later."""


class EdgeBackend:
    """Purges tags at one or more edges."""

    def __init__(self, urls: Iterable[str]):
        self.urls = list(urls)

    def purge(self, keys: Iterable[str], hard: bool = False) -> None:
        raise NotImplementedError


class VarnishBackend(EdgeBackend):
    """PURGE requests that the shipped VCL turns into xkey.softpurge / xkey.purge."""

    def purge(self, keys: Iterable[str], hard: bool = False) -> None:
        keys = sorted(set(keys))
        header = "xkey-purge" if hard else "xkey-softpurge"
        failed = []
        for url in self.urls:
            for start in range(0, len(keys), KEYS_PER_REQUEST):
                try:
                    self.send(url, header, " ".join(keys[start : start + KEYS_PER_REQUEST]))
                except (OSError, http.client.HTTPException, PurgeFailed) as error:
                    failed.append(f"{url}: {error or type(error).__name__}")
                    break
        if failed:
            raise PurgeFailed("; ".join(failed))

    def send(self, url: str, header: str, keys: str) -> None:
        parts = urlsplit(url)
        connection = http.client.HTTPConnection(
            parts.hostname, parts.port or 80, timeout=TIMEOUT_SECONDS
        )
        try:
            connection.request("PURGE", parts.path or "/", headers={header: keys})
            response = connection.getresponse()
            response.read()
        finally:
            connection.close()
        if response.status != 200:
            raise PurgeFailed(f"answered {response.status}")


def backend() -> EdgeBackend | None:
    """The configured backend, or None when no edge is in front (development)."""
    if not settings.EDGE_PURGE_URLS:
        return None
    return import_string(settings.EDGE_PURGE_BACKEND)(settings.EDGE_PURGE_URLS)


def send(keys: set[str], hard: bool = False) -> bool:
    """Purge now; False (logged) when an edge did not confirm it."""
    edge = backend()
    if edge is None or not keys:
        return True
    try:
        edge.purge(keys, hard)
    except PurgeFailed as error:
        logger.warning("Edge purge of %d key(s) not confirmed, retrying: %s", len(keys), error)
        return False
    return True

"""Purging the edge by tag: the one interface, and the Varnish backend shipped with it.

A soft purge marks the tagged copies stale (the edge serves them while it fetches new ones); a
hard purge removes them, for what readers must not see a moment longer (an unpublished or
restricted page). EDGE_PURGE_BACKEND names the class, EDGE_PURGE_URLS where it sends purges
(every Varnish in front; none in development, where nothing is cached).

A CDN with surrogate keys (Fastly, Bunny, …) is another small class with the same `purge`.
"""

import http.client
import logging
import re
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

    def purge(self, keys: Iterable[str], hard: bool = False) -> int | None:
        """Purge; how many copies the busiest edge marked, or None if it cannot tell."""
        raise NotImplementedError


class VarnishBackend(EdgeBackend):
    """PURGE requests that the shipped VCL turns into xkey.softpurge / xkey.purge."""

    def purge(self, keys: Iterable[str], hard: bool = False) -> int | None:
        keys = sorted(set(keys))
        header = "xkey-purge" if hard else "xkey-softpurge"
        failed, marked = [], [0]
        for url in self.urls:
            at_this_edge = 0
            for start in range(0, len(keys), KEYS_PER_REQUEST):
                try:
                    at_this_edge += self.send(
                        url, header, " ".join(keys[start : start + KEYS_PER_REQUEST])
                    )
                except (OSError, http.client.HTTPException, PurgeFailed) as error:
                    failed.append(f"{url}: {error or type(error).__name__}")
                    break
            marked.append(at_this_edge)
        if failed:
            raise PurgeFailed("; ".join(failed))
        return max(marked)

    def send(self, url: str, header: str, keys: str) -> int:
        """One PURGE request; the number of copies the VCL says it marked."""
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
        counted = re.search(r"\d+", response.reason or "")  # "Invalidated 12 objects"
        return int(counted.group()) if counted else 0


def backend() -> EdgeBackend | None:
    """The configured backend, or None when no edge is in front (development)."""
    if not settings.EDGE_PURGE_URLS:
        return None
    return import_string(settings.EDGE_PURGE_BACKEND)(settings.EDGE_PURGE_URLS)


def send(keys: set[str], hard: bool = False) -> int | None:
    """Purge now: how many copies were marked (0 when the edge cannot tell, or none is in
    front); None (logged) when an edge did not confirm it."""
    edge = backend()
    if edge is None or not keys:
        return 0
    try:
        return edge.purge(keys, hard) or 0
    except PurgeFailed as error:
        logger.warning("Edge purge of %d key(s) not confirmed, retrying: %s", len(keys), error)
        return None

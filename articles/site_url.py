"""One host everywhere: absolute links come from Wagtail's Site record, never the request's
Host header (which may be an internal name, an IP or a proxy's)."""

import time
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from wagtail.models import Site

ROOT_SECONDS = 60  # how long another process may keep a changed Site record's old address
_root: tuple[float, str] = (0.0, "")


def site_root() -> str:
    """The Site record's root URL ("https://example.com"), kept by this process for a minute:
    every absolute link of a page needs it, and Wagtail's own copy is a Redis round trip each
    time. The record changes at set-up; a save here forgets it at once."""
    global _root
    if time.monotonic() >= _root[0]:
        roots = Site.get_site_root_paths()
        root = roots[0].root_url if roots else settings.SITE_URL.rstrip("/")
        _root = (time.monotonic() + ROOT_SECONDS, root)
    return _root[1]


def forget_site_root(**kwargs) -> None:
    global _root
    _root = (0.0, "")


post_save.connect(forget_site_root, sender=Site, dispatch_uid="articles-site-root-saved")
post_delete.connect(forget_site_root, sender=Site, dispatch_uid="articles-site-root-deleted")


def absolute(path: str) -> str:
    """A path (or an already absolute media URL) as a link that works from anywhere."""
    return urljoin(site_root() + "/", path)


def site_address(url: str) -> tuple[str, int]:
    """SITE_URL ("https://example.com", "http://127.0.0.1:8000") as the Site record's hostname
    and port (Wagtail serves https on port 443 only)."""
    parts = urlsplit(url)
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        port = None
    if parts.scheme not in ("http", "https") or not parts.hostname or port is None:
        raise ValueError(f"SITE_URL must look like https://example.com, not {url!r}")
    if parts.scheme == "https" and port != 443:
        raise ValueError(f"SITE_URL {url!r}: https needs the standard port 443")
    return parts.hostname, port

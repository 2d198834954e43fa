"""One host everywhere: absolute links come from Wagtail's Site record, never the request's
Host header (which may be an internal name, an IP or a proxy's)."""

from urllib.parse import urljoin, urlsplit

from django.conf import settings
from wagtail.models import Site

from pagecache import memo


def site_root() -> str:
    """The Site record's root URL ("https://example.com"): cached by Wagtail in Redis, and per
    process until a content change (pagecache.memo)."""
    return memo.shared("articles:site-root", _read_site_root)


def _read_site_root() -> str:
    roots = Site.get_site_root_paths()
    return roots[0].root_url if roots else settings.SITE_URL.rstrip("/")


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

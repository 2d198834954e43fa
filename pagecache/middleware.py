"""Tell the edge what it may keep, for how long, and what each kept page shows.

Only responses meant for everyone are kept: none that sets a cookie, holds a CSRF token, is
private, or answers a signed-in user. ("Vary: Cookie" alone is fine: requests with a session
cookie never reach the edge's cache.)
"""

import re
from collections.abc import Callable
from functools import cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re, patch_cache_control

from . import tags

PRIVATE_DIRECTIVES = {"private", "no-cache", "no-store"}
# The admin: never kept by anyone. (Content apps mark their own personal pages: the contact
# form's views say no-store themselves.)
PRIVATE_PATHS = ("/admin/",)
NEVER_KEPT = (*PRIVATE_PATHS, "/healthz/", "/count/")
SAFE_VARY = {"", "cookie", "accept-encoding"}
STALE_IF_ERROR = 86400  # an application outage serves the last good copy for a day
MISSING_SECONDS = 10  # a 404 or an incomplete page is kept briefly: the real one shows soon
DONT_KEEP = "pagecache.dont_keep"  # request.META: this response is incomplete for now


@cache
def session_cookie(name: str) -> re.Pattern:
    return re.compile(rf"(?:^|;)\s*{re.escape(name)}=")


def shared_request(request: HttpRequest) -> bool:
    """An anonymous GET/HEAD of a public path: nothing personal to show."""
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.path.startswith(NEVER_KEPT)
        and not session_cookie(settings.SESSION_COOKIE_NAME).search(
            request.META.get("HTTP_COOKIE", "")
        )
    )


def shared_response(request: HttpRequest, response: HttpResponse) -> bool:
    if response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds this visitor's CSRF token
        return False
    vary = {v.strip().lower() for v in cc_delim_re.split(response.get("Vary", ""))}
    cache_control = {
        d.split("=")[0].strip().lower()
        for d in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return vary <= SAFE_VARY and not cache_control & PRIVATE_DIRECTIVES


def dont_keep(environ: dict | None) -> None:
    """This response (its request.META) is incomplete for now (say, an image still being
    made): the edge keeps it only briefly."""
    if environ is not None:
        environ[DONT_KEEP] = True


class EdgeCacheMiddleware:
    """First in MIDDLEWARE, so it sees the response every other middleware has finished."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(PRIVATE_PATHS):
            patch_cache_control(response, private=True, no_store=True)
        elif shared_request(request) and shared_response(request, response):
            self.keep(request, response)
        return response

    def keep(self, request: HttpRequest, response: HttpResponse) -> None:
        if response.status_code != 200 or request.META.get(DONT_KEEP):
            # A missing page, or one still incomplete (an image being made): kept a few
            # seconds, so that a crowd asking for it costs one render every few seconds.
            if response.status_code in (200, 404):
                patch_cache_control(response, public=True, max_age=0, s_maxage=MISSING_SECONDS)
                response[settings.EDGE_TAG_HEADER] = tags.EVERYTHING
            return
        # Kept until a purge names one of its tags (or PAGE_CACHE_SECONDS pass). Browsers ask
        # again each time; the edge (or a CDN: Surrogate-Control is for it alone) serves the old
        # copy after a soft purge while one background fetch renews it, and during an outage.
        patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_SECONDS)
        response["Surrogate-Control"] = (
            f"max-age={settings.PAGE_CACHE_SECONDS}, stale-while-revalidate={STALE_IF_ERROR}, "
            f"stale-if-error={STALE_IF_ERROR}"
        )
        keys = tags.with_buckets(tags.tagged(request), request.path) | {tags.EVERYTHING}
        response[settings.EDGE_TAG_HEADER] = " ".join(sorted(keys))
